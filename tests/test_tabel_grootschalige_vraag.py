"""Tabel 10's regional row: large-scale demand for all of Twente, listed under Almelo."""

import pytest

from reb_maps.data import load_table, table_meta


@pytest.fixture(scope="module")
def rij():
    table = load_table("grootschalige_vraag")
    assert len(table) == 1
    return table.iloc[0]


def test_regional_row_as_printed(rij):
    assert rij["categorie"] == "grootschalig_regio"
    assert rij["gebied"] == "Twente"
    assert rij["gemeente_in_tabel"] == "Almelo"
    assert rij["vraag_min_ha"] == 121
    assert rij["vraag_max_ha"] == 199
    assert rij["hard_aanbod_ha"] == pytest.approx(18.04)


def test_not_mixed_up_with_almelos_own_row(rij):
    almelo = load_table("gemeenten").set_index("gemeente").loc["Almelo"]
    assert (almelo["vraag_min_ha"], almelo["vraag_max_ha"]) == (10, 40)
    assert almelo["hard_aanbod_ha"] == pytest.approx(16.58)
    assert rij["vraag_min_ha"] != almelo["vraag_min_ha"]


def test_one_hectare_difference_with_segment_from_3_ha_is_recorded(rij):
    segment = load_table("ruimtevraag").set_index("categorie").loc["vanaf_3_ha"]
    assert (segment["min_ha"], segment["max_ha"]) == (122, 199)
    assert segment["min_ha"] - rij["vraag_min_ha"] == 1
    assert rij["vraag_max_ha"] == segment["max_ha"]
    opmerkingen = table_meta("grootschalige_vraag")["opmerkingen"]
    assert any("121" in regel and "122" in regel for regel in opmerkingen)


def test_supply_covers_only_part_of_the_demand(rij):
    assert rij["hard_aanbod_ha"] < rij["vraag_min_ha"] <= rij["vraag_max_ha"]


def test_metadata_points_to_tabel_10_and_says_the_source_is_missing():
    meta = table_meta("grootschalige_vraag")
    assert meta["verwijzing"].startswith("REB Twente 2040, Tabel 10")
    assert meta["kolommen"]["hard_aanbod_ha"]["peiljaar"] == 2023
    assert any("geen bron" in regel for regel in meta["ontbreekt"])
