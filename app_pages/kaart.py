"""Kaart: Twente's work locations, corridors and constraints on one map, with a panel per municipality."""

import streamlit as st

from reb_maps import kaart, labels, paneel, state
from reb_maps.kaart_cache import st_folium_cached

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
    with st.spinner("Kaart laden…"):  # built and rendered once per input tuple per process (kaart_cache)
        st_folium_cached(
            kaart.dashboard_map,
            (indicator, state.achtergrond(), selected),
            key=MAP_KEY,
            height=660,
            returned_objects=["last_active_drawing"],
            on_change=lambda: state.on_map_click(MAP_KEY),
        )
    st.caption(kaart.DASHBOARD_ATTRIBUTIE)



def show_figures(items, columns: int = 2) -> None:
    cols = st.columns(columns)
    for number, item in enumerate(items):
        cols[number % columns].metric(item.label, item.waarde, help=item.bron or None)


with col_panel:
    if selected is None:
        st.subheader("Twente")
        st.write("Kies een gemeente in de zijbalk of klik op de kaart.")
        show_figures(kaart.regio_kerncijfers(), columns=1)  # regional labels and ranges are long
    else:
        st.subheader(selected)
        show_figures(paneel.kerncijfers(selected))
        licht = paneel.stoplicht_van(selected)
        st.badge(licht.tekst, color=licht.kleur)
        prof = paneel.profiel(selected)
        if prof:
            st.markdown(prof["profiel"])
            st.caption(f"Samenvatting in eigen woorden; {prof['verwijzing']}")
        locs = paneel.locaties_van(selected)
        if len(locs):
            st.markdown("**Werklocaties in het rapport**")
            st.dataframe(paneel.locaties_tabel(locs), hide_index=True, width="stretch")
        st.page_link("app_pages/gemeenten.py", label="Vergelijk met andere gemeenten", icon=":material/bar_chart:")
