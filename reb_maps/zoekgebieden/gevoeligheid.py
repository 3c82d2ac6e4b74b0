"""Sensitivity: change one weight at a time by ±20 % (then renormalise) and see what moves.

A base candidate is followed into a variant run through the variant zone it overlaps most (zones change
shape when weights change); '–' means it no longer overlaps any candidate.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reb_maps.zoekgebieden.factoren import beschikbaar
from reb_maps.zoekgebieden.grid import EigenParken
from reb_maps.zoekgebieden.profielen import FACTOREN, Parameters
from reb_maps.zoekgebieden.zones import Resultaat, bereken

STAP = 0.20


def volg_rangen(basis: Resultaat, variant: Resultaat) -> list[int | None]:
    """Per base candidate (in rank order) the rank of the variant candidate it overlaps most, or None."""
    uit = []
    for rang in range(1, basis.aantal + 1):
        overlap = np.bincount(variant.zones[basis.zones == rang], minlength=variant.aantal + 1)
        overlap[0] = 0
        uit.append(int(overlap.argmax()) if overlap.any() else None)
    return uit


def _rij(factor: str, wijziging: str, gewicht: float, basis: Resultaat, variant: Resultaat) -> dict:
    rangen = volg_rangen(basis, variant)
    return {
        "factor": factor,
        "factor_label": FACTOREN[factor].kort if factor in FACTOREN else "Uitgangspunt",
        "wijziging": wijziging,
        "gewicht": gewicht,
        "kandidaten": variant.aantal,
        "oppervlakte_ha": variant.kandidaten_ha,
        "verschil_ha": variant.kandidaten_ha - basis.kandidaten_ha,
        "geschikt_ha": variant.geschikt_ha,
        "rangen": ", ".join(f"{i}→{'–' if r is None else r}" for i, r in enumerate(rangen, start=1)),
        "gewijzigde_rangen": sum(r != i for i, r in enumerate(rangen, start=1)),
        "beste_blijft_eerste": bool(rangen) and rangen[0] == 1,
    }


def gevoeligheid(params: Parameters, stap: float = STAP, eigen_parken: EigenParken | None = None) -> pd.DataFrame:
    """One row for the base run and two per weighted factor (+stap, −stap); a tidy table for the page. Every run
    uses the same existing parks (the user's own with `eigen_parken`)."""
    basis = bereken(params, eigen_parken)
    rijen = [_rij("basis", "0%", float("nan"), basis, basis)]
    aanwezig = beschikbaar(params.resolutie_m, eigen_parken)
    for naam, gewicht in params.gewichten:
        if gewicht == 0 or naam not in aanwezig:
            continue  # ±20 % of nothing changes nothing
        for teken, tekst in ((1, f"+{round(stap * 100)}%"), (-1, f"−{round(stap * 100)}%")):
            variant = bereken(params.met_gewichten(**{naam: gewicht * (1 + teken * stap)}), eigen_parken)
            rijen.append(_rij(naam, tekst, variant.gewichten[naam], basis, variant))
    return pd.DataFrame(rijen)
