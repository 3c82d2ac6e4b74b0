"""What an uploaded layer sends to the browser: escaped popups and tooltips, colours, a payload ≤ 2 MB.

Every value from the user's file is escaped here (names and values may hold HTML or script); the map
renders `popup` and `tip` as HTML, so nothing else may put user text into them.
"""

from __future__ import annotations

import html
import json
import warnings

import geopandas as gpd
import mapclassify
import numpy as np
import pandas as pd

from reb_maps import fmt, popup
from reb_maps.eigen_data.meldingen import MAX_WEERGAVE_BYTES

# Colour-blind safe categorical colours (Okabe–Ito, then Tol's muted) and a sequential scale for classes.
CATEGORIE_KLEUREN = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#332288",
    "#88CCEE", "#44AA99", "#117733", "#999933",
)  # fmt: skip
KLASSE_KLEUREN = ("#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15")
KLEUR_STANDAARD = "#6a3d9a"
KLEUR_OVERIG = "#bdbdbd"
OVERIG = "overig"
ONBEKEND = "onbekend"
MAX_POPUP_KOLOMMEN = 15
MAX_WAARDE_TEKENS = 100


def _tekst(waarde, max_tekens: int = MAX_WAARDE_TEKENS) -> str:
    if waarde is None or (not isinstance(waarde, (list, tuple, np.ndarray)) and pd.isna(waarde)):
        return ""
    tekst = str(waarde)
    return tekst if len(tekst) <= max_tekens else tekst[: max_tekens - 1] + "…"


def popup_html(titel: str, rijen: list[tuple[str, object]], bron: str = "") -> str:
    """The shared popup table with a user's long names and values cut short and long lists scrolling."""
    rijen = [(_tekst(k, 40), _tekst(v)) for k, v in rijen]
    return popup.popup_html(_tekst(titel, 80), rijen, bron, max_hoogte=260)


def attribuut_kolommen(frame: pd.DataFrame) -> list[str]:
    return [str(k) for k in frame.columns if k != frame.geometry.name]


def kleur_indeling(waarden: pd.Series, klassen: int = 5) -> tuple[list[str], list[tuple[str, str]]]:
    """A colour per value and the legend rows (label, colour).

    Numbers: classes by mapclassify (Fisher–Jenks, or quantiles for large sets); text: one colour per category,
    the most frequent first, the rest 'overig'.
    """
    getallen = pd.to_numeric(waarden, errors="coerce") if not pd.api.types.is_bool_dtype(waarden) else None
    if getallen is not None and getallen.notna().any() and getallen.notna().sum() >= 0.9 * waarden.notna().sum():
        bekend = getallen.dropna().to_numpy(dtype=float)
        k = min(klassen, len(np.unique(bekend)))
        if k >= 2:
            with warnings.catch_warnings():  # "Numba not installed": the pure-Python path is fine at this size
                warnings.simplefilter("ignore", UserWarning)
                schema = (mapclassify.FisherJenks if len(bekend) <= 5_000 else mapclassify.Quantiles)(bekend, k=k)
            grenzen = np.asarray(schema.bins)
            kleuren_k = [KLASSE_KLEUREN[round(i * (len(KLASSE_KLEUREN) - 1) / (k - 1))] for i in range(k)]
            index = np.searchsorted(grenzen, getallen.to_numpy(dtype=float, na_value=np.nan), side="left")
            per_rij = zip(index, getallen.notna().to_numpy(), strict=True)
            kleuren = [kleuren_k[min(i, k - 1)] if ok else KLEUR_OVERIG for i, ok in per_rij]
            ondergrens = [float(bekend.min()), *grenzen[:-1]]
            legenda = [
                (f"{fmt.getal(lo, 2)} – {fmt.getal(hi, 2)}", kleuren_k[i])
                for i, (lo, hi) in enumerate(zip(ondergrens, grenzen, strict=True))
            ]
            if getallen.isna().any():
                legenda.append((ONBEKEND, KLEUR_OVERIG))
            return kleuren, legenda
    tekst = waarden.map(lambda v: _tekst(v, 60) or ONBEKEND)
    vaak = tekst.value_counts().index[: len(CATEGORIE_KLEUREN)]
    palet = dict(zip(vaak, CATEGORIE_KLEUREN, strict=False))
    kleuren = [palet.get(t, KLEUR_OVERIG) for t in tekst]
    legenda = [(str(t), palet[t]) for t in vaak]
    if len(tekst.unique()) > len(vaak):
        legenda.append((OVERIG, KLEUR_OVERIG))
    return kleuren, legenda


def kaartdata(
    frame: gpd.GeoDataFrame,
    titel: str,
    label_kolom: str | None = None,
    kleuren: list[str] | None = None,
    bron: str = "",
) -> dict:
    """GeoJSON FeatureCollection with `popup`, `tip` (both escaped HTML) and `kleur`, at most 2 MB as JSON.

    When popups make it too large they are shortened to the label, then left out (the tooltip stays).
    """
    kolommen = attribuut_kolommen(frame)[:MAX_POPUP_KOLOMMEN]
    kleuren = kleuren if kleuren is not None else [KLEUR_STANDAARD] * len(frame)
    labels_ = frame[label_kolom] if label_kolom else pd.Series([titel] * len(frame), index=frame.index)
    tips = [html.escape(_tekst(v, 80) or titel) for v in labels_]
    waarden = frame[kolommen].to_numpy(dtype=object) if kolommen else np.empty((len(frame), 0), dtype=object)
    popups = [
        popup_html(tip_tekst, list(zip(kolommen, rij, strict=True)), bron)
        for tip_tekst, rij in zip((_tekst(v, 80) or titel for v in labels_), waarden, strict=True)
    ]
    geometrie = json.loads(gpd.GeoSeries(frame.geometry.values, crs=frame.crs).to_json(drop_id=True))["features"]
    for stap in ("volledig", "zonder popup"):
        features = [
            {"type": "Feature", "id": str(i), "geometry": g["geometry"],
             "properties": {"tip": t, "kleur": c, **({"popup": p} if stap == "volledig" else {})}}
            for i, (g, t, c, p) in enumerate(zip(geometrie, tips, kleuren, popups, strict=True))
        ]  # fmt: skip
        data = {"type": "FeatureCollection", "features": features}
        if grootte(data) <= MAX_WEERGAVE_BYTES:
            return data
    return data


def grootte(data: dict) -> int:
    return len(json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
