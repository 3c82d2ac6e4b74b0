"""The quiet context basemap: place names, and coarse built-up areas, water and main roads for the offline map.

The offline screen map loads these as files, so they are simplified harder than the thematic layers and
written on a coarser grid (4 decimals, about 10 m): together well under the 150 kB the map may add. The print
map reads the detailed analysis copies of the same features instead (bebouwde kom, waterwegen, wegen) and the
place names' analysis copy.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely
from shapely.ops import polylabel

from . import roads
from .geom import simplify_frame
from .model import (
    BRON_CBS,
    BRON_OSM,
    LICENTIE_CBS,
    LICENTIE_OSM,
    PEILDATUM_OSM,
    PEILDATUM_TOP10NL,
    Layer,
    Meta,
    Sources,
    Variant,
)

# Place names: TOP10NL woonkernen (the built-up cores of towns and villages) with at least this many inhabitants
# (TOP10NL `aantalinwoners`). 4,000 gives 29 names in the clip area: every town of Twente and the nearest ones
# beyond its border (Raalte, Lochem, Ommen, Eibergen, Neede, Bathmen), while a regional map stays readable.
PLAATS_TYPE = "woonkern"
PLAATS_DREMPEL = 4_000

# The offline map's coarse copies (display only).
ONDERGROND_DECIMALEN = 4  # about 11 m north-south, 7 m east-west: finer than the simplification below
BEBOUWING_M = 70  # Douglas-Peucker tolerance of the built-up areas (1.5 px at zoom 11, where the names appear)
BEBOUWING_MIN_M2 = 50_000  # built-up parts and holes below 5 ha are dropped
WATER_M = 20  # canals are narrow: simplified less
LIJN_M = 20

_NAUWKEURIGHEID_ONDERGROND = "grof vereenvoudigd voor de offline ondergrond; voor analyse de thematische lagen"


def plaatsnamen(src: Sources, v: Variant) -> Layer:
    """One point per woonkern above the threshold, deepest inside its largest part (where a name reads best)."""
    raw = src.read("top10nl_plaatsen_twente")
    clip = shapely.union_all(src.read("twente_clip_buffer5km").geometry.values)
    kernen = raw.loc[(raw["typeGebied"] == PLAATS_TYPE) & (raw["aantalinwoners"] >= PLAATS_DREMPEL)]
    rows = []
    for _, rij in kernen.iterrows():
        grootste = max(shapely.get_parts(rij.geometry), key=lambda deel: deel.area)
        punt = polylabel(grootste, tolerance=10)
        if not clip.contains(punt):
            continue  # the input is clipped already; a point on its edge would still fall outside
        rows.append(
            {
                "naam": rij["naamNL"],
                "aantal_inwoners": int(rij["aantalinwoners"]),
                "top10nl_id": str(rij["lokaalID"]),
                "geometry": punt,
            }
        )
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=raw.crs)
    frame = frame.sort_values(["aantal_inwoners", "naam"], ascending=[False, True], kind="stable")
    return Layer(
        "plaatsnamen",
        frame.reset_index(drop=True),
        Meta(
            f"Plaatsnamen (TOP10NL-woonkernen vanaf {PLAATS_DREMPEL:,} inwoners)".replace(",", "."),
            BRON_CBS,
            LICENTIE_CBS,
            PEILDATUM_TOP10NL,
            "punt diep binnen de woonkern (grootste deel); inwoneraantal volgens TOP10NL",
            False,
        ),
        analysis=True,
    )


def _soort(frame: gpd.GeoDataFrame, soort: str) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"soort": [soort] * len(frame)}, geometry=frame.geometry.values, crs=frame.crs)


def ondergrond_vlakken(src: Sources, v: Variant) -> Layer:
    """Built-up areas and water polygons for the offline map, one property `soort` (bebouwing / water)."""
    kom = src.read("top10nl_bebouwde_kom_twente").sort_values(["naamNL", "lokaalID"], kind="stable")
    water = src.read("wateren_top10nl_approx_twente")
    water = water.loc[~water["naam"].str.endswith(" (lijn)")].sort_values("naam", kind="stable")
    delen = [
        simplify_frame(_soort(kom, "bebouwing"), BEBOUWING_M, BEBOUWING_MIN_M2),
        simplify_frame(_soort(water, "water"), WATER_M),
    ]
    frame = gpd.GeoDataFrame(pd.concat(delen, ignore_index=True), geometry="geometry", crs=kom.crs)
    return Layer(
        "ondergrond_vlakken",
        frame,
        Meta(
            "Ondergrond: bebouwde kom en water (TOP10NL, vereenvoudigd)",
            BRON_CBS,
            LICENTIE_CBS,
            PEILDATUM_TOP10NL,
            _NAUWKEURIGHEID_ONDERGROND + "; bebouwing zonder delen kleiner dan 5 ha",
            False,
        ),
        decimals=ONDERGROND_DECIMALEN,
    )


def ondergrond_lijnen(src: Sources, v: Variant) -> Layer:
    """Water centre lines and the real OSM main roads (never the schematic stretches), `soort` water / weg."""
    water = src.read("wateren_top10nl_approx_twente")
    water = water.loc[water["naam"].str.endswith(" (lijn)")].sort_values("naam", kind="stable")
    wegen = roads.wegen(src)
    delen = [simplify_frame(_soort(water, "water"), LIJN_M), simplify_frame(_soort(wegen, "weg"), LIJN_M)]
    frame = gpd.GeoDataFrame(pd.concat(delen, ignore_index=True), geometry="geometry", crs=wegen.crs)
    return Layer(
        "ondergrond_lijnen",
        frame,
        Meta(
            "Ondergrond: waterlopen (TOP10NL) en snelwegen (OpenStreetMap), vereenvoudigd",
            f"{BRON_CBS}; {BRON_OSM}",
            f"{LICENTIE_CBS}; {LICENTIE_OSM}",
            f"{PEILDATUM_TOP10NL}; {PEILDATUM_OSM}",
            _NAUWKEURIGHEID_ONDERGROND + "; alleen de echte OSM-ligging van A1, A35 en N35",
            False,
        ),
        decimals=ONDERGROND_DECIMALEN,
    )


def build(src: Sources, v: Variant) -> list[Layer]:
    return [plaatsnamen(src, v), ondergrond_vlakken(src, v), ondergrond_lijnen(src, v)]
