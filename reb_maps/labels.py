"""Dutch labels, colours and source strings — defined once, imported by pages, builders and tests."""

from __future__ import annotations

from dataclasses import dataclass

from reb_maps.lagen import laag as _laag

APP_TITEL = "Werklocaties Twente"
APP_ONDERTITEL = "Ruimtelijk Economische Bouwsteen Twente 2040 op de kaart"

# Page titles (also the navigation labels the browser tests click).
PAGINA_KAART = "Kaart"
PAGINA_GEMEENTEN = "Gemeenten"
PAGINA_REGIO = "Regio & economie"
PAGINA_ZOEKGEBIEDEN = "Zoekgebieden"
PAGINA_SCHAALSPRONG = "Schaalsprong"
PAGINA_EIGEN_DATA = "Eigen data"
PAGINA_BRONNEN = "Bronnen & toelichting"
PAGINA_PRESENTATIE = "Presentatie"
PAGINA_WERKRUIMTE = "Werkruimte"
PAGINA_PROGRAMMERING = "Programmering 2027–2030"
PAGINA_MONITOR = "Monitor"
PAGINA_TOEGANKELIJKHEID = "Toegankelijkheid"
PRESENTATIE_LADEN = "Beeld wordt gemaakt…"

# Shared widgets.
WIDGET_GEMEENTE = "Gemeente"
WIDGET_ACHTERGROND = "Achtergrondkaart"
WIDGET_INDICATOR = "Kleur gemeenten naar"
KAART_EIGEN_LAAG = "Eigen kaartlaag (IBIS, BAG, plannen)"
KOP_LOCATIES = "Werklocaties in het rapport"  # the panel's list and the briefing's section
GEEN_GEMEENTE = "Heel Twente"

# Sources as the app shows them.
REB = "REB Twente 2040 (BCI, 2025)"
BRON_CBS_KADASTER = "Bron: CBS/Kadaster via PDOK (CC BY 4.0)"
BRON_OSM = "© OpenStreetMap-bijdragers (ODbL)"
BRON_NATUUR = "RVO / provincies via PDOK"

FOUTMELDING = (
    "Er ging iets mis bij het tonen van dit onderdeel. Probeer het opnieuw of kies een andere "
    "instelling; de fout is vastgelegd in het logboek."
)


@dataclass(frozen=True)
class Achtergrond:
    sleutel: str  # short value for the URL (?achtergrond=geen)
    naam: str
    tiles: str | None  # None: no tiles; the quiet basemap from the bundled open data instead (works offline)
    attributie: str
    max_zoom: int = 19


PDOK_BRT = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/{stijl}/EPSG:3857/{{z}}/{{x}}/{{y}}.png"
KADASTER = 'Kaartgegevens &copy; <a href="https://www.kadaster.nl">Kadaster</a>'

ACHTERGRONDEN = (
    Achtergrond("grijs", "PDOK Achtergrondkaart grijs", PDOK_BRT.format(stijl="grijs"), KADASTER),
    Achtergrond("standaard", "PDOK Achtergrondkaart standaard", PDOK_BRT.format(stijl="standaard"), KADASTER),
    Achtergrond(
        "luchtfoto",
        "PDOK Luchtfoto",
        "https://service.pdok.nl/hwh/luchtfotorgb/wmts/v1_0/Actueel_orthoHR/EPSG:3857/{z}/{x}/{y}.jpeg",
        'Luchtfoto &copy; <a href="https://www.pdok.nl">Beeldmateriaal.nl / PDOK</a>',
    ),
    Achtergrond(
        "osm",
        "OpenStreetMap",
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap-bijdragers</a>',
    ),
    # The key stays "geen" (links and bookmarks made before the basemap existed keep working).
    Achtergrond("geen", "Eenvoudige kaart (offline)", None, ""),
)
ACHTERGROND_STANDAARD = ACHTERGRONDEN[0].naam
ACHTERGROND_OFFLINE = ACHTERGRONDEN[-1].naam


def achtergrond(naam_of_sleutel: str | None) -> Achtergrond:
    """By display name or URL key; anything unknown gives the default."""
    for item in ACHTERGRONDEN:
        if naam_of_sleutel in (item.naam, item.sleutel):
            return item
    return ACHTERGRONDEN[0]


