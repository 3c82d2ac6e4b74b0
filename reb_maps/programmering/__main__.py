"""Command line for the programming (Programmeringsafspraken 2027–2030). Bad input: one Dutch line, exit 2; JSON
is always valid (an invalid import still prints its {"geldig": false, "fouten": …}).

    python -m reb_maps.programmering [--db URL] sjabloon --uit F.xlsx
    python -m reb_maps.programmering [--db URL] importeer F.xlsx --variant NAAM [--auteur A] --json
    python -m reb_maps.programmering [--db URL] balans --variant NAAM [--schaalsprong] --json
    python -m reb_maps.programmering [--db URL] bijlage --variant NAAM --uit F.pdf|F.xlsx
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from reb_maps.cli import (
    DutchParser,
    met_werkruimte_fouten,
    start,
    werkruimte_opdrachtregel,
)
from reb_maps.fouten import OngeldigeInvoer
from reb_maps.programmering import excel, varianten
from reb_maps.programmering.balans import balans, schaalsprong_extra_ha
from reb_maps.werkruimte import Auteur, Werkruimte


def _parser() -> DutchParser:
    parser, sub = werkruimte_opdrachtregel(
        "reb_maps.programmering",
        "Programmeringsafspraken bedrijventerreinen Twente 2027–2030: varianten, Excel, balans en bijlage.",
    )
    sj = sub.add_parser("sjabloon", help="een leeg Excel-invulblad met keuzelijsten en uitleg")
    sj.add_argument("--uit", required=True, type=Path, metavar="BESTAND.xlsx")
    im = sub.add_parser("importeer", help="lees een ingevuld invulblad als (nieuwe versie van een) variant")
    im.add_argument("bestand", type=Path, metavar="BESTAND.xlsx")
    im.add_argument("--variant", required=True, metavar="NAAM")
    im.add_argument("--auteur", default=None, help="wie importeert (standaard: de gebruikersnaam)")
    im.add_argument("--json", action="store_true", help="uitvoer als JSON")
    ba = sub.add_parser("balans", help="aanbod van een variant tegenover de vraag van de REB")
    ba.add_argument("--variant", required=True, metavar="NAAM")
    ba.add_argument(
        "--schaalsprong", action="store_true", help="ook de extra hectares van de schaalsprong (Bijlage III)"
    )
    ba.add_argument("--json", action="store_true", help="uitvoer als JSON")
    bi = sub.add_parser("bijlage", help="de bijlage bij de afspraken als PDF of Excel")
    bi.add_argument("--variant", required=True, metavar="NAAM")
    bi.add_argument("--uit", required=True, type=Path, metavar="BESTAND.pdf|BESTAND.xlsx")
    bi.add_argument("--schaalsprong", action="store_true", help="ook de extra hectares van de schaalsprong")
    return parser


def _schrijf(pad: Path, data: bytes) -> None:
    try:
        pad.write_bytes(data)
    except OSError as exc:
        raise OngeldigeInvoer(f"'{str(pad)[:120]}' kan niet worden geschreven ({exc.strerror or exc})") from exc


def _voer_uit(args) -> tuple[object, str, int]:
    """(JSON data, text, exit code)."""
    if args.opdracht == "sjabloon":
        if args.uit.suffix.lower() != ".xlsx":
            raise OngeldigeInvoer(f"'{args.uit.name}': het invulblad eindigt op .xlsx")
        _schrijf(args.uit, excel.sjabloon())
        return {"uit": str(args.uit)}, f"Geschreven: {args.uit}", 0
    ruimte = Werkruimte.open(args.db)
    try:
        if args.opdracht == "importeer":
            if not args.bestand.is_file():
                raise OngeldigeInvoer(f"bestand '{str(args.bestand)[:120]}' bestaat niet of is geen bestand")
            try:
                ingelezen = excel.lees(args.bestand)
            except excel.ImportGeweigerd as exc:
                raise OngeldigeInvoer(str(exc)) from exc
            if not ingelezen.geldig:
                regels = [f"rij {f.rij}, kolom '{f.kolom}': {f.melding}" for f in ingelezen.fouten]
                return ingelezen.to_dict(), "Niet ingelezen:\n" + "\n".join(regels), 2
            auteur = Auteur.van_systeem(args.auteur)
            try:
                bestaand = varianten.variant(ruimte, args.variant)
            except OngeldigeInvoer:
                bestaand = None
            if bestaand is None:
                varianten.nieuw(ruimte, args.variant, ingelezen.regels, auteur, "Ingelezen uit Excel")
            else:
                varianten.wijzig_regels(ruimte, bestaand, ingelezen.regels, auteur)
            return ingelezen.to_dict(), f"Ingelezen: {len(ingelezen.regels)} regels in '{args.variant}'", 0
        v = varianten.variant(ruimte, args.variant)
        b = balans(v.regels, schaalsprong_extra_ha=schaalsprong_extra_ha() if args.schaalsprong else None)
        if args.opdracht == "balans":
            data = {"variant": v.naam, "status": v.status, "versie": v.versie, **b.to_dict()}
            tekst = "\n".join(
                f"{g.gemeente}: aanbod {g.aanbod_ha if g.aanbod_ha is not None else '–'} ha, vraag "
                f"{g.vraag_min_ha}–{g.vraag_max_ha} ha: {g.stoplicht}"
                for g in b.gemeenten
            )
            return data, tekst, 0
        from reb_maps.weergave.documenten.programmering import bijlage_pdf, bijlage_xlsx

        soort = args.uit.suffix.lower()
        if soort not in {".pdf", ".xlsx"}:
            raise OngeldigeInvoer(f"'{args.uit.name}': kies .pdf of .xlsx")
        _schrijf(args.uit, bijlage_pdf(v, b) if soort == ".pdf" else bijlage_xlsx(v, b))
        return {"uit": str(args.uit)}, f"Geschreven: {args.uit}", 0
    finally:
        ruimte.sluit()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    uitkomst, code, melding = met_werkruimte_fouten(lambda: _voer_uit(args))
    json_gevraagd = getattr(args, "json", False)
    if code:
        if json_gevraagd:  # --json is always valid JSON, also when the command was refused
            fout = {"geldig": False, "fouten": [], "melding": melding or "fout"}
            print(json.dumps(fout if args.opdracht == "importeer" else {"fout": fout["melding"]}, ensure_ascii=False))
        return code
    data, tekst, code = uitkomst
    if json_gevraagd:
        print(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False))
        if code:
            print(f"Fout: het bestand is niet ingelezen ({len(data['fouten'])} problemen).", file=sys.stderr)
    else:
        print(tekst, file=sys.stderr if code else sys.stdout)
    return code


if __name__ == "__main__":
    start(main)
