"""Clearly synthetic, deterministic fixtures for eigen_data and herontwikkeling (no real IBIS or BAG data).

Six parks near Hengelo (EPSG:28992), each designed for the §4.1 criteria; VERWACHT holds the designed
verdicts (1, 0 or None = onbekend). Bytes builders make the bad files the upload must refuse or repair.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

RD = "EPSG:28992"
X0, Y0 = 245_000, 478_000  # near Hengelo, well inside Twente


def _vierkant(i: int, ha: float) -> shapely.Polygon:
    zijde = (ha * 10_000) ** 0.5
    x = X0 + i * 1_000
    return shapely.box(x, Y0, x + zijde, Y0 + zijde)


# name, ha of the polygon, HA_BRUTO (None: empty), MILIEUCAT, HA_REVITAL
_PARKEN = [
    ("Synthetisch terrein A", 20, 20.0, "3.1", 2.5),
    ("Synthetisch terrein B", 10, 10.0, "2", None),
    ("Synthetisch terrein C", 15, 15.0, "Cat. 4", 0),
    ("Synthetisch terrein D", 16, None, None, "ja"),
    ("Synthetisch terrein E", 5, 5.0, "2", None),
    ("Synthetisch terrein F", 30, 30.0, "3", None),
]

# Designed verdicts per criterion: 1, 0 or None (onbekend); and the score / highest reachable.
VERWACHT = {
    "Synthetisch terrein A": dict(milieucategorie=1, oude_panden=1, grootte=1, gsi=1, leeftijd=1, revitalisatie=1),
    "Synthetisch terrein B": dict(milieucategorie=0, oude_panden=0, grootte=0, gsi=0, leeftijd=0, revitalisatie=0),
    "Synthetisch terrein C": dict(milieucategorie=1, oude_panden=1, grootte=0, gsi=1, leeftijd=1, revitalisatie=0),
    "Synthetisch terrein D": dict(
        milieucategorie=None, oude_panden=None, grootte=1, gsi=1, leeftijd=1, revitalisatie=1
    ),
    "Synthetisch terrein E": dict(milieucategorie=0, oude_panden=1, grootte=0, gsi=None, leeftijd=1, revitalisatie=0),
    # F has no building at all: no old stock, so it does not meet the age criterion (0, not unknown)
    "Synthetisch terrein F": dict(milieucategorie=1, oude_panden=0, grootte=1, gsi=1, leeftijd=0, revitalisatie=0),
}
# Ranked (all six known) by score: A 6, C 4, F 3, B 0; then "niet te beoordelen" by score, highest reachable: D, E.
VOLGORDE = [f"Synthetisch terrein {c}" for c in "ACFBDE"]
GERANGSCHIKT = 4


def ibis_parken() -> gpd.GeoDataFrame:
    """The six parks with the IBIS columns (upper case, as IBIS exports them) plus MILIEUCAT and HA_REVITAL."""
    rijen = []
    for i, (naam, ha, bruto, cat, revit) in enumerate(_PARKEN):
        rijen.append(
            {
                "RIN_NUMMER": 9000 + i,
                "PLAN_NAAM": naam,
                "GEM_CODES": "0164",  # Hengelo
                "HA_BRUTO": bruto,
                "HA_NETTO": (bruto or ha) * 0.8,
                "HA_TOTTUIT": 0.0,
                "WLOC_TYPE": "gemengd",
                "JAAR": 2022,
                "MILIEUCAT": cat,
                "HA_REVITAL": revit,
            }
        )
    return gpd.GeoDataFrame(rijen, geometry=[_vierkant(i, p[1]) for i, p in enumerate(_PARKEN)], crs=RD)


def _panden_in(park: int, aantal: int, jaren, m2: float, punten: bool = False) -> list[dict]:
    """`aantal` buildings on a row of a grid inside park `park`, each `m2` square metres."""
    geb = _vierkant(park, _PARKEN[park][1])
    minx, miny, _, _ = geb.bounds
    zijde = m2**0.5
    per_rij = max(1, int((geb.bounds[2] - minx - 5) // (zijde + 5)))
    uit = []
    for k in range(aantal):
        x = minx + 5 + (k % per_rij) * (zijde + 5)
        y = miny + 5 + (k // per_rij) * (zijde + 5)
        vorm = shapely.Point(x + zijde / 2, y + zijde / 2) if punten else shapely.box(x, y, x + zijde, y + zijde)
        jaar = jaren[k] if isinstance(jaren, list) else jaren
        uit.append({"bouwjaar": jaar, "geometry": vorm})
    return uit


def bag_panden() -> gpd.GeoDataFrame:
    rijen = (
        _panden_in(0, 12, 1960, 400)  # A: 12 before 1970, 4.800 m² of 20 ha
        + _panden_in(1, 5, 2000, 9_000)  # B: new, 45.000 m² of 10 ha = 45 %
        + _panden_in(2, 31, 1985, 100)  # C: 31 before 1990, none before 1970
        + _panden_in(3, 13, [1960] * 8 + [9999] * 5, 100)  # D: 8 before 1970, 5 unknown years (BAG 9999)
        + _panden_in(4, 11, 1950, 100, punten=True)  # E: points, so no footprint
    )  # F: no buildings at all
    rijen.append({"bouwjaar": 1950, "geometry": shapely.box(X0 - 5_000, Y0, X0 - 4_990, Y0 + 10)})  # outside
    return gpd.GeoDataFrame(rijen, crs=RD)


# ---------- files ----------


def schrijf_gpkg(frame: gpd.GeoDataFrame, pad: Path, laag: str = "laag") -> Path:
    frame.to_file(pad, layer=laag, driver="GPKG", engine="pyogrio")
    return pad


def geojson_bytes(features: list[dict], crs: str | None = None) -> bytes:
    data = {"type": "FeatureCollection", "features": features}
    if crs:
        data["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(data).encode()


def feature(geometry: dict | None, **props) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": props}


def punt(x: float, y: float, *z: float) -> dict:
    return {"type": "Point", "coordinates": [x, y, *z]}


HENGELO_WGS84 = (6.79, 52.265)


def shapefile_zip(frame: gpd.GeoDataFrame, tmp: Path, *, prj: bool = True, cpg: bool = True,
                  encoding: str = "utf-8", map_in_zip: str = "data/") -> bytes:  # fmt: skip
    tmp.mkdir(parents=True, exist_ok=True)
    frame.to_file(tmp / "parken.shp", engine="pyogrio", encoding=encoding)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archief:
        for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
            if (ext == ".prj" and not prj) or (ext == ".cpg" and not cpg) or not (tmp / f"parken{ext}").exists():
                continue
            archief.write(tmp / f"parken{ext}", f"{map_in_zip}parken{ext}")
    return buffer.getvalue()


def zip_met(leden: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archief:
        for naam, inhoud in leden.items():
            archief.writestr(naam, inhoud)
    return buffer.getvalue()


def punten_csv(aantal: int, seed: int = 11) -> bytes:
    """`aantal` synthetic points in Twente, RD x/y with ';' and a decimal comma."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(230_000, 265_000, aantal).round(1)
    y = rng.uniform(465_000, 495_000, aantal).round(1)
    tabel = pd.DataFrame({"id": np.arange(aantal), "x": x, "y": y, "soort": rng.choice(["a", "b", "c"], aantal)})
    return tabel.to_csv(index=False, sep=";", decimal=",").encode()


def grote_gpkg(pad: Path, doel_mb: float = 20, seed: int = 5) -> Path:
    """A GeoPackage of about `doel_mb` MB: detailed synthetic polygons over Twente (for the bench)."""
    rng = np.random.default_rng(seed)
    hoeken = 400
    per_vlak = hoeken * 16 + 200  # bytes of one polygon in the GeoPackage, roughly
    aantal = int(doel_mb * 1_000_000 / per_vlak)
    hoek = np.linspace(0, 2 * np.pi, hoeken, endpoint=False)
    cx = rng.uniform(230_000, 265_000, aantal)
    cy = rng.uniform(465_000, 495_000, aantal)
    straal = rng.uniform(50, 300, (aantal, 1)) * (1 + 0.1 * np.sin(7 * hoek))
    ringen = np.stack([cx[:, None] + straal * np.cos(hoek), cy[:, None] + straal * np.sin(hoek)], axis=-1)
    vlakken = shapely.polygons(np.concatenate([ringen, ringen[:, :1]], axis=1))
    frame = gpd.GeoDataFrame({"naam": [f"Synthetisch vlak {i}" for i in range(aantal)]}, geometry=vlakken, crs=RD)
    return schrijf_gpkg(frame, pad)
