"""Toets een locatie in the real app: Leaflet.draw served locally, a rectangle drawn with the mouse, the card."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .helpers import MAP_FRAME, map_frame, wait_for_features, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def kies(page, label: str, optie: str) -> None:
    """Add an option in a multiselect; a rerun may close the list, so open it again if needed."""
    for _ in range(3):
        wait_idle(page, timeout=60_000)
        page.wait_for_timeout(1000)
        page.get_by_role("combobox", name=label).click()
        keuze = page.get_by_role("option", name=optie, exact=True)
        try:
            keuze.wait_for(timeout=5000)
            keuze.click()
            page.keyboard.press("Escape")
            wait_idle(page, timeout=60_000)
            return
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    raise AssertionError(f"option {optie} not offered in {label}")


def _zoom(page) -> int:
    return page.locator(MAP_FRAME).first.evaluate("el => el.contentWindow.map.getZoom()")


def test_draw_a_rectangle_offline_and_see_the_card_and_comparison(page, app_url, screenshot_dir):
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.goto(f"{app_url}/zoekgebieden?achtergrond=geen&r=250")
    wait_idle(page, timeout=120_000)
    wait_for_features(page, minimum=1)
    frame = map_frame(page)
    knop = frame.locator("a.leaflet-draw-draw-rectangle")
    knop.wait_for(timeout=60_000)
    assert any(url.endswith("/app/static/vendor/leaflet-draw/leaflet.draw.js") for url in requests)
    assert any(url.endswith("/app/static/vendor/leaflet-draw/leaflet.draw.css") for url in requests)

    # Leaflet's and Leaflet.draw's own texts are Dutch: the button, the zoom and layer buttons, the drawing hint
    assert knop.get_attribute("title") == "Teken een rechthoek"
    assert frame.locator("a.leaflet-control-zoom-in").get_attribute("title") == "Inzoomen"
    assert frame.locator("a.leaflet-control-layers-toggle").first.get_attribute("title") == "Kaartlagen kiezen"
    knop.click()
    frame.get_by_text("Klik en sleep om een rechthoek te tekenen.").wait_for()
    frame.get_by_role("link", name="Afbreken").wait_for()
    box = frame.locator(".leaflet-container").bounding_box()
    x, y = box["x"] + box["width"] * 0.55, box["y"] + box["height"] * 0.5
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 12, y + 8, steps=4)
    page.mouse.move(x + 25, y + 16, steps=4)
    page.mouse.up()
    page.wait_for_url("**t=T1**", timeout=60_000)  # the drawing became area T1, in the link
    wait_idle(page, timeout=60_000)
    page.set_viewport_size({"width": 1500, "height": 1400})
    page.get_by_role("heading", name="Toets een locatie").scroll_into_view_if_needed()
    page.locator('[data-testid="stMetric"]', has_text="Geschiktheid gemiddeld").first.wait_for()
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=screenshot_dir / "toets_kaart.png")

    kies(page, "Kies twee tot vier gebieden", "Getekend gebied 1")
    kies(page, "Kies twee tot vier gebieden", "Zoekgebied G01")
    page.get_by_role("button", name="vergelijking.pdf").wait_for(timeout=60_000)
    page.get_by_role("heading", name="Vergelijk locaties").scroll_into_view_if_needed()
    page.locator('[data-testid="stImage"]').first.wait_for()
    page.screenshot(path=screenshot_dir / "toets_vergelijking.png")

    page.wait_for_url("**vg=T1.G01**", timeout=30_000)  # the comparison is in the link too
    assert "v=" in page.url
    assert page.locator('[data-testid="stImage"] img').first.evaluate("i => i.naturalWidth") >= 1200  # legible

    # The map's view travels in the link: zoom in, and a new tab with the link opens at that zoom.
    zoom = _zoom(page)
    frame.locator("a.leaflet-control-zoom-in").click()
    page.wait_for_function(f"() => document.querySelector('{MAP_FRAME}').contentWindow.map.getZoom() > {zoom}")
    zoom = _zoom(page)
    page.wait_for_url(f"**kz=*%2C{zoom:g}&**", timeout=30_000)
    wait_idle(page, timeout=60_000)
    tweede = page.context.new_page()
    berichten = []  # what the page sends the server: a rerun each
    tweede.on("websocket", lambda ws: ws.on("framesent", lambda bericht: berichten.append(bericht)))
    tweede.goto(page.url)
    wait_idle(tweede, timeout=120_000)
    wait_for_features(tweede, minimum=1)
    tweede.wait_for_function(f"() => document.querySelector('{MAP_FRAME}').contentWindow.map.getZoom() === {zoom}",
                             timeout=30_000)  # fmt: skip
    wait_idle(tweede, timeout=60_000)
    tweede.wait_for_timeout(3000)
    gezonden = len(berichten)
    tweede.wait_for_timeout(4000)
    assert len(berichten) == gezonden, "map and page keep rerunning each other"  # once applied, the view rests
    tweede.close()
    hosts = {urlparse(url).hostname for url in requests if urlparse(url).scheme in ("http", "https", "ws", "wss")}
    assert hosts <= {"127.0.0.1", "localhost"}, f"requests left the machine: {hosts - {'127.0.0.1', 'localhost'}}"
