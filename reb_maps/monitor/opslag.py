"""Peildata in the workspace: store the years of a checked file (all or none), list them, read a year's parks.

A year is an item of kind `peiljaar` (one per kind and year): its per-municipality totals, source, who and when.
Replacing a year is a new version of that item — only on purpose (`vervang=True`) — and the parks of every
version stay in `peil_terreinen`, so the history shows what was replaced and nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import geopandas as gpd
import pandas as pd
from sqlalchemy import select

from reb_maps import fmt
from reb_maps.crs import RD
from reb_maps.monitor.invoer import GEMEENTECIJFERS, IBIS, SOORT_NAMEN, MonitorFout, Peilbestand
from reb_maps.werkruimte import Auteur, Werkruimte
from reb_maps.werkruimte.model import PeiljaarRij, PeilTerreinRij
from reb_maps.werkruimte.records import MAX_NAAM, tekst

IMPORT_SLOT = 7_202_741  # pg_advisory_xact_lock key: one import at a time decides whether a year exists
MAX_BRON = 500


@dataclass(frozen=True)
class Peiljaar:
    id: str
    versie: int
    soort: str  # IBIS or GEMEENTECIJFERS
    jaar: int
    bron: str
    bestandsnaam: str
    aantal: int  # parks, or municipalities with figures
    totalen: dict  # {cbs_code: {...}}: IBIS netto_ha/uitgeefbaar_ha/bruto_ha/terreinen; figures banen/inwoners
    notities: tuple[str, ...]
    auteur: str
    geverifieerd: bool
    gewijzigd: datetime
    gewijzigd_door: str
    verwijderd: bool

    @property
    def titel(self) -> str:
        return f"{self.jaar} — {SOORT_NAMEN[self.soort]}"


def _peiljaar(rij: PeiljaarRij) -> Peiljaar:
    gewijzigd = rij.gewijzigd if rij.gewijzigd.tzinfo else rij.gewijzigd.replace(tzinfo=UTC)
    return Peiljaar(
        rij.id, rij.versie, rij.soort, int(rij.jaar), rij.bron, rij.bestandsnaam, rij.aantal, dict(rij.totalen),
        tuple(rij.notities or ()), rij.auteur, bool(rij.geverifieerd), gewijzigd, rij.gewijzigd_door,
        bool(rij.verwijderd),
    )  # fmt: skip


def _som(waarden: pd.Series) -> float | None:
    bekend = waarden.dropna()
    return None if bekend.empty else round(float(bekend.sum()), 2)


def totalen(soort: str, rijen: pd.DataFrame) -> dict:
    """Per municipality (CBS code) the figures the series needs; parks summed, figures as given."""
    if soort == GEMEENTECIJFERS:
        return {
            r["gemeente"]: {k: (None if fmt.is_missing(r[k]) else int(r[k])) for k in ("banen", "inwoners")}
            for _, r in rijen.iterrows()
        }
    uit = {}
    for code, deel in rijen.groupby("gemeente", sort=True):
        uit[str(code)] = {
            "terreinen": len(deel),
            "netto_ha": _som(deel["ha_netto"]),
            "uitgeefbaar_ha": _som(deel["ha_uitgeefbaar"]),
            "bruto_ha": _som(deel["ha_bruto"]),
        }
    return uit


def importeer(ruimte: Werkruimte, bestand: Peilbestand, auteur: Auteur, bron: str | None = None,
              vervang: bool = False) -> list[Peiljaar]:  # fmt: skip
    """Store every year of the file in one transaction. A year that exists is replaced only with `vervang`."""
    bron_tekst = tekst(bron or f"{SOORT_NAMEN[bestand.soort]} uit {bestand.bestandsnaam}", "bron", MAX_BRON)
    naam = tekst(bestand.bestandsnaam, "bestandsnaam", MAX_NAAM)
    uit = []
    with ruimte.transactie() as t:
        t.vergrendel(IMPORT_SLOT)
        bestaand = {
            r.jaar: r
            for r in t.lees(
                select(PeiljaarRij).where(
                    PeiljaarRij.soort == bestand.soort,
                    PeiljaarRij.verwijderd.is_(False),
                    PeiljaarRij.jaar.in_(list(bestand.jaren)),
                )
            )
        }
        if bestaand and not vervang:
            jaren = ", ".join(str(j) for j in sorted(bestaand))
            raise MonitorFout(
                f"{SOORT_NAMEN[bestand.soort]} van {jaren} staan al in de werkruimte; er is niets opgeslagen. "
                "Vervang ze bewust (pagina: bevestigen; opdrachtregel: --vervang); de huidige versie blijft in de "
                "geschiedenis"
            )
        for jaar, rijen in bestand.jaren.items():
            waarden = {
                "soort": bestand.soort,
                "jaar": jaar,
                "bron": bron_tekst,
                "bestandsnaam": naam,
                "aantal": len(rijen),
                "totalen": totalen(bestand.soort, rijen),
                "notities": list(bestand.notities),
            }
            oud = bestaand.get(jaar)
            rij = (
                t.wijzig("peiljaar", oud.id, oud.versie, waarden, auteur)
                if oud
                else t.nieuw("peiljaar", waarden, auteur)
            )
            if bestand.soort == IBIS:
                t.voeg_toe(_parken(rij.id, rij.versie, rijen))
            uit.append(_peiljaar(rij))
    return sorted(uit, key=lambda p: p.jaar)


def _parken(peiljaar_id: str, versie: int, rijen: pd.DataFrame) -> list[PeilTerreinRij]:
    vormen = rijen.geometry if isinstance(rijen, gpd.GeoDataFrame) else [None] * len(rijen)
    return [
        PeilTerreinRij(
            peiljaar_id=peiljaar_id, versie=versie, rin_nummer=r["rin_nummer"], naam=_kort(r["naam"], 200),
            gemeente=r["gemeente"], gem_codes=_kort(r["gem_codes"], 100), ha_bruto=r["ha_bruto"],
            ha_netto=r["ha_netto"], ha_uitgeefbaar=r["ha_uitgeefbaar"], wloc_type=_kort(r["wloc_type"], 100),
            geometrie=None if vorm is None or vorm.is_empty else vorm,
        )
        for (_, r), vorm in zip(rijen.iterrows(), vormen, strict=True)
    ]  # fmt: skip


def _kort(waarde, lengte: int):
    return None if fmt.is_missing(waarde) or waarde is None else str(waarde)[:lengte]


def peiljaren(ruimte: Werkruimte, soort: str | None = None, verwijderd: bool = False) -> list[Peiljaar]:
    """The stored years, oldest first (deleted ones only with `verwijderd=True`)."""
    vraag = select(PeiljaarRij).order_by(PeiljaarRij.jaar, PeiljaarRij.soort)
    if soort:
        vraag = vraag.where(PeiljaarRij.soort == soort)
    if not verwijderd:
        vraag = vraag.where(PeiljaarRij.verwijderd.is_(False))
    return [_peiljaar(r) for r in ruimte.lees(vraag)]


def stempel(ruimte: Werkruimte) -> str:
    """Changes whenever a year is imported, replaced, deleted or restored (the workspace's cheap aggregate)."""
    return ruimte.stempel(("peiljaar",))


def terreinen(ruimte: Werkruimte, peiljaar: Peiljaar, versie: int | None = None) -> gpd.GeoDataFrame:
    """A year's parks (of its current version, or of an earlier one) in EPSG:28992; geometry may be empty."""
    rijen = ruimte.lees(
        select(PeilTerreinRij)
        .where(PeilTerreinRij.peiljaar_id == peiljaar.id, PeilTerreinRij.versie == (versie or peiljaar.versie))
        .order_by(PeilTerreinRij.nr)
    )
    kolommen = ("rin_nummer", "naam", "gemeente", "gem_codes", "ha_bruto", "ha_netto", "ha_uitgeefbaar", "wloc_type")
    frame = pd.DataFrame([{k: getattr(r, k) for k in kolommen} for r in rijen], columns=list(kolommen))
    return gpd.GeoDataFrame(frame, geometry=[r.geometrie for r in rijen], crs=RD)
