"""Profiles, parameters and every Dutch label of the search engine, defined once.

The two profiles follow the leading principles of the REB Twente 2040: §4.3 (grootschalige
(boven)regionale terreinen, about 200 ha bruto, mostly plots > 3 ha, on the A1/A35/N-roads, energy and
water) and §4.2 (regional MKB parks, 20–50 ha bruto, on the regional road network, electricity and water).
The report names principles, not distances or weights: every cut-off, weight and threshold below is an
editable starting point of this tool, not a figure from the report. The area range of the large-scale
profile (150–300 ha around the report's "ongeveer 200 ha") is such a choice too.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from reb_maps.data import GEMEENTEN
from reb_maps.fouten import OngeldigeInvoer
from reb_maps.zoekgebieden.gewichten import normaliseer


def json_object(text: str, geen_object: str) -> dict:
    """A JSON object from a user's file; anything else is OngeldigeInvoer with one Dutch sentence (`geen_object`
    when the JSON is valid but not an object)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise OngeldigeInvoer(f"Geen geldige JSON ({exc.msg}, regel {exc.lineno}).") from None
    if not isinstance(data, dict):
        raise OngeldigeInvoer(geen_object)
    return data


@dataclass(frozen=True)
class FactorInfo:
    label: str
    kort: str
    laag: str  # source layer in data/geo/analyse
    nauwkeurigheid: str
    eenheid: str = "m"
    richting: str = "dichterbij is beter: 1 bij afstand ≤ d0, 0 bij afstand ≥ d1, lineair daartussen"


# Order matters: it is the order of weights in files, tables and the CLI help.
FACTOREN: Mapping[str, FactorInfo] = MappingProxyType(
    {
        "afrit": FactorInfo(
            "Afstand tot een afrit (A1, A35, N35, N36, N18)",
            "Afrit",
            "afritten",
            "midden van de OSM-splitsingspunten; knooppunten tellen niet als toegang; afritten die niet in de "
            "OSM-invoer staan (o.a. bij Oldenzaal aan de A1) ontbreken",
        ),
        "nweg": FactorInfo(
            "Afstand tot een N-weg (N18, N35, N36)",
            "N-weg",
            "corridors",
            "N35 volgens OpenStreetMap; N18 en N36 alleen als schematisch tracé door afritten en kernen, "
            "dat kilometers van de echte weg kan liggen",
        ),
        "station": FactorInfo(
            "Afstand tot een treinstation",
            "Station",
            "stations",
            "NS-stationslijst van circa 2016; later geopende stations kunnen ontbreken",
        ),
        "vaarweg": FactorInfo(
            "Afstand tot een vaarweg (Twentekanaal, Kanaal Almelo-De Haandrik)",
            "Vaarweg",
            "waterwegen",
            "watervlakken bij benadering (circa 10 m); havens zelf zijn niet als vlak beschikbaar",
        ),
        "hoogspanning": FactorInfo(
            "Afstand tot een hoogspanningsstation",
            "Hoogspanning",
            "hoogspanning_stations",
            "OSM-ligging van circa 2016; beschikbare netcapaciteit (netcongestie) is onbekend",
        ),
        "bedrijventerrein": FactorInfo(
            "Afstand tot een bestaand bedrijventerrein (clustering)",
            "Bedrijventerrein",
            "bedrijventerreinen",
            "terreingrenzen bij benadering (TOP10NL-wijk/buurt/industriekern), geen IBIS-begrenzing",
        ),
    }
)

# Waterways that carry freight; Regge, Dinkel, Vecht and the Overijssels Kanaal count as water (a hard
# constraint) but not as a shipping connection.
VAARWEGEN = ("Twentekanaal", "Kanaal Almelo-De Haandrik")
N_WEGEN = ("N18", "N35", "N36")
# No business park may be cut by a motorway or main road. OSM draws each carriageway as its own line; 50 m
# around every line covers the carriageway with its shoulders, the central reserve, the verge, slopes and
# ditches, with room for the ~5 m accuracy of the simplified line. A planning assumption of this tool, not a
# figure from the report. Schematic road lines are not masked: they may lie kilometres off the real road.
BUFFER_WEGEN_M = 50


@dataclass(frozen=True)
class MaskerInfo:
    label: str
    laag: str
    nauwkeurigheid: str


