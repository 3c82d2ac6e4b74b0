"""Derived municipal indicators: the shortfall of hard supply against indicative demand.

The traffic light itself lives in reb_maps.kerncijfers (one function for every page, chart and document).
"""

from __future__ import annotations

import pandas as pd

from reb_maps.fmt import is_missing


def tekort(aanbod, vraag_min):
    """Hectares missing to meet the minimum indicative demand (0 when supply suffices; NA when unknown)."""
    if is_missing(aanbod) or is_missing(vraag_min):
        return pd.NA
    return max(float(vraag_min) - float(aanbod), 0.0)
