"""Streamlit glue for the workspace: one store per process, who writes, the banner, and the "Bewaar" widgets.

Reading needs nothing. Writing records a name: with Streamlit's OIDC login (`[auth]` in .streamlit/secrets.toml)
the logged-in user's name and e-mail; without it, a name typed once per session, saved as "niet geverifieerd".
`[werkruimte] schrijven = "iedereen" | "ingelogd"` in the same file decides whether writing needs the login
(default "ingelogd" when `[auth]` is configured). Every name, note and comment is shown as plain text.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import threading
import time
from collections.abc import Mapping
from typing import Any

import folium
import numpy as np
import pyproj
import shapely
import shapely.errors
import shapely.geometry
import streamlit as st

from reb_maps.crs import RD, WGS84
from reb_maps.eigen_data.meldingen import MAX_UPLOAD_MB
from reb_maps.fouten import AlleenLezen, OngeldigeInvoer, VersieConflict, WerkruimteFout
from reb_maps.weergave import kaart
from reb_maps.weergave.documenten.briefing import BewaardeLocatie
from reb_maps.weergave.kaart import BewaardeLocaties
from reb_maps.werkruimte import Auteur, Locatie, Werkruimte
from ui import sessie_sleutels
from ui import werkruimte_tabellen as tab

log = logging.getLogger(__name__)

NAAM_KEY = sessie_sleutels.AUTEUR_NAAM
NAAM_WIDGET = "werkruimte_naam_invoer"
# "in" / "uit" once the login or logout button was clicked: every run of this session then asks the browser to go
# to the provider (or log out), until it leaves the page. Asked only in the click's own run, the request was lost
# when a newer run (a map above reporting its view) started before the browser had received it.
AANMELDEN_KEY = "werkruimte_aanmelden"
CONFLICT_KEY = "werkruimte_conflict"  # (kind, id, what the user tried to save) after a refused save
OPNIEUW_NA_S = 30  # an unreachable database is tried again after this many seconds
SCHRIJVEN_OMGEVING = "REB_WERKRUIMTE_SCHRIJVEN"

_slot = threading.Lock()
_stand: dict[str, Any] = {"ruimte": None, "fout": None, "sinds": 0.0}


# ---------- the store, once per process ----------


def ruimte() -> Werkruimte | None:
    """The process's workspace, opened (and migrated) on first use; None while it cannot be opened."""
    with _slot:
        if _stand["ruimte"] is not None:
            return _stand["ruimte"]
        if _stand["fout"] is not None and time.monotonic() - _stand["sinds"] < OPNIEUW_NA_S:
            return None
        try:
            _stand["ruimte"] = Werkruimte.open()
            _stand["fout"] = None
        except WerkruimteFout as exc:
            log.warning("werkruimte niet bereikbaar: %s", exc, exc_info=exc.__cause__ is not None)
            _stand.update(fout=str(exc), sinds=time.monotonic())
        return _stand["ruimte"]


def vergeet() -> None:
    """Close and forget the process's store (tests that switch REB_WERKRUIMTE; a retry after a fault)."""
    with _slot:
        if _stand["ruimte"] is not None:
            _stand["ruimte"].sluit()
        _stand.update(ruimte=None, fout=None, sinds=0.0)
    _kaartlaag.cache_clear()
    _per_code.cache_clear()


def schrijfbare_ruimte() -> Werkruimte:
    """The workspace for a button's save; WerkruimteFout (a Dutch reason) when it went away since the page showed
    the button."""
    r = ruimte()
    if r is None:
        raise WerkruimteFout(f"de werkruimte is niet bereikbaar ({_zonder_punt(_stand['fout'] or 'onbekend')})")
    return r


def meld_fout(exc: WerkruimteFout) -> None:
    """A write or read failed after opening (database stopped, file made read-only): remember it for the banner."""
    if not isinstance(exc, VersieConflict):
        with _slot:
            _stand.update(fout=str(exc), sinds=time.monotonic())
            if not isinstance(exc, AlleenLezen):
                _stand["ruimte"] = None  # reopen later


def banner() -> bool:
    """One Dutch banner when the workspace is unreachable or read-only; True when it can be written."""
    r = ruimte()
    reden = _stand["fout"]
    if r is None:
        st.warning(
            f"De werkruimte is niet bereikbaar: {_zonder_punt(reden)}. Alles behalve bewaren werkt gewoon.",
            icon=":material/cloud_off:",
        )
        return False
    if r.alleen_lezen or reden:
        st.info(
            f"De werkruimte is alleen te lezen: {_zonder_punt(reden or r.reden_alleen_lezen)}.", icon=":material/lock:"
        )
        return False
    return True


