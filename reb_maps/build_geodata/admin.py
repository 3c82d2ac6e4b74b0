"""Municipalities, their neighbours and the regional outline, simplified as one coverage."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely

from reb_maps.data import GEMEENTE_CODES

from .geom import simplify_coverage
from .model import BRON_CBS, LICENTIE_CBS, PEILDATUM_CBS, Layer, Meta, Sources, Variant

# The 14 municipalities as the REB report spells them (CBS writes "Hengelo (O.)").
REPORT_NAMES = GEMEENTE_CODES

_ACCURACY = "gegeneraliseerde CBS-grenzen (land), verder vereenvoudigd voor een regiokaart"


def build(src: Sources, variant: Variant) -> list[Layer]:
    twente = src.read("twente_gemeenten_cbs2026")
    neighbours = src.read("buurgemeenten_cbs2026_context")
    codes = set(twente["statcode"])
    if codes != set(REPORT_NAMES):
        raise ValueError(f"unexpected municipality codes: {sorted(codes ^ set(REPORT_NAMES))}")

    # One coverage so Twente's outer border and the neighbours' borders stay identical.
    both = pd.concat([twente, neighbours], ignore_index=True)
    both = gpd.GeoDataFrame(both, geometry="geometry", crs=twente.crs)
    both["geometry"] = simplify_coverage(both.geometry, variant.coverage_m)
    is_twente = both["statcode"].isin(codes)

    gemeenten = both.loc[is_twente].copy()
    gemeenten["cbs_code"] = gemeenten["statcode"]
    gemeenten["gemeente"] = gemeenten["statcode"].map(REPORT_NAMES)
    gemeenten["cbs_naam"] = gemeenten["statnaam"]
    gemeenten["oppervlakte_km2"] = gemeenten["area_km2"].astype(float)
    gemeenten = gemeenten.sort_values("cbs_code")[["cbs_code", "gemeente", "cbs_naam", "oppervlakte_km2", "geometry"]]

    buren = both.loc[~is_twente].copy()
    buren["cbs_code"] = buren["statcode"]
    buren["gemeente"] = buren["statnaam"]
    buren = buren.sort_values("cbs_code")[["cbs_code", "gemeente", "geometry"]]

    outline = shapely.union_all(gemeenten.geometry.values)
    regio = gpd.GeoDataFrame({"naam": ["Twente (14 gemeenten)"]}, geometry=[outline], crs=twente.crs)

    return [
        Layer(
            "gemeenten",
            gemeenten.reset_index(drop=True),
            Meta("Gemeenten Twente", BRON_CBS, LICENTIE_CBS, PEILDATUM_CBS, _ACCURACY, False),
            analysis=True,
        ),
        Layer(
            "buurgemeenten",
            buren.reset_index(drop=True),
            Meta(
                "Buurgemeenten (context, alleen Nederland)",
                BRON_CBS,
                LICENTIE_CBS,
                PEILDATUM_CBS,
                _ACCURACY + "; Duitse buren ontbreken",
                False,
            ),
        ),
        Layer(
            "regio",
            regio,
            Meta("Regio Twente (omtrek)", BRON_CBS, LICENTIE_CBS, PEILDATUM_CBS, _ACCURACY, False),
            analysis=True,
        ),
    ]
