"""Eigen data bench: §4.1 score of 180 parks × 60.000 panden (goal ≤ 2 s) and a 20 MB GeoPackage read and
prepared for the map (goal ≤ 5 s). Synthetic data from tests/fixtures_eigen_data; prints the figures.

    python bench/bench_eigen_data.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reb_maps import fmt, herontwikkeling
from reb_maps.eigen_data import lees
from reb_maps.weergave.eigen_laag import grootte, kaartdata
from tests import fixtures_eigen_data as fx

DOEL_SCORE_S = 2.0
DOEL_KAART_S = 5.0


def parken_en_panden(n_parken: int = 180, n_panden: int = 60_000, seed: int = 3):
    rng = np.random.default_rng(seed)
    kant = int(np.ceil(np.sqrt(n_parken)))
    i = np.arange(n_parken)
    x = 230_000 + (i % kant) * 2_500
    y = 465_000 + (i // kant) * 2_500
    zijde = rng.uniform(200, 1_500, n_parken)
    parken = gpd.GeoDataFrame(
        {"naam": [f"Synthetisch terrein {k}" for k in i], "milieucat": rng.choice(["2", "3.1", "4"], n_parken)},
        geometry=shapely.box(x, y, x + zijde, y + zijde),
        crs=fx.RD,
    )
    welk = rng.integers(0, n_parken, n_panden)
    px = x[welk] + rng.uniform(0, 1, n_panden) * (zijde[welk] - 30)
    py = y[welk] + rng.uniform(0, 1, n_panden) * (zijde[welk] - 30)
    m = rng.uniform(8, 30, n_panden)
    panden = gpd.GeoDataFrame(
        {"bouwjaar": rng.integers(1900, 2024, n_panden)}, geometry=shapely.box(px, py, px + m, py + m), crs=fx.RD
    )
    return parken, panden


def _timed(func, herhaal: int = 3) -> tuple[float, object]:
    beste, uit = float("inf"), None
    for _ in range(herhaal):
        start = time.perf_counter()
        uit = func()
        beste = min(beste, time.perf_counter() - start)
    return beste, uit


def main() -> int:
    parken, panden = parken_en_panden()
    t_score, resultaat = _timed(lambda: herontwikkeling.scoor(parken, panden))
    print(f"§4.1-score: {len(parken)} terreinen × {fmt.getal(len(panden))} panden")
    print(f"  {t_score:6.2f} s (doel ≤ {DOEL_SCORE_S:g} s)  {'OK' if t_score <= DOEL_SCORE_S else 'TE TRAAG'}")
    assert resultaat["panden"].sum() == len(panden)

    with tempfile.TemporaryDirectory() as tmp:
        pad = fx.grote_gpkg(Path(tmp) / "groot.gpkg", doel_mb=20)
        data = pad.read_bytes()
    mb = len(data) / 1_000_000

    def lees_en_kaart():
        res = lees(data, "groot.gpkg")
        return res, kaartdata(res.weergave, "groot", "naam")

    t_kaart, (res, kaart) = _timed(lees_en_kaart, herhaal=2)
    print(f"GeoPackage {fmt.getal(mb, 1)} MB, {fmt.getal(res.samenvatting.features)} vlakken, lezen + kaartdata")
    print(f"  {t_kaart:6.2f} s (doel ≤ {DOEL_KAART_S:g} s)  {'OK' if t_kaart <= DOEL_KAART_S else 'TE TRAAG'}")
    print(f"  kaartdata {grootte(kaart) / 1_000_000:.2f} MB, tolerantie {res.samenvatting.weergave_tolerantie_m:g} m")
    return 0


if __name__ == "__main__":
    sys.exit(main())
