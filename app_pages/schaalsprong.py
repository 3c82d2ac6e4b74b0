"""Schaalsprong: the indicative calculation of Bijlage III with adjustable assumptions (layout only).

The scenario lives in session state (so it survives a page switch) and in the URL (so a link reopens
it); ui.schaalsprong does the converting, the texts and the figures.
"""

import streamlit as st

from reb_maps import labels
from reb_maps.data import source_of
from reb_maps.weergave.charts import schaalsprong as grafieken
from ui import schaalsprong as view
from ui import state

SCENARIO = view.SCENARIO_KEY  # last widget values, restored after a page switch
MELDINGEN = "_schaalsprong_meldingen"  # notices about the URL, shown once
VERDEEL = "ss_verdeel"
BEREKENING = "berekening: dit dashboard, met de aannames hierboven"


def widget_key(spec: view.Invoer) -> str:
    return f"ss_{spec.url}"


def terug_naar_rapport() -> None:
    for veld, waarde in view.standaard_waarden().items():
        st.session_state[widget_key(view.INVOER_PER_VELD[veld])] = waarde
    st.session_state[VERDEEL] = view.VERDEEL_STANDAARD


if SCENARIO not in st.session_state:  # first visit in this session: the link decides
    scenario = view.uit_query({key: st.query_params.get_all(key) for key in st.query_params})
    st.session_state[SCENARIO] = {"waarden": scenario.waarden, "verdeel": scenario.verdeelsleutel}
    st.session_state[MELDINGEN] = scenario.meldingen
bewaard = st.session_state[SCENARIO]
for spec in view.INVOER:
    st.session_state.setdefault(widget_key(spec), bewaard["waarden"][spec.veld])
st.session_state.setdefault(VERDEEL, bewaard["verdeel"])

waarden = {spec.veld: st.session_state[widget_key(spec)] for spec in view.INVOER}
standaard = view.standaard_waarden()
afwijkend = view.afwijkingen(waarden)

st.title(labels.SCHAALSPRONG_TITEL)
st.markdown(
    "Het rapport rekent in Bijlage III grof uit hoeveel bedrijventerrein de ambitie van de schaalsprong "
    "(meer inwoners en banen dan de trend) bovenop de huidige ramingen vraagt. Hieronder staat die rekensom "
    "stap voor stap. Verander links een aanname en alles rekent mee; de link in de adresbalk bewaart uw "
    "scenario. Het blijft een **indicatie**, geen raming."
)
state.toon_url_meldingen(st.session_state.pop(MELDINGEN, []))

links, rechts = st.columns([1, 2], gap="large")

with links:
    st.subheader(labels.SCHAALSPRONG_AANNAMES)
    st.button(labels.SCHAALSPRONG_RESET, on_click=terug_naar_rapport, icon=":material/restart_alt:", width="stretch",
              disabled=not afwijkend)  # fmt: skip
    if afwijkend:
        st.caption(f"{len(afwijkend)} aanname(s) wijken af van het rapport.")
    for groep, titel in labels.SCHAALSPRONG_GROEPEN.items():
        specs = [spec for spec in view.INVOER if spec.groep == groep]
        open_ = groep in ("banen", "tq", "intensivering") or any(spec.veld in afwijkend for spec in specs)
        with st.expander(titel, expanded=open_):
            if groep == "stuwend":
                st.caption("Deze drie getallen bepalen alleen de verhouding; het totaal volgt uit stap 1.")
            if groep == "speerpunten":
                st.caption("Groei en jaren dienen alleen voor de controlesom; de ruimtevraag volgt uit de extra banen.")
            for spec in specs:
                widget = st.slider if spec.slider else st.number_input
                widget(
                    spec.label, min_value=spec.typed(spec.minimum), max_value=spec.typed(spec.maximum),
                    step=spec.typed(spec.stap), format=spec.widget_format, key=widget_key(spec),
                )  # fmt: skip
                if spec.veld in afwijkend:
                    st.markdown(
                        f":orange-badge[{labels.SCHAALSPRONG_AFWIJKING}] rapport: "
                        f"**{view.invoer_tekst(spec, standaard[spec.veld])}**"
                    )
    st.caption(source_of("schaalsprong_aannames"))

