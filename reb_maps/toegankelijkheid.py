"""The accessibility statement (toegankelijkheidsverklaring) in one place: the standard, how and when the dashboard
was checked, what is known not to comply and why, and whom to tell about a problem.

Dutch public bodies must meet WCAG 2.1 AA (EN 301 549, Besluit digitale toegankelijkheid overheid) and publish such
a statement; a host asks for it before putting the dashboard online. The page Toegankelijkheid shows this module;
`tests/browser/test_toegankelijkheid_browser.py` runs the vendored axe-core named here on every page, so the
statement's "how tested" is what the test suite does on every change.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from babel.dates import format_date

NORM = "WCAG 2.1, niveau AA"
NORM_EUROPEES = "EN 301 549"
STATUS = "voldoet gedeeltelijk"
ONDERZOCHT_OP = dt.date(2026, 12, 4)
AXE_VERSIE = "4.14.1"  # the file in tests/assets; a test checks that the two agree
AXE_REGELS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
SCHERMEN = "1280×720"

# The host sets where problems go (an e-mail address or a web form); no address is made up here.
CONTACT_OMGEVING = "REB_TOEGANKELIJKHEID_CONTACT"


@dataclass(frozen=True)
class Afwijking:
    """One known shortcoming: where, which success criterion, what a visitor meets, and what to use instead."""

    onderdeel: str
    criterium: str
    wat: str
    alternatief: str


BEKENDE_AFWIJKINGEN: tuple[Afwijking, ...] = (
    Afwijking(
        "PowerPoint-download (Presentatie)",
        "1.1.1 Niet-tekstuele content",
        "De kaarten staan als afbeelding in de dia's, met een korte beschrijving; wat op een kaart ligt, leest "
        "een screenreader er niet uit. Teksten en grafieken zijn wel echte tekst en bewerkbare grafieken.",
        "De terreinen en cijfers per gemeente staan als tekst in het paneel van de pagina Kaart en op de pagina "
        "Gemeenten.",
    ),
    Afwijking(
        "Briefing (PDF)",
        "1.3.1 Info en relaties",
        "De PDF heeft geen structuurlabels (kopjes, tabellen); een screenreader leest de tekst als één stroom.",
        "Dezelfde cijfers staan op de pagina's Kaart (paneel) en Gemeenten, met bron.",
    ),
    Afwijking(
        "Zoekgebieden, zelf een gebied tekenen",
        "2.1.1 Toetsenbord",
        "Een gebied of punt op de kaart tekenen kan alleen met muis, pen of aanraakscherm.",
        "De kandidaat-zoekgebieden, de criteria en de vergelijking zijn met het toetsenbord te bedienen; een "
        "getekend gebied kan als link worden gedeeld en zo door een ander worden geopend.",
    ),
    Afwijking(
        "Kaart (alle pagina's met een kaart)",
        "1.1.1 Niet-tekstuele content",
        "De ligging van terreinen, corridors en natuur is alleen op de kaart te zien.",
        "Per gemeente staan de cijfers en de terreinen als tekst in het paneel naast de kaart en op de pagina "
        "Gemeenten; de gemeente kiest u ook met de keuzelijst in de zijbalk.",
    ),
    Afwijking(
        "Enkele knoppen en meldingen van Streamlit",
        "3.1.2 Taal van onderdelen",
        "Een paar teksten die het onderliggende programma Streamlit zelf toont, zijn Engels (bijvoorbeeld "
        "'Select all' in een keuzelijst met meerdere keuzes en 'Upload' bij het inlezen van een bestand). "
        "Ze staan niet als Engels gemarkeerd.",
        "De betekenis staat in het Nederlandse label ernaast (bijvoorbeeld 'Kaartbestand … max. 200 MB').",
    ),
)


def onderzocht_op() -> str:
    return format_date(ONDERZOCHT_OP, format="long", locale="nl_NL")


def contact() -> str | None:
    """Where to report a problem, as the host configured it; None when nothing is set."""
    waarde = os.environ.get(CONTACT_OMGEVING, "").strip()
    return waarde or None
