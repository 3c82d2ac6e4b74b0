"""Pure helpers for the page Schaalsprong: inputs, URL encoding, texts, tables and plotly figures.

The page keeps assumptions in *widget units* (30 for 30%, 55000 jobs); the engine wants fractions.
`naar_aannames` converts. A scenario lives in the URL as short keys holding only what differs from the
report (`?int=10&doel=60000`), so a shared link reopens it. Nothing here calls Streamlit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import asdict, dataclass, field

import pandas as pd

from reb_maps import fmt, labels
from reb_maps.data import load_table
from reb_maps.schaalsprong import (
    RAPPORT_TABLE,
    STUWENDE_SECTOREN,
    Aannames,
    OngeldigeInvoer,
    Uitkomsten,
    bereken,
    default_aannames,
    vergelijk_met_rapport,
)
from reb_maps.url import UrlMelding, laatste, lees_getal
from reb_maps.weergave.charts.schaalsprong import getal, ha
from ui import sessie_sleutels

SCENARIO_KEY = sessie_sleutels.SCHAALSPRONG_SCENARIO  # the last scenario set on the page (briefing reads it)


@dataclass(frozen=True)
class Invoer:
    """One assumption as the page shows it. Widget value = engine value × schaal."""

    veld: str  # field of Aannames
    url: str  # short query-parameter key
    groep: str  # key of labels.SCHAALSPRONG_GROEPEN
    minimum: float
    maximum: float
    stap: float
    eenheid: str  # unit for texts: '%', 'banen', 'm²'
    schaal: float = 1
    decimalen: int = 0  # 0: the widget holds whole numbers
    slider: bool = False

    @property
    def label(self) -> str:
        return labels.SCHAALSPRONG_INVOER[self.veld]

    @property
    def widget_format(self) -> str:
        """printf format for the widget (no thousands separator: '55,000' would read as 55 in Dutch)."""
        number = "%d" if self.decimalen == 0 else f"%.{self.decimalen}f"
        return number + ("%%" if self.eenheid.startswith("%") else "")

    def typed(self, value: float) -> int | float:
        """The value as the widget holds it: int for whole-number inputs, else rounded to its decimals."""
        return round(float(value)) if self.decimalen == 0 else round(float(value), self.decimalen)


INVOER: tuple[Invoer, ...] = (
    Invoer("banen_doel", "doel", "banen", 0, 150_000, 1_000, "banen", slider=True),
    Invoer("banen_autonoom", "auto", "banen", 0, 60_000, 1_000, "banen", slider=True),
    Invoer("aandeel_bedrijventerrein", "bt", "banen", 0, 100, 1, "%", schaal=100, slider=True),
    Invoer("aandeel_mkb", "mkb", "banen", 0, 100, 1, "%", schaal=100, slider=True),
    Invoer("stuwend_maakindustrie", "s_maak", "stuwend", 0, 100_000, 250, "banen"),
    Invoer("stuwend_logistiek", "s_log", "stuwend", 0, 100_000, 250, "banen"),
    Invoer("stuwend_bouw", "s_bouw", "stuwend", 0, 100_000, 250, "banen"),
    Invoer("tq_maakindustrie", "tq_maak", "tq", 25, 1_000, 1, "m²", slider=True),
    Invoer("tq_logistiek", "tq_log", "tq", 25, 1_000, 1, "m²", slider=True),
    Invoer("tq_bouw", "tq_bouw", "tq", 25, 1_000, 1, "m²", slider=True),
    Invoer("tq_mkb", "tq_mkb", "tq", 25, 1_000, 1, "m²", slider=True),
    Invoer("intensivering", "int", "intensivering", 0, 100, 1, "%", schaal=100, slider=True),
    Invoer("speerpunten_banen", "sp", "speerpunten", 0, 200_000, 100, "banen"),
    Invoer("speerpunten_groei", "sp_groei", "speerpunten", 0, 10, 0.1, "% per jaar", 100, 1, slider=True),
    Invoer("speerpunten_startjaar", "sp_van", "speerpunten", 2000, 2040, 1, "jaar"),
    Invoer("speerpunten_eindjaar", "sp_tot", "speerpunten", 2020, 2060, 1, "jaar"),
    Invoer("speerpunten_extra_banen", "sp_extra", "speerpunten", 0, 200_000, 100, "banen"),
    Invoer("speerpunten_m2_per_baan", "sp_m2", "speerpunten", 1, 500, 1, "m² bvo"),
    Invoer("kennisintensief_banen", "ki", "kennisintensief", 0, 300_000, 100, "banen"),
    Invoer("kennisintensief_banen_eind", "ki_eind", "kennisintensief", 0, 300_000, 100, "banen"),
    Invoer("kennisintensief_m2_per_baan", "ki_m2", "kennisintensief", 1, 200, 1, "m²"),
)
INVOER_PER_VELD = {spec.veld: spec for spec in INVOER}

VERDEEL_URL = "verdeel"
VERDEEL_STANDAARD = "areaal"
VERDEEL_KOLOM = {"areaal": "netto_areaal_ha", "banen": "banen_2023"}
QUERY_KEYS = (*(spec.url for spec in INVOER), VERDEEL_URL)


# --- numbers ---------------------------------------------------------------------------------------


def procent(fraction: float) -> str:
    """A fraction as a percentage with a decimal only when needed: 0.3 → '30%', 0.025 → '2,5%'."""
    return fmt.fractie(fraction, 0 if round(fraction * 100, 6).is_integer() else 1)


def jaar(value: float) -> str:
    """A year without thousands separator: 2023, not 2.023."""
    return str(round(float(value)))


def _spec_getal(spec: Invoer, value: float) -> str:
    return jaar(value) if spec.eenheid == "jaar" else getal(value, spec.decimalen)


def invoer_tekst(spec: Invoer, value: float) -> str:
    """A widget value with its unit: '30%', '55.000 banen', '363 m²', '2023'."""
    number = _spec_getal(spec, value)
    if spec.eenheid == "jaar":
        return number
    return f"{number}%" if spec.eenheid == "%" else f"{number} {spec.eenheid}"


# --- scenario: widget values ↔ engine ↔ URL --------------------------------------------------------


def standaard_waarden() -> dict[str, int | float]:
    """The report's assumptions in widget units."""
    basis = asdict(default_aannames())
    return {spec.veld: spec.typed(basis[spec.veld] * spec.schaal) for spec in INVOER}


