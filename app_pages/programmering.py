"""Programmering 2027–2030: the proposals the bestuurlijk overleg negotiates, weighed against the REB's demand."""

import streamlit as st

from reb_maps import labels
from reb_maps.programmering import varianten
from reb_maps.programmering.balans import balans
from ui import programmering as pg
from ui import werkruimte as wr

st.title(labels.PAGINA_PROGRAMMERING)
st.caption(
    "Welke gemeente programmeert hoeveel hectare, van welk soort, in welke periode en op welk plan — gewogen tegen "
    "de vraag die de REB raamt (Tabel 10). Een variant is een voorstel van het overleg; de regels zijn invoer, geen "
    "cijfers uit het rapport."
)
schrijven = wr.banner()
ruimte = wr.ruimte()
if ruimte is not None:
    bestaande = varianten.varianten(ruimte)
    pg.nieuwe_variant(ruimte, schrijven, bestaande)
    v = pg.kies(bestaande)
    if v is not None:
        extra, aandeel = pg.instellingen()
        b = balans(v.regels, schaalsprong_extra_ha=extra, aandeel_periode=aandeel)
        pg.kop(ruimte, v, b, schrijven)
        bewerken, overzicht, vergelijken = st.tabs(["Regels", "Balans", "Vergelijk twee varianten"])
        with bewerken:
            pg.regels(ruimte, v, schrijven)
        with overzicht:
            pg.balans_sectie(v, b)
        with vergelijken:
            pg.vergelijk(bestaande, extra, aandeel)
