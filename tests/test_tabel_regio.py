"""Tabel 1 of the report: Twente against three regions and Nederland (figures typed in from the report)."""

import pandas as pd
import pytest

from reb_maps.data import load_table, table_meta

# regio: (inwoners 2023, groei %, banen 2023, groei %) as printed in Tabel 1
TABEL_1 = {
    "Groene Metropoolregio": (802_000, 5, 425_620, 17),
    "Regio Zwolle": (803_000, 6, 418_300, 27),
    "Twente": (639_000, 2, 346_500, 12),
    "Stedendriehoek": (451_600, 4, 240_690, 12),
}


@pytest.fixture(scope="module")
def regio() -> pd.DataFrame:
    return load_table("regio").set_index("regio")


def test_rows_are_the_four_regions_and_nederland(regio):
    assert list(regio.index) == [*TABEL_1, "Nederland"]
    assert regio.loc["Nederland", "niveau"] == "land"
    assert (regio.loc[list(TABEL_1), "niveau"] == "regio").all()


@pytest.mark.parametrize("naam", list(TABEL_1))
def test_region_figures_match_tabel_1(regio, naam):
    inwoners, inwoners_groei, banen, banen_groei = TABEL_1[naam]
    row = regio.loc[naam]
    assert row["inwoners_2023"] == inwoners
    assert row["inwoners_groei_2014_2023_pct"] == inwoners_groei
    assert row["banen_2023"] == banen
    assert row["banen_groei_2014_2023_pct"] == banen_groei


def test_nederland_has_growth_only_and_missing_counts_stay_empty(regio):
    row = regio.loc["Nederland"]
    assert row["inwoners_groei_2014_2023_pct"] == 6
    assert row["banen_groei_2014_2023_pct"] == 13
    assert pd.isna(row["inwoners_2023"]) and pd.isna(row["banen_2023"])
    meta = table_meta("regio")
    assert "niet beschikbaar in de brontekst" in meta["kolommen"]["inwoners_2023"]["leeg"]
    assert any("Nederland" in regel for regel in meta["ontbreekt"])


def test_dtypes_are_nullable(regio):
    assert str(regio["inwoners_2023"].dtype) == "Int64"
    assert str(regio["banen_groei_2014_2023_pct"].dtype) == "Float64"


def test_metadata_cites_tabel_1_and_its_source():
    meta = table_meta("regio")
    assert meta["verwijzing"] == "REB Twente 2040, Tabel 1"
    assert meta["bron"] == "CBS PWE Gelderland/ Lisa, 2024, Buck Consultants International"
    assert meta["peiljaar"] == 2023


def test_jobs_per_inhabitant_ratio_is_noted(regio):
    # Footnote 2 quotes 0,55 from Tabel 1; the table itself gives 0,54.
    ratio = regio.loc["Twente", "banen_2023"] / regio.loc["Twente", "inwoners_2023"]
    assert round(ratio, 2) == 0.54
    assert any("0,55" in regel for regel in table_meta("regio")["opmerkingen"])
