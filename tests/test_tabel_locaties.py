"""Every work location the report names, and how each is matched to TOP10NL geometry."""

import re
from pathlib import Path

import pandas as pd
import pytest

from reb_maps.data import DATA_DIR, GEMEENTEN, load_table, table_meta

SHARED = Path(__file__).resolve().parents[2] / "shared"
REPORT = SHARED / "reference" / "REB_Twente_2040_collegevoorstel_Almelo.txt"
GEODATA = SHARED / "geodata"
KOPPELING = DATA_DIR / "koppelingen" / "locaties_top10nl.csv"

TYPES = {"bedrijventerrein", "campus", "innovatieomgeving", "spoorzone", "herontwikkeling", "zoekgebied",
         "gemengd werkgebied"}  # fmt: skip
STATUSSEN = {"bestaand", "in ontwikkeling", "plan", "verkenning", "herontwikkeling"}

# Places the report names, with the municipality it puts them in (§2.5-§2.6, §4.4, Bijlage IV, letters).
VERWACHT = {
    "xl-businesspark-1": "Almelo", "xl-businesspark-2": "Almelo", "westermaat-de-veldkamp": "Borne",
    "molenkamp": "Borne", "stepelerveld": "Haaksbergen", "juffenbeek-noord": "Oldenzaal",
    "vriezenveen-zuid": "Twenterand", "garstelanden": "Twenterand", "kluinveen": "Wierden",
    "enter-nieuwe-locatie": "Wierden", "goor-watergebonden-kavels": "Hof van Twente",
    "nijverdal-noord": "Hellendoorn", "the-green-box": "Hengelo", "connect-u": "Enschede",
    "kampus-rijssen": "Rijssen-Holten", "innovatiehub-tubbergen": "Tubbergen", "spoorzone-almelo": "Almelo",
    "spoorzone-hengelo-enschede": "Hengelo", "kennispark-twente": "Enschede",
    "high-tech-systems-park": "Hengelo", "technology-base-twente": "Enschede",
}  # fmt: skip
TABEL_3_IDS = {
    "bedrijventerrein-rijssen", "twentekanaal-zuid", "bedrijvenpark-twente", "havengebied-enschede",
    "boeldershoek-twence", "t-lochter", "turfkade", "xl-businesspark-1", "eekte-hazewinkel",
    "westermaat-zuidwest", "marssteden", "bornsestraat", "euregio-bedrijvenpark", "twentekanaal-noord",
}  # fmt: skip


@pytest.fixture(scope="module")
def locaties() -> pd.DataFrame:
    return load_table("locaties").set_index("locatie_id")


@pytest.fixture(scope="module")
def koppeling() -> pd.DataFrame:
    return pd.read_csv(KOPPELING, dtype=str, keep_default_na=False, encoding="utf-8")


def _gemeenten_van(locatie: pd.Series) -> set[str]:
    extra = locatie["gemeenten_extra"]
    return {locatie["gemeente"], *([] if pd.isna(extra) else extra.split("; "))}


def test_ids_are_unique_slugs_and_names_unique(locaties):
    assert locaties.index.is_unique
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in locaties.index)
    assert locaties["naam"].is_unique


def test_named_places_present_in_their_municipality(locaties):
    for locatie_id, gemeente in VERWACHT.items():
        assert locatie_id in locaties.index, locatie_id
        assert locaties.loc[locatie_id, "gemeente"] == gemeente, locatie_id
    assert locaties.loc["spoorzone-hengelo-enschede", "gemeenten_extra"] == "Enschede"
    assert locaties.loc["westermaat-de-veldkamp", "gemeenten_extra"] == "Hengelo"


def test_municipalities_types_and_statuses_are_known(locaties):
    assert set(locaties["gemeente"]) <= set(GEMEENTEN)
    for locatie_id, row in locaties.iterrows():
        assert _gemeenten_van(row) <= set(GEMEENTEN), locatie_id
        assert row["gemeente"] not in ("" if pd.isna(row["gemeenten_extra"]) else row["gemeenten_extra"])
    assert set(locaties["type"]) <= TYPES
    assert set(locaties["status"]) <= STATUSSEN
    kolommen = table_meta("locaties")["kolommen"]
    assert set(kolommen["type"]["waarden"]) == TYPES == set(kolommen["type"]["betekenis"])
    assert set(kolommen["status"]["waarden"]) == STATUSSEN == set(kolommen["status"]["betekenis"])


def test_grootschalig_means_exactly_the_14_parks_of_tabel_3(locaties):
    assert set(locaties.index[locaties["grootschalig"]]) == TABEL_3_IDS
    assert all("Tabel 3" in locaties.loc[i, "paragraaf"] for i in TABEL_3_IDS)
    assert locaties.loc["xl-businesspark-2", "status"] == "in ontwikkeling"
    assert locaties.loc["technology-base-twente", "status"] == "in ontwikkeling"


