"""Streamlit glue for the monitor: the Peildatum choice (Kaart, Gemeenten), a year's map data, and the import form.

The chosen year is kept under one session key (ui.sessie_sleutels), so Kaart and Gemeenten show the same year;
each page draws its own select box and copies the choice there. Everything read from the workspace is cached per
stamp (the stored years and their versions), so a rerun without an import reads nothing twice.
"""

from __future__ import annotations

import functools
import hashlib

import shapely
import streamlit as st

from reb_maps import fmt, labels
from reb_maps.eigen_data.ibis import koppel_kolommen
from reb_maps.eigen_data.meldingen import MAX_UPLOAD_MB
from reb_maps.fouten import OngeldigeInvoer, WerkruimteFout
from reb_maps.monitor import invoer, opslag, parken, reeks, regels
from reb_maps.weergave.kaart import PeilTerreinen, peil_terreinen
from ui import werkruimte as wr
from ui.sessie_sleutels import PEILDATUM

REB = 0  # the select box's value for the REB's own moment (January 2023)
EIGEN_PARKEN_KEY = "_monitor_eigen_parken"  # (key, PeilTerreinen) with shapes from the session's own IBIS layer


def _stempel() -> tuple[str, str] | None:
    r = wr.ruimte()
    if r is None:
        return None
    try:
        return r.naam, opslag.stempel(r)
    except WerkruimteFout as exc:
        wr.meld_fout(exc)
        return None


@functools.lru_cache(maxsize=8)
def _jaren(_naam: str, _stempel: str) -> tuple[int, ...]:
    return tuple(reeks.jaren(wr.ruimte()))


@functools.lru_cache(maxsize=16)
def _peildatum(_naam: str, _stempel: str, jaar: int) -> reeks.Peildatum | None:
    return reeks.peildatum(wr.ruimte(), jaar)


@functools.lru_cache(maxsize=16)
def _parken(_naam: str, stempel: str, jaar: int) -> PeilTerreinen | None:
    return _bouw_parken(jaar, None)


def _bouw_parken(jaar: int, eigen: tuple[str, str, object] | None) -> PeilTerreinen | None:
    """`eigen`: (fingerprint, name, parks) of the session's own IBIS layer."""
    frame = parken.parken_met_verandering(wr.ruimte(), jaar, eigen[1:] if eigen else None)
    if frame is None:
        return None
    ibis = next(p for p in opslag.peiljaren(wr.ruimte(), soort=invoer.IBIS) if p.jaar == jaar)
    return peil_terreinen(f"{jaar}:{ibis.id}:{ibis.versie}:{eigen[0] if eigen else ''}", jaar, frame, ibis.bron)


@functools.lru_cache(maxsize=8)
def _reeks(_naam: str, _stempel: str):
    return reeks.reeks(wr.ruimte())


def jaren() -> tuple[int, ...]:
    stempel = _stempel()
    return _jaren(*stempel) if stempel else ()


def keuze(sleutel: str) -> reeks.Peildatum | None:
    """The Peildatum select box (only when years were imported); returns the chosen year's figures or None (REB)."""
    beschikbaar = jaren()
    if not beschikbaar:
        st.session_state.pop(PEILDATUM, None)
        return None
    opties = [REB, *beschikbaar]
    gekozen = st.session_state.get(PEILDATUM, REB)
    # The page-level key follows the shared choice (made here or on the other page); a change of this box
    # reaches the shared key in its callback, before the rerun that draws it.
    st.session_state[sleutel] = gekozen if gekozen in opties else REB

    def bewaar():
        st.session_state[PEILDATUM] = st.session_state[sleutel]

    jaar = st.selectbox(
        "Peildatum",
        opties,
        format_func=lambda j: labels.PEILDATUM_REB if j == REB else f"{j} (ingelezen in de werkruimte)",
        key=sleutel,
        on_change=bewaar,
        help="Januari 2023 zijn de cijfers van het rapport; een ingelezen jaar toont de IBIS-cijfers (en banen en "
        "inwoners, als die zijn ingelezen) van dat jaar. Inlezen doet u op de pagina Monitor.",
    )
    st.session_state[PEILDATUM] = jaar
    if jaar == REB:
        return None
    stempel = _stempel()
    return _peildatum(*stempel, jaar) if stempel else None


