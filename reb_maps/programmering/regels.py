"""The rows of a programming proposal (variant): one plan per row, with closed lists for what the overleg
negotiates (segment, hard/zacht, fase). A new variant can start from the report: the hard supply of Tabel 10 per
municipality and the plans of Bijlage IV — hectares left empty where the report gives none ("ha onbekend").
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any

from reb_maps import fmt
from reb_maps.data import GEMEENTEN, load_table

SEGMENTEN = ("grootschalig", "lokaal/regionaal MKB", "campus/innovatie", "overig")
SEGMENT_UITLEG = {
    "grootschalig": "kavels van 3 ha en groter",
    "lokaal/regionaal MKB": "lokale en regionale bedrijven, kleinere kavels",
    "campus/innovatie": "campussen en innovatiemilieus",
    "overig": "wat niet in de andere segmenten valt",
}
FASEN = ("2027–2030", "2031–2040", "na 2040")
FASEN_TOT_2040 = ("2027–2030", "2031–2040")  # what counts as supply against the REB's demand to 2040
HARDHEDEN = ("hard", "zacht")
KOLOMMEN = ("Gemeente", "Naam", "Segment", "Netto ha", "Hard/zacht", "Fase", "Status", "Toelichting")
HA_ONBEKEND = "ha onbekend"
MAX_TEKST = 500
GEMEENTE_ALIASSEN = {"hengelo (o.)": "Hengelo", "hengelo (ov)": "Hengelo", "hengelo ov": "Hengelo"}
BRON_TABEL_10 = "REB Twente 2040, Tabel 10 (hard aanbod per 1-1-2023)"
BRON_BIJLAGE_IV = "REB Twente 2040, Bijlage IV"


@dataclass(frozen=True)
class Regel:
    gemeente: str
    naam: str
    segment: str
    netto_ha: float | None  # None: the hectares are not known (never invented)
    hardheid: str
    fase: str
    status: str = ""
    toelichting: str = ""
    locatie: str | None = None  # a report location id, a workspace location id, or None

    def als_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def uit_dict(cls, d: dict[str, Any]) -> Regel:
        return cls(
            **{k: d.get(k) for k in cls.__dataclass_fields__}
            | {"status": d.get("status") or "", "toelichting": d.get("toelichting") or ""}
        )


def gemeente(waarde: Any) -> str | None:
    """One of the 14 municipalities (case-insensitive; 'Hengelo (O.)' is Hengelo), else None."""
    if not isinstance(waarde, str):
        return None
    gezocht = " ".join(waarde.split()).casefold()
    gezocht = GEMEENTE_ALIASSEN.get(gezocht, gezocht).casefold()
    return next((g for g in GEMEENTEN if g.casefold() == gezocht), None)


def keuze(waarde: Any, lijst: tuple[str, ...]) -> str | None:
    """A value of a closed list, case- and dash-insensitive ('2027-2030' is '2027–2030')."""
    if not isinstance(waarde, str):
        return None
    schoon = " ".join(waarde.replace("-", "–").split()).casefold()
    return next((w for w in lijst if w.casefold() == schoon), None)


def hectares(waarde: Any) -> float | None:
    """Netto ha as a user types it: 12,5 or 12.5 or 1.234,5; None when empty. Raises ValueError otherwise."""
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None
    if isinstance(waarde, bool):
        raise ValueError("geen getal")
    if isinstance(waarde, int | float):
        getal = float(waarde)
    else:
        tekst = str(waarde).strip().replace(" ", "").replace("\u00a0", "")
        if "," in tekst:  # Dutch: dots group thousands, the comma is the decimal sign
            tekst = tekst.replace(".", "").replace(",", ".")
        getal = float(tekst)
    if not math.isfinite(getal):
        raise ValueError("geen eindig getal")
    if getal < 0:
        raise ValueError("negatief")
    return round(getal, 4)


def tekst(waarde: Any, maximum: int = MAX_TEKST) -> str:
    if waarde is None:
        return ""
    schoon = "".join(t for t in str(waarde) if unicodedata.category(t) not in {"Cc", "Cf"} or t == "\n").strip()
    return schoon[:maximum]


def uit_rapport() -> list[Regel]:
    """The starting rows of a new variant, from the report only: Tabel 10's hard supply per municipality and the
    plans of Bijlage IV with their status (no hectares in the report text: left empty)."""
    regels = []
    for rij in load_table("gemeenten").itertuples():
        ha = None if fmt.is_missing(rij.hard_aanbod_ha) else float(rij.hard_aanbod_ha)
        regels.append(
            Regel(
                rij.gemeente,
                "Hard aanbod 1-1-2023 (REB)",
                "overig",
                ha,
                "hard",
                "2027–2030",
                "beschikbaar",
                f"{BRON_TABEL_10}; alle segmenten samen" + ("" if ha is not None else f"; {HA_ONBEKEND}: geen opgave"),
            )
        )
    locaties = load_table("locaties")
    plannen = locaties[
        locaties["status"].isin(["plan", "in ontwikkeling", "verkenning"])
        & locaties["paragraaf"].str.contains("Bijlage IV", na=False)
    ]
    for rij in plannen.itertuples():
        regels.append(
            Regel(
                rij.gemeente,
                rij.naam,
                "overig",
                None,
                "zacht",
                "2031–2040",
                str(rij.status),
                f"{BRON_BIJLAGE_IV}; {HA_ONBEKEND}; segment en fase nog te bepalen",
                rij.locatie_id,
            )
        )
    return regels
