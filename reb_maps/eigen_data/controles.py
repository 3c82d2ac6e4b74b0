"""Checks on a raw frame: coordinate system, position in the Netherlands, geometry repair, display copy.

Detection by range (only when the file names no CRS): RD New covers the Netherlands with x 0–300 km and
y 289–629 km; WGS84 with longitude 3.2–7.3° and latitude 50.7–53.6°. Latitude and longitude swapped is
recognised the same way. A layer is refused when its bounds leave a box around the Netherlands with a
border strip (so a plan crossing into Germany near Twente is kept).
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError

from reb_maps import fmt
from reb_maps.crs import RD, WGS84
from reb_maps.eigen_data import meldingen as m
from reb_maps.eigen_data.meldingen import EigenDataFout

RD_BEREIK = (-7_000, 289_000, 300_000, 629_000)
WGS84_BEREIK = (3.2, 50.7, 7.3, 53.6)
NL_MET_MARGE = (2.5, 50.3, 8.0, 54.0)  # lon/lat: the Netherlands plus a border strip
SOORTEN = {0: "punt", 1: "lijn", 2: "vlak"}
MEERVOUD = {"punt": "punten", "lijn": "lijnen", "vlak": "vlakken"}

# Display budget: the geometry's share of the 2 MB payload; popups and tooltips use the rest.
GEOMETRIE_BUDGET = 1_200_000
_BYTES_PER_COORDINAAT = 22  # "6.123456,52.123456]," at 6 decimals
_BYTES_PER_OBJECT = 70  # feature wrapper and geometry type
_TOLERANTIES_M = (0.5, 1, 2, 5, 10, 20, 50, 100, 250)


def _binnen(grenzen, bereik) -> bool:
    minx, miny, maxx, maxy = grenzen
    return bereik[0] <= minx and maxx <= bereik[2] and bereik[1] <= miny and maxy <= bereik[3]


def grenzen_tekst(grenzen, decimalen: int = 4) -> str:
    minx, miny, maxx, maxy = (round(float(v), decimalen) for v in grenzen)
    return f"x {minx} tot {maxx}, y {miny} tot {maxy}"


def _verwissel(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    gedraaid = shapely.transform(frame.geometry.values, lambda c: c[:, ::-1])
    return frame.set_geometry(gpd.GeoSeries(gedraaid, index=frame.index, crs=frame.crs))


def bepaal_crs(frame: gpd.GeoDataFrame, notes: list[str], geen_prj: bool = False) -> tuple[gpd.GeoDataFrame, str]:
    """The frame with a CRS; returns (frame, 'gevonden' | 'aangenomen'). Swapped lat/lon is turned round."""
    grenzen = frame.total_bounds
    crs = frame.crs
    if crs is not None and crs.is_geographic and not _binnen(grenzen, (-180, -90, 180, 90)):
        crs = None  # GeoJSON is WGS84 by definition, but RD coordinates in it are common: detect instead
    if crs is not None:
        if crs.is_geographic and _binnen(grenzen[[1, 0, 3, 2]], WGS84_BEREIK):
            notes.append(m.NOTE_VERWISSELD)
            return _verwissel(frame), "gevonden"
        return frame, "gevonden"
    if _binnen(grenzen, WGS84_BEREIK):
        gekozen = WGS84
    elif _binnen(grenzen[[1, 0, 3, 2]], WGS84_BEREIK):
        frame, gekozen = _verwissel(frame), WGS84
        notes.append(m.NOTE_VERWISSELD)
    elif _binnen(grenzen, RD_BEREIK):
        gekozen = RD
    else:
        raise EigenDataFout(m.CRS_ONBEKEND.format(grenzen=grenzen_tekst(grenzen, 1)))
    notes.append(m.NOTE_GEEN_PRJ if geen_prj else m.NOTE_CRS_AANGENOMEN.format(crs=_crs_naam(gekozen)))
    return frame.set_crs(gekozen, allow_override=True), "aangenomen"


def _crs_naam(crs) -> str:
    try:
        c = CRS.from_user_input(crs)
    except CRSError:
        return str(crs)
    code = c.to_epsg()
    return f"{c.name} (EPSG:{code})" if code else c.name


def crs_naam(crs) -> str:
    return _crs_naam(crs) if crs is not None else "onbekend"


def naar(frame: gpd.GeoDataFrame, crs: str) -> gpd.GeoDataFrame:
    if frame.crs == CRS.from_user_input(crs):
        return frame
    try:
        return frame.to_crs(crs)
    except Exception:  # pyproj raises several classes for a CRS it cannot transform
        raise EigenDataFout(m.CRS_ONGELDIG.format(crs=crs_naam(frame.crs))) from None


def grenzen_wgs84(frame: gpd.GeoDataFrame) -> tuple[float, float, float, float]:
    """The frame's bounds in longitude/latitude: only the (densified) envelope is transformed, not every vertex."""
    try:
        omzetter = Transformer.from_crs(frame.crs, WGS84, always_xy=True)
        return tuple(float(v) for v in omzetter.transform_bounds(*frame.total_bounds, densify_pts=21))
    except Exception:  # pyproj raises several classes for a CRS it cannot transform
        raise EigenDataFout(m.CRS_ONGELDIG.format(crs=crs_naam(frame.crs))) from None


def controleer_nederland(frame: gpd.GeoDataFrame) -> tuple[float, float, float, float]:
    grenzen = grenzen_wgs84(frame)
    if not np.all(np.isfinite(grenzen)) or not _binnen(grenzen, NL_MET_MARGE):
        raise EigenDataFout(m.BUITEN_NL.format(grenzen=grenzen_tekst(grenzen)))
    return grenzen


