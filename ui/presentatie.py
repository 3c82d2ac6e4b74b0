"""Adapters for the Presentatie page: the step from the link, the cached pictures, the deck and the big-screen CSS.

Why static pictures and not a folium map: the PNG from the shared print renderer (`reb_maps.druk`) shows in a
fraction of a second once cached (a folium map ships Leaflet plus megabytes of GeoJSON and draws in the
browser), needs no network on a municipality's projector, and is the very picture that goes into the .pptx,
so screen and deck are identical. The PNG bytes are cached per step with st.cache_data.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, MutableMapping, Sequence

import streamlit as st
from PIL import Image

from reb_maps import url
from reb_maps.documenten import presentatie
from reb_maps.eigen_data import netwerk as eigen_netwerk

PARAM = "stap"
SESSIE_BEELD_KEY = "_presentatie_eigen_beeld"  # (step, network) → this session's map picture with its own roads
LABEL_VORIGE = "Vorige"
LABEL_VOLGENDE = "Volgende"
LABEL_DECK = "PowerPoint (.pptx)"
HULP_DECK = (
    "De tien stappen als 16:9-presentatie met sprekersnotities; wordt gemaakt bij het klikken (enkele seconden)."
)
HULP_DECK_GEMEENTE = "Met een extra dia over {gemeente} na stap 4 (de gemeente uit de zijbalk van het dashboard)."
MELDING_STAP = "Deze stap bestaat niet; de presentatie begint bij stap 1 (kies 1 tot en met {n})."
STAP_VAN = "Stap {nummer} van {totaal}"

# For the back of the room: large type, no sidebar or toolbar, and a layout that fits 1280 × 720 without
# scrolling. Only this page injects it, so the other pages keep the dashboard's look.
CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0.8rem 2.2rem 0.4rem 2.2rem; max-width: 100%; }
[data-testid="stMain"] h1 { font-size: 2.3rem; line-height: 1.15; padding: 0 0 0.2rem 0; margin: 0; }
.reb-bericht p { font-size: 1.4rem; line-height: 1.35; margin: 0 0 0.85rem 0; }
.reb-bericht li { font-size: 1.4rem; line-height: 1.35; margin-bottom: 0.75rem; }
.reb-bron { font-size: 0.85rem; color: #555; line-height: 1.25; }
[data-testid="stMain"] [data-testid="stImage"] img { max-height: 70vh; width: auto; object-fit: contain; }
</style>
"""


def stap_uit_link(params: Mapping[str, Sequence[str]], aantal: int) -> tuple[int, url.UrlMelding | None]:
    """The 1-based step from `?stap=`; anything else gives step 1 and a notice (the value shown as plain text)."""
    tekst = url.laatste(params.get(PARAM))
    if tekst is None:
        return 1, None
    nummer = url.lees_geheel(tekst) or 0  # ASCII digits only: '３' is no step number
    if 1 <= nummer <= aantal:
        return nummer, None
    return 1, url.UrlMelding(PARAM, tekst, MELDING_STAP.format(n=aantal))


SCHERM_BREEDTE = 1400  # px: sharp in an ~800-px column on a high-density screen, a third of the deck's bytes


@st.cache_data(show_spinner=False, max_entries=32)
def beeld(sleutel: str) -> bytes:
    """The PNG of one step at full resolution, made once per server process (the same bytes go into the deck)."""
    return stap(sleutel).beeld()


@st.cache_data(show_spinner=False, max_entries=32)
def scherm_beeld(sleutel: str) -> bytes:
    """The same picture scaled for the screen: fewer bytes over the wire, so the first step shows sooner."""
    return _verklein(beeld(sleutel))


def _verklein(png: bytes) -> bytes:
    origineel = Image.open(io.BytesIO(png))
    schaal = min(1.0, SCHERM_BREEDTE / origineel.width)
    kleiner = origineel.convert("RGB").resize((int(origineel.width * schaal), int(origineel.height * schaal)),
                                              Image.LANCZOS)  # fmt: skip
    uit = io.BytesIO()
    kleiner.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(uit, format="PNG", optimize=True)
    return uit.getvalue()


SLEUTELS = presentatie.VOLGORDE  # the steps in order; the page builds only the one on screen


@st.cache_resource(show_spinner=False, max_entries=16)
def stap(sleutel: str) -> presentatie.Stap:
    """One step, built when first shown: the search-area step's analysis (seconds) must not hold up step 1."""
    return presentatie.BOUWERS[sleutel]()


def stappen() -> list[presentatie.Stap]:
    return [stap(sleutel) for sleutel in SLEUTELS]


def deck(gemeente: str | None, netwerk: eigen_netwerk.EigenNetwerk | None = None) -> bytes:
    """Built on click; the ten pictures come from the page's cache. With the session's own roads or rail
    (`netwerk`, ui.eigen_data.sessie_netwerk) the map pictures are drawn anew with them, never cached."""
    with eigen_netwerk.gebruik(netwerk):
        klaar = {s: beeld(s) for s in SLEUTELS if netwerk is None or s not in presentatie.KAART_STAPPEN}
        return presentatie.deck(gemeente, klaar)


def scherm_beeld_sessie(sleutel: str, netwerk: eigen_netwerk.EigenNetwerk | None, sessie: MutableMapping) -> bytes:
    """The step's screen picture; a map step with the session's own roads or rail is drawn for this session alone
    and kept in its state (one picture at a time), never in the shared cache."""
    if netwerk is None or sleutel not in presentatie.KAART_STAPPEN:
        return scherm_beeld(sleutel)
    bewaard = sessie.get(SESSIE_BEELD_KEY)
    if bewaard is not None and bewaard[0] == (sleutel, netwerk.sleutel):
        return bewaard[1]
    with eigen_netwerk.gebruik(netwerk):
        png = _verklein(stap(sleutel).beeld())
    sessie[SESSIE_BEELD_KEY] = ((sleutel, netwerk.sleutel), png)
    return png
