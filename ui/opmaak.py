"""Layout rules the Streamlit theme has no setting for, in one place.

The Kaart page must show the whole map with its legend on a 1280×720 laptop and use a large screen's height:
the map's frame and the map inside it follow the window's height instead of a fixed 660 px.
"""

from __future__ import annotations

import streamlit as st

KAART_VAK = "kaartvak"  # key of the container around the Kaart page's map (Streamlit gives it class st-key-…)

# Room above and below the map on the Kaart page: title row, padding, the caption under the map.
_KAART_CSS = f"""
<style>
[data-testid="stMainBlockContainer"] {{ padding-top: 2.75rem; }}
.st-key-{KAART_VAK} iframe {{ height: clamp(420px, calc(100vh - 215px), 1400px) !important; }}
</style>
"""


def kaart_pagina() -> None:
    """Less padding above the title and a map frame as high as the window allows."""
    st.html(_KAART_CSS)
