"""Catalogues for the 'Bronnen & toelichting' page: every table and layer with its source."""

from __future__ import annotations

import functools

import pandas as pd

from reb_maps import lagen
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
                "Bron": meta.get("bron") or meta.get("bron_ontbreekt") or "per kolom of rij",
                "Plaats in het rapport": meta.get("verwijzing") or "per rij",
                "Peiljaar": meta.get("peiljaar"),
                "Rijen": None if fout else len(load_table(naam)),
                "Controle": fout or "in orde",
            }
        )
    return pd.DataFrame(rows).astype({"Rijen": "Int64"})


def _gebruik(laag: lagen.Laag) -> str:
    delen = []
    if laag.masker:
        delen.append("harde beperking")
    if laag.factor:
        delen.append("afstandsfactor")
    return ", ".join(delen)


def lagen_overzicht() -> pd.DataFrame:
    """Every layer of the catalogue with its theme, file, source, licence, date, accuracy and use."""
    rows = []
    def volgorde(item: lagen.Laag):
        thema = lagen.THEMAS.index(item.thema) if item.thema in lagen.THEMAS else len(lagen.THEMAS)
        return thema, item.volgorde

    for laag in sorted(lagen.alle(), key=volgorde):
        info = lagen.herkomst(laag)
        bestand = f"{laag.bestand}.geojson"
        path = GEO_DIR / bestand
        rows.append(
            {
                "Laag": laag.label,
                "Thema": laag.thema,
                "Op de kaart": ("aan" if laag.zichtbaar else "uit, aan te zetten") if laag.kaart else "nee",
                "Zoekanalyse": _gebruik(laag),
                "Bron": info.get("bron", ""),
                "Licentie": info.get("licentie", ""),
                "Peildatum": info.get("peildatum", ""),
                "Nauwkeurigheid": info.get("nauwkeurigheid", ""),
                "Bestand": bestand,
                "kB": round(path.stat().st_size / 1024) if path.exists() else None,
            }
        )
    # Files the catalogue's layers read besides their own, and derived files no layer draws (downloads only).
    genoemd = {row["Bestand"] for row in rows}
    for bestand, info in sorted(layer_catalogue().items()):
        if info.get("variant") == "analyse" or bestand in genoemd:
            continue
        basis = bestand.removesuffix(".geojson") in lagen.ondergrond.BESTANDEN
        rows.append(
            {"Laag": info.get("titel", bestand), "Thema": "",
             "Op de kaart": "ondergrond (drukkaart en eenvoudige kaart offline)" if basis else "nee", "Zoekanalyse": "",
             "Bron": info.get("bron", ""), "Licentie": info.get("licentie", ""), "Peildatum": info.get("peildatum", ""),
             "Nauwkeurigheid": info.get("nauwkeurigheid", ""), "Bestand": bestand,
             "kB": round((GEO_DIR / bestand).stat().st_size / 1024)}
        )  # fmt: skip
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


def gemeenten_opmerkingen() -> str:
    """The notes under Gemeenten as one Markdown text: rounding and checks, the large-scale row (Tabel 10), and
    what the report does not give; every line comes from the tables' metadata."""
    gemeenten, groot = table_meta("gemeenten"), table_meta("grootschalige_vraag")
    delen = (
        ("Afrondingen en controles",
         [t["toelichting"] for t in gemeenten.get("totalen", {}).values()] + gemeenten.get("opmerkingen", [])),
        ("Grootschalige regel", groot.get("opmerkingen", [])),
        ("Wat het rapport niet geeft", gemeenten.get("ontbreekt", []) + groot.get("ontbreekt", [])),
    )  # fmt: skip
    return "\n\n".join(f"**{kop}**\n\n" + "\n".join(f"- {regel}" for regel in regels) for kop, regels in delen)
