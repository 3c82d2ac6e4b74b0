"""Tabel 2, 8 and 10 of the report per municipality (figures typed in from the report)."""

import json
from pathlib import Path

import pandas as pd
import pytest

from reb_maps.data import load_table, table_meta

CBS_CODES = {
    "Almelo": "GM0141", "Borne": "GM0147", "Dinkelland": "GM1774", "Enschede": "GM0153",
    "Haaksbergen": "GM0158", "Hellendoorn": "GM0163", "Hengelo": "GM0164", "Hof van Twente": "GM1735",
    "Losser": "GM0168", "Oldenzaal": "GM0173", "Rijssen-Holten": "GM1742", "Tubbergen": "GM0183",
    "Twenterand": "GM1700", "Wierden": "GM0189",
}  # fmt: skip

# Tabel 2 (BIRO, 2024): inwoners 2023, groei %, banen 2023, groei %
TABEL_2 = {
    "Almelo": (74_000, 3, 47_300, 14),
    "Borne": (24_600, 12, 8_100, 27),
    "Dinkelland": (26_700, 3, 13_000, 16),
    "Enschede": (160_600, 2, 95_400, 15),
    "Haaksbergen": (24_400, 0.2, 11_400, 20),
    "Hellendoorn": (36_300, 2, 15_800, 17),
    "Hengelo": (82_300, 2.5, 52_500, 9),
    "Hof van Twente": (35_400, 1.5, 17_200, 9),
    "Losser": (23_400, 4, 8_800, 18),
    "Oldenzaal": (31_800, -1, 20_200, 11),
    "Rijssen-Holten": (38_700, 2, 23_500, 27),
    "Tubbergen": (21_400, 1, 9_800, 19),
    "Twenterand": (34_000, 0.5, 13_200, 19),
    "Wierden": (24_900, 4.5, 10_200, 38),
}

# Tabel 8 (IBIS, 2024; januari 2023): netto ha, aandeel %
TABEL_8 = {
    "Enschede": (689, 20), "Almelo": (620, 18), "Hengelo": (467, 14), "Rijssen-Holten": (251, 7),
    "Hof van Twente": (246, 7), "Oldenzaal": (231, 7), "Twenterand": (198, 6), "Hellendoorn": (156, 5),
    "Haaksbergen": (140, 4), "Wierden": (102, 3), "Dinkelland": (83, 2), "Tubbergen": (80, 2),
    "Borne": (71, 2), "Losser": (46, 1),
}  # fmt: skip

# Tabel 10: indicatieve vraag tot 2040 (min, max ha), hard aanbod 1-1-2023 (ha; None = '-')
TABEL_10 = {
    "Almelo": (10, 40, 16.58), "Borne": (0, 10, 6.91), "Dinkelland": (0, 10, 0.79),
    "Enschede": (15, 45, 16.63), "Haaksbergen": (5, 15, 0.58), "Hellendoorn": (5, 15, 1.04),
    "Hengelo": (10, 50, 18.39), "Hof van Twente": (5, 15, 11.88), "Losser": (0, 10, None),
    "Oldenzaal": (10, 25, 9.41), "Rijssen-Holten": (10, 30, 3.65), "Tubbergen": (0, 10, None),
    "Twenterand": (0, 10, 12.85), "Wierden": (5, 15, 0.46),
}  # fmt: skip

# shared/ lies beside the repository (also in CI); tests may read it, the app never does.
GEOJSON = Path(__file__).resolve().parents[2] / "shared" / "geodata" / "twente_gemeenten_cbs2026.geojson"


@pytest.fixture(scope="module")
def gemeenten() -> pd.DataFrame:
    return load_table("gemeenten").set_index("gemeente")


def test_exactly_the_14_municipalities_with_their_cbs_codes(gemeenten):
    assert len(gemeenten) == 14
    assert sorted(gemeenten.index) == sorted(CBS_CODES)
    assert gemeenten["cbs_code"].to_dict() == CBS_CODES


@pytest.mark.skipif(not GEOJSON.exists(), reason="shared geodata not present")
def test_cbs_codes_match_the_cbs_2026_boundaries():
    features = json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]
    from_geodata = {f["properties"]["naam"]: f["properties"]["statcode"] for f in features}
    assert from_geodata == CBS_CODES


