"""A monitoring file → validated rows per year: IBIS parks (with or without geometry) or municipal figures.

Reads every format the Eigen data page reads. A geo file goes through the same checks (CRS, repairs, the
Netherlands) and arrives in EPSG:28992; a CSV/XLSX needs no coordinates (IBIS is often handed round as a plain
attribute table). Nothing is stored here: a refused file raises `MonitorFout` naming its rows, and the caller
stores all years of an accepted file in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from reb_maps import fmt
from reb_maps.crs import RD
from reb_maps.eigen_data import EigenDataFout, lees
from reb_maps.eigen_data.ibis import IBIS_KOLOMMEN, gemeente_codes, koppel_kolommen
from reb_maps.eigen_data.lezen import formaat, lees_attribuuttabel
from reb_maps.fouten import OngeldigeInvoer
from reb_maps.monitor import regels

IBIS, GEMEENTECIJFERS = "ibis", "gemeenten"
SOORT_NAMEN = {IBIS: "IBIS-terreinen", GEMEENTECIJFERS: "gemeentecijfers (banen, inwoners)"}
NODIG_IBIS = ("rin_nummer", "gem_codes", "ha_netto", "jaar")
CIJFER_KOLOMMEN = {"gemeente": "Gemeente", "jaar": "Jaar", "banen": "Banen", "inwoners": "Inwoners"}
MAX_FOUTEN = 8  # named in one message; the rest counted


class MonitorFout(OngeldigeInvoer):
    """A refused monitoring file: one Dutch message that names the rows; nothing was stored."""


@dataclass(frozen=True, eq=False)
class Peilbestand:
    """A read and checked file: per year its rows (parks or municipal figures)."""

    soort: str  # IBIS or GEMEENTECIJFERS
    bestandsnaam: str
    jaren: dict[int, pd.DataFrame]  # IBIS: PARK_KOLOMMEN (+ geometry in RD or None); figures: code, banen, inwoners
    geometrie: bool
    notities: list[str] = field(default_factory=list)

    @property
    def aantal(self) -> int:
        return sum(len(t) for t in self.jaren.values())


PARK_KOLOMMEN = ("rin_nummer", "naam", "gemeente", "gem_codes", "ha_bruto", "ha_netto", "ha_uitgeefbaar", "wloc_type")


def lees_peilbestand(
    data: bytes, bestandsnaam: str, laag: str | None = None, koppeling: dict[str, str] | None = None
) -> Peilbestand:
    """Read one file; `koppeling` maps IBIS names (rin_nummer, …) to the file's columns where they differ."""
    try:
        frame, notities, geo = _lees(data, bestandsnaam, laag)
    except EigenDataFout as fout:
        raise MonitorFout(str(fout)) from None
    if not len(frame):
        raise MonitorFout("het bestand bevat geen rijen")
    if is_gemeentecijfers(frame.columns) and not koppeling:
        return _gemeentecijfers(frame, bestandsnaam, notities)
    return _ibis(koppel_kolommen(frame, koppeling), bestandsnaam, notities, geo)


def kolommen(data: bytes, bestandsnaam: str, laag: str | None = None) -> list[str]:
    """The file's columns, for the form that maps them to IBIS names."""
    try:
        frame, _, _ = _lees(data, bestandsnaam, laag)
    except EigenDataFout as fout:
        raise MonitorFout(str(fout)) from None
    return [str(k) for k in frame.columns if k != "geometry"]


def ontbrekende_ibis_kolommen(namen) -> list[str]:
    aanwezig = {str(k).strip().lower() for k in namen}
    return [k for k in NODIG_IBIS if k not in aanwezig]


def _lees(data: bytes, bestandsnaam: str, laag: str | None) -> tuple[pd.DataFrame, list[str], bool]:
    if formaat(bestandsnaam) in ("CSV", "Excel"):
        tabel, notities = lees_attribuuttabel(data, bestandsnaam, laag)
        return tabel, notities, False
    resultaat = lees(data, bestandsnaam, laag)
    return resultaat.analyse, list(resultaat.notes), True


def _rij(positie: int, geo: bool) -> str:
    # a table's line as a spreadsheet shows it (the header is line 1); a geo file's objects counted from 1
    return f"object {positie + 1}" if geo else f"regel {positie + 2}"