def kaart_parken(peil: reeks.Peildatum | None, eigen_ibis=None) -> PeilTerreinen | None:
    """The chosen year's parks for the map; `eigen_ibis` (a session's own IBIS layer, ui.eigen_data.Laag) gives
    shapes to parks that have none in the workspace. With it, the result is kept in this session only (a
    process-wide cache would hold the user's file after the session ended)."""
    if peil is None or not peil.heeft_ibis:
        return None
    stempel = _stempel()
    if not stempel:
        return None
    vormen = koppel_kolommen(eigen_ibis.resultaat.analyse) if eigen_ibis is not None else None
    if vormen is None or "rin_nummer" not in vormen:
        return _parken(*stempel, peil.jaar)
    inhoud = b"".join(shapely.to_wkb(vormen.geometry.values)) + "|".join(map(str, vormen["rin_nummer"])).encode()
    sleutel = (*stempel, peil.jaar, hashlib.sha256(inhoud).hexdigest()[:16])
    bewaard = st.session_state.get(EIGEN_PARKEN_KEY)
    if bewaard is None or bewaard[0] != sleutel:
        bewaard = (sleutel, _bouw_parken(peil.jaar, (sleutel[-1], eigen_ibis.naam, vormen)))
        st.session_state[EIGEN_PARKEN_KEY] = bewaard
    return bewaard[1]


def reeks_frame():
    stempel = _stempel()
    return _reeks(*stempel) if stempel else reeks.reeks(None)


def peil_noot(peil: reeks.Peildatum) -> None:
    """Under a page that shows an imported year: where its figures come from and how they differ from the REB's."""
    st.caption(f"Peildatum {peil.jaar}: {peil.bron}.")
    if peil.heeft_ibis:
        st.caption(regels.DEFINITIE_UITGEEFBAAR)
    if not peil.heeft_cijfers:
        st.caption(f"Voor {peil.jaar} zijn geen banen en inwoners ingelezen: die staan er als ‘geen opgave’.")


# ---------- the import form (page Monitor) ----------

RONDE_KEY = "monitor_ronde"  # part of the uploader's key: after an import a fresh, empty uploader


def importeer_formulier(schrijven: bool) -> None:
    r = wr.ruimte()
    st.markdown(
        "Lees een IBIS-bestand in (GeoPackage, GeoJSON, Shapefile als zip, FlatGeobuf, of een tabel als CSV of "
        "Excel zonder vormen) met de kolommen RIN_NUMMER, GEM_CODES, HA_NETTO en JAAR (HA_BRUTO, HA_TOTTUIT, "
        "PLAN_NAAM en WLOC_TYPE als ze er zijn). Meerdere jaren in één bestand mag, via JAAR. Of een tabel "
        "Gemeente; Jaar; Banen; Inwoners (LISA, BIRO of CBS)."
    )
    upload = st.file_uploader(
        f"Bestand (hoogstens {MAX_UPLOAD_MB} MB)",
        type=["gpkg", "geojson", "json", "zip", "fgb", "csv", "xlsx"],
        key=f"monitor_bestand_{st.session_state.get(RONDE_KEY, 0)}",
    )
    if upload is None or r is None:
        return
    data = upload.getvalue()
    laag = None
    try:
        keuzes = _lagen(data, upload.name)
    except OngeldigeInvoer as exc:
        st.error(f"Dit bestand kan niet worden gelezen: {exc}")
        return
    if len(keuzes) > 1:
        laag = st.selectbox("Welke laag of welk werkblad?", keuzes, key="monitor_laag")
    koppeling = _koppeling(data, upload.name, laag)
    if koppeling is False:
        return
    try:
        bestand = invoer.lees_peilbestand(data, upload.name, laag, koppeling or None)
    except OngeldigeInvoer as exc:
        st.error(f"Niet ingelezen: {exc}.", icon=":material/block:")
        return
    st.success(
        f"Gelezen: {invoer.SOORT_NAMEN[bestand.soort]}, {bestand.aantal} rijen, jaren "
        f"{', '.join(str(j) for j in bestand.jaren)}" + (" (met vormen)" if bestand.geometrie else " (zonder vormen)")
    )
    for notitie in bestand.notities:
        st.caption(notitie)
    bron = st.text_input(
        "Bron (verplicht; bv. ‘IBIS 2025, provincie Overijssel’)", key="monitor_bron", max_chars=opslag.MAX_BRON
    )
    bestaand = [p.jaar for p in opslag.peiljaren(r, soort=bestand.soort) if p.jaar in bestand.jaren]
    vervang = False
    if bestaand:
        st.warning(
            f"{_hoofdletter(invoer.SOORT_NAMEN[bestand.soort])} van {', '.join(map(str, bestaand))} staan al in de "
            "werkruimte. Vervangen kan alleen bewust; de huidige versie blijft in de geschiedenis."
        )
        vervang = st.checkbox(f"Ja, vervang {', '.join(map(str, bestaand))}", key="monitor_vervang")
    auteur = wr.schrijver()
    if st.button(
        "Inlezen in de werkruimte",
        type="primary",
        disabled=not schrijven or auteur is None or not bron.strip() or (bool(bestaand) and not vervang),
        key="monitor_inlezen",
    ):
        try:
            opgeslagen = opslag.importeer(r, bestand, auteur, bron, vervang=vervang)
        except (OngeldigeInvoer, WerkruimteFout) as exc:
            st.error(f"Niet opgeslagen: {exc}")
            return
        st.session_state[RONDE_KEY] = st.session_state.get(RONDE_KEY, 0) + 1
        st.session_state.pop("monitor_vervang", None)
        st.toast(f"Ingelezen: {', '.join(str(p.jaar) for p in opgeslagen)}", icon=":material/check_circle:")
        st.rerun()


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]  # not str.capitalize(): 'IBIS' keeps its capitals


