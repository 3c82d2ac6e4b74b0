"""QGIS and back: the whole workspace as one GeoPackage (OGC), and such a file merged into another workspace.

Layers: `locaties` (geometry, EPSG:28992), the attribute tables `opmerkingen`, `weergaven`, `eigen_lagen` and
`geschiedenis`, and one layer per kept layer (`laag_1`, `laag_2`, … named in `eigen_lagen.laag`). Deleted items
travel too (column `verwijderd`), so nothing is lost on the way.

Merging goes by the stable id: an item the workspace does not have is added as it is (same id, version and
authors; a history row says it was imported); an identical one is skipped; one that differs is reported as a
conflict and left alone — never overwritten.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pyogrio
import pyogrio.errors
import shapely

from reb_maps.crs import RD
from reb_maps.fouten import OngeldigeInvoer
from reb_maps.werkruimte import records
from reb_maps.werkruimte.opslag import VELDEN, Werkruimte

CRS = RD
META = (
    "id",
    "versie",
    "auteur",
    "auteur_email",
    "geverifieerd",
    "aangemaakt",
    "gewijzigd",
    "gewijzigd_door",
    "verwijderd",
)
TABELLEN = {"locatie": "locaties", "opmerking": "opmerkingen", "weergave": "weergaven", "laag": "eigen_lagen"}
JSON_VELDEN = {"gemeenten", "toets"}
BOOL_VELDEN = {"geverifieerd", "verwijderd"}
TIJD_VELDEN = {"aangemaakt", "gewijzigd"}


@dataclass
class ImportVerslag:
    toegevoegd: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABELLEN, 0))
    ongewijzigd: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABELLEN, 0))
    conflicten: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"toegevoegd": self.toegevoegd, "ongewijzigd": self.ongewijzigd, "conflicten": self.conflicten}


# ---------- export ----------


def exporteer(ruimte: Werkruimte, pad: str | Path) -> dict[str, int]:
    """Write the whole workspace to `pad` (replaced if it exists); returns the number of rows per layer."""
    pad = Path(pad)
    if pad.suffix.lower() != ".gpkg":
        raise OngeldigeInvoer(f"'{pad.name}': een GeoPackage eindigt op .gpkg")
    tijdelijk = pad.with_name(f".{pad.stem}.tmp.gpkg")  # GDAL wants the .gpkg extension
    tijdelijk.unlink(missing_ok=True)
    aantallen: dict[str, int] = {}
    try:
        locaties = ruimte._alle_rijen("locatie")
        frame = gpd.GeoDataFrame(
            [_plat(r, "locatie") for r in locaties],
            geometry=[r["geometrie"] for r in locaties],
            crs=CRS,
            columns=[*META, *(v for v in VELDEN["locatie"] if v != "geometrie")],
        )
        pyogrio.write_dataframe(frame, tijdelijk, layer="locaties", driver="GPKG", geometry_type="Unknown")
        aantallen["locaties"] = len(frame)
        for soort in ("opmerking", "weergave"):
            rijen = [_plat(r, soort) for r in ruimte._alle_rijen(soort)]
            _tabel(tijdelijk, TABELLEN[soort], pd.DataFrame(rijen, columns=[*META, *VELDEN[soort]]))
            aantallen[TABELLEN[soort]] = len(rijen)
        lagen = []
        for i, rij in enumerate(ruimte._alle_rijen("laag"), 1):
            naam = f"laag_{i}"
            inhoud = gpd.read_file(rij.pop("inhoud"), engine="pyogrio").set_crs(CRS, allow_override=True)
            pyogrio.write_dataframe(inhoud, tijdelijk, layer=naam, driver="GPKG", geometry_type="Unknown")
            lagen.append({**_plat(rij, "laag"), "laag": naam})
            aantallen[naam] = len(inhoud)
        _tabel(tijdelijk, "eigen_lagen", pd.DataFrame(lagen, columns=[*META, *VELDEN["laag"], "laag"]))
        aantallen["eigen_lagen"] = len(lagen)
        historie = [
            {
                "nr": w.nr,
                "soort": w.soort,
                "item_id": w.item_id,
                "versie": w.versie,
                "actie": w.actie,
                "auteur": w.auteur,
                "geverifieerd": int(w.geverifieerd),
                "tijdstip": w.tijdstip.isoformat(),
                "voor": json.dumps(w.voor, ensure_ascii=False),
                "na": json.dumps(w.na, ensure_ascii=False),
            }
            for w in reversed(ruimte.geschiedenis(limiet=1_000_000))
        ]
        _tabel(
            tijdelijk,
            "geschiedenis",
            pd.DataFrame(
                historie,
                columns=[
                    "nr",
                    "soort",
                    "item_id",
                    "versie",
                    "actie",
                    "auteur",
                    "geverifieerd",
                    "tijdstip",
                    "voor",
                    "na",
                ],
            ),
        )
        aantallen["geschiedenis"] = len(historie)
        tijdelijk.replace(pad)
    except (OSError, pyogrio.errors.DataSourceError) as exc:
        tijdelijk.unlink(missing_ok=True)
        reden = getattr(exc, "strerror", None) or "map bestaat niet of is alleen-lezen"
        raise OngeldigeInvoer(f"'{str(pad)[:120]}' kan niet worden geschreven ({reden})") from exc
    except Exception:
        tijdelijk.unlink(missing_ok=True)
        raise
    return aantallen


def _tabel(pad: Path, laag: str, frame: pd.DataFrame) -> None:
    """An attribute table without geometry (GeoPackage 'attributes'); an empty one keeps its columns as text."""
    if frame.empty:
        frame = pd.DataFrame({k: pd.Series(dtype="object") for k in frame.columns})
    pyogrio.write_dataframe(frame, pad, layer=laag, driver="GPKG")


def _plat(rij: dict[str, Any], soort: str) -> dict[str, Any]:
    uit: dict[str, Any] = {}
    for k in (*META, *VELDEN[soort]):
        if k == "geometrie":
            continue
        v = rij.get(k)
        if k in JSON_VELDEN:
            v = None if v is None else json.dumps(v, ensure_ascii=False)
        elif k in BOOL_VELDEN:
            v = int(bool(v))
        elif k in TIJD_VELDEN:
            v = (v if v.tzinfo else v.replace(tzinfo=UTC)).isoformat()
        uit[k] = v
    return uit


# ---------- import ----------


def importeer(ruimte: Werkruimte, pad: str | Path, auteur: records.Auteur) -> ImportVerslag:
    pad = Path(pad)
    if not pad.is_file():
        raise OngeldigeInvoer(f"bestand '{pad}' bestaat niet of is geen bestand")
    try:
        aanwezig = {naam for naam, _ in pyogrio.list_layers(pad)}
    except Exception as exc:
        raise OngeldigeInvoer(f"'{pad.name}' is geen leesbare GeoPackage") from exc
    if "locaties" not in aanwezig:
        raise OngeldigeInvoer(f"'{pad.name}' is geen werkruimte-export: de laag 'locaties' ontbreekt")
    nieuw = {soort: _lees(pad, TABELLEN[soort], soort) if TABELLEN[soort] in aanwezig else [] for soort in TABELLEN}
    for rij in nieuw["laag"]:
        laag = rij.pop("laag", None)
        if not laag or laag not in aanwezig:
            raise OngeldigeInvoer(f"eigen laag '{rij.get('naam')}': de laag '{laag}' ontbreekt in het bestand")
        frame = pyogrio.read_dataframe(pad, layer=laag)
        frame = frame.set_crs(CRS) if frame.crs is None else frame.to_crs(CRS)
        rij["inhoud"] = frame.to_json(drop_id=True, to_wgs84=False)
    verslag = ImportVerslag()
    toe_te_voegen: list[tuple[str, dict[str, Any]]] = []
    for soort, rijen in nieuw.items():
        bestaand = {r["id"]: r for r in ruimte._alle_rijen(soort)}
        for rij in rijen:
            hier = bestaand.get(rij["id"])
            if hier is None:
                toe_te_voegen.append((soort, rij))
                verslag.toegevoegd[soort] += 1
            elif _gelijk(soort, hier, rij):
                verslag.ongewijzigd[soort] += 1
            else:
                verslag.conflicten.append(
                    {
                        "soort": soort,
                        "id": rij["id"],
                        "naam": _naam(rij),
                        "versie_hier": hier["versie"],
                        "gewijzigd_door_hier": hier["gewijzigd_door"],
                        "versie_bestand": rij["versie"],
                        "gewijzigd_door_bestand": rij["gewijzigd_door"],
                    }
                )
    bekend = {r["id"] for r in ruimte._alle_rijen("locatie")} | {r["id"] for s, r in toe_te_voegen if s == "locatie"}
    for soort, rij in toe_te_voegen:
        if soort == "opmerking" and rij["locatie_id"] not in bekend:
            raise OngeldigeInvoer(f"opmerking {rij['id']} hoort bij een locatie die niet in het bestand staat")
    ruimte._voeg_in(toe_te_voegen, auteur)
    return verslag


def _lees(pad: Path, laag: str, soort: str) -> list[dict[str, Any]]:
    try:
        frame = pyogrio.read_dataframe(pad, layer=laag)
    except Exception as exc:
        raise OngeldigeInvoer(f"de laag '{laag}' kan niet worden gelezen") from exc
    nodig = set(META) | {v for v in VELDEN[soort] if v != "geometrie"}
    ontbreekt = sorted(nodig - set(frame.columns))
    if ontbreekt:
        raise OngeldigeInvoer(f"de laag '{laag}' mist de kolommen {', '.join(ontbreekt)}")
    if soort == "locatie":
        frame = frame.set_crs(CRS) if frame.crs is None else frame.to_crs(CRS)
    rijen = []
    for nr, rij in enumerate(frame.to_dict("records"), 1):
        try:
            rijen.append(_terug(rij, soort))
        except (ValueError, TypeError, KeyError) as exc:
            raise OngeldigeInvoer(f"laag '{laag}', rij {nr}: {exc}") from exc
    return rijen


def _leeg(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def _terug(rij: dict[str, Any], soort: str) -> dict[str, Any]:
    uit: dict[str, Any] = {}
    for k in (*META, *VELDEN[soort], *(("laag",) if soort == "laag" else ())):
        v = rij.get("geometry") if k == "geometrie" else rij.get(k)
        v = None if _leeg(v) else v
        if k == "geometrie":
            v = records.geometrie(v)
        elif k in JSON_VELDEN:
            v = json.loads(v) if v else ([] if k == "gemeenten" else None)
        elif k in BOOL_VELDEN:
            v = bool(int(v or 0))
        elif k in TIJD_VELDEN:
            v = datetime.fromisoformat(str(v))
        elif k in {"versie", "aantal", "bytes"}:
            v = int(v)
        elif k == "oppervlakte_ha":
            v = None if v is None else float(v)
        elif isinstance(v, str) and k not in {"id", "locatie_id"}:
            v = records.tekst(v, k, records.MAX_LINK if k == "link" else 10_000, leeg_mag=True)
        uit[k] = v
    if not uit.get("id") or len(str(uit["id"])) > 36:
        raise ValueError("geen geldig id")
    return uit


def _gelijk(soort: str, hier: dict[str, Any], daar: dict[str, Any]) -> bool:
    for k in ("versie", "verwijderd", *VELDEN[soort]):
        a, b = hier.get(k), daar.get(k)
        if k == "geometrie":
            if not shapely.equals_exact(a, b, tolerance=0.001):
                return False
        elif k == "oppervlakte_ha":
            if (a is None) != (b is None) or (a is not None and abs(a - b) > 1e-6):
                return False
        elif a != b:
            return False
    return True


def _naam(rij: dict[str, Any]) -> str:
    return str(rij.get("naam") or rij.get("titel") or rij.get("tekst") or rij["id"])[:80]
