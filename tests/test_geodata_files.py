"""The committed layers in data/geo: readable, valid, in the right CRS, small, and documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

GEO = Path(__file__).resolve().parents[1] / "data" / "geo"
LAGEN = json.loads((GEO / "lagen.json").read_text(encoding="utf-8"))
FILES = sorted(str(p.relative_to(GEO)) for p in GEO.rglob("*.geojson"))
DISPLAY = [f for f in FILES if not f.startswith("analyse/")]
ANALYSIS = [f for f in FILES if f.startswith("analyse/")]
# Filled from data/koppelingen/locaties_top10nl.csv; empty until that file exists.
MAY_BE_EMPTY = {"bedrijventerreinen.geojson", "locatie_punten.geojson"}

TWENTE_BBOX = (6.2, 52.0, 7.2, 52.6)  # Twente + 5 km, lon/lat
CONTEXT_BBOX = (5.9, 51.9, 7.2, 52.8)  # whole neighbouring municipalities

CBS_CODES = {
    "GM0141": "Almelo",
    "GM0147": "Borne",
    "GM1774": "Dinkelland",
    "GM0153": "Enschede",
    "GM0158": "Haaksbergen",
    "GM0163": "Hellendoorn",
    "GM0164": "Hengelo",
    "GM1735": "Hof van Twente",
    "GM0168": "Losser",
    "GM0173": "Oldenzaal",
    "GM1742": "Rijssen-Holten",
    "GM0183": "Tubbergen",
    "GM1700": "Twenterand",
    "GM0189": "Wierden",
}


def _read(name: str) -> gpd.GeoDataFrame:
    return gpd.read_file(GEO / name)


def _key(name: str) -> str:
    return name.removeprefix("analyse/")


def test_every_layer_is_listed_in_lagen_json():
    assert set(FILES) == set(LAGEN)
    for name, info in LAGEN.items():
        for field in ("titel", "bron", "licentie", "peildatum", "nauwkeurigheid"):
            assert isinstance(info[field], str) and info[field].strip(), (name, field)
        assert info["schematisch"] in (True, False, "deels"), name


@pytest.mark.parametrize("name", FILES)
def test_layer_loads_valid_in_its_crs_and_bbox(name):
    frame = _read(name)
    expected = 28992 if name.startswith("analyse/") else 4326
    assert frame.crs.to_epsg() == expected
    assert LAGEN[name]["crs"] == f"EPSG:{expected}"
    if frame.empty:
        assert _key(name) in MAY_BE_EMPTY
        return
    assert frame.geometry.notna().all() and not frame.geometry.is_empty.any()
    assert frame.geometry.is_valid.all()
    west, south, east, north = frame.to_crs(4326).total_bounds
    box = CONTEXT_BBOX if _key(name) == "buurgemeenten.geojson" else TWENTE_BBOX
    assert box[0] <= west and box[1] <= south and east <= box[2] and north <= box[3], name


@pytest.mark.parametrize("name", FILES)
def test_coordinate_precision(name):
    text = (GEO / name).read_text(encoding="utf-8")
    coordinates = text[text.find('"features"') :]
    numbers = re.findall(r'"coordinates":(\[[^"]*\])', coordinates)
    decimals = max((len(d) for chunk in numbers for d in re.findall(r"\.(\d+)", chunk)), default=0)
    assert decimals <= (0 if name.startswith("analyse/") else 5)


def test_display_layers_stay_within_the_page_budget():
    assert sum((GEO / f).stat().st_size for f in DISPLAY) < 1_200_000
    assert sum(p.stat().st_size for p in GEO.rglob("*") if p.is_file()) < 4_000_000


@pytest.mark.parametrize("name", ["gemeenten.geojson", "analyse/gemeenten.geojson"])
def test_fourteen_municipalities_with_report_names(name):
    frame = _read(name)
    assert dict(zip(frame["cbs_code"], frame["gemeente"], strict=True)) == CBS_CODES
    # Simplification must not distort areas: within 2 % of the CBS land area.
    area_km2 = frame.to_crs(28992).area / 1e6
    assert (abs(area_km2 / frame["oppervlakte_km2"] - 1) < 0.02).all()


def test_region_outline_is_the_union_of_the_municipalities():
    regio = _read("analyse/regio.geojson").geometry.iloc[0]
    union = shapely.union_all(_read("analyse/gemeenten.geojson").geometry.values)
    assert regio.symmetric_difference(union).area < 1e-6 * union.area


def test_schematic_flags():
    corridors = _read("corridors.geojson")
    assert set(corridors["schematisch"]) == {True, False}
    assert corridors.loc[corridors["schematisch"], "via"].str.len().gt(0).all()
    assert corridors.loc[~corridors["schematisch"], "via"].isna().all()
    assert {"A1", "A35", "N18", "N35", "N36"} <= set(corridors["corridor"])
    assert _read("spoor_schematisch.geojson")["schematisch"].all()
    assert _read("hoogspanning_verbindingen.geojson")["schematisch"].all()
    assert not _read("wegen.geojson")["schematisch"].any()
    assert LAGEN["corridors.geojson"]["schematisch"] == "deels"
    assert LAGEN["spoor_schematisch.geojson"]["schematisch"] is True
    assert LAGEN["wegen.geojson"]["schematisch"] is False


def test_stations_have_no_alias_duplicates():
    stations = _read("stations.geojson")
    assert not stations["naam"].duplicated().any()
    assert {"Almelo", "Hengelo", "Enschede", "Oldenzaal", "Enschede Kennispark"} <= set(stations["naam"])
    assert "Enschede Drienerlo" not in set(stations["naam"])  # alias of Kennispark


def test_nitrogen_zone_keeps_its_widths():
    assert set(_read("stikstofzone.geojson")["breedte_m"]) == {500, 1000}


def test_business_park_features_carry_their_koppeling():
    for name in ("bedrijventerreinen.geojson", "locatie_punten.geojson"):
        frame = _read(name)
        if frame.empty:
            continue
        for column in ("locatie_id", "top10nl_naam", "methode", "nauwkeurigheid"):
            assert frame[column].notna().all(), (name, column)
        assert not frame["locatie_id"].duplicated().any()
