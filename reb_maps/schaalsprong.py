"""The indicative schaalsprong calculation of the REB Twente 2040 (Bijlage III) as a pure calculator.

Four steps, as in the report: (1) how many extra jobs need room on bedrijventerreinen, (2) how many
hectares that takes per sector (jobs × terreinquotiënt), (3) the part that intensification absorbs and
(4) what is needed on top of the current forecasts. Next to that: floor space outside bedrijventerreinen
for the kennisspeerpunten (innovation environments) and knowledge-intensive services (office-like).

Defaults come from the table `schaalsprong_aannames`; values stay exact (369,85 ha, not 369): rounding
belongs to presentation. `python -m reb_maps.schaalsprong --help` runs it from the command line.
"""

from __future__ import annotations

import argparse
import decimal
import json
import math
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from types import MappingProxyType
from typing import NamedTuple

import pandas as pd

from reb_maps import fmt
from reb_maps.cli import getal, hulp_optie, opdrachtregel
from reb_maps.data import load_table
from reb_maps.fouten import DataFout, OngeldigeInvoer

AANNAMES_TABLE = "schaalsprong_aannames"
RAPPORT_TABLE = "schaalsprong_uitkomsten_rapport"
M2_PER_HA = 10_000

STUWENDE_SECTOREN = ("maakindustrie", "logistiek", "bouw")
# The sectors of Bijlage III by their names in the report (domain data: the calculator's text uses them too).
SECTOR_NAMEN = {
    "maakindustrie": "Maakindustrie",
    "logistiek": "Logistiek, opslag en groothandel",
    "bouw": "Bouw",
    "mkb": "Lokaal en regionaal MKB",
}


@dataclass(frozen=True, kw_only=True)
class Aannames:
    """Inputs of the calculation. Shares and growth rates are fractions (0.30 = 30%)."""

    banen_doel: float
    banen_autonoom: float
    aandeel_bedrijventerrein: float
    aandeel_mkb: float
    # The report's extra stuwende jobs per sector; used as proportions when the total changes.
    stuwend_maakindustrie: float
    stuwend_logistiek: float
    stuwend_bouw: float
    # Terreinquotiënt: m² kavel per job.
    tq_maakindustrie: float
    tq_logistiek: float
    tq_bouw: float
    tq_mkb: float
    intensivering: float
    speerpunten_banen: float
    speerpunten_groei: float
    speerpunten_startjaar: float
    speerpunten_eindjaar: float
    speerpunten_extra_banen: float
    speerpunten_m2_per_baan: float
    kennisintensief_banen: float
    kennisintensief_banen_eind: float
    kennisintensief_m2_per_baan: float

    def stuwende_verdeling(self) -> dict[str, float]:
        return {sector: getattr(self, f"stuwend_{sector}") for sector in STUWENDE_SECTOREN}

    def terreinquotienten(self) -> dict[str, float]:
        return {sector: getattr(self, f"tq_{sector}") for sector in (*STUWENDE_SECTOREN, "mkb")}


def default_aannames(**overrides: float) -> Aannames:
    """The report's assumptions from the table, optionally with some values replaced.

    Percentages in the table (unit '%' or '% per jaar') become fractions here.
    """
    table = load_table(AANNAMES_TABLE)
    values: dict[str, float] = {}
    for row in table.itertuples(index=False):
        waarde = float(row.waarde)
        values[str(row.sleutel)] = waarde / 100 if str(row.eenheid).startswith("%") else waarde
    names = [f.name for f in fields(Aannames)]
    missing = [name for name in names if name not in values]
    if missing:
        raise DataFout(f"{AANNAMES_TABLE}.csv: aanname(s) {missing} ontbreken")
    aannames = Aannames(**{name: values[name] for name in names})
    return replace(aannames, **overrides) if overrides else aannames