MASKERS: Mapping[str, MaskerInfo] = MappingProxyType(
    {
        "buiten_twente": MaskerInfo(
            "Buiten Twente", "regio", "cel telt mee als haar middelpunt binnen de (vereenvoudigde) regiogrens ligt"
        ),
        "bebouwing": MaskerInfo(
            "Bebouwde kom en hinderafstand",
            "bebouwde_kom",
            "topografische bebouwde kom (TOP10NL), niet de juridische grens; hinderafstand instelbaar",
        ),
        "natura2000": MaskerInfo("Natura 2000", "natura2000", "circa 10 m; alleen Overijssel + 2 km"),
        "nnn": MaskerInfo("Natuurnetwerk Nederland (NNN)", "nnn", "alleen Overijssel; circa 10 m"),
        "water": MaskerInfo(
            "Water (kanalen en rivieren)", "waterwegen", "watervlakken en hartlijnen bij benadering (circa 10 m)"
        ),
        "wegen": MaskerInfo(
            "Snelwegen en hoofdwegen",
            "corridors",
            f"strook van {BUFFER_WEGEN_M} m rond elke rijbaan van A1, A35 en N35 volgens OpenStreetMap (circa "
            "5 m); die breedte is een aanname van dit dashboard, niet uit het rapport. Alleen de echte ligging telt: "
            "de schematische tracés (N18, N36 en de A1 tussen Bathmen en Rijssen en tussen Hengelo-Noord en de "
            "grens) zijn NIET uitgesloten, omdat ze kilometers van de echte weg kunnen liggen",
        ),
        "bedrijventerrein": MaskerInfo(
            "Bestaand bedrijventerrein", "bedrijventerreinen", "terreingrenzen bij benadering (TOP10NL)"
        ),
        "stikstofzone": MaskerInfo(
            "Stikstofzone rond Natura 2000 (indicatief)",
            "stikstofzone",
            "indicatieve beleidszone van 500 m / 1 km uit een kabinetsvoorstel, geen officiële grens",
        ),
        "afrit": MaskerInfo(
            "Te ver van een afrit",
            "afritten",
            "gemeten tot het verste punt van de cel, hemelsbreed (niet over de weg)",
        ),
        "gemeente": MaskerInfo("Buiten de gekozen gemeenten", "gemeenten", "gegeneraliseerde CBS-grenzen"),
    }
)

# Output columns: Dutch label and unit, for the page, the CSV and the tests.
KOLOMMEN: Mapping[str, tuple[str, str | None]] = MappingProxyType(
    {
        "rang": ("Rang", None),
        "id": ("Zoekgebied", None),
        "oppervlakte_ha": ("Oppervlakte", "ha"),
        "score": ("Geschiktheid (gemiddeld, 0–1)", None),
        "gemeenten": ("Gemeenten", None),
        "gemeenten_aandeel": ("Verdeling over gemeenten", None),
        "afstand_afrit_m": ("Afstand tot afrit", "m"),
        "afrit": ("Dichtstbijzijnde afrit", None),
        "afstand_nweg_m": ("Afstand tot N-weg", "m"),
        "nweg": ("Dichtstbijzijnde N-weg", None),
        "nweg_schematisch": ("N-weg schematisch (bij benadering)", None),
        "afstand_station_m": ("Afstand tot station", "m"),
        "station": ("Dichtstbijzijnd station", None),
        "afstand_vaarweg_m": ("Afstand tot vaarweg", "m"),
        "vaarweg": ("Dichtstbijzijnde vaarweg", None),
        "afstand_hoogspanning_m": ("Afstand tot hoogspanningsstation", "m"),
        "hoogspanningsstation": ("Dichtstbijzijnd hoogspanningsstation", None),
        "afstand_bedrijventerrein_m": ("Afstand tot bestaand bedrijventerrein", "m"),
        "bedrijventerrein": ("Dichtstbijzijnd bedrijventerrein", None),
        "gebied_ha": ("Omliggend geschikt gebied", "ha"),
        "kern_van_groter_gebied": ("Kern van een groter geschikt gebied", None),
    }
)

