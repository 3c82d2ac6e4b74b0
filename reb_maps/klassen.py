"""Choropleth classes: natural breaks (mapclassify's Fisher–Jenks) rounded to numbers a person would print.

Used by the interactive map and the print map alike, so both show the same classes and colours.
"""

from __future__ import annotations

import itertools
import math
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from reb_maps import fmt

METHODE = "natuurlijke grenzen (Jenks), afgerond"
KLEUR_ONBEKEND = "#d9d9d9"
LABEL_ONBEKEND = "geen opgave"
MAX_KLASSEN = 5

# ColorBrewer sequential schemes, five classes (Cynthia Brewer, colorbrewer2.org; Apache 2.0).
PALETTEN = {
    "Blues": ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"),
    "Greens": ("#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c"),
    "Purples": ("#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"),
    "Oranges": ("#feedde", "#fdbe85", "#fd8d3c", "#e6550d", "#a63603"),
    "Reds": ("#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"),
}
_MOOI = (1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 10)


def afronden(waarde: float) -> float:
    """The nearest 'nice' number (1, 1,5, 2, 2,5, 3, 4, 5, 6, 7,5, 8 × a power of ten): 29.925 → 30.000."""
    if waarde == 0 or not math.isfinite(waarde):
        return 0.0
    teken = -1 if waarde < 0 else 1
    macht = 10 ** math.floor(math.log10(abs(waarde)))
    beste = min(_MOOI, key=lambda m: abs(abs(waarde) / macht - m))
    return teken * round(beste * macht, 10)


@dataclass(frozen=True)
class Klassen:
    """Class limits (k-1 inner limits for k classes), their legend texts and colours."""

    grenzen: tuple[float, ...]
    labels: tuple[str, ...]
    kleuren: tuple[str, ...]
    methode: str = METHODE

    def klasse(self, waarde) -> int | None:
        """Index of the class holding `waarde`; None for a missing value ('geen opgave')."""
        if fmt.is_missing(waarde):
            return None
        return int(np.searchsorted(np.asarray(self.grenzen), float(waarde), side="right"))

    def kleur(self, waarde) -> str:
        index = self.klasse(waarde)
        return KLEUR_ONBEKEND if index is None else self.kleuren[index]


def _grenzen(waarden: np.ndarray) -> tuple[float, ...]:
    uniek = np.unique(waarden)
    k = min(MAX_KLASSEN, len(uniek))
    if k < 2:
        return ()
    import mapclassify  # late: it pulls in scikit-learn (~1 s), needed once per indicator and process

    with warnings.catch_warnings():  # "Numba not installed": the pure-Python path is fast enough for 14 values
        warnings.simplefilter("ignore", UserWarning)
        bins = mapclassify.FisherJenks(waarden, k=k).bins[:-1]  # upper limits; the last is the maximum
    grenzen: list[float] = []
    for grens in (afronden(float(b)) for b in bins):
        if (not grenzen or grens > grenzen[-1]) and waarden.min() < grens <= waarden.max():
            grenzen.append(grens)
    return tuple(grenzen)


def _tekst(waarde: float, eenheid: str) -> str:
    decimalen = 0 if float(waarde).is_integer() else 1
    return fmt.met_eenheid(waarde, eenheid, decimals=decimalen)


def klassen(waarden, eenheid: str, schaal: str) -> Klassen:
    """Classes for the known values; missing values get their own 'geen opgave' class outside these."""
    bekend = pd.to_numeric(pd.Series(list(waarden), dtype="object"), errors="coerce").dropna().to_numpy(float)
    grenzen = _grenzen(bekend) if bekend.size else ()
    if not grenzen:
        teksten = (f"{_tekst(bekend.min(), eenheid)}" if bekend.size else "–",)
    else:
        teksten = (
            f"minder dan {_tekst(grenzen[0], eenheid)}",
            *(f"{_tekst(a, '')} – {_tekst(b, eenheid)}" for a, b in itertools.pairwise(grenzen)),
            f"{_tekst(grenzen[-1], eenheid)} of meer",
        )
    palet = PALETTEN[schaal]
    n = len(teksten)
    kleuren = tuple(palet[round(i * (len(palet) - 1) / max(n - 1, 1))] for i in range(n)) if n > 1 else (palet[2],)
    return Klassen(grenzen, teksten, kleuren)
