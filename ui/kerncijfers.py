"""The key-figure card: one renderer for the Kaart's side panel, Gemeenten and Zoekgebieden (reb_maps.kerncijfers).

Two layouts of the same figures: on Gemeenten bordered metrics three to a row (five in a row cut values and
changes such as "10–50 …" or "+2,5% sinds…" on a 1280-pixel laptop), the traffic light as a coloured delta; in
the Kaart's narrow panel one column (two cut '10–40 ha' off), the traffic light as a badge with its reading.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from reb_maps.kerncijfers import Kerncijfer


def toon(cijfers: Sequence[Kerncijfer], *, per_rij: int = 3, rand: bool = True, paneel: bool = False) -> None:
    """The figures as Streamlit metrics, `per_rij` to a row (with a border unless `rand=False`; the search-area
    run shows its four in one row without); `paneel`: the Kaart's one-column side panel."""
    if paneel:
        _paneel(cijfers)
        return
    for begin in range(0, len(cijfers), per_rij):
        for kolom, cijfer in zip(st.columns(per_rij), cijfers[begin : begin + per_rij], strict=False):
            kolom.metric(cijfer.label, cijfer.waarde, cijfer.delta, help=cijfer.uitleg, delta_color=cijfer.delta_kleur,
                         delta_arrow=cijfer.pijl, border=rand)  # fmt: skip


def _paneel(cijfers: Sequence[Kerncijfer]) -> None:
    """Growth as delta and the source as help; the traffic light below the figures as a badge and its reading."""
    for cijfer in cijfers:
        st.metric(cijfer.label, cijfer.waarde, None if cijfer.stoplicht else cijfer.delta, help=cijfer.bron or None)
    for cijfer in cijfers:
        if cijfer.stoplicht:
            st.badge(cijfer.stoplicht.paneel, color=cijfer.stoplicht.streamlit_kleur)
            st.caption(cijfer.lezing)
