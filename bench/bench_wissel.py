"""Switching municipality in the sidebar: seconds until the page shows the new one, Kaart against a floor.

In one browser session the sidebar's municipality choice goes through the 14 municipalities (twice: the second
pass is warm); each switch is timed from the click on the option until the page finished its run and shows the
new name as a heading (Kaart: the panel) and — on the Kaart — the map's outline of it. The floor is the same
switch on Bronnen, a text page that shows no municipality: the cost of a rerun of the app's frame and sidebar.
Also says whether the map frame was reloaded (a marked frame that loses its mark).
Run: .venv/bin/python bench/bench_wissel.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reb_maps import labels  # noqa: E402
from reb_maps.data import GEMEENTEN  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS, chromium_path, running_app  # noqa: E402
from tests.browser.helpers import MAP_FRAME, open_map, wait_idle  # noqa: E402

KLAAR = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"


def wissel(page, gemeente: str, op_kaart: bool) -> dict[str, float]:
    """Seconds from the click until each stage: the panel's heading, the map's outline, the run's end."""
    page.get_by_role("combobox", name=labels.WIDGET_GEMEENTE, exact=True).click()
    optie = page.get_by_role("option", name=gemeente, exact=True)
    optie.wait_for()
    start = time.perf_counter()
    optie.click()
    tijden = {}
    if op_kaart:
        page.get_by_role("heading", name=gemeente, exact=True).first.wait_for(timeout=60_000)
        tijden["paneel"] = time.perf_counter() - start
        page.frame_locator(MAP_FRAME).first.locator(f'path[stroke="{labels.KLEUR_SELECTIE}"]').first.wait_for(
            state="attached", timeout=60_000
        )
        tijden["kaart"] = time.perf_counter() - start
    page.wait_for_function(KLAAR, timeout=60_000)
    tijden["klaar"] = time.perf_counter() - start
    return tijden


def reeks(page, op_kaart: bool) -> dict[str, list[float]]:
    """The second (warm) pass through the 14 municipalities: per stage, the 14 times."""
    tijden: dict[str, list[float]] = {}
    for ronde in range(2):
        for gemeente in GEMEENTEN:
            for fase, seconden in wissel(page, gemeente, op_kaart).items():
                if ronde == 1:
                    tijden.setdefault(fase, []).append(seconden)
    return tijden


def p95(waarden: list[float]) -> float:
    return sorted(waarden)[round(0.95 * (len(waarden) - 1))]


def main() -> int:
    from playwright.sync_api import sync_playwright

    uit = ROOT / "bench" / "out"
    uit.mkdir(exist_ok=True)
    with running_app(uit / "wissel.log") as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1000}, locale="nl-NL")
        page.goto(url + "/bronnen?achtergrond=geen")
        wait_idle(page, timeout=120_000)
        vloer = reeks(page, op_kaart=False)
        open_map(page, url + "/?achtergrond=geen")
        page.locator(MAP_FRAME).first.evaluate("el => { el.contentWindow.__merk = 1; }")
        kaart = reeks(page, op_kaart=True)
        herladen = not page.locator(MAP_FRAME).first.evaluate("el => el.contentWindow.__merk === 1")
        browser.close()
    mediaan_vloer = statistics.median(vloer["klaar"])
    print(f"vloer (Bronnen, run klaar): mediaan {mediaan_vloer:.2f} s")
    namen = {"paneel": "paneel toont de gemeente", "kaart": "kaart omlijnt de gemeente", "klaar": "run klaar"}
    for fase, naam in namen.items():
        mediaan = statistics.median(kaart[fase])
        print(f"Kaart, {naam}: mediaan {mediaan:.2f} s, p95 {p95(kaart[fase]):.2f} s = "
              f"{mediaan / mediaan_vloer:.2f}× de vloer")
    print(f"kaartframe herladen: {'ja' if herladen else 'nee'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
