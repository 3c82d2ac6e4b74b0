"""Time the briefing PDF: one briefing (cold and warm), all fifteen, and the size of each file.

Targets from issue 9 on this 2-core machine: one briefing ≤ 3 s, all fifteen ≤ 30 s, each PDF ≤ 2 MB.
Next to the seconds, every time is given as a ratio to a floor measured in the same run (a one-page fpdf2
document with one matplotlib bar chart as SVG), so a busy machine shows up in both.
Run: .venv/bin/python bench/bench_briefing.py [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

START = time.perf_counter()
from reb_maps.data import GEMEENTEN  # noqa: E402
from reb_maps.weergave.documenten import briefing  # noqa: E402

IMPORT_S = time.perf_counter() - START
DOEL_EEN_S, DOEL_ALLE_S, DOEL_MB = 3.0, 30.0, 2.0


def vloer() -> float:
    """A one-page PDF with one small vector chart: what any matplotlib + fpdf2 document costs at least."""
    from fpdf import FPDF
    from matplotlib.figure import Figure

    start = time.perf_counter()
    fig = Figure(figsize=(4, 3))
    fig.subplots().barh(range(14), range(14))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(buffer.getvalue()), x=10, y=10, w=100)
    pdf.output()
    return time.perf_counter() - start


def timed(func):
    """Wall-clock seconds and the result; CPU seconds of this process go to CPU (contention-free)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = func()
    CPU.append(time.process_time() - cpu)
    return time.perf_counter() - start, result


CPU: list[float] = []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="figures as JSON")
    args = parser.parse_args()
    datum = dt.date(2026, 12, 2)
    logging.getLogger("fpdf.svg").setLevel(logging.ERROR)  # the floor's SVG keeps matplotlib's <metadata>
    vloer()  # warm matplotlib's font cache
    vloer_s = statistics.median(vloer() for _ in range(3))
    koud_s, _ = timed(lambda: briefing.briefing_pdf("Almelo", datum=datum))
    warm = [timed(lambda: briefing.briefing_pdf("Almelo", datum=datum))[0] for _ in range(3)]
    warm_cpu = statistics.median(CPU[-3:])
    alle_s, groottes = timed(lambda: {g or "Twente": len(briefing.briefing_pdf(g, datum=datum))
                                      for g in [*GEMEENTEN, None]})  # fmt: skip
    figuren = {
        "import_s": round(IMPORT_S, 2),
        "vloer_s": round(vloer_s, 3),
        "een_koud_s": round(koud_s, 2),
        "een_warm_s": round(statistics.median(warm), 2),
        "een_warm_cpu_s": round(warm_cpu, 2),
        "alle_vijftien_s": round(alle_s, 2),
        "alle_vijftien_cpu_s": round(CPU[-1], 2),
        "grootste_mb": round(max(groottes.values()) / 1e6, 3),
        "kleinste_mb": round(min(groottes.values()) / 1e6, 3),
        "een_warm_x_vloer": round(statistics.median(warm) / vloer_s, 1),
        "alle_x_vloer": round(alle_s / vloer_s, 1),
    }
    if args.json:
        print(json.dumps(figuren | {"groottes_bytes": groottes}, ensure_ascii=False, indent=2))
    else:
        print(f"Import (matplotlib, geopandas, fpdf2, data):  {figuren['import_s']:.2f} s")
        print(f"Vloer (1 pagina, 1 SVG-grafiek):              {vloer_s:.3f} s")
        print(f"Eén briefing Almelo, koud (lagen laden):      {koud_s:.2f} s")
        print(f"Eén briefing Almelo, warm (mediaan van 3):    {figuren['een_warm_s']:.2f} s  "
              f"(= {figuren['een_warm_x_vloer']}× vloer; doel ≤ {DOEL_EEN_S:.0f} s)")  # fmt: skip
        print(f"  CPU-tijd van dit proces (los van drukte):   {warm_cpu:.2f} s")
        print(f"Alle vijftien (14 gemeenten + Twente):        {alle_s:.2f} s  "
              f"(= {figuren['alle_x_vloer']}× vloer; doel ≤ {DOEL_ALLE_S:.0f} s)")  # fmt: skip
        print(f"  CPU-tijd van dit proces:                    {CPU[-1]:.2f} s")
        print(f"PDF-grootte: {figuren['kleinste_mb']:.3f}–{figuren['grootste_mb']:.3f} MB (doel ≤ {DOEL_MB:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
