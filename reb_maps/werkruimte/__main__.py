"""Command line for the workspace (administrators and scripts). Bad input: one Dutch line, exit code 2.

    python -m reb_maps.werkruimte [--db URL] locatie-toevoegen --naam N --geojson F [--notitie T] [--auteur A] --json
    python -m reb_maps.werkruimte [--db URL] lijst --json
    python -m reb_maps.werkruimte [--db URL] export --uit F.gpkg
    python -m reb_maps.werkruimte [--db URL] import F.gpkg --json
    python -m reb_maps.werkruimte [--db URL] geschiedenis --json

`--db` is a file path or an SQLAlchemy URL; without it $REB_WERKRUIMTE, then var/werkruimte.sqlite.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import geopandas as gpd
import shapely

from reb_maps.cli import DutchParser, met_werkruimte_fouten, start, werkruimte_opdrachtregel
from reb_maps.crs import RD, WGS84
from reb_maps.fouten import OngeldigeInvoer
from reb_maps.werkruimte import gpkg
from reb_maps.werkruimte.opslag import Werkruimte
from reb_maps.werkruimte.records import Auteur, Locatie


def _parser() -> DutchParser:
    parser, sub = werkruimte_opdrachtregel(
        "reb_maps.werkruimte", "De werkruimte van het bestuurlijk overleg: locaties, opmerkingen, weergaven."
    )
    toe = sub.add_parser("locatie-toevoegen", help="bewaar een locatie uit een GeoJSON-bestand")
    toe.add_argument("--naam", required=True, help="naam van de locatie")
    toe.add_argument(
        "--geojson",
        required=True,
        type=Path,
        metavar="BESTAND",
        help="GeoJSON met één vlak of punt (EPSG:4326, tenzij het bestand een 'crs' opgeeft)",
    )
    toe.add_argument("--notitie", default=None, help="korte toelichting")
    toe.add_argument("--auteur", default=None, help="wie het bewaart (standaard: de gebruikersnaam van dit systeem)")
    toe.add_argument("--json", action="store_true", help="uitvoer als JSON")
    lijst = sub.add_parser("lijst", help="de bewaarde locaties")
    lijst.add_argument("--json", action="store_true", help="uitvoer als JSON")
    uit = sub.add_parser("export", help="de hele werkruimte als één GeoPackage (EPSG:28992)")
    uit.add_argument("--uit", required=True, type=Path, metavar="BESTAND.gpkg", help="doelbestand")
    imp = sub.add_parser("import", help="voeg een GeoPackage-export samen met deze werkruimte")
    imp.add_argument("bestand", type=Path, metavar="BESTAND.gpkg")
    imp.add_argument("--auteur", default=None, help="wie importeert (standaard: de gebruikersnaam)")
    imp.add_argument("--json", action="store_true", help="uitvoer als JSON")
    hist = sub.add_parser("geschiedenis", help="alle wijzigingen, nieuwste eerst")
    hist.add_argument("--json", action="store_true", help="uitvoer als JSON")
    return parser


def _geometrie(pad: Path) -> shapely.Geometry:
    if not pad.is_file():
        raise OngeldigeInvoer(f"bestand '{str(pad)[:80]}' bestaat niet of is geen bestand")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame = gpd.read_file(pad, engine="pyogrio")
    except Exception:
        raise OngeldigeInvoer(f"'{pad.name[:80]}' is geen leesbaar GeoJSON-bestand") from None
    frame = frame[~frame.geometry.is_empty & frame.geometry.notna()]
    if frame.empty:
        raise OngeldigeInvoer(f"'{pad.name[:80]}' bevat geen geometrie")
    frame = frame.set_crs(WGS84) if frame.crs is None else frame
    geoms = list(frame.to_crs(RD).geometry)
    soorten = {g.geom_type for g in geoms}
    if soorten <= {"Polygon", "MultiPolygon"}:
        return shapely.union_all(geoms)
    if soorten == {"Point"} and len(geoms) == 1:
        return geoms[0]
    raise OngeldigeInvoer("een locatie is één vlak (of meerdere vlakken) of één punt, geen lijnen of losse punten")


def _locatie_json(loc: Locatie) -> dict[str, Any]:
    return {
        "id": loc.id,
        "naam": loc.naam,
        "gemeenten": list(loc.gemeenten),
        "oppervlakte_ha": None if loc.oppervlakte_ha is None else round(loc.oppervlakte_ha, 2),
        "auteur": loc.auteur,
        "versie": loc.versie,
        "herkomst": loc.herkomst,
        "opmerkingen": loc.opmerkingen,
        "gewijzigd": loc.gewijzigd.isoformat(),
    }


def _tekst_locaties(locaties: list[Locatie]) -> str:
    if not locaties:
        return "De werkruimte heeft nog geen locaties."
    regels = [f"{len(locaties)} locatie(s):"]
    for loc in locaties:
        ha = "punt" if loc.oppervlakte_ha is None else f"{loc.oppervlakte_ha:.1f} ha".replace(".", ",")
        regels.append(
            f"- {loc.naam} ({', '.join(loc.gemeenten) or 'buiten Twente'}; {ha}; {loc.auteur}, "
            f"versie {loc.versie}) [{loc.id}]"
        )
    return "\n".join(regels)


def _voer_uit(args) -> tuple[Any, str]:
    """(JSON data, text) of the command."""
    ruimte = Werkruimte.open(args.db)
    try:
        if args.opdracht == "locatie-toevoegen":
            loc = ruimte.bewaar_locatie(
                args.naam,
                _geometrie(args.geojson),
                Auteur.van_systeem(args.auteur),
                herkomst="bestand",
                notitie=args.notitie,
            )
            return _locatie_json(loc), f"Bewaard: {loc.naam} ({', '.join(loc.gemeenten)}) [{loc.id}]"
        if args.opdracht == "lijst":
            locaties = ruimte.locaties()
            return {"locaties": [_locatie_json(loc) for loc in locaties]}, _tekst_locaties(locaties)
        if args.opdracht == "export":
            aantallen = gpkg.exporteer(ruimte, args.uit)
            return aantallen, f"Geschreven: {args.uit} ({aantallen['locaties']} locaties)"
        if args.opdracht == "import":
            verslag = gpkg.importeer(ruimte, args.bestand, Auteur.van_systeem(args.auteur))
            tekst = (
                f"Toegevoegd: {sum(verslag.toegevoegd.values())}, al aanwezig: "
                f"{sum(verslag.ongewijzigd.values())}, conflicten (niet overschreven): {len(verslag.conflicten)}"
            )
            tekst += "".join(
                f"\n- conflict: {c['soort']} '{c['naam']}' (hier versie {c['versie_hier']}, "
                f"in het bestand versie {c['versie_bestand']})"
                for c in verslag.conflicten
            )
            return verslag.to_dict(), tekst
        wijzigingen = ruimte.geschiedenis(limiet=1_000_000)
        data = {
            "wijzigingen": [
                {
                    "nr": w.nr,
                    "soort": w.soort,
                    "id": w.item_id,
                    "versie": w.versie,
                    "actie": w.actie,
                    "auteur": w.auteur,
                    "geverifieerd": w.geverifieerd,
                    "tijdstip": w.tijdstip.isoformat(),
                }
                for w in wijzigingen
            ]
        }
        tekst = (
            "\n".join(
                f"{w.tijdstip:%d-%m-%Y %H:%M} {w.auteur}: {w.soort} {w.omschrijving} (versie {w.versie})"
                for w in wijzigingen
            )
            or "Nog geen wijzigingen."
        )
        return data, tekst
    finally:
        ruimte.sluit()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    uitkomst, code, _ = met_werkruimte_fouten(lambda: _voer_uit(args))
    if code:
        return code
    data, tekst = uitkomst
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False))
    else:
        print(tekst)
    return 0


if __name__ == "__main__":
    start(main)
