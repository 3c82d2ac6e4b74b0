"""A year's parks for the map: shapes (from the file, or another year with the same RIN_NUMMER) and what changed.

An attribute-only IBIS year has no shapes; its parks still count fully in the series, and on the map they take
the shape that another imported year gives the same RIN_NUMMER (the nearest year first).
"""

from __future__ import annotations

import geopandas as gpd

from reb_maps import fmt
from reb_maps.crs import RD
from reb_maps.monitor import regels
from reb_maps.monitor.invoer import IBIS
from reb_maps.monitor.opslag import peiljaren, terreinen
from reb_maps.werkruimte import Werkruimte

DREMPEL_HA = 0.005  # below half a hundredth of a hectare: rounding, not a change


def parken_met_verandering(
    ruimte: Werkruimte, jaar: int, eigen: tuple[str, gpd.GeoDataFrame] | None = None
) -> gpd.GeoDataFrame | None:
    """The parks of IBIS year `jaar` (EPSG:28992) with `veranderd`, `verandering` (Dutch text), `vorm_uit`
    and `gemeente_naam`; None when that year has no IBIS parks in the workspace.

    `eigen`: (name, parks) of a user's own IBIS layer (EPSG:28992, column `rin_nummer`) — the last source of
    shapes, after the other imported years.
    """
    jaren = peiljaren(ruimte, soort=IBIS)
    huidig = next((p for p in jaren if p.jaar == jaar), None)
    if huidig is None:
        return None
    parken = terreinen(ruimte, huidig)
    parken["vorm_uit"] = ""
    ontbreekt = parken.geometry.isna() | parken.geometry.is_empty
    for ander in sorted((p for p in jaren if p.id != huidig.id), key=lambda p: (abs(p.jaar - jaar), -p.jaar)):
        if not ontbreekt.any():
            break
        vormen = terreinen(ruimte, ander)
        vormen = vormen[vormen.geometry.notna() & ~vormen.geometry.is_empty].drop_duplicates("rin_nummer")
        per_rin = dict(zip(vormen["rin_nummer"], vormen.geometry, strict=True))
        vul = ontbreekt & parken["rin_nummer"].isin(per_rin)
        parken.loc[vul, "geometry"] = parken.loc[vul, "rin_nummer"].map(per_rin)
        parken.loc[vul, "vorm_uit"] = f"uit IBIS {ander.jaar} (zelfde RIN-nummer)"
        ontbreekt &= ~vul
    if eigen is not None and ontbreekt.any():
        naam, vormen = eigen
        vormen = vormen[vormen.geometry.notna() & ~vormen.geometry.is_empty]
        rins = vormen["rin_nummer"].astype(str).str.strip().str.removesuffix(".0")
        per_rin = dict(zip(rins, vormen.geometry, strict=True))
        vul = ontbreekt & parken["rin_nummer"].isin(per_rin)
        parken.loc[vul, "geometry"] = parken.loc[vul, "rin_nummer"].map(per_rin)
        parken.loc[vul, "vorm_uit"] = f"uit uw eigen laag {naam} (zelfde RIN-nummer)"
    eerder = [p for p in jaren if p.jaar < jaar]
    vorig = terreinen(ruimte, eerder[-1]) if eerder else None
    vorig_jaar = eerder[-1].jaar if eerder else None
    vorig_netto = {} if vorig is None else dict(zip(vorig["rin_nummer"], vorig["ha_netto"], strict=True))
    teksten, veranderd = [], []
    for rin, netto in zip(parken["rin_nummer"], parken["ha_netto"], strict=True):
        if vorig is None:
            teksten.append("geen eerder jaar ingelezen")
            veranderd.append(False)
        elif rin not in vorig_netto:
            teksten.append(f"nieuw sinds {vorig_jaar}")
            veranderd.append(True)
        elif fmt.is_missing(netto) or fmt.is_missing(vorig_netto[rin]):
            teksten.append("netto niet bekend")
            veranderd.append(False)
        else:
            verschil = float(netto) - float(vorig_netto[rin])
            groot = abs(verschil) >= DREMPEL_HA
            teksten.append(
                f"{'+' if verschil > 0 else '−'}{fmt.getal(abs(verschil), 2)} ha netto sinds {vorig_jaar}"
                if groot else f"netto gelijk aan {vorig_jaar}"
            )  # fmt: skip
            veranderd.append(groot)
    parken["verandering"], parken["veranderd"] = teksten, veranderd
    parken["gemeente_naam"] = parken["gemeente"].map(regels.naam_van)
    return gpd.GeoDataFrame(parken, geometry="geometry", crs=RD)
