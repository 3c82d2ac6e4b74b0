"""Zoekgebieden: an indicative multi-criteria search for new bedrijventerrein locations (layout only).

Every setting sits in the sidebar under the shared widgets; ui.zoekgebieden.formulier maps the
widget values to parameters, the engine computes, kaartlagen turns a result into map layers and tables.
The widget values are also kept in one plain dict, so they survive a switch to another page.
"""

import streamlit as st
from streamlit_folium import st_folium

from reb_maps.data import GEMEENTEN
from reb_maps.zoekgebieden import FACTOREN, MASKERS, PROFIELEN, OngeldigeInvoer, Parameters, grid
from reb_maps.zoekgebieden.gevoeligheid import STAP, gevoeligheid
from reb_maps.zoekgebieden.profielen import BUFFER_BEREIK, METHODE, RESOLUTIES
from ui import documenten, eigen_data, state
from ui import kerncijfers as kerncijfer_kaart
from ui.zoekgebieden import formulier as fm
from ui.zoekgebieden import kaartlagen as kl
from ui.zoekgebieden import teksten as tk
from ui.zoekgebieden import toets_sectie as ts

MAP_KEY = "zoekkaart"
STAND = "zg_stand"  # last widget values, restored after a page switch
PARAMETERS = "zg_parameters"  # the JSON of the current run (also what parameters.json holds)
GEVOELIGHEID = "zg_gevoeligheid"  # parameters JSON for which the sensitivity check was asked


def zet(waarden: dict) -> None:
    st.session_state.update(waarden)


def naar_profiel() -> None:
    zet(fm.profiel_waarden(st.session_state[fm.K_PROFIEL]))


@st.cache_resource(max_entries=64, show_spinner=False, hash_funcs=ts.PARKEN_HASH)
def uitkomst(parameters_json: str, eigen_parken: grid.EigenParken | None = None) -> kl.Uitkomst:
    """Keyed by the exact JSON the download offers and, with a user's own IBIS parks, their fingerprint."""
    return kl.uitkomst(Parameters.from_json(parameters_json), eigen_parken)


@st.cache_data(max_entries=16, show_spinner=False, hash_funcs=ts.PARKEN_HASH)
def gevoeligheid_tabel(parameters_json: str, eigen_parken: grid.EigenParken | None = None):
    return kl.gevoeligheid_tabel(gevoeligheid(Parameters.from_json(parameters_json), eigen_parken=eigen_parken))


# ---------- State: restore after a page switch, or start from the default profile ----------

sessie = st.session_state
ts.lees_link()  # a shared link sets the form once per session, before the widgets exist
bewaard = sessie.get(STAND) or fm.startwaarden()
for key, waarde in bewaard.items():
    sessie.setdefault(key, waarde)

# ---------- Sidebar ----------

sb = st.sidebar
sb.divider()
sb.subheader("Zoekgebieden")
sb.radio("Profiel", list(PROFIELEN), format_func=lambda n: PROFIELEN[n].label, key=fm.K_PROFIEL,
         on_change=naar_profiel, help=tk.HULP_PROFIEL)  # fmt: skip
sb.button("Standaardwaarden van dit profiel", on_click=naar_profiel, icon=":material/restart_alt:", width="stretch")
sb.select_slider("Celgrootte van het raster", RESOLUTIES, format_func=kl.km_tekst, key=fm.K_RESOLUTIE,
                 help=tk.HULP_RESOLUTIE)  # fmt: skip

with sb.expander("Gewichten van de factoren", expanded=True):
    st.caption(tk.UITLEG_GEWICHTEN)
    for naam, info in FACTOREN.items():
        hulp = kl.factor_hulp(naam, *sessie[fm.k_afstand(naam)])
        st.slider(info.kort, 0, 100, step=1, key=fm.k_gewicht(naam), help=hulp)
    if tekst := fm.genormaliseerd_tekst(sessie):
        st.caption(tekst)

