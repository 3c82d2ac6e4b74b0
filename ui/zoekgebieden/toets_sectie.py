"""The Streamlit part of "Toets een locatie", "Vergelijk" and the shared link on the page Zoekgebieden.

The page calls, in this order: `lees_link()` before its widgets (a link opened in a new session sets the
form, the drawn areas, the tested area and the comparison), `kaart_opties(m)` for the map,
`verwerk_kaart(uit)` with what st_folium returned, `toon(params, kandidaat_ids)` for the card and the
comparison, and `schrijf_link(params)` at the end. Values from the link are shown only as plain text.
"""

from __future__ import annotations

import contextlib
import json
import operator

import streamlit as st

from reb_maps.werkruimte import Locatie
from reb_maps.zoekgebieden.gebied import MAX_GEBIEDEN, Gebied
from reb_maps.zoekgebieden.grid import EigenParken
from reb_maps.zoekgebieden.profielen import PROFIELEN, OngeldigeInvoer, Parameters
from reb_maps.zoekgebieden.toets import VOETNOOT_PRINCIPES, Toets, kandidaat, toets
from ui import state
from ui import werkruimte as wr
from ui import werkruimte_tabellen as wtab
from ui.zoekgebieden import formulier as fm
from ui.zoekgebieden import link
from ui.zoekgebieden import toetsen as tt

GEBIEDEN = "zg_gebieden"  # list[Gebied], named T1, T2… by position
VERWERKT = "zg_verwerkt"  # codes of map drawings already taken over (st_folium keeps returning them)
K_TOETS = "zg_toets"  # widget: the tested area
K_VERGELIJK = "zg_vergelijk"  # widget: the compared areas
KAARTBEELD = "zg_kaartbeeld"  # the map's (lat, lon, zoom) as last reported: it goes into the link
KAARTBEELD_GEMEENTE = "zg_kaartbeeld_gemeente"  # the municipality chosen when it was seen
KAARTBEELD_UIT_LINK = "zg_kaartbeeld_uit_link"  # the link's view still to be applied to the map (once)
K_HA = "zg_punt_ha"  # widget: area of a circle around a drawn point
LINK_GELEZEN = "zg_link_gelezen"
MELDINGEN = "zg_link_meldingen"
STANDAARD_HA = {"grootschalig": 200, "regionaal-mkb": 35}
# A user's own parks (an argument of the cached functions) count in a cache key by their fingerprint, not the frame.
PARKEN_HASH = {EigenParken: operator.attrgetter("sleutel")}
UITLEG_TEKENEN = (
    "Teken met de knoppen links op de kaart een veelhoek of rechthoek, of zet een punt (dan telt een cirkel "
    "met de oppervlakte hieronder). Het gebied wordt getoetst aan de instellingen in de zijbalk."
)
UITLEG_LINK = (
    "De link in de adresbalk bevat deze weergave: profiel, gewichten, drempels, getekende gebieden, de toets "
    "en de vergelijking. Wie hem opent, ziet dezelfde kandidaten en dezelfde toets."
)


def lees_link() -> None:
    """Once per session: take the Zoekgebieden view from the link (before the widgets are drawn)."""
    sessie = st.session_state
    if sessie.get(LINK_GELEZEN):
        return
    sessie[LINK_GELEZEN] = True
    weergave, meldingen = link.decodeer(st.query_params.to_dict())
    sessie[MELDINGEN] = meldingen
    if weergave is None:
        return
    sessie.update(fm.widget_waarden(weergave.params))
    sessie[GEBIEDEN] = list(weergave.gebieden)
    if weergave.toets:
        sessie[K_TOETS] = weergave.toets
    if weergave.vergelijk:
        sessie[K_VERGELIJK] = list(weergave.vergelijk)
    if weergave.kaart:
        _onthoud_beeld(weergave.kaart)
        sessie[KAARTBEELD_UIT_LINK] = True


def toon_meldingen() -> None:
    meldingen = st.session_state.pop(MELDINGEN, [])
    if meldingen:
        st.warning("Een deel van de link kon niet worden gebruikt; de rest wel.", icon=":material/link_off:")
        for melding in meldingen:
            st.text(melding)  # plain text: the value comes from the URL


