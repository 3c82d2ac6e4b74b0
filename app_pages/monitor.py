"""Monitor: each year's IBIS and municipal figures kept in the workspace, and what changed since the REB."""

import streamlit as st

from reb_maps import labels
from reb_maps.monitor import reeks, regels
from reb_maps.weergave.charts.monitor import netto_naast_reb
from ui import monitor as mon
from ui import werkruimte as wr

st.title(labels.PAGINA_MONITOR)
st.caption(
    "Het rapport toont één moment: januari 2023. Hier leest u elk jaar de nieuwe IBIS-cijfers (en desgewenst banen "
    "en inwoners) in, zodat Kaart, Gemeenten en de briefing kunnen laten zien wat er sinds de REB is veranderd. De "
    "cijfers van het rapport blijven zoals ze zijn; ingelezen jaren staan ernaast."
)
schrijven = wr.banner()
ruimte = wr.ruimte()
if ruimte is not None:
    st.subheader("Peildata in de werkruimte")
    jaren = mon.peiljaren_tabel(ruimte)
    with st.expander("Een jaar verwijderen, terugzetten of zijn geschiedenis bekijken"):
        mon.beheer(ruimte, jaren, schrijven)
    st.subheader("Inlezen")
    mon.importeer_formulier(schrijven)
    sinds = reeks.sinds_reb(mon.reeks_frame())
    if len(sinds):
        st.subheader(f"Sinds de REB: januari 2023 tegenover {int(sinds['jaar'].iloc[0])}")
        mon.sinds_reb_tabel(sinds)
        st.plotly_chart(netto_naast_reb(sinds), config={"displaylogo": False}, key="monitor_netto")
    with st.expander("Hoe de monitor telt"):
        st.markdown(
            f"- Een terrein in twee gemeenten: {regels.REGEL_TWEE_GEMEENTEN}.\n"
            f"- {regels.DEFINITIE_NETTO}\n"
            f"- {regels.DEFINITIE_UITGEEFBAAR}\n"
            "- Terreinen buiten de veertien Twentse gemeenten worden niet opgenomen; het inleesbericht noemt ze.\n"
            "- Een bestand met een fout (onbekende gemeentecode, negatieve oppervlakte, een JAAR buiten "
            f"{regels.MIN_JAAR}–{regels.MAX_JAAR}, hetzelfde terrein twee keer in één jaar) wordt helemaal niet "
            "opgeslagen; de melding noemt de regels.\n"
            "- Een tabel zonder vormen telt volledig mee; op de kaart krijgen die terreinen de vorm die een ander "
            "ingelezen jaar met hetzelfde RIN-nummer heeft."
        )
