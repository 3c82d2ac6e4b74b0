"""Derived municipal indicators: the traffic light of hard supply against indicative demand."""

from __future__ import annotations

import pandas as pd

from reb_maps.fmt import is_missing


def stoplicht(aanbod, vraag_min, vraag_max) -> str:
    """rood: supply below the minimum demand; oranje: within the range; groen: at or above the maximum.

    A missing supply or demand ('-' in the report: no figure given) gives 'geen opgave', never a colour.
    """
    if is_missing(aanbod) or is_missing(vraag_min) or is_missing(vraag_max):
        return "geen opgave"
    if aanbod < vraag_min:
        return "rood"
    if aanbod >= vraag_max:
        return "groen"
    return "oranje"


def tekort(aanbod, vraag_min):
    """Hectares missing to meet the minimum indicative demand (0 when supply suffices; NA when unknown)."""
    if is_missing(aanbod) or is_missing(vraag_min):
        return pd.NA
    return max(float(vraag_min) - float(aanbod), 0.0)
