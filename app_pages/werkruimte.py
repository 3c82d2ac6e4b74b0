"""Werkruimte: what the bestuurlijk overleg keeps between meetings — locations, comments, views, layers, history."""

import streamlit as st

from reb_maps import labels
from ui import werkruimte as wr
from ui import werkruimte_pagina as wp

st.title(labels.PAGINA_WERKRUIMTE)
st.caption(
    "Het gedeelde geheugen van het overleg: bewaarde locaties met hun opmerkingen, weergaven en lagen. Alles wat "
    "hier staat, zien collega's ook. Niets gaat verloren: elke wijziging staat in de geschiedenis en een eerdere "
    "versie kan worden teruggezet."
)
schrijven = wr.banner()
ruimte = wr.ruimte()
if ruimte is not None:
    st.caption(f"Opslag: {'PostgreSQL/PostGIS' if ruimte.postgis else 'SQLite-bestand'} ({ruimte.naam})")
    if schrijven:
        wr.schrijver()
    tabs = st.tabs(["Locaties", "Weergaven", "Bewaarde lagen", "Geschiedenis", "Uitwisselen (GeoPackage)"])
    with tabs[0]:
        wp.locaties(ruimte, schrijven)
    with tabs[1]:
        wp.weergaven(ruimte, schrijven)
    with tabs[2]:
        wp.lagen(ruimte, schrijven)
    with tabs[3]:
        wp.geschiedenis(ruimte)
    with tabs[4]:
        wp.uitwisselen(ruimte, schrijven)
