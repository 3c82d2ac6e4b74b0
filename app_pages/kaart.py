"""Kaart: Twente's work locations, corridors and constraints on one map, with a panel per municipality."""

import streamlit as st
from streamlit_folium import st_folium

from reb_maps import kerncijfers, labels, paneel
from reb_maps.weergave import kaart
from ui import documenten, eigen_data, eigen_upload, monitor, opmaak, state, werkruimte
from ui import kerncijfers as kerncijfer_kaart
from ui.kaart_cache import st_folium_cached

MAP_KEY = "kaart"
IBIS_KEY = "kaart_ibis_vervangt"
GEBOUWD_KEY = "_kaart_gebouwd"  # (map inputs, layers switched on) of the map last built
KAART_LADEN = "Kaart laden…"

opmaak.kaart_pagina()
titel, keuzes = st.columns([3, 2], vertical_alignment="bottom")
titel.title(labels.APP_TITEL)
keuze_indicator, keuze_peil = keuzes.columns([3, 2]) if monitor.jaren() else (keuzes, None)
with keuze_indicator:
    indicator = st.selectbox(
        labels.WIDGET_INDICATOR,
        [i.sleutel for i in labels.INDICATOREN],
        format_func=lambda k: labels.indicator(k).label,
        key=state.INDICATOR_KEY,
    )
peil = None
if keuze_peil is not None:
    with keuze_peil:
        peil = monitor.keuze("kaart_peildatum")  # an imported year colours the map and fills the panel
selected = state.geselecteerd()


def lagen_bij_bouwen(indicator: str) -> tuple[str, ...] | None:
    """The switched-on layers the map is built with: those of the moment the map's other inputs last changed.

    A layer switched in the map's own layer control is only remembered (for the link); rebuilding the map for it
    would reset the user's zoom. The next rebuild (another indicator, basemap or year) takes it along.
    """
    invoer = (indicator, state.achtergrond(), peil)  # not the municipality: choosing one keeps the map
    gebouwd = st.session_state.get(GEBOUWD_KEY)
    if gebouwd is None or gebouwd[0] != invoer:
        gebouwd = (invoer, state.kaart_lagen())
        st.session_state[GEBOUWD_KEY] = gebouwd
    return gebouwd[1]


eigen = eigen_upload.sessie_lagen()
bewaard = werkruimte.kaartlaag()  # the workspace's saved locations (None when it cannot be read)
ibis = eigen_data.ibis_lagen(eigen)
netwerk = eigen_data.sessie_netwerk(st.session_state)  # own NWB roads / rail: drawn in the corridor and rail layers
vervang_ibis = bool(ibis) and st.session_state.get(IBIS_KEY, False)
peil_parken = monitor.kaart_parken(peil, eigen[ibis[0]] if ibis else None)  # own IBIS: shapes by RIN_NUMMER


def _eigen_lagen_vak(vak, eigen: dict, ibis: list) -> None:
    """The expander's content: upload, the session's own layers with their buttons, the IBIS switch."""
    with vak:
        st.caption(
            "Uw bestand blijft alleen in deze sessie, tenzij u het met 'Bewaar in de werkruimte' voor collega's "
            "bewaart. Meer (labels, kleuren, "
            "vergelijking met Tabel 8, herontwikkeling volgens §4.1) op de pagina Eigen data."
        )
        eigen_upload.upload("kaart", rerun=True)
        for sleutel in list(eigen):
            naam, weg = st.columns([5, 1])
            naam.text(sleutel)  # a file name is the user's text: plain, never Markdown
            if weg.button("Verwijder", key=f"kaart_weg:{sleutel}"):
                eigen_data.verwijder(eigen, sleutel)
                st.rerun()
            werkruimte.eigen_laag_knoppen(sleutel, eigen[sleutel])
        if ibis:
            st.checkbox(
                "Toon mijn IBIS-terreinen in plaats van de kaartlaag 'Bedrijventerreinen (bij benadering)'",
                key=IBIS_KEY,
            )


