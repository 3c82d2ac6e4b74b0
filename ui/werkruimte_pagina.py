"""The sections of the page Werkruimte: locations with their comments, history and restore; views; kept layers;
the whole history; GeoPackage out and in. User text (names, notes, comments) is always shown as plain text.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from reb_maps.fouten import OngeldigeInvoer, VersieConflict, WerkruimteFout
from reb_maps.werkruimte import Locatie, Werkruimte, gpkg
from ui import werkruimte as wr
from ui import werkruimte_tabellen as tab
from ui.eigen_data import platte_tekst

KEUZE_KEY = "wr_locatie"
VERSIE_KEY = "wr_versie:{}"  # the version the user started editing from (optimistic locking)
FILTER_GEMEENTE, FILTER_AUTEUR, FILTER_ZOEK, FILTER_VERWIJDERD = "wr_f_gem", "wr_f_aut", "wr_f_zoek", "wr_f_weg"
ALLE = "(alle)"
MAX_IMPORT_MB = 200


def _actie(stap, gelukt: str | None = None) -> bool:
    """Run one write; a refusal becomes one Dutch message (a version conflict is handled by the caller)."""
    try:
        stap()
    except VersieConflict:
        raise
    except (OngeldigeInvoer, WerkruimteFout) as exc:
        _meld(exc)
        return False
    if gelukt:
        st.toast(gelukt, icon=":material/check:")
    return True


def _meld(exc: Exception) -> None:
    if isinstance(exc, WerkruimteFout):
        wr.meld_fout(exc)
        st.error(f"Niet bewaard: {exc}", icon=":material/error:")
    else:
        st.warning(f"Niet bewaard: {exc}.", icon=":material/warning:")


# ---------- locations ----------


def locaties(ruimte: Werkruimte, schrijven: bool) -> None:
    alle = ruimte.locaties(verwijderd=st.session_state.get(FILTER_VERWIJDERD, False))
    a, b, c, d = st.columns([2, 2, 3, 2])
    gemeenten = sorted({g for loc in alle for g in loc.gemeenten})
    auteurs = sorted({loc.auteur for loc in alle})
    gemeente = a.selectbox("Gemeente", [ALLE, *gemeenten], key=FILTER_GEMEENTE)
    auteur = b.selectbox("Auteur", [ALLE, *auteurs], key=FILTER_AUTEUR)
    zoek = c.text_input("Zoek in naam of notitie", key=FILTER_ZOEK, max_chars=100)
    d.toggle("Ook verwijderde", key=FILTER_VERWIJDERD)
    getoond = tab.filter_locaties(
        alle, None if gemeente == ALLE else gemeente, None if auteur == ALLE else auteur, zoek
    )
    if not alle:
        st.info(
            "Nog geen bewaarde locaties. Bewaar er een vanaf de toets op de pagina Zoekgebieden "
            "(knop 'Bewaar locatie') of vanaf de Kaart."
        )
        return
    st.caption(f"{len(getoond)} van {len(alle)} locaties.")
    st.dataframe(tab.locaties_tabel(getoond), hide_index=True, width="stretch")
    if not getoond:
        return
    ids = [loc.id for loc in getoond]
    if st.session_state.get(KEUZE_KEY) not in ids:
        st.session_state[KEUZE_KEY] = ids[0]
    per_id = {loc.id: loc for loc in getoond}
    gekozen = st.selectbox(
        "Locatie bekijken of bewerken", ids, key=KEUZE_KEY, format_func=lambda i: tab.locatie_label(per_id[i])
    )
    locatie_detail(ruimte, per_id[gekozen], schrijven)


def locatie_detail(ruimte: Werkruimte, loc: Locatie, schrijven: bool) -> None:
    st.subheader(platte_tekst(loc.naam))
    kol = st.columns(4)
    kol[0].metric("Oppervlakte", tab.ha(loc.oppervlakte_ha))
    kol[1].metric("Versie", loc.versie)
    kol[2].metric("Opmerkingen", loc.opmerkingen)
    kol[3].metric("Herkomst", tab.HERKOMSTEN.get(loc.herkomst, loc.herkomst))
    st.text(f"Gemeente(n): {', '.join(loc.gemeenten) or 'buiten Twente'}")
    st.text(
        f"Bewaard door {tab.auteur(loc.auteur, loc.geverifieerd)} op {tab.tijd(loc.aangemaakt)}; "
        f"laatst gewijzigd door {loc.gewijzigd_door} op {tab.tijd(loc.gewijzigd)}."
    )
    if loc.notitie:
        st.caption("Notitie")
        st.text(loc.notitie)
    if loc.toets:
        with st.expander("Toets zoals bewaard"):
            st.dataframe(tab.toets_tabel(loc.toets), hide_index=True, width="stretch")
            st.caption(
                "De cijfers van de toets op het moment van bewaren: een latere wijziging van gewichten of "
                "drempels verandert ze niet. Indicatief, geen beleid."
            )
    _opmerkingen(ruimte, loc, schrijven)
    if schrijven:
        _bewerken(ruimte, loc)
    _item_geschiedenis(ruimte, "locatie", loc.id, loc.versie, schrijven, loc.verwijderd)


def _opmerkingen(ruimte: Werkruimte, loc: Locatie, schrijven: bool) -> None:
    st.markdown("**Opmerkingen**")
    lijst = ruimte.opmerkingen(loc.id)
    if not lijst:
        st.caption("Nog geen opmerkingen.")
    for o in lijst:  # the decision log: who and when, then the text as typed (plain text)
        st.caption(f"{tab.tijd(o.aangemaakt)} — {tab.auteur(o.auteur, o.geverifieerd)}")
        st.text(o.tekst)
    if not schrijven or loc.verwijderd:
        return
    with st.form(f"opmerking:{loc.id}", clear_on_submit=True):
        st.text_area(
            "Nieuwe opmerking",
            max_chars=2000,
            height=80,
            placeholder="Bijvoorbeeld: Borne wil dit alleen samen met Hengelo.",
            key=f"opmerking_tekst:{loc.id}",
        )
        # Saved in the button's callback, first thing in the click's run (as 'Bewaar locatie', ui.werkruimte): a
        # newer run that replaced the click's run before this form was reached lost the comment without a word.
        st.form_submit_button("Opmerking plaatsen", icon=":material/add_comment:", on_click=_plaats_opmerking,
                              args=(loc.id,))  # fmt: skip
    uitkomst = st.session_state.pop(f"opmerking_uitkomst:{loc.id}", None)  # once, after the run that saved
    if uitkomst == "geplaatst":
        st.toast("Opmerking geplaatst.", icon=":material/check:")
    elif uitkomst is not None:
        _meld(uitkomst)


def _plaats_opmerking(locatie_id: str) -> None:
    """'Opmerking plaatsen': save the form's text; what went wrong is kept for the form to say."""
    tekst = st.session_state.get(f"opmerking_tekst:{locatie_id}", "")
    auteur = wr.auteur()
    if auteur is None:
        uitkomst = OngeldigeInvoer("vul eerst in de zijbalk uw naam in (of log in)")
    else:
        try:
            wr.schrijfbare_ruimte().opmerking_toevoegen(locatie_id, tekst, auteur)
            uitkomst = "geplaatst"
        except (OngeldigeInvoer, WerkruimteFout) as exc:
            uitkomst = exc
    st.session_state[f"opmerking_uitkomst:{locatie_id}"] = uitkomst


