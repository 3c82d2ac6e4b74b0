"""Time the presentation: the deck build (goal ≤ 10 s) and the page's first step against an empty Streamlit page
(goal ≤ 1,5×), both served and driven the same way as in bench_app.py.

Run: .venv/bin/python bench/bench_presentatie.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_app import bench_servers, empty_ready, timed_load  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402


def deck_seconds() -> float:
    """A fresh process, as a user runs the CLI: imports, data, pictures and the .pptx."""
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reb_maps.presentatie", "--uit", f"{tmp}/deck.pptx"], cwd=ROOT,
                       check=True, capture_output=True)  # fmt: skip
        return time.perf_counter() - start


def stap_ready(page):
    page.locator(".reb-dia img").first.wait_for(timeout=120_000)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    deck = [deck_seconds() for _ in range(max(1, args.rounds - 1))]
    print(f"deck (CLI, nieuw proces): mediaan {statistics.median(deck):.1f} s (doel ≤ 10 s)")
    chromium = chromium_path()
    if not chromium:
        print("Chromium ontbreekt: apt-get install chromium")
        return 1
    from playwright.sync_api import sync_playwright

    with bench_servers({"app": "app.py", "leeg": "bench/empty_app.py"}, "presentatie-") as urls:
        targets = (("leeg", urls["leeg"], empty_ready),
                   ("presentatie", f"{urls['app']}/presentatie?stap=1", stap_ready))  # fmt: skip
        tijden: dict[str, list[float]] = {k: [] for k, _, _ in targets}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for _, url, ready in targets:  # warm-up: the first run fills the caches (pictures, tables)
                ctx = browser.new_context()
                timed_load(ctx.new_page(), url, ready)
                ctx.close()
            for _ in range(args.rounds):
                for key, url, ready in targets:
                    ctx = browser.new_context(viewport={"width": 1280, "height": 720})
                    tijden[key].append(timed_load(ctx.new_page(), url, ready)[0])
                    ctx.close()
            browser.close()
    leeg, stap = statistics.median(tijden["leeg"]), statistics.median(tijden["presentatie"])
    print(f"lege pagina: {leeg:.2f} s · presentatie stap 1: {stap:.2f} s · verhouding {stap / leeg:.2f}× (doel ≤ 1,5×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
