"""Roads: motorway exits with their road, the real OSM carriageways, and corridor lines.

Road membership of an exit (`weg`) is derived in two ways and the results are combined:
1. position: the refs of the OSM main carriageways within 30 m of any node of the exit;
2. name: `EXIT_ROADS` below, for exits on roads that are absent from the OSM input. The input's own
   description says the nodes carry no road number and that membership follows from the names
   (A1 Bathmen 25 … Rijssen 28 and Hengelo-Noord 31, N36 exits 1-5); Haaksbergen 14 lies on the
   Enschede-Haaksbergen axis of the N18, and "Doetinchem" in a name marks the N18 branch.
Exits that neither rule places (Enter, Usselo) keep `weg` null.
"""

from __future__ import annotations

import re

import geopandas as gpd
import pandas as pd
import shapely

from .geom import RD, simplify_frame
from .model import BRON_CBS, BRON_OSM, LICENTIE_OSM, PEILDATUM_OSM, Layer, Meta, Sources, Variant
from .points import Exit, Place, anchor, exit_nodes

ON_ROAD_M = 30.0

EXIT_ROADS: dict[tuple[str, str | None], str] = {
    ("Bathmen", "25"): "A1",
    ("Lochem", "26"): "A1",
    ("Markelo", "27"): "A1",
    ("Rijssen", "28"): "A1",
    ("Knooppunt Azelo", None): "A1",
    ("Hengelo-Noord", "31"): "A1",
    ("Almelo-West", "1"): "N36",
    ("Wierden-Noord", "2"): "N36",
    ("Aadorp", "3"): "N36",
    ("Almelo-Noord", "4"): "N36",
    ("Vriezenveen", "5"): "N36",
    ("Haaksbergen", "14"): "N18",
    ("Enschede-West; Doetinchem", "26a;26b"): "N18",
}

CORRIDORS = ["A1", "A35", "N18", "N35", "N36"]

# Missing stretches, drawn through real points in driving order. `attach` joins the schematic line to
# the nearest end of the real OSM line of that road ("start" or "end" of the via list).
SCHEMATIC: list[tuple[str, str, list[Exit | Place], str | None]] = [
    (
        "A1",
        "west van knooppunt Azelo (Bathmen - Rijssen)",
        [Exit("Bathmen", "25"), Exit("Lochem", "26"), Exit("Markelo", "27"), Exit("Rijssen", "28")],
        "end",
    ),
    (
        "A1",
        "oost van Hengelo-Noord (Oldenzaal - De Lutte - grens)",
        [
            Exit("Hengelo-Noord", "31"),
            Place("industriekern", "Oldenzaal"),
            Place("woonkern", "De Lutte"),
            Place("buurtschap", "De Poppe"),
        ],
        "start",
    ),
    (
        "N18",
        "Enschede - Haaksbergen - Eibergen",
        [Exit("Enschede-West; Doetinchem", "26a;26b"), Exit("Haaksbergen", "14"), Place("woonkern", "Eibergen")],
        None,
    ),
    (
        "N36",
        "Almelo-West - Vriezenveen (afritten 1-5)",
        [
            Exit("Almelo-West", "1"),
            Exit("Wierden-Noord", "2"),
            Exit("Aadorp", "3"),
            Exit("Almelo-Noord", "4"),
            Exit("Vriezenveen", "5"),
        ],
        None,
    ),
]


def road_key(ref: str) -> tuple[str, int]:
    match = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    if not match:
        raise ValueError(f"not a road number: {ref!r}")
    return match.group(1), int(match.group(2))


def join_roads(refs: set[str]) -> str | None:
    return "/".join(sorted(refs, key=road_key)) or None


def _main_roads(src: Sources) -> gpd.GeoDataFrame:
    raw = src.read("osm_wegen_a1_a35_n35_twente")
    return raw.assign(refs=raw["ref"].str.split(";").map(frozenset))


def afritten(src: Sources) -> gpd.GeoDataFrame:
    """One point per exit or junction (centre of its OSM nodes) with its road(s), EPSG:28992."""
    nodes = exit_nodes(src)
    roads = _main_roads(src)
    rows = []
    for (naam, nummer), group in nodes.groupby(["naam", "nummer"], dropna=False, sort=True):
        nummer = None if pd.isna(nummer) else str(nummer)
        near = roads.loc[roads.distance(shapely.union_all(group.geometry.values)) <= ON_ROAD_M, "refs"]
        by_position = set().union(*near) if len(near) else set()
        by_name = {EXIT_ROADS[(naam, nummer)]} if (naam, nummer) in EXIT_ROADS else set()
        basis = [b for b, refs in (("ligging", by_position), ("naam", by_name)) if refs]
        rows.append(
            {
                "naam": naam,
                "nummer": nummer,
                "soort": "knooppunt" if naam.startswith("Knooppunt") else "afrit",
                "weg": join_roads(by_position | by_name),
                "weg_afgeleid_uit": " + ".join(basis) or "niet af te leiden",
                "osm_nodes": " ".join(sorted(group["osm_id"])),
                "geometry": shapely.MultiPoint(list(group.geometry)).centroid,
            }
        )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=RD)