# Dutch names for error messages, with the article so they read as a sentence.
_NAMEN = {
    "banen_doel": "het banendoel van de schaalsprong",
    "banen_autonoom": "de autonome banengroei",
    "aandeel_bedrijventerrein": "het aandeel banen op bedrijventerreinen",
    "aandeel_mkb": "het aandeel MKB",
    "stuwend_maakindustrie": "de stuwende banen in de maakindustrie",
    "stuwend_logistiek": "de stuwende banen in de logistiek",
    "stuwend_bouw": "de stuwende banen in de bouw",
    "tq_maakindustrie": "de terreinquotiënt van de maakindustrie",
    "tq_logistiek": "de terreinquotiënt van de logistiek",
    "tq_bouw": "de terreinquotiënt van de bouw",
    "tq_mkb": "de terreinquotiënt van het MKB",
    "intensivering": "het aandeel intensivering",
    "speerpunten_banen": "het aantal banen in de kennisspeerpunten",
    "speerpunten_groei": "de jaarlijkse groei van de kennisspeerpunten",
    "speerpunten_startjaar": "het startjaar van de speerpuntgroei",
    "speerpunten_eindjaar": "het eindjaar van de speerpuntgroei",
    "speerpunten_extra_banen": "de extra banen in de kennisspeerpunten",
    "speerpunten_m2_per_baan": "de ruimte per speerpuntbaan",
    "kennisintensief_banen": "het aantal kennisintensieve banen",
    "kennisintensief_banen_eind": "het verwachte aantal kennisintensieve banen",
    "kennisintensief_m2_per_baan": "de kantoorruimte per kennisintensieve baan",
}
_NIET_NEGATIEF = (
    "banen_doel", "banen_autonoom", "stuwend_maakindustrie", "stuwend_logistiek", "stuwend_bouw",
    "speerpunten_banen", "speerpunten_extra_banen", "kennisintensief_banen", "kennisintensief_banen_eind",
)  # fmt: skip
_FRACTIES = ("aandeel_bedrijventerrein", "aandeel_mkb", "intensivering", "speerpunten_groei")
_POSITIEF = (
    "tq_maakindustrie", "tq_logistiek", "tq_bouw", "tq_mkb",
    "speerpunten_m2_per_baan", "kennisintensief_m2_per_baan",
)  # fmt: skip


def _nl(value: float, decimals: int | None = None) -> str:
    """Dutch number: fixed decimals for summaries, up to two (as entered) for messages."""
    exact = decimal.Decimal(repr(float(value)))
    if decimals is not None:
        exact = fmt.half_up(exact, decimals)  # 369,85 → 369,9, as a reader expects
    return fmt.getal(exact, decimals)


def _zin(naam: str) -> str:
    """The Dutch name of a field at the start of a sentence (str.capitalize would lower 'MKB')."""
    text = _NAMEN[naam]
    return text[0].upper() + text[1:]


def validate(aannames: Aannames) -> None:
    """Raise OngeldigeInvoer with a Dutch message for the first assumption the calculation cannot use."""
    for f in fields(Aannames):
        value = getattr(aannames, f.name)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise OngeldigeInvoer(f"{_zin(f.name)} moet een getal zijn (ingevoerd: {value!r}).")
    for name in _NIET_NEGATIEF:
        value = getattr(aannames, name)
        if value < 0:
            raise OngeldigeInvoer(f"{_zin(name)} mag niet negatief zijn (ingevoerd: {_nl(value)}).")
    for name in _FRACTIES:
        value = getattr(aannames, name)
        if not 0 <= value <= 1:
            raise OngeldigeInvoer(
                f"{_zin(name)} moet tussen 0 en 1 liggen, bijvoorbeeld 0,3 voor 30% "
                f"(ingevoerd: {_nl(value)})."
            )
    for name in _POSITIEF:
        value = getattr(aannames, name)
        if value <= 0:
            raise OngeldigeInvoer(f"{_zin(name)} moet groter dan 0 m² zijn (ingevoerd: {_nl(value)}).")
    if aannames.banen_autonoom > aannames.banen_doel:
        raise OngeldigeInvoer(
            f"Het banendoel ({_nl(aannames.banen_doel)}) moet minstens zo groot zijn als de autonome groei "
            f"({_nl(aannames.banen_autonoom)}): de schaalsprong rekent alleen met banen bovenop die groei."
        )
    if sum(aannames.stuwende_verdeling().values()) <= 0:
        raise OngeldigeInvoer("De verdeling van de stuwende banen heeft minstens één sector met banen nodig.")
    if aannames.speerpunten_eindjaar < aannames.speerpunten_startjaar:
        raise OngeldigeInvoer("Het eindjaar van de speerpuntgroei mag niet vóór het startjaar liggen.")
    if aannames.kennisintensief_banen_eind < aannames.kennisintensief_banen:
        raise OngeldigeInvoer(
            "Het verwachte aantal kennisintensieve banen mag niet lager zijn dan het huidige aantal."
        )


