"""Zoekgebieden: an indicative multi-criteria search for new bedrijventerrein locations (layout only).

Every setting sits in the sidebar under the shared widgets; reb_maps.zoekgebieden computes, its module
kaartlagen turns a result into map layers and tables. The widget values are also kept in one plain dict,
so they survive a switch to another page.
"""

import json

import streamlit as st
from streamlit_folium import st_folium

from reb_maps import fmt, state
from reb_maps.data import GEMEENTEN
from reb_maps.zoekgebieden import FACTOREN, MASKERS, PROFIELEN, OngeldigeInvoer, Parameters, bereken, export
from reb_maps.zoekgebieden import kaartlagen as kl
from reb_maps.zoekgebieden.gevoeligheid import STAP, gevoeligheid
from reb_maps.zoekgebieden.gewichten import CR_GRENS, ahp, ahp_matrix
from reb_maps.zoekgebieden.profielen import BUFFER_BEREIK, METHODE, RESOLUTIES

MAP_KEY = "zoekkaart"
STAND = "zg_stand"  # last widget values, restored after a page switch
PARAMETERS = "zg_parameters"  # the JSON of the current run (also what parameters.json holds)
GEVOELIGHEID = "zg_gevoeligheid"  # parameters JSON for which the sensitivity check was asked
STANDAARD_PROFIEL = "grootschalig"

AFSTANDEN_M = tuple(range(0, 15_001, 250))
MAX_AFRIT_M = tuple(range(1000, 15_001, 500))
DREMPELS = tuple(k / 100 for k in range(101))
OPPERVLAKTE_HA = (5, 500)
SAATY = (9, 8, 7, 6, 5, 4, 3, 2, 1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7, 1 / 8, 1 / 9)
VASTE_MASKERS = ("natura2000", "nnn", "water", "bedrijventerrein")
PAREN = tuple((a, b) for i, a in enumerate(FACTOREN) for b in list(FACTOREN)[i + 1 :])

K_PROFIEL, K_RESOLUTIE, K_BUFFER, K_STIKSTOF = "zg_profiel", "zg_resolutie", "zg_buffer", "zg_stikstof"
K_GEMEENTEN, K_DREMPEL, K_AFRIT, K_OPP, K_CONN = "zg_gemeenten", "zg_drempel", "zg_max_afrit", "zg_opp", "zg_conn"


def k_gewicht(factor: str) -> str:
    return f"zg_gewicht_{factor}"


def k_afstand(factor: str) -> str:
    return f"zg_afstand_{factor}"


def k_ahp(a: str, b: str) -> str:
    return f"zg_ahp_{a}_{b}"


def _saaty(ratio: float) -> float:
    """The Saaty value nearest to a weight ratio, as a starting point for the pairwise comparison."""
    return min(SAATY, key=lambda v: abs(v - ratio) if ratio >= 1 else abs(1 / v - 1 / ratio))


def widget_waarden(params: Parameters) -> dict:
    """The widget values that show these parameters (weights as whole points 0–100)."""
    waarden = {
        K_PROFIEL: params.profiel,
        K_RESOLUTIE: params.resolutie_m,
        K_BUFFER: int(params.buffer_bebouwing_m),
        K_STIKSTOF: params.stikstofzone,
        K_GEMEENTEN: list(params.gemeenten),
        K_DREMPEL: round(params.drempel, 2),
        K_AFRIT: int(params.max_afstand_afrit_m),
        K_OPP: (int(params.min_ha), int(params.max_ha)),
        K_CONN: params.connectiviteit,
    }
    for naam, gewicht in params.gewichten:
        waarden[k_gewicht(naam)] = round(gewicht * 100)
    for naam, d0, d1 in params.afstanden:
        waarden[k_afstand(naam)] = (int(d0), int(d1))
    for a, b in PAREN:
        wa, wb = params.gewicht(a), params.gewicht(b)
        waarden[k_ahp(a, b)] = 1 if not (wa and wb) else _saaty(wa / wb)
    return waarden


