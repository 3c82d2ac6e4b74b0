"""Geometry helpers: simplify, repair, round. All work happens in EPSG:28992 (metres)."""

from __future__ import annotations

import geopandas as gpd
import shapely

from reb_maps.crs import RD, WGS84  # noqa: F401  (re-exported to the other build steps)

_DIMENSION = {"Point": 0, "LineString": 1, "Polygon": 2}


def _flatten(geom: shapely.Geometry) -> list[shapely.Geometry]:
    parts = list(shapely.get_parts(geom))
    flat: list[shapely.Geometry] = []
    for part in parts:
        if shapely.get_type_id(part) >= 4:  # a (multi/collection) inside a collection
            flat.extend(_flatten(part))
        elif not part.is_empty:
            flat.append(part)
    return flat


def keep_dimension(geom: shapely.Geometry | None, dimension: int) -> shapely.Geometry | None:
    """Return only the parts of `geom` with the given dimension (make_valid may add stray lines/points)."""
    if geom is None or geom.is_empty:
        return None
    parts = [p for p in _flatten(geom) if shapely.get_dimensions(p) == dimension]
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    if dimension == 2:
        return shapely.MultiPolygon(parts)
    if dimension == 1:
        return shapely.MultiLineString(parts)
    return shapely.MultiPoint(parts)


def dimension_of(geoms: gpd.GeoSeries) -> int:
    """Dimension shared by all non-empty geometries of a series (0 points, 1 lines, 2 polygons)."""
    dims = {int(d) for d in shapely.get_dimensions(geoms.dropna().values) if d >= 0}
    if len(dims) != 1:
        raise ValueError(f"mixed geometry dimensions {sorted(dims)} in one layer")
    return dims.pop()


def repair(geoms: gpd.GeoSeries) -> gpd.GeoSeries:
    """make_valid where needed, keep the layer's own dimension, empty → None."""
    if geoms.empty:
        return geoms
    dimension = dimension_of(geoms)
    values = geoms.values.copy()
    invalid = ~shapely.is_valid(values)
    values[invalid] = shapely.make_valid(values[invalid])
    cleaned = [keep_dimension(g, dimension) for g in values]
    return gpd.GeoSeries(cleaned, index=geoms.index, crs=geoms.crs)


def simplify(geoms: gpd.GeoSeries, tolerance_m: float) -> gpd.GeoSeries:
    """Douglas-Peucker per geometry, keeping each geometry valid (rings never collapse or cross)."""
    if tolerance_m <= 0 or geoms.empty:
        return geoms
    return gpd.GeoSeries(
        shapely.simplify(geoms.values, tolerance_m, preserve_topology=True), index=geoms.index, crs=geoms.crs
    )


def simplify_coverage(geoms: gpd.GeoSeries, tolerance_m: float) -> gpd.GeoSeries:
    """Simplify polygons that tile the plane so shared borders stay shared (no slivers, no gaps)."""
    if tolerance_m <= 0 or geoms.empty:
        return geoms
    if not shapely.coverage_is_valid(geoms.values):
        raise ValueError("polygons do not form a valid coverage; cannot simplify them jointly")
    return gpd.GeoSeries(shapely.coverage_simplify(geoms.values, tolerance_m), index=geoms.index, crs=geoms.crs)


def round_coordinates(geoms: gpd.GeoSeries, decimals: int) -> gpd.GeoSeries:
    """Snap every coordinate to a 10**-decimals grid (drops Z), keeping the geometry valid on that grid.

    Plain rounding followed by make_valid is not enough: make_valid adds off-grid intersection points
    that the writer would round again, which can make the written geometry invalid.
    """
    values = shapely.set_precision(shapely.force_2d(geoms.values), 10.0**-decimals)
    return gpd.GeoSeries(values, index=geoms.index, crs=geoms.crs)


def drop_small_parts(geoms: gpd.GeoSeries, min_area_m2: float) -> gpd.GeoSeries:
    """Remove polygon parts and holes below `min_area_m2` (invisible at regional scale, costly in bytes)."""

    def _without_small_holes(polygon: shapely.Polygon) -> shapely.Polygon:
        holes = [ring for ring in polygon.interiors if shapely.Polygon(ring).area >= min_area_m2]
        return shapely.Polygon(polygon.exterior, holes)

    def _filter(geom: shapely.Geometry | None) -> shapely.Geometry | None:
        if geom is None:
            return None
        parts = [_without_small_holes(p) for p in _flatten(geom) if p.area >= min_area_m2]
        return keep_dimension(shapely.MultiPolygon(parts), 2) if parts else None

    return gpd.GeoSeries([_filter(g) for g in geoms.values], index=geoms.index, crs=geoms.crs)


def simplify_frame(frame: gpd.GeoDataFrame, tolerance_m: float, min_part_m2: float = 0) -> gpd.GeoDataFrame:
    """Simplified, repaired copy of `frame`; rows whose geometry vanished are dropped."""
    out = frame.copy()
    geoms = simplify(out.geometry, tolerance_m)
    if min_part_m2 > 0 and not geoms.empty and dimension_of(geoms) == 2:
        geoms = drop_small_parts(geoms, min_part_m2)
    out["geometry"] = repair(geoms)
    return out.loc[out.geometry.notna()].reset_index(drop=True)
