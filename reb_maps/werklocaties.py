"""The report's named work locations with their geometry, as plain GeoDataFrames (no folium, no HTML).

Each row of table `locaties` is joined to its TOP10NL polygon (`bedrijventerreinen`) or indicative point
(`locatie_punten`) and gets the catalogue's layer value in column `laag` (see `reb_maps.lagen`: the
'locaties' layers filter on it) and a per-feature colour `kleur` (plans by status).
"""

from __future__ import annotations

import functools

import geopandas as gpd
import pandas as pd

from reb_maps.data import load_table
from reb_maps.geodata import load_analysis_layer
from reb_maps.lagen import STATUS_KLEUREN

CAMPUS_TYPES = {"campus", "innovatieomgeving"}
KOLOMMEN = ["locatie_id", "naam", "gemeente", "type", "status", "grootschalig", "laag", "kleur",
            "nauwkeurigheid", "bruto_ha", "netto_ha", "paragraaf", "geometry"]  # fmt: skip


def laag_van(type_: str, status: str, grootschalig: bool) -> str:
    """The catalogue's filter value for one location: campus, plan, grootschalig or bedrijventerrein."""
    if type_ in CAMPUS_TYPES:
        return "campus"
    if status != "bestaand":
        return "plan"
    return "grootschalig" if grootschalig else "bedrijventerrein"


@functools.cache
def _locaties_rd() -> gpd.GeoDataFrame:
    geo = pd.concat([load_analysis_layer("bedrijventerreinen"), load_analysis_layer("locatie_punten")],
                    ignore_index=True)  # fmt: skip
    geo = gpd.GeoDataFrame(geo[["locatie_id", "nauwkeurigheid", "geometry"]], geometry="geometry", crs="EPSG:28992")
    frame = geo.merge(load_table("locaties"), on="locatie_id", how="inner")
    sizes = load_table("grootschalige_terreinen")[["locatie_id", "bruto_ha", "netto_ha"]]
    frame = frame.merge(sizes, on="locatie_id", how="left")
    frame["laag"] = [
        laag_van(t, s, bool(g)) for t, s, g in zip(frame["type"], frame["status"], frame["grootschalig"], strict=True)
    ]
    frame["kleur"] = [STATUS_KLEUREN.get(s, "#666666") for s in frame["status"]]
    return gpd.GeoDataFrame(frame[KOLOMMEN], geometry="geometry", crs="EPSG:28992")


def locaties_rd() -> gpd.GeoDataFrame:
    """Every named location in EPSG:28992 (a copy of the per-process cache)."""
    return _locaties_rd().copy()