def _bewerken(ruimte: Werkruimte, loc: Locatie) -> None:
    sleutel = VERSIE_KEY.format(loc.id)
    versie = st.session_state.setdefault(sleutel, loc.versie)  # what this user started from
    conflict = st.session_state.get(wr.CONFLICT_KEY)
    if conflict and conflict["id"] == loc.id:
        _conflict(ruimte, loc, conflict)
        return
    if loc.verwijderd:
        return
    with st.expander("Naam of notitie wijzigen", expanded=False), st.form(f"bewerk:{loc.id}:{versie}"):
        naam = st.text_input("Naam", value=loc.naam, max_chars=200)
        notitie = st.text_area("Notitie", value=loc.notitie or "", max_chars=2000, height=80)
        if versie != loc.versie:
            st.caption(f"U bewerkt versie {versie}; in de werkruimte staat nu versie {loc.versie}.")
        bewaren = st.form_submit_button("Wijziging bewaren", icon=":material/save:")
    if not bewaren:
        return
    auteur = wr.auteur()
    if auteur is None:
        st.warning("Vul eerst in de zijbalk uw naam in (of log in).")
        return
    wr.bewaar_nieuwe_versie(
        lambda: ruimte.wijzig_locatie(loc.id, versie, auteur, naam=naam, notitie=notitie),
        conflict_sleutel=wr.CONFLICT_KEY, conflict={"id": loc.id, "naam": naam, "notitie": notitie},
        versie_sleutel=sleutel, gelukt="Wijziging bewaard.", bij_fout=_meld,
    )  # fmt: skip


