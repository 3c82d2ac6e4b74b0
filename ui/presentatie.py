"""Adapters for the Presentatie page: the step from the link, the cached pictures, the deck and the big-screen CSS.

The slide is HTML (reb_maps.weergave.documenten.dia_html): text as text, sized by the window. Its visuals are pictures.
Why static pictures and not a folium map: the PNG from the shared print renderer (`reb_maps.weergave.druk`) shows in a
fraction of a second once cached (a folium map ships Leaflet plus megabytes of GeoJSON and draws in the
browser) and needs no network on a municipality's projector. A map is the very picture that goes into the
.pptx; a chart is drawn natively there from the same numbers. The PNG bytes are cached per visual with
st.cache_data (a session's own roads: per session, see sessie_beeld).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, MutableMapping, Sequence

import streamlit as st
from PIL import Image

from reb_maps import url
from reb_maps.eigen_data import netwerk as eigen_netwerk
from reb_maps.weergave.documenten import dia_html, presentatie
from reb_maps.weergave.druk import dia as druk_dia

PARAM = "stap"
SESSIE_BEELD_KEY = "_presentatie_eigen_beeld"  # (step, visual, network) → this session's map with its own roads
LABEL_VORIGE = "Vorige"
LABEL_VOLGENDE = "Volgende"
LABEL_DECK = "PowerPoint (.pptx)"
HULP_DECK = (
    "De tien stappen als 16:9-presentatie met sprekersnotities; wordt gemaakt bij het klikken (enkele seconden)."
)
HULP_DECK_GEMEENTE = "Met een extra dia over {gemeente} na stap 4 (de gemeente uit de zijbalk van het dashboard)."
MELDING_STAP = "Deze stap bestaat niet; de presentatie begint bij stap 1 (kies 1 tot en met {n})."
STAP_VAN = "Stap {nummer} van {totaal}"

CSS = dia_html.CSS  # for the back of the room: no sidebar or toolbar, the slide sized by the window


def stap_uit_link(params: Mapping[str, Sequence[str]], aantal: int) -> tuple[int, url.UrlMelding | None]:
    """The 1-based step from `?stap=`; anything else gives step 1 and a notice (the value shown as plain text)."""
    tekst = url.laatste(params.get(PARAM))
    if tekst is None:
        return 1, None
    nummer = url.lees_geheel(tekst) or 0  # ASCII digits only: '３' is no step number
    if 1 <= nummer <= aantal:
        return nummer, None
    return 1, url.UrlMelding(PARAM, tekst, MELDING_STAP.format(n=aantal))


SCHERM_BREEDTE = 1800  # px: sharp on a 1920-pixel projector; larger pictures only add bytes


@st.cache_data(show_spinner=False, max_entries=48)
def beeld(sleutel: str, index: int) -> bytes:
    """The PNG of one visual at full resolution, made once per server process (maps go into the deck as is)."""
    return stap(sleutel).beelden[index].maak()


@st.cache_data(show_spinner=False, max_entries=48)
def scherm_beeld(sleutel: str, index: int) -> bytes:
    """The same picture scaled for the screen: fewer bytes over the wire, so the first step shows sooner."""
    return _verklein(beeld(sleutel, index))


def _verklein(png: bytes) -> bytes:
    origineel = Image.open(io.BytesIO(png))
    schaal = min(1.0, SCHERM_BREEDTE / origineel.width)
    kleiner = origineel.convert("RGB").resize((int(origineel.width * schaal), int(origineel.height * schaal)),
                                              Image.LANCZOS)  # fmt: skip
    uit = io.BytesIO()
    kleiner.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(uit, format="PNG", optimize=True)
    return uit.getvalue()


def dia(sleutel: str, netwerk: eigen_netwerk.EigenNetwerk | None = None, sessie: MutableMapping | None = None) -> str:
    """The step as an HTML slide (with the session's own roads on its maps, when given); the smallest label's
    share of the width comes from the full-size picture."""
    s = stap(sleutel)
    plaatjes = []
    for i, b in enumerate(s.beelden):
        groot, klein = sessie_beeld(sleutel, i, netwerk, {} if sessie is None else sessie)
        plaatjes.append(dia_html.Plaatje(klein, b.beschrijving, druk_dia.kleinste_letter_van(groot)))
    return dia_html.dia(s, plaatjes)


SLEUTELS = presentatie.VOLGORDE  # the steps in order; the page builds only the one on screen


@st.cache_resource(show_spinner=False, max_entries=16)
def stap(sleutel: str) -> presentatie.Stap:
    """One step, built when first shown: the search-area step's analysis (seconds) must not hold up step 1."""
    return presentatie.BOUWERS[sleutel]()


def stappen() -> list[presentatie.Stap]:
    return [stap(sleutel) for sleutel in SLEUTELS]


def _kaarten(sleutel: str) -> list[int]:
    """The step's visuals that are maps (the print renderer's): a session's own roads and rail change them."""
    return [i for i, b in enumerate(stap(sleutel).beelden) if b.grafiek is None]


def deck(gemeente: str | None, netwerk: eigen_netwerk.EigenNetwerk | None = None) -> bytes:
    """Built on click; the map pictures come from the page's cache, the charts are drawn natively. With the
    session's own roads or rail (`netwerk`, ui.eigen_data.sessie_netwerk) the maps are drawn anew, never cached."""
    klaar = {} if netwerk is not None else {(s, i): beeld(s, i) for s in SLEUTELS for i in _kaarten(s)}
    return presentatie.deck(gemeente, klaar, netwerk)


def sessie_beeld(sleutel: str, index: int, netwerk: eigen_netwerk.EigenNetwerk | None,
                 sessie: MutableMapping) -> tuple[bytes, bytes]:  # fmt: skip
    """(full size, screen) PNG of one visual. A map with the session's own roads or rail is drawn for this session
    alone and kept in its state (one picture at a time), never in the shared cache."""
    if netwerk is None or index not in _kaarten(sleutel):
        return beeld(sleutel, index), scherm_beeld(sleutel, index)
    bewaard = sessie.get(SESSIE_BEELD_KEY)
    if bewaard is not None and bewaard[0] == (sleutel, index, netwerk.sleutel):
        return bewaard[1]
    groot = stap(sleutel).beelden[index].maak(netwerk=netwerk)
    paar = (groot, _verklein(groot))
    sessie[SESSIE_BEELD_KEY] = ((sleutel, index, netwerk.sleutel), paar)
    return paar
