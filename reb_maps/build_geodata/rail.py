"""Railway stations and schematic rail lines through them in real line order."""

from __future__ import annotations

import geopandas as gpd
import shapely

from .geom import RD
from .model import BRON_NS, LICENTIE_ONBEKEND, Layer, Meta, Sources, Variant

# Station order along each line (public timetable knowledge); stations absent from the input are skipped.
RAIL_LINES: list[tuple[str, list[str]]] = [
    ("Zwolle - Wierden - Almelo", ["Nijverdal", "Wierden", "Almelo"]),
    ("Deventer - Almelo", ["Holten", "Rijssen", "Wierden", "Almelo"]),
    (
        "Almelo - Hengelo - Enschede",
        ["Almelo", "Almelo de Riet", "Borne", "Hengelo", "Enschede Kennispark", "Enschede"],
    ),
    (
        "Enschede - Gronau (- Münster / Dortmund)",
        ["Enschede", "Enschede De Eschmarke", "Glanerbrug", "Gronau (Westf.)", "Epe (Westf)"],
    ),
    ("Almelo - Mariënberg", ["Almelo", "Vriezenveen", "Daarlerveen", "Vroomshoop", "Mariënberg"]),
    ("Zwolle - Ommen - Mariënberg (- Emmen)", ["Ommen", "Mariënberg"]),
    ("Hengelo - Oldenzaal (- Bad Bentheim)", ["Hengelo", "Hengelo Oost", "Oldenzaal"]),
    ("Hengelo - Zutphen", ["Hengelo", "Hengelo Gezondheidspark", "Delden", "Goor", "Lochem"]),
]

_STATION_META = {"bron": BRON_NS, "licentie": LICENTIE_ONBEKEND, "peildatum": "ca. 2016"}


def stations(src: Sources) -> gpd.GeoDataFrame:
    """Stations without the alias rows (alternative names of the same station)."""
    raw = src.read("treinstations_ns_ca2016_twente")
    alias = raw["alias"].astype(str).str.lower() == "true"
    frame = raw.loc[~alias].rename(columns={"name": "naam", "country": "land"})
    if frame["naam"].duplicated().any():
        raise ValueError("duplicate station names after dropping aliases")
    return frame[["code", "naam", "land", "geometry"]].sort_values("code").reset_index(drop=True)


def rail_lines(stations_: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    by_name = dict(zip(stations_["naam"], stations_.geometry, strict=True))
    rows = []
    for lijn, names in RAIL_LINES:
        present = [n for n in names if n in by_name]
        if len(present) < 2:
            continue
        rows.append(
            {
                "lijn": lijn,
                "via": " → ".join(present),
                "schematisch": True,
                "geometry": shapely.LineString([by_name[n] for n in present]),
            }
        )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=RD).sort_values("lijn").reset_index(drop=True)


def build(src: Sources, v: Variant) -> list[Layer]:
    points = stations(src)
    return [
        Layer(
            "stations",
            points,
            Meta(
                titel="Treinstations",
                nauwkeurigheid="ligging volgens de NS-lijst van circa 2016; later geopende stations kunnen ontbreken",
                schematisch=False,
                **_STATION_META,
            ),
            analysis=True,
        ),
        Layer(
            "spoor_schematisch",
            rail_lines(points),
            Meta(
                titel="Spoorlijnen (schematisch)",
                nauwkeurigheid="rechte lijnen tussen echte stations in lijnvolgorde, geen werkelijk spoortracé",
                schematisch=True,
                **_STATION_META,
            ),
        ),
    ]
