"""Area layers: built-up areas, Natura 2000, NNN, the indicative nitrogen zone, waterways."""

from __future__ import annotations

import geopandas as gpd

from .geom import simplify_frame
from .model import (
    BRON_CBS,
    BRON_RVO,
    LICENTIE_CBS,
    LICENTIE_PDOK_OPEN,
    PEILDATUM_PDOK,
    PEILDATUM_TOP10NL,
    Layer,
    Meta,
    Sources,
    Variant,
)


def _select(frame: gpd.GeoDataFrame, columns: dict[str, str], sort: list[str]) -> gpd.GeoDataFrame:
    out = frame.rename(columns=columns)[[*columns.values(), "geometry"]]
    return out.sort_values(sort, kind="stable").reset_index(drop=True)


def bebouwde_kom(src: Sources, v: Variant) -> Layer:
    raw = src.read("top10nl_bebouwde_kom_twente")
    frame = _select(
        raw,
        {"naamNL": "naam", "aantalinwoners": "aantal_inwoners", "lokaalID": "top10nl_id"},
        ["naam", "top10nl_id"],
    )
    return Layer(
        "bebouwde_kom",
        simplify_frame(frame, v.detail_m, v.min_part_m2),
        Meta(
            "Bebouwde kom (TOP10NL)",
            BRON_CBS,
            LICENTIE_CBS,
            PEILDATUM_TOP10NL,
            "topografische bebouwde kom, niet de juridische verkeersgrens; vereenvoudigd",
            False,
        ),
        analysis=True,
    )


def natura2000(src: Sources, v: Variant) -> Layer:
    raw = src.read("natura2000_twente")
    frame = _select(
        raw, {"naam": "naam", "bescherming": "bescherming", "area_ha": "oppervlakte_ha"}, ["naam", "bescherming"]
    )
    return Layer(
        "natura2000",
        simplify_frame(frame, v.detail_m, v.min_part_m2),
        Meta(
            "Natura 2000-gebieden",
            BRON_RVO,
            LICENTIE_PDOK_OPEN,
            PEILDATUM_PDOK,
            "circa 10 m; alleen Overijssel + 2 km (delen in Gelderland en Duitsland ontbreken)",
            False,
        ),
        analysis=True,
    )


def nnn(src: Sources, v: Variant) -> Layer:
    raw = src.read("nnn_natuurnetwerk_twente")
    frame = raw.assign(naam="Natuurnetwerk Nederland")[["naam", "geometry"]]
    return Layer(
        "nnn",
        simplify_frame(frame, v.area_m, v.min_area_part_m2),
        Meta(
            "Natuurnetwerk Nederland (NNN)",
            BRON_RVO,
            LICENTIE_PDOK_OPEN,
            PEILDATUM_PDOK,
            "alleen Overijssel; circa 10 m, voor de kaart vereenvoudigd en zonder zeer kleine snippers",
            False,
        ),
        analysis=True,
    )


def stikstofzone(src: Sources, v: Variant) -> Layer:
    raw = src.read("n2k_stikstofzone_indicatief_twente")
    frame = raw.assign(breedte_m=raw["w"].astype(int), indicatief=True)
    frame = frame.sort_values("breedte_m")[["breedte_m", "indicatief", "geometry"]].reset_index(drop=True)
    return Layer(
        "stikstofzone",
        simplify_frame(frame, v.area_m, v.min_area_part_m2),
        Meta(
            "Stikstofzone rond Natura 2000 (indicatief)",
            BRON_RVO,
            "onbekend (door derden afgeleid van Natura 2000-grenzen)",
            "2025 (kabinetsvoorstel)",
            "indicatieve beleidszone van 500 m / 1 km, geen officiële begrenzing",
            False,
        ),
        analysis=True,
    )


def waterwegen(src: Sources, v: Variant) -> list[Layer]:
    """Split into polygons and lines: a GeoJSON layer should hold one geometry family."""
    raw = src.read("wateren_top10nl_approx_twente")
    is_line = raw["naam"].str.endswith(" (lijn)")
    frame = raw.assign(naam=raw["naam"].str.removesuffix(" (lijn)"))[["naam", "geometry"]]
    meta = Meta(
        "Waterwegen (kanalen en rivieren)",
        BRON_CBS,
        LICENTIE_CBS,
        PEILDATUM_TOP10NL,
        "bij benadering (circa 10 m), uit een geprojecteerde tekening teruggewonnen; alleen Overijssel",
        False,
    )
    vlak = simplify_frame(frame.loc[~is_line].sort_values("naam"), v.detail_m)
    lijn = simplify_frame(frame.loc[is_line].sort_values("naam"), v.line_m)
    line_meta = Meta(**{**meta.as_dict(), "titel": "Waterwegen (hartlijnen)"})
    return [
        Layer("waterwegen", vlak, meta, analysis=True),
        Layer("waterwegen_lijnen", lijn, line_meta, analysis=True),
    ]


def build(src: Sources, v: Variant) -> list[Layer]:
    return [bebouwde_kom(src, v), natura2000(src, v), nnn(src, v), stikstofzone(src, v), *waterwegen(src, v)]
