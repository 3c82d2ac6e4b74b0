"""Content of the side panel for one municipality: key figures, its parks, a short profile."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from reb_maps import fmt, labels
from reb_maps.data import load_table, source_of, table_names
from reb_maps.indicatoren import stoplicht


@dataclass(frozen=True)
class Kerncijfer:
    label: str
    waarde: str
    bron: str


def kerncijfers(gemeente: str) -> list[Kerncijfer]:
    row = load_table("gemeenten").set_index("gemeente").loc[gemeente]
    return [
        Kerncijfer("Inwoners 2023", fmt.getal(row["inwoners_2023"]), source_of("gemeenten", "inwoners_2023")),
        Kerncijfer("Banen 2023", fmt.getal(row["banen_2023"]), source_of("gemeenten", "banen_2023")),
        Kerncijfer(
            "Banengroei '14–'23",
            fmt.met_eenheid(row["banen_groei_2014_2023_pct"], "%"),
            source_of("gemeenten", "banen_groei_2014_2023_pct"),
        ),
        Kerncijfer(
            "Netto areaal",
            fmt.met_eenheid(row["netto_areaal_ha"], "ha"),
            source_of("gemeenten", "netto_areaal_ha"),
        ),
        Kerncijfer(
            "Vraag tot 2040",
            fmt.bandbreedte(row["vraag_min_ha"], row["vraag_max_ha"]),
            source_of("gemeenten", "vraag_min_ha"),
        ),
        Kerncijfer(
            "Hard aanbod",
            fmt.met_eenheid(row["hard_aanbod_ha"], "ha", missing="geen opgave"),
            source_of("gemeenten", "hard_aanbod_ha"),
        ),
    ]


@dataclass(frozen=True)
class Stoplicht:
    licht: str
    tekst: str
    kleur: str  # a Streamlit badge colour


_BADGE = {"rood": "red", "oranje": "orange", "groen": "green", "geen opgave": "gray"}


def stoplicht_van(gemeente: str) -> Stoplicht:
    row = load_table("gemeenten").set_index("gemeente").loc[gemeente]
    light = stoplicht(row["hard_aanbod_ha"], row["vraag_min_ha"], row["vraag_max_ha"])
    return Stoplicht(light, labels.STOPLICHT_PANEEL[light], _BADGE[light])


def locaties_van(gemeente: str) -> pd.DataFrame:
    """The report's named locations in this municipality, largest parks first."""
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
    if "gemeente_profielen" not in table_names():
        return None
    rows = load_table("gemeente_profielen")
    match = rows[rows["gemeente"] == gemeente]
    return None if match.empty else match.iloc[0].to_dict()


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