def _merged(lines: gpd.GeoSeries) -> shapely.Geometry:
    return shapely.line_merge(shapely.union_all(lines.values))


def wegen(src: Sources) -> gpd.GeoDataFrame:
    """Real OSM carriageways merged per road number; shared stretches keep their double number."""
    roads = _main_roads(src)
    rows = [
        {
            "weg": "/".join(sorted(refs, key=road_key)),
            "osm_wegdelen": len(group),
            "schematisch": False,
            "geometry": _merged(group.geometry),
        }
        for refs, group in roads.groupby("refs", sort=False)
    ]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=RD).sort_values("weg").reset_index(drop=True)


def _attach_point(real: shapely.Geometry, near: shapely.Point) -> shapely.Point:
    """Nearest end point of the real line parts: a true OSM vertex, not an interpolated point."""
    ends = shapely.get_parts(shapely.boundary(real))
    return ends[int(shapely.distance(ends, near).argmin())]


def corridors(src: Sources) -> gpd.GeoDataFrame:
    roads = _main_roads(src)
    rows = []
    real_by_road = {}
    for weg in CORRIDORS:
        lines = roads.loc[roads["refs"].map(lambda refs, w=weg: w in refs)]
        if len(lines):
            real_by_road[weg] = _merged(lines.geometry)
            rows.append(
                {
                    "corridor": weg,
                    "deel": "OpenStreetMap",
                    "schematisch": False,
                    "via": None,
                    "geometry": real_by_road[weg],
                }
            )
    for weg, deel, via, attach in SCHEMATIC:
        points = [anchor(src, p) for p in via]
        labels = [p.label for p in via]
        if attach is not None:
            end = points[-1] if attach == "end" else points[0]
            joint = _attach_point(real_by_road[weg], end)
            label = f"eindpunt OSM-lijn {weg}"
            points = [*points, joint] if attach == "end" else [joint, *points]
            labels = [*labels, label] if attach == "end" else [label, *labels]
        rows.append(
            {
                "corridor": weg,
                "deel": deel,
                "schematisch": True,
                "via": " → ".join(labels),
                "geometry": shapely.LineString(points),
            }
        )
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=RD)
    order = frame["corridor"].map(road_key)
    return frame.assign(_o=order).sort_values(["_o", "schematisch", "deel"]).drop(columns="_o").reset_index(drop=True)


def build(src: Sources, v: Variant) -> list[Layer]:
    osm_meta = {"bron": BRON_OSM, "licentie": LICENTIE_OSM, "peildatum": PEILDATUM_OSM}
    exits = afritten(src).sort_values(["naam", "nummer"], na_position="first").reset_index(drop=True)
    return [
        Layer(
            "afritten",
            exits,
            Meta(
                titel="Afritten en knooppunten",
                nauwkeurigheid="midden van de OSM-splitsingspunten van een afrit; weg afgeleid uit ligging en naam",
                schematisch=False,
                **osm_meta,
            ),
            analysis=True,
        ),
        Layer(
            "wegen",
            simplify_frame(wegen(src), v.line_m),
            Meta(
                titel="Snelwegen A1, A35 en N35 (OpenStreetMap)",
                nauwkeurigheid="OSM-ligging (meters), beide rijbanen; alleen de in de invoer aanwezige delen",
                schematisch=False,
                **osm_meta,
            ),
        ),
        Layer(
            "corridors",
            simplify_frame(corridors(src), v.line_m),
            Meta(
                titel="Vervoerscorridors A1, A35, N18, N35, N36",
                bron=f"{BRON_OSM}; {BRON_CBS}",
                licentie=f"{LICENTIE_OSM}; CC BY 4.0",
                peildatum=PEILDATUM_OSM,
                nauwkeurigheid="echte OSM-ligging waar aanwezig, elders schematisch tracé door echte punten",
                schematisch="deels",
            ),
            analysis=True,
        ),
    ]