def _conflict(ruimte: Werkruimte, loc: Locatie, conflict: dict) -> None:
    st.text(f"Uw versie — naam: {conflict['naam']}; notitie: {conflict['notitie'] or '(leeg)'}")

    def herladen() -> None:
        st.session_state.pop(wr.CONFLICT_KEY, None)
        st.session_state[VERSIE_KEY.format(loc.id)] = loc.versie

    def als_kopie() -> bool:
        auteur = wr.auteur()
        if auteur is None:
            st.warning("Vul eerst in de zijbalk uw naam in (of log in).")
            return False

        def kopie():
            nieuw = ruimte.bewaar_locatie(
                f"{conflict['naam']} (kopie)"[:200],
                loc.geometrie,
                auteur,
                herkomst=loc.herkomst,
                notitie=conflict["notitie"] or None,
                toets=loc.toets,
            )
            st.session_state[KEUZE_KEY] = nieuw.id

        if not _actie(kopie, "Uw versie is als kopie bewaard."):
            return False
        herladen()
        return True

    wr.toon_conflict(conflict["melding"], herladen, als_kopie, "conflict")


def _item_geschiedenis(
    ruimte: Werkruimte, soort: str, item_id: str, versie: int, schrijven: bool, verwijderd: bool
) -> None:
    wijzigingen = ruimte.geschiedenis(item_id=item_id)
    with st.expander(f"Geschiedenis ({len(wijzigingen)} wijzigingen)"):
        st.dataframe(tab.geschiedenis_tabel(wijzigingen), hide_index=True, width="stretch")
        if not schrijven:
            return
        eerdere = sorted({w.versie for w in wijzigingen if w.versie < versie and w.na}, reverse=True)
        a, b = st.columns([3, 2])
        if eerdere:
            terug = a.selectbox("Eerdere versie", eerdere, key=f"terug:{item_id}", format_func=lambda v: f"versie {v}")
            if a.button("Zet deze versie terug", key=f"terugknop:{item_id}", icon=":material/history:"):
                auteur = wr.auteur()
                if auteur is None:
                    st.warning("Vul eerst in de zijbalk uw naam in (of log in).")
                elif _actie_conflict(
                    lambda: ruimte.zet_terug(soort, item_id, terug, versie, auteur),
                    f"Versie {terug} is teruggezet (als nieuwe versie).",
                ):
                    st.session_state.pop(VERSIE_KEY.format(item_id), None)
                    st.rerun()
        label, icoon = (
            ("Herstellen", ":material/restore_from_trash:") if verwijderd else ("Verwijderen", ":material/delete:")
        )
        if b.button(
            label,
            key=f"weg:{item_id}",
            icon=icoon,
            help="Verwijderen markeert het item; het blijft in de geschiedenis en kan worden hersteld.",
        ):
            auteur = wr.auteur()
            actie = ruimte.herstel if verwijderd else ruimte.verwijder
            if auteur is None:
                st.warning("Vul eerst in de zijbalk uw naam in (of log in).")
            elif _actie_conflict(lambda: actie(soort, item_id, versie, auteur), f"{label}: gedaan."):
                st.session_state.pop(VERSIE_KEY.format(item_id), None)
                st.rerun()