def _lagen(data: bytes, naam: str) -> list[str]:
    from reb_maps.eigen_data import EigenDataFout, lagen

    try:
        return lagen(data, naam)
    except EigenDataFout as exc:
        raise OngeldigeInvoer(str(exc)) from None


def _koppeling(data: bytes, naam: str, laag: str | None) -> dict[str, str] | bool | None:
    """When IBIS columns are missing and the file is no figures table: a form that maps them (False: not yet)."""
    try:
        kolommen = invoer.kolommen(data, naam, laag)
    except OngeldigeInvoer as exc:
        st.error(f"Dit bestand kan niet worden gelezen: {exc}")
        return False
    ontbreekt = invoer.ontbrekende_ibis_kolommen(kolommen)
    if not ontbreekt or invoer.is_gemeentecijfers(kolommen):
        return None
    st.info(
        "Niet alle IBIS-kolommen zijn gevonden. Kies welke kolom van uw bestand wat bevat; kolommen die er niet "
        "zijn laat u op ‘(geen)’."
    )
    koppeling = {}
    with st.form("monitor_koppeling"):
        for canon in (*invoer.NODIG_IBIS, "plan_naam", "ha_bruto", "ha_tottuit", "wloc_type"):
            if canon not in ontbreekt and canon in invoer.NODIG_IBIS:
                continue
            keuze = st.selectbox(
                f"{canon.upper()}: {invoer.IBIS_KOLOMMEN[canon]}", ["(geen)", *kolommen], key=f"monitor_k_{canon}"
            )
            if keuze != "(geen)":
                koppeling[canon] = keuze
        klaar = st.form_submit_button("Kolommen koppelen")
    if not klaar and not st.session_state.get(f"monitor_gekoppeld:{naam}"):
        return False
    st.session_state[f"monitor_gekoppeld:{naam}"] = True
    return koppeling


def peiljaren_tabel(r) -> list[opslag.Peiljaar]:
    jaren_ = opslag.peiljaren(r, verwijderd=True)
    if not jaren_:
        st.info("Nog geen peildata in de werkruimte. Lees hieronder een IBIS-jaar of gemeentecijfers in.")
        return []
    st.dataframe(
        [
            {
                "Jaar": str(p.jaar),
                "Soort": invoer.SOORT_NAMEN[p.soort],
                "Rijen": p.aantal,
                "Bron": p.bron,
                "Ingelezen door": p.gewijzigd_door,
                "Wanneer": p.gewijzigd.astimezone().strftime("%d-%m-%Y %H:%M"),
                "Versie": p.versie,
                "Status": "verwijderd" if p.verwijderd else "actief",
            }
            for p in jaren_
        ],
        hide_index=True,
        width="stretch",
    )
    return jaren_


