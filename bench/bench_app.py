"""Time the real app's pages against floors: minimal Streamlit apps served and driven the same way.

Three floors: an empty one-line page (for text pages), a one-chart plotly page (for chart pages) and a
one-layer st_folium map (for map pages). Beside them, the Gemeenten page's own first chart alone on an empty page:
the page against it says what the page costs beyond drawing that chart. Prints, cold and warm browser cache,
every page's time as a ratio to its own floor (and to the empty page), and the map payload (bytes received over
the websocket plus the layer files while the map page loads) in MB.
Run: .venv/bin/python bench/bench_app.py [--rounds N]
"""

from __future__ import annotations

import argparse
import contextlib
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

# Every page against the floor of its kind: text pages → empty page, chart pages → one plotly chart,
# map pages → one st_folium layer. "nav" is itself a floor-like text page (st.navigation + sidebar).
FLOOR_NAMES = {"leeg": "de lege pagina", "plotly": "de plotly-pagina", "kaartvloer": "de kaart met één laag"}
PAGE_FLOORS = {"nav": "leeg", "grafieken": "plotly", "kaart": "kaartvloer"}


def timed_load(page, url: str, ready) -> tuple[float, int]:
    """Seconds from navigation to `ready`, and the bytes of map data received (websocket + layer files)."""
    received = [0]

    def count(n: int) -> None:
        received[0] += n

    def on_ws(ws):
        ws.on("framereceived", lambda payload: count(len(payload)))

    def on_response(response):
        if "/app/static/geo/" in response.url:
            with contextlib.suppress(Exception):  # a response cut off by navigation has no body
                count(len(response.body()))  # decoded size: the layer files are sent gzipped

    page.on("websocket", on_ws)
    page.on("response", on_response)
    start = time.perf_counter()
    page.goto(url)
    ready(page)
    elapsed = time.perf_counter() - start
    page.wait_for_load_state("networkidle")  # the byte count includes layers still arriving after the first draw
    page.remove_listener("websocket", on_ws)
    page.remove_listener("response", on_response)
    return elapsed, received[0]


@contextlib.contextmanager
def bench_servers(scripts: dict[str, str], log_prefix: str = ""):
    """Start one Streamlit server per script on free loopback ports; yields {name: url}; stops them all."""
    logs = ROOT / "bench" / "out"
    logs.mkdir(exist_ok=True)
    started = {}
    try:
        for name, script in scripts.items():
            port = free_port()
            started[name] = (
                start_streamlit(script, port, logs / f"{log_prefix}{name}.log"),
                f"http://127.0.0.1:{port}",
            )
        for proc, url in started.values():
            wait_healthy(url, proc)
        yield {name: url for name, (_, url) in started.items()}
    finally:
        for proc, _ in started.values():
            proc.terminate()
            proc.wait(timeout=10)


def map_ready(page):
    page.frame_locator(MAP_FRAME).first.locator("path.leaflet-interactive").first.wait_for(timeout=90_000)


def charts_ready(page):
    page.locator(".js-plotly-plot").first.wait_for(timeout=90_000)


def nav_ready(page):
    page.locator("h1", has_text="A").first.wait_for(timeout=90_000)


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

    scripts = {"app": "app.py", "leeg": "bench/empty_app.py", "plotly": "bench/plotly_app.py",
               "nav": "bench/nav_app.py", "kaartvloer": "bench/map_app.py",
               "eigen_grafiek": "bench/gemeenten_grafiek_app.py"}  # fmt: skip
    with bench_servers(scripts) as urls:
        app_url, empty_url, plotly_url, nav_url, map_url, grafiek_url = (urls[k] for k in scripts)
        targets = (
            ("leeg", empty_url, empty_ready),
            ("plotly", plotly_url, charts_ready),
            ("kaartvloer", map_url, map_ready),
            ("nav", nav_url, nav_ready),
            ("kaart", app_url, map_ready),
            ("grafieken", f"{app_url}/gemeenten", charts_ready),
            ("eigen_grafiek", grafiek_url, charts_ready),
        )
        results: dict[str, list[float]] = {key: [] for key, _, _ in targets}
        warm: dict[str, list[float]] = {key: [] for key, _, _ in targets}
        payload = {"leeg": 0, "kaartvloer": 0, "kaart": 0}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            # Warm-up: first run of each server fills the process caches.
            for _, url, ready in targets:
                ctx = browser.new_context()
                timed_load(ctx.new_page(), url, ready)
                ctx.close()
            for _ in range(args.rounds):
                for key, url, ready in targets:
                    ctx = browser.new_context(viewport={"width": 1500, "height": 1000})
                    seconds, received = timed_load(ctx.new_page(), url, ready)
                    ctx.close()
                    results[key].append(seconds)
                    if key in payload:
                        payload[key] = received  # cold cache: everything the map needs
            # Warm browser cache: one context per target, the way a returning user opens the page again.
            for key, url, ready in targets:
                ctx = browser.new_context(viewport={"width": 1500, "height": 1000})
                page = ctx.new_page()
                timed_load(page, url, ready)
                for _ in range(args.rounds):
                    warm[key].append(timed_load(page, url, ready)[0])
                ctx.close()
            browser.close()
    for title, series in (("koude browsercache", results), ("warme browsercache", warm)):
        medians = {key: statistics.median(values) for key, values in series.items()}
        print(f"{title} (mediaan van {args.rounds}):")
        for key in ("leeg", "plotly", "kaartvloer"):
            print(f"  vloer {FLOOR_NAMES[key]}: {medians[key]:.2f} s")
        for key, floor in PAGE_FLOORS.items():
            ratio = medians[key] / medians[floor]
            print(
                f"  {key}: {medians[key]:.2f} s = {ratio:.2f}x {FLOOR_NAMES[floor]}"
                f" ({medians[key] / medians['leeg']:.2f}x de lege pagina)"
            )
        print(  # what the page costs beyond drawing its own chart (bench/gemeenten_grafiek_app.py)
            f"  grafieken tegen de eigen grafiek van Gemeenten op een lege pagina ({medians['eigen_grafiek']:.2f} s): "
            f"{medians['grafieken'] / medians['eigen_grafiek']:.2f}x"
        )
    print(
        f"kaart-payload (websocket + kaartlagen, uitgepakt): {payload['kaart'] / 1e6:.2f} MB "
        f"(kaart met één laag {payload['kaartvloer'] / 1e6:.2f} MB, lege pagina {payload['leeg'] / 1e6:.3f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