def _zonder_punt(tekst: str | None) -> str:
    return (tekst or "onbekende oorzaak").rstrip(".")


# ---------- the saved locations as a map layer ----------


def kaartlaag() -> BewaardeLocaties | None:
    """The saved locations for the Kaart (None when the workspace cannot be read); rebuilt only after a change."""
    r = ruimte()
    if r is None:
        return None
    try:
        return _kaartlaag(r.naam, r.stempel())
    except WerkruimteFout as exc:
        meld_fout(exc)
        return None


@functools.lru_cache(maxsize=4)
def _kaartlaag(_naam: str, stempel: str) -> BewaardeLocaties:
    r = ruimte()
    locaties = r.locaties()
    per_locatie: dict[str, list] = {}
    for opmerking in r.opmerkingen():
        per_locatie.setdefault(opmerking.locatie_id, []).append(opmerking)
    return kaart.bewaarde_locaties(stempel, locaties, per_locatie)


def locaties_per_code() -> dict[str, Locatie]:
    """Saved locations by their short code (W + 8 hex of the id), read again only after a change (the stamp)."""
    r = ruimte()
    if r is None:
        return {}
    try:
        return _per_code(r.naam, r.stempel())
    except WerkruimteFout as exc:
        meld_fout(exc)
        return {}


@functools.lru_cache(maxsize=4)
def _per_code(_naam: str, _stempel: str) -> dict[str, Locatie]:
    return {f"W{loc.id.replace('-', '')[:8]}": loc for loc in ruimte().locaties()}


# ---------- who writes ----------


def _instellingen() -> Mapping[str, Any]:
    try:
        return st.secrets
    except Exception:  # no secrets.toml: Streamlit raises on access
        return {}


def login_geconfigureerd() -> bool:
    try:
        return "auth" in _instellingen()
    except Exception:
        return False


def schrijven_vereist_login() -> bool:
    try:
        instelling = dict(_instellingen().get("werkruimte", {})).get("schrijven")
    except Exception:
        instelling = None
    instelling = (
        instelling or os.environ.get(SCHRIJVEN_OMGEVING) or ("ingelogd" if login_geconfigureerd() else "iedereen")
    )
    return instelling == "ingelogd"


def ingelogd() -> bool:
    try:
        return bool(st.user.is_logged_in)
    except Exception:
        return False


def auteur() -> Auteur | None:
    """Who writes now, or None (no name yet, or a login is needed)."""
    if login_geconfigureerd() and ingelogd():
        naam = st.user.get("name") or st.user.get("email") or "onbekend"
        return Auteur(str(naam)[:100], email=str(st.user.get("email") or "")[:200] or None, geverifieerd=True)
    if schrijven_vereist_login():
        return None
    naam = st.session_state.get(NAAM_KEY, "")
    try:
        return Auteur(naam) if naam.strip() else None
    except OngeldigeInvoer:
        return None


def _vraag(richting: str) -> None:
    st.session_state[AANMELDEN_KEY] = richting


def zijbalk() -> None:
    """Who writes, once per page in the sidebar: the login (or logout) button, or the name field."""
    r = ruimte()
    if r is None or r.alleen_lezen:
        return
    if login_geconfigureerd():
        gevraagd = st.session_state.get(AANMELDEN_KEY)
        if gevraagd == "uit":
            st.logout()
        elif gevraagd == "in" and not ingelogd():
            st.login()
        if ingelogd():
            a = auteur()
            st.caption("U bewaart als:")
            st.text(f"{a.naam} ({a.email or 'geen e-mail'})")  # the provider's text: plain
            st.button("Uitloggen", key="werkruimte_uitloggen", icon=":material/logout:", on_click=_vraag, args=("uit",))
            return
        if schrijven_vereist_login():
            st.caption("Lezen kan zonder inloggen; om in de werkruimte te bewaren logt u in.")
            st.button("Inloggen", key="werkruimte_inloggen", icon=":material/login:", on_click=_vraag, args=("in",))
            return
    st.session_state[NAAM_WIDGET] = st.session_state.get(NAAM_KEY, "")
    st.text_input(
        "Uw naam (om te bewaren)",
        key=NAAM_WIDGET,
        max_chars=100,
        on_change=_naam_over,
        help="Wordt vermeld bij alles wat u in de werkruimte bewaart, als 'niet geverifieerd' (er is geen inlog).",
    )


def _naam_over() -> None:
    # The widget's own state is dropped on a page without the sidebar (Presentatie); this key stays.
    st.session_state[NAAM_KEY] = st.session_state.get(NAAM_WIDGET, "")


