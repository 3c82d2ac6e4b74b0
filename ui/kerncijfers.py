"""The key-figure card: one renderer for the Kaart's side panel, Gemeenten and Zoekgebieden (reb_maps.kerncijfers).

Two layouts of the same figures: on Gemeenten bordered metrics of one fixed width in a row that wraps (five in a
row of equal shares cut values and changes such as "10–50 …" or "+2,5% sinds…" on a 1280-pixel laptop; a fixed
width wraps to three there and keeps five on a wide screen), the traffic light as a coloured delta; in the Kaart's
narrow panel one column (two cut '10–40 ha' off), the traffic light as a badge with its reading.

One wrapping row is one block for the browser to lay out, where rows of columns were a block per row and per
column: every element is a message and a piece of the page the browser redraws on each rerun.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from reb_maps.kerncijfers import Kerncijfer

BREEDTE_PX = 245  # the longest value and change ("10–50 ha", "+2,5% sinds 2023") fit; three fit a 1280 px laptop


def toon(cijfers: Sequence[Kerncijfer], *, rand: bool = True, paneel: bool = False) -> None:
    """The figures as Streamlit metrics in a row that wraps (with a border unless `rand=False`: the search-area run
    shows its four without); `paneel`: the Kaart's one-column side panel."""
    if paneel:
        _paneel(cijfers)
        return
    breedte = BREEDTE_PX if rand else "content"  # without borders the figures need no common width
    with st.container(horizontal=True, gap="small" if rand else "large"):
        for cijfer in cijfers:
            st.metric(cijfer.label, cijfer.waarde, cijfer.delta, help=cijfer.uitleg, delta_color=cijfer.delta_kleur,
                      delta_arrow=cijfer.pijl, border=rand, width=breedte, height="stretch")  # fmt: skip


def _paneel(cijfers: Sequence[Kerncijfer]) -> None:
    """Growth as delta and the source as help; the traffic light below the figures as a badge and its reading."""
    for cijfer in cijfers:
        st.metric(cijfer.label, cijfer.waarde, None if cijfer.stoplicht else cijfer.delta, help=cijfer.bron or None)
    for cijfer in cijfers:
        if cijfer.stoplicht:
            st.badge(cijfer.stoplicht.paneel, color=cijfer.stoplicht.streamlit_kleur)
            st.caption(cijfer.lezing)
