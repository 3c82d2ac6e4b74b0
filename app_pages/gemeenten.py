"""Gemeenten: banen, netto areaal en hard aanbod tegenover de vraag tot 2040 per Twentse gemeente.

Layout only: the figures come from reb_maps.weergave.charts, the tables from reb_maps.data (cached per process).
A click on a municipality's bar selects it, like the sidebar and the map do.
"""

import streamlit as st

from reb_maps import bronnen, kerncijfers, labels
from reb_maps.data import load_table, source_of, table_csv
from reb_maps.monitor import reeks as monitor_reeks
from reb_maps.weergave import charts
from reb_maps.weergave.charts import monitor as monitor_grafiek
from reb_maps.weergave.charts.figuren import gemeenten_figuren
from ui import documenten, monitor, sessie_sleutels, state
from ui import kerncijfers as kerncijfer_kaart

CONFIG = {"displaylogo": False}

gemeenten = load_table("gemeenten")
selectie = state.geselecteerd()
figuren = gemeenten_figuren(selectie)  # built once per selection and process


def toon(fig, bron: str, naam: str) -> None:
    """A chart with its source; a clicked municipality becomes the selection.

    The key carries the current selection, so a new selection starts with a fresh chart and an old
    click cannot select again.
    """
    event = st.plotly_chart(fig, config=CONFIG, on_select="rerun", selection_mode="points", key=f"{naam}-{selectie}")
    st.caption(bron)
    punten = event.selection.points if event else []
    if punten:
        gekozen = state.parse_gemeente(str(punten[0].get("y", "")))
        if gekozen:
            state.selecteer(gekozen)


st.title(labels.PAGINA_GEMEENTEN)
st.caption(
    "De veertien Twentse gemeenten naast elkaar: hoeveel banen ze hebben, hoeveel bedrijventerrein er ligt "
    "en of het harde aanbod genoeg is voor de verwachte vraag tot 2040. Kies een gemeente in de zijbalk of "
    "klik op een balk om haar overal uit te lichten."
)

documenten.briefing_knop(selectie, key="briefing-gemeenten")
peil = monitor.keuze("gemeenten_peildatum") if monitor.jaren() else None
if selectie:
    st.subheader(selectie)
    cijfers = kerncijfers.kerncijfers(selectie, peil)
    kerncijfer_kaart.toon(cijfers)
    st.caption(" ".join(c.lezing for c in cijfers if c.lezing))
    profielen = load_table("gemeente_profielen")
    profiel = profielen.loc[profielen["gemeente"] == selectie]
    if len(profiel):
        vak = st.expander(f"Profiel van {selectie}", key=sessie_sleutels.GEMEENTEN_PROFIEL, on_change="rerun")
        if vak.open:  # lazy, like the tabs: a closed expander sends nothing
            with vak:
                st.markdown(profiel["profiel"].iloc[0])
                st.caption(source_of("gemeente_profielen"))
else:
    st.info("Geen gemeente gekozen: de cijfers hieronder gaan over heel Twente.")
    if peil is not None:
        kerncijfer_kaart.toon(kerncijfers.kerncijfers(None, peil))
if peil is not None:
    monitor.peil_noot(peil)

if monitor.jaren():
    st.subheader("Wat is er veranderd sinds de REB")
    gebied = selectie or "Twente"
    reeks = monitor.reeks_frame()
    st.plotly_chart(monitor_grafiek.trend(reeks, gebied), config=CONFIG, key=f"trend-{gebied}")
    st.caption(
        f"De ruit is de REB (januari 2023: {monitor_reeks.bron_reb()}); de andere punten zijn de ingelezen jaren "
        "(bronnen op de pagina Monitor). Een lijn ontbreekt waar een jaar dat cijfer niet heeft."
    )
    sinds = monitor_reeks.sinds_reb(reeks, peil.jaar if peil else None)  # the cached series, not a new read
    if len(sinds):
        st.markdown(f"**Per gemeente: januari 2023 (REB) tegenover {int(sinds['jaar'].iloc[0])}**")
        monitor.sinds_reb_tabel(sinds)
        st.plotly_chart(monitor_grafiek.netto_naast_reb(sinds, selectie), config=CONFIG, key=f"netto-peil-{selectie}")

# One tab is built and sent at a time (lazy tabs): a rerun for another municipality costs one chart, not four
# charts and the table. The open tab is remembered per session, so a new selection keeps the reader's tab.
tab_banen, tab_netto, tab_vraag, tab_groot, tab_tabel = st.tabs(
    labels.TABBLADEN_GEMEENTEN, key=sessie_sleutels.GEMEENTEN_TAB, on_change="rerun"
)
STOPLICHT_UITLEG = "\n".join(
    f"- :{licht.streamlit_kleur}[{licht.symbool}] **{licht.kort}**: {licht.lang.lower()}"  # colour and word
    for licht in labels.STOPLICHTEN.values()
) + (
    "\n\nBij Losser en Tubbergen staat in het rapport een streepje bij het harde aanbod. Dat is geen nul maar een "
    "ontbrekend cijfer, dus krijgen ze geen kleur."
)
GRAFIEK_TABS = (  # (tab, explanation above the chart, chart, its source, key)
    (tab_banen, "Aantal banen in 2023 en hoe sterk dat aantal sinds 2014 is gegroeid.", "banen", "banen_2023"),
    (tab_netto, "Hoeveel hectare bedrijventerrein elke gemeente begin 2023 had, en welk deel van Twente dat is.",
     "netto_areaal", "netto_areaal_ha"),
    (tab_vraag, "De balk is de bandbreedte van de indicatieve ruimtevraag tot 2040 (laag tot hoog); de ruit is het "
     "harde aanbod op 1 januari 2023. De kleur van de ruit zegt hoe die twee zich verhouden:\n\n" + STOPLICHT_UITLEG,
     "vraag_aanbod", "hard_aanbod_ha"),
)  # fmt: skip
for tab, uitleg, figuur, kolom in GRAFIEK_TABS:
    if tab.open:
        with tab:
            st.markdown(uitleg)
            toon(getattr(figuren, figuur), source_of("gemeenten", kolom), figuur)
if tab_groot.open:
    with tab_groot:
        st.markdown(
            "Naast de gemeenten noemt Tabel 10 één regionale regel: ruimte voor grootschalige bedrijven uit heel "
            "Twente. Het rapport zet die regel onder Almelo; hier staat hij apart, zodat hij niet als vijftiende "
            "gemeente meetelt en niet bij Almelo wordt opgeteld."
        )
        st.plotly_chart(figuren.grootschalig, config=CONFIG, key="grootschalig")
        st.caption(source_of("grootschalige_vraag"))
if tab_tabel.open:
    with tab_tabel:
        tabel = figuren.tabel
        hoogte = 36 * (len(tabel) + 1) + 3
        st.dataframe(charts.markeer_selectie(tabel, selectie) if selectie else tabel, hide_index=True, height=hoogte)
        st.download_button(
            labels.DOWNLOAD_CSV, lambda: table_csv("gemeenten"), file_name="reb_twente_gemeenten.csv",
            mime="text/csv", on_click="ignore",
        )  # the CSV is made when someone clicks, not on every run
        st.caption(source_of("gemeenten"))

vak = st.expander("Opmerkingen bij de cijfers", key=sessie_sleutels.GEMEENTEN_OPMERKINGEN, on_change="rerun")
if vak.open:  # built only when opened, like the tabs: notes no reader of the charts asked for
    vak.markdown(bronnen.gemeenten_opmerkingen())
