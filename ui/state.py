"""The selected municipality: one value shared by all pages, kept in session state and the URL.

`?gemeente=Almelo` opens the app with Almelo selected; the sidebar, a click on the map and the
Gemeenten page all change the same value. The parsing is pure (`lees_link`); the sync functions touch
Streamlit. A value the link gets wrong is not used and is reported once, as plain text (`toon_url_meldingen`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import streamlit as st

from reb_maps import labels, lagen
from reb_maps.data import GEMEENTEN
from reb_maps.labels import GEEN_GEMEENTE
from reb_maps.url import UrlMelding, herhaald, laatste
from reb_maps.weergave.kaart import gemelde_lagen
from ui import sessie_sleutels
from ui.meldingen import platte_melding

KEY = sessie_sleutels.GEMEENTE
ACHTERGROND_KEY = sessie_sleutels.ACHTERGROND
INDICATOR_KEY = sessie_sleutels.INDICATOR  # the Kaart page's choropleth selectbox
LAGEN_KEY = sessie_sleutels.KAART_LAGEN  # catalogue layers switched on (tuple of keys), None: the catalogue's defaults
_PENDING = "_gemeente_pending"
_MELDINGEN = "_url_meldingen"  # notices about the link, shown once on the first page of a session
PARAM = "gemeente"
ACHTERGROND_PARAM = "achtergrond"
INDICATOR_PARAM = "indicator"
LAGEN_PARAM = "lagen"  # layers hidden by default that are switched on
ZONDER_PARAM = "zonder"  # layers shown by default that are switched off

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
    indicator: str = labels.INDICATOREN[0].sleutel
    lagen: tuple[str, ...] | None = None
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
    indicator = laatste(params.get(INDICATOR_PARAM))
    if indicator:
        if indicator in {i.sleutel for i in labels.INDICATOREN}:
            link.indicator = indicator
        else:
            keuzes = ", ".join(i.sleutel for i in labels.INDICATOREN)
            uitleg = f"De link vraagt een onbekende kleuring van de gemeenten (kies uit {keuzes}). Het dashboard toont "
            link.meldingen.append(UrlMelding(INDICATOR_PARAM, indicator, uitleg + f"{labels.INDICATOREN[0].label}."))
    link.lagen = _lees_lagen(params, link.meldingen)
    return link


def _lees_lagen(params: Mapping[str, Sequence[str]], meldingen: list[UrlMelding]) -> tuple[str, ...] | None:
    """`lagen=` switches hidden-by-default layers on, `zonder=` switches shown-by-default layers off."""
    if not (params.get(LAGEN_PARAM) or params.get(ZONDER_PARAM)):
        return None
    standaard = {laag.sleutel: laag.zichtbaar for laag in lagen.kaartlagen()}
    aan = {k for k, zichtbaar in standaard.items() if zichtbaar}
    for param, zet_aan in ((LAGEN_PARAM, True), (ZONDER_PARAM, False)):
        waarde = laatste(params.get(param)) or ""
        onbekend = []
        for sleutel in filter(None, (deel.strip() for deel in waarde.split(","))):
            if sleutel not in standaard:
                onbekend.append(sleutel)
            elif zet_aan:
                aan.add(sleutel)
            else:
                aan.discard(sleutel)
        if onbekend:
            uitleg = "De link noemt kaartlagen die het dashboard niet kent; die zijn overgeslagen."
            meldingen.append(UrlMelding(param, ",".join(onbekend), uitleg))
    return tuple(sorted(aan))


def lagen_params(aan: Iterable[str] | None) -> tuple[str | None, str | None]:
    """(lagen=, zonder=) for a set of switched-on layers: only what differs from the catalogue's defaults."""
    if aan is None:
        return None, None
    aan = set(aan)
    standaard = {laag.sleutel: laag.zichtbaar for laag in lagen.kaartlagen()}
    erbij = sorted(k for k, zichtbaar in standaard.items() if k in aan and not zichtbaar)
    eraf = sorted(k for k, zichtbaar in standaard.items() if k not in aan and zichtbaar)
    return ",".join(erbij) or None, ",".join(eraf) or None


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
        st.session_state.setdefault(INDICATOR_KEY, link.indicator)
        st.session_state.setdefault(LAGEN_KEY, link.lagen)
        st.session_state[_MELDINGEN] = link.meldingen
        for naam in st.query_params:  # repeated parameters: keep the one that counts
            waarden = st.query_params.get_all(naam)
            if len(waarden) > 1:
                st.query_params[naam] = waarden[-1]


def toon_url_meldingen(meldingen: Iterable[UrlMelding] | None = None) -> None:
    """The one way to show refused link values: our text as a warning, the link's value as plain text.

    Without arguments: the notices `init` collected for this session. They stay (a map rerun does not wipe them)
    until the user closes them or changes the view they were about (municipality, basemap, indicator).
    """
    blijvend = meldingen is None
    if blijvend:
        meldingen = _blijvende_meldingen()
    for melding in meldingen:
        platte_melding(melding.uitleg, f"In de link: {melding.waarde_kort}", icon=":material/link_off:")
    if blijvend and meldingen:
        st.button("Melding sluiten", key="_url_meldingen_sluiten", icon=":material/close:",
                  on_click=lambda: st.session_state.pop(_MELDINGEN, None))  # fmt: skip


def _beeld() -> tuple:
    return tuple(st.session_state.get(k) for k in (KEY, ACHTERGROND_KEY, INDICATOR_KEY))


def _blijvende_meldingen() -> list[UrlMelding]:
    opgeslagen = st.session_state.get(_MELDINGEN)
    if not opgeslagen:
        return []
    if isinstance(opgeslagen, list):  # the first run: remember the view the notices belong to
        opgeslagen = (opgeslagen, _beeld())
        st.session_state[_MELDINGEN] = opgeslagen
    lijst, beeld = opgeslagen
    if beeld != _beeld():  # the user chose another view: the notice has done its work
        st.session_state.pop(_MELDINGEN, None)
        return []
    return lijst


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
    indicator = st.session_state.get(INDICATOR_KEY)
    _set_param(INDICATOR_PARAM, None if indicator in (None, labels.INDICATOREN[0].sleutel) else indicator)
    erbij, eraf = lagen_params(st.session_state.get(LAGEN_KEY))
    _set_param(LAGEN_PARAM, erbij)
    _set_param(ZONDER_PARAM, eraf)


def kaart_lagen() -> tuple[str, ...] | None:
    return st.session_state.get(LAGEN_KEY)


def _set_param(name: str, value: str | None) -> None:
    if value is None:
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get_all(name) != [value]:  # also turns a repeated parameter into one
        st.query_params[name] = value


def on_map_click(map_key: str) -> None:
    """st_folium on_change callback: a click on a feature with a `gemeente` selects that municipality, and the
    layers the user switched on or off are remembered (for the link).

    Callbacks run before the script, so the sidebar widget's value may still be set here.
    """
    value = st.session_state.get(map_key) or {}
    gemeld = gemelde_lagen(value)
    if gemeld is not None:
        st.session_state[LAGEN_KEY] = gemeld
    feature = value.get("last_active_drawing") or {}
    naam = parse_gemeente((feature.get("properties") or {}).get("gemeente"))
    if naam:
        st.session_state[KEY] = naam