GEVOELIGHEID_KOLOMMEN: Mapping[str, tuple[str, str | None]] = MappingProxyType(
    {
        "factor_label": ("Factor", None),
        "wijziging": ("Gewicht gewijzigd", None),
        "gewicht": ("Nieuw gewicht (genormaliseerd)", None),
        "kandidaten": ("Aantal kandidaten", None),
        "oppervlakte_ha": ("Oppervlakte kandidaten", "ha"),
        "verschil_ha": ("Verschil met uitgangspunt", "ha"),
        "geschikt_ha": ("Oppervlakte boven de drempel", "ha"),
        "rangen": ("Rang uitgangspunt → nieuwe rang", None),
        "gewijzigde_rangen": ("Aantal gewijzigde rangen", None),
        "beste_blijft_eerste": ("Beste blijft eerste", None),
    }
)

METHODE = (
    "Rasteranalyse (multicriteria) in RD New: per cel de gewogen som van genormaliseerde afstandsfactoren, "
    "alleen waar geen harde beperking geldt. Aaneengesloten cellen met een score boven de drempel vormen een "
    "gebied; valt dat binnen de bandbreedte van het profiel, dan is het een kandidaat. Is het groter, dan "
    "wordt binnen dat gebied de drempel stap voor stap verhoogd tot de best scorende kernen binnen de "
    "bandbreedte vallen; die kernen zijn dan de kandidaten. Alle afstanden zijn hemelsbreed."
)

RESOLUTIES = (50, 100, 200, 250)
BUFFER_BEREIK = (100, 500)  # slider range of the nuisance distance around built-up areas (m)
BUFFER_MAX = 1000
CONNECTIVITEIT = (4, 8)


@dataclass(frozen=True)
class Profiel:
    naam: str
    label: str
    omschrijving: str
    parameters: Parameters


