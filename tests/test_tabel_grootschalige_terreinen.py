"""Tabel 3 (large business parks > 50 ha netto), typed in from the report."""

import pandas as pd
import pytest

from reb_maps.data import GEMEENTEN, load_table, table_meta, table_names

# Tabel 3 (IBIS, 2023), in printed order: terrein -> (gemeente, as printed in the table, bruto ha, netto ha)
TABEL_3 = {
    "Bedrijventerrein Rijssen": ("Rijssen-Holten", "Rijssen–Holten", 231, 181),
    "Twentekanaal Zuid": ("Hengelo", "Hengelo", 220, 174),
    "Bedrijvenpark Twente": ("Almelo", "Almelo", 193, 168),
    "Havengebied": ("Enschede", "Enschede", 220, 152),
    "Boeldershoek-Twence": ("Enschede", "Enschede", 163, 117),
    "'t Lochter": ("Hellendoorn", "Nijverdal", 152, 108),
    "Turfkade": ("Almelo", "Almelo", 153, 106),
    "XL Businesspark Twente (RBT)": ("Almelo", "Almelo", 185, 93),
    "Eekte-Hazewinkel": ("Oldenzaal", "Oldenzaal", 117, 93),
    "Westermaat Zuidwest": ("Hengelo", "Hengelo", 98, 78),
    "Marssteden": ("Enschede", "Enschede", 91, 74),
    "Bornsestraat": ("Almelo", "Almelo", 81, 71),
    "Euregio Bedrijvenpark": ("Enschede", "Enschede", 76, 56),
    "Twentekanaal Noord": ("Hengelo", "Hengelo", 70, 53),
}
TOTAAL_BRUTO, TOTAAL_NETTO = 4597, 3380  # "Twente (totaal)": all parks in Twente, not the sum of the 14
TABEL_8_TWENTE_NETTO = 3380


@pytest.fixture(scope="module")
def terreinen() -> pd.DataFrame:
    return load_table("grootschalige_terreinen").set_index("terrein")


def test_every_row_as_printed_in_order(terreinen):
    assert list(terreinen.index) == list(TABEL_3)
    for terrein, (gemeente, gedrukt, bruto, netto) in TABEL_3.items():
        row = terreinen.loc[terrein]
        assert (row["gemeente"], row["gemeente_rapport"]) == (gemeente, gedrukt), terrein
        assert (row["bruto_ha"], row["netto_ha"]) == (bruto, netto), terrein


def test_printed_order_is_descending_netto_and_netto_below_bruto(terreinen):
    assert terreinen["netto_ha"].is_monotonic_decreasing
    assert (terreinen["netto_ha"] < terreinen["bruto_ha"]).all()
    assert (terreinen["netto_ha"] > 50).all()  # the table's own threshold


def test_gemeente_is_a_twente_municipality(terreinen):
    assert set(terreinen["gemeente"]) <= set(GEMEENTEN)


def test_total_row_is_all_of_twente_not_the_sum(terreinen):
    totaal = table_meta("grootschalige_terreinen")["totaalregel_rapport"]
    assert totaal["bruto_ha"]["waarde"] == TOTAAL_BRUTO
    assert totaal["netto_ha"]["waarde"] == TOTAAL_NETTO == TABEL_8_TWENTE_NETTO
    assert terreinen["bruto_ha"].sum() == 2050
    assert terreinen["netto_ha"].sum() == 1524
    # A printed total that is not a row sum must not sit under 'totalen' (checked against the rows).
    assert "netto_ha" not in (table_meta("grootschalige_terreinen").get("totalen") or {})


def test_each_park_refers_to_a_grootschalige_locatie_in_the_same_gemeente(terreinen):
    locaties = load_table("locaties").set_index("locatie_id")
    assert terreinen["locatie_id"].is_unique
    for terrein, row in terreinen.iterrows():
        assert row["locatie_id"] in locaties.index, terrein
        locatie = locaties.loc[row["locatie_id"]]
        assert locatie["grootschalig"], terrein
        assert locatie["gemeente"] == row["gemeente"], terrein
    assert set(locaties.index[locaties["grootschalig"]]) == set(terreinen["locatie_id"])


def test_parks_fit_inside_the_municipal_netto_areaal_of_tabel_8(terreinen):
    if "gemeenten" not in table_names():
        pytest.skip("tabel 'gemeenten' (Tabel 8) bestaat nog niet")
    areaal = load_table("gemeenten").set_index("gemeente")["netto_areaal_ha"]
    per_gemeente = terreinen.groupby("gemeente")["netto_ha"].sum()
    assert per_gemeente["Almelo"] == 168 + 106 + 93 + 71
    for gemeente, netto in per_gemeente.items():
        assert netto <= areaal[gemeente], gemeente