def schrijver() -> Auteur | None:
    """Inside a form: who will be recorded, or what to do first."""
    a = auteur()
    if a is None:
        if login_geconfigureerd() and schrijven_vereist_login():
            st.caption("Log in via de zijbalk om te bewaren.")
        else:
            st.caption("Vul in de zijbalk uw naam in om te bewaren.")
    else:
        st.caption(f"U bewaart als: {a.weergave}")
    return a


# ---------- saving a location from a page ----------


ZELFDE_VORM_M = 1.0  # a shape within a metre of a saved one is that one (a trip through the map moves centimetres)


def bewaarde_met_vorm(geometrie) -> Locatie | None:
    """The most recently changed saved location with this shape (EPSG:28992, within `ZELFDE_VORM_M`), if any."""
    zelfde = (
        loc
        for loc in locaties_per_code().values()  # newest change first
        if loc.geometrie is not None and loc.geometrie.geom_type == geometrie.geom_type
        and shapely.hausdorff_distance(loc.geometrie, geometrie) <= ZELFDE_VORM_M
    )
    return next(zelfde, None)


def bewaar_locatie_formulier(
    plek: str,
    geometrie,
    voorstel: str,
    herkomst: str,
    toets: Mapping[str, Any] | None = None,
) -> None:
    """'Bewaar locatie': name, optional note, save.

    The save happens in the button's callback, which Streamlit runs first thing in the run the click starts. Done
    in the page body instead, it was lost now and then: a map above the form that reports a new view starts a
    newer run, which replaces the click's run before it reaches the form, and nothing was saved or said.

    'Bewaard' is also read from the workspace: the form says so for as long as a saved location has this shape,
    also after a reconnect that starts a fresh session, or for a colleague's save, so nobody saves twice to be
    sure. This session's own outcome (saved, or a refusal: no name yet, an invalid shape) shows while the shape is
    the same."""
    if not banner():
        return
    uitkomst_sleutel = f"bewaar_uitkomst:{plek}"
    vorm = hashlib.sha1(shapely.to_wkb(geometrie)).hexdigest()
    with st.form(f"bewaar_locatie:{plek}", clear_on_submit=False, border=True):
        st.markdown("**Bewaar in de werkruimte**")
        schrijver()
        st.text_input("Naam van de locatie", value=voorstel, max_chars=200, key=f"bewaar_naam:{plek}")
        st.text_area("Notitie (optioneel)", max_chars=2000, key=f"bewaar_notitie:{plek}", height=80)
        st.form_submit_button("Bewaar locatie", icon=":material/save:", on_click=_bewaar_bij_klik,
                              args=(plek, geometrie, herkomst, toets, vorm))  # fmt: skip
    uitkomst = st.session_state.get(uitkomst_sleutel)
    if uitkomst is not None and uitkomst["vorm"] != vorm:  # another shape now: that outcome is not this one's
        st.session_state.pop(uitkomst_sleutel, None)
        uitkomst = None
    if uitkomst is not None and uitkomst["soort"] != "bewaard":
        melding = st.warning if uitkomst["soort"] == "waarschuwing" else st.error
        melding(uitkomst["tekst"], icon=":material/warning:" if melding is st.warning else ":material/error:")
    loc = bewaarde_met_vorm(geometrie)
    eigen = uitkomst["tekst"] if uitkomst is not None and uitkomst["soort"] == "bewaard" else None
    regel = _bewaard_regel(loc) if loc is not None else eigen
    if regel is not None:  # the workspace says so; this session's own save says so at once as well
        st.success("Bewaard in de werkruimte.", icon=":material/check:")
        st.text(regel)  # the name as typed: plain text
        st.page_link("app_pages/werkruimte.py", label="Naar de werkruimte", icon=":material/folder_shared:")


def _bewaard_regel(loc: Locatie) -> str:
    gemeenten = ", ".join(loc.gemeenten) or "buiten Twente"
    return f"{loc.naam} — {gemeenten}; door {tab.auteur(loc.auteur, loc.geverifieerd)}, {tab.tijd(loc.aangemaakt)}"


def _bewaar_bij_klik(plek: str, geometrie, herkomst: str, toets: Mapping[str, Any] | None, vorm: str) -> None:
    """The 'Bewaar locatie' callback: save with the form's name and note, keep the outcome for the form to show."""
    naam = st.session_state.get(f"bewaar_naam:{plek}", "")
    notitie = st.session_state.get(f"bewaar_notitie:{plek}", "")
    uitkomst = _bewaar_locatie(naam, notitie, geometrie, herkomst, toets)
    st.session_state[f"bewaar_uitkomst:{plek}"] = {**uitkomst, "vorm": vorm}