def _gebieden() -> list[Gebied]:
    return st.session_state.setdefault(GEBIEDEN, [])


def kaart_opties(m, actief_bekend: bool = True):
    """The drawing tool on the map, and the saved areas as a feature group (for feature_group_to_add)."""
    tt.voeg_teken_gereedschap_toe(m)
    geometrieen = {}
    for i, gebied in enumerate(_gebieden(), 1):
        try:
            geometrieen[f"T{i}"] = gebied.geometrie()
        except OngeldigeInvoer:
            continue
    return tt.gebieden_groep(geometrieen, st.session_state.get(K_TOETS))


def kaart_beeld() -> dict:
    """st_folium's centre and zoom for the view a link brought, once: the map then keeps the user's own view.
    Passing the last reported view on every run instead made map and page chase each other (the map's own fit
    and the passed centre alternating, a rerun each time). Nothing when another municipality was chosen since
    (the map then zooms to that one)."""
    beeld, gemeente = st.session_state.get(KAARTBEELD), st.session_state.get(KAARTBEELD_GEMEENTE)
    if not beeld or gemeente != state.geselecteerd():
        st.session_state.pop(KAARTBEELD, None)
        return {}
    if not st.session_state.pop(KAARTBEELD_UIT_LINK, False):
        return {}
    return {"center": (beeld[0], beeld[1]), "zoom": beeld[2]}


def _onthoud_beeld(beeld: tuple[float, float, float]) -> None:
    st.session_state[KAARTBEELD] = beeld
    st.session_state[KAARTBEELD_GEMEENTE] = state.geselecteerd()


def verwerk_kaart(uit: dict | None) -> None:
    """Take new drawings from the map over as areas; the newest becomes the tested one. The map's view is
    remembered for the link, so a shared link opens at the same place and zoom."""
    sessie = st.session_state
    midden, zoom = (uit or {}).get("center"), (uit or {}).get("zoom")
    if isinstance(midden, dict) and isinstance(zoom, int | float):
        with contextlib.suppress(KeyError, TypeError, ValueError):  # far outside Twente: keep the last view
            _onthoud_beeld(link.kaartbeeld(f"{float(midden['lat']):.4f},{float(midden['lng']):.4f},{float(zoom):.1f}"))
    verwerkt = sessie.setdefault(VERWERKT, set())
    for feature in (uit or {}).get("all_drawings") or []:
        gebied = tt.uit_tekening(feature, sessie.get(K_HA, 200))
        if gebied is None:
            continue
        code = link.gebied_code(gebied) if not gebied.cirkel else f"punt{gebied.cirkel[:2]}"
        if code in verwerkt:
            continue
        verwerkt.add(code)
        if len(_gebieden()) >= MAX_GEBIEDEN:
            st.toast("Er kunnen hoogstens acht gebieden tegelijk bewaard worden.")
            break
        _gebieden().append(gebied)
        sessie[K_TOETS] = f"T{len(_gebieden())}"


@st.cache_data(max_entries=64, show_spinner=False, hash_funcs=PARKEN_HASH)
def _toets(params_json: str, naam: str, gebied: Gebied | None, eigen_parken: EigenParken | None = None) -> Toets:
    params = Parameters.from_json(params_json)
    geometrie = kandidaat(params, naam, eigen_parken) if gebied is None else gebied.geometrie()
    return toets(geometrie, params, naam, eigen_parken)


def _bewaarde() -> dict[str, Locatie]:
    """Saved locations of the workspace by their short code; empty when it cannot be read."""
    return wr.locaties_per_code()


def _gebied_van(naam: str) -> Gebied | None:
    if naam.startswith("W"):
        loc = _bewaarde()[naam]
        if loc.geometrie.geom_type == "Point":  # a saved point counts as a circle of the chosen area
            return Gebied(cirkel=(round(loc.geometrie.x), round(loc.geometrie.y),
                                  float(st.session_state.get(K_HA, 200))))  # fmt: skip
        return Gebied.van(loc.geometrie)
    return _gebieden()[int(naam[1:]) - 1] if naam.startswith("T") else None


def _weergavenaam(naam: str) -> str:
    """What the test and the comparison call an area: a saved location by its own name."""
    return f"{tt.BEWAARD}{_bewaarde()[naam].naam}" if naam.startswith("W") else naam


