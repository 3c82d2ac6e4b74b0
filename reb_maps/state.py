"""The selected municipality: one value shared by all pages, kept in session state and the URL.

`?gemeente=Almelo` opens the app with Almelo selected; the sidebar, a click on the map and the
Gemeenten page all change the same value. The parsing is pure (`lees_link`); the sync functions touch
Streamlit. A value the link gets wrong is not used and is reported once, as plain text (`toon_url_meldingen`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import streamlit as st

from reb_maps import labels
from reb_maps.data import GEMEENTEN
from reb_maps.labels import GEEN_GEMEENTE
from reb_maps.meldingen import platte_melding
from reb_maps.url import UrlMelding, herhaald, laatste

KEY = "gemeente"
ACHTERGROND_KEY = "achtergrond"
_PENDING = "_gemeente_pending"
_MELDINGEN = "_url_meldingen"  # notices about the link, shown once on the first page of a session
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


@dataclass
class Link:
    """What the shared part of a link asks for, and what it got wrong."""

    gemeente: str = GEEN_GEMEENTE
    achtergrond: str = labels.ACHTERGROND_STANDAARD
    meldingen: list[UrlMelding] = field(default_factory=list)


def lees_link(params: Mapping[str, Sequence[str]]) -> Link:
    """Selection and basemap from the query parameters, each a list of values (repeats kept). Pure."""
    link = Link(meldingen=herhaald(params))
    gemeente = laatste(params.get(PARAM))
    if gemeente:
        naam = parse_gemeente(gemeente)
        if naam is None:
            uitleg = "De link noemt een gemeente die niet bij de veertien Twentse gemeenten hoort. "
            uitleg += f"Het dashboard toont {GEEN_GEMEENTE}."
            link.meldingen.append(UrlMelding(PARAM, gemeente, uitleg))
        link.gemeente = naam or GEEN_GEMEENTE
    bg = laatste(params.get(ACHTERGROND_PARAM))
    if bg:
        gekozen = next((a for a in labels.ACHTERGRONDEN if bg in (a.naam, a.sleutel)), None)
        if gekozen is None:
            keuzes = ", ".join(a.sleutel for a in labels.ACHTERGRONDEN)
            uitleg = f"De link vraagt een onbekende achtergrondkaart (kies uit {keuzes}). Het dashboard toont "
            link.meldingen.append(UrlMelding(ACHTERGROND_PARAM, bg, uitleg + f"{labels.ACHTERGROND_STANDAARD}."))
        link.achtergrond = (gekozen or labels.achtergrond(None)).naam
    return link


def _query_lijsten() -> dict[str, list[str]]:
    return {naam: st.query_params.get_all(naam) for naam in st.query_params}


def init() -> None:
    """Run at the top of every rerun, before the sidebar widget is drawn."""
    if _PENDING in st.session_state:
        st.session_state[KEY] = st.session_state.pop(_PENDING)
    if KEY not in st.session_state or ACHTERGROND_KEY not in st.session_state:  # first run of this session
        link = lees_link(_query_lijsten())
        st.session_state.setdefault(KEY, link.gemeente)
        st.session_state.setdefault(ACHTERGROND_KEY, link.achtergrond)
        st.session_state[_MELDINGEN] = link.meldingen
        for naam in st.query_params:  # repeated parameters: keep the one that counts
            waarden = st.query_params.get_all(naam)
            if len(waarden) > 1:
                st.query_params[naam] = waarden[-1]


def toon_url_meldingen(meldingen: Iterable[UrlMelding] | None = None) -> None:
    """The one way to show refused link values: our text as a warning, the link's value as plain text.

    Without arguments: the notices `init` collected for this session, once.
    """
    if meldingen is None:
        meldingen = st.session_state.pop(_MELDINGEN, [])
    for melding in meldingen:
        platte_melding(melding.uitleg, f"In de link: {melding.waarde_kort}", icon=":material/link_off:")


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
    elif st.query_params.get_all(name) != [value]:  # also turns a repeated parameter into one
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
