"""Sensitivity table: each weight ±20 %, renormalised, one at a time."""

import pytest

from reb_maps.zoekgebieden import gevoeligheid, zones
from reb_maps.zoekgebieden.profielen import GEVOELIGHEID_KOLOMMEN, standaard_parameters


@pytest.fixture(scope="module")
def params():
    return standaard_parameters("regionaal-mkb", resolutie_m=250)


@pytest.fixture(scope="module")
def tabel(params):
    return gevoeligheid.gevoeligheid(params)


def test_een_basisrij_en_twee_rijen_per_gewogen_factor(tabel, params):
    gewogen = [n for n, w in params.gewichten if w > 0]
    assert len(tabel) == 1 + 2 * len(gewogen)
    assert tabel["factor"].tolist()[0] == "basis"
    assert set(GEVOELIGHEID_KOLOMMEN) <= set(tabel.columns)
    assert tabel.loc[tabel["factor"] != "basis", "wijziging"].tolist() == ["+20%", "−20%"] * len(gewogen)


def test_basisrij_verandert_niets(tabel):
    basis = tabel.iloc[0]
    assert basis["verschil_ha"] == 0 and basis["gewijzigde_rangen"] == 0
    assert all(links == rechts for links, rechts in (p.split("→") for p in basis["rangen"].split(", ")))


def test_nieuw_gewicht_is_herschaald(tabel, params):
    # w' = w(1 ± 0,2) / (1 ± 0,2 w) for a weight w of a set that sums to 1
    w = params.gewicht("afrit") / sum(dict(params.gewichten).values())
    rijen = tabel[tabel["factor"] == "afrit"].set_index("wijziging")["gewicht"]
    assert rijen["+20%"] == pytest.approx(w * 1.2 / (1 + 0.2 * w))
    assert rijen["−20%"] == pytest.approx(w * 0.8 / (1 - 0.2 * w))


def test_oppervlak_van_een_variant_komt_uit_dezelfde_engine(tabel, params):
    rij = tabel[(tabel["factor"] == "hoogspanning") & (tabel["wijziging"] == "+20%")].iloc[0]
    variant = zones.bereken(params.met_gewichten(hoogspanning=params.gewicht("hoogspanning") * 1.2))
    assert rij["oppervlakte_ha"] == pytest.approx(variant.kandidaten_ha)
    assert rij["kandidaten"] == variant.aantal
    assert rij["verschil_ha"] == pytest.approx(variant.kandidaten_ha - tabel.iloc[0]["oppervlakte_ha"])


def test_rangen_volgen_de_basiskandidaten(params):
    basis = zones.bereken(params)
    assert gevoeligheid.volg_rangen(basis, basis) == list(range(1, basis.aantal + 1))
