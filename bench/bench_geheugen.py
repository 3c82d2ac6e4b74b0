"""Memory of upload sessions: N browser sessions each upload a ~25 MB GeoPackage on Eigen data, add it to the map
and close; the app process's RSS is read after each session and for a while after the last one. The baseline is
the warmed process once its warm-up sessions are gone, so the growth is what the N sessions leave behind.

Goal (issue "In production", item 4): 20 sessions opened and closed → RSS growth ≤ 50 MB once they are gone.
`--rondes 2` runs a second batch of N sessions: a leak grows again with every batch, caches that fill up to their
limit and the allocator's high-water mark do not. The RSS after a wait is the median of three readings 2 s apart.
`--omgeving NAAM=WAARDE` starts the app with an extra environment variable (to compare allocator settings).
Run: .venv/bin/python bench/bench_geheugen.py [--sessies N] [--wacht S] [--rondes R] [--omgeving K=V]
(reads /proc: Linux only)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from deploy import start_app  # noqa: E402
from tests import fixtures_eigen_data as fx  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS, chromium_path, free_port, start_streamlit, wait_healthy  # noqa: E402
from tests.browser.helpers import wait_idle  # noqa: E402


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for regel in status:
            if regel.startswith("VmRSS"):
                return int(regel.split()[1]) / 1024
    return float("nan")


def sessie(browser, url: str, bestand: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "/eigen-data")
    wait_idle(page, timeout=120_000)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(str(bestand))
    page.get_by_role("button", name="Voeg toe aan de kaart").first.click()
    page.get_by_text("Toegevoegd").first.wait_for(timeout=180_000)
    wait_idle(page, timeout=180_000)
    context.close()


def uitruimen(browser, url: str, pid: int, wacht: int) -> None:
    """Wait `wacht` seconds, printing the RSS every 20 s. A visitor now and then: Streamlit drops disconnected
    sessions (after their TTL) when the session store is touched, not on a timer."""
    for seconden in range(20, wacht + 1, 20):
        time.sleep(20)
        context = browser.new_context()
        context.new_page().goto(url + "/bronnen")
        time.sleep(2)
        context.close()
        print(f"  {seconden} s na de laatste sessie: {rss_mb(pid):.0f} MB", flush=True)


def rss_mediaan(pid: int) -> float:
    metingen = []
    for _ in range(3):
        metingen.append(rss_mb(pid))
        time.sleep(2)
    return statistics.median(metingen)


def main() -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser()
    parser.add_argument("--sessies", type=int, default=20)
    parser.add_argument("--wacht", type=int, default=160, help="seconden wachten tot de sessies zijn opgeruimd")
    parser.add_argument("--rondes", type=int, default=1, help="zoveel keer N sessies na elkaar")
    parser.add_argument("--omgeving", action="append", default=[], metavar="NAAM=WAARDE")
    args = parser.parse_args()
    gekozen = dict(k.split("=", 1) for k in args.omgeving)
    # as `make run`, `make serve` and the container start it (deploy/start_app.py); --omgeving wins
    omgeving = {**start_app.omgeving(gekozen, start_app.jemalloc()), **gekozen}
    uit = ROOT / "bench" / "out"
    uit.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as map_:
        bestand = fx.grote_gpkg(Path(map_) / "groot.gpkg", 20)
        port = free_port()
        proc = start_streamlit("app.py", port, uit / f"geheugen-{port}.log", env=omgeving)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, proc)
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
                # Warm-up: one whole upload session and a visitor on Bronnen (the page the pokes below open) load
                # everything these pages import; then wait until Streamlit has dropped them: the baseline is the
                # warmed process with no session left.
                sessie(browser, url, bestand)
                uitruimen(browser, url, proc.pid, args.wacht)
                begin = rss_mediaan(proc.pid)
                print(f"bestand {bestand.stat().st_size / 1e6:.1f} MB; opgewarmd en leeg {begin:.0f} MB "
                      f"(omgeving {omgeving})", flush=True)  # fmt: skip
                vorige = begin
                for ronde in range(1, args.rondes + 1):
                    for nummer in range(1, args.sessies + 1):
                        sessie(browser, url, bestand)
                        print(f"ronde {ronde}, {nummer} sessies: {rss_mb(proc.pid):.0f} MB", flush=True)
                    uitruimen(browser, url, proc.pid, args.wacht)
                    eind = rss_mediaan(proc.pid)
                    print(f"ronde {ronde}: {eind:.0f} MB, +{eind - vorige:.0f} MB t.o.v. de vorige stand, "
                          f"+{eind - begin:.0f} MB t.o.v. opgewarmd en leeg", flush=True)  # fmt: skip
                    vorige = eind
                browser.close()
            groei = vorige - begin
            print(f"groei na {args.rondes} × {args.sessies} gesloten sessies: {groei:.0f} MB (doel ≤ 50 MB)")
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
