"""Real anchor points for schematic lines: motorway exits, stations and TOP10NL places."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import shapely

from .model import Sources


@dataclass(frozen=True)
class Exit:
    naam: str
    nummer: str | None = None

    @property
    def label(self) -> str:
        return f"afrit {self.nummer} {self.naam}" if self.nummer else self.naam


@dataclass(frozen=True)
class Place:
    type_gebied: str
    naam: str

    @property
    def label(self) -> str:
        return f"TOP10NL {self.type_gebied} {self.naam}"


def exit_nodes(src: Sources) -> gpd.GeoDataFrame:
    """OSM junction nodes with a named exit; `nummer` falls back to proposed:ref (N36 exits 3-5)."""
    raw = src.read("osm_motorway_junctions_twente")
    nodes = raw.loc[raw["name"].notna()].copy()
    nodes["naam"] = nodes["name"].str.strip()
    nummer = nodes["ref"].where(nodes["ref"].notna(), nodes["proposed:ref"])
    nodes["nummer"] = nummer.astype("string").str.strip()
    return nodes


def exit_point(src: Sources, exit_: Exit) -> shapely.Point:
    """Centre of the OSM nodes of one exit (the split points of its slip roads)."""
    nodes = exit_nodes(src)
    match = nodes["naam"] == exit_.naam
    if exit_.nummer is not None:
        match &= nodes["nummer"] == exit_.nummer
    if not match.any():
        raise LookupError(f"exit not in OSM input: {exit_.label}")
    return shapely.MultiPoint(list(nodes.loc[match].geometry)).centroid


def place_point(src: Sources, place: Place) -> shapely.Point:
    """Representative point of the largest TOP10NL polygon with that name and type."""
    places = src.read("top10nl_plaatsen_twente")
    match = places.loc[(places["naamNL"] == place.naam) & (places["typeGebied"] == place.type_gebied)]
    if match.empty:
        raise LookupError(f"place not in TOP10NL input: {place.label}")
    largest = match.loc[match.geometry.area.idxmax()]
    return largest.geometry.representative_point()


def anchor(src: Sources, point: Exit | Place) -> shapely.Point:
    return exit_point(src, point) if isinstance(point, Exit) else place_point(src, point)
