"""Map layers from data/geo: load once per process, never from ../shared."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import geopandas as gpd

from reb_maps.data import DATA_DIR
from reb_maps.fouten import GeoFout

GEO_DIR = DATA_DIR / "geo"
ANALYSE_DIR = GEO_DIR / "analyse"


@functools.cache
def layer_catalogue() -> dict[str, dict]:
    """Per layer file: Dutch title, attribution, licence, date, accuracy (data/geo/lagen.json)."""
    path = GEO_DIR / "lagen.json"
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GeoFout(f"{path.name}: geen geldige JSON ({exc})") from exc


def _read(path: Path) -> gpd.GeoDataFrame:
    if not path.exists():
        raise GeoFout(f"Kaartlaag ontbreekt: {path.relative_to(DATA_DIR.parent)}")
    try:
        frame = gpd.read_file(path, engine="pyogrio")
    except Exception as exc:  # pyogrio has its own error types; the original stays chained for the log
        raise GeoFout(f"{path.name}: de kaartlaag kan niet worden gelezen (beschadigd of onvolledig bestand)") from exc
    if frame.crs is None:
        raise GeoFout(f"{path.name}: geen coördinatenstelsel")
    return frame


@functools.cache
def _load(name: str, analyse: bool) -> gpd.GeoDataFrame:
    folder = ANALYSE_DIR if analyse else GEO_DIR
    return _read(folder / f"{name}.geojson")


def load_layer(name: str) -> gpd.GeoDataFrame:
    """Display layer in EPSG:4326 (a copy of the cached frame)."""
    return _load(name, False).copy()


def load_analysis_layer(name: str) -> gpd.GeoDataFrame:
    """Analysis copy in EPSG:28992 (RD New)."""
    return _load(name, True).copy()