@dataclass(frozen=True)
class Indicator:
    """A municipal figure the map can colour by."""

    sleutel: str
    label: str
    eenheid: str
    kolom: str | None  # column of table `gemeenten`; None: derived
    schaal: str  # a colorbrewer scheme name understood by branca


INDICATOREN = (
    Indicator("banen", "Banen 2023", "banen", "banen_2023", "Blues"),
    Indicator("banengroei", "Banengroei 2014–2023", "%", "banen_groei_2014_2023_pct", "Greens"),
    Indicator("netto_areaal", "Netto areaal bedrijventerrein", "ha", "netto_areaal_ha", "Purples"),
    Indicator("hard_aanbod", "Hard aanbod per 1-1-2023", "ha", "hard_aanbod_ha", "Oranges"),
    Indicator("tekort", "Tekort t.o.v. minimale indicatieve vraag", "ha", None, "Reds"),
)


# The same indicators for an imported year (Monitor): the label, and the column of the peildatum frame.
INDICATOR_PEIL = {
    "banen": ("Banen {jaar}", "peil_banen"),
    "banengroei": ("Banengroei 2023–{jaar}", "peil_banengroei"),
    "netto_areaal": ("Netto areaal {jaar} (IBIS)", "peil_netto"),
    "hard_aanbod": ("Uitgeefbaar {jaar} (IBIS; niet het harde aanbod)", "peil_uitgeefbaar"),
    "tekort": ("Tekort t.o.v. minimale vraag, met uitgeefbaar {jaar}", "peil_tekort"),
}
PEILDATUM_REB = "Januari 2023 (REB)"


def indicator(sleutel: str) -> Indicator:
    for item in INDICATOREN:
        if item.sleutel == sleutel:
            return item
    return INDICATOREN[0]




@dataclass(frozen=True)
class Stoplicht:
    """One light of the traffic light of hard supply against the indicative demand to 2040 (Tabel 10).

    Computed by reb_maps.kerncijfers.stoplicht; every page, chart and document reads its texts from here.
    """

    licht: str  # key: rood, oranje, groen, geen opgave
    kleur: str  # hex, for maps, charts and print
    kort: str  # 'Oranje'
    lang: str  # the full meaning, for legends and help texts
    paneel: str  # badge text in the map's side panel
    symbool: str  # a circle for tables and metric deltas: in every font (an emoji is a box without an emoji font)
    streamlit_kleur: str  # Streamlit's named colour for st.badge and st.metric(delta_color=...)

    @property
    def label(self) -> str:
        """'● Oranje': the light as a table cell or metric delta (the word says it, not the colour alone)."""
        return f"{self.symbool} {self.kort}"


# In this order in legends and lists.
STOPLICHTEN = {
    s.licht: s
    for s in (
        Stoplicht("rood", "#d7301f", "Rood", "Hard aanbod lager dan de minimale indicatieve vraag",
                  "Rood: aanbod onder minimale vraag", "●", "red"),
        Stoplicht("oranje", "#fdae61", "Oranje", "Hard aanbod binnen de bandbreedte van de indicatieve vraag",
                  "Oranje: aanbod binnen bandbreedte", "●", "orange"),
        Stoplicht("groen", "#1a9850", "Groen", "Hard aanbod gelijk aan of hoger dan de maximale indicatieve vraag",
                  "Groen: aanbod ≥ maximale vraag", "●", "green"),
        Stoplicht("geen opgave", "#bdbdbd", "Geen opgave",
                  "Geen opgave van het harde aanbod in het rapport (‘-’ in Tabel 10)",
                  "Geen opgave van hard aanbod", "○", "gray"),
    )
}  # fmt: skip

KLEUR_SELECTIE = "#c8102e"
KLEUR_GEMEENTEGRENS = "#444444"