@dataclass(frozen=True, kw_only=True)
class Parameters:
    """Every input of one search; frozen and hashable, so it can key caches and be saved as JSON.

    `gewichten` are relative (normalised to sum 1 when used); `afstanden` holds per factor the
    distances d0 < d1 in metres of the linear decay. Mappings given here are stored as sorted tuples.
    """

    profiel: str
    resolutie_m: int = 100
    buffer_bebouwing_m: float
    max_afstand_afrit_m: float
    stikstofzone: bool = False
    drempel: float
    min_ha: float
    max_ha: float
    connectiviteit: int = 8
    gewichten: tuple[tuple[str, float], ...]
    afstanden: tuple[tuple[str, float, float], ...]
    gemeenten: tuple[str, ...] = ()

    def __post_init__(self):
        set_ = object.__setattr__  # frozen: normalise the inputs once, here
        if isinstance(self.gewichten, Mapping):
            set_(self, "gewichten", tuple(self.gewichten.items()))
        if isinstance(self.afstanden, Mapping):
            set_(self, "afstanden", tuple((n, *pair) for n, pair in self.afstanden.items()))
        gewichten = {str(n): _getal(w, f"gewicht '{n}'") for n, w in self.gewichten}
        afstanden = {str(n): (_getal(a, f"d0 '{n}'"), _getal(b, f"d1 '{n}'")) for n, a, b in self.afstanden}
        for naam in (*gewichten, *afstanden):
            if naam not in FACTOREN:
                raise OngeldigeInvoer(f"Onbekende factor '{naam}'. Kies uit: {', '.join(FACTOREN)}.")
        ontbreekt = [n for n in FACTOREN if n not in afstanden]
        if ontbreekt:
            raise OngeldigeInvoer(f"Afstandsgrenzen ontbreken voor: {', '.join(ontbreekt)}.")
        set_(self, "gewichten", tuple((n, gewichten.get(n, 0.0)) for n in FACTOREN))
        set_(self, "afstanden", tuple((n, *afstanden[n]) for n in FACTOREN))
        set_(self, "gemeenten", tuple(sorted(set(self.gemeenten))))
        for name in ("buffer_bebouwing_m", "max_afstand_afrit_m", "drempel", "min_ha", "max_ha"):
            set_(self, name, _getal(getattr(self, name), name))
        for name in ("resolutie_m", "connectiviteit"):
            value = _getal(getattr(self, name), name)
            if not value.is_integer():
                raise OngeldigeInvoer(f"{name}: '{value:g}' is geen geheel getal.")
            set_(self, name, int(value))
        if not isinstance(self.stikstofzone, bool):
            raise OngeldigeInvoer("stikstofzone: kies true of false.")
        self._valideer()

    def _valideer(self) -> None:
        if self.profiel not in PROFIELEN_NAMEN:
            raise OngeldigeInvoer(f"Onbekend profiel '{self.profiel}'. Kies uit: {', '.join(PROFIELEN_NAMEN)}.")
        if self.resolutie_m not in RESOLUTIES:
            raise OngeldigeInvoer(
                f"Resolutie {self.resolutie_m} m kan niet; kies uit {', '.join(map(str, RESOLUTIES))} m."
            )
        if not 0 <= self.buffer_bebouwing_m <= BUFFER_MAX:
            raise OngeldigeInvoer(f"De hinderafstand moet tussen 0 en {BUFFER_MAX} m liggen.")
        if self.max_afstand_afrit_m <= 0:
            raise OngeldigeInvoer("De maximale afstand tot een afrit moet groter dan 0 m zijn.")
        if not 0 <= self.drempel <= 1:
            raise OngeldigeInvoer("De drempel moet tussen 0 en 1 liggen.")
        if not 0 < self.min_ha <= self.max_ha:
            raise OngeldigeInvoer("De oppervlakte moet positief zijn en het minimum mag niet boven het maximum.")
        if self.connectiviteit not in CONNECTIVITEIT:
            raise OngeldigeInvoer("Aaneengesloten betekent 4 (alleen zijden) of 8 (ook hoeken) buren.")
        for naam, d0, d1 in self.afstanden:
            if not 0 <= d0 < d1:
                raise OngeldigeInvoer(f"Factor '{naam}': nodig is 0 ≤ d0 < d1 (nu {d0:g} en {d1:g} m).")
        onbekend = [g for g in self.gemeenten if g not in GEMEENTEN]
        if onbekend:
            raise OngeldigeInvoer(f"Onbekende gemeente: {', '.join(onbekend)}.")
        normaliseer(dict(self.gewichten))

    # --- access -------------------------------------------------------------------------------
    def gewicht(self, naam: str) -> float:
        return dict(self.gewichten)[naam]

    def afstand(self, naam: str) -> tuple[float, float]:
        d0, d1 = {n: (a, b) for n, a, b in self.afstanden}[naam]
        return d0, d1

    def replace(self, **changes: Any) -> Parameters:
        return dataclasses.replace(self, **changes)

    def met_gewichten(self, **gewichten: float) -> Parameters:
        """A copy with some weights changed (the others kept)."""
        return self.replace(gewichten={**dict(self.gewichten), **gewichten})

    # --- files --------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["gewichten"] = dict(self.gewichten)
        data["afstanden"] = {n: [d0, d1] for n, d0, d1 in self.afstanden}
        data["gemeenten"] = list(self.gemeenten)
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Parameters:
        velden = {f.name for f in dataclasses.fields(cls)}
        onbekend = sorted(set(data) - velden)
        if onbekend:
            raise OngeldigeInvoer(f"Onbekende parameter(s): {', '.join(onbekend)}.")
        data = dict(data)
        if "profiel" in data and not isinstance(data["profiel"], str):
            raise OngeldigeInvoer(f"profiel: kies uit {', '.join(PROFIELEN_NAMEN)}.")
        if "gemeenten" in data:
            data["gemeenten"] = _namen(data["gemeenten"])
        if "gewichten" in data:
            data["gewichten"] = _gewichten(data["gewichten"])
        if "afstanden" in data:
            data["afstanden"] = _afstanden(data["afstanden"])
        try:
            return cls(**data)
        except TypeError as exc:  # a required field is missing
            raise OngeldigeInvoer(f"Parameters onvolledig: {exc}") from None

    @classmethod
    def from_json(cls, text: str) -> Parameters:
        return cls.from_dict(json_object(text, "Het parameterbestand moet een JSON-object zijn."))


