"""Clearly synthetic, deterministic IBIS years for the monitor (no real IBIS data).

Two parks per Twente municipality, squares placed inside the municipality (so a map can draw them), for 2024 and
2025: in 2025 one park in Almelo grows, one in Enschede shrinks, a new park appears in Hengelo and uitgeefbaar
land is issued. One park lies in two municipalities (GEM_CODES '0164,0153': counted in Hengelo), one park lies in
Zwolle (outside Twente, left out). The tests compute their expected sums from `ibis_tabel()` themselves.
"""

from __future__ import annotations

import io
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from reb_maps.geodata import load_analysis_layer

RD = "EPSG:28992"
JAREN = (2024, 2025)


def _plekken() -> dict[str, tuple[str, shapely.Point]]:
    gemeenten = load_analysis_layer("gemeenten")
    return {
        str(r["cbs_code"]): (str(r["gemeente"]), r.geometry.representative_point()) for _, r in gemeenten.iterrows()
    }


def _vierkant(punt: shapely.Point, ha: float, verschuif: int) -> shapely.Polygon:
    zijde = (ha * 10_000) ** 0.5
    x, y = punt.x + verschuif * 700, punt.y
    return shapely.box(x - zijde / 2, y - zijde / 2, x + zijde / 2, y + zijde / 2)


def ibis_tabel() -> gpd.GeoDataFrame:
    """Both years, the IBIS columns in upper case as IBIS exports them."""
    rijen = []
    for i, (code, (gemeente, punt)) in enumerate(sorted(_plekken().items())):
        for j in range(2):
            rin = 100 + 2 * i + j
            for jaar in JAREN:
                netto = 10.0 + 3 * i + 7 * j + 0.25
                uit = round(2.0 + i * 0.5 + j, 2)
                if jaar == 2025:
                    uit = round(max(uit - 1.5, 0.0), 2)  # land issued
                    if gemeente == "Almelo" and j == 0:
                        netto += 12.5
                    if gemeente == "Enschede" and j == 1:
                        netto -= 4.0
                gem_codes = code[2:]
                if gemeente == "Hengelo" and j == 1:
                    gem_codes = f"{code[2:]},0153"  # also in Borne: counts in Hengelo
                rijen.append(
                    {
                        "RIN_NUMMER": rin, "PLAN_NAAM": f"Synthetisch terrein {gemeente} {j + 1}",
                        "GEM_CODES": gem_codes,
                        "HA_BRUTO": round(netto * 1.2, 2), "HA_NETTO": round(netto, 2), "HA_TOTTUIT": uit,
                        "WLOC_TYPE": "Gemengd", "JAAR": jaar, "geometry": _vierkant(punt, netto, j),
                    }
                )  # fmt: skip
    hengelo = _plekken()["GM0164"][1]
    rijen.append(
        {
            "RIN_NUMMER": 900, "PLAN_NAAM": "Synthetisch terrein Hengelo nieuw", "GEM_CODES": "GM0164",
            "HA_BRUTO": 9.0, "HA_NETTO": 7.5, "HA_TOTTUIT": 4.0, "WLOC_TYPE": "Gemengd", "JAAR": 2025,
            "geometry": _vierkant(hengelo, 7.5, -2),
        }
    )  # fmt: skip
    for jaar in JAREN:  # Zwolle (GM0193): outside Twente, left out with a note
        rijen.append(
            {
                "RIN_NUMMER": 950, "PLAN_NAAM": "Synthetisch terrein Zwolle", "GEM_CODES": "0193", "HA_BRUTO": 50.0,
                "HA_NETTO": 40.0, "HA_TOTTUIT": 5.0, "WLOC_TYPE": "Gemengd", "JAAR": jaar,
                "geometry": shapely.box(203_000, 500_000, 203_500, 500_800),
            }
        )  # fmt: skip
    return gpd.GeoDataFrame(rijen, geometry="geometry", crs=RD)


def verwacht(jaar: int) -> pd.DataFrame:
    """Per municipality name: terreinen, netto, uitgeefbaar — computed here from the table, independently."""
    tabel = ibis_tabel()
    tabel = tabel[tabel["JAAR"] == jaar].copy()
    tabel["code"] = "GM" + tabel["GEM_CODES"].astype(str).str.replace("GM", "").str.split(",").str[0].str.zfill(4)
    namen = {c: n for c, (n, _) in _plekken().items()}
    tabel = tabel[tabel["code"].isin(namen)]
    som = tabel.groupby("code").agg(
        terreinen=("RIN_NUMMER", "size"), netto=("HA_NETTO", "sum"), uit=("HA_TOTTUIT", "sum")
    )
    som.index = [namen[c] for c in som.index]
    return som.round(2)


def gpkg_bytes(frame: gpd.GeoDataFrame, tmp: Path, naam: str = "ibis.gpkg") -> bytes:
    pad = tmp / naam
    frame.to_file(pad, driver="GPKG", layer="ibis", engine="pyogrio")
    return pad.read_bytes()


def csv_bytes(frame: pd.DataFrame, sep: str = ";") -> bytes:
    """As a plain attribute table (no geometry), the way IBIS is often handed round."""
    tabel = pd.DataFrame(frame.drop(columns="geometry", errors="ignore"))
    return tabel.to_csv(sep=sep, index=False).encode()


def cijfers_csv(jaar: int = 2025) -> bytes:
    """Gemeente; Jaar; Banen; Inwoners for the 14 (synthetic figures: 2023's plus 1.000 and 500)."""
    from reb_maps.data import load_table

    g = load_table("gemeenten")
    tabel = pd.DataFrame(
        {"Gemeente": g["gemeente"], "Jaar": jaar, "Banen": g["banen_2023"] + 1000, "Inwoners": g["inwoners_2023"] + 500}
    )
    buffer = io.StringIO()
    tabel.to_csv(buffer, sep=";", index=False)
    return buffer.getvalue().encode()


def groot(jaren: int = 5, parken: int = 200) -> gpd.GeoDataFrame:
    """`jaren` × `parken` rows spread over the 14 municipalities (for the bench)."""
    plekken = sorted(_plekken().items())
    rijen = []
    for jaar in range(2024, 2024 + jaren):
        for p in range(parken):
            code, (_, punt) = plekken[p % 14]
            netto = 5.0 + (p % 17) + 0.1 * (jaar - 2024)
            rijen.append(
                {
                    "RIN_NUMMER": 10_000 + p, "PLAN_NAAM": f"Synthetisch {p}", "GEM_CODES": code[2:],
                    "HA_BRUTO": netto * 1.2, "HA_NETTO": netto, "HA_TOTTUIT": 1.0, "WLOC_TYPE": "Gemengd", "JAAR": jaar,
                    "geometry": _vierkant(shapely.Point(punt.x + (p // 14) * 150, punt.y), 1.0, 0),
                }
            )  # fmt: skip
    return gpd.GeoDataFrame(rijen, geometry="geometry", crs=RD)
