"""Tabel 5 and 6: extension demand 2023-2040 by werkmilieu and by plot size (numbers from the text)."""

import pandas as pd
import pytest

from reb_maps.data import load_table, table_meta

# categorie: (tabel, min ha EIB Laag, max ha EIB Hoog); None = niet beschikbaar in de brontekst
RUIMTEVRAAG = {
    "totaal": ("Tabel 5", 221, 443),
    "grootschalig": ("Tabel 5", 147, 266),
    "productie": ("Tabel 5", 39, 104),
    "distributie": ("Tabel 5", 108, 162),
    "campus_innovatiedistrict": ("Tabel 5", 4, 14),
    "overige_werkmilieus": ("Tabel 5", None, None),
    "vanaf_3_ha": ("Tabel 6", 122, 199),
    "onder_3_ha": ("Tabel 6", None, None),
}


@pytest.fixture(scope="module")
def vraag() -> pd.DataFrame:
    return load_table("ruimtevraag").set_index("categorie")


def test_rows_as_read_from_the_text(vraag):
    assert sorted(vraag.index) == sorted(RUIMTEVRAAG)
    for categorie, (tabel, laag, hoog) in RUIMTEVRAAG.items():
        row = vraag.loc[categorie]
        assert row["tabel"] == tabel
        if laag is None:
            assert pd.isna(row["min_ha"]) and pd.isna(row["max_ha"])
        else:
            assert (row["min_ha"], row["max_ha"]) == (laag, hoog)


def test_productie_and_distributie_add_up_to_grootschalig(vraag):
    delen = vraag[vraag["onderdeel_van"] == "grootschalig"]
    assert sorted(delen.index) == ["distributie", "productie"]
    assert delen["min_ha"].sum() == vraag.loc["grootschalig", "min_ha"] == 147
    assert delen["max_ha"].sum() == vraag.loc["grootschalig", "max_ha"] == 266


def test_known_parts_stay_within_the_total(vraag):
    onder_totaal = vraag[vraag["onderdeel_van"] == "totaal"]
    assert onder_totaal["min_ha"].sum() <= vraag.loc["totaal", "min_ha"]
    assert onder_totaal["max_ha"].sum() <= vraag.loc["totaal", "max_ha"]


def test_parent_references_exist(vraag):
    ouders = set(vraag["onderdeel_van"].dropna())
    assert ouders <= set(vraag.index)


def test_lost_rows_are_listed_as_missing():
    meta = table_meta("ruimtevraag")
    assert meta["kolommen"]["min_ha"]["leeg"] == "niet beschikbaar in de brontekst"
    ontbreekt = " ".join(meta["ontbreekt"])
    assert "werkmilieus" in ontbreekt and "3 ha" in ontbreekt


def test_every_row_names_its_source(vraag):
    assert vraag["bron"].str.contains("Stec Groep").all()
    assert vraag["verwijzing"].str.startswith("REB Twente 2040").all()
