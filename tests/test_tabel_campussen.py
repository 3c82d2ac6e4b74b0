"""Tabel 9 (campus growth vs. municipality) and the §2.6 campus facts, typed in from the report."""

from pathlib import Path

import pandas as pd
import pytest

from reb_maps.data import load_table, table_meta

REPORT = Path(__file__).resolve().parents[2] / "shared" / "reference" / "REB_Twente_2040_collegevoorstel_Almelo.txt"

# Tabel 9 (CBS, 2024): gemeente -> (growth at campus companies %, growth whole municipality %), 2018-2024
TABEL_9 = {
    "Groningen": (14, 15), "Leeuwarden": (42, 19), "Enschede": (64, 14), "Hengelo": (100, 11),
    "Amsterdam": (134, 20), "Utrecht": (76, 27), "Leiden": (33, 12), "Noordwijk": (-33, 68),
    "Delft": (113, 17), "Wageningen": (50, 27), "Nijmegen": (66, 16), "Oss": (103, 12),
    "Eindhoven": (25, 8), "Helmond": (41, -9), "Sittard-Geleen": (66, -1), "Maastricht": (46, 7),
    "Totaal": (48, 17),
}  # fmt: skip


@pytest.fixture(scope="module")
def tabel9() -> pd.DataFrame:
    return load_table("campussen").set_index("gemeente")


@pytest.fixture(scope="module")
def feiten() -> pd.DataFrame:
    return load_table("campus_feiten").set_index("campus")


def test_tabel_9_every_row_as_printed(tabel9):
    assert list(tabel9.index) == list(TABEL_9)
    for gemeente, (campus, heel) in TABEL_9.items():
        assert tabel9.loc[gemeente, ["groei_campus_pct", "groei_gemeente_pct"]].tolist() == [campus, heel]


def test_tabel_9_campus_names_and_flags(tabel9):
    assert tabel9.loc["Enschede", "campus"] == "Kennispark Twente"
    assert tabel9.loc["Hengelo", "campus"] == "High Tech Systems Park"
    assert tabel9.loc["Eindhoven", "campus"].split("; ") == [
        "Brainport Industries Campus", "High Tech Campus Eindhoven", "TU/e Campus",
    ]  # fmt: skip
    assert set(tabel9.index[tabel9["meerdere_campussen"].fillna(False)]) == {"Delft", "Nijmegen", "Eindhoven"}
    assert set(tabel9.index[tabel9["in_twente"]]) == {"Enschede", "Hengelo"}
    assert tabel9.index[tabel9["totaalrij"]].tolist() == ["Totaal"]
    assert pd.isna(tabel9.loc["Totaal", "campus"])
    assert any("voetnoten" in regel for regel in table_meta("campussen")["ontbreekt"])


def test_twente_campuses_outgrow_their_municipality(tabel9):
    twente = tabel9[tabel9["in_twente"]]
    assert (twente["groei_campus_pct"] > twente["groei_gemeente_pct"]).all()


def test_paragraph_2_6_facts(feiten):
    assert list(feiten.index) == ["Kennispark Twente", "High Tech Systems Park", "Technology Base Twente"]
    assert feiten["gemeente"].tolist() == ["Enschede", "Hengelo", "Enschede"]
    assert feiten["fase"].tolist() == ["volwassen", "groei", "in ontwikkeling"]
    assert feiten["nationale_campus"].all()
    kp, htsp, tbt = (feiten.loc[c] for c in feiten.index)
    assert [kp["personen"], kp["bedrijven"], kp["groei_werkgelegenheid_pct"]] == [11_000, 450, 64]
    assert htsp["groei_werkgelegenheid_pct"] == 100
    assert pd.isna(htsp["personen"]) and pd.isna(htsp["bedrijven"])
    assert "vervijfvoudigd" in htsp["bedrijven_duiding"]
    assert "2/3" in htsp["personen_duiding"]
    assert [tbt["bedrijven"], tbt["personen"], tbt["peiljaar"]] == [26, 227, 2024]
    assert pd.isna(tbt["groei_werkgelegenheid_pct"])
    assert any("35 nationale campussen" in regel for regel in table_meta("campus_feiten")["opmerkingen"])


def test_growth_agrees_between_tabel_9_and_paragraph_2_6(tabel9, feiten):
    for campus, row in feiten.dropna(subset=["groei_werkgelegenheid_pct"]).iterrows():
        assert tabel9.loc[row["gemeente"], "campus"] == campus
        assert tabel9.loc[row["gemeente"], "groei_campus_pct"] == row["groei_werkgelegenheid_pct"]


def test_tabel_9_rows_occur_in_the_report(tabel9):
    if not REPORT.exists():
        pytest.skip("report text not available")
    text = " ".join(REPORT.read_text(encoding="utf-8").split())  # Eindhoven's row spans several lines
    for gemeente, row in tabel9.iterrows():
        printed = f"{row['groei_campus_pct']:g}% {row['groei_gemeente_pct']:g}%"
        assert printed in text, (gemeente, printed)