def _getal(value: Any, wat: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise OngeldigeInvoer(f"{wat}: '{_kort(value)}' is geen getal.")
    try:
        number = float(value)
    except OverflowError:  # an int with 400 digits
        number = math.inf
    if not math.isfinite(number):
        raise OngeldigeInvoer(f"{wat}: '{_kort(value)}' is geen eindig getal.")
    return number


def _kort(value: Any) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= 40 else text[:39] + "…"


# A parameters file is JSON written by anyone: check the shape of each collection before using it.


def _namen(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise OngeldigeInvoer(f'gemeenten: verwacht een lijst met namen, bijvoorbeeld ["Almelo"] (nu {_kort(value)}).')
    return tuple(value)


def _gewichten(value: Any) -> dict[str, float]:
    if not isinstance(value, Mapping):
        raise OngeldigeInvoer(
            f'gewichten: verwacht per factor een gewicht, bijvoorbeeld {{"afrit": 0.3}} (nu {_kort(value)}).'
        )
    return {str(naam): _getal(w, f"gewicht '{_kort(naam)}'") for naam, w in value.items()}


def _afstanden(value: Any) -> dict[str, tuple[float, float]]:
    if not isinstance(value, Mapping):
        raise OngeldigeInvoer(
            "afstanden: verwacht per factor twee afstanden, bijvoorbeeld "
            f'{{"afrit": [1000, 4000]}} (nu {_kort(value)}).'
        )
    afstanden = {}
    for naam, paar in value.items():
        if not isinstance(paar, list | tuple) or len(paar) != 2:
            raise OngeldigeInvoer(
                f"afstanden: factor '{_kort(naam)}' heeft precies twee afstanden nodig, d0 en d1 in meter "
                f"(nu {_kort(paar)})."
            )
        afstanden[str(naam)] = (_getal(paar[0], f"d0 '{_kort(naam)}'"), _getal(paar[1], f"d1 '{_kort(naam)}'"))
    return afstanden


PROFIELEN_NAMEN = ("grootschalig", "regionaal-mkb")

PROFIELEN: Mapping[str, Profiel] = MappingProxyType(
    {
        "grootschalig": Profiel(
            "grootschalig",
            "Grootschalig (boven)regionaal",
            "Zoeklocatie van ongeveer 200 ha bruto (hier 150–300 ha) met overwegend kavels boven 3 ha, dicht bij "
            "A1, A35 en de N-wegen, bij energie (hoogspanning) en een vaarweg, bij voorkeur gedragen door "
            "meerdere gemeenten.",
            Parameters(
                profiel="grootschalig",
                buffer_bebouwing_m=300,  # about VNG milieucategorie 4.2
                max_afstand_afrit_m=4000,
                drempel=0.6,
                min_ha=150,
                max_ha=300,
                gewichten={
                    "afrit": 0.30,
                    "nweg": 0.10,
                    "station": 0.05,
                    "vaarweg": 0.15,
                    "hoogspanning": 0.20,
                    "bedrijventerrein": 0.20,
                },
                afstanden={
                    "afrit": (1000, 4000),
                    "nweg": (500, 4000),
                    "station": (1500, 8000),
                    "vaarweg": (500, 5000),
                    "hoogspanning": (1000, 6000),
                    "bedrijventerrein": (250, 4000),
                },
            ),
        ),
        "regionaal-mkb": Profiel(
            "regionaal-mkb",
            "Regionaal MKB",
            "Regionaal terrein van 20–50 ha bruto met grote en kleine kavels, goed ontsloten op het regionale "
            "wegennet en aangesloten op elektriciteit en water; het rapport denkt aan één terrein in het stedelijk "
            "gebied en twee in het landelijk gebied (Noordwest- en Noordoost-Twente).",
            Parameters(
                profiel="regionaal-mkb",
                buffer_bebouwing_m=100,  # about VNG milieucategorie 3.2
                max_afstand_afrit_m=8000,
                drempel=0.6,
                min_ha=20,
                max_ha=50,
                gewichten={
                    "afrit": 0.25,
                    "nweg": 0.20,
                    "station": 0.10,
                    "vaarweg": 0.05,
                    "hoogspanning": 0.15,
                    "bedrijventerrein": 0.25,
                },
                afstanden={
                    "afrit": (1500, 8000),
                    "nweg": (500, 5000),
                    "station": (1000, 6000),
                    "vaarweg": (500, 5000),
                    "hoogspanning": (1000, 6000),
                    "bedrijventerrein": (250, 3000),
                },
            ),
        ),
    }
)


def profiel(naam: str) -> Profiel:
    try:
        return PROFIELEN[naam]
    except KeyError:
        raise OngeldigeInvoer(f"Onbekend profiel '{naam}'. Kies uit: {', '.join(PROFIELEN_NAMEN)}.") from None


def standaard_parameters(naam: str, **changes: Any) -> Parameters:
    """The preset of a profile, optionally with some fields replaced."""
    return profiel(naam).parameters.replace(**changes)
