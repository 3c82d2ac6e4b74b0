"""SYNTHETIC TEST FIXTURES — not real NWB or rail data.

The road and rail "files" below are made up for the tests: lines drawn along the app's own schematic stretches
and OSM lines, shifted by a fixed distance and cut into short sections, plus a few hand-placed lines, with the
column names of NWB wegvakken (Rijkswaterstaat, via PDOK) and of TOP10NL spoorbaandeel. Their positions say
nothing about where any real road or railway runs.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
import shapely.affinity
import shapely.ops

from reb_maps.geodata import load_analysis_layer, load_layer

RD = "EPSG:28992"
VERSCHUIVING_M = 150  # every synthetic road runs this far east of the app's line it was drawn along
SECTIE_M = 2_000  # length of one synthetic wegvak


def _secties(lijn: shapely.Geometry, lengte: float = SECTIE_M) -> list[shapely.LineString]:
    """A line cut into pieces of about `lengte` metres (NWB has one row per short road section)."""
    uit = []
    for deel in shapely.get_parts(shapely.line_merge(lijn)):
        stappen = np.arange(0, deel.length, lengte)
        for begin in stappen:
            stuk = shapely.ops.substring(deel, begin, min(begin + lengte, deel.length))
            if stuk.length > 1:
                uit.append(stuk)
    return uit


def _verschoven(lijn: shapely.Geometry, dx: float = VERSCHUIVING_M) -> shapely.Geometry:
    return shapely.affinity.translate(lijn, xoff=dx)


def _vak(nummer: int, geometrie, wegnummer: str, beheer: str, baan: str = "HR") -> dict:
    return {
        "WVK_ID": 900_000_000 + nummer,  # obviously not a real wegvak id
        "WEGNUMMER": wegnummer,
        "WEGBEHSRT": beheer,
        "BST_CODE": baan,
        "RPE_CODE": "#",
        "STT_NAAM": "Synthetische weg",
        "geometry": geometrie,
    }


def nwb_wegvakken() -> gpd.GeoDataFrame:
    """A synthetic NWB wegvakken file (EPSG:28992) covering the schematic A1, N18 and N36 stretches, with an N342,
    a piece of rijksweg 35 beside the A35 and one beside the N35, a slip road, a municipal street and an A1
    section far outside Twente."""
    corridors = load_analysis_layer("corridors")
    rijen: list[dict] = []

    def voeg_toe(geometrie, wegnummer, beheer, baan="HR"):
        for stuk in _secties(geometrie):
            rijen.append(_vak(len(rijen), stuk, wegnummer, beheer, baan))

    schematisch = corridors[corridors["schematisch"].astype(bool)]
    for _, rij in schematisch.iterrows():
        nummer = {"A1": "001", "N18": "018", "N36": "036"}[rij["corridor"]]
        voeg_toe(_verschoven(rij.geometry), nummer, "R")
    for naam, dx in (("A35", 20), ("N35", -20)):  # rijksweg 35 without a route letter: A35 or N35 by position
        echt = corridors[(corridors["corridor"] == naam) & ~corridors["schematisch"].astype(bool)]
        lijn = max(
            shapely.get_parts(shapely.line_merge(shapely.union_all(echt.geometry.values))), key=lambda g: g.length
        )
        midden = shapely.ops.substring(lijn, lijn.length * 0.4, lijn.length * 0.6)
        voeg_toe(_verschoven(midden, dx), "035", "R")
    voeg_toe(shapely.LineString([(256_500, 487_000), (259_000, 489_500), (262_500, 491_000)]), "342", "P")
    voeg_toe(shapely.LineString([(256_000, 486_000), (256_300, 486_400)]), "N342", "G")  # a town stretch
    rijen.append(_vak(len(rijen), shapely.LineString([(243_000, 482_000), (243_400, 482_300)]), "001", "R", "AFR"))
    rijen.append(_vak(len(rijen), shapely.LineString([(245_000, 477_000), (245_500, 477_200)]), "", "G", ""))
    rijen.append(_vak(len(rijen), shapely.LineString([(155_000, 463_000), (158_000, 463_500)]), "001", "R"))
    return gpd.GeoDataFrame(rijen, geometry="geometry", crs=RD)


def spoorbaandelen() -> gpd.GeoDataFrame:
    """A synthetic TOP10NL-style spoorbaandeel file along the app's schematic rail lines, plus a tram line."""
    spoor = load_layer("spoor_schematisch").to_crs(RD)
    rijen = []
    for _, rij in spoor.iterrows():
        for stuk in _secties(_verschoven(rij.geometry, 100)):
            rijen.append({"typeSpoorbaan": "trein", "spoorbreedte": "normaalspoor", "aantalSporen": "enkel",
                          "geometry": stuk})  # fmt: skip
    rijen.append({"typeSpoorbaan": "tram", "spoorbreedte": "normaalspoor", "aantalSporen": "enkel",
                  "geometry": shapely.LineString([(240_000, 470_000), (241_000, 470_500)])})  # fmt: skip
    return gpd.GeoDataFrame(rijen, geometry="geometry", crs=RD)


def gpkg_bytes(frame: gpd.GeoDataFrame, pad, laag: str) -> bytes:
    frame.to_file(pad, layer=laag, driver="GPKG", engine="pyogrio")
    return pad.read_bytes()