def parameters_uit_widgets() -> Parameters:
    """The parameters the widgets describe; raises OngeldigeInvoer with a Dutch message."""
    s = st.session_state
    return Parameters(
        profiel=s[K_PROFIEL],
        resolutie_m=s[K_RESOLUTIE],
        buffer_bebouwing_m=s[K_BUFFER],
        max_afstand_afrit_m=s[K_AFRIT],
        stikstofzone=s[K_STIKSTOF],
        drempel=s[K_DREMPEL],
        min_ha=s[K_OPP][0],
        max_ha=s[K_OPP][1],
        connectiviteit=s[K_CONN],
        gewichten={naam: s[k_gewicht(naam)] / 100 for naam in FACTOREN},
        afstanden={naam: tuple(s[k_afstand(naam)]) for naam in FACTOREN},
        gemeenten=tuple(s[K_GEMEENTEN]),
    )


def zet_profiel(naam: str) -> None:
    """All settings to the profile's preset; the cell size stays (it is about precision, not the profile)."""
    for key, waarde in widget_waarden(PROFIELEN[naam].parameters).items():
        if key != K_RESOLUTIE:
            st.session_state[key] = waarde


def bij_profielwissel() -> None:
    zet_profiel(st.session_state[K_PROFIEL])


def neem_ahp_over(gewichten: dict[str, float]) -> None:
    for naam, gewicht in gewichten.items():
        st.session_state[k_gewicht(naam)] = round(gewicht * 100)


@st.cache_resource(max_entries=64, show_spinner=False)
def uitkomst(parameters_json: str) -> dict:
    """One run and everything shown from it, keyed by the exact JSON the download offers.

    Only small derived objects are kept (the grids of a run weigh megabytes).
    """
    params = Parameters.from_json(parameters_json)
    res = bereken(params)
    return {
        "aantal": res.aantal,
        "kandidaten_ha": res.kandidaten_ha,
        "geschikt_ha": res.geschikt_ha,
        "toegestaan_ha": res.toegestaan_ha,
        "waarschuwingen": res.waarschuwingen,
        "afbeelding": kl.score_afbeelding(res),
        "kandidaten": kl.kandidaten_data(res),
        "tabel": kl.kandidaten_tabel(res),
        "gewichten": kl.gewichten_tabel(params, res),
        "beperkingen": kl.beperkingen_tabel(res),
        "geojson": json.dumps(export.geojson(res), ensure_ascii=False) + "\n",
        "csv": export.kandidaten_tabel(res).to_csv(index=False),
    }


@st.cache_data(max_entries=16, show_spinner=False)
def gevoeligheid_van(parameters_json: str):
    return gevoeligheid(Parameters.from_json(parameters_json))


# ---------- State: restore after a page switch, or start from the default profile ----------

bewaard = st.session_state.get(STAND) or widget_waarden(PROFIELEN[STANDAARD_PROFIEL].parameters)
for key, waarde in bewaard.items():
    st.session_state.setdefault(key, waarde)

# ---------- Sidebar ----------

sb = st.sidebar
sb.divider()
sb.subheader("Zoekgebieden")
sb.radio(
    "Profiel",
    list(PROFIELEN),
    format_func=lambda n: PROFIELEN[n].label,
    key=K_PROFIEL,
    on_change=bij_profielwissel,
    help="Kiezen zet alle instellingen op de standaard van dat profiel.",
)
sb.button(
    "Standaardwaarden van dit profiel",
    on_click=lambda: zet_profiel(st.session_state[K_PROFIEL]),
    icon=":material/restart_alt:",
    width="stretch",
)
sb.select_slider(
    "Celgrootte van het raster",
    RESOLUTIES,
    format_func=lambda v: f"{v} m",
    key=K_RESOLUTIE,
    help="Kleiner is preciezer maar trager; 100 m is de standaard.",
)

