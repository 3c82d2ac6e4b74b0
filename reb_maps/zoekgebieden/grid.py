"""The analysis grid over Twente, rasterised masks and distance grids — computed once per resolution.

Grid: square cells in EPSG:28992, the lower-left corner snapped to a multiple of the resolution; arrays
are flat (row-major, row 0 = southern edge), reshape with `Raster.shape`. Cached arrays are read-only.

Masks are conservative: a cell is marked when ANY part of it touches the geometry (centre inside, or a
boundary segment crossing the cell), so a cell left free never overlaps a hard constraint. Buffers
(nuisance distance, road strip) are drawn slightly wide, so a free cell also keeps the full distance. Distances run
from the cell centre to the geometry, hemelsbreed: points exactly (KD-tree), lines and polygon edges via
points every `STAP_M` metres (error ≤ STAP_M / 2); inside a polygon the distance is 0.
"""

from __future__ import annotations

import functools
import hashlib
import math
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy.spatial import cKDTree

from reb_maps import lagen
from reb_maps.crs import RD
from reb_maps.data import GEMEENTEN, load_table
from reb_maps.fouten import DataFout
from reb_maps.geodata import load_analysis_layer
from reb_maps.zoekgebieden.profielen import BUFFER_WEGEN_M, N_WEGEN, VAARWEGEN

STAP_M = 10.0
_KWART_SEGMENTEN = 8


@dataclass(frozen=True)
class Raster:
    resolutie: int
    x0: float
    y0: float
    nx: int
    ny: int

    @property
    def shape(self) -> tuple[int, int]:
        return self.ny, self.nx

    @property
    def size(self) -> int:
        return self.nx * self.ny

    @property
    def cel_ha(self) -> float:
        return self.resolutie**2 / 10_000

    @property
    def halve_diagonaal(self) -> float:
        return self.resolutie * math.sqrt(2) / 2

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        return self.x0, self.y0, self.x0 + self.nx * self.resolutie, self.y0 + self.ny * self.resolutie

    def boxen(self, cellen: np.ndarray) -> np.ndarray:
        """Shapely boxes of the given flat cell indices."""
        rij, kol = np.divmod(np.asarray(cellen), self.nx)
        x = self.x0 + kol * self.resolutie
        y = self.y0 + rij * self.resolutie
        return shapely.box(x, y, x + self.resolutie, y + self.resolutie)


def _alleen_lezen(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


def _bestanden(laag: lagen.Laag) -> gpd.GeoDataFrame:
    """A catalogue layer's analysis copy (EPSG:28992), with the further files it declares appended."""
    delen = [load_analysis_layer(naam) for naam in (laag.bestand, *laag.extra_bestanden)]
    if len(delen) == 1:
        return delen[0]
    return gpd.GeoDataFrame(pd.concat(delen, ignore_index=True), geometry="geometry", crs=delen[0].crs)


def _masker_laag(naam: str) -> gpd.GeoDataFrame:
    return _bestanden(lagen.met_masker(naam))


def _factor_laag(naam: str) -> gpd.GeoDataFrame:
    return _bestanden(lagen.met_factor(naam))


@functools.cache
def regio_geometrie() -> shapely.Geometry:
    return shapely.union_all(_masker_laag("buiten_twente").geometry.values)


@functools.lru_cache(maxsize=8)
def raster(resolutie: int) -> Raster:
    minx, miny, maxx, maxy = regio_geometrie().bounds
    x0 = math.floor(minx / resolutie) * resolutie
    y0 = math.floor(miny / resolutie) * resolutie
    return Raster(resolutie, x0, y0, math.ceil((maxx - x0) / resolutie), math.ceil((maxy - y0) / resolutie))


@functools.lru_cache(maxsize=8)
def middelpunten(resolutie: int) -> tuple[np.ndarray, np.ndarray]:
    r = raster(resolutie)
    kol = np.tile(np.arange(r.nx), r.ny)
    rij = np.repeat(np.arange(r.ny), r.nx)
    return (
        _alleen_lezen(r.x0 + (kol + 0.5) * resolutie),
        _alleen_lezen(r.y0 + (rij + 0.5) * resolutie),
    )


# --- rasterising -------------------------------------------------------------------------------


def _segmenten(lijnen: np.ndarray) -> np.ndarray:
    """Every straight segment of the given lines as its own two-point line (small envelopes)."""
    coords, index = shapely.get_coordinates(lijnen, return_index=True)
    zelfde = index[1:] == index[:-1]
    return shapely.linestrings(np.stack([coords[:-1][zelfde], coords[1:][zelfde]], axis=1))


def _schoon(geometrieen) -> np.ndarray:
    geoms = np.asarray(geometrieen, dtype=object)
    return geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))] if geoms.size else geoms


