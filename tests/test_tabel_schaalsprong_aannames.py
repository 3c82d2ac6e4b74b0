"""The schaalsprong tables hold the figures of Bijlage III exactly as the report prints them."""

import dataclasses

import pandas as pd
import pytest

from reb_maps.data import load_table, table_meta
from reb_maps.schaalsprong import Aannames

# Typed from REB Twente 2040, Bijlage III (and §2.2 / §3.3 where noted in the table).
RAPPORT_AANNAMES = {
    "banen_doel": 55_000,
    "banen_autonoom": 10_000,
    "aandeel_bedrijventerrein": 30,
    "aandeel_bedrijventerrein_beleidsneutraal": 35,
    "aandeel_mkb": 50,
    "stuwend_maakindustrie": 2_750,
    "stuwend_logistiek": 2_000,
    "stuwend_bouw": 2_000,
    "tq_maakindustrie": 363,
    "tq_logistiek": 354,
    "tq_bouw": 230,
    "tq_mkb": 227,
    "intensivering": 20,
    "speerpunten_banen": 13_300,
    "speerpunten_groei": 2,
    "speerpunten_startjaar": 2023,
    "speerpunten_eindjaar": 2040,
    "speerpunten_extra_banen": 4_600,
    "speerpunten_m2_per_baan": 60,
    "kennisintensief_banen": 26_100,
    "kennisintensief_banen_eind": 29_100,
    "kennisintensief_m2_per_baan": 20,
    "logistiek_banen_nu": 36_000,
    "bouw_banen_nu": 25_000,
}

RAPPORT_UITKOMSTEN = {
    "banen_extra": 45_000,
    "banen_bedrijventerrein": 13_500,
    "banen_mkb": 6_750,
    "ha_stuwend": 216,
    "ha_mkb": 153,
    "ha_totaal": 369,
    "ha_intensivering": 74,
    "ha_extra": 295,
    "ha_extra_samenvatting": 300,
    "speerpunten_banen_eind": 17_300,
    "m2_innovatie": 276_000,
    "m2_kantoor": 60_000,
}


@pytest.fixture(scope="module")
def aannames() -> pd.DataFrame:
    return load_table("schaalsprong_aannames").set_index("sleutel")


@pytest.fixture(scope="module")
def uitkomsten() -> pd.DataFrame:
    return load_table("schaalsprong_uitkomsten_rapport").set_index("sleutel")


def test_aannames_zijn_de_getallen_uit_het_rapport(aannames):
    assert {k: float(v) for k, v in aannames["waarde"].items()} == RAPPORT_AANNAMES


def test_elke_invoer_van_de_rekenmodule_staat_in_de_tabel(aannames):
    invoer = set(aannames.index[aannames["soort"] == "invoer"])
    assert invoer == {f.name for f in dataclasses.fields(Aannames)}
    assert set(aannames.index[aannames["soort"] == "referentie"]) == {
        "aandeel_bedrijventerrein_beleidsneutraal", "logistiek_banen_nu", "bouw_banen_nu",
    }  # fmt: skip


def test_percentages_staan_als_percentage(aannames):
    for sleutel in ("aandeel_bedrijventerrein", "aandeel_mkb", "intensivering", "speerpunten_groei"):
        assert aannames.loc[sleutel, "eenheid"].startswith("%")
    assert aannames.loc["tq_bouw", "eenheid"] == "m² kavel per baan"


def test_stuwende_banen_zijn_de_helft_van_13500(aannames):
    stuwend = aannames.loc[["stuwend_maakindustrie", "stuwend_logistiek", "stuwend_bouw"], "waarde"].sum()
    assert stuwend == 6_750 == 13_500 / 2


def test_elke_rij_heeft_bron_en_vindplaats(aannames, uitkomsten):
    for tabel in (aannames, uitkomsten):
        assert tabel["bron"].notna().all()
        assert tabel["verwijzing"].str.contains("REB Twente 2040").all()


def test_uitkomsten_zijn_de_gedrukte_getallen(uitkomsten):
    gedrukt = uitkomsten["waarde"].dropna()
    assert {k: float(v) for k, v in gedrukt.items()} == RAPPORT_UITKOMSTEN


def test_sectorhectares_ontbreken_in_de_brontekst(uitkomsten):
    for sleutel in ("ha_maakindustrie", "ha_logistiek", "ha_bouw"):
        assert pd.isna(uitkomsten.loc[sleutel, "waarde"])
    meta = table_meta("schaalsprong_uitkomsten_rapport")
    assert any("Figuur 11" in regel for regel in meta["ontbreekt"])


def test_gedrukte_uitkomsten_sluiten_op_elkaar_aan(uitkomsten):
    w = uitkomsten["waarde"]
    assert w["ha_stuwend"] + w["ha_mkb"] == w["ha_totaal"]  # 216 + 153 = 369
    assert w["ha_totaal"] - w["ha_intensivering"] == w["ha_extra"]  # 369 − 74 = 295
    assert w["banen_bedrijventerrein"] == 0.30 * w["banen_extra"]
    # Known inconsistency, kept as printed: 13.300 + 4.600 = 17.900, not 17.300.
    assert w["speerpunten_banen_eind"] == 17_300 != 13_300 + 4_600


def test_kwalificaties_zoals_het_rapport(uitkomsten):
    assert uitkomsten.loc["ha_stuwend", "weergave"] == "meer dan"
    assert uitkomsten.loc["ha_extra", "weergave"] == "zeer indicatief"
    assert uitkomsten.loc["m2_kantoor", "weergave"] == "mogelijk"
