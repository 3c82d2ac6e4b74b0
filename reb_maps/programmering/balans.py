"""The balance of a programming proposal against the REB's demand: the same numbers on screen, in documents and
in the command line.

Per municipality: the demand to 2040 of Tabel 10 (`vraag_min_ha`–`vraag_max_ha`), the variant's supply to 2040
(rows with fase 2027–2030 or 2031–2040, hard and zacht together; `hard_ha` and `zacht_ha` apart) and the
dashboard's one traffic-light rule (`kerncijfers.licht`). A municipality without rows is "geen opgave".
Regionally: the `grootschalig` rows of all municipalities against 121–199 ha (Tabel 10, regional row), and
optionally that band raised by the schaalsprong's extra hectares (Bijlage III; 295,88 ha with the report's
assumptions). The period 2027–2030 gets a share of the demand to 2040: a setting (default linear, 4 of 17 years),
the dashboard's assumption, not the report's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reb_maps import fmt
from reb_maps.data import GEMEENTEN, load_table
from reb_maps.kerncijfers import licht
from reb_maps.programmering.regels import FASEN_TOT_2040, Regel

PERIODE = "2027–2030"
AANDEEL_PERIODE = 4 / 17  # 2027–2030 is 4 of the 17 years 2023–2040: linear, the dashboard's assumption
GEEN_OPGAVE = "geen opgave"
BRON_VRAAG = "REB Twente 2040, Tabel 10 (indicatieve vraag tot 2040)"
BRON_GROOTSCHALIG = "REB Twente 2040, Tabel 10 (regionale regel, kavels vanaf 3 ha)"
BRON_SCHAALSPRONG = "REB Twente 2040, Bijlage III (schaalsprong, extra hectares)"


@dataclass(frozen=True)
class GemeenteBalans:
    gemeente: str
    vraag_min_ha: float | None
    vraag_max_ha: float | None
    hard_ha: float | None  # None: no rows for this municipality
    zacht_ha: float | None
    aanbod_ha: float | None
    stoplicht: str
    regels: int
    ha_onbekend: int  # rows to 2040 without hectares (counted as 0, and said so)
    periode_aanbod_ha: float | None  # rows with fase 2027–2030
    periode_vraag_min_ha: float | None
    periode_vraag_max_ha: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "gemeente": self.gemeente,
            "vraag_min_ha": _rond(self.vraag_min_ha),
            "vraag_max_ha": _rond(self.vraag_max_ha),
            "hard_ha": _rond(self.hard_ha),
            "zacht_ha": _rond(self.zacht_ha),
            "aanbod_ha": _rond(self.aanbod_ha),
            "stoplicht": self.stoplicht,
            "regels": self.regels,
            "regels_zonder_ha": self.ha_onbekend,
        }


@dataclass(frozen=True)
class Grootschalig:
    vraag_min_ha: float
    vraag_max_ha: float
    aanbod_ha: float
    stoplicht: str
    schaalsprong_extra_ha: float | None = None
    stoplicht_met_schaalsprong: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "vraag_min_ha": _rond(self.vraag_min_ha),
            "vraag_max_ha": _rond(self.vraag_max_ha),
            "aanbod_ha": _rond(self.aanbod_ha),
            "stoplicht": self.stoplicht,
            "schaalsprong_extra_ha": _rond(self.schaalsprong_extra_ha),
            "stoplicht_met_schaalsprong": self.stoplicht_met_schaalsprong,
        }


@dataclass(frozen=True)
class Balans:
    gemeenten: tuple[GemeenteBalans, ...]
    grootschalig: Grootschalig
    aandeel_periode: float

    def gemeente(self, naam: str) -> GemeenteBalans:
        return next(g for g in self.gemeenten if g.gemeente == naam)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gemeenten": [g.to_dict() for g in self.gemeenten],
            "grootschalig": self.grootschalig.to_dict(),
            "aandeel_2027_2030": round(self.aandeel_periode, 4),
        }


def _rond(waarde: float | None) -> float | None:
    return None if waarde is None else round(float(waarde) + 0.0, 2)


def _getal(waarde) -> float | None:
    return None if fmt.is_missing(waarde) else float(waarde)


def _som(regels: Iterable[Regel]) -> float:
    return sum(r.netto_ha or 0.0 for r in regels)


def balans(
    regels: Iterable[Regel], *, schaalsprong_extra_ha: float | None = None, aandeel_periode: float = AANDEEL_PERIODE
) -> Balans:
    if not 0 <= aandeel_periode <= 1:
        raise ValueError("het aandeel van 2027–2030 ligt tussen 0 en 1")
    regels = list(regels)
    vraag = load_table("gemeenten").set_index("gemeente")
    uit = []
    for naam in GEMEENTEN:
        eigen = [r for r in regels if r.gemeente == naam]
        tot_2040 = [r for r in eigen if r.fase in FASEN_TOT_2040]
        vmin, vmax = _getal(vraag.loc[naam, "vraag_min_ha"]), _getal(vraag.loc[naam, "vraag_max_ha"])
        if eigen:
            hard = _som(r for r in tot_2040 if r.hardheid == "hard")
            zacht = _som(r for r in tot_2040 if r.hardheid == "zacht")
            aanbod, periode = hard + zacht, _som(r for r in eigen if r.fase == PERIODE)
            stoplicht = licht(aanbod, vmin, vmax)
        else:
            hard = zacht = aanbod = periode = None
            stoplicht = GEEN_OPGAVE
        uit.append(
            GemeenteBalans(
                naam,
                vmin,
                vmax,
                hard,
                zacht,
                aanbod,
                stoplicht,
                len(eigen),
                sum(1 for r in tot_2040 if r.netto_ha is None),
                periode,
                None if vmin is None else vmin * aandeel_periode,
                None if vmax is None else vmax * aandeel_periode,
            )
        )
    regio = load_table("grootschalige_vraag").iloc[0]
    gmin, gmax = float(regio["vraag_min_ha"]), float(regio["vraag_max_ha"])
    groot = _som(r for r in regels if r.segment == "grootschalig" and r.fase in FASEN_TOT_2040)
    met = None
    if schaalsprong_extra_ha is not None:
        met = licht(groot, gmin + schaalsprong_extra_ha, gmax + schaalsprong_extra_ha)
    return Balans(
        tuple(uit),
        Grootschalig(gmin, gmax, groot, licht(groot, gmin, gmax), schaalsprong_extra_ha, met),
        aandeel_periode,
    )


def schaalsprong_extra_ha(aannames=None) -> float:
    """The schaalsprong's extra hectares (Bijlage III) for a scenario; the report's assumptions by default."""
    from reb_maps.schaalsprong import bereken, default_aannames

    return bereken(aannames or default_aannames()).ha_extra
