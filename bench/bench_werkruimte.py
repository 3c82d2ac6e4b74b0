"""The workspace's speed: save one location, list 1.000, and the Kaart with 1.000 saved locations against the
Kaart without them (the same app, two servers, one run — a ratio, not a wall-clock promise).

Goals (issue "Werkruimte"): save ≤ 50 ms, list 1.000 ≤ 100 ms, Kaart with 1.000 ≤ 1,3× the Kaart without.
Run: .venv/bin/python bench/bench_werkruimte.py [--rondes N]   (PostGIS too when REB_TEST_POSTGIS_URL is set)
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

import shapely  # noqa: E402

from reb_maps.werkruimte import Auteur, Werkruimte  # noqa: E402

AANTAL = 1000
AUTEUR = Auteur("Bench")


def _vak(i: int) -> shapely.Polygon:
    """Drawn-size polygons spread over Twente (a 40 × 25 grid of 300 m squares)."""
    x, y = 236_000 + (i % 40) * 1_000, 462_000 + (i // 40) * 1_400
    return shapely.Polygon([(x, y), (x + 300, y), (x + 300, y + 250), (x + 150, y + 320), (x, y + 250)])


def vul(ruimte: Werkruimte, aantal: int) -> None:
    for i in range(aantal - len(ruimte.locaties())):
        loc = ruimte.bewaar_locatie(f"Bench-locatie {i + 1}", _vak(i), AUTEUR, notitie="vulling voor de bench")
        if i % 10 == 0:
            ruimte.opmerking_toevoegen(loc.id, "Een opmerking in de popup", AUTEUR)


def opslag(url: str, naam: str, rondes: int) -> None:
    ruimte = Werkruimte.open(url)
    for i in range(5):  # warm-up: loads the municipalities once
        ruimte.bewaar_locatie(f"warm {i}", _vak(i), AUTEUR)
    tijden = []
    for i in range(rondes * 20):
        start = time.perf_counter()
        ruimte.bewaar_locatie(f"meting {i}", _vak(i + 5), AUTEUR)
        tijden.append(time.perf_counter() - start)
    vul(ruimte, AANTAL)
    lijst = []
    for _ in range(rondes * 3):
        start = time.perf_counter()
        gevonden = ruimte.locaties()
        lijst.append(time.perf_counter() - start)
    assert len(gevonden) >= AANTAL
    print(
        f"{naam}: één locatie bewaren mediaan {statistics.median(tijden) * 1000:.1f} ms "
        f"(p95 {sorted(tijden)[int(len(tijden) * 0.95)] * 1000:.1f} ms; doel ≤ 50 ms); "
        f"{len(gevonden)} locaties lijsten mediaan {statistics.median(lijst) * 1000:.1f} ms (doel ≤ 100 ms)"
    )
    ruimte.sluit()


def kaart(rondes: int, map_: Path) -> None:
    from playwright.sync_api import sync_playwright

    from bench.bench_app import map_ready, timed_load
    from tests.browser.conftest import CHROMIUM_ARGS, chromium_path, running_app

    leeg, vol = map_ / "leeg.sqlite", map_ / "vol.sqlite"
    Werkruimte.open(leeg).sluit()
    r = Werkruimte.open(vol)
    vul(r, AANTAL)
    r.sluit()
    uit = ROOT / "bench" / "out"
    uit.mkdir(exist_ok=True)
    with (
        running_app(uit / "werkruimte_leeg.log", {"REB_WERKRUIMTE": str(leeg)}) as url_leeg,
        running_app(uit / "werkruimte_vol.log", {"REB_WERKRUIMTE": str(vol)}) as url_vol,
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        tijden: dict[str, list[float]] = {"zonder": [], "met": []}
        bytes_: dict[str, int] = {}
        for _, url in (("zonder", url_leeg), ("met", url_vol)):  # warm-up: each server builds its map once
            ctx = browser.new_context()
            timed_load(ctx.new_page(), f"{url}/kaart?achtergrond=geen", map_ready)
            ctx.close()
        for _ in range(rondes):
            for sleutel, url in (("zonder", url_leeg), ("met", url_vol)):
                ctx = browser.new_context(viewport={"width": 1500, "height": 1000})
                seconden, ontvangen = timed_load(ctx.new_page(), f"{url}/kaart?achtergrond=geen", map_ready)
                ctx.close()
                tijden[sleutel].append(seconden)
                bytes_[sleutel] = ontvangen
        browser.close()
    zonder, met = (statistics.median(tijden[k]) for k in ("zonder", "met"))
    print(
        f"Kaart zonder bewaarde locaties {zonder:.2f} s, met {AANTAL}: {met:.2f} s = {met / zonder:.2f}x "
        f"(doel ≤ 1,3x; mediaan van {rondes}); kaartdata {bytes_['zonder'] / 1e6:.2f} → {bytes_['met'] / 1e6:.2f} MB"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rondes", type=int, default=5)
    parser.add_argument("--zonder-kaart", action="store_true", help="alleen de opslag meten")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as map_:
        opslag(f"sqlite:///{map_}/bench.sqlite", "SQLite", args.rondes)
        admin = os.environ.get("REB_TEST_POSTGIS_URL")
        if admin:
            from tests.conftest import nieuwe_postgis_database

            url, opruimen = nieuwe_postgis_database(admin)
            try:
                opslag(url, "PostGIS", args.rondes)
            finally:
                opruimen()
        else:
            print("PostGIS overgeslagen: REB_TEST_POSTGIS_URL is niet gezet")
        if not args.zonder_kaart:
            kaart(args.rondes, Path(map_))
    return 0


if __name__ == "__main__":
    sys.exit(main())
