"""Time the real app against an empty one-line Streamlit app, served and driven the same way.

Prints ratios (app / empty page) for: navigation → map drawn, navigation → charts drawn, and the
map payload (bytes received over the websocket while the map page loads) in MB.
Run: .venv/bin/python bench/bench_app.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import (  # noqa: E402
    CHROMIUM_ARGS,
    chromium_path,
    free_port,
    start_streamlit,
    wait_healthy,
)
from tests.browser.helpers import MAP_FRAME  # noqa: E402


def timed_load(page, url: str, ready) -> tuple[float, int]:
    received = [0]

    def on_ws(ws):
        ws.on("framereceived", lambda payload: received.__setitem__(0, received[0] + len(payload)))

    page.on("websocket", on_ws)
    start = time.perf_counter()
    page.goto(url)
    ready(page)
    elapsed = time.perf_counter() - start
    page.remove_listener("websocket", on_ws)
    return elapsed, received[0]


def map_ready(page):
    page.frame_locator(MAP_FRAME).first.locator("path.leaflet-interactive").first.wait_for(timeout=90_000)


def charts_ready(page):
    page.locator(".js-plotly-plot").first.wait_for(timeout=90_000)


def empty_ready(page):
    page.get_by_text("Leeg").wait_for(timeout=90_000)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    chromium = chromium_path()
    if not chromium:
        print("Chromium ontbreekt: apt-get install chromium")
        return 1
    from playwright.sync_api import sync_playwright

    logs = ROOT / "bench" / "out"
    logs.mkdir(exist_ok=True)
    servers = {}
    for name, script in (("app", "app.py"), ("leeg", "bench/empty_app.py")):
        port = free_port()
        proc = start_streamlit(script, port, logs / f"{name}.log")
        servers[name] = (proc, f"http://127.0.0.1:{port}")
    try:
        for proc, url in servers.values():
            wait_healthy(url, proc)
        app_url, empty_url = servers["app"][1], servers["leeg"][1]
        results: dict[str, list[float]] = {"leeg": [], "kaart": [], "grafieken": []}
        payload = {"leeg": 0, "kaart": 0}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            # Warm-up: first run of each server fills the process caches.
            for url, ready in (
                (empty_url, empty_ready),
                (app_url, map_ready),
                (f"{app_url}/gemeenten", charts_ready),
            ):
                ctx = browser.new_context()
                timed_load(ctx.new_page(), url, ready)
                ctx.close()
            for _ in range(args.rounds):
                for key, url, ready in (
                    ("leeg", empty_url, empty_ready),
                    ("kaart", app_url, map_ready),
                    ("grafieken", f"{app_url}/gemeenten", charts_ready),
                ):
                    ctx = browser.new_context(viewport={"width": 1500, "height": 1000})
                    seconds, received = timed_load(ctx.new_page(), url, ready)
                    ctx.close()
                    results[key].append(seconds)
                    if key in payload:
                        payload[key] = received
            browser.close()
    finally:
        for proc, _ in servers.values():
            proc.terminate()
            proc.wait(timeout=10)
    base = statistics.median(results["leeg"])
    print(f"lege pagina (basis): {base:.2f} s (mediaan van {args.rounds})")
    for key in ("kaart", "grafieken"):
        med = statistics.median(results[key])
        print(f"{key}: {med:.2f} s = {med / base:.2f}x de lege pagina")
    print(
        f"kaart-payload via websocket: {payload['kaart'] / 1e6:.2f} MB (lege pagina {payload['leeg'] / 1e6:.3f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
