"""The Presentatie page on a laptop, a projector and a 4K screen: every step is one full slide without scrolling,
no text lies on other text, the visuals' labels are large enough to read from the back of the room; the arrow key
moves on, a bad step in the link is a plain-text notice, and the deck downloads."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation

from ui import presentatie as view

from .helpers import wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BREEDTE, HOOGTE = 1280, 720
SCHERMEN = ((1280, 720), (1920, 1080), (3840, 2160))
KLEINSTE_LETTER_PX = 18  # at 1920×1080: legible from about 5 m

# Everything the test measures, in one pass over the DOM (CSS pixels).
METEN = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    const dia = document.querySelector('.reb-dia');
    const rects = [];
    const loper = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    let n = 0;
    while (loper.nextNode()) {
        const node = loper.currentNode;
        if (!node.textContent.trim()) continue;
        const el = node.parentElement;
        if (!el || el.closest('[data-testid="stTooltipHoverTarget"] [role="tooltip"]')) continue;
        const stijl = getComputedStyle(el);
        if (stijl.visibility === 'hidden' || stijl.display === 'none') continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
            if (r.width > 0.5 && r.height > 0.5) rects.push({n, tekst: node.textContent.trim().slice(0, 40),
                l: r.left, t: r.top, r: r.right, b: r.bottom});
        }
        n += 1;
    }
    const beelden = [...dia.querySelectorAll('img')].map(img => {
        // object-fit: contain: the picture drawn inside the element's box keeps its aspect
        const doos = img.getBoundingClientRect();
        const schaal = Math.min(doos.width / img.naturalWidth, doos.height / img.naturalHeight);
        const w = img.naturalWidth * schaal, h = img.naturalHeight * schaal;
        return {w, h, onder: doos.top + (doos.height + h) / 2,
                letter: parseFloat(img.dataset.kleinsteLetter || 'NaN')};
    });
    const afgekapt = [dia, ...dia.querySelectorAll('.reb-kaartje, .reb-bericht, .reb-dia-inhoud')]
        .filter(el => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
        .map(el => el.className);
    // Where the slide's content ends: the pictures as drawn (not their boxes), the cards and the messages;
    // not the source line and the buttons, which always sit at the bottom.
    const onderkant = Math.max(...beelden.map(b => b.onder),
        ...[...dia.querySelectorAll('.reb-kaartje, .reb-bericht li')].map(el => el.getBoundingClientRect().bottom));
    return {rects, beelden, afgekapt, onderkant, document: document.scrollingElement.scrollHeight,
            hoofd: main.scrollHeight, venster: window.innerHeight};
}"""


def _overlappen(rects: list[dict]) -> list[tuple[str, str]]:
    """Pairs of text pieces from different text nodes whose boxes share more than a sliver (1 px)."""
    paren = []
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            if a["n"] == b["n"]:
                continue
            breed = min(a["r"], b["r"]) - max(a["l"], b["l"])
            hoog = min(a["b"], b["b"]) - max(a["t"], b["t"])
            if breed > 1 and hoog > 1:
                paren.append((a["tekst"], b["tekst"]))
    return paren


def _wacht_op_stap(page, titel: str) -> None:
    page.get_by_role("heading", name=titel, level=1).wait_for()
    wait_idle(page, timeout=120_000)
    page.wait_for_function("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)")


@pytest.fixture
def beamer(browser):
    context = browser.new_context(viewport={"width": BREEDTE, "height": HOOGTE}, locale="nl-NL")
    pg = context.new_page()
    pg.set_default_timeout(90_000)
    yield pg
    context.close()


def test_elke_stap_is_een_volle_dia_op_drie_schermen(beamer, app_url, screenshot_dir):
    stappen = view.stappen()
    assert len(stappen) == 10
    for nummer, stap in enumerate(stappen, start=1):
        beamer.set_viewport_size({"width": BREEDTE, "height": HOOGTE})
        beamer.goto(f"{app_url}/presentatie?stap={nummer}")
        _wacht_op_stap(beamer, stap.titel)
        assert not beamer.locator('[data-testid="stSidebar"]').is_visible()
        aantal_beelden = 0 if stap.kaartjes else len(stap.beelden)
        assert beamer.locator(".reb-dia img").count() == aantal_beelden
        assert beamer.locator(".reb-kaartje").count() == len(stap.kaartjes)
        for breedte, hoogte in SCHERMEN:  # the layout is CSS only: resizing needs no rerun
            beamer.set_viewport_size({"width": breedte, "height": hoogte})
            beamer.wait_for_timeout(150)
            m = beamer.evaluate(METEN)
            waar = f"stap {nummer} op {breedte}×{hoogte}"
            if breedte == 1920:
                beamer.screenshot(path=str(screenshot_dir / f"presentatie_{nummer}.png"))
            assert m["venster"] == hoogte
            assert m["document"] <= hoogte and m["hoofd"] <= hoogte, f"{waar}: de pagina schuift"
            assert not m["afgekapt"], f"{waar}: tekst valt buiten zijn vak ({m['afgekapt']})"
            assert not _overlappen(m["rects"]), f"{waar}: tekst over tekst {_overlappen(m['rects'])[:3]}"
            assert m["onderkant"] >= 0.75 * hoogte, f"{waar}: de dia eindigt op {m['onderkant']:.0f}px"
            for beeld in m["beelden"]:
                assert beeld["h"] >= 0.45 * hoogte, f"{waar}: beeld van {beeld['h']:.0f}px hoog"
                if breedte == 1920:
                    kleinste = beeld["letter"] * beeld["w"]
                    assert kleinste >= KLEINSTE_LETTER_PX, f"{waar}: kleinste label {kleinste:.1f}px"


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
