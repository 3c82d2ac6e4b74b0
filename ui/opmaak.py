"""Layout rules the Streamlit theme has no setting for, in one place.

The Kaart page must show the whole map with its legend on a 1280×720 laptop and use a large screen's height:
the map's frame and the map inside it follow the window's height instead of a fixed 660 px.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import streamlit as st

KAART_VAK = "kaartvak"  # key of the container around the Kaart page's map (Streamlit gives it class st-key-…)

# Room above and below the map on the Kaart page: title row, padding, the caption under the map.
_KAART_CSS = f"""
<style>
[data-testid="stMainBlockContainer"] {{ padding-top: 2.75rem; }}
.st-key-{KAART_VAK} iframe {{ height: clamp(420px, calc(100vh - 215px), 1400px) !important; }}
p.reb-kop {{ margin: 0 0 0.25rem 0; }}
ul.reb-locaties {{ list-style: none; padding: 0; margin: 0 0 0.5rem 0; }}
ul.reb-locaties li {{ padding: 0.3rem 0; border-bottom: 1px solid #e6e6e6; line-height: 1.3; }}
ul.reb-locaties .reb-details {{ color: #444; font-size: 0.9rem; }}
</style>
"""


def kaart_pagina() -> None:
    """Less padding above the title and a map frame as high as the window allows."""
    st.html(_KAART_CSS)


def locaties_lijst(kop: str, regels: Sequence[tuple[str, str]]) -> None:
    """The panel's work locations under their heading as a list: name, then kind · status · hectares
    (`paneel.locaties_regels`). A table needed more width than the panel has (at 1280 px its last columns sat
    behind a scroll bar); a list shows every field. Heading and list are one element (one message per rerun)."""
    items = "".join(
        f'<li><strong>{html.escape(naam)}</strong><br><span class="reb-details">{html.escape(details)}</span></li>'
        for naam, details in regels
    )
    st.html(f'<p class="reb-kop"><strong>{html.escape(kop)}</strong></p><ul class="reb-locaties">{items}</ul>')
