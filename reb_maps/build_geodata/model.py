"""Shared types: the two output variants, a layer and its metadata (for lagen.json), source strings."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import geopandas as gpd

from .geom import RD, WGS84

BRON_CBS = "Bron: CBS/Kadaster via PDOK (CC BY 4.0)"
BRON_OSM = "© OpenStreetMap-bijdragers (ODbL)"
BRON_RVO = "RVO / provincies via PDOK"
BRON_NS = "Stationslijst NS (ca. 2016)"

LICENTIE_CBS = "CC BY 4.0"
LICENTIE_OSM = "ODbL 1.0"
LICENTIE_PDOK_OPEN = "open data via PDOK (licentie volgens de PDOK-metadata; niet vastgelegd in de invoer)"
LICENTIE_ONBEKEND = "onbekend; alleen feiten (namen, posities) overgenomen"

PEILDATUM_CBS = "2026 (CBS Gebiedsindelingen 2026)"
PEILDATUM_TOP10NL = "2025-07-01 (TOP10NL bronactualiteit)"
PEILDATUM_OSM = "2026-10 (OpenStreetMap-extract)"
PEILDATUM_PDOK = "onbekend (niet vermeld in de invoer)"


@dataclass(frozen=True)
class Meta:
    """One entry of lagen.json (Dutch, shown by the app)."""

    titel: str
    bron: str
    licentie: str
    peildatum: str
    nauwkeurigheid: str
    schematisch: bool | str  # True, False or "deels"

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Variant:
    """Output flavour: small display layers (EPSG:4326) or metric analysis copies (EPSG:28992)."""

    name: str
    crs: str
    decimals: int
    coverage_m: float  # municipalities (coverage simplification, Visvalingam-Whyatt)
    detail_m: float  # built-up areas, Natura 2000, water, business parks
    area_m: float  # large nature network and policy zones
    line_m: float  # roads and corridors
    min_part_m2: float  # detailed layers: polygon parts and holes below this are dropped (display only)
    min_area_part_m2: float  # same for the large area layers


DISPLAY = Variant(
    "weergave",
    WGS84,
    5,
    coverage_m=60,
    detail_m=20,
    area_m=40,
    line_m=10,
    min_part_m2=5_000,
    min_area_part_m2=20_000,
)
ANALYSIS = Variant("analyse", RD, 0, coverage_m=5, detail_m=5, area_m=5, line_m=5, min_part_m2=0, min_area_part_m2=0)


@dataclass(frozen=True)
class Layer:
    name: str  # file stem
    frame: gpd.GeoDataFrame  # EPSG:28992, simplified for its variant, in output order
    meta: Meta
    analysis: bool = False  # also written to data/geo/analyse/
    decimals: int | None = None  # display copy on a coarser grid than the variant's (the offline basemap)


class Sources:
    """The raw inputs in /work/shared/geodata, read once and projected to EPSG:28992."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    @cache  # noqa: B019 - one Sources object per build; the cache dies with it
    def read(self, stem: str) -> gpd.GeoDataFrame:
        path = self.folder / f"{stem}.geojson"
        if not path.exists():
            raise FileNotFoundError(f"input layer missing: {path}")
        return gpd.read_file(path).to_crs(RD)