def test_lost_tabel_7_is_reported_missing():
    assert any("Tabel 7" in regel for regel in table_meta("locaties")["ontbreekt"])


def test_descriptions_are_one_own_line(locaties):
    for locatie_id, tekst in locaties["omschrijving"].items():
        assert "\n" not in tekst and len(tekst) <= 200 and tekst.endswith("."), locatie_id
    if not REPORT.exists():
        pytest.skip(f"rapporttekst niet gevonden op {REPORT}")
    report = " ".join(REPORT.read_text(encoding="utf-8").split())
    for locatie_id, tekst in locaties["omschrijving"].items():
        assert tekst.rstrip(".") not in report, f"{locatie_id}: omschrijving is letterlijk uit het rapport"


def test_koppeling_rows_are_well_formed(koppeling, locaties):
    assert list(koppeling.columns) == ["locatie_id", "top10nl_naam", "top10nl_type", "methode", "toelichting"]
    assert koppeling["locatie_id"].is_unique
    assert set(koppeling["locatie_id"]) <= set(locaties.index)
    assert set(koppeling["methode"]) <= {"polygoon", "punt"}
    assert set(koppeling["top10nl_type"]) <= {"woonkern", "wijk", "buurt", "buurtschap", "industriekern"}
    assert (koppeling["toelichting"].str.len() > 20).all()
    assert (koppeling["top10nl_naam"].str.strip() != "").all()


def test_koppeling_decisions_for_the_clear_cases(koppeling):
    rows = koppeling.set_index("locatie_id")
    assert rows.loc["havengebied-enschede", ["top10nl_naam", "methode"]].tolist() == [
        "Industrie- en Havengebied", "polygoon",
    ]  # fmt: skip
    assert rows.loc["bornsestraat", "methode"] == "polygoon"
    assert rows.loc["kennispark-twente", "top10nl_naam"].split(" | ")[0] == "Kennispark"
    # One TOP10NL polygon covers both halves of the Twentekanaal park.
    assert rows.loc["twentekanaal-noord", "top10nl_naam"] == rows.loc["twentekanaal-zuid", "top10nl_naam"]
    # Nothing in TOP10NL is named after these, nor sensibly encloses them: no row rather than a guess.
    assert not {"boeldershoek-twence", "euregio-bedrijvenpark", "zoekgebied-enschede"} & set(rows.index)


@pytest.fixture(scope="module")
def top10nl():
    if not GEODATA.exists():
        pytest.skip(f"open geodata niet gevonden op {GEODATA} (alleen nodig om de koppeling te controleren)")
    gpd = pytest.importorskip("geopandas")
    plaatsen = gpd.read_file(GEODATA / "top10nl_plaatsen_twente.geojson").to_crs(28992)
    gemeenten = gpd.read_file(GEODATA / "twente_gemeenten_cbs2026.geojson").to_crs(28992)
    return plaatsen, gemeenten[["naam", "geometry"]]


def test_every_koppeling_name_exists_with_its_type(koppeling, top10nl):
    plaatsen, _ = top10nl
    for row in koppeling.itertuples():
        for naam in row.top10nl_naam.split(" | "):
            hits = plaatsen[(plaatsen["naamNL"] == naam) & (plaatsen["typeGebied"] == row.top10nl_type)]
            assert len(hits) >= 1, f"{row.locatie_id}: {naam!r} ({row.top10nl_type}) bestaat niet in TOP10NL"


def test_matched_geometry_lies_in_the_locaties_municipality(koppeling, locaties, top10nl):
    plaatsen, gemeenten = top10nl
    for row in koppeling.itertuples():
        names = row.top10nl_naam.split(" | ")
        shapes = plaatsen[plaatsen["naamNL"].isin(names) & (plaatsen["typeGebied"] == row.top10nl_type)]
        in_gemeente = gemeenten[gemeenten.contains(shapes.geometry.union_all().representative_point())]
        assert set(in_gemeente["naam"]) <= _gemeenten_van(locaties.loc[row.locatie_id]), row.locatie_id
        assert len(in_gemeente) == 1, row.locatie_id
        # Each named feature on its own must also sit in that municipality (no same-named place elsewhere).
        for point in shapes.representative_point():
            assert gemeenten.contains(point).sum() == 1
            assert gemeenten.loc[gemeenten.contains(point), "naam"].iloc[0] in _gemeenten_van(
                locaties.loc[row.locatie_id]
            ), row.locatie_id
