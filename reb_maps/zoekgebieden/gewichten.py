"""Weights: normalise to sum 1, or derive them from an AHP pairwise comparison matrix (Saaty).

AHP: the weights are the principal eigenvector of the reciprocal matrix; the consistency ratio
CR = CI / RI with CI = (λmax − n) / (n − 1) and Saaty's random index RI. CR > 0,10 means the
judgements contradict each other too much to trust the weights.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from reb_maps.fouten import OngeldigeInvoer

# Saaty's random consistency index per matrix size (1980).
RANDOM_INDEX = {1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49}
CR_GRENS = 0.10
SAATY_SCHAAL = (1 / 9, 9)


def normaliseer(gewichten: Mapping[str, float]) -> dict[str, float]:
    """Weights scaled to sum 1; negative, non-finite or all-zero weights raise a Dutch error."""
    for naam, w in gewichten.items():
        if not math.isfinite(w):
            raise OngeldigeInvoer(f"Het gewicht van '{naam}' is geen eindig getal.")
        if w < 0:
            raise OngeldigeInvoer(f"Het gewicht van '{naam}' is negatief; gewichten moeten 0 of groter zijn.")
    totaal = math.fsum(gewichten.values())
    if totaal <= 0:
        raise OngeldigeInvoer("Alle gewichten zijn 0: geef minstens één factor een gewicht groter dan 0.")
    return {naam: w / totaal for naam, w in gewichten.items()}


@dataclass(frozen=True)
class AhpUitkomst:
    gewichten: dict[str, float]
    lambda_max: float
    ci: float
    cr: float

    @property
    def consistent(self) -> bool:
        return self.cr <= CR_GRENS

    @property
    def waarschuwing(self) -> str | None:
        if self.consistent:
            return None
        return (
            f"De consistentieratio is {self.cr:.2f}".replace(".", ",")
            + " (hoger dan 0,10): de paarsgewijze oordelen spreken elkaar tegen. Herzie de vergelijkingen."
        )


def ahp_matrix(namen: Sequence[str], oordelen: Mapping[tuple[str, str], float]) -> np.ndarray:
    """The full reciprocal matrix from judgements a_ij ('i is a_ij times as important as j').

    Pairs not given count as equally important (1); a_ji is set to 1 / a_ij.
    """
    index = {naam: i for i, naam in enumerate(namen)}
    matrix = np.ones((len(namen), len(namen)))
    for (a, b), waarde in oordelen.items():
        if a not in index or b not in index:
            raise OngeldigeInvoer(f"Onbekende factor in de vergelijking ({a}, {b}).")
        if a == b:
            continue
        if not (math.isfinite(waarde) and SAATY_SCHAAL[0] - 1e-9 <= waarde <= SAATY_SCHAAL[1]):
            raise OngeldigeInvoer(f"Oordeel {a} t.o.v. {b} moet tussen 1/9 en 9 liggen.")
        matrix[index[a], index[b]] = waarde
        matrix[index[b], index[a]] = 1 / waarde
    return matrix


def ahp(matrix: Sequence[Sequence[float]] | np.ndarray, namen: Sequence[str]) -> AhpUitkomst:
    """Weights (principal eigenvector, sum 1) and Saaty's consistency ratio of a pairwise matrix."""
    a = np.asarray(matrix, dtype=float)
    n = len(namen)
    if a.shape != (n, n) or n < 2:
        raise OngeldigeInvoer(f"De vergelijkingsmatrix moet {n}×{n} zijn (één rij en kolom per factor, minstens 2).")
    if n not in RANDOM_INDEX:
        raise OngeldigeInvoer(f"AHP werkt hier voor hoogstens {max(RANDOM_INDEX)} factoren.")
    if not np.all(np.isfinite(a)) or np.any(a <= 0):
        raise OngeldigeInvoer("Alle oordelen in de matrix moeten positieve getallen zijn.")
    if not np.allclose(np.diag(a), 1):
        raise OngeldigeInvoer("Op de diagonaal van de matrix hoort overal 1 te staan.")
    if not np.allclose(a * a.T, 1, rtol=0.01):
        raise OngeldigeInvoer("De matrix is niet wederkerig: a_ji moet 1 / a_ij zijn.")
    waarden, vectoren = np.linalg.eig(a)
    k = int(np.argmax(waarden.real))
    vector = np.abs(vectoren[:, k].real)
    gewichten = vector / vector.sum()
    lambda_max = float(waarden[k].real)
    ci = max(0.0, (lambda_max - n) / (n - 1))
    ri = RANDOM_INDEX[n]
    cr = ci / ri if ri else 0.0
    return AhpUitkomst(dict(zip(namen, gewichten.tolist(), strict=True)), lambda_max, ci, cr)
