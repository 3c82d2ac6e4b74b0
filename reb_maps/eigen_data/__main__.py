"""python -m reb_maps.eigen_data FILE [--laag NAAM] [--json]: check a file as the upload does."""

from __future__ import annotations

import json
from pathlib import Path

from reb_maps.cli import lees_bestand, opdrachtregel, start
from reb_maps.eigen_data import EigenDataFout, lees
from reb_maps.eigen_data.meldingen import MAX_UPLOAD_MB
from reb_maps.fouten import OngeldigeInvoer


def main(argv: list[str] | None = None) -> int:
    parser = opdrachtregel(
        "reb_maps.eigen_data", "Lees een eigen kaartbestand met dezelfde controles als de upload in de app."
    )
    parser.add_argument("bestand", help="GeoPackage, GeoJSON, Shapefile (zip), FlatGeobuf, CSV of Excel")
    parser.add_argument("--laag", help="laag in een GeoPackage of zip, blad in een Excel-bestand")
    parser.add_argument("--json", action="store_true", help="samenvatting als JSON")
    args = parser.parse_args(argv)
    pad = Path(args.bestand)
    try:
        if not pad.is_file():
            raise EigenDataFout(f"Bestand niet gevonden: {args.bestand}")
        resultaat = lees(lees_bestand(pad, MAX_UPLOAD_MB), pad.name, args.laag)
    except (EigenDataFout, OngeldigeInvoer) as fout:
        parser.exit(2, f"{parser.prog}: fout: {fout}\n")
    uit = {**resultaat.samenvatting.als_dict(), "notes": resultaat.notes}
    if args.json:
        print(json.dumps(uit, ensure_ascii=False, indent=2))
    else:
        for sleutel, waarde in uit.items():
            print(f"{sleutel}: {waarde}")
    return 0


if __name__ == "__main__":
    start(main)