def _bewaar_locatie(naam: str, notitie: str, geometrie, herkomst: str, toets) -> dict[str, str]:
    """Save; the outcome in Dutch ('bewaard', or a refusal)."""
    a = auteur()
    if a is None:
        return {
            "soort": "waarschuwing",
            "tekst": "Vul eerst in de zijbalk uw naam in (of log in) en klik dan opnieuw op 'Bewaar locatie'.",
        }
    try:
        loc = schrijfbare_ruimte().bewaar_locatie(naam, geometrie, a, herkomst=herkomst, notitie=notitie or None,
                                                  toets=toets)  # fmt: skip
    except OngeldigeInvoer as exc:
        return {"soort": "waarschuwing", "tekst": f"Niet bewaard: {exc}."}
    except WerkruimteFout as exc:
        meld_fout(exc)
        return {"soort": "fout", "tekst": f"Niet bewaard: {exc}"}
    log.info("Locatie '%s' bewaard door %s (%s)", loc.naam, loc.auteur, herkomst)
    return {"soort": "bewaard", "tekst": _bewaard_regel(loc)}


def bewaar_nieuwe_versie(stap, *, conflict_sleutel: str, conflict: dict, versie_sleutel: str, gelukt: str,
                         bij_fout) -> None:  # fmt: skip
    """Save an edit as a new version (`stap()` returns the saved record) and rerun with it.

    Someone else saved first: what this user tried to save is kept under `conflict_sleutel` (with the message),
    so the page can offer to reload or keep it as a copy; nothing is overwritten. A refusal goes to `bij_fout`."""
    try:
        nieuw = stap()
    except VersieConflict as exc:
        st.session_state[conflict_sleutel] = {**conflict, "melding": str(exc)}
        st.rerun()
    except (OngeldigeInvoer, WerkruimteFout) as exc:
        bij_fout(exc)
        return
    st.session_state[versie_sleutel] = nieuw.versie
    st.toast(gelukt, icon=":material/check:")
    st.rerun()


def toon_conflict(melding: str, herladen, als_kopie, sleutel: str) -> None:
    """A refused save: who changed it and when, and the two ways on — never a silent overwrite.

    `herladen()` drops the user's edit and shows the stored version; `als_kopie()` keeps the user's version as a
    new item and returns whether that worked. Either ends in a rerun."""
    st.error(melding, icon=":material/sync_problem:")
    a, b = st.columns(2)
    if a.button(
        "Herladen",
        icon=":material/refresh:",
        key=f"{sleutel}_herladen",
        help="Toon de versie die nu in de werkruimte staat; uw wijziging vervalt.",
    ):
        herladen()
        st.rerun()
    kopie = b.button(
        "Bewaar als kopie",
        icon=":material/content_copy:",
        key=f"{sleutel}_kopie",
        help="Bewaar uw versie als een nieuw item naast dat van de ander.",
    )
    if kopie and als_kopie():
        st.rerun()


# ---------- an uploaded layer: keep it, or save one of its shapes as a location ----------


def eigen_laag_knoppen(sleutel: str, laag) -> None:
    """Under an own layer (`ui.eigen_data.Laag`): keep it in the workspace on purpose, or save one shape.

    `sleutel` makes the widgets unique on the page; the layer keeps its own name (`laag.naam`).
    """

    r = ruimte()
    if r is None or r.alleen_lezen:
        return
    frame = laag.resultaat.analyse
    # a toggle, not an expander: this sits inside the Kaart's expander, and expanders cannot nest
    if not st.toggle("Bewaar in de werkruimte…", key=f"bewaar_toggle:{sleutel}"):
        return
    with st.container(border=True):
        st.caption(
            "Uw bestand blijft anders alleen in deze sessie. Bewaard in de werkruimte zien collega's het ook "
            "(pagina Werkruimte, 'Bewaarde lagen')."
        )
        a = schrijver()
        if st.button("Bewaar laag in werkruimte", key=f"bewaar_laag:{sleutel}", icon=":material/cloud_upload:"):
            if a is None:
                st.warning("Vul eerst uw naam in (of log in).")
            else:
                try:
                    r.bewaar_laag(
                        laag.naam, frame, laag.resultaat.samenvatting.bestandsnaam, a, MAX_UPLOAD_MB * 1_000_000
                    )
                    st.success("De laag is bewaard in de werkruimte.", icon=":material/check:")
                except OngeldigeInvoer as exc:
                    st.warning(f"Niet bewaard: {exc}.")
                except WerkruimteFout as exc:
                    meld_fout(exc)
                    st.error(f"Niet bewaard: {exc}")
        vormen = [
            i
            for i, g in enumerate(frame.geometry)
            if g is not None and g.geom_type in {"Polygon", "MultiPolygon", "Point"}
        ]
        if not vormen:
            return
        kolom = laag.label_kolom if laag.label_kolom in frame.columns else None

        def naam_van(i: int) -> str:
            return str(frame.iloc[i][kolom])[:100] if kolom else f"{laag.naam} – object {i + 1}"

        keuze = st.selectbox(
            "Of bewaar één vorm als locatie", vormen[:500], format_func=naam_van, key=f"vorm:{sleutel}"
        )
        bewaar_locatie_formulier(f"vorm:{sleutel}", frame.geometry.iloc[keuze], naam_van(keuze), "bestand")


