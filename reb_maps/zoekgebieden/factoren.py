"""Factors: distances turned into 0–1 scores (1 = best) with a linear decay between two cut-offs.

For every factor closer is better: 1 at a distance ≤ d0, 0 at ≥ d1, linear in between. The cut-offs
come from the parameters; the distance grids come cached from `grid`. A factor whose source layer is
empty (the business parks may still be missing) cannot be scored: `beschikbaar` says which can.
"""

from __future__ import annotations

import numpy as np

from reb_maps.zoekgebieden import grid
from reb_maps.zoekgebieden.profielen import FACTOREN, Parameters


def lineair(afstand: np.ndarray, d0: float, d1: float) -> np.ndarray:
    """1 at ≤ d0, 0 at ≥ d1, linear in between (requires d0 < d1)."""
    return np.clip((d1 - np.asarray(afstand, dtype=float)) / (d1 - d0), 0.0, 1.0)


def beschikbaar(resolutie: int, eigen_parken: grid.EigenParken | None = None) -> tuple[str, ...]:
    """Factors whose source layer (or the user's own parks) has features."""
    return tuple(naam for naam in FACTOREN if grid.afstand(naam, resolutie, eigen_parken) is not None)


def factor_waarden(params: Parameters, eigen_parken: grid.EigenParken | None = None) -> dict[str, np.ndarray]:
    """Per available factor the flat 0–1 grid for these parameters (own parks: see grid.EigenParken)."""
    uit = {}
    for naam in beschikbaar(params.resolutie_m, eigen_parken):
        d0, d1 = params.afstand(naam)
        uit[naam] = lineair(grid.afstand(naam, params.resolutie_m, eigen_parken), d0, d1)
    return uit
