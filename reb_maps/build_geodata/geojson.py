"""Deterministic GeoJSON writer: stable feature order, fixed precision, no timestamps.

geopandas' own writer is avoided on purpose: its float formatting and member order depend on the
GDAL version, and running the build twice must give byte-identical files.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from reb_maps.crs import RD, RD_SRID

CRS_URN = {RD: f"urn:ogc:def:crs:EPSG::{RD_SRID}"}


def _number(value: float, decimals: int) -> float | int:
    rounded = round(float(value), decimals)
    if decimals == 0:
        return int(rounded)
    return 0.0 if rounded == 0 else rounded  # avoid "-0.0"


def _coords(value: Any, decimals: int) -> Any:
    if isinstance(value, (float, int, np.floating)):
        return _number(value, decimals)
    return [_coords(v, decimals) for v in value]


def _property(value: Any) -> Any:
    """Plain JSON value for a pandas/numpy cell; missing values become null."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer, int)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return None if math.isnan(value) else float(value)
    return str(value)


def _dumps(value: Any, sort_keys: bool = False) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=sort_keys, separators=(",", ":"), allow_nan=False)


def feature_collection(frame: gpd.GeoDataFrame, name: str, decimals: int) -> str:
    """Serialise `frame` in its current row order: one feature per line, sorted property keys."""
    header: dict[str, Any] = {"type": "FeatureCollection", "name": name}
    crs = frame.crs.to_string() if frame.crs is not None else None
    if crs in CRS_URN:
        header["crs"] = {"type": "name", "properties": {"name": CRS_URN[crs]}}
    columns = [c for c in frame.columns if c != frame.geometry.name]
    lines = []
    for row, geom in zip(frame[columns].itertuples(index=False), frame.geometry.values, strict=True):
        geometry = shapely.geometry.mapping(geom)
        properties = {c: _property(v) for c, v in zip(columns, row, strict=True)}
        coordinates = _coords(geometry["coordinates"], decimals)
        geometry_json = f'{{"type":"{geometry["type"]}","coordinates":{_dumps(coordinates)}}}'
        props_json = _dumps(properties, sort_keys=True)
        lines.append(f'{{"type":"Feature","properties":{props_json},"geometry":{geometry_json}}}')
    head = _dumps(header)[:-1]
    body = ",\n".join(lines)
    return f'{head},"features":[\n{body}\n]}}\n' if lines else f'{head},"features":[]}}\n'


def write(frame: gpd.GeoDataFrame, path: Path, decimals: int) -> int:
    """Write `frame` to `path`; return the number of bytes written."""
    text = feature_collection(frame, path.stem, decimals)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    path.write_bytes(data)
    return len(data)
