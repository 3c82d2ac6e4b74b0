"""The workspace in real browsers: a location saved on one worker of `make serve WORKERS=2` appears with its comment
on the other (SQLite file and PostGIS), and the OIDC login (a local mock identity provider on loopback) records
the verified name with what is saved.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from deploy import serve
from reb_maps.werkruimte import Werkruimte
from tests.browser.conftest import ROOT, free_port, wait_healthy
from tests.browser.helpers import map_frame, wait_idle, wait_settled
from tests.conftest import nieuwe_postgis_database

pytestmark = pytest.mark.slow
REQUIRED = os.environ.get("REQUIRE_BROWSER") == "1"
TOETS_LINK = "/zoekgebieden?p=g&r=250&v=c24500.47800.200&t=T1"
OPMERKING = "Borne wil dit alleen met Hengelo samen"


@pytest.fixture(params=["sqlite", "postgis"])
def gedeelde_werkruimte(request, tmp_path, monkeypatch):
    """REB_WERKRUIMTE for the app processes: a fresh SQLite file or a fresh PostGIS database."""
    if request.param == "sqlite":
        url = str(tmp_path / "werkruimte.sqlite")
        monkeypatch.setenv("REB_WERKRUIMTE", url)
        yield url
        return
    url, opruimen = nieuwe_postgis_database(request.getfixturevalue("postgis_admin_url"))
    monkeypatch.setenv("REB_WERKRUIMTE", url)
    try:
        yield url
    finally:
        opruimen()


@contextlib.contextmanager
def _logs_bij_fout(cluster):
    """On a failure, the workers' own logs in the report (the cluster's folder is gone afterwards)."""
    try:
        yield
    except BaseException:
        for log in sorted(cluster.logmap.glob("werker-*.log")):
            print(f"--- {log.name} ---\n{log.read_text(errors='replace')[-4000:]}")
        raise


def _naam_invullen(page, naam: str) -> None:
    veld = page.get_by_role("textbox", name="Uw naam (om te bewaren)")
    veld.fill(naam)
    veld.press("Enter")
    wait_idle(page)
    page.get_by_text(f"U bewaart als: {naam} (niet geverifieerd)").first.wait_for(timeout=60_000)


def _warm(browser, url: str) -> None:
    """Open the page once and wait until its form is drawn: a fresh worker first computes the search areas, which
    under a full test run (the other xdist worker busy) can take minutes. The test proper then starts warm."""
    context = browser.new_context(viewport={"width": 1500, "height": 1100}, locale="nl-NL")
    page = context.new_page()
    page.goto(url)
    wait_idle(page, timeout=240_000)
    page.get_by_role("textbox", name="Naam van de locatie").first.wait_for(timeout=240_000)
    context.close()


def _aantal_locaties(url: str) -> int:
    ruimte = Werkruimte.open(url)
    try:
        return len(ruimte.locaties())
    finally:
        ruimte.sluit()


def _bewaar(page, naam: str | None, werkruimte: str) -> None:
    """Fill in the name, click 'Bewaar locatie' and wait for the outcome; a refusal fails with the page's own words.

    The save runs in the button's callback and its outcome stays on screen, so a newer run (the map above reporting
    its first view) no longer loses it. A click the browser itself does not deliver (the button redrawn at that very
    moment) saves nothing; the user clicks again, and so does this helper, but only when the workspace holds no
    location yet: under load the outcome can take a while to show, and a second click would save twice."""
    uitkomst = page.get_by_text("Bewaard in de werkruimte.").or_(page.get_by_text("Niet bewaard")).or_(
        page.get_by_text("Vul eerst in de zijbalk"))
    for poging in range(3):
        wait_idle(page, timeout=120_000)  # a fresh worker computes the search areas first: under load, a while
        if naam and poging == 0:
            page.get_by_role("textbox", name="Naam van de locatie").first.fill(naam, timeout=120_000)
        wait_settled(page, timeout=120_000)  # the map's own view reports start reruns that redraw the form
        page.get_by_role("button", name="Bewaar locatie").first.click(timeout=120_000)
        try:  # under a full test run the click's run can wait a long time behind the page's own heavy runs
            uitkomst.first.wait_for(timeout=60_000)
            break
        except PlaywrightTimeout:
            if _aantal_locaties(werkruimte):  # saved: only the message is still on its way
                with contextlib.suppress(PlaywrightTimeout):
                    uitkomst.first.wait_for(timeout=60_000)
                break
    if page.get_by_text("Bewaard in de werkruimte.").count() != 1:  # the page's own words, the sidebar's settings
        page.screenshot(path=str(ROOT / "tests" / "screenshots" / "bewaar_mislukt.png"), full_page=True)
        zijbalk = page.locator("[data-testid=stSidebar]").inner_text()
        pytest.fail(f"{page.url}\n{page.locator('main').inner_text()[:2000]}\n--- zijbalk ---\n{zijbalk[:3000]}")


def test_a_location_saved_on_one_worker_appears_with_its_comment_on_the_other(
    browser, gedeelde_werkruimte, screenshot_dir
):
    if serve.nginx_path() is None:
        if REQUIRED:
            pytest.fail("nginx ontbreekt")
        pytest.skip("nginx ontbreekt (apt-get install nginx-light)")
    with serve.cluster(2) as cluster, _logs_bij_fout(cluster):
        eerste, tweede = cluster.worker_urls  # two app processes of the same `make serve`
        _warm(browser, eerste + TOETS_LINK)  # the first visit to a fresh worker computes the search areas
        a = browser.new_context(viewport={"width": 1500, "height": 1100}, locale="nl-NL").new_page()
        a.goto(eerste + TOETS_LINK)
        wait_idle(a)
        _naam_invullen(a, "Wethouder Almelo")
        _bewaar(a, "Kandidaat A35-zone", gedeelde_werkruimte)

        a.get_by_role("link", name="Werkruimte").first.click()  # in-app: the same session, the name stays
        wait_idle(a)
        for _ in range(3):  # as in _bewaar: a click during a rerun may be dropped; the user clicks again
            wait_idle(a)
            a.get_by_role("textbox", name="Nieuwe opmerking").fill(OPMERKING)
            a.get_by_role("button", name="Opmerking plaatsen").click()
            try:
                a.get_by_text(OPMERKING).wait_for(timeout=45_000)
                break
            except PlaywrightTimeout:
                continue
        else:
            pytest.fail("de opmerking verschijnt niet: " + a.locator("main").inner_text()[:2000])

        b = browser.new_context(viewport={"width": 1500, "height": 1100}, locale="nl-NL").new_page()
        b.goto(tweede + "/werkruimte")
        wait_idle(b)
        b.get_by_text("Kandidaat A35-zone").first.wait_for(timeout=90_000)
        b.get_by_text(OPMERKING).wait_for(timeout=90_000)
        assert b.get_by_text("Wethouder Almelo (niet geverifieerd)").count() >= 1
        b.wait_for_timeout(1500)  # let the lazily loaded widgets draw before the picture
        b.screenshot(path=str(screenshot_dir / f"werkruimte_{'pg' if '://' in gedeelde_werkruimte else 'sqlite'}.png"),
                     full_page=True)  # fmt: skip

        # ... and on the other worker's Kaart, as the catalogue's layer with the comment in its popup
        b.goto(tweede + "/kaart?achtergrond=geen")
        wait_idle(b)
        kaart = map_frame(b)
        kaart.get_by_text("Bewaarde locaties (werkruimte)").first.wait_for(state="attached")
        kaart.locator('path[stroke="#6a3d9a"]').first.wait_for(state="attached")  # the saved location's outline
        # folium binds one popup function to each GeoJSON layer; ask it for every feature's content, until the saved
        # location's is there (the layers arrive as files, one by one)
        popups_js = """() => { const uit = [];
            window.map.eachLayer(l => { const p = l.getPopup && l.getPopup();
                if (!p || !l.eachLayer) { return; }
                l.eachLayer(deel => { if (!deel.feature) { return; }
                    const c = p.getContent(); const inhoud = typeof c === 'function' ? c(deel) : c;
                    uit.push(typeof inhoud === 'string' ? inhoud : inhoud.outerHTML || inhoud.textContent); }); });
            return uit; }"""
        kaartframe = b.frame_locator("iframe[title='streamlit_folium.st_folium']").first.locator("body")
        for _ in range(30):
            popups = kaartframe.evaluate(popups_js)
            if any("Kandidaat A35-zone" in p and OPMERKING in p for p in popups):
                break
            b.wait_for_timeout(1_000)
        assert any("Kandidaat A35-zone" in p and OPMERKING in p for p in popups), [
            " ".join(re.sub("<[^>]+>", " ", p).split())[:200] for p in popups]  # fmt: skip
        b.context.close()
        a.context.close()
    ruimte = Werkruimte.open(gedeelde_werkruimte)
    locaties = ruimte.locaties()  # once: the outcome stays on screen, so no click is repeated to be sure
    assert [(loc.naam, loc.auteur) for loc in locaties] == [("Kandidaat A35-zone", "Wethouder Almelo")]
    assert sum(loc.opmerkingen for loc in locaties) >= 1
    ruimte.sluit()


# ---------- login (OIDC) against a mock provider on loopback ----------


@contextlib.contextmanager
def _app_met_login(tmp_path: Path, issuer: str, werkruimte: Path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    geheimen = tmp_path / "secrets.toml"
    geheimen.write_text(
        "[auth]\n"
        f'redirect_uri = "{url}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(16)}"\n'
        'client_id = "reb-dashboard"\n'
        'client_secret = "geheim"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n'
        "[werkruimte]\n"
        'schrijven = "ingelogd"\n',
        encoding="utf-8",
    )
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--secrets.files", str(geheimen)]  # fmt: skip
    log = (tmp_path / "streamlit.log").open("w")
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                            env={**os.environ, "REB_WERKRUIMTE": str(werkruimte)})  # fmt: skip
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert "Traceback" not in (tmp_path / "streamlit.log").read_text()


def test_login_records_the_verified_name_and_reading_needs_none(browser, tmp_path):
    oidc = pytest.importorskip("oidc_provider_mock")
    werkruimte = tmp_path / "werkruimte.sqlite"
    with oidc.run_server_in_thread() as server:
        issuer = f"http://localhost:{server.server_port}"
        verzoek = urllib.request.Request(
            f"{issuer}/users/marie", method="PUT", headers={"Content-Type": "application/json"},
            data=json.dumps({"name": "Marie Maas", "email": "marie@almelo.nl"}).encode(),
        )  # fmt: skip
        with urllib.request.urlopen(verzoek, timeout=10) as antwoord:
            assert antwoord.status == 204
        with _app_met_login(tmp_path, issuer, werkruimte) as url:
            page = browser.new_context(viewport={"width": 1500, "height": 1100}, locale="nl-NL").new_page()
            page.goto(url + TOETS_LINK)
            wait_idle(page)
            # reading works without login; writing asks for it, and there is no name field
            assert page.get_by_role("textbox", name="Uw naam (om te bewaren)").count() == 0
            page.get_by_text("Log in via de zijbalk om te bewaren.").first.wait_for()
            page.get_by_role("button", name="Inloggen").click()
            page.wait_for_url(f"{issuer}/**")
            page.locator("input[name=sub]").fill("marie")
            page.get_by_role("button", name="Authorize").click()
            page.wait_for_url(f"{url}/**")
            wait_idle(page)
            page.goto(url + TOETS_LINK)
            wait_idle(page)
            page.get_by_text("Marie Maas (marie@almelo.nl)").wait_for()
            _bewaar(page, "Na inloggen bewaard", str(werkruimte))
            page.context.close()
    ruimte = Werkruimte.open(werkruimte)
    loc = ruimte.locaties()[0]
    assert (loc.naam, loc.auteur, loc.geverifieerd) == ("Na inloggen bewaard", "Marie Maas", True)
    assert ruimte.geschiedenis()[0].geverifieerd is True
    ruimte.sluit()
