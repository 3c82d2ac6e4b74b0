"""Short municipality profiles: complete, in our own words, and with no figure the report lacks."""

import re
from pathlib import Path

import pandas as pd
import pytest

from reb_maps.data import load_table

REPORT = Path(__file__).resolve().parents[2] / "shared" / "reference" / "REB_Twente_2040_collegevoorstel_Almelo.txt"

GEMEENTEN = (
    "Almelo", "Borne", "Dinkelland", "Enschede", "Haaksbergen", "Hellendoorn", "Hengelo",
    "Hof van Twente", "Losser", "Oldenzaal", "Rijssen-Holten", "Tubbergen", "Twenterand", "Wierden",
)  # fmt: skip
RUN = 12  # words in a row that may not be shared with the report


def words(text: str) -> list[str]:
    return re.findall(r"[0-9a-zà-ÿ]+", text.lower())


def runs(tokens: list[str], n: int = RUN) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


@pytest.fixture(scope="module")
def profielen() -> pd.DataFrame:
    return load_table("gemeente_profielen").set_index("gemeente")


@pytest.fixture(scope="module")
def report_text() -> str:
    if not REPORT.exists():
        pytest.skip("report text not available")
    return REPORT.read_text(encoding="utf-8")


def test_one_profile_per_municipality(profielen):
    assert tuple(profielen.index) == GEMEENTEN


def test_profiles_are_short_and_complete(profielen):
    for gemeente, row in profielen.iterrows():
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", row["profiel"].strip()) if s]
        assert 2 <= len(sentences) <= 4, gemeente
        items = row["kernpunten"].split(" | ")
        assert len(items) >= 3 and all(item.strip() == item and item for item in items), gemeente
        assert row["verwijzing"].startswith("Bijlage IV, "), gemeente


def test_dinkelland_and_tubbergen_point_to_their_shared_summary(profielen):
    for gemeente in ("Dinkelland", "Tubbergen"):
        assert profielen.loc[gemeente, "verwijzing"].startswith("Bijlage IV, Dinkelland-Tubbergen")
    steden = profielen.index[profielen["basis_bijlage_iv"] == "eerdere onderzoeken"]
    assert set(steden) == {"Almelo", "Enschede", "Hengelo"}


def test_no_sentence_is_copied_from_the_report(profielen, report_text):
    # Two readings of the report: as extracted, and with words split over a line rejoined ("ont-\nwikkeling").
    joined = re.sub(r"-\s*\n\s*", "", report_text)
    report_runs = runs(words(report_text)) | runs(words(joined))
    for gemeente, row in profielen.iterrows():
        for column in ("profiel", "kernpunten"):
            shared = runs(words(row[column])) & report_runs
            assert not shared, (gemeente, column, " ".join(next(iter(shared))))


def test_every_number_in_a_profile_is_printed_in_the_report(profielen, report_text):
    for gemeente, row in profielen.iterrows():
        for number in re.findall(r"\d+(?:[.,]\d+)*", f"{row['profiel']} {row['kernpunten']}"):
            assert number in report_text, (gemeente, number)