def beheer(r, jaren_: list[opslag.Peiljaar], schrijven: bool) -> None:
    """Delete or restore a year, and see its history (each replaced version with who and when)."""
    if not jaren_:
        return
    keuze = st.selectbox("Peiljaar", jaren_, format_func=lambda p: p.titel + (" (verwijderd)" if p.verwijderd else ""),
                         key="monitor_beheer")  # fmt: skip
    auteur = wr.auteur()
    knop = "Zet terug" if keuze.verwijderd else "Verwijder dit jaar"
    if st.button(knop, disabled=not schrijven or auteur is None, key="monitor_verwijder"):
        try:
            (r.herstel if keuze.verwijderd else r.verwijder)("peiljaar", keuze.id, keuze.versie, auteur)
        except (OngeldigeInvoer, WerkruimteFout) as exc:
            st.error(str(exc))
        else:
            st.rerun()
    historie = r.geschiedenis(item_id=keuze.id)
    st.dataframe(
        [
            {
                "Versie": w.versie,
                "Wat": w.actie,
                "Door": w.auteur,
                "Wanneer": w.tijdstip.astimezone().strftime("%d-%m-%Y %H:%M"),
                "Bron": (w.na or {}).get("bron", ""),
                "Bestand": (w.na or {}).get("bestandsnaam", ""),
                "Rijen": (w.na or {}).get("aantal", ""),
            }
            for w in historie
        ],
        hide_index=True,
        width="stretch",
    )


def sinds_reb_tabel(sinds) -> None:
    """The change since the REB as a Dutch table (numbers as text: Dutch notation, 'geen opgave' when unknown)."""

    geen = labels.GEEN_OPGAVE

    def ha(v, teken=False):
        return (fmt.met_teken if teken else fmt.met_eenheid)(v, "ha", 2, missing=geen)

    def pct(v):
        return fmt.met_teken(v, "%", 1, missing=geen)

    def aantal(v, teken=False):
        return (fmt.met_teken if teken else fmt.met_eenheid)(v, None, 0, missing=geen)

    jaar = int(sinds["jaar"].iloc[0])
    st.dataframe(
        [
            {
                "Gemeente": r["gemeente"],
                "Netto REB (jan. 2023)": fmt.met_eenheid(r["netto_reb_ha"], "ha"),
                f"Netto {jaar}": ha(r["netto_ha"]),
                "Verschil (ha)": ha(r["netto_verschil_ha"], True),
                "Verschil (%)": pct(r["netto_verschil_pct"]),
                "Hard aanbod REB": fmt.met_eenheid(r["hard_aanbod_reb_ha"], "ha", missing=labels.GEEN_OPGAVE),
                f"Uitgeefbaar {jaar} (IBIS)": ha(r["uitgeefbaar_ha"]),
                "Banen REB": aantal(r["banen_reb"]),
                f"Banen {jaar}": aantal(r["banen"]),
                "Verschil banen": aantal(r["banen_verschil"], True),
            }
            for _, r in sinds.iterrows()
        ],
        hide_index=True,
        width="stretch",
        height=36 * (len(sinds) + 1) + 3,
    )
    st.caption(
        f"Bron: {reeks.bron_reb()}; {jaar}: de ingelezen peildata (zie Monitor). Twente is de som van de veertien "
        "gemeenten, alleen als elke gemeente het cijfer heeft; bij de REB de totaalregel van Tabel 8 en Tabel 1. "
        "Hard aanbod (REB) en uitgeefbaar (IBIS) zijn verschillende maten en worden niet van elkaar afgetrokken."
    )


def voor_briefing(gemeente: str | None, jaar: int | None = None):
    """The briefing's "sinds de REB" section (None when no year was imported or the workspace cannot be read)."""
    from reb_maps.weergave.documenten.monitor import briefing_sectie

    if not jaren():
        return None
    try:
        return briefing_sectie(reeks_frame(), gemeente, jaar)
    except WerkruimteFout:
        return None
