"""Derive the app's geodata in data/geo from the raw open data in ../shared/geodata.

Development-only and deterministic: the same inputs give byte-identical files. See data/SOURCES.md
for what each output holds and `python -m reb_maps.build_geodata --help` for the command line.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd

from . import admin, koppeling, ondergrond, power, rail, roads, themes
from .geojson import write
from .geom import repair, round_coordinates
from .model import ANALYSIS, DISPLAY, Layer, Sources, Variant

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SHARED = REPO.parent / "shared" / "geodata"
DEFAULT_OUT = REPO / "data" / "geo"
DEFAULT_KOPPELING = REPO / "data" / "koppelingen" / "locaties_top10nl.csv"
DISPLAY_BUDGET_BYTES = 1_200_000
ANALYSIS_DIR = "analyse"

__all__ = ["DEFAULT_KOPPELING", "DEFAULT_OUT", "DEFAULT_SHARED", "DISPLAY_BUDGET_BYTES", "build"]


def _layers(src: Sources, kop: koppeling.Result, variant: Variant) -> list[Layer]:
    return [
        *admin.build(src, variant),
        *themes.build(src, variant),
        *roads.build(src, variant),
        *rail.build(src, variant),
        *power.build(src, variant),
        *koppeling.build(kop, variant),
        *ondergrond.build(src, variant),
    ]


def finalize(frame: gpd.GeoDataFrame, variant: Variant, decimals: int | None = None) -> gpd.GeoDataFrame:
    """Project, round to the variant's precision (or `decimals`), repair what rounding broke, drop empties."""
    out = frame.to_crs(variant.crs)
    if out.empty:
        return out
    out["geometry"] = repair(round_coordinates(out.geometry, variant.decimals if decimals is None else decimals))
    return out.loc[out.geometry.notna()].reset_index(drop=True)


def build(shared: Path = DEFAULT_SHARED, out: Path = DEFAULT_OUT, koppeling_csv: Path = DEFAULT_KOPPELING) -> dict:
    """Write all layers, lagen.json and koppeling_rapport.csv; return {relative path: bytes}."""
    src = Sources(Path(shared))
    out = Path(out)
    kop = koppeling.build_result(src, Path(koppeling_csv))
    sizes: dict[str, int] = {}
    lagen: dict[str, dict] = {}
    for variant in (DISPLAY, ANALYSIS):
        for layer in _layers(src, kop, variant):
            if variant is ANALYSIS and not layer.analysis:
                continue
            rel = f"{layer.name}.geojson" if variant is DISPLAY else f"{ANALYSIS_DIR}/{layer.name}.geojson"
            decimals = layer.decimals if variant is DISPLAY and layer.decimals is not None else variant.decimals
            frame = finalize(layer.frame, variant, decimals)
            sizes[rel] = write(frame, out / rel, decimals)
            lagen[rel] = {
                **layer.meta.as_dict(),
                "variant": variant.name,
                "crs": variant.crs,
                "objecten": len(frame),
            }
    text = json.dumps(lagen, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (out / "lagen.json").write_text(text, encoding="utf-8")
    kop.report.to_csv(out / "koppeling_rapport.csv", index=False, lineterminator="\n")
    return sizes


def display_bytes(sizes: dict[str, int]) -> int:
    return sum(n for rel, n in sizes.items() if not rel.startswith(f"{ANALYSIS_DIR}/"))
