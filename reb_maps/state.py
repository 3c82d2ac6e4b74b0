"""The selected municipality: one value shared by all pages, kept in session state and the URL.

`?gemeente=Almelo` opens the app with Almelo selected; the sidebar, a click on the map and the
Gemeenten page all change the same value. The parsing is pure; the sync functions touch Streamlit.
"""

from __future__ import annotations

import streamlit as st

from reb_maps import labels
from reb_maps.data import GEMEENTEN
from reb_maps.labels import GEEN_GEMEENTE

KEY = "gemeente"
ACHTERGROND_KEY = "achtergrond"
_PENDING = "_gemeente_pending"
PARAM = "gemeente"
ACHTERGROND_PARAM = "achtergrond"

KEUZES = (GEEN_GEMEENTE, *GEMEENTEN)


def parse_gemeente(value: str | None) -> str | None:
    """Match a URL value or clicked name to one of the 14 municipalities (case-insensitive)."""
    if not value:
        return None
    wanted = value.strip().casefold()
    aliases = {"hengelo (o.)": "hengelo"}
    wanted = aliases.get(wanted, wanted)
    for naam in GEMEENTEN:
        if naam.casefold() == wanted:
            return naam
    return None


def init() -> None:
    """Run at the top of every rerun, before the sidebar widget is drawn."""
    if _PENDING in st.session_state:
        st.session_state[KEY] = st.session_state.pop(_PENDING)
    elif KEY not in st.session_state:
        st.session_state[KEY] = parse_gemeente(st.query_params.get(PARAM)) or GEEN_GEMEENTE
    if ACHTERGROND_KEY not in st.session_state:
        st.session_state[ACHTERGROND_KEY] = labels.achtergrond(st.query_params.get(ACHTERGROND_PARAM)).naam


def achtergrond() -> str:
    return st.session_state.get(ACHTERGROND_KEY) or labels.ACHTERGROND_STANDAARD


def geselecteerd() -> str | None:
    value = st.session_state.get(KEY, GEEN_GEMEENTE)
    return None if value == GEEN_GEMEENTE else value


def selecteer(naam: str | None) -> None:
    """Change the selection from inside a page (after the sidebar widget exists) and rerun."""
    target = naam or GEEN_GEMEENTE
    if target != st.session_state.get(KEY):
        st.session_state[_PENDING] = target
        st.rerun()


def sync_url() -> None:
    """Keep `?gemeente=` and `?achtergrond=` in step with the state, also after a page switch cleared them."""
    _set_param(PARAM, geselecteerd())
    bg = labels.achtergrond(achtergrond())
    _set_param(ACHTERGROND_PARAM, None if bg.naam == labels.ACHTERGROND_STANDAARD else bg.sleutel)


def _set_param(name: str, value: str | None) -> None:
    if value is None:
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get(name) != value:
        st.query_params[name] = value


def on_map_click(map_key: str) -> None:
    """st_folium on_change callback: a click on a feature with a `gemeente` selects that municipality.

    Callbacks run before the script, so the sidebar widget's value may still be set here.
    """
    value = st.session_state.get(map_key) or {}
    feature = value.get("last_active_drawing") or {}
    naam = parse_gemeente((feature.get("properties") or {}).get("gemeente"))
    if naam:
        st.session_state[KEY] = naam