def _centra_tussen(lo: float, hi: float, oorsprong: float, resolutie: int, n: int) -> np.ndarray:
    """Indices of the cells (along one axis) whose centre lies in [lo, hi]."""
    eerste = max(math.ceil((lo - oorsprong) / resolutie - 0.5), 0)
    laatste = min(math.floor((hi - oorsprong) / resolutie - 0.5), n - 1)
    return np.arange(eerste, laatste + 1)


def middelpunt_in(resolutie: int, vlakken: np.ndarray) -> np.ndarray:
    """Cells whose centre lies in one of the (multi)polygons; each tested only within its envelope."""
    r = raster(resolutie)
    xc, yc = middelpunten(resolutie)
    masker = np.zeros(r.size, dtype=bool)
    for vlak, (minx, miny, maxx, maxy) in zip(vlakken, shapely.bounds(vlakken), strict=True):
        kol = _centra_tussen(minx, maxx, r.x0, resolutie, r.nx)
        rij = _centra_tussen(miny, maxy, r.y0, resolutie, r.ny)
        if kol.size and rij.size:
            cellen = (rij[:, None] * r.nx + kol[None, :]).ravel()
            masker[cellen] |= shapely.contains_xy(vlak, xc[cellen], yc[cellen])
    return masker


def raak_masker(resolutie: int, geometrieen) -> np.ndarray:
    """Cells that touch any of the geometries (polygons and/or lines)."""
    r = raster(resolutie)
    geoms = _schoon(geometrieen)
    if geoms.size == 0:
        return np.zeros(r.size, dtype=bool)
    dim = shapely.get_dimensions(geoms)
    vlakken = geoms[dim == 2]
    masker = middelpunt_in(resolutie, vlakken)
    randen = np.concatenate([shapely.get_parts(geoms[dim == 1]), shapely.get_parts(shapely.boundary(vlakken))])
    if randen.size:
        segmenten = _segmenten(randen)
        # Only cells near a segment can touch it: test those boxes exactly.
        kandidaten = _cellen_in_enveloppen(r, shapely.bounds(segmenten))
        boom = shapely.STRtree(segmenten)
        geraakt = boom.query(r.boxen(kandidaten), predicate="intersects")[0]
        masker[kandidaten[np.unique(geraakt)]] = True
    return masker


def _cellen_in_enveloppen(r: Raster, bounds: np.ndarray) -> np.ndarray:
    """Flat indices of all cells whose box meets the envelope of some segment (no duplicates)."""
    res = r.resolutie
    k0 = np.clip(np.floor((bounds[:, 0] - r.x0) / res).astype(int), 0, r.nx - 1)
    k1 = np.clip(np.floor((bounds[:, 2] - r.x0) / res).astype(int), 0, r.nx - 1)
    j0 = np.clip(np.floor((bounds[:, 1] - r.y0) / res).astype(int), 0, r.ny - 1)
    j1 = np.clip(np.floor((bounds[:, 3] - r.y0) / res).astype(int), 0, r.ny - 1)
    # A segment ending exactly on a cell edge also touches the neighbour: widen by one cell.
    k0, j0 = np.maximum(k0 - 1, 0), np.maximum(j0 - 1, 0)
    k1, j1 = np.minimum(k1 + 1, r.nx - 1), np.minimum(j1 + 1, r.ny - 1)
    # 2-D difference array: +1/-1 at the corners, cumulative sums fill each rectangle.
    diff = np.zeros((r.ny + 1, r.nx + 1), dtype=np.int32)
    np.add.at(diff, (j0, k0), 1)
    np.add.at(diff, (j0, k1 + 1), -1)
    np.add.at(diff, (j1 + 1, k0), -1)
    np.add.at(diff, (j1 + 1, k1 + 1), 1)
    raak = diff.cumsum(axis=0).cumsum(axis=1)[: r.ny, : r.nx]
    return np.flatnonzero(raak > 0)


@functools.lru_cache(maxsize=8)
def binnen_regio(resolutie: int) -> np.ndarray:
    """Cells whose centre lies in Twente (the simplified regional outline)."""
    xc, yc = middelpunten(resolutie)
    return _alleen_lezen(shapely.contains_xy(regio_geometrie(), xc, yc))


def _buiten_buffer(geometrieen, afstand_m: float) -> np.ndarray:
    """Buffers that contain the true buffer: arcs become chords, so widen by 1/cos(half the chord angle)."""
    return shapely.buffer(
        geometrieen, afstand_m / math.cos(math.pi / (4 * _KWART_SEGMENTEN)), quad_segs=_KWART_SEGMENTEN
    )


