"""`make serve` under supervisord: a killed worker is back within 10 s and a browser on it works again at the same
address; status shows the restart; the logs survive a stop; uploads through nginx work whoever started it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from deploy import serve
from tests.browser.helpers import wait_idle

pytestmark = pytest.mark.slow
REQUIRED = os.environ.get("REQUIRE_BROWSER") == "1"


@pytest.fixture
def map_(tmp_path):
    """A folder nginx's worker user can reach also when the tests run as root (pytest's own tmp is 0700)."""
    pad = Path(tempfile.mkdtemp(prefix="reb-serve-test-"))
    pad.chmod(0o755)
    yield pad
    shutil.rmtree(pad, ignore_errors=True)


@pytest.fixture(autouse=True)
def _nginx():
    if serve.nginx_path() is None:
        if REQUIRED:
            pytest.fail("nginx ontbreekt (apt-get install nginx)")
        pytest.skip("nginx ontbreekt (apt-get install nginx)")


def _poort_van_sessie(running) -> int:
    """The worker port nginx chose for the (one) browser: its page request (the websocket to the same worker, by
    the sticky cookie, is only logged when it closes)."""
    patroon = re.compile(r'"GET /gemeenten[ ?].*upstream=127\.0\.0\.1:(\d+)')
    for _ in range(50):
        gevonden = [int(m.group(1)) for r in running.access_log.read_text().splitlines() if (m := patroon.search(r))]
        if gevonden:
            return gevonden[-1]
        time.sleep(0.2)
    raise AssertionError("geen paginaverzoek in het nginx-log")


def test_a_killed_worker_is_back_within_10_s_and_the_page_works_again(browser, map_, screenshot_dir):
    tmp_path = map_
    with serve.cluster(2, map_=tmp_path, opwarmen=True) as running:
        page = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nl-NL").new_page()
        page.goto(running.url + "/gemeenten")
        wait_idle(page, timeout=90_000)
        page.get_by_role("heading", name="Gemeenten").first.wait_for(timeout=90_000)  # a fresh worker under load
        poort = _poort_van_sessie(running)
        naam = f"werker-{[u.endswith(f':{poort}') for u in running.worker_urls].index(True) + 1}"
        oud = serve.supervisorctl_pid(tmp_path, naam)
        os.kill(oud, 9)
        begin = time.monotonic()
        while True:  # supervisord starts a new process; it counts once it answers its health URL again
            nieuw = serve.supervisorctl_pid(tmp_path, naam)
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{poort}/_stcore/health", timeout=1) as r:
                    if nieuw not in (0, oud) and r.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() - begin < 10, f"{naam} niet terug binnen 10 s"
            time.sleep(0.2)
        terug_na = time.monotonic() - begin
        # the other worker never stopped serving
        andere = next(u for u in running.worker_urls if not u.endswith(f":{poort}"))
        with urllib.request.urlopen(andere + "/_stcore/health", timeout=5) as r:
            assert r.status == 200
        # the same browser tab reconnects (Streamlit's own reconnect) and shows the page again
        page.get_by_role("heading", name="Gemeenten").first.wait_for(timeout=60_000)
        wait_idle(page, timeout=90_000)
        assert not page.get_by_text("Connection error").count()
        page.screenshot(path=str(screenshot_dir / "serve_na_herstart.png"))
        for _ in range(50):  # STARTING for its first seconds (startsecs), then RUNNING with the new pid
            status = serve.status(tmp_path)
            if re.search(rf"{naam}\s+RUNNING\s+pid {nieuw}, uptime 0:00:\d\d", status):
                break
            time.sleep(0.2)
        assert re.search(rf"{naam}\s+RUNNING\s+pid {nieuw}, uptime 0:00:\d\d", status), status
        print(f"{naam} terug na {terug_na:.1f} s")
        page.context.close()
        # every new worker process is warmed in the background: the one that never stopped has finished its warm-up,
        # the restarted one has begun its own (not waited for: it takes ~20 s on a busy machine)
        gezondheid = tmp_path / "log" / "gezondheid.log"
        andere_poort = andere.rsplit(":", 1)[1]
        for _ in range(600):
            tekst = gezondheid.read_text() if gezondheid.exists() else ""
            if f"Poort {andere_poort} opgewarmd in" in tekst and f"{naam} (pid {nieuw}) wordt opgewarmd" in tekst:
                break
            time.sleep(0.2)
        assert f"Poort {andere_poort} opgewarmd in" in tekst, tekst[-2000:]
        # the warm-up's last request took the warmed worker's shared data out of the garbage collector's way
        andere_naam = f"werker-{[u == andere for u in running.worker_urls].index(True) + 1}"
        assert "gedeelde gegevens buiten de garbage collector" in (tmp_path / "log" / f"{andere_naam}.log").read_text()
        assert f"{naam} (pid {nieuw}) wordt opgewarmd" in tekst, tekst[-2000:]
    log = tmp_path / "log"
    assert f"exited: {naam} (terminated by SIGKILL" in (log / "supervisord.log").read_text()
    assert "Uvicorn" in (log / f"{naam}.log").read_text() or (log / f"{naam}.log").stat().st_size > 0  # kept


def test_uploads_through_nginx_are_buffered_in_its_own_writable_folder(map_):
    """Over ~16 kB nginx writes a request body to its temp folder: as root that folder must be the worker user's."""
    tmp_path = map_
    with serve.cluster(1, map_=tmp_path) as running:
        verzoek = urllib.request.Request(running.url + "/_stcore/upload_file/x/y", data=os.urandom(200_000))
        try:
            urllib.request.urlopen(verzoek, timeout=30)
            code = 200
        except urllib.error.HTTPError as fout:
            code = fout.code
        assert code != 500 and code < 500, code  # Streamlit's own answer (405 without a session), never nginx's 500
        assert "buffered to a temporary file" in running.access_log.read_text()
    body = tmp_path / "serve" / "nginx" / "body"
    if os.geteuid() == 0:
        assert body.stat().st_uid == __import__("pwd").getpwnam("nobody").pw_uid


def test_make_serve_status_and_stop_as_a_daemon(map_):
    tmp_path = map_

    def serve_cli(*args):
        return subprocess.run([sys.executable, "deploy/serve.py", *args, "--map", str(tmp_path)], cwd=serve.ROOT,
                              capture_output=True, text=True, timeout=180)  # fmt: skip

    gestart = serve_cli("start", "--werkers", "1", "--poort", str(serve.free_port()))
    try:
        assert gestart.returncode == 0, gestart.stderr
        assert "Dashboard: http://127.0.0.1:" in gestart.stdout
        status = serve_cli("status")
        assert status.returncode == 0 and re.search(r"werker-1\s+(RUNNING|STARTING)", status.stdout), status.stdout
        assert serve_cli("start", "--werkers", "1").returncode == 2  # already running: said, not started twice
    finally:
        gestopt = serve_cli("stop")
    assert gestopt.returncode == 0 and "logbestanden blijven" in gestopt.stdout
    assert (tmp_path / "log" / "werker-1.log").exists() and (tmp_path / "log" / "supervisord.log").exists()
    assert "draait niet" in serve_cli("status").stdout