# Map layer names as the layer control and legend show them: declared once, in the layer catalogue.
LAAG_GEMEENTEN = _laag("gemeenten").label
LAAG_SELECTIE = "Gekozen gemeente"  # the outline of the chosen municipality (no menu entry)
LAAG_BEDRIJVENTERREINEN = _laag("bedrijventerreinen").label
LAAG_GROOTSCHALIG = _laag("grootschalig").label
LAAG_CAMPUSSEN = _laag("campussen").label
LAAG_PLANNEN = _laag("plannen").label
LAAG_WEGEN = _laag("wegen").label
LAAG_AFRITTEN = _laag("afritten").label
LAAG_SPOOR = _laag("spoor").label
LAAG_STATIONS = _laag("stations").label
LAAG_WATER = _laag("waterwegen").label
LAAG_NATURA2000 = _laag("natura2000").label
LAAG_NNN = _laag("nnn").label
LAAG_BEBOUWING = _laag("bebouwde_kom").label
LAAG_HOOGSPANNING = _laag("hoogspanning_stations").label
LAAG_STIKSTOF = _laag("stikstofzone").label

SCHEMATISCH = "schematisch tracé"
BIJ_BENADERING = "bij benadering, TOP10NL"
INDICATIEF = "indicatieve ligging"


# Charts
# Labels and colours of the plotly charts and tables on the pages Gemeenten and Regio & economie.

KLEUR_BALK = "#4f7cac"  # ordinary bars; the selection gets KLEUR_SELECTIE
KLEUR_BALK_LICHT = "#a9c3de"  # second series next to KLEUR_BALK
KLEUR_BANDBREEDTE = "#c6dbef"  # min–max range bars
KLEUR_ACCENT = "#e69f00"  # Twente among other regions, campus series
KLEUR_ACCENT_LICHT = "#f5d08a"  # KLEUR_ACCENT's second series
KLEUR_SELECTIE_LICHT = "#f2a7b4"  # the selection's second series, next to KLEUR_SELECTIE
KLEUR_SCENARIO = {"laag": "#56b4e9", "hoog": "#0072b2"}

GRAFIEK_BANEN = "Banen in 2023 en hun groei sinds 2014"
GRAFIEK_BANEN_AANTAL = "Banen 2023"
GRAFIEK_BANEN_GROEI = "Groei banen 2014–2023"
GRAFIEK_NETTO = "Netto areaal bedrijventerrein, januari 2023"
GRAFIEK_VRAAG_AANBOD = "Indicatieve vraag tot 2040 tegenover het harde aanbod (1-1-2023)"
GRAFIEK_GROOTSCHALIG = "Grootschalige vraag voor heel Twente tot 2040 tegenover het harde aanbod"
GRAFIEK_REGIO = "Twente naast andere regio's (2023)"
GRAFIEK_REGIO_AANTAL = "Inwoners en banen 2023"
GRAFIEK_REGIO_GROEI = "Groei 2014–2023"
GRAFIEK_PROFIEL = "Economisch profiel van Twente: banen in 2023"
GRAFIEK_EIB = "Banen in Twente volgens de EIB-scenario's"
GRAFIEK_RUIMTEVRAAG = "Uitbreidingsvraag bedrijventerrein tot 2040 (netto ha)"
GRAFIEK_CAMPUS = "Banengroei op campussen tegenover de hele gemeente, 2018–2024"

AS_BANEN = "banen"
AS_HA = "netto hectare"
AS_GROEI = "groei (%)"
AS_JAAR = "jaar"

REEKS_VRAAG = "Indicatieve vraag tot 2040 (bandbreedte)"
REEKS_AANBOD = "Hard aanbod 1-1-2023"
REEKS_INWONERS = "Inwoners"
REEKS_BANEN = "Banen"
REEKS_CAMPUS = "Bedrijven op campussen"
REEKS_GEMEENTE_TOTAAL = "Hele gemeente"
REEKS_SCENARIO = {"laag": "EIB laag", "hoog": "EIB hoog"}
REEKS_VRAAG_LAAG_HOOG = "Vraag tot 2040 (EIB laag – EIB hoog)"

GEEN_OPGAVE = "geen opgave"
NIET_IN_BRONTEKST = "niet beschikbaar in de brontekst"
TWENTE_TOTAAL = "Twente samen"
GROOTSCHALIG_RIJ = "Twente, grootschalige vraag"

