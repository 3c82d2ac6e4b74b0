"""Monitor in a real browser: import two IBIS years on the page, switch the Peildatum on Kaart and Gemeenten and
see the choropleth's legend and a panel figure change, and find "Wat is er veranderd sinds de REB" in the briefing."""

from __future__ import annotations

import io
import time

import pypdf
import pytest
from playwright.sync_api import expect

from reb_maps import fmt
from reb_maps.monitor import opslag
from reb_maps.werkruimte import Werkruimte
from tests import fixtures_monitor as fx
from tests.browser.conftest import running_app
from tests.browser.helpers import map_frame, wait_idle
from ui import documenten

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _kies(page, label: str, optie: str) -> None:
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=optie).click()
    wait_idle(page, timeout=90_000)


def _wacht_op(lees, verwacht: str, timeout: float = 60) -> str:
    """Poll `lees()` until it contains `verwacht` (a rerun redraws the map and the panel)."""
    eind, gezien = time.monotonic() + timeout, ""
    while time.monotonic() < eind:
        try:
            gezien = lees() or ""
        except Exception:  # the map's iframe is replaced while the page reruns
            gezien = ""
        if verwacht in gezien:
            return gezien
        time.sleep(0.3)
    raise AssertionError(f"{verwacht!r} niet gezien in {gezien[:400]!r}")


def _metric(page, label: str) -> str:
    return page.locator('[data-testid="stMetric"]', has_text=label).first.inner_text()


