"""Catalogues for the 'Bronnen & toelichting' page: every table and layer with its source."""

from __future__ import annotations

import functools

import pandas as pd

from reb_maps.data import DataFout, load_table, table_meta, table_names
from reb_maps.geodata import GEO_DIR, layer_catalogue


def tabel_fout(naam: str) -> str | None:
    """Why a table cannot be loaded (the DataFout text, as in the log), or None when it is fine."""
    try:
        load_table(naam)
    except DataFout as exc:
        return str(exc)
    return None


@functools.cache
def tabellen_overzicht() -> pd.DataFrame:
    """One row per table; a broken table keeps its row, with the reason instead of a row count."""
    rows = []
    for naam in table_names():
        meta = table_meta(naam)
        fout = tabel_fout(naam)
        rows.append(
            {
                "Tabel": naam,
                "Titel": meta["titel"],
                "Bron": meta.get("bron") or "per kolom of rij",
                "Plaats in het rapport": meta.get("verwijzing") or "per rij",
                "Peiljaar": meta.get("peiljaar"),
                "Rijen": None if fout else len(load_table(naam)),
                "Controle": fout or "in orde",
            }
        )
    return pd.DataFrame(rows).astype({"Rijen": "Int64"})


@functools.cache
def lagen_overzicht() -> pd.DataFrame:
    rows = []
    for bestand, info in sorted(layer_catalogue().items()):
        if info.get("variant") == "analyse":  # the EPSG:28992 copies for the search-area analysis
            continue
        path = GEO_DIR / bestand
        rows.append(
            {
                "Bestand": bestand,
                "Laag": info.get("titel", bestand),
                "Bron": info.get("bron", ""),
                "Licentie": info.get("licentie", ""),
                "Peildatum": info.get("peildatum", ""),
                "Nauwkeurigheid": info.get("nauwkeurigheid", ""),
                "kB": round(path.stat().st_size / 1024) if path.exists() else None,
            }
        )
    return pd.DataFrame(rows)


@functools.cache
def layer_bytes(bestand: str) -> bytes:
    return (GEO_DIR / bestand).read_bytes()


def ontbrekend() -> pd.DataFrame | None:
    return met_labels("ontbrekend") if "ontbrekend" in table_names() else None


def met_labels(naam: str) -> pd.DataFrame:
    """The table with its Dutch column labels, for showing on screen."""
    kolommen = table_meta(naam)["kolommen"]
    return load_table(naam).rename(columns={k: v.get("label", k) for k, v in kolommen.items()})
