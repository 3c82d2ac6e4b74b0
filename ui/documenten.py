"""Download buttons for the briefing PDF and the print map (Streamlit glue; the builders live in reb_maps).

Unlike the other adapters in `ui/`, this one calls Streamlit: it is the one place that places the document
buttons, so the Kaart and Gemeenten pages need one line each. Files are built on click (a callable `data=`,
as on the Bronnen page), never on every rerun. A failure reaches the user as a file with one Dutch sentence,
never as a traceback.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Callable, Mapping, MutableMapping
from functools import partial

import pandas as pd
import streamlit as st

from reb_maps.schaalsprong import Aannames
from reb_maps.weergave.documenten import briefing
from reb_maps.weergave.documenten.fout import fout_beeld, fout_pdf
from reb_maps.weergave.druk import kaart as drukkaart
from ui import eigen_data, monitor, sessie_sleutels, werkruimte
from ui import schaalsprong as schaalsprong_view

LOG = logging.getLogger(__name__)

LABEL_BRIEFING = "Briefing (PDF)"
LABEL_KAART = "Kaart downloaden"
LABEL_KAART_PNG = "Kaart als PNG"
LABEL_KAART_PDF = "Kaart als PDF"
HULP_BRIEFING = (
    "Twee tot vier A4-pagina's voor een bestuurlijk overleg: kaart, kerncijfers met stoplicht, vergelijking met "
    "de andere gemeenten, werklocaties, profiel, wat de REB vraagt en de bronnen. Wordt gemaakt bij het klikken."
)
HULP_KAART = "De kaart zoals hierboven gekozen (indicator en gemeente), om af te drukken: PNG (200 dpi) of PDF."

# Session keys written by other pages (the Schaalsprong page's scenario, the Zoekgebieden page's last run).
SCHAALSPRONG_SCENARIO = schaalsprong_view.SCENARIO_KEY
ZOEKGEBIEDEN_KANDIDATEN = "zg_kandidaten_csv"


def scenario_uit(sessie: Mapping) -> Aannames | None:
    """The schaalsprong scenario set on that page in this session, or None (the report's assumptions)."""
    bewaard = sessie.get(SCHAALSPRONG_SCENARIO)
    if not bewaard:
        return None
    try:
        return schaalsprong_view.naar_aannames(bewaard["waarden"])
    except (KeyError, TypeError, ValueError):
        return None


def kandidaten_uit(sessie: Mapping) -> pd.DataFrame | None:
    """The candidates of the last search-area run in this session (its CSV), or None."""
    tekst = sessie.get(ZOEKGEBIEDEN_KANDIDATEN)
    if not tekst:
        return None
    return pd.read_csv(io.StringIO(tekst))


def veilig(bouw: Callable[[], bytes], bij_fout: Callable[[], bytes]) -> Callable[[], bytes]:
    """Run a builder on click; on any failure log it and hand over a file that says so in Dutch.

    The builder may run outside the page's script run: everything it needs (e.g. the session's own roads and rail)
    is bound into it as an argument when the button is placed.
    """

    def maak() -> bytes:
        try:
            return bouw()
        except Exception:
            LOG.exception("document bouwen mislukt")
            return bij_fout()

    return maak


def briefing_knop(gemeente: str | None, key: str) -> None:
    """One button: the briefing of the selection (Twente when none), with this session's scenario and run."""
    sessie = st.session_state
    aannames, kandidaten = scenario_uit(sessie), kandidaten_uit(sessie)

    variant_id = sessie.get(sessie_sleutels.PROGRAMMERING_VARIANT)
    peiljaar = sessie.get(sessie_sleutels.PEILDATUM) or None  # the year shown on Kaart/Gemeenten, else the latest
    netwerk = eigen_data.sessie_netwerk(sessie)  # own NWB roads / rail, this session only

    def bouw() -> bytes:  # on click: the saved locations, the variant and the peildata as they are at that moment
        variant = werkruimte.programmering_voor_briefing(variant_id, gemeente)
        return briefing.briefing_pdf(gemeente, aannames=aannames, zoekgebieden=kandidaten,
                                     bewaard=werkruimte.voor_briefing(gemeente), programmering=variant,
                                     monitor=monitor.voor_briefing(gemeente, peiljaar), netwerk=netwerk)  # fmt: skip

    st.download_button(
        LABEL_BRIEFING, veilig(bouw, fout_pdf),
        file_name=briefing.bestandsnaam(gemeente, dt.date.today()),
        mime="application/pdf", key=key, on_click="ignore", icon=":material/picture_as_pdf:", help=HULP_BRIEFING,
    )  # fmt: skip


def kaart_vraag(indicator: str | None, gemeente: str | None, peil, sessie: MutableMapping) -> drukkaart.KaartVraag:
    """The print map of the current indicator, selection and peildatum, with this session's own roads and rail."""
    return drukkaart.KaartVraag(gemeente=gemeente, indicator=indicator, peil=peil,
                                netwerk=eigen_data.sessie_netwerk(sessie))  # fmt: skip


def kaart_knoppen(indicator: str | None, gemeente: str | None, peil=None) -> None:
    """'Kaart downloaden' as PNG and PDF for the current indicator, selection and peildatum."""
    vraag = kaart_vraag(indicator, gemeente, peil, st.session_state)
    st.markdown(f"**{LABEL_KAART}**", help=HULP_KAART)
    rij = st.container(horizontal=True, gap="small")  # one block for the pair: columns were three
    for formaat, label in (("png", LABEL_KAART_PNG), ("pdf", LABEL_KAART_PDF)):
        rij.download_button(
            label, veilig(partial(drukkaart.kaart_bytes, vraag, formaat), partial(fout_beeld, formaat)),
            file_name=drukkaart.bestandsnaam(vraag, formaat), mime=drukkaart.FORMATEN[formaat],
            key=f"kaart-{formaat}", on_click="ignore", icon=":material/download:", width="stretch",
        )  # fmt: skip