def _dubbel(
    gezien: dict[tuple[int, str], str], sleutel: tuple[int, str], waar: str, wat: str, fouten: list[str]
) -> bool:
    """True, with one error, when `wat` already stood in the file for this year; else remember where it stands."""
    jaar = sleutel[0]
    if sleutel in gezien:
        fouten.append(f"{waar}: {wat} staat in {jaar} twee keer in het bestand (ook {gezien[sleutel]})")
        return True
    gezien[sleutel] = waar
    return False


def _fouten_melding(fouten: list[str]) -> MonitorFout:
    meer = f" (en nog {len(fouten) - MAX_FOUTEN} fouten)" if len(fouten) > MAX_FOUTEN else ""
    return MonitorFout(f"het bestand is niet opgeslagen — {'; '.join(fouten[:MAX_FOUTEN])}{meer}")


def _getal(waarde) -> float | str | None:
    """A number (decimal comma allowed), None when empty, or the text itself when it is no number."""
    if fmt.is_missing(waarde) or (isinstance(waarde, str) and not waarde.strip()):
        return None
    if isinstance(waarde, int | float | np.integer | np.floating):
        return float(waarde)
    tekst = str(waarde).strip().replace(" ", "")
    tekst = tekst.replace(".", "").replace(",", ".") if "," in tekst else tekst
    try:
        return float(tekst)
    except ValueError:
        return str(waarde)


def _jaar(waarde) -> int | None:
    getal = _getal(waarde)
    if not isinstance(getal, float) or getal != int(getal) or not regels.MIN_JAAR <= getal <= regels.MAX_JAAR:
        return None
    return int(getal)


# ---------- IBIS ----------


def _ibis(frame: pd.DataFrame, bestandsnaam: str, notities: list[str], geo: bool) -> Peilbestand:
    ontbreekt = ontbrekende_ibis_kolommen(frame.columns)
    if ontbreekt:
        namen = ", ".join(k.upper() for k in ontbreekt)
        raise MonitorFout(
            f"geen IBIS-bestand: de kolommen {namen} ontbreken (nodig: {', '.join(k.upper() for k in NODIG_IBIS)}; "
            "koppel andere kolomnamen op de pagina Monitor, of gebruik een bestand met Gemeente, Jaar, Banen en "
            "Inwoners)"
        )
    twente = regels.twente_codes()
    fouten: list[str] = []
    rijen: list[dict] = []
    buiten: dict[str, set[str]] = {}
    gezien: dict[tuple[int, str], str] = {}
    for positie, (_, r) in enumerate(frame.iterrows()):
        waar = _rij(positie, geo)
        jaar = _jaar(r["jaar"])
        if jaar is None:
            fouten.append(f"{waar}: JAAR '{r['jaar']}' ligt niet tussen {regels.MIN_JAAR} en {regels.MAX_JAAR}")
            continue
        rin = "" if fmt.is_missing(r["rin_nummer"]) else str(r["rin_nummer"]).strip().removesuffix(".0")
        if not rin:
            fouten.append(f"{waar}: RIN_NUMMER ontbreekt")
            continue
        codes = gemeente_codes(r["gem_codes"])
        if codes is None:
            fouten.append(f"{waar}: onbekende gemeentecode '{_tekst(r['gem_codes'])}' (RIN {rin})")
            continue
        if _dubbel(gezien, (jaar, rin), waar, f"terrein RIN {rin}", fouten):
            continue
        hectares = {}
        for kolom, doel in (("ha_bruto", "ha_bruto"), ("ha_netto", "ha_netto"), ("ha_tottuit", "ha_uitgeefbaar")):
            waarde = _getal(r.get(kolom))
            if isinstance(waarde, str):
                fouten.append(f"{waar}: {kolom.upper()} '{_tekst(waarde)}' is geen getal")
            elif waarde is not None and waarde < 0:
                fouten.append(f"{waar}: {kolom.upper()} is negatief ({fmt.getal(waarde, 2)} ha)")
            else:
                hectares[doel] = None if waarde is None else round(waarde, 2)
        if len(hectares) < 3:
            continue
        gemeente = regels.geteld_in(codes)
        if gemeente not in twente:
            buiten.setdefault(gemeente, set()).add(rin)
            continue
        rijen.append(
            {
                "jaar": jaar,
                "rin_nummer": rin,
                "naam": _tekst(r.get("plan_naam")) or None,
                "gemeente": gemeente,
                "gem_codes": ",".join(codes),
                **hectares,
                "wloc_type": _tekst(r.get("wloc_type")) or None,
                "geometry": r.get("geometry") if geo else None,
            }
        )
    if fouten:
        raise _fouten_melding(fouten)
    if not rijen:
        raise MonitorFout(
            "het bestand bevat geen terrein in de veertien Twentse gemeenten "
            f"(gevonden gemeentecodes: {', '.join(sorted(buiten)) or 'geen'})"
        )
    if buiten:
        notities.append(
            f"{_terreinen(sum(len(r) for r in buiten.values()))} buiten Twente niet opgenomen "
            f"(gemeentecodes {', '.join(sorted(buiten))})."
        )
    tabel = pd.DataFrame(rijen)
    meer = tabel.loc[tabel["gem_codes"].str.contains(",", regex=False), "rin_nummer"].nunique()
    if meer:
        notities.append(f"{_terreinen(meer)} in meer dan één gemeente: {regels.REGEL_TWEE_GEMEENTEN}.")
    met_vorm = geo and tabel["geometry"].notna().any()
    jaren = {}
    for jaar, deel in tabel.groupby("jaar", sort=True):
        deel = deel.drop(columns="jaar").reset_index(drop=True)
        if met_vorm:
            deel = gpd.GeoDataFrame(deel, geometry="geometry", crs=RD)
        jaren[int(jaar)] = deel
    return Peilbestand(IBIS, bestandsnaam, jaren, bool(met_vorm), notities)