def _wegen_geometrie() -> np.ndarray:
    """The strip around the real (OSM) motorway and main road lines; schematic lines stay out."""
    laag = lagen.met_masker("wegen")
    frame = _bestanden(laag)
    echt = frame.geometry.values[~frame[laag.stippel_veld].astype(bool).to_numpy()]
    return _buiten_buffer(_schoon(echt), BUFFER_WEGEN_M)


# Masks drawn from their catalogue layer as they are; the road strip is built from the real lines only.
_MASKER_LAGEN = {
    naam: functools.partial(lambda n: _masker_laag(n).geometry.values, naam)
    for naam in ("natura2000", "nnn", "water", "bedrijventerrein", "stikstofzone")
} | {"wegen": _wegen_geometrie}


# --- own business parks (e.g. an uploaded IBIS file) instead of data/ --------------------------------


@dataclass(frozen=True)
class EigenParken:
    """A user's own business parks (EPSG:28992, column `naam`) in place of data/'s: the "existing parks" mask
    and factor. Passed as an argument to every function that uses them, so one session's parks never reach
    another's run. Equal and hashed by `sleutel` (a fingerprint of geometry and names): caches key on it, not
    on the frame."""

    sleutel: str
    frame: gpd.GeoDataFrame = field(compare=False, repr=False)

    @classmethod
    def van(cls, frame: gpd.GeoDataFrame) -> EigenParken:
        frame = frame.to_crs(RD)[["naam", "geometry"]].reset_index(drop=True)
        inhoud = b"".join(shapely.to_wkb(frame.geometry.values)) + "|".join(map(str, frame["naam"])).encode()
        return cls(hashlib.sha256(inhoud).hexdigest(), frame)


def parken_voor(naam: str, eigen_parken: EigenParken | None) -> EigenParken | None:
    """The own parks when they stand in for this mask or factor (only "bedrijventerrein"), else None."""
    return eigen_parken if naam == "bedrijventerrein" else None


def masker(naam: str, resolutie: int, eigen_parken: EigenParken | None = None) -> np.ndarray:
    """A fixed hard constraint (True = excluded): natura2000, nnn, water, wegen, bedrijventerrein, stikstofzone;
    with `eigen_parken` the "bedrijventerrein" mask is drawn from them instead of data/."""
    return _masker(naam, resolutie, parken_voor(naam, eigen_parken))


@functools.lru_cache(maxsize=48)
def _masker(naam: str, resolutie: int, eigen: EigenParken | None) -> np.ndarray:
    geometrie = eigen.frame.geometry.values if eigen else _MASKER_LAGEN[naam]()
    return _alleen_lezen(raak_masker(resolutie, geometrie))


@functools.lru_cache(maxsize=32)
def bebouwing_masker(resolutie: int, buffer_m: float) -> np.ndarray:
    """Built-up areas plus the nuisance distance around them (True = excluded)."""
    kom = _masker_laag("bebouwing").geometry.values
    if buffer_m > 0:
        kom = _buiten_buffer(kom, buffer_m)
    return _alleen_lezen(raak_masker(resolutie, kom))


@functools.lru_cache(maxsize=8)
def gemeente_index(resolutie: int) -> np.ndarray:
    """Per cell the index in `GEMEENTEN` of the municipality holding its centre, -1 outside."""
    xc, yc = middelpunten(resolutie)
    frame = _masker_laag("gemeente")
    index = np.full(xc.size, -1, dtype=np.int16)
    for naam, geom in zip(frame["gemeente"], frame.geometry.values, strict=True):
        index[shapely.contains_xy(geom, xc, yc)] = GEMEENTEN.index(naam)
    return _alleen_lezen(index)


# --- the features each factor measures to ---------------------------------------------------


def _park_namen(frame: gpd.GeoDataFrame) -> pd.Series:
    """Readable names of business parks: the `locaties` table by locatie_id, else the TOP10NL name."""
    if "naam" in frame:
        return frame["naam"].astype(str)
    namen = pd.Series(frame.get("top10nl_naam", pd.Series(index=frame.index, dtype=str)), index=frame.index)
    if "locatie_id" in frame:
        try:
            tabel = load_table("locaties").set_index("locatie_id")["naam"]
            namen = frame["locatie_id"].map(tabel).fillna(namen).fillna(frame["locatie_id"])
        except DataFout:
            namen = namen.fillna(frame["locatie_id"])
    return namen.astype(str)


def _bron_afrit() -> gpd.GeoDataFrame:
    frame = _factor_laag("afrit")
    frame = frame[frame["soort"] != "knooppunt"]  # a motorway junction gives no access
    nummer = frame["nummer"].fillna("").astype(str)
    naam = frame["naam"].astype(str) + np.where(nummer != "", " (" + nummer + ")", "")
    return gpd.GeoDataFrame({"naam": naam, "schematisch": False}, geometry=frame.geometry.values, crs=frame.crs)