class Stap(NamedTuple):
    """One step of the flow in Bijlage III, for the page's step diagram."""

    nummer: int
    titel: str
    waarde: float
    eenheid: str


@dataclass(frozen=True, kw_only=True)
class Uitkomsten:
    """Exact results; the mappings are read-only and keyed by sector (STUWENDE_SECTOREN plus 'mkb')."""

    aannames: Aannames
    # Stap 1: jobs that need room on bedrijventerreinen.
    banen_extra: float
    banen_bedrijventerrein: float
    # Stap 2: space per sector.
    banen_stuwend: float
    banen_mkb: float
    banen_per_sector: Mapping[str, float]
    ha_per_sector: Mapping[str, float]
    ha_stuwend: float
    ha_mkb: float
    ha_totaal: float
    # Stap 3 and 4.
    ha_intensivering: float
    ha_extra: float
    # Outside bedrijventerreinen: the report's 4.600 spearhead jobs, and the compound-growth check.
    speerpunten_extra_banen: float
    speerpunten_banen_eind: float
    groei_speerpunten_berekend: float
    speerpunten_banen_eind_berekend: float
    speerpunten_groeijaren: float
    speerpunten_groeijaren_impliciet: float | None
    m2_innovatie: float
    kennisintensief_extra_banen: float
    m2_kantoor: float

    def stappen(self) -> tuple[Stap, ...]:
        return (
            Stap(1, "Extra banen op bedrijventerreinen", self.banen_bedrijventerrein, "banen"),
            Stap(2, "Ruimtevraag op bedrijventerreinen", self.ha_totaal, "ha"),
            Stap(3, "Op te vangen door intensivering", self.ha_intensivering, "ha"),
            Stap(4, "Extra nodig bovenop de ramingen", self.ha_extra, "ha"),
        )

    def to_dict(self) -> dict:
        """Plain, JSON-serialisable dict of every result plus the assumptions used."""
        result: dict = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Aannames):
                result[f.name] = asdict(value)
            elif isinstance(value, Mapping):
                result[f.name] = dict(value)
            else:
                result[f.name] = value
        return result

    def waarde(self, sleutel: str) -> float | None:
        """A result by the key of the report table: a field name, or 'ha_<sector>' for one sector."""
        if sleutel == "ha_extra_samenvatting":
            return self.ha_extra
        if sleutel.startswith("ha_") and sleutel[3:] in self.ha_per_sector:
            return self.ha_per_sector[sleutel[3:]]
        value = getattr(self, sleutel, None)
        return value if isinstance(value, int | float) else None


def bereken(aannames: Aannames) -> Uitkomsten:
    """Run the four steps of Bijlage III and the floor-space estimates; validates first.

    Finite but absurd inputs (1e308 jobs) can overflow; that is refused like any other bad input.
    """
    validate(aannames)
    try:
        uitkomsten = _bereken(aannames)
    except OverflowError:
        uitkomsten = None
    getallen = [] if uitkomsten is None else _getallen(uitkomsten.to_dict())
    if uitkomsten is None or not all(math.isfinite(v) for v in getallen):
        raise OngeldigeInvoer(
            "De aannames geven een uitkomst die te groot is om mee te rekenen; kies kleinere getallen."
        )
    return uitkomsten