def _terreinen(aantal: int) -> str:
    return f"{aantal} terrein ligt" if aantal == 1 else f"{aantal} terreinen liggen"


def _tekst(waarde) -> str:
    return "" if fmt.is_missing(waarde) else str(waarde).strip()


# ---------- municipal figures ----------


def is_gemeentecijfers(namen) -> bool:
    aanwezig = {str(k).strip().lower() for k in namen}
    return {"gemeente", "jaar"} <= aanwezig and bool({"banen", "inwoners"} & aanwezig)


def _gemeentecijfers(frame: pd.DataFrame, bestandsnaam: str, notities: list[str]) -> Peilbestand:
    namen = {str(k).strip().lower(): k for k in frame.columns}
    fouten: list[str] = []
    rijen: list[dict] = []
    gezien: dict[tuple[int, str], str] = {}
    for positie, (_, r) in enumerate(frame.iterrows()):
        waar = _rij(positie, False)
        code = regels.code_van(_tekst(r[namen["gemeente"]]))
        if code is None:
            fouten.append(f"{waar}: '{_tekst(r[namen['gemeente']])}' is geen Twentse gemeente")
            continue
        jaar = _jaar(r[namen["jaar"]])
        if jaar is None:
            fouten.append(
                f"{waar}: Jaar '{_tekst(r[namen['jaar']])}' ligt niet tussen {regels.MIN_JAAR} en {regels.MAX_JAAR}"
            )
            continue
        if _dubbel(gezien, (jaar, code), waar, regels.naam_van(code), fouten):
            continue
        rij = {"jaar": jaar, "gemeente": code}
        for kolom in ("banen", "inwoners"):
            waarde = _getal(r[namen[kolom]]) if kolom in namen else None
            if isinstance(waarde, str) or (waarde is not None and (waarde < 0 or waarde != int(waarde))):
                fouten.append(
                    f"{waar}: {CIJFER_KOLOMMEN[kolom]} '{_tekst(r[namen[kolom]])}' is geen aantal (0 of meer)"
                )
            rij[kolom] = None if waarde is None or isinstance(waarde, str) else int(waarde)
        rijen.append(rij)
    if fouten:
        raise _fouten_melding(fouten)
    tabel = pd.DataFrame(rijen)
    jaren = {int(j): d.drop(columns="jaar").reset_index(drop=True) for j, d in tabel.groupby("jaar", sort=True)}
    return Peilbestand(GEMEENTECIJFERS, bestandsnaam, jaren, False, notities)


__all__ = ["GEMEENTECIJFERS", "IBIS", "IBIS_KOLOMMEN", "MonitorFout", "Peilbestand", "lees_peilbestand"]