# ---------- a shape drawn on the Kaart ----------

_NAAR_RD = pyproj.Transformer.from_crs(WGS84, RD, always_xy=True)


def kaart_met_tekenen(*invoer, **opties) -> folium.Map:
    """The Kaart's map with the drawing tool (polygon, rectangle, point), so a shape can be saved as a location.
    A module-level function: the map cache (ui.kaart_cache) keys on the builder and its inputs."""
    from ui.zoekgebieden.toetsen import voeg_teken_gereedschap_toe

    return voeg_teken_gereedschap_toe(kaart.dashboard_map(*invoer, **opties))


def tekening_rd(feature: Mapping[str, Any]) -> shapely.Geometry | None:
    """A drawn feature (GeoJSON, EPSG:4326) in RD New; None when it is no polygon or point."""
    try:
        vorm = shapely.geometry.shape((feature or {}).get("geometry") or {})
    except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.GEOSException):
        return None
    if vorm.is_empty or vorm.geom_type not in {"Polygon", "MultiPolygon", "Point"}:
        return None
    return shapely.transform(vorm, lambda xy: np.column_stack(_NAAR_RD.transform(*xy.T)))


def bewaar_tekening(uitvoer: Mapping[str, Any] | None) -> None:
    """Under the Kaart: the shapes drawn on it, one of them to save as a location."""
    vormen = [v for v in (tekening_rd(f) for f in (uitvoer or {}).get("all_drawings") or []) if v is not None]
    if not vormen:
        st.caption("Teken met de knoppen links op de kaart een vlak, rechthoek of punt om het als locatie te bewaren.")
        return

    def label(i: int) -> str:
        v = vormen[i]
        return f"Vorm {i + 1}: " + ("punt" if v.geom_type == "Point" else f"{v.area / 10_000:.1f} ha".replace(".", ","))

    keuze = st.selectbox(
        "Getekende vorm", range(len(vormen)), index=len(vormen) - 1, format_func=label, key="kaart_tekening"
    )
    bewaar_locatie_formulier("kaart", vormen[keuze], f"Getekend op de kaart {keuze + 1}", "getekend")


# ---------- the briefing ----------

MAX_IN_BRIEFING = 15


def voor_briefing(gemeente: str | None) -> tuple[BewaardeLocatie, ...]:
    """The saved locations a briefing lists (those in the municipality; for Twente all), newest first."""
    r = ruimte()
    if r is None:
        return ()
    try:
        locaties = r.locaties(gemeente=gemeente)[:MAX_IN_BRIEFING]
        uit = []
        for loc in locaties:
            regels = tuple(
                f"{tab.tijd(o.aangemaakt)}, {tab.auteur(o.auteur, o.geverifieerd)}: {o.tekst}"
                for o in r.opmerkingen(loc.id)
            )
            uit.append(
                BewaardeLocatie(
                    loc.naam,
                    ", ".join(loc.gemeenten) or "buiten Twente",
                    tab.ha(loc.oppervlakte_ha),
                    tab.auteur(loc.auteur, loc.geverifieerd),
                    regels,
                )
            )
        return tuple(uit)
    except WerkruimteFout as exc:
        meld_fout(exc)
        return ()


def programmering_voor_briefing(variant_id: str | None, gemeente: str | None):
    """The chosen programming variant's section for a municipal briefing (None: no variant chosen, or Twente)."""
    from reb_maps.programmering import varianten
    from reb_maps.weergave.documenten.programmering import briefing_sectie

    r = ruimte()
    if r is None or not variant_id or gemeente is None:
        return None
    try:
        return briefing_sectie(varianten.variant(r, variant_id), gemeente)
    except (OngeldigeInvoer, WerkruimteFout):
        return None