with sb.expander("Gewichten van de factoren", expanded=True):
    st.caption(
        "Relatief: ze worden herschaald zodat ze samen 100% zijn. Open het vraagteken voor richting, "
        "afstandsgrenzen en nauwkeurigheid van de gegevens."
    )
    for naam, info in FACTOREN.items():
        d0, d1 = st.session_state[k_afstand(naam)]
        st.slider(info.kort, 0, 100, step=1, key=k_gewicht(naam), help=kl.factor_hulp(naam, d0, d1))
    gezet = {naam: st.session_state[k_gewicht(naam)] for naam in FACTOREN}
    totaal = sum(gezet.values())
    if totaal:
        st.caption(
            "Genormaliseerd: " + ", ".join(f"{FACTOREN[n].kort} {fmt.fractie(w / totaal)}" for n, w in gezet.items())
        )

with sb.expander("Gewichten afleiden met paarsgewijs vergelijken (AHP)"):
    st.caption(
        "Geef per paar aan welke factor belangrijker is en hoeveel (schaal van Saaty, 1–9). De gewichten "
        "volgen uit de eigenvector; de consistentieratio (CR) hoort hoogstens 0,10 te zijn."
    )
    for a, b in PAREN:
        st.select_slider(
            f"{FACTOREN[a].kort} tegenover {FACTOREN[b].kort}",
            SAATY,
            key=k_ahp(a, b),
            format_func=lambda v, a=a, b=b: (
                "even belangrijk"
                if v == 1
                else (f"{FACTOREN[a].kort} {round(v)}×" if v > 1 else f"{FACTOREN[b].kort} {round(1 / v)}×")
            ),
        )
    oordelen = {(a, b): float(st.session_state[k_ahp(a, b)]) for a, b in PAREN}
    ahp_uitkomst = ahp(ahp_matrix(list(FACTOREN), oordelen), list(FACTOREN))
    st.markdown(
        "AHP-gewichten: " + ", ".join(f"{FACTOREN[n].kort} {fmt.fractie(w)}" for n, w in ahp_uitkomst.gewichten.items())
    )
    st.markdown(f"Consistentieratio CR = **{fmt.getal(ahp_uitkomst.cr, 2)}** (grens {fmt.getal(CR_GRENS, 2)})")
    if ahp_uitkomst.waarschuwing:
        st.warning(ahp_uitkomst.waarschuwing)
    st.button(
        "Neem de AHP-gewichten over",
        on_click=neem_ahp_over,
        args=(ahp_uitkomst.gewichten,),
        help="Zet de schuiven hierboven op deze gewichten (afgerond op hele punten).",
    )

with sb.expander("Harde beperkingen"):
    st.slider(
        "Hinderafstand rond de bebouwde kom",
        *BUFFER_BEREIK,
        step=50,
        format="%d m",
        key=K_BUFFER,
        help=f"Geen nieuw terrein binnen deze afstand van de bebouwde kom. {kl.masker_hulp('bebouwing')}",
    )
    for naam in VASTE_MASKERS:
        st.checkbox(
            MASKERS[naam].label,
            value=True,
            disabled=True,
            key=f"zg_vast_{naam}",
            help=f"Altijd uitgesloten. {kl.masker_hulp(naam)}",
        )
    st.checkbox(MASKERS["stikstofzone"].label, key=K_STIKSTOF, help=kl.masker_hulp("stikstofzone"))
    st.multiselect(
        "Alleen zoeken in de gemeente(n)",
        GEMEENTEN,
        key=K_GEMEENTEN,
        placeholder="Heel Twente",
        help="Leeg: heel Twente.",
    )

