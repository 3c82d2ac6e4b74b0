"""Regio & economie: Twente naast andere regio's, het economisch profiel, de scenario's en de ruimtevraag.

Layout only: the figures come from reb_maps.weergave.charts, the tables from reb_maps.data (cached per process).
Every section: what it shows, the chart, its source and what the report's text does not give.
"""

import streamlit as st

from reb_maps import labels
from reb_maps.data import load_table, source_of, table_meta
from reb_maps.weergave import charts
from ui import state

CONFIG = {"displaylogo": False}

selectie = state.geselecteerd()


def sectie(titel: str, uitleg: str, fig, tabel: str, sleutel: str) -> None:
    st.subheader(titel)
    st.markdown(uitleg)
    st.plotly_chart(fig, config=CONFIG, key=sleutel)
    st.caption(source_of(tabel))
    ontbreekt = table_meta(tabel).get("ontbreekt", [])
    if ontbreekt:
        st.caption("**Niet in de brontekst:**\n" + "\n".join(f"- {regel}" for regel in ontbreekt))


st.title(labels.PAGINA_REGIO)
st.caption(
    "Hoe de Twentse economie in elkaar zit, hoe ze zich verhoudt tot andere regio's en hoeveel ruimte voor "
    "bedrijven het rapport tot 2040 verwacht. Getallen staan alleen waar het rapport ze noemt."
)

sectie(
    "Twente naast andere regio's",
    "Tussen 2014 en 2023 groeide Twente van de vier regio's het minst in inwoners; het aantal banen groeide "
    "even hard als in de Stedendriehoek en iets minder dan in heel Nederland.",
    charts.regio_vergelijking(load_table("regio")),
    "regio",
    "regio",
)

profiel = load_table("profiel")
sectie(
    "Economisch profiel",
    "De banen van Twente in drie lagen: de kennisspeerpunten die de regio onderscheiden, de stuwende basis "
    "die geld verdient en massa geeft, en het brede lokale MKB met de voorzieningen. Vlakken zijn naar "
    "aantal banen geschaald; onderdelen zonder cijfer in de tekst krijgen geen vlak maar worden genoemd.",
    charts.economisch_profiel(profiel),
    "profiel",
    "profiel",
)
with st.expander("Andere indelingen die het rapport noemt (sectoren, topsectoren, clusteranalyse)"):
    st.markdown(
        "Deze cijfers tellen anders (andere bron, jaar of afbakening) en zijn niet bij de driedeling op te tellen."
    )
    st.dataframe(charts.profiel_overig(profiel, table_meta("profiel")["kolommen"]), hide_index=True)

sectie(
    "Banen volgens de EIB-scenario's",
    "De behoefteraming rekent met twee toekomstbeelden van het EIB: in het lage scenario krimpt het aantal "
    "banen in Twente licht, in het hoge groeit het.",
    charts.eib_scenarios(load_table("eib_scenarios")),
    "eib_scenarios",
    "eib",
)

sectie(
    "Ruimtevraag tot 2040",
    "Hoeveel hectare extra bedrijventerrein Twente tot 2040 nodig heeft zonder schaalsprong: de balk loopt "
    "van het lage naar het hoge EIB-scenario, per werkmilieu en voor kavels vanaf 3 hectare.",
    charts.ruimtevraag(load_table("ruimtevraag")),
    "ruimtevraag",
    "ruimtevraag",
)

sectie(
    "Groei op campussen",
    "Bij bedrijven op campussen groeide het aantal banen tussen 2018 en 2024 meestal sneller dan in de "
    "gemeente eromheen; de twee Twentse campussen (Enschede en Hengelo) zijn oranje gekleurd.",
    charts.campusgroei(load_table("campussen"), selectie),
    "campussen",
    "campussen",
)
