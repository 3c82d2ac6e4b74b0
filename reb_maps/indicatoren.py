"""Derived municipal indicators: the shortfall of hard supply against indicative demand.

The traffic light itself lives in reb_maps.kerncijfers (one function for every page, chart and document).
With an imported year (Monitor) the same indicators read that year's figures (`met_peildatum`).
"""

from __future__ import annotations

import pandas as pd

from reb_maps import labels
from reb_maps.fmt import is_missing


def tekort(aanbod, vraag_min):
    """Hectares missing to meet the minimum indicative demand (0 when supply suffices; NA when unknown)."""
    if is_missing(aanbod) or is_missing(vraag_min):
        return pd.NA
    return max(float(vraag_min) - float(aanbod), 0.0)


def met_peildatum(frame: pd.DataFrame, peil) -> pd.DataFrame:
    """That year's figures (`reb_maps.monitor.reeks.Peildatum`) as `peil_*` columns beside the report's, by name."""
    frame = frame.copy()
    jaar = [peil.van(g) for g in frame["gemeente"]]

    def kolom(waarden) -> pd.array:
        return pd.array([pd.NA if w is None else float(w) for w in waarden], dtype="Float64")

    frame["peil_banen"] = kolom(j["banen"] for j in jaar)
    frame["peil_inwoners"] = kolom(j["inwoners"] for j in jaar)
    frame["peil_netto"] = kolom(j["netto_ha"] for j in jaar)
    frame["peil_uitgeefbaar"] = kolom(j["uitgeefbaar_ha"] for j in jaar)
    frame["peil_terreinen"] = kolom(j["terreinen"] for j in jaar)
    frame["peil_banengroei"] = ((frame["peil_banen"] / frame["banen_2023"].astype("Float64") - 1) * 100).round(1)
    frame["peil_tekort"] = pd.array(
        [tekort(a, lo) for a, lo in zip(frame["peil_uitgeefbaar"], frame["vraag_min_ha"], strict=True)],
        dtype="Float64",
    )
    return frame


def indicator_kolom(frame: pd.DataFrame, sleutel: str, peil=None) -> pd.Series:
    """The values the choropleth colours by: the report's column, or with `peil` that year's (met_peildatum)."""
    ind = labels.indicator(sleutel)
    if peil is not None:
        return frame[labels.INDICATOR_PEIL[ind.sleutel][1]]
    return frame["tekort_ha"] if ind.kolom is None else frame[ind.kolom]


def indicator_label(sleutel: str, peil=None) -> str:
    ind = labels.indicator(sleutel)
    return ind.label if peil is None else labels.INDICATOR_PEIL[ind.sleutel][0].format(jaar=peil.jaar)
