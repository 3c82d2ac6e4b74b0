"""EIB scenarios (Tabel 4; figures from the text of Bijlage II)."""

import itertools

import pytest

from reb_maps.data import load_table, table_meta

BANEN = {
    ("laag", 2022): 322_400, ("laag", 2031): 318_300, ("laag", 2041): 312_600,
    ("hoog", 2022): 325_300, ("hoog", 2031): 330_700, ("hoog", 2041): 335_300,
}  # fmt: skip


@pytest.fixture(scope="module")
def scenarios():
    return load_table("eib_scenarios")


def test_six_rows_as_printed(scenarios):
    assert len(scenarios) == 6
    gelezen = {(r.scenario, r.jaar): r.banen for r in scenarios.itertuples()}
    assert gelezen == BANEN


def test_change_to_2041_matches_the_rounded_10000_in_the_text(scenarios):
    pivot = scenarios.pivot(index="jaar", columns="scenario", values="banen")
    laag = pivot.loc[2041, "laag"] - pivot.loc[2022, "laag"]
    hoog = pivot.loc[2041, "hoog"] - pivot.loc[2022, "hoog"]
    assert laag == -9_800
    assert hoog == 10_000
    assert abs(abs(laag) - 10_000) <= 500


def test_low_falls_and_high_rises_every_step(scenarios):
    for naam, richting in (("laag", -1), ("hoog", 1)):
        reeks = scenarios[scenarios["scenario"] == naam].sort_values("jaar")["banen"].tolist()
        stappen = [b - a for a, b in itertools.pairwise(reeks)]
        assert all(stap * richting > 0 for stap in stappen)


def test_metadata_names_source_and_what_is_missing():
    meta = table_meta("eib_scenarios")
    assert meta["bron"] == "Behoefteraming bedrijventerreinen Overijssel (Stec Groep, 2023)"
    assert "Bijlage II" in meta["verwijzing"]
    assert meta["sleutel"] == ["scenario", "jaar"]
    assert any("sector" in regel for regel in meta["ontbreekt"])
