"""Bench reference: the Gemeenten page's first chart (banen, no municipality chosen) alone on an empty page.

Not a floor in the issue's sense (that stays the one-chart plotly page); it separates what drawing the page's own
chart costs from what the page around it costs (sidebar, navigation, the other elements, the deep link).
"""

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reb_maps.weergave.charts.figuren import gemeenten_figuren

st.plotly_chart(gemeenten_figuren(None).banen, config={"displaylogo": False})
