"""A user's own file (IBIS, BAG, plan maps) read and checked for the map and the analyses; never written to data/.

    resultaat = lees(data, "terreinen.gpkg", laag="ibis_2022")
    resultaat.weergave      # EPSG:4326, simplified for the browser
    resultaat.analyse       # EPSG:28992, full geometry
    resultaat.samenvatting  # features, geometry types, CRS, repairs, bounds, columns, schema
    resultaat.notes         # plain Dutch sentences about what was assumed or changed

A refused file raises `EigenDataFout` with one Dutch message (`LaagKeuzeNodig` when a layer must be chosen).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import geopandas as gpd
import numpy as np

from reb_maps.eigen_data import controles, ibis, netwerk
from reb_maps.eigen_data.lezen import lagen, lees_ruw
from reb_maps.eigen_data.meldingen import EigenDataFout, LaagKeuzeNodig

__all__ = ["EigenDataFout", "LaagKeuzeNodig", "Resultaat", "Samenvatting", "lagen", "lees"]


@dataclass(frozen=True)
class Samenvatting:
    bestandsnaam: str
    formaat: str
    laag: str | None
    features: int
    geometrietypen: dict[str, int]
    crs: str  # the CRS the data is in (found or assumed), readable
    crs_herkomst: str  # 'gevonden' (from the file) or 'aangenomen' (detected by range)
    gerepareerd: int
    verwijderd: int
    platgemaakt: int
    grenzen_wgs84: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat
    kolommen: list[str]
    schema: str | None  # 'IBIS', 'NWB wegvakken' or 'spoorwegen' when recognised
    weergave_features: int
    weergave_tolerantie_m: float

    def als_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, eq=False)
class Resultaat:
    weergave: gpd.GeoDataFrame  # EPSG:4326, for the map only
    analyse: gpd.GeoDataFrame  # EPSG:28992, full geometry
    samenvatting: Samenvatting
    notes: list[str] = field(default_factory=list)

    @property
    def is_ibis(self) -> bool:
        return self.samenvatting.schema == ibis.SCHEMA_IBIS

    @property
    def is_netwerk(self) -> bool:
        """An NWB road file or a rail file: it can replace the corridor or rail layer (eigen_data.netwerk)."""
        return self.samenvatting.schema in netwerk.SOORT


def lees(data: bytes, bestandsnaam: str, laag: str | None = None) -> Resultaat:
    """Read and check one uploaded file (its bytes and its name as the user gave it)."""
    ruw = lees_ruw(data, bestandsnaam, laag)
    notes = list(ruw.notes)
    frame = ruw.frame
    if frame.geometry.name != "geometry":
        frame = frame.rename_geometry("geometry")
    frame.columns = [str(k) for k in frame.columns]
    frame, tellingen = controles.schoon_geometrie(frame, notes)
    if frame.empty:
        raise EigenDataFout(controles.m.GEEN_OBJECTEN)
    frame, herkomst = controles.bepaal_crs(frame, notes, geen_prj=ruw.geen_prj)
    gevonden_crs = controles.crs_naam(frame.crs)
    grenzen = controles.controleer_nederland(frame)
    analyse = controles.naar(frame, controles.RD)
    weergave, tolerantie = controles.weergave_kopie(analyse, notes)
    kolommen = [k for k in analyse.columns if k != "geometry"]
    typen = analyse.geom_type.value_counts()
    samenvatting = Samenvatting(
        bestandsnaam=str(bestandsnaam),
        formaat=ruw.formaat,
        laag=ruw.laag,
        features=len(analyse),
        geometrietypen={str(k): int(v) for k, v in typen.items()},
        crs=gevonden_crs,
        crs_herkomst=herkomst,
        gerepareerd=tellingen["gerepareerd"],
        verwijderd=tellingen["verwijderd"],
        platgemaakt=tellingen["platgemaakt"],
        grenzen_wgs84=tuple(float(np.round(v, 6)) for v in grenzen),
        kolommen=kolommen,
        schema=ibis.herken_schema(kolommen) or netwerk.herken_schema(kolommen),
        weergave_features=len(weergave),
        weergave_tolerantie_m=tolerantie,
    )
    return Resultaat(weergave, analyse, samenvatting, notes)
