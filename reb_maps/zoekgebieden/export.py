"""Files and text for one result: GeoJSON (EPSG:4326), CSV, parameters.json and a Dutch summary line."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

from reb_maps import fmt
from reb_maps.cellen import csv_tekst
from reb_maps.crs import WGS84
from reb_maps.zoekgebieden.profielen import KOLOMMEN
from reb_maps.zoekgebieden.zones import Resultaat

BESTANDEN = ("kandidaten.geojson", "kandidaten.csv", "parameters.json")
_DECIMALEN = {"oppervlakte_ha": 2, "gebied_ha": 2, "score": 3}
_COORD_DECIMALEN = 6  # about 0.1 m in EPSG:4326


def kandidaten_tabel(resultaat: Resultaat) -> pd.DataFrame:
    """The candidates without geometry: hectares with 2 decimals, score with 3, distances in whole metres."""
    tabel = pd.DataFrame(resultaat.kandidaten.drop(columns="geometry"))[list(KOLOMMEN)]
    for kolom in KOLOMMEN:
        if kolom.startswith("afstand_"):
            tabel[kolom] = tabel[kolom].astype(float).round().astype("Int64")
        elif kolom in _DECIMALEN:
            tabel[kolom] = tabel[kolom].astype(float).round(_DECIMALEN[kolom])
    return tabel


def _waarde(value):
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    return value.item() if isinstance(value, np.generic) else value


def geojson(resultaat: Resultaat) -> dict:
    """A GeoJSON FeatureCollection in EPSG:4326 with the table's attributes."""
    tabel = kandidaten_tabel(resultaat)
    geometrie = resultaat.kandidaten.geometry.to_crs(WGS84).values
    geometrie = shapely.transform(np.asarray(geometrie, dtype=object), lambda xy: np.round(xy, _COORD_DECIMALEN))
    features = [
        {
            "type": "Feature",
            "properties": {k: _waarde(v) for k, v in rij.items()},
            "geometry": json.loads(shapely.to_geojson(geom)),
        }
        for rij, geom in zip(tabel.to_dict("records"), geometrie, strict=True)
    ]
    return {"type": "FeatureCollection", "features": features}


def schrijf(resultaat: Resultaat, map_: Path) -> dict[str, Path]:
    """Write the three files into `map_` (created if needed); returns their paths."""
    map_ = Path(map_)
    map_.mkdir(parents=True, exist_ok=True)
    paden = {naam: map_ / naam for naam in BESTANDEN}
    paden["kandidaten.geojson"].write_text(json.dumps(geojson(resultaat), ensure_ascii=False) + "\n", encoding="utf-8")
    paden["kandidaten.csv"].write_text(csv_tekst(kandidaten_tabel(resultaat), index=False), encoding="utf-8")
    paden["parameters.json"].write_text(resultaat.parameters.to_json(), encoding="utf-8")
    return paden


def samenvatting(resultaat: Resultaat) -> str:
    """One Dutch line, e.g. 'grootschalig: 4 kandidaten, 812 ha, beste score 0,81 (Hengelo, Borne)'."""
    profiel = resultaat.parameters.profiel
    if resultaat.aantal == 0:
        return (
            f"{profiel}: geen kandidaten (toegestaan {fmt.getal(resultaat.toegestaan_ha, 0)} ha, "
            f"boven de drempel {fmt.getal(resultaat.geschikt_ha, 0)} ha)"
        )
    beste = resultaat.kandidaten.iloc[0]
    woord = "kandidaat" if resultaat.aantal == 1 else "kandidaten"
    return (
        f"{profiel}: {resultaat.aantal} {woord}, {fmt.getal(resultaat.kandidaten_ha, 0)} ha, "
        f"beste score {fmt.getal(beste['score'], 2)} ({beste['gemeenten']})"
    )
