"""IBIS bedrijventerreinen: recognise the schema, map differing column names, compare with Tabel 8.

IBIS (Integrale Bedrijventerreinen Informatie Systeem, provincie) has one row per park per year. The REB's
Tabel 8 gives the netto areaal per municipality in January 2023; an uploaded IBIS file is usually of another
year, so the comparison always says which years are set side by side.
"""

from __future__ import annotations

import re

import geopandas as gpd
import pandas as pd

from reb_maps import fmt
from reb_maps.crs import RD
from reb_maps.data import load_table, source_of

SCHEMA_IBIS = "IBIS"
# Canonical IBIS columns (lower case) and what they hold, for the mapping form.
IBIS_KOLOMMEN = {
    "rin_nummer": "RIN-nummer (uniek nummer van het terrein)",
    "plan_naam": "Naam van het terrein",
    "gem_codes": "CBS-code van de gemeente",
    "ha_bruto": "Bruto oppervlakte (ha)",
    "ha_netto": "Netto oppervlakte (ha)",
    "ha_tottuit": "Totaal uitgeefbaar (ha)",
    "wloc_type": "Type werklocatie",
    "jaar": "Peiljaar",
}
REB_JAAR = "januari 2023"
HOOGSTE_CODE = 1999  # CBS municipality codes run from GM0001 to below GM2000
_CODE = re.compile(r"^(?:GM)?0*(\d{1,4})(?:\.0)?$", re.ASCII)
KOLOM_IBIS_NETTO = "IBIS netto (ha)"
KOLOM_REB_NETTO = "REB Tabel 8 netto (ha)"
KOLOM_VERSCHIL = "Verschil IBIS − REB (ha)"
KOLOM_TERREINEN = "Terreinen in IBIS"
KOLOM_BRUTO = "IBIS bruto (ha)"


def _per_kleine_letter(kolommen) -> dict[str, str]:
    return {str(k).strip().lower(): str(k) for k in kolommen}


def ontbrekend(kolommen) -> list[str]:
    """IBIS columns not found (case-insensitive)."""
    aanwezig = _per_kleine_letter(kolommen)
    return [k for k in IBIS_KOLOMMEN if k not in aanwezig]


def herken_schema(kolommen) -> str | None:
    return SCHEMA_IBIS if not ontbrekend(kolommen) else None


def koppel_kolommen(frame: pd.DataFrame, koppeling: dict[str, str] | None = None) -> pd.DataFrame:
    """A copy with the IBIS columns under their canonical lower-case names.

    `koppeling` maps canonical name → the user's column, for files whose names differ; other IBIS
    columns are found case-insensitively. Columns not mentioned are kept as they are.
    """
    koppeling = dict(koppeling or {})
    onbekend = [k for k in koppeling if k not in IBIS_KOLOMMEN]
    if onbekend:
        raise ValueError(f"Geen IBIS-kolom: {', '.join(onbekend)}")
    aanwezig = _per_kleine_letter(frame.columns)
    hernoem = {}
    for canon in IBIS_KOLOMMEN:
        bron = koppeling.get(canon) or aanwezig.get(canon)
        if bron is not None and bron in frame.columns and bron != canon:
            hernoem[bron] = canon
    return frame.rename(columns=hernoem)


def gemeente_codes(waarde) -> list[str] | None:
    """'153', '0153', 'GM0153', '0153,0164' or '0153;0164' → ['GM0153', …]; None when a code is not valid."""
    if fmt.is_missing(waarde) or not str(waarde).strip():
        return None
    codes = []
    for deel in re.split(r"[,;/ ]+", str(waarde).strip().upper()):
        if not deel:
            continue
        gevonden = _CODE.match(deel)
        if not gevonden or not 1 <= int(gevonden.group(1)) <= HOOGSTE_CODE:
            return None
        codes.append(f"GM{int(gevonden.group(1)):04d}")
    return codes or None


def gemeente_code(waarde) -> str | None:
    """The first code of GEM_CODES ('0153,0164' → 'GM0153'): a park lies mainly in the municipality IBIS names
    first. None when a code is not valid."""
    codes = gemeente_codes(waarde)
    return codes[0] if codes else None


def laatste_jaar(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per park: the most recent JAAR of each RIN_NUMMER."""
    jaar = pd.to_numeric(frame["jaar"], errors="coerce")
    volgorde = frame.assign(_jaar=jaar).sort_values("_jaar", kind="stable")
    return volgorde.drop_duplicates("rin_nummer", keep="last").drop(columns="_jaar")


def vergelijking(frame: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """Per Twente municipality: IBIS netto (latest year per park) beside Tabel 8, and a note on the years."""
    ibis = laatste_jaar(koppel_kolommen(frame))
    ibis = ibis.assign(
        cbs_code=ibis["gem_codes"].map(gemeente_code),
        netto=pd.to_numeric(ibis["ha_netto"], errors="coerce"),
        bruto=pd.to_numeric(ibis["ha_bruto"], errors="coerce"),
    )
    som = ibis.groupby("cbs_code").agg(terreinen=("rin_nummer", "size"), netto=("netto", "sum"), bruto=("bruto", "sum"))
    reb = load_table("gemeenten")[["gemeente", "cbs_code", "netto_areaal_ha"]]
    tabel = reb.merge(som, left_on="cbs_code", right_index=True, how="left")
    uit = pd.DataFrame(
        {
            "Gemeente": tabel["gemeente"].astype(str),
            KOLOM_TERREINEN: tabel["terreinen"].fillna(0).astype(int),
            KOLOM_BRUTO: tabel["bruto"].astype(float).round(1),
            KOLOM_IBIS_NETTO: tabel["netto"].astype(float).round(1),
            KOLOM_REB_NETTO: tabel["netto_areaal_ha"].astype(float),
        }
    )
    uit[KOLOM_VERSCHIL] = (uit[KOLOM_IBIS_NETTO] - uit[KOLOM_REB_NETTO]).round(1)
    jaren = sorted({int(j) for j in pd.to_numeric(ibis["jaar"], errors="coerce").dropna()})
    buiten = int((~ibis["cbs_code"].isin(reb["cbs_code"])).sum())
    noot = (
        f"IBIS-jaar {', '.join(map(str, jaren)) or 'onbekend'} tegenover REB Tabel 8 ({REB_JAAR}; "
        f"{source_of('gemeenten', 'netto_areaal_ha')}): de jaren verschillen, dus een verschil is geen fout. "
        "Per terrein telt het laatste jaar; een terrein met meerdere gemeentecodes telt bij de eerste."
    )
    if buiten:
        noot += f" {buiten} terreinen liggen buiten de veertien Twentse gemeenten en tellen niet mee."
    return uit.reset_index(drop=True), noot


def parken_voor_zoekgebieden(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """IBIS parks as the search-area engine's 'existing parks' (EPSG:28992, column `naam`, polygons only)."""
    ibis = laatste_jaar(koppel_kolommen(frame))
    ibis = ibis[ibis.geometry.geom_type.isin(["Polygon", "MultiPolygon"])]
    naam = ibis["plan_naam"].astype(object).where(ibis["plan_naam"].notna(), None)
    naam = [str(n) if n else f"RIN {r}" for n, r in zip(naam, ibis["rin_nummer"], strict=True)]
    uit = gpd.GeoDataFrame({"naam": naam}, geometry=ibis.geometry.values, crs=ibis.crs)
    return uit.to_crs(RD).reset_index(drop=True)