with sb.expander("Drempels", expanded=True):
    st.select_slider(
        "Minimale geschiktheid (score 0–1)",
        DREMPELS,
        format_func=lambda v: fmt.getal(v, 2),
        key=K_DREMPEL,
        help="Alleen cellen met minstens deze score kunnen een zoekgebied vormen.",
    )
    st.select_slider(
        "Maximale afstand tot een afrit (harde grens)",
        MAX_AFRIT_M,
        format_func=kl.km_tekst,
        key=K_AFRIT,
        help=kl.masker_hulp("afrit"),
    )
    st.slider(
        "Oppervlakte van een zoekgebied",
        *OPPERVLAKTE_HA,
        step=5,
        format="%d ha",
        key=K_OPP,
        help="Een groter geschikt gebied wordt teruggebracht tot zijn best scorende kernen binnen deze "
        "bandbreedte; kleinere gebieden vallen af.",
    )
    st.radio(
        "Aaneengesloten cellen",
        (8, 4),
        key=K_CONN,
        horizontal=True,
        format_func=lambda v: "ook via hoeken" if v == 8 else "alleen via zijden",
    )

with sb.expander("Afstandsgrenzen per factor"):
    st.caption("Volle score tot de eerste afstand, geen score vanaf de tweede, lineair daartussen.")
    for naam, info in FACTOREN.items():
        # `value` only marks this as a range slider (Streamlit deserialises by it); the state holds the values.
        st.select_slider(
            info.kort,
            AFSTANDEN_M,
            value=(AFSTANDEN_M[0], AFSTANDEN_M[-1]),
            format_func=kl.km_tekst,
            key=k_afstand(naam),
            help=f"Nauwkeurigheid: {info.nauwkeurigheid}.",
        )

st.session_state[STAND] = {key: st.session_state[key] for key in bewaard}

# ---------- Main area ----------

st.title("Zoekgebieden voor nieuwe bedrijventerreinen")
st.warning(
    "**Indicatief, geen beleid.** Het rapport noemt in §4.2 en §4.3 alleen principes — grote kavels, ligging aan "
    "A1, A35 en de N-wegen, energie en water, goede inpassing, steun van meerdere gemeenten — en wijst geen "
    "locaties aan. Deze kaart laat zien waar die principes, vertaald in de instellingen links, op open kaartgegevens "
    "uitkomen. Afstanden zijn hemelsbreed; de N18 en N36 liggen er als schematisch tracé in.",
    icon=":material/info:",
)
profiel = PROFIELEN[st.session_state[K_PROFIEL]]
st.caption(
    f"**{profiel.label}:** {profiel.omschrijving} Alle afstanden, gewichten en drempels zijn instelbare "
    "uitgangspunten van dit dashboard, geen cijfers uit het rapport."
)

try:
    params = parameters_uit_widgets()
    sleutel = params.to_json()
    with st.spinner("Zoekgebieden berekenen…"):
        u = uitkomst(sleutel)
except OngeldigeInvoer as fout:
    st.warning(f"{fout} Pas de instellingen in de zijbalk aan.", icon=":material/warning:")
    u = None