@pytest.mark.parametrize("naam", list(TABEL_2))
def test_tabel_2_row(gemeenten, naam):
    inwoners, inwoners_groei, banen, banen_groei = TABEL_2[naam]
    row = gemeenten.loc[naam]
    assert row["inwoners_2023"] == inwoners
    assert row["inwoners_groei_2014_2023_pct"] == pytest.approx(inwoners_groei)
    assert row["banen_2023"] == banen
    assert row["banen_groei_2014_2023_pct"] == pytest.approx(banen_groei)


@pytest.mark.parametrize("naam", list(TABEL_8))
def test_tabel_8_row(gemeenten, naam):
    netto_ha, aandeel = TABEL_8[naam]
    assert gemeenten.loc[naam, "netto_areaal_ha"] == netto_ha
    assert gemeenten.loc[naam, "netto_areaal_aandeel_pct"] == aandeel


def test_almelo_netto_areaal_is_620_ha(gemeenten):
    assert gemeenten.loc["Almelo", "netto_areaal_ha"] == 620


@pytest.mark.parametrize("naam", list(TABEL_10))
def test_tabel_10_row(gemeenten, naam):
    vraag_min, vraag_max, aanbod = TABEL_10[naam]
    row = gemeenten.loc[naam]
    assert row["vraag_min_ha"] == vraag_min
    assert row["vraag_max_ha"] == vraag_max
    if aanbod is None:
        assert pd.isna(row["hard_aanbod_ha"])
    else:
        assert row["hard_aanbod_ha"] == pytest.approx(aanbod)


def test_dash_in_tabel_10_is_empty_not_zero(gemeenten):
    leeg = gemeenten.index[gemeenten["hard_aanbod_ha"].isna()]
    assert sorted(leeg) == ["Losser", "Tubbergen"]
    assert not (gemeenten["hard_aanbod_ha"] == 0).any()
    spec = table_meta("gemeenten")["kolommen"]["hard_aanbod_ha"]
    assert spec["verplicht"] is False
    assert "geen opgave" in spec["leeg"]


def test_totals_against_printed_twente_rows(gemeenten):
    # Twente in Tabel 1: 639.000 inwoners, 346.500 banen; Tabel 8: 3.380 ha, 100%.
    assert gemeenten["inwoners_2023"].sum() == 638_500
    assert abs(gemeenten["inwoners_2023"].sum() - 639_000) <= 14 * 50 + 500
    assert gemeenten["banen_2023"].sum() == 346_400
    assert abs(gemeenten["banen_2023"].sum() - 346_500) <= 14 * 50 + 50
    assert gemeenten["netto_areaal_ha"].sum() == 3_380
    assert gemeenten["netto_areaal_aandeel_pct"].sum() == 98
    totalen = table_meta("gemeenten")["totalen"]
    assert totalen["inwoners_2023"]["waarde"] == 639_000
    assert totalen["banen_2023"]["waarde"] == 346_500
    assert totalen["netto_areaal_ha"]["waarde"] == 3_380
    assert totalen["netto_areaal_aandeel_pct"]["waarde"] == 100


def test_printed_shares_are_rounded_from_the_hectares(gemeenten):
    berekend = (gemeenten["netto_areaal_ha"] / 3_380 * 100).round(0)
    assert (berekend == gemeenten["netto_areaal_aandeel_pct"]).all()


def test_tabel_10_sums_without_a_printed_total(gemeenten):
    assert gemeenten["vraag_min_ha"].sum() == 75
    assert gemeenten["vraag_max_ha"].sum() == 300
    assert gemeenten["hard_aanbod_ha"].sum() == pytest.approx(99.17)
    assert (gemeenten["vraag_min_ha"] <= gemeenten["vraag_max_ha"]).all()


def test_each_source_table_has_its_own_bron_and_peiljaar():
    kolommen = table_meta("gemeenten")["kolommen"]
    assert kolommen["banen_2023"]["bron"] == "BIRO, 2024"
    assert kolommen["banen_2023"]["verwijzing"] == "REB Twente 2040, Tabel 2"
    assert kolommen["netto_areaal_ha"]["bron"] == "IBIS, 2024"
    assert kolommen["netto_areaal_ha"]["verwijzing"] == "REB Twente 2040, Tabel 8"
    assert kolommen["hard_aanbod_ha"]["verwijzing"] == "REB Twente 2040, Tabel 10"
    assert kolommen["hard_aanbod_ha"]["peiljaar"] == 2023
    assert kolommen["vraag_max_ha"]["peiljaar"] == 2040