# Key figures (reb_maps.kerncijfers) of one municipality, or of Twente when none is selected.
# Short: five metrics share one row; the help text carries the full meaning.
METRIC_BANEN = "Banen 2023"
METRIC_INWONERS = "Inwoners 2023"
METRIC_NETTO = "Netto areaal"
METRIC_VRAAG = "Vraag tot 2040"
METRIC_AANBOD = "Hard aanbod"
METRIC_HULP = {
    "banen": "Banen in 2023 en de groei sinds 2014 (Tabel 2).",
    "inwoners": "Inwoners in 2023 en de groei sinds 2014 (Tabel 2).",
    "netto": "Netto areaal bedrijventerrein in januari 2023 (Tabel 8); {aandeel} van heel Twente.",
    "vraag": "Indicatieve ruimtevraag tot 2040 in netto hectare, van laag tot hoog (Tabel 10).",
    "aanbod": "Hard aanbod op 1 januari 2023 (Tabel 10). {stoplicht}.",
}
METRIC_SINDS_2014 = "{groei} sinds 2014"
# Twente as a whole: Tabel 1, the sum of Tabel 8 and the regional large-scale line of Tabel 10.
METRIC_TWENTE_NETTO = "Netto areaal bedrijventerrein"
METRIC_TWENTE_VRAAG = "Grootschalige vraag regio tot 2040"
METRIC_TWENTE_AANBOD = "Hard aanbod grootschalig"
METRIC_TWENTE_HULP = {
    "banen": "Banen in Twente in 2023 en de groei sinds 2014 (Tabel 1).",
    "inwoners": "Inwoners van Twente in 2023 en de groei sinds 2014 (Tabel 1).",
    "netto": "Netto areaal bedrijventerrein van de veertien gemeenten samen, januari 2023 (Tabel 8).",
    "vraag": "Ruimtevraag van grootschalige bedrijven uit heel Twente tot 2040, netto hectare (Tabel 10, "
    "regionale regel).",
    "aanbod": "Hard aanbod voor grootschalige bedrijven op 1 januari 2023 (Tabel 10, regionale regel). {stoplicht}.",
}

# Comparison table on the Gemeenten page (values formatted, so the headers carry no units).
TABEL_VRAAG = "Indicatieve vraag tot 2040"
TABEL_STOPLICHT = "Aanbod tegenover vraag"
TABEL_TEKORT = "Tekort t.o.v. minimale vraag"
DOWNLOAD_CSV = "Download de tabel als CSV"

# Layers of the economic profile (Figuur 4) and the two tables behind the demand ranges.
KLEUR_LAAG = {
    "kennisspeerpunten": "#cc79a7",
    "stuwende basis": "#0072b2",
    "breed lokaal MKB": "#009e73",
}
KLEUR_PROFIEL_TOTAAL = "#f0f0f0"
SUBTITEL_TABEL5 = "Tabel 5: naar werkmilieu"
SUBTITEL_TABEL6 = "Tabel 6: naar kavelgrootte"
RESTDEEL_NIET_UITGESPLITST = "rest niet uitgesplitst in de brontekst"
BEREKEND_AANDEEL = "berekend aandeel"
IN_TWENTE = "Twentse campus"

# Schaalsprong
# Labels, widget labels and colours of the page Schaalsprong (Bijlage III, indicatieve berekening).

# The sectors' full names are domain data: reb_maps.schaalsprong.SECTOR_NAMEN.
SECTOR_KORT = {"maakindustrie": "Maakindustrie", "logistiek": "Logistiek", "bouw": "Bouw", "mkb": "MKB"}