def _actie_conflict(stap, gelukt: str) -> bool:
    try:
        return _actie(stap, gelukt)
    except VersieConflict as exc:
        st.error(f"{exc} Herlaad de pagina om de nieuwe versie te zien.", icon=":material/sync_problem:")
        return False


def _verwijder_knop(kolom, ruimte: Werkruimte, soort: str, item) -> None:
    """A 'Verwijder' button for a saved view or layer; it asks for a name first and says when someone was earlier."""
    if not kolom.button("Verwijder", key=f"{soort}_weg:{item.id}"):
        return
    auteur = wr.auteur()
    if auteur is None:
        st.warning("Vul eerst in de zijbalk uw naam in (of log in).")
    elif _actie_conflict(lambda: ruimte.verwijder(soort, item.id, item.versie, auteur), "Verwijderd."):
        st.rerun()


# ---------- views, layers, history, exchange ----------


def weergaven(ruimte: Werkruimte, schrijven: bool) -> None:
    lijst = ruimte.weergaven()
    if not lijst:
        st.info("Nog geen bewaarde weergaven. Bewaar de weergave van een pagina in de zijbalk: 'Bewaar deze weergave'.")
        return
    st.dataframe(tab.weergaven_tabel(lijst), hide_index=True, width="stretch")
    for w in lijst:
        a, b, c = st.columns([5, 2, 1])
        a.text(f"{w.titel} — {w.pagina}")
        b.link_button("Openen", f"./{w.pagina}?{w.link}" if w.link else f"./{w.pagina}", icon=":material/open_in_new:")
        if schrijven:
            _verwijder_knop(c, ruimte, "weergave", w)


def bewaar_weergave(pagina: str, parameters: dict[str, str]) -> None:
    """Sidebar: keep this page with its link state under a title (e.g. 'AO 12 december: drie kandidaten')."""
    r = wr.ruimte()
    if r is None or r.alleen_lezen:
        return
    # Lazy: on every page of every session, so its form is built and sent only while the expander is open
    vak = st.expander("Bewaar deze weergave", on_change="rerun")
    if not vak.open:
        return
    with vak:
        with st.form("bewaar_weergave", clear_on_submit=True, border=False):
            titel = st.text_input("Titel", max_chars=200, placeholder="AO 12 december: drie kandidaten")
            verzonden = st.form_submit_button("Bewaar weergave", icon=":material/bookmark_add:")
        if verzonden:
            auteur = wr.auteur()
            if auteur is None:
                st.warning("Vul eerst hierboven uw naam in (of log in).")
                return
            _actie(lambda: r.bewaar_weergave(titel, pagina, urlencode(parameters), auteur), "Weergave bewaard.")


def lagen(ruimte: Werkruimte, schrijven: bool) -> None:
    lijst = ruimte.lagen()
    if not lijst:
        st.info(
            "Nog geen bewaarde lagen. Een eigen laag blijft alleen in uw sessie, tenzij u haar op de pagina "
            "Kaart of Eigen data met 'Bewaar in werkruimte' voor collega's bewaart."
        )
        return
    st.dataframe(tab.lagen_tabel(lijst), hide_index=True, width="stretch")
    from ui import eigen_data, eigen_upload  # the session's own layers: shown on the Kaart and Eigen data

    for laag in lijst:
        a, b, c = st.columns([5, 2, 1])
        a.text(f"{laag.naam} ({laag.bestandsnaam})")
        if b.button("Toon op de kaart", key=f"laag_toon:{laag.id}", icon=":material/map:"):
            data = ruimte.laag_data(laag.id).to_json(drop_id=True, to_wgs84=True).encode()
            _, fout, _ = eigen_data.lees_veilig(eigen_upload.sessie_lagen(), data, f"{laag.naam}.geojson")
            if fout:
                st.error(eigen_data.platte_tekst(fout))
            else:
                st.switch_page("app_pages/kaart.py")
        if schrijven:
            _verwijder_knop(c, ruimte, "laag", laag)


