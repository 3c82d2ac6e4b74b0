"""The monitor's speed: import 5 years × 200 parks, and switching the Peildatum on the Kaart against a Kaart rerun
that changes the indicator instead (same app, same browser, one run — a ratio, not a wall-clock promise).

Goals (issue "Monitor"): import ≤ 3 s; a peildatum switch ≤ 1,3× a rerun without one.
Run: .venv/bin/python bench/bench_monitor.py [--rondes N] [--zonder-kaart]   (PostGIS too with REB_TEST_POSTGIS_URL)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reb_maps.monitor import opslag  # noqa: E402
from reb_maps.monitor.invoer import lees_peilbestand  # noqa: E402
from reb_maps.werkruimte import Auteur, Werkruimte  # noqa: E402
from tests import fixtures_monitor as fx  # noqa: E402

JAREN, PARKEN = 5, 200
AUTEUR = Auteur("Bench")


def importeren(url: str, naam: str, data: bytes, rondes: int) -> None:
    tijden = []
    for i in range(rondes):
        ruimte = Werkruimte.open(url)
        start = time.perf_counter()
        bestand = lees_peilbestand(data, "ibis_5_jaar.gpkg")
        opslag.importeer(ruimte, bestand, AUTEUR, "Bench", vervang=i > 0)
        tijden.append(time.perf_counter() - start)
        ruimte.sluit()
    print(f"{naam}: {JAREN} jaren × {PARKEN} terreinen inlezen en bewaren: mediaan {statistics.median(tijden):.2f} s "
          f"(doel ≤ 3 s; {rondes} rondes, elke ronde na de eerste vervangt de jaren)")  # fmt: skip


def _kies(page, label: str, optie: str, legenda_bevat: str) -> float:
    """Seconds from choosing an option to the map's legend showing `legenda_bevat` (the new map drawn)."""
    from tests.browser.helpers import MAP_FRAME, wait_idle

    page.get_by_role("combobox", name=label).click()
    start = time.perf_counter()
    page.get_by_role("option", name=optie).click()
    frame = page.frame_locator(MAP_FRAME).first
    frame.locator("#kaartlegenda", has_text=legenda_bevat).wait_for(timeout=90_000)
    frame.locator("path.leaflet-interactive").first.wait_for(timeout=90_000)
    wait_idle(page, timeout=90_000)
    return time.perf_counter() - start


def kaart(url_db: str, rondes: int) -> None:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS, chromium_path, running_app
    from tests.browser.helpers import wait_idle

    uit = ROOT / "bench" / "out"
    uit.mkdir(exist_ok=True)
    with running_app(uit / "monitor.log", {"REB_WERKRUIMTE": url_db}) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1500, "height": 1000}).new_page()
        page.goto(f"{url}/?achtergrond=geen")
        wait_idle(page, timeout=120_000)
        laatste = f"{2024 + JAREN - 1} (ingelezen in de werkruimte)"
        indicator, peil = [], []
        for ronde in range(rondes + 1):  # round 0 warms both maps up (each built once per process)
            a = _kies(page, "Kleur gemeenten naar", "Netto areaal bedrijventerrein", "Netto areaal bedrijventerrein")
            b = _kies(page, "Kleur gemeenten naar", "Banen 2023", "Banen 2023")
            c = _kies(page, "Peildatum", laatste, str(2024 + JAREN - 1))
            d = _kies(page, "Peildatum", "Januari 2023 (REB)", "Banen 2023")
            if ronde:
                indicator += [a, b]
                peil += [c, d]
        browser.close()
    zonder, met = statistics.median(indicator), statistics.median(peil)
    print(f"Kaart: een andere indicator {zonder:.2f} s, een andere peildatum {met:.2f} s = {met / zonder:.2f}x "
          f"(doel ≤ 1,3x; mediaan van {2 * rondes} wissels, {JAREN} jaren × {PARKEN} terreinen ingelezen)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rondes", type=int, default=3)
    parser.add_argument("--zonder-kaart", action="store_true", help="alleen het inlezen meten")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as map_:
        data = fx.gpkg_bytes(fx.groot(JAREN, PARKEN), Path(map_), "ibis_5_jaar.gpkg")
        print(f"bestand: {JAREN * PARKEN} rijen, {len(data) / 1e6:.2f} MB (GeoPackage met vormen)")
        sqlite = f"sqlite:///{map_}/bench.sqlite"
        importeren(sqlite, "SQLite", data, args.rondes)
        admin = os.environ.get("REB_TEST_POSTGIS_URL")
        if admin:
            from tests.conftest import nieuwe_postgis_database

            url, opruimen = nieuwe_postgis_database(admin)
            try:
                importeren(url, "PostGIS", data, args.rondes)
            finally:
                opruimen()
        else:
            print("PostGIS overgeslagen: REB_TEST_POSTGIS_URL is niet gezet")
        if not args.zonder_kaart:
            kaart(sqlite, args.rondes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
