"""Business parks and search locations from the koppeling file (location → TOP10NL names).

Each row names one or more exact TOP10NL `naamNL` values (separated by " | ") and the `typeGebied`
to filter on. `polygoon` rows become an approximate park boundary (union of the matched polygons),
`punt` rows an indicative point (representative point of that union).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from .geom import RD, simplify_frame
from .model import BRON_CBS, LICENTIE_CBS, PEILDATUM_TOP10NL, Layer, Meta, Sources, Variant

COLUMNS = ["locatie_id", "top10nl_naam", "top10nl_type", "methode", "toelichting"]
NAUWKEURIGHEID = {"polygoon": "bij benadering, TOP10NL", "punt": "indicatieve ligging"}
# Matched polygons further apart than this are taken as a name shared by different places.
MAX_GAP_M = 2_000.0
REPORT_COLUMNS = ["locatie_id", "top10nl_naam", "methode", "gevonden", "area_ha", "top10nl_ids"]


class KoppelingError(ValueError):
    """A koppeling row that cannot be matched unambiguously to TOP10NL."""


@dataclass(frozen=True)
class Result:
    parks: gpd.GeoDataFrame  # methode polygoon
    points: gpd.GeoDataFrame  # methode punt
    report: pd.DataFrame


def _split(value: str) -> list[str]:
    return [part.strip() for part in str(value).split("|") if part.strip()]


def read_koppeling(path: Path) -> pd.DataFrame:
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    table = table.apply(lambda column: column.str.strip())
    missing = [c for c in COLUMNS if c not in table.columns]
    if missing:
        raise KoppelingError(f"{path}: missing columns {missing}")
    if table["locatie_id"].duplicated().any():
        dupes = sorted(set(table.loc[table["locatie_id"].duplicated(), "locatie_id"]))
        raise KoppelingError(f"{path}: duplicate locatie_id {dupes}")
    return table


def candidates(src: Sources) -> gpd.GeoDataFrame:
    """All TOP10NL place polygons, industrial cores included once (they occur in both inputs)."""
    both = pd.concat(
        [src.read("top10nl_plaatsen_twente"), src.read("top10nl_industriekernen_twente")], ignore_index=True
    )
    both = both.drop_duplicates("lokaalID").sort_values("lokaalID", kind="stable")
    return gpd.GeoDataFrame(both, geometry="geometry", crs=RD).reset_index(drop=True)


def match_row(row: pd.Series, line: int, pool: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    where = f"koppeling row {line} (locatie_id={row['locatie_id']!r})"
    names, types = _split(row["top10nl_naam"]), _split(row["top10nl_type"])
    if row["methode"] not in NAUWKEURIGHEID:
        raise KoppelingError(f"{where}: methode {row['methode']!r} is not 'polygoon' or 'punt'")
    if not names or not types:
        raise KoppelingError(f"{where}: top10nl_naam and top10nl_type must not be empty")
    found = pool.loc[pool["naamNL"].isin(names) & pool["typeGebied"].isin(types)]
    absent = [n for n in names if n not in set(found["naamNL"])]
    if absent:
        raise KoppelingError(f"{where}: no TOP10NL polygon named {absent} with typeGebied {types}")
    clusters = shapely.get_parts(shapely.union_all(found.geometry.buffer(MAX_GAP_M / 2).values))
    if len(clusters) > 1:
        raise KoppelingError(
            f"{where}: the {len(found)} polygons named {names} lie in {len(clusters)} separate places "
            f"(more than {MAX_GAP_M:.0f} m apart); choose names that identify one location"
        )
    return found


def link(table: pd.DataFrame, pool: gpd.GeoDataFrame) -> Result:
    parks, points, report = [], [], []
    for line, (_, row) in enumerate(table.iterrows(), start=2):  # line 1 is the header
        found = match_row(row, line, pool)
        shape = shapely.union_all(found.geometry.values)
        props = {
            "locatie_id": row["locatie_id"],
            "top10nl_naam": row["top10nl_naam"],
            "top10nl_type": row["top10nl_type"],
            "methode": row["methode"],
            "nauwkeurigheid": NAUWKEURIGHEID[row["methode"]],
            "toelichting": row["toelichting"] or None,
        }
        if row["methode"] == "polygoon":
            parks.append({**props, "geometry": shape})
        else:
            points.append({**props, "geometry": shape.representative_point()})
        report.append(
            {
                "locatie_id": row["locatie_id"],
                "top10nl_naam": row["top10nl_naam"],
                "methode": row["methode"],
                "gevonden": len(found),
                "area_ha": round(shape.area / 10_000, 1),
                "top10nl_ids": " ".join(str(i) for i in sorted(found["lokaalID"])),
            }
        )
    return Result(_frame(parks), _frame(points), pd.DataFrame(report, columns=REPORT_COLUMNS))


def _frame(rows: list[dict]) -> gpd.GeoDataFrame:
    columns = [*COLUMNS[:3], "methode", "nauwkeurigheid", "toelichting"]
    if not rows:
        return gpd.GeoDataFrame({c: pd.Series(dtype=object) for c in columns}, geometry=[], crs=RD)
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=RD)
    return frame.sort_values("locatie_id").reset_index(drop=True)


def build_result(src: Sources, koppeling_csv: Path) -> Result:
    if not koppeling_csv.exists():
        print(f"WARNING: {koppeling_csv} not found; writing empty business-park layers", file=sys.stderr)
        return Result(_frame([]), _frame([]), pd.DataFrame(columns=REPORT_COLUMNS))
    return link(read_koppeling(koppeling_csv), candidates(src))


def build(result: Result, v: Variant) -> list[Layer]:
    common = {"bron": BRON_CBS, "licentie": LICENTIE_CBS, "peildatum": PEILDATUM_TOP10NL}
    parks = simplify_frame(result.parks, v.detail_m) if len(result.parks) else result.parks
    return [
        Layer(
            "bedrijventerreinen",
            parks,
            Meta(
                titel="Bedrijventerreinen (begrenzing bij benadering)",
                nauwkeurigheid="bij benadering: TOP10NL-wijk/buurt/industriekern, geen IBIS-begrenzing",
                schematisch=False,
                **common,
            ),
            analysis=True,
        ),
        Layer(
            "locatie_punten",
            result.points,
            Meta(
                titel="Locaties (indicatieve ligging)",
                nauwkeurigheid="indicatief punt binnen het gekoppelde TOP10NL-gebied",
                schematisch=False,
                **common,
            ),
            analysis=True,
        ),
    ]