with sb.expander("Gewichten afleiden met paarsgewijs vergelijken (AHP)"):
    st.caption(tk.UITLEG_AHP)
    for a, b in fm.PAREN:
        st.select_slider(f"{FACTOREN[a].kort} tegenover {FACTOREN[b].kort}", fm.SAATY, key=fm.k_ahp(a, b),
                         format_func=lambda v, a=a, b=b: fm.saaty_tekst(v, a, b))  # fmt: skip
    ahp_uitkomst = fm.ahp_uit(sessie)
    st.markdown(fm.ahp_tekst(ahp_uitkomst))
    st.markdown(fm.cr_tekst(ahp_uitkomst))
    if ahp_uitkomst.waarschuwing:
        st.warning(ahp_uitkomst.waarschuwing)
    st.button("Neem de AHP-gewichten over", on_click=zet, args=(fm.gewicht_waarden(ahp_uitkomst.gewichten),),
              help=tk.HULP_AHP_OVERNEMEN)  # fmt: skip

with sb.expander("Harde beperkingen"):
    st.slider("Hinderafstand rond de bebouwde kom", *BUFFER_BEREIK, step=50, format="%d m", key=fm.K_BUFFER,
              help=f"{tk.HULP_BUFFER} {kl.masker_hulp('bebouwing')}")  # fmt: skip
    for naam in fm.VASTE_MASKERS:
        hulp = f"Altijd uitgesloten. {kl.masker_hulp(naam)}"
        st.checkbox(MASKERS[naam].label, value=True, disabled=True, key=fm.k_vast(naam), help=hulp)
    st.checkbox(MASKERS["stikstofzone"].label, key=fm.K_STIKSTOF, help=kl.masker_hulp("stikstofzone"))
    st.multiselect("Alleen zoeken in de gemeente(n)", GEMEENTEN, key=fm.K_GEMEENTEN, placeholder="Heel Twente",
                   help="Leeg: heel Twente.")  # fmt: skip

with sb.expander("Drempels", expanded=True):
    st.select_slider("Minimale geschiktheid (score 0–1)", fm.DREMPELS, format_func=fm.drempel_tekst,
                     key=fm.K_DREMPEL, help=tk.HULP_DREMPEL)  # fmt: skip
    st.select_slider("Maximale afstand tot een afrit (harde grens)", fm.MAX_AFRIT_M, format_func=kl.km_tekst,
                     key=fm.K_AFRIT, help=kl.masker_hulp("afrit"))  # fmt: skip
    st.slider("Oppervlakte van een zoekgebied", *fm.OPPERVLAKTE_HA, step=5, format="%d ha", key=fm.K_OPP,
              help=tk.HULP_OPPERVLAKTE)  # fmt: skip
    st.radio("Aaneengesloten cellen", tuple(fm.BUREN), key=fm.K_CONN, format_func=fm.BUREN.get, horizontal=True)

with sb.expander("Afstandsgrenzen per factor"):
    st.caption(tk.UITLEG_AFSTANDEN)
    for naam, info in FACTOREN.items():
        # `value` only marks this as a range slider (Streamlit deserialises by it); the state holds the values.
        st.select_slider(info.kort, fm.AFSTANDEN_M, value=(fm.AFSTANDEN_M[0], fm.AFSTANDEN_M[-1]),
                         format_func=kl.km_tekst, key=fm.k_afstand(naam),
                         help=f"Nauwkeurigheid: {info.nauwkeurigheid}.")  # fmt: skip

sessie[STAND] = {key: sessie[key] for key in bewaard}

# ---------- Main area ----------

st.title(tk.TITEL)
ts.toon_meldingen()
st.warning(tk.VOORBEHOUD, icon=":material/info:")
profiel = PROFIELEN[sessie[fm.K_PROFIEL]]
st.caption(f"**{profiel.label}:** {profiel.omschrijving} {tk.UITGANGSPUNTEN}")