def _getallen(tree) -> list[float]:
    if isinstance(tree, dict):
        return [v for value in tree.values() for v in _getallen(value)]
    return [float(tree)] if isinstance(tree, int | float) and not isinstance(tree, bool) else []


def _bereken(aannames: Aannames) -> Uitkomsten:
    a = aannames
    banen_extra = a.banen_doel - a.banen_autonoom
    banen_bt = banen_extra * a.aandeel_bedrijventerrein
    banen_mkb = banen_bt * a.aandeel_mkb
    banen_stuwend = banen_bt - banen_mkb

    weights = a.stuwende_verdeling()
    total_weight = sum(weights.values())
    banen = {sector: banen_stuwend * w / total_weight for sector, w in weights.items()}
    banen["mkb"] = banen_mkb
    tq = a.terreinquotienten()
    ha = {sector: banen[sector] * tq[sector] / M2_PER_HA for sector in banen}
    ha_stuwend = sum(ha[sector] for sector in STUWENDE_SECTOREN)
    ha_totaal = ha_stuwend + ha["mkb"]
    ha_intensivering = ha_totaal * a.intensivering

    # The report uses 4.600 extra spearhead jobs; compound growth from the data year is shown next to it.
    groeijaren = a.speerpunten_eindjaar - a.speerpunten_startjaar
    eind_berekend = a.speerpunten_banen * (1 + a.speerpunten_groei) ** groeijaren
    impliciet = None  # years of growth at the given rate that yield the report's extra jobs
    if a.speerpunten_banen > 0 and a.speerpunten_groei > 0:
        groeifactor = 1 + a.speerpunten_extra_banen / a.speerpunten_banen
        impliciet = math.log(groeifactor) / math.log1p(a.speerpunten_groei)
    kennis_extra = a.kennisintensief_banen_eind - a.kennisintensief_banen

    return Uitkomsten(
        aannames=a,
        banen_extra=banen_extra,
        banen_bedrijventerrein=banen_bt,
        banen_stuwend=banen_stuwend,
        banen_mkb=banen_mkb,
        banen_per_sector=MappingProxyType(banen),
        ha_per_sector=MappingProxyType(ha),
        ha_stuwend=ha_stuwend,
        ha_mkb=ha["mkb"],
        ha_totaal=ha_totaal,
        ha_intensivering=ha_intensivering,
        ha_extra=ha_totaal - ha_intensivering,
        speerpunten_extra_banen=a.speerpunten_extra_banen,
        speerpunten_banen_eind=a.speerpunten_banen + a.speerpunten_extra_banen,
        groei_speerpunten_berekend=eind_berekend - a.speerpunten_banen,
        speerpunten_banen_eind_berekend=eind_berekend,
        speerpunten_groeijaren=groeijaren,
        speerpunten_groeijaren_impliciet=impliciet,
        m2_innovatie=a.speerpunten_extra_banen * a.speerpunten_m2_per_baan,
        kennisintensief_extra_banen=kennis_extra,
        m2_kantoor=kennis_extra * a.kennisintensief_m2_per_baan,
    )


def vergelijk_met_rapport(uitkomsten: Uitkomsten) -> pd.DataFrame:
    """The report's printed results next to the calculated ones, one row per printed figure."""
    table = load_table(RAPPORT_TABLE)
    berekend = [uitkomsten.waarde(str(sleutel)) for sleutel in table["sleutel"]]
    table.insert(3, "berekend", pd.array(berekend, dtype="Float64"))
    table = table.rename(columns={"waarde": "rapport"})
    table["verschil"] = table["berekend"] - table["rapport"]
    return table


# --- command line ----------------------------------------------------------------------------------