def _labels(opties: list[str]) -> dict[str, str]:
    """The option labels, computed once per run (a selectbox asks its format_func for every option)."""
    bewaard = _bewaarde()
    return {n: f"{tt.BEWAARD}{bewaard[n].naam}" if n in bewaard else tt.gebied_naam(n) for n in opties}


def _toets_van(params: Parameters, naam: str, eigen_parken: EigenParken | None = None) -> Toets:
    return _toets(params.to_json(), _weergavenaam(naam), _gebied_van(naam), eigen_parken)


def _opmerkingen(keuze: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The comments of the saved locations among `keuze`, for the comparison PDF."""
    r, bewaard = wr.ruimte(), _bewaarde()
    uit = []
    for naam in keuze:
        if naam in bewaard and r is not None:
            loc = bewaard[naam]
            regels = tuple(f"{wtab.tijd(o.aangemaakt)}, {wtab.auteur(o.auteur, o.geverifieerd)}: {o.tekst}"
                           for o in r.opmerkingen(loc.id))  # fmt: skip
            uit.append((loc.naam, regels))
    return tuple(uit)


def _bewaar_formulier(plek: str, params: Parameters, naam: str, t: Toets, kandidaat_ids: list[str]) -> None:
    """'Bewaar locatie' for a drawn area or a candidate, with the card's figures as they are now."""
    if naam.startswith("W"):
        st.caption("Deze locatie staat al in de werkruimte; opmerkingen en geschiedenis vindt u daar.")
        st.page_link("app_pages/werkruimte.py", label="Naar de werkruimte", icon=":material/folder_shared:")
        return
    figuren = {"profiel": params.profiel, "profiel_label": PROFIELEN[params.profiel].label, **t.to_dict(),
               "parameters": json.loads(params.to_json())}  # fmt: skip
    wr.bewaar_locatie_formulier(plek, t.geometrie, tt.gebied_naam(naam),
                                "kandidaat" if naam in kandidaat_ids else "getekend", figuren)  # fmt: skip


@st.cache_data(max_entries=16, show_spinner=False, hash_funcs=PARKEN_HASH)
def _kaartjes(params_json: str, keuze: tuple[tuple[str, Gebied | None], ...],
              eigen_parken: EigenParken | None = None) -> bytes:  # fmt: skip
    return tt.kaartjes_png([_toets(params_json, naam, gebied, eigen_parken) for naam, gebied in keuze])


@st.cache_data(max_entries=16, show_spinner=False, hash_funcs=PARKEN_HASH)
def _pdf(params_json: str, keuze: tuple[tuple[str, Gebied | None], ...], eigen_parken: EigenParken | None = None,
         opmerkingen: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> bytes:  # fmt: skip
    toetsen = [_toets(params_json, naam, gebied, eigen_parken) for naam, gebied in keuze]
    return tt.vergelijk_pdf(toetsen, Parameters.from_json(params_json).profiel, opmerkingen)


def toon(params: Parameters, kandidaat_ids: list[str], eigen_parken: EigenParken | None = None) -> None:
    """The card of the tested area, and the comparison; with `eigen_parken` the user's own parks are the existing
    parks, as in the run on the map."""
    sessie = st.session_state
    st.subheader("Toets een locatie")
    st.caption(UITLEG_TEKENEN)
    kolommen = st.columns([1, 1, 2])
    kolommen[0].number_input("Oppervlakte bij een punt (ha)", min_value=1, max_value=2000, step=5,
                             value=STANDAARD_HA[params.profiel], key=K_HA)  # fmt: skip
    if _gebieden() and kolommen[1].button("Getekende gebieden wissen", icon=":material/delete:"):
        sessie[GEBIEDEN] = []
        sessie.pop(K_TOETS, None)
        sessie.pop(K_VERGELIJK, None)
        st.rerun()
    opties = [f"T{i}" for i in range(1, len(_gebieden()) + 1)] + list(kandidaat_ids) + list(_bewaarde())
    if not opties:
        st.info("Teken een gebied op de kaart of kies een zoekgebied om het te toetsen.")
        return
    if sessie.get(K_TOETS) not in opties:
        if sessie.get(K_TOETS):
            st.text(f"Gebied '{str(sessie[K_TOETS])[:60]}' bestaat niet (meer) bij deze instellingen.")
        sessie[K_TOETS] = opties[0]
    labels = _labels(opties)
    naam = kolommen[2].selectbox("Te toetsen gebied", opties, key=K_TOETS, format_func=labels.__getitem__)
    try:
        t = _toets_van(params, naam, eigen_parken)
    except OngeldigeInvoer as fout:
        st.warning(str(fout), icon=":material/warning:")
        return
    for kolom, (label, waarde, hulp) in zip(st.columns(4), tt.kerncijfers(t), strict=True):
        kolom.metric(label, waarde, help=hulp)
    links, rechts = st.columns([3, 2])
    # st.table wraps long values ("207 ha; bandbreedte 150–300 ha") where a data grid would cut them
    links.table(tt.principes_tabel(t))
    rechts.table(tt.maten_tabel(t).iloc[: -len(t.principes)])
    st.caption(f"{VOETNOOT_PRINCIPES} Afstanden hemelsbreed vanaf de rand van het gebied. {tt.BRON}.")
    _bewaar_formulier("toets", params, naam, t, kandidaat_ids)

    st.subheader("Vergelijk locaties")
    if K_VERGELIJK in sessie:
        sessie[K_VERGELIJK] = [n for n in sessie[K_VERGELIJK] if n in opties]
    keuze = st.multiselect("Kies twee tot vier gebieden", opties, key=K_VERGELIJK, max_selections=4,
                           format_func=labels.__getitem__,
                           placeholder="Zoekgebieden, getekende of bewaarde gebieden")  # fmt: skip
    if len(keuze) < 2:
        st.caption("Kies minstens twee gebieden om ze naast elkaar te zetten.")
        return
    sleutel = (params.to_json(), tuple((_weergavenaam(n), _gebied_van(n)) for n in keuze), eigen_parken)
    try:
        toetsen = tuple(_toets_van(params, n, eigen_parken) for n in keuze)
    except OngeldigeInvoer as fout:
        st.warning(str(fout), icon=":material/warning:")
        return
    st.image(_kaartjes(*sleutel), caption="Ligging (RD New, noorden boven); kaartlagen: CBS/Kadaster, OSM, RVO.")
    st.table(tt.vergelijk_tabel(toetsen))
    a, b = st.columns(2)
    a.download_button("vergelijking.csv", tt.vergelijk_csv(toetsen), file_name="vergelijking.csv", mime="text/csv",
                      on_click="ignore", icon=":material/download:")  # fmt: skip
    b.download_button("vergelijking.pdf", _pdf(*sleutel, _opmerkingen(keuze)), file_name="vergelijking.pdf",
                      mime="application/pdf", on_click="ignore", icon=":material/download:")  # fmt: skip
    nieuw = [n for n in keuze if not n.startswith("W")]
    if nieuw:
        with st.expander("Een gebied uit de vergelijking bewaren"):
            gekozen = st.selectbox("Gebied", nieuw, format_func=labels.__getitem__, key="zg_bewaar_uit_vergelijking")
            _bewaar_formulier("vergelijking", params, gekozen, toetsen[keuze.index(gekozen)], kandidaat_ids)


def schrijf_link(params: Parameters | None) -> None:
    """Keep the link's Zoekgebieden parameters in step with what is on screen (other parameters untouched)."""
    if params is None:
        return
    sessie = st.session_state
    weergave = link.Weergave(
        params, tuple(_gebieden()), sessie.get(K_TOETS), tuple(sessie.get(K_VERGELIJK) or ()), sessie.get(KAARTBEELD)
    )
    rest = sum(len(k) + len(v) + 2 for k, v in st.query_params.to_dict().items() if k not in link.SLEUTELS)
    nieuw = link.codeer(weergave, basis_lengte=rest + 80)  # 80: scheme, host and page path
    for sleutel in link.SLEUTELS:
        if sleutel not in nieuw and sleutel in st.query_params:
            del st.query_params[sleutel]
        elif sleutel in nieuw and st.query_params.get(sleutel) != nieuw[sleutel]:
            st.query_params[sleutel] = nieuw[sleutel]
    st.caption(UITLEG_LINK)
