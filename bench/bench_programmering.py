"""Programmering at the scale of a whole region's spreadsheet: import 10.000 rows, their balance, the Bijlage PDF.

Goals (issue "Programmering"): import ≤ 3 s, balance ≤ 200 ms, Bijlage PDF ≤ 5 s.
Run: .venv/bin/python bench/bench_programmering.py [--rondes N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402

from reb_maps.data import GEMEENTEN  # noqa: E402
from reb_maps.programmering import excel, varianten  # noqa: E402
from reb_maps.programmering.balans import balans  # noqa: E402
from reb_maps.programmering.regels import FASEN, HARDHEDEN, KOLOMMEN, SEGMENTEN  # noqa: E402
from reb_maps.weergave.documenten.programmering import bijlage_pdf  # noqa: E402
from reb_maps.werkruimte import Auteur, Werkruimte  # noqa: E402

RIJEN = 10_000


def invulblad(rijen: int) -> bytes:
    boek = Workbook()
    blad = boek.active
    blad.title = "Programmering"
    blad.append(list(KOLOMMEN))
    for i in range(rijen):
        blad.append([GEMEENTEN[i % 14], f"Kavel {i + 1}", SEGMENTEN[i % 4], f"{(i % 37) / 4:.2f}".replace(".", ","),
                     HARDHEDEN[i % 2], FASEN[i % 3], "bestemmingsplan vastgesteld", "bench"])  # fmt: skip
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def meet(stap, rondes: int) -> tuple[float, object]:
    tijden, uitkomst = [], None
    for _ in range(rondes):
        start = time.perf_counter()
        uitkomst = stap()
        tijden.append(time.perf_counter() - start)
    return statistics.median(tijden), uitkomst


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rondes", type=int, default=3)
    args = parser.parse_args()
    data = invulblad(RIJEN)
    print(f"invulblad: {RIJEN} regels, {len(data) / 1e6:.2f} MB")
    lezen, ingelezen = meet(lambda: excel.lees(data), args.rondes)
    assert ingelezen.geldig and len(ingelezen.regels) == RIJEN
    with tempfile.TemporaryDirectory() as map_:
        ruimte = Werkruimte.open(Path(map_) / "bench.sqlite")
        bewaren, v = meet(lambda: varianten.nieuw(ruimte, f"Bench {time.time_ns()}", ingelezen.regels,
                                                   Auteur("Bench")), args.rondes)  # fmt: skip
        rekenen, b = meet(lambda: balans(v.regels, schaalsprong_extra_ha=295.88), args.rondes * 3)
        pdf_tijd, pdf = meet(lambda: bijlage_pdf(v, b), args.rondes)
        ruimte.sluit()
    print(f"importeren (lezen + controleren): {lezen:.2f} s; in de werkruimte bewaren: {bewaren:.2f} s; "
          f"samen {lezen + bewaren:.2f} s (doel ≤ 3 s)")  # fmt: skip
    print(f"balans van {RIJEN} regels: {rekenen * 1000:.0f} ms (doel ≤ 200 ms)")
    print(f"Bijlage (PDF): {pdf_tijd:.2f} s, {len(pdf) / 1e6:.2f} MB (doel ≤ 5 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