def naar_aannames(waarden: Mapping[str, float]) -> Aannames:
    """Widget values (missing ones: the report's) → the engine's assumptions."""
    overrides = {
        veld: float(waarden[veld]) / INVOER_PER_VELD[veld].schaal for veld in INVOER_PER_VELD if veld in waarden
    }
    return default_aannames(**overrides)


def probeer_bereken(waarden: Mapping[str, float]) -> tuple[Uitkomsten | None, str | None]:
    """The results, or None with the engine's Dutch message when the scenario cannot be computed."""
    try:
        return bereken(naar_aannames(waarden)), None
    except OngeldigeInvoer as exc:
        return None, str(exc)


def afwijkingen(waarden: Mapping[str, float]) -> dict[str, int | float]:
    """Fields whose value differs from the report, mapped to the report's value."""
    standaard = standaard_waarden()
    return {
        veld: standaard[veld]
        for veld, spec in INVOER_PER_VELD.items()
        if veld in waarden and spec.typed(waarden[veld]) != standaard[veld]
    }


def _url_getal(value: int | float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def naar_query(waarden: Mapping[str, float], verdeelsleutel: str = VERDEEL_STANDAARD) -> dict[str, str]:
    """Query parameters for a scenario: only what differs from the report, under short keys."""
    query = {INVOER_PER_VELD[veld].url: _url_getal(waarden[veld]) for veld in afwijkingen(waarden)}
    if verdeelsleutel != VERDEEL_STANDAARD:
        query[VERDEEL_URL] = verdeelsleutel
    return query


@dataclass
class Scenario:
    waarden: dict[str, int | float]
    verdeelsleutel: str = VERDEEL_STANDAARD
    meldingen: list[UrlMelding] = field(default_factory=list)  # values from the URL that were not used


def _parse_waarde(spec: Invoer, tekst: str) -> int | float | None:
    """Dutch notation as a reader means it (55.000 → 55000, 0,35 → 0.35); None when refused."""
    value = lees_getal(tekst)
    if value is None or not math.isfinite(value) or not spec.minimum <= value <= spec.maximum:
        return None
    if round(value, spec.decimalen) != value:
        return None
    return spec.typed(value)


def uit_query(params: Mapping[str, str | Sequence[str]]) -> Scenario:
    """A scenario from URL parameters; unknown keys are ignored, bad values fall back with a notice."""
    scenario = Scenario(waarden=standaard_waarden())
    per_url = {spec.url: spec for spec in INVOER}
    for key, raw in params.items():
        tekst = laatste(raw)  # a repeated key: the last one wins
        if tekst is None:
            continue
        if key == VERDEEL_URL:
            if tekst in VERDEEL_KOLOM:
                scenario.verdeelsleutel = tekst
            else:
                keuzes = " of ".join(f"'{k}'" for k in VERDEEL_KOLOM)
                scenario.meldingen.append(
                    UrlMelding(
                        key,
                        tekst,
                        f"De link vraagt een verdeling die niet bestaat (kies {keuzes}). De verdeling naar "
                        f"{labels.SCHAALSPRONG_VERDEELSLEUTELS[VERDEEL_STANDAARD].lower()} wordt gebruikt.",
                    )
                )
            continue
        spec = per_url.get(key)
        if spec is None:
            continue
        value = _parse_waarde(spec, str(tekst))
        if value is None:
            soort = "een geheel getal" if spec.decimalen == 0 else f"een getal met hooguit {spec.decimalen} decimaal"
            scenario.meldingen.append(
                UrlMelding(
                    key,
                    str(tekst),
                    f"De link bevat een ongeldige waarde voor '{spec.label}': dat moet {soort} van "
                    f"{_spec_getal(spec, spec.minimum)} tot en met {_spec_getal(spec, spec.maximum)} zijn "
                    f"(duizendtallen met een punt, decimalen met een komma). Het dashboard gebruikt de waarde "
                    f"uit het rapport ({invoer_tekst(spec, scenario.waarden[spec.veld])}).",
                )
            )
        else:
            scenario.waarden[spec.veld] = value
    return scenario


def schrijf_query(params: MutableMapping[str, str], gewenst: Mapping[str, str]) -> None:
    """Bring the page's own keys in `params` (st.query_params) in line with `gewenst`; others stay.

    A key the link repeats (`?doel=1&doel=2`) is written back once.
    """
    alle = getattr(params, "get_all", lambda key: [params[key]] if key in params else [])
    for key in QUERY_KEYS:
        if key in gewenst:
            if alle(key) != [gewenst[key]]:
                params[key] = gewenst[key]
        elif key in params:
            del params[key]


# --- texts -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StapTekst:
    nummer: int
    titel: str
    waarde: str  # hectares carry their unit; jobs get it in the label (the metric is narrow)
    uitleg: str

    @property
    def label(self) -> str:
        return f"Stap {self.nummer}" + ("" if self.waarde.endswith(" ha") else " · banen")


def stappen_teksten(u: Uitkomsten) -> list[StapTekst]:
    """The four steps of Bijlage III in plain Dutch with this scenario's numbers."""
    a = u.aannames
    stappen = {stap.nummer: stap for stap in u.stappen()}
    sectoren = "; ".join(
        f"{labels.SECTOR_KORT[s].lower()} {getal(u.banen_per_sector[s])} × {getal(a.terreinquotienten()[s])} m² "
        f"= {ha(u.ha_per_sector[s])}"
        for s in STUWENDE_SECTOREN
    )
    return [
        StapTekst(
            1, stappen[1].titel, getal(u.banen_bedrijventerrein),
            f"Het doel is {getal(a.banen_doel)} extra banen. {getal(a.banen_autonoom)} daarvan komen er ook "
            f"zonder schaalsprong en zitten al in de ramingen; er blijven {getal(u.banen_extra)} banen over. "
            f"Van die banen komt {procent(a.aandeel_bedrijventerrein)} op een bedrijventerrein terecht: "
            f"{getal(u.banen_bedrijventerrein)} banen.",
        ),
        StapTekst(
            2, stappen[2].titel, ha(u.ha_totaal),
            f"Elke baan vraagt een kavel (de terreinquotiënt). Lokaal en regionaal MKB "
            f"({procent(a.aandeel_mkb)} van de banen): {getal(u.banen_mkb)} × {getal(a.tq_mkb)} m² = "
            f"{ha(u.ha_mkb)}. Stuwend: {sectoren}; samen {ha(u.ha_stuwend)}. Totaal {ha(u.ha_totaal)}.",
        ),
        StapTekst(
            3, stappen[3].titel, ha(u.ha_intensivering),
            f"Door bestaande terreinen te herontwikkelen en intensiever te gebruiken vangt de regio "
            f"{procent(a.intensivering)} van die vraag op: {ha(u.ha_intensivering)}.",
        ),
        StapTekst(
            4, stappen[4].titel, ha(u.ha_extra),
            f"Wat overblijft, {ha(u.ha_totaal)} − {ha(u.ha_intensivering)} = {ha(u.ha_extra)}, komt bovenop de "
            "huidige ramingen. Het rapport noemt dit zeer indicatief en laat open of er aanbod voor is.",
        ),
    ]  # fmt: skip


_PREFIX = {"zonder toevoeging": "", "ongeveer": "ongeveer ", "meer dan": "meer dan ", "mogelijk": "mogelijk ",
           "zeer indicatief": "zeer indicatief "}  # fmt: skip


def _met_eenheid(value: float, eenheid: str, decimals: int) -> str:
    return f"{getal(value, decimals)} {eenheid}"


def vergelijking(u: Uitkomsten) -> pd.DataFrame:
    """The report's printed figures beside the exact ones of this scenario, as display strings.

    The numbers come from the engine's `vergelijk_met_rapport`; this only formats them.
    """
    rows = []
    for row in vergelijk_met_rapport(u).itertuples(index=False):
        eenheid = str(row.eenheid)
        decimals = 2 if eenheid == "ha" else 0
        if pd.isna(row.rapport):
            rapport, verschil = labels.NIET_IN_BRONTEKST, "–"
        else:
            prefix = _PREFIX.get(str(row.weergave), "") if not pd.isna(row.weergave) else ""
            rapport = prefix + _met_eenheid(float(row.rapport), eenheid, 0)
            delta = float(row.verschil)
            teken = "+" if delta > 0 else "−" if delta < 0 else "±"
            verschil = f"{teken}{_met_eenheid(abs(delta), eenheid, decimals)}"
        rows.append(
            {
                "Stap": str(row.onderdeel),
                "Uitkomst": str(row.omschrijving),
                "Rapport": rapport,
                "Berekend (exact)": _met_eenheid(float(row.berekend), eenheid, decimals),
                "Verschil": verschil,
                "Toelichting": str(row.toelichting),
            }
        )
    return pd.DataFrame(rows)


def afronding_toelichting() -> str:
    """Why the report's figures differ from the exact ones (always about the report's own assumptions)."""
    exact = bereken(default_aannames())
    printed = load_table(RAPPORT_TABLE).set_index("sleutel")["waarde"]
    return (
        f"Het rapport drukt ronde getallen. Het totaal en de stuwende basis zijn naar beneden afgekapt "
        f"({getal(printed['ha_totaal'])} voor {ha(exact.ha_totaal)}, {getal(printed['ha_stuwend'])} voor "
        f"{ha(exact.ha_stuwend)}), de intensivering is afgerond ({getal(printed['ha_intensivering'])} voor "
        f"{ha(exact.ha_intensivering)}) en {getal(printed['ha_extra'])} is het gedrukte totaal min de gedrukte "
        f"intensivering. Het dashboard rekent met de exacte waarden en laat de gedrukte ernaast staan."
    )


def speerpunten_toelichting(u: Uitkomsten) -> str:
    """The report's spearhead figures do not add up; say so with the numbers."""
    a = u.aannames
    printed = float(load_table(RAPPORT_TABLE).set_index("sleutel").loc["speerpunten_banen_eind", "waarde"])
    verschil = u.speerpunten_banen_eind - printed
    zin_verschil = (
        f"{getal(abs(verschil))} banen {'meer' if verschil > 0 else 'minder'} dan die eindstand"
        if verschil
        else "precies die eindstand"
    )
    tekst = (
        f"Het rapport noemt als eindstand voor de kennisspeerpunten ongeveer {getal(printed)} banen, maar rekent de "
        f"ruimtevraag met {getal(a.speerpunten_extra_banen)} extra banen. {getal(a.speerpunten_banen)} + "
        f"{getal(a.speerpunten_extra_banen)} = {getal(u.speerpunten_banen_eind)}: {zin_verschil}. "
        f"Met {procent(a.speerpunten_groei)} groei per jaar van {jaar(a.speerpunten_startjaar)} tot "
        f"{jaar(a.speerpunten_eindjaar)} ({getal(u.speerpunten_groeijaren)} jaar) zouden er "
        f"{getal(u.groei_speerpunten_berekend)} banen bij komen."
    )
    if u.speerpunten_groeijaren_impliciet is not None:
        tekst += (
            f" De {getal(a.speerpunten_extra_banen)} extra banen passen bij ongeveer "
            f"{getal(u.speerpunten_groeijaren_impliciet, 1)} jaar groei."
        )
    return tekst + " Het dashboard volgt het rapport en rekent met de extra banen uit de invoer."


# --- context: forecast band and hard supply --------------------------------------------------------


@dataclass(frozen=True)
class Context:
    raming: tuple[float, float]  # Stec, netto ha to 2040, without schaalsprong
    raming_3ha: tuple[float, float]  # of which plots of 3 ha and more
    aanbod_gemeenten: float  # sum of Tabel 10's municipal rows
    aanbod_regionaal: float  # Tabel 10's separate regional row (grootschalig)
    zonder_opgave: tuple[str, ...]  # municipalities without a figure for hard supply


def context() -> Context:
    vraag = load_table("ruimtevraag").set_index("categorie")
    gemeenten = load_table("gemeenten")
    regionaal = load_table("grootschalige_vraag").set_index("categorie")
    return Context(
        raming=(float(vraag.loc["totaal", "min_ha"]), float(vraag.loc["totaal", "max_ha"])),
        raming_3ha=(float(vraag.loc["vanaf_3_ha", "min_ha"]), float(vraag.loc["vanaf_3_ha", "max_ha"])),
        aanbod_gemeenten=float(gemeenten["hard_aanbod_ha"].sum()),
        aanbod_regionaal=float(regionaal.loc["grootschalig_regio", "hard_aanbod_ha"]),
        zonder_opgave=tuple(gemeenten.loc[gemeenten["hard_aanbod_ha"].isna(), "gemeente"].astype(str)),
    )


def context_toelichting(u: Uitkomsten, c: Context) -> str:
    lijst = " en ".join(c.zonder_opgave)
    return (
        f"De raming van Stec (2023) rekent tot 2040 met {fmt.bandbreedte(*c.raming)} netto uitbreiding zonder "
        f"schaalsprong, waarvan {fmt.bandbreedte(*c.raming_3ha)} in kavels van 3 ha of meer. De schaalsprong "
        f"vraagt daar in dit scenario {ha(u.ha_extra)} bovenop; opgeteld (eigen som, geen rapportcijfer) "
        f"{ha(c.raming[0] + u.ha_extra)} tot {ha(c.raming[1] + u.ha_extra)}. Het harde aanbod op 1 januari 2023 "
        f"is {ha(c.aanbod_gemeenten)} bij de gemeenten samen, plus {ha(c.aanbod_regionaal)} in de aparte regionale "
        f"regel voor grootschalige bedrijvigheid. {lijst} gaven geen cijfer voor hun harde aanbod op."
    )


# --- figures ---------------------------------------------------------------------------------------


def spreiding(ha_extra: float, verdeelsleutel: str = VERDEEL_STANDAARD) -> pd.DataFrame:
    """ILLUSTRATIVE (the report does not do this): ha_extra split pro rata by today's areaal or jobs."""
    kolom = VERDEEL_KOLOM[verdeelsleutel]
    gemeenten = load_table("gemeenten")
    basis = gemeenten[kolom].astype("Float64")
    aandeel = basis / basis.sum()
    toegedeeld = aandeel * ha_extra
    aanbod = gemeenten["hard_aanbod_ha"].astype("Float64")
    return pd.DataFrame(
        {
            "gemeente": gemeenten["gemeente"],
            "basis": basis,
            "aandeel": aandeel,
            "toegedeeld_ha": toegedeeld,
            "hard_aanbod_ha": aanbod,
            "aanbod_min_toegedeeld_ha": aanbod - toegedeeld,
        }
    )


def spreiding_tabel(frame: pd.DataFrame, verdeelsleutel: str = VERDEEL_STANDAARD) -> pd.DataFrame:
    """The spread as display strings; a missing hard supply reads 'geen opgave', not 0."""
    basis_label = labels.SCHAALSPRONG_VERDEELSLEUTELS[verdeelsleutel]
    eenheid = "ha" if verdeelsleutel == "areaal" else "banen"
    geen = labels.GEEN_OPGAVE

    def ha_of_geen(value) -> str:
        return geen if fmt.is_missing(value) else ha(value)

    return pd.DataFrame(
        {
            "Gemeente": frame["gemeente"].astype(str),
            basis_label: [f"{getal(v)} {eenheid}" for v in frame["basis"]],
            "Aandeel": [fmt.fractie(v, 1) for v in frame["aandeel"]],
            labels.REEKS_TOEGEDEELD: [ha(v) for v in frame["toegedeeld_ha"]],
            labels.REEKS_AANBOD: [ha_of_geen(v) for v in frame["hard_aanbod_ha"]],
            "Aanbod min toedeling": [ha_of_geen(v) for v in frame["aanbod_min_toegedeeld_ha"]],
        }
    )
