"""High-voltage substations and the schematic links between them (SciGRID/OSM, ~2016)."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from .model import BRON_OSM, LICENTIE_OSM, Layer, Meta, Sources, Variant

_META = {"bron": BRON_OSM, "licentie": LICENTIE_OSM, "peildatum": "ca. 2016 (OSM via SciGRID)"}


def kilovolts(voltage: object) -> str | None:
    """'380000;110000;110000' → '380/110'; unknown → None."""
    if voltage is None or pd.isna(voltage):
        return None
    levels = {int(v) // 1000 for v in str(voltage).split(";") if v.strip()}
    return "/".join(str(kv) for kv in sorted(levels, reverse=True)) or None


def stations(src: Sources) -> gpd.GeoDataFrame:
    raw = src.read("hoogspanning_knooppunten_osm2016_twente")
    subs = raw.loc[raw["typ"] == "substation"].copy()
    subs["naam"] = subs["name"].str.replace(r"^\d+\s*kV\s+", "", regex=True, case=False)
    subs["spanning_kv"] = subs["voltage"].map(kilovolts)
    subs["knoop_id"] = subs["v_id"].astype(int)
    return subs[["knoop_id", "naam", "spanning_kv", "geometry"]].sort_values("knoop_id").reset_index(drop=True)


def links(src: Sources) -> gpd.GeoDataFrame:
    raw = src.read("hoogspanning_verbindingen_schematisch_osm2016_twente")
    frame = pd.DataFrame(
        {
            "verbinding_id": raw["l_id"].astype(int),
            "van_knoop": raw["v_id_1"].astype(int),
            "naar_knoop": raw["v_id_2"].astype(int),
            "spanning_kv": raw["voltage"].map(kilovolts),
            "naam": raw["name"],
            "schematisch": True,
        }
    )
    out = gpd.GeoDataFrame(frame, geometry=raw.geometry.values, crs=raw.crs)
    return out.sort_values("verbinding_id").reset_index(drop=True)


def build(src: Sources, v: Variant) -> list[Layer]:
    return [
        Layer(
            "hoogspanning_stations",
            stations(src),
            Meta(
                titel="Hoogspanningsstations",
                nauwkeurigheid="OSM-ligging van circa 2016; recente stations en uitbreidingen kunnen ontbreken",
                schematisch=False,
                **_META,
            ),
            analysis=True,
        ),
        Layer(
            "hoogspanning_verbindingen",
            links(src),
            Meta(
                titel="Hoogspanningsverbindingen (schematisch)",
                nauwkeurigheid="rechte lijnen tussen knooppunten, geen werkelijk tracé; niet geschikt voor afstanden",
                schematisch=True,
                **_META,
            ),
        ),
    ]
