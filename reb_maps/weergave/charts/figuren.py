"""The Gemeenten page's figures per selection, built once per process.

Building a plotly figure (make_subplots, update_layout, …) costs 20–120 ms of pure Python per chart; with
twenty people opening the page at once that is the page's main cost. The figures depend only on the selected
municipality and the report's tables (loaded once per process), so they are kept per selection. Streamlit
only reads a figure (`to_dict`, `to_json`), so one figure object can serve every session; a Styler is
not shared (marshalling it recomputes its styles in place).
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import pandas as pd
import plotly.graph_objects as go

from reb_maps.data import load_table, table_meta
from reb_maps.weergave.charts.gemeenten import banen, grootschalig, netto_areaal, vergelijkingstabel, vraag_aanbod

CACHE_SIZE = 16  # 14 municipalities + heel Twente


class GemeentenFiguren(NamedTuple):
    banen: go.Figure
    netto_areaal: go.Figure
    vraag_aanbod: go.Figure
    grootschalig: go.Figure
    tabel: pd.DataFrame  # the comparison table, formatted; the page tints the selection with a fresh Styler


@functools.lru_cache(maxsize=CACHE_SIZE)
def gemeenten_figuren(selectie: str | None) -> GemeentenFiguren:
    gemeenten = load_table("gemeenten")
    meta = table_meta("gemeenten")
    totaal = meta.get("totalen", {}).get("netto_areaal_ha", {}).get("waarde")
    return GemeentenFiguren(
        banen=banen(gemeenten, selectie),
        netto_areaal=netto_areaal(gemeenten, selectie, totaal),
        vraag_aanbod=vraag_aanbod(gemeenten, selectie),
        grootschalig=grootschalig(load_table("grootschalige_vraag")),
        tabel=vergelijkingstabel(gemeenten, meta["kolommen"]),
    )