# One label per assumption of reb_maps.schaalsprong.Aannames; the unit is shown in the widget.
SCHAALSPRONG_INVOER = {
    "banen_doel": "Banendoel van de schaalsprong (extra banen)",
    "banen_autonoom": "Autonome banengroei (zit al in de ramingen)",
    "aandeel_bedrijventerrein": "Deel van de extra banen op bedrijventerreinen (%)",
    "aandeel_mkb": "Deel daarvan lokaal en regionaal MKB (%; de rest is stuwend)",
    "stuwend_maakindustrie": "Maakindustrie (banen)",
    "stuwend_logistiek": "Logistiek, opslag en groothandel (banen)",
    "stuwend_bouw": "Bouw (banen)",
    "tq_maakindustrie": "Maakindustrie (m² kavel per baan)",
    "tq_logistiek": "Logistiek, opslag en groothandel (m² kavel per baan)",
    "tq_bouw": "Bouw (m² kavel per baan)",
    "tq_mkb": "Lokaal en regionaal MKB (m² kavel per baan)",
    "intensivering": "Deel dat intensivering en herontwikkeling opvangen (%)",
    "speerpunten_banen": "Banen in de vier kennisspeerpunten nu",
    "speerpunten_groei": "Groei van de speerpunten (% per jaar)",
    "speerpunten_startjaar": "Groei vanaf (jaar)",
    "speerpunten_eindjaar": "Groei tot en met (jaar)",
    "speerpunten_extra_banen": "Extra speerpuntbanen waarmee gerekend wordt",
    "speerpunten_m2_per_baan": "Ruimte per speerpuntbaan (m² bvo)",
    "kennisintensief_banen": "Banen in kennisintensieve diensten nu",
    "kennisintensief_banen_eind": "Verwachte banen in kennisintensieve diensten",
    "kennisintensief_m2_per_baan": "Kantoorruimte per kennisintensieve baan (m²)",
}
SCHAALSPRONG_GROEPEN = {
    "banen": "Banen (stap 1)",
    "stuwend": "Verdeling van de stuwende groei",
    "tq": "Terreinquotiënten (stap 2)",
    "intensivering": "Intensivering (stap 3)",
    "speerpunten": "Kennisspeerpunten (buiten bedrijventerreinen)",
    "kennisintensief": "Kennisintensieve diensten (buiten bedrijventerreinen)",
}
SCHAALSPRONG_TITEL = "Schaalsprong: hoeveel bedrijventerrein vraagt extra groei?"
SCHAALSPRONG_RESET = "Terug naar de REB-uitgangspunten"
SCHAALSPRONG_AFWIJKING = "≠ rapport"
SCHAALSPRONG_AANNAMES = "Aannames"
SCHAALSPRONG_STAPPEN = "De berekening in vier stappen"
SCHAALSPRONG_VERDEEL_WIDGET = "Verdeel de extra hectares naar"
SCHAALSPRONG_VERDEELSLEUTELS = {
    "areaal": "Huidig netto areaal bedrijventerrein (2023)",
    "banen": "Banen in 2023",
}

GRAFIEK_SCHAALSPRONG_SECTOREN = "Ruimtevraag per sector, intensivering en wat overblijft (netto ha)"
GRAFIEK_SCHAALSPRONG_RAMINGEN = "Schaalsprong naast de huidige raming en het harde aanbod (netto ha)"
GRAFIEK_SCHAALSPRONG_SPREIDING = "ILLUSTRATIEF: toedeling en hard aanbod per gemeente (netto ha)"

REEKS_SCHAALSPRONG_EXTRA = "Schaalsprong, extra na intensivering"
REEKS_RAMING = "Raming tot 2040 (EIB laag – EIB hoog)"
REEKS_AANBOD_GEMEENTEN = "Hard aanbod gemeenten (1-1-2023)"
REEKS_AANBOD_REGIONAAL = "Hard aanbod regionaal grootschalig (1-1-2023)"
REEKS_TOEGEDEELD = "Toegedeeld (illustratief)"

KLEUR_SCHAALSPRONG = "#0072B2"  # sector steps and the schaalsprong bar
KLEUR_INTENSIVERING = "#E69F00"  # the part that intensification absorbs
KLEUR_TOTAAL = "#333333"  # totals in the waterfall
KLEUR_AANBOD = "#009E73"  # hard supply of the municipalities
KLEUR_AANBOD_REGIONAAL = "#7fcdbb"  # the separate regional row of Tabel 10

# The tabs of the page Gemeenten, in this order (the first is open at start)
TABBLADEN_GEMEENTEN = ("Banen", "Netto areaal", "Vraag en aanbod", "Grootschalige vraag", "Alle gemeenten in één tabel")