# flag → (field, help text)
_CLI_OPTIES = {
    "--banen-doel": ("banen_doel", "extra banen die de schaalsprong beoogt"),
    "--autonoom": ("banen_autonoom", "banengroei die er ook zonder schaalsprong komt"),
    "--aandeel-bedrijventerrein": ("aandeel_bedrijventerrein", "deel banen op bedrijventerreinen (0–1)"),
    "--aandeel-mkb": ("aandeel_mkb", "deel MKB van de banen op bedrijventerreinen (0–1)"),
    "--intensivering": ("intensivering", "deel van de ruimtevraag dat intensivering opvangt (0–1)"),
    "--tq-maak": ("tq_maakindustrie", "terreinquotiënt maakindustrie, m² kavel per baan"),
    "--tq-logistiek": ("tq_logistiek", "terreinquotiënt logistiek, m² kavel per baan"),
    "--tq-bouw": ("tq_bouw", "terreinquotiënt bouw, m² kavel per baan"),
    "--tq-mkb": ("tq_mkb", "terreinquotiënt MKB, m² kavel per baan"),
}

def _parser() -> argparse.ArgumentParser:
    parser = opdrachtregel(
        "reb_maps.schaalsprong",
        "Indicatieve schaalsprongberekening (REB Twente 2040, Bijlage III). "
        "Zonder opties gelden de aannames van het rapport.",
        hulp=False,
    )
    invoer = parser.add_argument_group("aannames (standaard: de waarde uit het rapport)")
    for flag, (dest, help_text) in _CLI_OPTIES.items():
        invoer.add_argument(flag, dest=dest, type=getal, metavar="GETAL", help=help_text)
    overig = parser.add_argument_group("uitvoer")
    overig.add_argument("--json", action="store_true", help="uitkomsten als JSON")
    hulp_optie(overig)
    return parser


def samenvatting(uitkomsten: Uitkomsten) -> str:
    """A short readable Dutch summary of the four steps (one decimal for hectares)."""
    u = uitkomsten
    sectoren = " · ".join(
        f"{SECTOR_NAMEN[s].split(',')[0].lower()} {_nl(u.ha_per_sector[s], 1)}" for s in STUWENDE_SECTOREN
    )
    return "\n".join(
        [
            "Indicatieve schaalsprongberekening (REB Twente 2040, Bijlage III)",
            f"Stap 1  {_nl(u.banen_extra, 0)} extra banen boven de autonome groei, waarvan "
            f"{_nl(u.banen_bedrijventerrein, 0)} op bedrijventerreinen",
            f"Stap 2  ruimtevraag {_nl(u.ha_totaal, 1)} ha: stuwend {_nl(u.ha_stuwend, 1)} ha "
            f"({sectoren}), MKB {_nl(u.ha_mkb, 1)} ha",
            f"Stap 3  intensivering vangt {_nl(u.ha_intensivering, 1)} ha op",
            f"Stap 4  extra nodig bovenop de ramingen: {_nl(u.ha_extra, 1)} ha",
            f"Buiten bedrijventerreinen: {_nl(u.m2_innovatie, 0)} m² bvo in innovatieomgevingen, "
            f"{_nl(u.m2_kantoor, 0)} m² kantoorachtig",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    chosen = {dest: getattr(args, dest) for dest, _ in _CLI_OPTIES.values()}
    overrides = {dest: value for dest, value in chosen.items() if value is not None}
    try:
        uitkomsten = bereken(default_aannames(**overrides))
    except OngeldigeInvoer as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    except DataFout as exc:
        print(f"Fout in de gegevens: {exc}", file=sys.stderr)
        return 1
    try:
        # allow_nan=False: --json is always valid JSON (bereken already refuses non-finite results)
        print(json.dumps(uitkomsten.to_dict(), ensure_ascii=False, indent=2, allow_nan=False) if args.json
              else samenvatting(uitkomsten))  # fmt: skip
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