u, fout = view.probeer_bereken(waarden)

with rechts:
    if fout:
        st.warning(f"{fout} Pas de aanname aan of kies '{labels.SCHAALSPRONG_RESET}'.")
    else:
        st.subheader(labels.SCHAALSPRONG_STAPPEN)
        if afwijkend:
            st.info("Uw scenario wijkt af van het rapport; de getallen hieronder horen bij uw aannames.")
        for stap in view.stappen_teksten(u):
            with st.container(border=True):
                kern, uitleg = st.columns([1, 2], vertical_alignment="center")
                kern.metric(stap.label, stap.waarde)
                uitleg.markdown(f"**{stap.titel}**  \n{stap.uitleg}")
        st.caption(f"{source_of('schaalsprong_aannames')}; {BEREKENING}.")

        st.plotly_chart(grafieken.figuur_sectoren(u), width="stretch")
        st.caption(f"{source_of('schaalsprong_aannames')}; {BEREKENING}.")

        c = view.context()
        st.plotly_chart(grafieken.figuur_ramingen(u, c), width="stretch")
        st.markdown(view.context_toelichting(u, c))
        st.caption(
            f"{source_of('ruimtevraag')}. Hard aanbod: {source_of('gemeenten', 'hard_aanbod_ha')}; regionale regel: "
            f"{source_of('grootschalige_vraag')}. Schaalsprong: {BEREKENING}."
        )

        st.subheader("Buiten bedrijventerreinen")
        innovatie, kantoor = st.columns(2)
        innovatie.metric("Innovatieomgevingen (kennisspeerpunten)", f"{view.getal(u.m2_innovatie)} m² bvo")
        kantoor.metric("Kantoorachtige omgevingen (kennisintensief)", f"{view.getal(u.m2_kantoor)} m²")
        st.info(view.speerpunten_toelichting(u), icon=":material/error:")
        st.caption(f"{source_of(view.RAPPORT_TABLE)}; {BEREKENING}.")

if not fout:
    st.subheader("Rapport naast berekening")
    st.markdown(view.afronding_toelichting())
    st.dataframe(
        view.vergelijking(u), hide_index=True, width="stretch", height="content",
        column_config={"Stap": st.column_config.TextColumn(width="medium"),
                       "Toelichting": st.column_config.TextColumn(width="large")},
    )  # fmt: skip
    st.caption(f"{source_of(view.RAPPORT_TABLE)}; kolom 'Berekend': {BEREKENING}.")

    st.subheader("Illustratief: verdeling over de gemeenten")
    st.warning(
        "**Illustratief.** Het rapport verdeelt de extra hectares van de schaalsprong níet over de gemeenten. "
        "Deze verdeling is een eigen rekenvoorbeeld van het dashboard: naar rato van een sleutel die u kiest, "
        "zonder rekening te houden met ligging, grootschalige kavels of plannen. Gebruik het alleen om een "
        "ordegrootte te voelen.",
        icon=":material/science:",
    )
    verdeel = st.radio(
        labels.SCHAALSPRONG_VERDEEL_WIDGET, list(view.VERDEEL_KOLOM), key=VERDEEL, horizontal=True,
        format_func=labels.SCHAALSPRONG_VERDEELSLEUTELS.get,
    )  # fmt: skip
    spreiding = view.spreiding(u.ha_extra, verdeel)
    st.plotly_chart(grafieken.figuur_spreiding(spreiding, state.geselecteerd()), width="stretch")
    st.dataframe(view.spreiding_tabel(spreiding, verdeel), hide_index=True, width="stretch", height="content")
    st.caption(
        f"Verdeelsleutel: {source_of('gemeenten', view.VERDEEL_KOLOM[verdeel])}. Hard aanbod: "
        f"{source_of('gemeenten', 'hard_aanbod_ha')}; '{labels.GEEN_OPGAVE}' betekent dat de gemeente geen cijfer "
        f"opgaf. Toedeling: eigen rekenvoorbeeld, niet uit het rapport."
    )

st.session_state[SCENARIO] = {"waarden": waarden, "verdeel": st.session_state[VERDEEL]}
view.schrijf_query(st.query_params, view.naar_query(waarden, st.session_state[VERDEEL]))
