"""Tables and charts of the page Programmering (no st.* calls): the editable rows, the balance, the comparison."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from reb_maps import fmt, labels
from reb_maps.programmering import excel
from reb_maps.programmering.balans import Balans
from reb_maps.programmering.excel import Fout
from reb_maps.programmering.regels import KOLOMMEN, Regel

LOCATIE = excel.LOCATIE


def licht(code: str | None) -> str:
    """The light in words (never colour alone; no emoji, which machines without an emoji font show as a box)."""
    return labels.STOPLICHTEN[code].kort if code in labels.STOPLICHTEN else "–"


def regels_frame(regels: Sequence[Regel]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            [r.gemeente, r.naam, r.segment, r.netto_ha, r.hardheid, r.fase, r.status, r.toelichting, r.locatie or ""]
            for r in regels
        ],
        columns=[*KOLOMMEN, LOCATIE],
    ).astype({"Netto ha": "Float64"})


def uit_frame(frame: pd.DataFrame) -> tuple[list[Regel], list[Fout]]:
    """The edited table back to rows, checked as an import is (row numbers as on screen: the first row is 1)."""
    rijen = [
        (nummer, {k: (None if fmt.is_missing(rij.get(k)) else rij.get(k)) for k in [*KOLOMMEN, LOCATIE]})
        for nummer, (_, rij) in enumerate(frame.iterrows(), start=1)
    ]
    uit = excel.controleer(rijen)
    return uit.regels, uit.fouten


def balans_tabel(b: Balans) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Gemeente": g.gemeente,
                "Vraag tot 2040": fmt.bandbreedte(g.vraag_min_ha, g.vraag_max_ha, missing="geen opgave"),
                "Hard": fmt.met_eenheid(g.hard_ha, "ha", 2),
                "Zacht": fmt.met_eenheid(g.zacht_ha, "ha", 2),
                "Aanbod tot 2040": fmt.met_eenheid(g.aanbod_ha, "ha", 2),
                "Stoplicht": licht(g.stoplicht),
                "Vraag 2027–2030 (aanname)": fmt.bandbreedte(g.periode_vraag_min_ha, g.periode_vraag_max_ha),
                "Aanbod 2027–2030": fmt.met_eenheid(g.periode_aanbod_ha, "ha", 2),
                "Regels zonder ha": g.ha_onbekend,
            }
            for g in b.gemeenten
        ]
    )


def vergelijk_tabel(a: Balans, b: Balans) -> pd.DataFrame:
    rijen = []
    for ga, gb in zip(a.gemeenten, b.gemeenten, strict=True):
        verschil = None if ga.aanbod_ha is None or gb.aanbod_ha is None else gb.aanbod_ha - ga.aanbod_ha
        rijen.append(
            {
                "Gemeente": ga.gemeente,
                "Aanbod A": fmt.met_eenheid(ga.aanbod_ha, "ha", 2),
                "Aanbod B": fmt.met_eenheid(gb.aanbod_ha, "ha", 2),
                "Verschil (B − A)": "–"
                if verschil is None
                else f"{'+' if verschil > 0 else ''}{fmt.getal(verschil, 2)} ha",
                "Stoplicht A": licht(ga.stoplicht),
                "Stoplicht B": licht(gb.stoplicht),
                "Anders": "ja" if (ga.aanbod_ha, ga.stoplicht) != (gb.aanbod_ha, gb.stoplicht) else "",
            }
        )
    return pd.DataFrame(rijen)


def gewijzigde_regels(a: Sequence[Regel], b: Sequence[Regel]) -> pd.DataFrame:
    """Rows added, removed or changed from A to B (matched on municipality and name)."""
    sleutel = lambda r: (r.gemeente, r.naam.casefold())  # noqa: E731
    va, vb = {sleutel(r): r for r in a}, {sleutel(r): r for r in b}
    uit = []
    for k in sorted(set(va) | set(vb)):
        ra, rb = va.get(k), vb.get(k)
        if ra == rb:
            continue
        wat = "nieuw in B" if ra is None else "niet meer in B" if rb is None else "gewijzigd"
        r = rb or ra
        velden = (
            []
            if ra is None or rb is None
            else [
                f"{naam}: {getattr(ra, veld)} → {getattr(rb, veld)}"
                for naam, veld in (
                    ("netto ha", "netto_ha"),
                    ("segment", "segment"),
                    ("hard/zacht", "hardheid"),
                    ("fase", "fase"),
                    ("status", "status"),
                )
                if getattr(ra, veld) != getattr(rb, veld)
            ]
        )
        uit.append({"Gemeente": r.gemeente, "Naam": r.naam, "Wat": wat, "Wijziging": "; ".join(velden)})
    return pd.DataFrame(uit, columns=["Gemeente", "Naam", "Wat", "Wijziging"])


def fouten_tabel(fouten: Sequence[Fout]) -> pd.DataFrame:
    return pd.DataFrame([(f.rij, f.kolom, f.melding) for f in fouten], columns=["Rij", "Kolom", "Probleem"])