eigen_frame = sessie.get(eigen_data.ZOEKGEBIEDEN_PARKEN_KEY)
# the map, the test card, the comparison and the downloads all use the same parks
eigen_parken = grid.EigenParken.van(eigen_frame) if eigen_frame is not None else None
if eigen_parken is not None:
    st.info(eigen_data.parken_melding(eigen_frame), icon=":material/upload_file:")
try:
    params = fm.parameters_uit(sessie)
    sleutel = params.to_json()
    with st.spinner("Zoekgebieden berekenen…"):
        u = uitkomst(sleutel, eigen_parken)
except OngeldigeInvoer as fout:
    st.warning(f"{fout} {tk.ONGELDIG}", icon=":material/warning:")
    u = None

if u is not None:
    sessie[PARAMETERS] = sleutel
    sessie[documenten.ZOEKGEBIEDEN_KANDIDATEN] = u.csv  # the briefing lists the candidates, marked indicative
    for waarschuwing in u.waarschuwingen:
        st.warning(waarschuwing)
    kerncijfer_kaart.toon(kl.kerncijfers(u), rand=False)

    kaart = kl.basiskaart(state.achtergrond(), state.geselecteerd())
    getekend = ts.kaart_opties(kaart)
    kaart_uit = st_folium(
        kaart,
        key=MAP_KEY,
        height=620,
        use_container_width=True,
        returned_objects=["last_active_drawing", "all_drawings", "center", "zoom"],
        **ts.kaart_beeld(),  # the view from the link, or the last one: a rerun keeps the user's view
        feature_group_to_add=[*kl.resultaat_groepen(u.afbeelding, u.kandidaten), getekend],
        layer_control=kl.laagkeuze(),
        pixelated=True,  # crisp cells: the image overlay arrives without its own CSS header
    )
    st.caption(tk.uitleg_kaart(params.resolutie_m))
    ts.verwerk_kaart(kaart_uit)
    ts.toon(params, u.tabel["Zoekgebied"].tolist() if u.aantal else [], eigen_parken)

    st.subheader("Kandidaten op volgorde van geschiktheid")
    if u.aantal:
        st.dataframe(u.tabel, hide_index=True, width="stretch")
        st.caption(tk.UITLEG_KANDIDATEN)
    else:
        st.info(tk.GEEN_KANDIDATEN, icon=":material/search_off:")

    with st.expander("Gewichten en factoren"):
        st.dataframe(u.gewichten, hide_index=True, width="stretch")
        st.caption(tk.UITLEG_FACTOREN)

    with st.expander("Harde beperkingen"):
        st.dataframe(u.beperkingen, hide_index=True, width="stretch")
        st.caption(tk.UITLEG_BEPERKINGEN)

    with st.expander("Gevoeligheid van de gewichten"):
        st.markdown(tk.uitleg_gevoeligheid(STAP))
        if st.button("Gevoeligheid berekenen", icon=":material/tune:", key="zg_gevoeligheid_knop"):
            sessie[GEVOELIGHEID] = sleutel
        if sessie.get(GEVOELIGHEID) == sleutel:
            with st.spinner("Gevoeligheid berekenen…"):
                tabel = gevoeligheid_tabel(sleutel, eigen_parken)
            st.dataframe(tabel, hide_index=True, width="stretch", height="content")
            st.caption(tk.UITLEG_RANGEN)
        elif sessie.get(GEVOELIGHEID):
            st.caption(tk.GEVOELIGHEID_VEROUDERD)

    with st.expander("Downloaden en herhalen", expanded=False):
        for kolom, (bestand, inhoud, mime) in zip(st.columns(3), kl.downloads(u, sleutel), strict=True):
            kolom.download_button(
                bestand, inhoud, file_name=bestand, mime=mime, on_click="ignore", icon=":material/download:"
            )
        st.markdown(tk.HERHALEN)
        st.code(kl.cli_commando(), language="bash")

with st.expander("Werkwijze"):
    st.markdown(METHODE)

ts.schrijf_link(params if u is not None else None)
