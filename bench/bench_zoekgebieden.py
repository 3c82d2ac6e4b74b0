"""Time the search engine (reb_maps.zoekgebieden) against a naive per-cell baseline in the same process.

Prints, for the whole of Twente at 100 m:
- first run (cold caches: layers, masks, distance grids) against the cached run, as a ratio;
- a NAIVE baseline: a Python loop over the grid cells computing the distance from each cell centre to the
  nearest exit with `math.hypot` (and, slower, with shapely `Point.distance`). It is timed on a random
  sample of cells and extrapolated to the full grid (said so in the output) when the full loop would
  take long; the ratio naive / cached engine run is the headline (goal ≥ 10×), although the engine
  does far more than that one distance grid;
- the same distance grid vectorised (cKDTree, cold) against the naive loop, which compares like with like.
Run: .venv/bin/python bench/bench_zoekgebieden.py [--rondes N] [--steekproef N]
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reb_maps import geodata  # noqa: E402
from reb_maps.zoekgebieden import bereken, grid, standaard_parameters  # noqa: E402

VOLLEDIG_MAX_S = 30.0  # run the naive loop over all cells only when it is expected to take less than this


def _n(getal: int) -> str:
    return f"{getal:,}".replace(",", ".")


def _timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def _cold() -> None:
    grid.wis_cache()
    geodata._load.cache_clear()  # a benchmark of the first run must reload the layers too


def naive_math(xs, ys, afritten) -> list[float]:
    uit = []
    for x, y in zip(xs, ys, strict=True):
        uit.append(min(math.hypot(x - ax, y - ay) for ax, ay in afritten))
    return uit


def naive_shapely(xs, ys, afritten) -> list[float]:
    punten = shapely.MultiPoint(afritten)
    return [shapely.Point(x, y).distance(punten) for x, y in zip(xs, ys, strict=True)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rondes", type=int, default=10)
    parser.add_argument("--steekproef", type=int, default=20_000)
    args = parser.parse_args()

    params = standaard_parameters("grootschalig", resolutie_m=100)
    _cold()
    eerste = _timed(lambda: bereken(params))
    gecached = statistics.median(_timed(lambda: bereken(params)) for _ in range(args.rondes))
    mkb = standaard_parameters("regionaal-mkb", resolutie_m=100)
    bereken(mkb)
    gecached_mkb = statistics.median(_timed(lambda: bereken(mkb)) for _ in range(args.rondes))

    r = grid.raster(100)
    xc, yc = (np.asarray(a) for a in grid.middelpunten(100))
    afritten = [tuple(p) for p in shapely.get_coordinates(grid.bron("afrit").geometry.values)]
    rng = np.random.default_rng(0)
    steekproef = rng.choice(r.size, min(args.steekproef, r.size), replace=False)
    xs, ys = xc[steekproef].tolist(), yc[steekproef].tolist()

    t_math = _timed(lambda: naive_math(xs, ys, afritten))
    t_shapely = _timed(lambda: naive_shapely(xs[:2000], ys[:2000], afritten)) * len(xs) / min(2000, len(xs))
    schatting_math = t_math * r.size / len(xs)
    if schatting_math <= VOLLEDIG_MAX_S:
        naief = _timed(lambda: naive_math(xc.tolist(), yc.tolist(), afritten))
        hoe = f"volledige lus over {_n(r.size)} cellen"
    else:
        naief = schatting_math
        hoe = f"geëxtrapoleerd uit {_n(len(xs))} van {_n(r.size)} cellen"
    naief_shapely = t_shapely * r.size / len(xs)

    grid.afstand.cache_clear()
    vectorised = _timed(lambda: grid.afstand("afrit", 100))
    controle = np.asarray(naive_math(xs[:500], ys[:500], afritten))
    afwijking = np.abs(grid.afstand("afrit", 100)[steekproef[:500]] - controle).max()

    print(f"Zoekgebieden-benchmark, heel Twente op 100 m ({r.nx}×{r.ny} = {_n(r.size)} cellen)")
    print(f"  eerste run (koud)            {eerste:8.3f} s")
    print(f"  gecachte run grootschalig    {gecached:8.3f} s   (mediaan van {args.rondes})")
    print(f"  gecachte run regionaal-mkb   {gecached_mkb:8.3f} s")
    print(f"  naïeve afstandslus (math)    {naief:8.3f} s   ({hoe})")
    print(f"  naïeve afstandslus (shapely) {naief_shapely:8.3f} s   (geëxtrapoleerd uit 2.000 cellen)")
    print(f"  afstandsgrid gevectoriseerd  {vectorised:8.3f} s   (cKDTree, koud; max. verschil {afwijking:.1e} m)")
    snelste = min(naief, naief_shapely)  # the headline ratio uses the faster naive variant
    print("Verhoudingen")
    print(f"  snelste naïeve lus / gecachte run:     {snelste / gecached:8.1f}×   (doel ≥ 10×)")
    print(f"  naïef (math) / gecachte run:           {naief / gecached:8.1f}×")
    print(f"  naïef (shapely) / gecachte run:        {naief_shapely / gecached:8.1f}×")
    print(f"  naïef (math) / gevectoriseerd grid:    {naief / vectorised:8.1f}×   (zelfde grootheid)")
    print(f"  eerste run / gecachte run:             {eerste / gecached:8.1f}×")
    print(f"  gecachte run ≤ 1 s:                    {'ja' if gecached <= 1 else 'NEE'}")
    return 0 if gecached <= 1 and snelste / gecached >= 10 else 1


if __name__ == "__main__":
    sys.exit(main())
