"""Time the test card of one 200 ha area ("Toets een locatie") at the 100 m grid, warm.

Prints the server time of `toets(...)` for a 200 ha polygon (drawn, 40 vertices) and a 200 ha candidate,
cold (first call: layers and the run's score grid) and warm (median of N calls), and the warm time as a
share of the 300 ms budget of the issue, and as a ratio to a cached engine run (`bereken`) with the same
parameters. Run: .venv/bin/python bench/bench_toets.py [--rondes N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import shapely

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reb_maps.zoekgebieden import bereken, standaard_parameters  # noqa: E402
from reb_maps.zoekgebieden.toets import kandidaat, toets  # noqa: E402

BUDGET_MS = 300.0


def _ms(func) -> float:
    start = time.perf_counter()
    func()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rondes", type=int, default=20)
    rondes = parser.parse_args().rondes
    params = standaard_parameters("grootschalig", resolutie_m=100)
    straal = (200 * 10_000 / 3.141592653589793) ** 0.5
    veelhoek = shapely.Point(245_000, 478_000).buffer(straal, quad_segs=10)  # 40 vertices, ≈ 200 ha
    cold = _ms(lambda: toets(veelhoek, params))
    warm = statistics.median(_ms(lambda: toets(veelhoek, params)) for _ in range(rondes))
    g01 = kandidaat(params, "G01")
    warm_kandidaat = statistics.median(_ms(lambda: toets(g01, params, "G01")) for _ in range(rondes))
    engine = statistics.median(_ms(lambda: bereken(params)) for _ in range(max(3, rondes // 4)))
    print(f"toets, 200 ha veelhoek ({veelhoek.area / 10_000:.0f} ha), 100 m raster")
    print(f"  koud (eerste keer, incl. kaartlagen en scoreraster): {cold:8.1f} ms")
    print(f"  warm (mediaan van {rondes}):                          {warm:8.1f} ms  = {warm / BUDGET_MS:.2f} × budget")
    print(f"  warm, kandidaat G01 ({g01.area / 10_000:.0f} ha, trappenrand):      {warm_kandidaat:8.1f} ms"
          f"  = {warm_kandidaat / BUDGET_MS:.2f} × budget")  # fmt: skip
    print(f"  ter vergelijking: bereken() warm {engine:.1f} ms; toets / bereken = {warm / engine:.2f}")
    print(f"  budget {BUDGET_MS:.0f} ms: {'gehaald' if max(warm, warm_kandidaat) <= BUDGET_MS else 'NIET gehaald'}")


if __name__ == "__main__":
    main()
