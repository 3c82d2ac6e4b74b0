"""Content of the side panel for one municipality: its parks and a short profile (key figures: reb_maps.kerncijfers)."""

from __future__ import annotations

import functools

import pandas as pd

from reb_maps import fmt
from reb_maps.data import load_table, table_names


def locaties_van(gemeente: str) -> pd.DataFrame:
    """The report's named locations in this municipality, largest parks first (a copy: the caller may change it)."""
    return _locaties_van(gemeente).copy()


@functools.lru_cache(maxsize=32)  # the 14 municipalities; the join and sort cost ~20 ms, a quarter of a Kaart run
def _locaties_van(gemeente: str) -> pd.DataFrame:
    if "locaties" not in table_names():
        return pd.DataFrame(columns=["naam", "type", "status", "omschrijving"])
    locaties = load_table("locaties")
    mine = locaties[locaties["gemeente"] == gemeente].copy()
    if "grootschalige_terreinen" in table_names():
        sizes = load_table("grootschalige_terreinen")[["locatie_id", "bruto_ha", "netto_ha"]]
        mine = mine.merge(sizes, on="locatie_id", how="left")
    order = mine.get("netto_ha", pd.Series(index=mine.index, dtype="Float64")).fillna(-1)
    return mine.assign(_o=order).sort_values(["_o", "naam"], ascending=[False, True]).drop(columns="_o")


def profiel(gemeente: str) -> dict | None:
    """The municipality's profile row (a copy), None when the report gives none."""
    rij = _profiel(gemeente)
    return None if rij is None else dict(rij)


@functools.lru_cache(maxsize=32)
def _profiel(gemeente: str) -> dict | None:
    if "gemeente_profielen" not in table_names():
        return None
    rows = load_table("gemeente_profielen")
    match = rows[rows["gemeente"] == gemeente]
    return None if match.empty else match.iloc[0].to_dict()


@functools.lru_cache(maxsize=32)
def locaties_regels(gemeente: str) -> tuple[tuple[str, str], ...]:
    """The panel's list for this municipality: (name, "kind · status · hectares") per location, largest first.
    Cached: the Kaart panel shows it on every run (with a meeting's twenty sessions at once, every run counts)."""
    regels = []
    for rij in locaties_tabel(_locaties_van(gemeente)).itertuples(index=False):
        naam, *details = (str(v) for v in rij)
        regels.append((naam, " · ".join(d for d in details if d.strip())))
    return tuple(regels)


def locaties_tabel(locaties: pd.DataFrame) -> pd.DataFrame:
    """Compact Dutch table for the panel."""
    netto = locaties.get("netto_ha", pd.Series(pd.NA, index=locaties.index))
    return pd.DataFrame(
        {
            "Locatie": locaties["naam"],
            "Soort": locaties["type"],
            "Status": locaties["status"],
            "Netto": [fmt.met_eenheid(v, "ha", missing="") for v in netto],
        }
    )
