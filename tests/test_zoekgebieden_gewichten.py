"""Weights: normalisation (property based) and AHP with Saaty's consistency ratio."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reb_maps.fouten import OngeldigeInvoer
from reb_maps.zoekgebieden.gewichten import RANDOM_INDEX, ahp, ahp_matrix, normaliseer
from reb_maps.zoekgebieden.profielen import FACTOREN

gewicht = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)


@given(st.dictionaries(st.sampled_from(list(FACTOREN)), gewicht, min_size=1).filter(lambda d: sum(d.values()) > 0))
def test_gewichten_tellen_altijd_op_tot_1(gewichten):
    uit = normaliseer(gewichten)
    assert math.fsum(uit.values()) == pytest.approx(1.0)
    assert all(0 <= w <= 1 for w in uit.values())
    assert set(uit) == set(gewichten)


def test_nul_som_en_negatief_geven_nederlandse_fout():
    with pytest.raises(OngeldigeInvoer, match="Alle gewichten zijn 0"):
        normaliseer({"afrit": 0, "nweg": 0})
    with pytest.raises(OngeldigeInvoer, match="negatief"):
        normaliseer({"afrit": 1, "nweg": -0.5})
    with pytest.raises(OngeldigeInvoer, match="eindig"):
        normaliseer({"afrit": float("inf")})


def test_consistente_matrix_heeft_cr_nul_en_de_verwachte_gewichten():
    # a_ij = w_i / w_j for w = (0.5, 0.3, 0.2): perfectly consistent.
    w = np.array([0.5, 0.3, 0.2])
    uit = ahp(w[:, None] / w[None, :], ["afrit", "nweg", "station"])
    assert uit.cr == pytest.approx(0, abs=1e-9)
    assert uit.lambda_max == pytest.approx(3)
    assert list(uit.gewichten.values()) == pytest.approx([0.5, 0.3, 0.2])
    assert uit.consistent and uit.waarschuwing is None


def test_inconsistente_matrix_geeft_cr_boven_0_10_en_waarschuwing():
    # Circular judgements: A > B (3), B > C (5), but C > A (3).
    matrix = [[1, 3, 1 / 3], [1 / 3, 1, 5], [3, 1 / 5, 1]]
    uit = ahp(matrix, ["afrit", "nweg", "station"])
    assert uit.cr > 0.10
    assert not uit.consistent
    assert "0,10" in uit.waarschuwing
    assert math.fsum(uit.gewichten.values()) == pytest.approx(1)


def test_saaty_random_index():
    assert RANDOM_INDEX[3] == 0.58 and RANDOM_INDEX[4] == 0.90 and RANDOM_INDEX[6] == 1.24


def test_ahp_matrix_uit_oordelen_is_wederkerig():
    namen = list(FACTOREN)
    matrix = ahp_matrix(namen, {("afrit", "station"): 5, ("hoogspanning", "vaarweg"): 1 / 3})
    assert matrix[0, 2] == 5 and matrix[2, 0] == pytest.approx(0.2)
    assert np.allclose(matrix * matrix.T, 1)
    uit = ahp(matrix, namen)
    assert max(uit.gewichten, key=uit.gewichten.get) == "afrit"


@pytest.mark.parametrize(
    ("matrix", "fragment"),
    [
        ([[1, 2], [2, 1]], "wederkerig"),
        ([[1, -2], [-0.5, 1]], "positieve"),
        ([[2, 1], [1, 2]], "diagonaal"),
        ([[1, 2, 3], [0.5, 1, 2]], "2×2"),
    ],
)
def test_ongeldige_matrix(matrix, fragment):
    with pytest.raises(OngeldigeInvoer, match=fragment):
        ahp(matrix, ["afrit", "nweg"])


def test_oordeel_buiten_de_saaty_schaal():
    with pytest.raises(OngeldigeInvoer, match="1/9 en 9"):
        ahp_matrix(["afrit", "nweg"], {("afrit", "nweg"): 12})