def test_import_two_years_switch_the_peildatum_and_see_it_in_the_briefing(browser, tmp_path, screenshot_dir):
    bestand = tmp_path / "ibis_2024_2025.gpkg"
    bestand.write_bytes(fx.gpkg_bytes(fx.ibis_tabel(), tmp_path))
    twente_2025 = fmt.met_eenheid(fx.verwacht(2025)["netto"].sum(), "ha", 2)
    twente_2024 = fmt.met_eenheid(fx.verwacht(2024)["netto"].sum(), "ha", 2)
    omgeving = {"REB_WERKRUIMTE": str(tmp_path / "werkruimte.sqlite")}
    with running_app(tmp_path / "streamlit.log", omgeving) as url:
        context = browser.new_context(viewport={"width": 1500, "height": 1100}, locale="nl-NL", accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(60_000)

        # Import on the Monitor page, as a user: name, file, source, button
        page.goto(url + "/monitor")
        wait_idle(page, timeout=90_000)
        naam = page.get_by_role("textbox", name="Uw naam (om te bewaren)")
        naam.fill("Beleidsmedewerker Hengelo")
        naam.press("Enter")
        wait_idle(page)
        uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
        slecht = fx.ibis_tabel().drop(columns="geometry")
        slecht.loc[1, "HA_NETTO"] = -3.5
        (tmp_path / "slecht.csv").write_bytes(fx.csv_bytes(slecht))
        uploader.set_input_files(str(tmp_path / "slecht.csv"))
        page.get_by_text("regel 3: HA_NETTO is negatief").wait_for(timeout=90_000)  # refused whole, row named
        uploader.set_input_files(str(bestand))
        page.get_by_text("Gelezen: IBIS-terreinen").wait_for(timeout=90_000)
        bron = page.get_by_role("textbox", name="Bron (verplicht")
        bron.fill("Synthetisch IBIS (test)")
        bron.press("Enter")
        wait_idle(page)
        page.get_by_role("button", name="Inlezen in de werkruimte").click()
        wait_idle(page, timeout=90_000)
        page.get_by_text("Sinds de REB: januari 2023 tegenover 2025").wait_for(timeout=60_000)
        # After an import the page draws a fresh uploader (new key); the old one is removed only when the run
        # ends, so wait until one is left before using it.
        wait_idle(page, timeout=90_000)
        expect(uploader).to_have_count(1, timeout=60_000)
        # the same years again: only on purpose
        uploader.set_input_files(str(bestand))
        page.get_by_text("staan al in de werkruimte").wait_for(timeout=90_000)
        inlezen = page.get_by_role("button", name="Inlezen in de werkruimte")
        assert inlezen.is_disabled()
        bron = page.get_by_role("textbox", name="Bron (verplicht")
        bron.fill("Synthetisch IBIS, herziene levering")
        bron.press("Enter")
        wait_idle(page)
        assert inlezen.is_disabled()  # the source alone is not enough: replacing needs the tick
        page.locator('[data-testid="stCheckbox"]', has_text="Ja, vervang 2024, 2025").locator("label").click()
        wait_idle(page)
        page.screenshot(path=str(screenshot_dir / "monitor_vervangen.png"), full_page=True)
        inlezen.click()
        wait_idle(page, timeout=90_000)
        page.get_by_text("staan al in de werkruimte").wait_for(state="detached", timeout=60_000)  # a fresh form
        page.screenshot(path=str(screenshot_dir / "monitor_ingelezen.png"), full_page=True)

        # Kaart: the report's January 2023, then 2025
        page.goto(url + "/?achtergrond=geen")
        wait_idle(page, timeout=90_000)
        _kies(page, "Kleur gemeenten naar", "Netto areaal bedrijventerrein")
        legenda = lambda: map_frame(page).locator("#kaartlegenda").inner_text(timeout=5_000)  # noqa: E731
        _wacht_op(legenda, "Netto areaal bedrijventerrein")
        assert "3.380 ha" in _metric(page, "Netto areaal")
        _kies(page, "Peildatum", "2025 (ingelezen in de werkruimte)")
        _wacht_op(legenda, "Netto areaal 2025 (IBIS)")
        _wacht_op(lambda: _metric(page, "Netto areaal 2025"), twente_2025)
        assert "herziene levering" in page.get_by_text("Peildatum 2025:").first.inner_text()
        # the year's parks on the map; the three whose area changed since 2024 drawn dashed in brown
        veranderd = map_frame(page).locator('path[stroke="#8c510a"][stroke-dasharray]')
        _wacht_op(lambda: f"<{veranderd.count()}>", "<3>")
        page.screenshot(path=str(screenshot_dir / "monitor_kaart_2025.png"))

        # Gemeenten through the menu (the same session): the same year is chosen; switch to 2024 there
        page.get_by_test_id("stSidebarNav").get_by_role("link", name="Gemeenten").click()
        wait_idle(page, timeout=90_000)
        _wacht_op(lambda: _metric(page, "Netto areaal 2025"), twente_2025)
        _kies(page, "Peildatum", "2024 (ingelezen in de werkruimte)")
        _wacht_op(lambda: _metric(page, "Netto areaal 2024"), twente_2024)
        page.get_by_text("Wat is er veranderd sinds de REB").first.wait_for()
        page.screenshot(path=str(screenshot_dir / "monitor_gemeenten_2024.png"), full_page=True)

        with page.expect_download(timeout=120_000) as info:
            page.get_by_role("button", name=documenten.LABEL_BRIEFING).first.click()
        tekst = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(info.value.path().read_bytes())).pages)
        assert "Wat is er veranderd sinds de REB" in tekst
        assert "januari 2023 tegenover 2024" in tekst  # the year chosen on the page
        assert "3.380 ha" in tekst and twente_2024 in tekst
        context.close()
    r = Werkruimte.open(tmp_path / "werkruimte.sqlite")
    jaren = opslag.peiljaren(r)
    assert [(p.jaar, p.versie, p.bron) for p in jaren] == [
        (j, 2, "Synthetisch IBIS, herziene levering") for j in fx.JAREN
    ]
    assert [w.auteur for w in r.geschiedenis(item_id=jaren[0].id)] == ["Beleidsmedewerker Hengelo"] * 2
    r.sluit()
