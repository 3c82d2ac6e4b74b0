"""The sections of the page Programmering: choose or start a variant, edit its rows, see its balance, compare two
variants, and take the Bijlage out of the room. Every value a user typed is shown as plain text (tables)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import shapely
import streamlit as st

from reb_maps import fmt, labels
from reb_maps.fouten import OngeldigeInvoer, VersieConflict, WerkruimteFout
from reb_maps.programmering import excel, varianten
from reb_maps.programmering import regels as rg
from reb_maps.programmering.balans import AANDEEL_PERIODE, Balans, balans, schaalsprong_extra_ha
from reb_maps.programmering.varianten import Variant
from reb_maps.weergave.charts.programmering import balans_grafiek
from reb_maps.weergave.documenten import programmering as bijlage
from reb_maps.werkruimte import Werkruimte
from ui import programmering_tabellen as tab
from ui import sessie_sleutels
from ui import werkruimte as wr
from ui.documenten import scenario_uit

KEUZE = sessie_sleutels.PROGRAMMERING_VARIANT
VERSIE = "prog_versie:{}"  # the version a user started editing from
EDITOR = "prog_editor:{}:{}"
CONFLICT = "prog_conflict"
SCHAALSPRONG = "prog_schaalsprong"
AANDEEL = "prog_aandeel"
START_RAPPORT, START_LEEG, START_EXCEL = "Uit het rapport (Tabel 10 en Bijlage IV)", "Leeg", "Uit een Excel-invulblad"


def _auteur():
    a = wr.auteur()
    if a is None:
        st.warning("Vul eerst in de zijbalk uw naam in (of log in).")
    return a


def _fout(exc: Exception) -> None:
    if isinstance(exc, WerkruimteFout) and not isinstance(exc, VersieConflict):
        wr.meld_fout(exc)
    st.error(f"Niet bewaard: {exc}", icon=":material/error:")


def nieuwe_variant(ruimte: Werkruimte, schrijven: bool, bestaande: list[Variant]) -> None:
    if not schrijven:
        return
    with st.expander("Nieuwe variant", expanded=not bestaande):
        naam = st.text_input("Naam", placeholder="Voorstel AO november 2026", max_chars=200, key="prog_nieuw_naam")
        bron = st.radio("Beginnen", [START_RAPPORT, START_LEEG, START_EXCEL], key="prog_nieuw_bron", horizontal=True)
        bestand = None
        if bron == START_EXCEL:
            st.download_button(
                "Leeg invulblad (Excel)",
                excel.sjabloon,
                file_name="invulblad-programmering.xlsx",
                on_click="ignore",
                icon=":material/download:",
            )
            bestand = st.file_uploader("Ingevuld invulblad (.xlsx, hoogstens 10 MB)", type=["xlsx"], key="prog_upload")
        if bron == START_RAPPORT:
            st.caption(
                "Per gemeente het harde aanbod per 1-1-2023 uit Tabel 10 en de plannen uit Bijlage IV met hun "
                f"status. Waar het rapport geen hectares noemt, blijft Netto ha leeg ('{rg.HA_ONBEKEND}')."
            )
        if not st.button("Variant maken", icon=":material/add:", key="prog_nieuw_knop"):
            return
        auteur = _auteur()
        if auteur is None:
            return
        try:
            if bron == START_EXCEL:
                if bestand is None:
                    st.warning("Kies eerst een ingevuld invulblad.")
                    return
                data = bestand.read(excel.MAX_BYTES + 1)
                ingelezen = excel.lees(data)
                if not ingelezen.geldig:
                    st.error(f"Niet ingelezen: {len(ingelezen.fouten)} problemen. Het hele bestand is geweigerd.")
                    st.table(tab.fouten_tabel(ingelezen.fouten).set_index("Rij"))
                    return
                regels = ingelezen.regels
            else:
                regels = rg.uit_rapport() if bron == START_RAPPORT else []
            v = varianten.nieuw(ruimte, naam, regels, auteur, bron)
        except excel.ImportGeweigerd as exc:
            st.error(f"Niet ingelezen: {exc}")
            return
        except (OngeldigeInvoer, WerkruimteFout) as exc:
            _fout(exc)
            return
        st.session_state[KEUZE] = v.id
        st.rerun()


def kies(bestaande: list[Variant]) -> Variant | None:
    if not bestaande:
        st.info("Nog geen variant. Maak er een: uit het rapport, leeg of uit een Excel-invulblad.")
        return None
    ids = [v.id for v in bestaande]
    if st.session_state.get(KEUZE) not in ids:
        st.session_state[KEUZE] = ids[0]
    per_id = {v.id: v for v in bestaande}
    gekozen = st.selectbox(
        "Variant",
        ids,
        key=KEUZE,
        format_func=lambda i: f"{per_id[i].naam} ({per_id[i].status})",
    )
    return per_id[gekozen]


def instellingen() -> tuple[float | None, float]:
    a, b = st.columns(2)
    met = a.toggle(
        "Schaalsprong meetellen bij grootschalig",
        key=SCHAALSPRONG,
        help="Telt de extra hectares van de schaalsprong (Bijlage III; met de aannames van de pagina "
        "Schaalsprong) op bij de regionale vraag naar grootschalige kavels.",
    )
    aandeel = b.slider(
        "Deel van de vraag tot 2040 dat in 2027–2030 valt (%)",
        0.0,
        100.0,
        value=round(AANDEEL_PERIODE * 100, 1),
        step=0.5,
        key=AANDEEL,
        help="Een aanname van het dashboard, niet van het rapport: standaard lineair, 4 van de 17 jaar "
        "2023–2040 (23,5%).",
    )
    extra = schaalsprong_extra_ha(scenario_uit(st.session_state)) if met else None
    return extra, aandeel / 100


def kop(ruimte: Werkruimte, v: Variant, b: Balans, schrijven: bool) -> None:
    st.text(
        f"Status: {v.status} · versie {v.versie} · laatst gewijzigd door {v.gewijzigd_door} · {len(v.regels)} regels"
    )
    if v.toelichting:
        st.caption(v.toelichting)
    k = st.columns(4)
    datum = dt.date.today().isoformat()
    bijlagen = (
        ("PDF", bijlage.bijlage_pdf, "pdf", "application/pdf", ":material/picture_as_pdf:"),
        ("Excel", bijlage.bijlage_xlsx, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         ":material/table:"),
    )  # fmt: skip
    for kolom, (soort, maak, ext, mime, icoon) in zip(k, bijlagen, strict=False):
        kolom.download_button(f"Bijlage ({soort})", lambda maak=maak: maak(v, b), on_click="ignore", mime=mime,
                              file_name=f"bijlage-programmering-{datum}.{ext}", icon=icoon)  # fmt: skip
    if not schrijven:
        return
    with k[2].popover("Kopie maken", icon=":material/content_copy:"):
        naam = st.text_input("Naam van de kopie", value=f"{v.naam} (kopie)", max_chars=200, key="prog_kopie_naam")
        if st.button("Kopie maken", key="prog_kopie_knop"):
            auteur = _auteur()
            if auteur:
                try:
                    st.session_state[KEUZE] = varianten.kopieer(ruimte, v, naam, auteur).id
                    st.rerun()
                except (OngeldigeInvoer, WerkruimteFout) as exc:
                    _fout(exc)
    if not v.vastgesteld:
        with k[3].popover("Vaststellen", icon=":material/verified:"):
            st.caption("Een vastgestelde variant kan niet meer worden gewijzigd (wel gekopieerd).")
            if st.button("Ja, vaststellen", key="prog_vaststellen"):
                auteur = _auteur()
                if auteur:
                    try:
                        varianten.stel_vast(ruimte, v, auteur)
                        st.rerun()
                    except (OngeldigeInvoer, WerkruimteFout) as exc:
                        _fout(exc)


def regels(ruimte: Werkruimte, v: Variant, schrijven: bool) -> None:
    sleutel = VERSIE.format(v.id)
    versie = st.session_state.setdefault(sleutel, v.versie)
    conflict = st.session_state.get(CONFLICT)
    if conflict and conflict["id"] == v.id:

        def herladen() -> None:
            st.session_state.pop(CONFLICT)
            st.session_state[sleutel] = v.versie

        def als_kopie() -> bool:
            auteur = _auteur()
            if auteur is None:
                return False
            try:
                nieuw = varianten.nieuw(
                    ruimte,
                    f"{v.naam} ({auteur.naam}, {dt.date.today():%d-%m})",
                    conflict["regels"],
                    auteur,
                    f"Kopie na een conflict met versie {v.versie}",
                )
            except (OngeldigeInvoer, WerkruimteFout) as exc:
                _fout(exc)
                return False
            st.session_state.pop(CONFLICT)
            st.session_state[KEUZE] = nieuw.id
            return True

        wr.toon_conflict(conflict["melding"], herladen, als_kopie, "prog_conflict")
        return
    alleen = v.vastgesteld or not schrijven
    kolommen = {
        "Gemeente": st.column_config.SelectboxColumn("Gemeente", options=list(rg.GEMEENTEN), required=True),
        "Naam": st.column_config.TextColumn("Naam", required=True, max_chars=200),
        "Segment": st.column_config.SelectboxColumn("Segment", options=list(rg.SEGMENTEN), required=True),
        "Netto ha": st.column_config.NumberColumn(
            "Netto ha", min_value=0.0, format="%.2f", help=f"Leeg = {rg.HA_ONBEKEND} (telt als 0 in de balans)"
        ),
        "Hard/zacht": st.column_config.SelectboxColumn("Hard/zacht", options=list(rg.HARDHEDEN), required=True),
        "Fase": st.column_config.SelectboxColumn("Fase", options=list(rg.FASEN), required=True),
        "Status": st.column_config.TextColumn("Status", max_chars=500),
        "Toelichting": st.column_config.TextColumn("Toelichting", max_chars=500),
        tab.LOCATIE: st.column_config.TextColumn(tab.LOCATIE, help="Een locatie uit het rapport of de werkruimte"),
    }
    bewerkt = st.data_editor(
        tab.regels_frame(v.regels),
        column_config=kolommen,
        num_rows="fixed" if alleen else "dynamic",
        disabled=alleen,
        hide_index=True,
        width="stretch",
        key=EDITOR.format(v.id, versie),
    )
    if alleen:
        if v.vastgesteld:
            st.caption("Deze variant is vastgesteld: alleen lezen. Maak een kopie om verder te werken.")
        return
    if versie != v.versie:
        st.caption(f"U bewerkt versie {versie}; in de werkruimte staat nu versie {v.versie}.")
    if not st.button("Wijzigingen bewaren", icon=":material/save:", key="prog_bewaar", type="primary"):
        return
    nieuw, fouten = tab.uit_frame(bewerkt)
    if fouten:
        st.error(f"Niet bewaard: {len(fouten)} problemen in de tabel.")
        st.table(tab.fouten_tabel(fouten).set_index("Rij"))
        return
    auteur = _auteur()
    if auteur is None:
        return
    basis = v if versie == v.versie else Variant(**{**v.__dict__, "versie": versie})
    wr.bewaar_nieuwe_versie(
        lambda: varianten.wijzig_regels(ruimte, basis, nieuw, auteur),
        conflict_sleutel=CONFLICT, conflict={"id": v.id, "regels": nieuw}, versie_sleutel=sleutel, gelukt="Bewaard.",
        bij_fout=_fout,
    )  # fmt: skip


def balans_sectie(v: Variant, b: Balans) -> None:
    links, rechts = st.columns([3, 2])
    links.plotly_chart(balans_grafiek(b), width="stretch", config={"displayModeBar": False})
    lichten = tuple((g.gemeente, g.stoplicht) for g in b.gemeenten)
    rechts.image(_lichtenkaart(lichten, b), caption="Stoplicht per gemeente in deze variant (CBS/Kadaster, CC BY 4.0)")
    st.table(tab.balans_tabel(b).set_index("Gemeente"))  # a real HTML table: readable by screen readers
    kaart = _locatiekaart(v.regels)
    if kaart:
        st.image(
            kaart,
            caption="Regels die aan een locatie gekoppeld zijn (kolom 'Locatie (id)'): kleur = segment, "
            "symbool = fase. Ligging: TOP10NL (Kadaster) of de werkruimte.",
        )
    gr = b.grootschalig
    k = st.columns(3)
    k[0].metric("Grootschalig aanbod tot 2040", fmt.met_eenheid(gr.aanbod_ha, "ha", 2))
    k[1].metric("Vraag grootschalig (REB)", fmt.bandbreedte(gr.vraag_min_ha, gr.vraag_max_ha))
    _badge(k[1], gr.stoplicht)
    if gr.schaalsprong_extra_ha is not None:
        k[2].metric(
            "Vraag met schaalsprong",
            fmt.bandbreedte(gr.vraag_min_ha + gr.schaalsprong_extra_ha, gr.vraag_max_ha + gr.schaalsprong_extra_ha),
            help=f"Plus {fmt.met_eenheid(gr.schaalsprong_extra_ha, 'ha', 2)} extra (Bijlage III)",
        )
        _badge(k[2], gr.stoplicht_met_schaalsprong)
    st.caption(
        "Aanbod: regels met fase 2027–2030 of 2031–2040, hard en zacht samen; regels zonder hectares tellen als 0. "
        "Vraag: REB Twente 2040, Tabel 10 (indicatief, tot 2040); grootschalig: regionale regel, kavels vanaf 3 ha; "
        "schaalsprong: Bijlage III. Het deel 2027–2030 is een aanname van het dashboard."
    )


@st.cache_data(max_entries=32, show_spinner=False)
def _lichtenkaart(lichten: tuple, _b: Balans) -> bytes:
    """The traffic-light map, drawn once per combination of lights (the key; `_b` is not hashed)."""
    return bijlage.kaart_png(_b, dpi=110)


def _locatiekaart(regels: tuple) -> bytes | None:
    bewaard = wr.locaties_per_code()  # stamp-cached: read again only after a change
    vormen = tuple(sorted((loc.id, loc.geometrie.wkb_hex) for loc in bewaard.values()
                          if any(r.locatie == loc.id for r in regels)))  # fmt: skip
    return _locatiekaart_png(regels, vormen)


@st.cache_data(max_entries=16, show_spinner=False)
def _locatiekaart_png(regels: tuple, vormen: tuple) -> bytes | None:
    eigen = {i: shapely.from_wkb(w) for i, w in vormen}
    return bijlage.locaties_png(SimpleNamespace(regels=regels), eigen)


def _badge(plek, code: str | None) -> None:
    s = labels.STOPLICHTEN.get(code)
    if s is not None:
        plek.badge(s.paneel.replace("aanbod", "grootschalig aanbod", 1), color=s.streamlit_kleur)


def vergelijk(bestaande: list[Variant], extra: float | None, aandeel: float) -> None:
    if len(bestaande) < 2:
        st.caption("Maak een tweede variant (bijvoorbeeld een kopie) om te vergelijken.")
        return
    per_id = {v.id: v for v in bestaande}
    ids = list(per_id)
    a, b = st.columns(2)
    ia = a.selectbox("Variant A", ids, index=0, format_func=lambda i: per_id[i].naam, key="prog_a")
    ib = b.selectbox("Variant B", ids, index=1, format_func=lambda i: per_id[i].naam, key="prog_b")
    va, vb = per_id[ia], per_id[ib]
    ba = balans(va.regels, schaalsprong_extra_ha=extra, aandeel_periode=aandeel)
    bb = balans(vb.regels, schaalsprong_extra_ha=extra, aandeel_periode=aandeel)
    st.table(tab.vergelijk_tabel(ba, bb).set_index("Gemeente"))
    wijzigingen = tab.gewijzigde_regels(va.regels, vb.regels)
    st.markdown(f"**Gewijzigde regels** ({len(wijzigingen)})")
    if wijzigingen.empty:
        st.caption("Geen verschillen in de regels.")
    else:
        st.table(wijzigingen.style.hide(axis="index").set_properties(**{"background-color": "#fff3cd"}))