def geschiedenis(ruimte: Werkruimte) -> None:
    wijzigingen = ruimte.geschiedenis(limiet=500)
    namen = {loc.id: loc.naam for loc in ruimte.locaties(verwijderd=True)}
    st.caption("Elke wijziging, nieuwste eerst (hoogstens 500). Niets wordt gewist: verwijderen markeert.")
    st.dataframe(tab.geschiedenis_tabel(wijzigingen, namen), hide_index=True, width="stretch")


def uitwisselen(ruimte: Werkruimte, schrijven: bool) -> None:
    st.markdown(
        "**Naar QGIS: de hele werkruimte als één GeoPackage** (EPSG:28992; lagen `locaties`, "
        "`opmerkingen`, `weergaven`, `eigen_lagen`, `geschiedenis` en één laag per bewaarde laag)."
    )
    if st.button("GeoPackage maken", icon=":material/package_2:"):
        with st.spinner("GeoPackage schrijven…"), tempfile.TemporaryDirectory() as map_:
            pad = Path(map_) / "werkruimte.gpkg"
            try:
                gpkg.exporteer(ruimte, pad)
                st.session_state["wr_gpkg"] = pad.read_bytes()
            except (OngeldigeInvoer, WerkruimteFout) as exc:
                st.error(f"Niet gelukt: {exc}")
    if st.session_state.get("wr_gpkg"):
        st.download_button(
            "werkruimte.gpkg",
            st.session_state["wr_gpkg"],
            file_name="werkruimte.gpkg",
            mime="application/geopackage+sqlite3",
            on_click="ignore",
            icon=":material/download:",
        )
    if not schrijven:
        return
    st.markdown(
        "**Uit een andere werkruimte**: items met een id die hier nog niet bestaat, worden toegevoegd; "
        "een item dat hier anders is, wordt als conflict gemeld en niet overschreven."
    )
    bestand = st.file_uploader("GeoPackage (.gpkg)", type=["gpkg"], key="wr_import")
    if bestand is None or not st.button("Samenvoegen", icon=":material/merge:"):
        return
    if bestand.size > MAX_IMPORT_MB * 1_000_000:
        st.error(f"Het bestand is groter dan {MAX_IMPORT_MB} MB.")
        return
    auteur = wr.auteur()
    if auteur is None:
        st.warning("Vul eerst in de zijbalk uw naam in (of log in).")
        return
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "import.gpkg"
        data = bestand.read(MAX_IMPORT_MB * 1_000_000 + 1)
        if len(data) > MAX_IMPORT_MB * 1_000_000:
            st.error(f"Het bestand is groter dan {MAX_IMPORT_MB} MB.")
            return
        pad.write_bytes(data)
        try:
            verslag = gpkg.importeer(ruimte, pad, auteur)
        except (OngeldigeInvoer, WerkruimteFout) as exc:
            st.error(f"Niet ingelezen: {exc}")
            return
    st.success(
        f"Toegevoegd: {sum(verslag.toegevoegd.values())}; al aanwezig: {sum(verslag.ongewijzigd.values())}; "
        f"conflicten (niet overschreven): {len(verslag.conflicten)}."
    )
    for c in verslag.conflicten:
        st.text(
            f"Conflict: {c['soort']} '{c['naam']}' — hier versie {c['versie_hier']} ({c['gewijzigd_door_hier']}), "
            f"in het bestand versie {c['versie_bestand']} ({c['gewijzigd_door_bestand']})"
        )
