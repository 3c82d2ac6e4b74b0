"""Kaart: Twente's work locations, corridors and constraints on one map, with a panel per municipality."""

import streamlit as st
from streamlit_folium import st_folium

from reb_maps import kaart, kerncijfers, labels, paneel, state
from ui import documenten

MAP_KEY = "kaart"

st.title(labels.APP_TITEL)
st.caption(
    "Bedrijventerreinen, campussen, plannen en verbindingen uit de Ruimtelijk Economische Bouwsteen Twente "
    "2040. Klik op een gemeente voor haar kerncijfers; zet lagen aan en uit met het lagenmenu rechtsboven."
)

indicator = st.selectbox(
    labels.WIDGET_INDICATOR,
    [i.sleutel for i in labels.INDICATOREN],
    format_func=lambda k: labels.indicator(k).label,
    key="indicator",
)
selected = state.geselecteerd()

col_map, col_panel = st.columns([7, 3], gap="medium")
with col_map:
    with st.spinner("Kaart laden…"):
        m = kaart.dashboard_map(indicator, state.achtergrond(), selected)
    st_folium(
        m,
        key=MAP_KEY,
        height=660,
        use_container_width=True,
        returned_objects=["last_active_drawing"],
        on_change=lambda: state.on_map_click(MAP_KEY),
    )
    st.caption(kaart.dashboard_attributie())
    documenten.kaart_knoppen(indicator, selected)



def show_figures(gemeente: str | None) -> None:
    """Key figures as metrics (growth as delta, source as help); the traffic light as a badge below.

    One column: in the narrow panel two columns cut values such as '10–40 ha' off.
    """
    items = kerncijfers.kerncijfers(gemeente)
    for item in items:
        delta = None if item.stoplicht else item.delta
        st.metric(item.label, item.waarde, delta, help=item.bron or None)
    for item in items:
        if item.stoplicht:
            st.badge(item.stoplicht.paneel, color=item.stoplicht.streamlit_kleur)
            st.caption(item.lezing)


with col_panel:
    documenten.briefing_knop(selected, key="briefing-kaart")
    if selected is None:
        st.subheader("Twente")
        st.write("Kies een gemeente in de zijbalk of klik op de kaart.")
        show_figures(None)
    else:
        st.subheader(selected)
        show_figures(selected)
        prof = paneel.profiel(selected)
        if prof:
            st.markdown(prof["profiel"])
            st.caption(f"Samenvatting in eigen woorden; {prof['verwijzing']}")
        locs = paneel.locaties_van(selected)
        if len(locs):
            st.markdown("**Werklocaties in het rapport**")
            st.dataframe(paneel.locaties_tabel(locs), hide_index=True, width="stretch")
        st.page_link("app_pages/gemeenten.py", label="Vergelijk met andere gemeenten", icon=":material/bar_chart:")