def schoon_geometrie(frame: gpd.GeoDataFrame, notes: list[str]) -> tuple[gpd.GeoDataFrame, dict[str, int]]:
    """Drop missing/empty, flatten Z/M, repair invalid polygons, split geometry collections into parts."""
    geoms = frame.geometry.values
    leeg = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    frame = frame[~leeg]
    geoms = np.asarray(frame.geometry.values, dtype=object)
    plat = shapely.has_z(geoms) | shapely.has_m(geoms)
    if plat.any():
        geoms = geoms.copy()
        geoms[plat] = shapely.force_2d(geoms[plat])
    ongeldig = ~shapely.is_valid(geoms)
    if ongeldig.any():
        geoms = geoms.copy()
        geoms[ongeldig] = shapely.make_valid(geoms[ongeldig], method="structure", keep_collapsed=False)
    frame = frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=frame.crs))
    frame, delen = _splits_collecties(frame)
    na_reparatie = shapely.is_empty(frame.geometry.values)  # a repair can leave nothing of a sliver
    frame = frame[~na_reparatie].reset_index(drop=True)
    tellingen = {
        "gerepareerd": int(ongeldig.sum()),
        "verwijderd": int(leeg.sum() + na_reparatie.sum()),
        "platgemaakt": int(plat.sum()),
    }
    if tellingen["gerepareerd"]:
        notes.append(m.NOTE_GEREPAREERD.format(n=tellingen["gerepareerd"]))
    if tellingen["verwijderd"]:
        notes.append(m.NOTE_VERWIJDERD.format(n=tellingen["verwijderd"]))
    if tellingen["platgemaakt"]:
        notes.append(m.NOTE_PLAT.format(n=tellingen["platgemaakt"]))
    if len(delen) > 1:
        notes.append(m.NOTE_GEMENGD.format(delen=", ".join(MEERVOUD[n] for n in sorted(delen))))
    return frame, tellingen


def _splits_collecties(frame: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, set[str]]:
    """A GeometryCollection becomes one row per kind of part (points, lines, polygons), attributes copied."""
    geoms = frame.geometry.values
    collectie = shapely.get_type_id(geoms) == shapely.GeometryType.GEOMETRYCOLLECTION
    if collectie.any():
        rijen, nieuw = [], []
        for positie in np.flatnonzero(collectie):
            delen = shapely.get_parts(geoms[positie])
            dims = shapely.get_dimensions(delen)
            for dim in np.unique(dims):
                rijen.append(positie)
                zelfde = delen[dims == dim]
                nieuw.append(shapely.union_all(zelfde) if len(zelfde) > 1 else zelfde[0])
        extra = frame.iloc[rijen].copy()
        extra = extra.set_geometry(gpd.GeoSeries(nieuw, index=extra.index, crs=frame.crs))
        frame = pd.concat([frame[~collectie], extra]).sort_index(kind="stable")
    soorten = {SOORTEN[d] for d in np.unique(shapely.get_dimensions(frame.geometry.values)) if d in SOORTEN}
    return gpd.GeoDataFrame(frame, geometry=frame.geometry.name, crs=frame.crs), soorten


def soort(frame: gpd.GeoDataFrame) -> pd.Series:
    """'punt', 'lijn' or 'vlak' per object."""
    return pd.Series(shapely.get_dimensions(frame.geometry.values), index=frame.index).map(SOORTEN)


def weergave_kopie(rd: gpd.GeoDataFrame, notes: list[str]) -> tuple[gpd.GeoDataFrame, float]:
    """A lighter EPSG:4326 copy for the browser: simplified, points thinned, coordinates to 6 decimals.

    Returns (frame, tolerance in m). The geometry share of the payload stays within GEOMETRIE_BUDGET.
    """
    geoms = rd.geometry.values
    max_objecten = GEOMETRIE_BUDGET // (_BYTES_PER_OBJECT + _BYTES_PER_COORDINAAT)
    if len(rd) > max_objecten:  # no simplification shrinks a point: show an even sample
        keuze = np.linspace(0, len(rd) - 1, max_objecten).round().astype(int)
        notes.append(m.NOTE_STEEKPROEF.format(getoond=fmt.getal(len(keuze)), totaal=fmt.getal(len(rd))))
        rd, geoms = rd.iloc[keuze], geoms[keuze]
    tolerantie = 0.0
    if _geschat(geoms) > GEOMETRIE_BUDGET:
        # Choose the tolerance on an even sample, then simplify everything once. Douglas–Peucker without
        # topology preservation is many times faster; a display copy may have a self-touching ring.
        steekproef = geoms[np.linspace(0, len(geoms) - 1, min(len(geoms), 300)).round().astype(int)]
        schaal = len(geoms) / len(steekproef)
        for tolerantie in _TOLERANTIES_M:
            if (
                _geschat(shapely.simplify(steekproef, tolerantie, preserve_topology=False)) * schaal
                <= 0.9 * GEOMETRIE_BUDGET
            ):
                break
        geoms = shapely.simplify(geoms, tolerantie, preserve_topology=False)
        notes.append(m.NOTE_VEREENVOUDIGD.format(m=f"{tolerantie:g}".replace(".", ",")))
    kopie = rd.set_geometry(gpd.GeoSeries(geoms, index=rd.index, crs=rd.crs)).to_crs(WGS84)
    afgerond = shapely.transform(kopie.geometry.values, lambda c: np.round(c, 6))
    return kopie.set_geometry(gpd.GeoSeries(afgerond, index=kopie.index, crs=WGS84)), tolerantie


def _geschat(geoms) -> int:
    return int(shapely.get_num_coordinates(geoms).sum()) * _BYTES_PER_COORDINAAT + len(geoms) * _BYTES_PER_OBJECT
