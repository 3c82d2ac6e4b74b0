"""Command line: `python -m reb_maps.zoekgebieden --profiel grootschalig --uit DIR`.

Writes DIR/kandidaten.geojson (EPSG:4326), DIR/kandidaten.csv and DIR/parameters.json, and prints one
Dutch summary line. `--parameters DIR/parameters.json` repeats a run exactly; options given next to it
override single values. Invalid input: a Dutch message on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reb_maps.cli import getal as _getal
from reb_maps.cli import hulp_optie, met_foutcode, opdrachtregel
from reb_maps.zoekgebieden.export import samenvatting, schrijf
from reb_maps.zoekgebieden.profielen import (
    CONNECTIVITEIT,
    FACTOREN,
    PROFIELEN_NAMEN,
    RESOLUTIES,
    OngeldigeInvoer,
    Parameters,
    standaard_parameters,
)
from reb_maps.zoekgebieden.zones import bereken


def _geheel(text: str) -> int:
    value = _getal(text)
    if not value.is_integer():
        raise argparse.ArgumentTypeError(f"'{text}' is geen geheel getal")
    return int(value)


def _gewicht(text: str) -> tuple[str, float]:
    naam, is_, waarde = text.partition("=")
    if not is_:
        raise argparse.ArgumentTypeError(f"'{text}': schrijf NAAM=GEWICHT, bijvoorbeeld afrit=0,3")
    if naam.strip() not in FACTOREN:
        raise argparse.ArgumentTypeError(f"onbekende factor '{naam}'; kies uit {', '.join(FACTOREN)}")
    return naam.strip(), _getal(waarde)


def _parser() -> argparse.ArgumentParser:
    parser = opdrachtregel(
        "reb_maps.zoekgebieden",
        "Zoek kandidaat-locaties voor nieuwe bedrijventerreinen in Twente (multicriteria-analyse "
        "op een raster). Zonder opties gelden de standaardwaarden van het gekozen profiel.",
        hulp=False,
    )
    start = parser.add_argument_group("uitgangspunt (kies één)")
    start.add_argument("--profiel", choices=PROFIELEN_NAMEN, help="standaardinstellingen van een profiel")
    start.add_argument("--parameters", type=Path, metavar="BESTAND", help="parameters.json van een eerdere run")
    opties = parser.add_argument_group("instellingen (overschrijven het uitgangspunt)")
    opties.add_argument(
        "--resolutie", type=_geheel, metavar="M", help=f"celgrootte in meter ({', '.join(map(str, RESOLUTIES))})"
    )
    opties.add_argument("--max-afstand-afrit", type=_getal, metavar="M", help="harde grens: afstand tot een afrit")
    opties.add_argument("--buffer-bebouwing", type=_getal, metavar="M", help="hinderafstand rond de bebouwde kom")
    opties.add_argument(
        "--gewicht", type=_gewicht, action="append", metavar="NAAM=W", help=f"gewicht van {', '.join(FACTOREN)}"
    )
    opties.add_argument("--drempel", type=_getal, metavar="S", help="minimale geschiktheidsscore (0–1)")
    opties.add_argument("--min-ha", type=_getal, metavar="HA", help="kleinste oppervlakte van een kandidaat")
    opties.add_argument("--max-ha", type=_getal, metavar="HA", help="grootste oppervlakte van een kandidaat")
    opties.add_argument(
        "--connectiviteit", type=_geheel, choices=CONNECTIVITEIT, help="4: alleen zijden, 8: ook hoeken"
    )
    opties.add_argument("--stikstofzone", action="store_true", default=None, help="sluit de stikstofzone uit")
    opties.add_argument("--gemeente", action="append", metavar="NAAM", help="zoek alleen in deze gemeente(n)")
    uitvoer = parser.add_argument_group("uitvoer")
    uitvoer.add_argument("--uit", type=Path, required=True, metavar="MAP", help="map voor de drie bestanden")
    hulp_optie(uitvoer)
    return parser


def parameters_uit(args: argparse.Namespace) -> Parameters:
    """The parameters the options describe (raises OngeldigeInvoer)."""
    if (args.profiel is None) == (args.parameters is None):
        raise OngeldigeInvoer("Kies precies één uitgangspunt: --profiel of --parameters.")
    if args.parameters is not None:
        try:
            params = Parameters.from_json(args.parameters.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise OngeldigeInvoer(f"Parameterbestand {args.parameters} bestaat niet.") from None
        except UnicodeDecodeError:
            raise OngeldigeInvoer(f"Parameterbestand {args.parameters} is geen UTF-8-tekst.") from None
        except OSError:
            raise OngeldigeInvoer(f"Kan parameterbestand {args.parameters} niet lezen.") from None
    else:
        params = standaard_parameters(args.profiel)
    wijzigingen = {
        veld: waarde
        for veld, waarde in (
            ("resolutie_m", args.resolutie),
            ("max_afstand_afrit_m", args.max_afstand_afrit),
            ("buffer_bebouwing_m", args.buffer_bebouwing),
            ("drempel", args.drempel),
            ("min_ha", args.min_ha),
            ("max_ha", args.max_ha),
            ("connectiviteit", args.connectiviteit),
            ("stikstofzone", args.stikstofzone),
        )
        if waarde is not None
    }
    if args.gemeente:
        wijzigingen["gemeenten"] = tuple(args.gemeente)
    if args.gewicht:
        wijzigingen["gewichten"] = {**dict(params.gewichten), **dict(args.gewicht)}
    return params.replace(**wijzigingen)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    resultaat, code = met_foutcode(lambda: bereken(parameters_uit(args)))
    if code:
        return code
    try:
        schrijf(resultaat, args.uit)
    except OSError:
        print(f"Fout: kan de bestanden niet schrijven in {args.uit}.", file=sys.stderr)
        return 2
    for waarschuwing in resultaat.waarschuwingen:
        print(f"Let op: {waarschuwing}", file=sys.stderr)
    print(samenvatting(resultaat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