if u is not None:
    st.session_state[PARAMETERS] = sleutel
    for waarschuwing in u["waarschuwingen"]:
        st.warning(waarschuwing)
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Kandidaten", fmt.getal(u["aantal"]))
    c2.metric("Oppervlakte kandidaten", fmt.met_eenheid(u["kandidaten_ha"], "ha", 0))
    c3.metric(
        "Boven de drempel",
        fmt.met_eenheid(u["geschikt_ha"], "ha", 0),
        help="Alle toegestane cellen met minstens de drempelscore, ook buiten de kandidaten.",
    )
    c4.metric(
        "Toegestaan",
        fmt.met_eenheid(u["toegestaan_ha"], "ha", 0),
        help="Oppervlakte van Twente die na alle harde beperkingen overblijft.",
    )

    st_folium(
        kl.basiskaart(state.achtergrond(), state.geselecteerd()),
        key=MAP_KEY,
        height=620,
        use_container_width=True,
        returned_objects=[],
        feature_group_to_add=kl.resultaat_groepen(u["afbeelding"], u["kandidaten"]),
        layer_control=kl.laagkeuze(),
        pixelated=True,  # crisp cells: the image overlay arrives without its own CSS header
    )
    st.caption(
        f"Geschiktheid per cel van {params.resolutie_m} m; kandidaten zwart omlijnd, klik voor details. "
        "Kaartlagen: CBS/Kadaster (PDOK), OpenStreetMap, RVO/provincies. Grenzen van bedrijventerreinen en de "
        "bebouwde kom bij benadering; gestippelde wegen en spoor zijn schematisch."
    )

    st.subheader("Kandidaten op volgorde van geschiktheid")
    if u["aantal"]:
        st.dataframe(u["tabel"], hide_index=True, width="stretch")
        st.caption(
            "Afstanden hemelsbreed vanaf de rand van het zoekgebied. 'Deel van groter geschikt gebied': het "
            "zoekgebied is de best scorende kern van een aaneengesloten gebied boven de drempel."
        )
    else:
        st.info(
            "Geen zoekgebied voldoet. Verlaag de drempel, verruim de oppervlakte of de maximale afstand tot een "
            "afrit, of verklein de hinderafstand.",
            icon=":material/search_off:",
        )

    with st.expander("Gewichten en factoren"):
        st.dataframe(u["gewichten"], hide_index=True, width="stretch")
        st.caption("Voor elke factor geldt: dichterbij is beter. Een factor zonder kaartgegevens telt niet mee.")

    with st.expander("Harde beperkingen"):
        st.dataframe(u["beperkingen"], hide_index=True, width="stretch")
        st.caption(
            "Beperkingen overlappen elkaar, dus de oppervlakten tellen niet op. Een cel valt al af als "
            "een beperking haar raakt."
        )

    with st.expander("Gevoeligheid van de gewichten"):
        st.markdown(
            f"Elk gewicht afzonderlijk {fmt.fractie(STAP)} hoger en lager (daarna opnieuw herschaald): "
            "hoe verschuiven de rangen en de oppervlakte van de kandidaten?"
        )
        if st.button("Gevoeligheid berekenen", icon=":material/tune:", key="zg_gevoeligheid_knop"):
            st.session_state[GEVOELIGHEID] = sleutel
        if st.session_state.get(GEVOELIGHEID) == sleutel:
            with st.spinner("Gevoeligheid berekenen…"):
                tabel = kl.gevoeligheid_tabel(gevoeligheid_van(sleutel))
            st.dataframe(tabel, hide_index=True, width="stretch", height="content")
            st.caption(
                "'1→2': de kandidaat met rang 1 overlapt na de wijziging vooral de kandidaat met rang 2; "
                "'–': hij overlapt geen kandidaat meer."
            )
        elif st.session_state.get(GEVOELIGHEID):
            st.caption("De instellingen zijn veranderd; bereken de gevoeligheid opnieuw.")

    with st.expander("Downloaden en herhalen", expanded=False):
        d1, d2, d3 = st.columns(3)
        d1.download_button(
            "kandidaten.geojson",
            u["geojson"],
            file_name="kandidaten.geojson",
            mime="application/geo+json",
            on_click="ignore",
            icon=":material/download:",
        )
        d2.download_button(
            "kandidaten.csv",
            u["csv"],
            file_name="kandidaten.csv",
            mime="text/csv",
            on_click="ignore",
            icon=":material/download:",
        )
        d3.download_button(
            "parameters.json",
            sleutel,
            file_name="parameters.json",
            mime="application/json",
            on_click="ignore",
            icon=":material/download:",
        )
        st.markdown("Dezelfde kandidaten opnieuw berekenen vanuit de projectmap, met het gedownloade parameterbestand:")
        st.code(kl.cli_commando(), language="bash")

with st.expander("Werkwijze"):
    st.markdown(METHODE)