# The panel is filled before the map: its elements reach the browser first, so choosing a municipality shows its
# figures while the map's larger message is still on its way (the columns keep their places on screen).
col_map, col_panel = st.columns([7, 3], gap="medium")
with col_panel:
    documenten.briefing_knop(selected, key="briefing-kaart")
    if selected is None:
        st.subheader("Twente")
        st.write("Kies een gemeente in de zijbalk of klik op de kaart.")
        kerncijfer_kaart.toon(kerncijfers.kerncijfers(None, peil), paneel=True)
    else:
        st.subheader(selected)
        kerncijfer_kaart.toon(kerncijfers.kerncijfers(selected, peil), paneel=True)
        prof = paneel.profiel(selected)
        if prof:
            st.markdown(prof["profiel"])
            st.caption(f"Samenvatting in eigen woorden; {prof['verwijzing']}")
        regels = paneel.locaties_regels(selected)
        if regels:
            opmaak.locaties_lijst(labels.KOP_LOCATIES, regels)
        st.page_link("app_pages/gemeenten.py", label="Vergelijk met andere gemeenten", icon=":material/bar_chart:")

with col_map:
    with st.container(key=opmaak.KAART_VAK):
        if eigen:  # the session's own layers: this map is the user's alone, never cached for others
            with st.spinner(KAART_LADEN):
                m = werkruimte.kaart_met_tekenen(
                    indicator,
                    state.achtergrond(),
                    None,  # the municipality travels beside the map (feature_group_to_add): choosing one keeps it
                    lagen_bij_bouwen(indicator),
                    eigen=eigen_data.kaart_lagen(eigen),
                    verberg=frozenset({"bedrijventerreinen"}) if vervang_ibis else frozenset(),
                    bewaard=bewaard,
                    peil=peil,
                    peil_parken=peil_parken,
                    netwerk=netwerk,
                )
                st_folium(
                    m,
                    key=MAP_KEY,
                    height=660,
                    use_container_width=True,
                    returned_objects=["last_active_drawing", "selected_layers", "all_drawings"],
                    feature_group_to_add=kaart.selectie_groep(selected),
                    on_change=lambda: state.on_map_click(MAP_KEY),
                )
        else:  # built and rendered once per input tuple per process (kaart_cache)
            st_folium_cached(
                werkruimte.kaart_met_tekenen,
                (indicator, state.achtergrond(), None, lagen_bij_bouwen(indicator), (), frozenset(), bewaard, peil,
                 peil_parken),
                key=MAP_KEY,
                height=660,
                returned_objects=["last_active_drawing", "selected_layers", "all_drawings"],
                on_change=lambda: state.on_map_click(MAP_KEY),
                group=(kaart.selectie_groep, (selected,)),
                wacht_tekst=KAART_LADEN,
            )
    st.caption(
        "Klik op een gemeente voor haar kerncijfers; zet lagen aan en uit met het lagenmenu rechtsboven. "
        + kaart.dashboard_attributie(netwerk)
    )
    if peil is not None:
        monitor.peil_noot(peil)
    documenten.kaart_knoppen(indicator, selected, peil)
    getekend = bool((st.session_state.get(MAP_KEY) or {}).get("all_drawings"))
    # Lazy expanders: with nothing drawn and no own layer (twenty aldermen opening the map) their content is
    # built and sent only while open; opening one reruns the page. A first drawing or own layer opens them, as
    # before (`expanded` is part of an expander's identity), and then their content is always built: a widget
    # left out of a run loses its state (the chosen shape, the IBIS switch).
    tekening = st.expander("Getekende vorm bewaren in de werkruimte", expanded=getekend, on_change="rerun")
    if tekening.open or getekend:
        with tekening:
            werkruimte.bewaar_tekening(st.session_state.get(MAP_KEY))
    eigen_vak = st.expander(labels.KAART_EIGEN_LAAG, expanded=bool(eigen), on_change="rerun")
    if eigen_vak.open or eigen:
        _eigen_lagen_vak(eigen_vak, eigen, ibis)
