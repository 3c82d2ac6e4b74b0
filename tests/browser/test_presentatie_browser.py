"""The Presentatie page on a 1280×720 projector: every step shows its title and picture without scrolling,
the arrow key moves on, a bad step in the link is a plain-text notice, and the deck downloads."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation

from ui import presentatie as view

from .helpers import wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BREEDTE, HOOGTE = 1280, 720
HOOGTES = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    return [document.scrollingElement.scrollHeight, main ? main.scrollHeight : 0, window.innerHeight];
}"""


@pytest.fixture
def beamer(browser):
    context = browser.new_context(viewport={"width": BREEDTE, "height": HOOGTE}, locale="nl-NL")
    pg = context.new_page()
    pg.set_default_timeout(90_000)
    yield pg
    context.close()


def _wacht_op_stap(page, titel: str) -> None:
    page.get_by_role("heading", name=titel, level=1).wait_for()
    wait_idle(page, timeout=120_000)
    page.locator('[data-testid="stImage"] img').first.wait_for()
    page.wait_for_function("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)")


def test_tien_stappen_passen_op_het_scherm(beamer, app_url, screenshot_dir):
    stappen = view.stappen()
    assert len(stappen) == 10
    for nummer, stap in enumerate(stappen, start=1):
        beamer.goto(f"{app_url}/presentatie?stap={nummer}")
        _wacht_op_stap(beamer, stap.titel)
        assert beamer.locator('[data-testid="stImage"] img').count() == 1
        document, hoofd, venster = beamer.evaluate(HOOGTES)
        beamer.screenshot(path=str(screenshot_dir / f"presentatie_{nummer}.png"))
        assert venster == HOOGTE
        assert document <= HOOGTE, f"stap {nummer}: pagina {document}px hoog"
        assert hoofd <= HOOGTE, f"stap {nummer}: hoofdvak {hoofd}px hoog"
        assert not beamer.locator('[data-testid="stSidebar"]').is_visible()


def test_pijltje_rechts(beamer, app_url):
    stappen = view.stappen()
    beamer.goto(f"{app_url}/presentatie?stap=4")
    _wacht_op_stap(beamer, stappen[3].titel)
    # As in a real browser the page itself has the focus (headless Chromium starts with none): then the
    # button's shortcut="Right" reacts to the arrow key.
    beamer.locator("body").press("ArrowRight")
    beamer.get_by_role("heading", name=stappen[4].titel, level=1).wait_for(timeout=20_000)
    assert "stap=5" in beamer.url


def test_volgende_foute_stap_en_deck(beamer, app_url):
    stappen = view.stappen()
    beamer.goto(f"{app_url}/presentatie?stap=4")
    _wacht_op_stap(beamer, stappen[3].titel)
    beamer.get_by_role("button", name=view.LABEL_VOLGENDE).click()
    _wacht_op_stap(beamer, stappen[4].titel)
    assert "stap=5" in beamer.url

    beamer.goto(f"{app_url}/presentatie?stap=<b>99</b>")
    _wacht_op_stap(beamer, stappen[0].titel)
    assert beamer.get_by_text("In de link: stap=<b>99</b>").is_visible()  # shown as text, not as markup

    with beamer.expect_download(timeout=180_000) as info:
        beamer.get_by_role("button", name=view.LABEL_DECK).click()
    deck = Presentation(io.BytesIO(info.value.path().read_bytes()))
    assert len(deck.slides) == 10