def _bron_nweg() -> gpd.GeoDataFrame:
    frame = _factor_laag("nweg")
    frame = frame[frame["corridor"].isin(N_WEGEN)]
    return gpd.GeoDataFrame(
        {"naam": frame["corridor"].astype(str), "schematisch": frame["schematisch"].astype(bool)},
        geometry=frame.geometry.values,
        crs=frame.crs,
    )


def _bron_vaarweg() -> gpd.GeoDataFrame:
    frame = _factor_laag("vaarweg")
    frame = frame[frame["naam"].isin(VAARWEGEN)]
    return gpd.GeoDataFrame({"naam": frame["naam"].astype(str)}, geometry=frame.geometry.values, crs=frame.crs)


def _bron_punten(factor: str, id_kolom: str, fallback: str) -> gpd.GeoDataFrame:
    frame = _factor_laag(factor)
    naam = frame["naam"].astype(object).where(frame["naam"].notna(), None)
    naam = [n if n else f"{fallback} {i}" for i, n in zip(frame[id_kolom], naam, strict=True)]
    return gpd.GeoDataFrame({"naam": naam}, geometry=frame.geometry.values, crs=frame.crs)


def _bron_bedrijventerrein() -> gpd.GeoDataFrame:
    frame = _factor_laag("bedrijventerrein")
    namen = _park_namen(frame) if len(frame) else pd.Series(dtype=str)
    return gpd.GeoDataFrame({"naam": namen.to_numpy()}, geometry=frame.geometry.values, crs=frame.crs)


_BRONNEN = {
    "afrit": _bron_afrit,
    "nweg": _bron_nweg,
    "station": lambda: _bron_punten("station", "code", "station"),
    "vaarweg": _bron_vaarweg,
    "hoogspanning": lambda: _bron_punten("hoogspanning", "knoop_id", "knoop"),
    "bedrijventerrein": _bron_bedrijventerrein,
}


@functools.lru_cache(maxsize=32)
def _bron_cached(factor: str, eigen: EigenParken | None = None) -> gpd.GeoDataFrame:
    frame = eigen.frame.copy() if eigen else _BRONNEN[factor]()
    return frame[~frame.geometry.is_empty & frame.geometry.notna()].reset_index(drop=True)


def bron(factor: str, eigen_parken: EigenParken | None = None) -> gpd.GeoDataFrame:
    """The features a factor measures distance to (EPSG:28992; column `naam`); may be empty. With `eigen_parken`
    the "bedrijventerrein" factor measures to them instead of data/."""
    return _bron_cached(factor, parken_voor(factor, eigen_parken)).copy()


def afstand(factor: str, resolutie: int, eigen_parken: EigenParken | None = None) -> np.ndarray | None:
    """Distance (m) from every cell centre to the factor's nearest feature; None if the layer is empty."""
    return _afstand(factor, resolutie, parken_voor(factor, eigen_parken))


afstand.cache_clear = lambda: _afstand.cache_clear()  # callers (the bench) clear it as before


@functools.lru_cache(maxsize=48)
def _afstand(factor: str, resolutie: int, eigen: EigenParken | None) -> np.ndarray | None:
    geoms = _schoon(_bron_cached(factor, eigen).geometry.values)
    if geoms.size == 0:
        return None
    xc, yc = middelpunten(resolutie)
    dim = shapely.get_dimensions(geoms)
    vlakken = geoms[dim == 2]
    lijnen = np.concatenate([shapely.get_parts(geoms[dim == 1]), shapely.get_parts(shapely.boundary(vlakken))])
    punten = [shapely.get_coordinates(geoms[dim == 0])]
    if lijnen.size:
        punten.append(shapely.get_coordinates(shapely.segmentize(lijnen, STAP_M)))
    # Densified lines are nearly collinear point sets; a non-compact, unbalanced tree queries them
    # several times faster than scipy's default.
    boom = cKDTree(np.concatenate(punten), balanced_tree=False, compact_nodes=False)
    afstanden, _ = boom.query(np.column_stack([xc, yc]))
    if vlakken.size:
        afstanden[middelpunt_in(resolutie, vlakken)] = 0.0
    return _alleen_lezen(afstanden)


def wis_cache() -> None:
    """Forget every cached grid (for benchmarks and tests of the first run)."""
    for func in (
        regio_geometrie, raster, middelpunten, binnen_regio, _masker, bebouwing_masker, gemeente_index,
        _bron_cached, _afstand,
    ):  # fmt: skip
        func.cache_clear()
