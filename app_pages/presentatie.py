"""Presentatie: the REB storyline in ten steps, one screen each, for the big screen (layout only).

The step lives in the link (`?stap=4`); "Vorige"/"Volgende" and the arrow keys move through it. Texts, figures
and pictures come from reb_maps.weergave.documenten.presentatie through ui.presentatie.
"""

import streamlit as st

from reb_maps import labels
from reb_maps.weergave.documenten import presentatie
from ui import eigen_data, meldingen, state
from ui import presentatie as view

st.html(view.CSS)
aantal = len(view.SLEUTELS)
nummer, melding = view.stap_uit_link({k: st.query_params.get_all(k) for k in st.query_params}, aantal)
if melding is not None:
    meldingen.platte_melding(melding.uitleg, f"In de link: {melding.waarde_kort}", icon=":material/link_off:")
with st.spinner(labels.PRESENTATIE_LADEN):
    stap = view.stap(view.SLEUTELS[nummer - 1])


def ga_naar(doel: int) -> None:
    st.query_params[view.PARAM] = str(doel)


netwerk = eigen_data.sessie_netwerk(st.session_state)  # own NWB roads / rail (page Eigen data): on the maps too
with st.spinner(labels.PRESENTATIE_LADEN):
    st.html(view.dia(stap.sleutel, netwerk, st.session_state))  # our texts and figures, escaped by the renderer

vorige, midden, volgende, rest = st.columns([1, 0.8, 1, 2.4], vertical_alignment="center")
vorige.button(view.LABEL_VORIGE, icon=":material/arrow_back:", shortcut="Left", disabled=nummer == 1,
              on_click=ga_naar, args=(nummer - 1,), width="stretch")  # fmt: skip
midden.text(view.STAP_VAN.format(nummer=nummer, totaal=aantal))
volgende.button(view.LABEL_VOLGENDE, icon=":material/arrow_forward:", icon_position="right", shortcut="Right",
                disabled=nummer == aantal, on_click=ga_naar, args=(nummer + 1,), type="primary",
                width="stretch")  # fmt: skip
gemeente = state.geselecteerd()
with rest:
    deck_kolom, terug = st.columns([1.4, 1], vertical_alignment="center")
    deck_kolom.download_button(
        view.LABEL_DECK, data=lambda: view.deck(gemeente, netwerk), file_name=presentatie.bestandsnaam(gemeente),
        mime=presentatie.PPTX_MIME, icon=":material/slideshow:", on_click="ignore", width="stretch",
        help=view.HULP_DECK + (" " + view.HULP_DECK_GEMEENTE.format(gemeente=gemeente) if gemeente else ""),
    )  # fmt: skip
    terug.page_link("app_pages/kaart.py", label=labels.PAGINA_KAART, icon=":material/map:")
