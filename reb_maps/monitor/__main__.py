"""Command line for the monitor. Bad input: one Dutch line on stderr, exit 2; with --json always valid JSON.

python -m reb_maps.monitor [--db URL] importeer FILE [--laag L] [--bron TEKST] [--vervang] [--auteur A] --json
python -m reb_maps.monitor [--db URL] reeks [--gemeente G] --json
"""

from __future__ import annotations

import json
from pathlib import Path

from reb_maps import fmt
from reb_maps.cli import (
    DutchParser,
    lees_bestand,
    met_werkruimte_fouten,
    start,
    werkruimte_opdrachtregel,
)
from reb_maps.data import GEMEENTEN
from reb_maps.eigen_data.meldingen import MAX_UPLOAD_MB
from reb_maps.fouten import OngeldigeInvoer
from reb_maps.monitor import regels
from reb_maps.monitor.invoer import lees_peilbestand
from reb_maps.monitor.opslag import importeer, peiljaren
from reb_maps.monitor.reeks import reeks
from reb_maps.werkruimte import Auteur, Werkruimte


def _parser() -> DutchParser:
    parser, sub = werkruimte_opdrachtregel(
        "reb_maps.monitor",
        "Monitor werklocaties Twente: IBIS-jaren en gemeentecijfers als peildata naast de REB (2023).",
    )
    im = sub.add_parser("importeer", help="lees een IBIS-bestand (of Gemeente; Jaar; Banen; Inwoners) als peildata")
    im.add_argument("bestand", type=Path, metavar="BESTAND")
    im.add_argument("--laag", default=None, help="laag (GeoPackage), Shapefile (zip) of werkblad (Excel)")
    im.add_argument("--bron", default=None, help="bronvermelding, bv. 'IBIS 2025, provincie Overijssel'")
    im.add_argument("--vervang", action="store_true", help="vervang jaren die al in de werkruimte staan")
    im.add_argument("--auteur", default=None, help="wie importeert (standaard: de gebruikersnaam)")
    im.add_argument("--json", action="store_true", help="uitvoer als JSON")
    re_ = sub.add_parser("reeks", help="de reeks per gemeente en jaar, met de REB (2023) als eerste peildatum")
    re_.add_argument("--gemeente", default=None, metavar="G", help=f"één gemeente ({', '.join(GEMEENTEN)}) of Twente")
    re_.add_argument("--json", action="store_true", help="uitvoer als JSON")
    return parser


def _gemeente(tekst: str | None) -> str | None:
    if tekst is None:
        return None
    if tekst.strip().lower() == regels.TWENTE.lower():
        return regels.TWENTE
    code = regels.code_van(tekst)
    if code is None:
        raise OngeldigeInvoer(f"'{tekst[:60]}' is geen Twentse gemeente (kies uit {', '.join(GEMEENTEN)} of Twente)")
    return regels.naam_van(code)


def _ha(waarde):
    return None if waarde is None else round(float(waarde), 2)


def _voer_uit(args) -> tuple[dict, str]:
    gemeente = _gemeente(getattr(args, "gemeente", None))
    data = lees_bestand(args.bestand, MAX_UPLOAD_MB) if args.opdracht == "importeer" else None
    bestand = lees_peilbestand(data, args.bestand.name, args.laag) if data is not None else None
    ruimte = Werkruimte.open(args.db)
    try:
        if args.opdracht == "importeer":
            opgeslagen = importeer(ruimte, bestand, Auteur.van_systeem(args.auteur), args.bron, args.vervang)
            alle = peiljaren(ruimte, soort=bestand.soort)
            uit = {
                "soort": bestand.soort,
                "peiljaren": [p.jaar for p in opgeslagen],
                "terreinen": bestand.aantal if bestand.soort == "ibis" else 0,
                "gemeenten": len({code for p in opgeslagen for code in p.totalen}),
                "in_werkruimte": [p.jaar for p in alle],
                "notities": bestand.notities,
            }
            tekst = (
                f"Ingelezen: {', '.join(str(j) for j in uit['peiljaren'])} ({bestand.aantal} rijen, "
                f"{uit['gemeenten']} gemeenten) in {ruimte.naam}"
            )
            return uit, "\n".join([tekst, *bestand.notities])
        frame = reeks(ruimte, gemeente)
        rijen = [
            {
                **{k: r[k] for k in ("gemeente", "jaar", "terreinen", "banen", "inwoners", "bron")},
                "netto_ha": _ha(r["netto_ha"]),
                "uitgeefbaar_ha": _ha(r["uitgeefbaar_ha"]),
                "hard_aanbod_ha": _ha(r["hard_aanbod_ha"]),
            }
            for _, r in frame.iterrows()
        ]
        tekst = "\n".join(
            f"{r['gemeente']} {r['jaar']}: netto {fmt.met_eenheid(r['netto_ha'], 'ha')}, uitgeefbaar "
            f"{fmt.met_eenheid(r['uitgeefbaar_ha'], 'ha')}, banen {fmt.getal(r['banen'], 0)}"
            for r in rijen
        )
        return {"reeks": rijen, "definities": {"uitgeefbaar_ha": regels.DEFINITIE_UITGEEFBAAR}}, tekst
    finally:
        ruimte.sluit()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    uitkomst, code, melding = met_werkruimte_fouten(lambda: _voer_uit(args))
    if args.json:  # --json is always valid JSON, also when the command was refused
        print(json.dumps(uitkomst[0] if not code else {"fout": melding or "fout"},
                         ensure_ascii=False, indent=2, allow_nan=False))  # fmt: skip
    elif not code:
        print(uitkomst[1])
    return code


if __name__ == "__main__":
    start(main)
