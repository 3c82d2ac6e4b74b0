"""Figuur 4 / §2.2-2.3 (economic profile) and the catalogue of gaps, typed in from the report."""

import re
from pathlib import Path

import pandas as pd
import pytest

from reb_maps.data import load_table, table_meta

# shared/ lies beside the repository (also in CI); tests may read it, the app never does.
REPORT = Path(__file__).resolve().parents[2] / "shared" / "reference" / "REB_Twente_2040_collegevoorstel_Almelo.txt"

# §2.2: the three layers of Figuur 4 (banen 2023) and the parts of the stuwende basis
LAGEN = {"kennisspeerpunten": 13_300, "stuwende_basis": 122_500, "breed_mkb": 210_700}
STUWEND = {
    "techindustrie": 9_000, "overige_maakindustrie": 26_400, "bouwnijverheid": 25_400,
    "logistiek_groothandel": 35_600, "kennisintensieve_diensten": 26_100,
}  # fmt: skip
SPEERPUNTEN = ("chiptech", "medtech", "defensie", "energietechnologie")
# §2.2 sector structure (Figuur 2): banen, aandeel %
SECTOREN = {
    "sector_handel": (68_000, 20), "sector_zorg": (59_000, 17), "sector_industrie": (45_000, 13),
    "sector_bouw": (26_000, None), "sector_vervoer": (11_000, None),
}  # fmt: skip


@pytest.fixture(scope="module")
def profiel() -> pd.DataFrame:
    return load_table("profiel").set_index("id")


@pytest.fixture(scope="module")
def report_text() -> str:
    if not REPORT.exists():
        pytest.skip("report text not available")
    return REPORT.read_text(encoding="utf-8")


def test_three_layers_add_up_to_all_jobs(profiel):
    for key, banen in LAGEN.items():
        assert profiel.loc[key, "banen"] == banen
        assert pd.isna(profiel.loc[key, "ouder"])
        assert profiel.loc[key, "peiljaar"] == 2023
    assert profiel.loc["twente", "banen"] == 346_500
    assert sum(LAGEN.values()) == 346_500
    assert profiel.loc["speerpunten_en_stuwend", "banen"] == 135_800 == 13_300 + 122_500
    assert profiel.loc["kennisspeerpunten", "kwalificatie"] == "ruim"
    assert profiel.loc["breed_mkb", "kwalificatie"] == "ongeveer"
    typering = profiel.loc[list(LAGEN), "typering"].tolist()
    assert typering == ["onderscheidend", "excellerend", "ondersteunend"]


def test_stuwende_basis_parts_as_printed(profiel):
    for key, banen in STUWEND.items():
        assert profiel.loc[key, "banen"] == banen
        assert profiel.loc[key, "ouder"] == "stuwende_basis"
    assert sum(STUWEND.values()) == 122_500
    assert profiel.loc["onderwijs", "banen"] == 10_000
    assert profiel.loc["onderwijs", "ouder"] == "kennisintensieve_diensten"


def test_spearhead_split_is_left_empty_and_declared_missing(profiel):
    for key in SPEERPUNTEN:
        assert profiel.loc[key, "ouder"] == "kennisspeerpunten"
        assert pd.isna(profiel.loc[key, "banen"])
    meta = table_meta("profiel")
    assert meta["kolommen"]["banen"]["leeg"] == "niet beschikbaar in de brontekst"
    assert any("per speerpunt" in regel for regel in meta["ontbreekt"])


def test_sector_and_topsector_figures(profiel):
    for key, (banen, aandeel) in SECTOREN.items():
        assert profiel.loc[key, "banen"] == banen
        if aandeel is None:
            assert pd.isna(profiel.loc[key, "aandeel_pct"])
        else:
            assert profiel.loc[key, "aandeel_pct"] == aandeel
    assert profiel.loc["sector_top3", "aandeel_pct"] == 50
    assert profiel.loc["sector_industrie", "groei_pct"] == 4
    industrie = {"industrie_speerpunten": 9_600, "industrie_tech": 9_000, "industrie_overig": 26_400}
    for key, banen in industrie.items():
        assert profiel.loc[key, ["banen", "ouder"]].tolist() == [banen, "sector_industrie"]
    assert sum(industrie.values()) == 45_000
    for key, aantal in (("topsector_htsm", 33_810), ("topsector_agrifood", 23_120)):
        assert profiel.loc[key, ["banen", "peiljaar", "telling"]].tolist() == [aantal, 2022, "werkzame personen"]
    assert profiel.loc["clusteranalyse_speerpunten", "banen"] == 16_000
    assert profiel.loc["asml_keten_2030", ["banen", "telling"]].tolist() == [4_500, "fte"]


def test_each_indeling_is_a_tree_usable_for_a_treemap(profiel):
    """Parents exist in the same indeling, and children never exceed their parent (branchvalues='total')."""
    for key, row in profiel.iterrows():
        if pd.isna(row["ouder"]):
            continue
        parent = profiel.loc[row["ouder"]]
        assert parent["indeling"] == row["indeling"], key
        assert pd.isna(parent["ouder"]) or pd.isna(profiel.loc[parent["ouder"], "ouder"]), "max depth 3"
    children = profiel.dropna(subset=["ouder", "banen"]).groupby("ouder")["banen"].sum()
    for parent, total in children.items():
        assert total <= profiel.loc[parent, "banen"], parent


def test_every_number_is_printed_in_the_report(profiel, report_text):
    for key, banen in profiel["banen"].dropna().items():
        dutch = f"{int(banen):,}".replace(",", ".")
        assert dutch in report_text, (key, dutch)


GAPS = ("Tabel 7", "Tabel 11", "Tabel 5", "Tabel 6", "Figuur 4", "Figuur 6", "Figuur 7", "Figuur 10", "Figuur 13")


def test_gap_catalogue_covers_the_known_losses():
    gaps = load_table("ontbrekend")
    assert len(gaps) >= len(GAPS)
    for ref in GAPS:
        assert (gaps["verwijzing"] == ref).any(), ref
    spearheads = gaps[gaps["onderwerp"] == "Banen per kennisspeerpunt"].iloc[0]
    assert "13.300" in spearheads["wel_in_tekst"]
    assert gaps[["wat_ontbreekt", "gevolg_voor_app"]].apply(lambda s: s.str.len().min()).min() > 10


def test_gap_line_numbers_point_at_the_caption(report_text):
    lines = report_text.splitlines()
    for _, row in load_table("ontbrekend").iterrows():
        ref = re.match(r"(Tabel|Figuur) \d+", row["verwijzing"])
        if ref:
            assert ref.group(0) in lines[row["regel_brontekst"] - 1], row["onderwerp"]
