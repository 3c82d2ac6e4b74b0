"""The cached map (ui.kaart_cache) in Chromium: clicks select, layer toggles survive reruns, sessions share it."""

from __future__ import annotations

import pytest

from reb_maps import labels

from .helpers import open_map, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_clicks_work_on_a_map_rendered_for_another_session(browser, app_url):
    first = browser.new_context(viewport={"width": 1500, "height": 1000}, locale="nl-NL")
    second = browser.new_context(viewport={"width": 1500, "height": 1000}, locale="nl-NL")
    try:
        page = first.new_page()
        frame = open_map(page, f"{app_url}/?achtergrond=geen")
        frame.locator("path.gemeente-GM0141").dispatch_event("click")  # Almelo
        page.get_by_text("620 ha").first.wait_for(timeout=30_000)
        assert "gemeente=Almelo" in page.url

        other = second.new_page()  # same inputs: this session gets the map rendered for the first one
        frame = open_map(other, f"{app_url}/?achtergrond=geen&gemeente=Almelo")
        frame.locator("path.gemeente-GM0153").dispatch_event("click")  # Enschede
        other.get_by_text("689 ha").first.wait_for(timeout=30_000)
        wait_idle(other)
        assert "gemeente=Enschede" in other.url
    finally:
        first.close()
        second.close()


def test_layer_switched_on_stays_on_when_the_map_does_not_change(page, app_url):
    frame = open_map(page, f"{app_url}/?achtergrond=geen&gemeente=Almelo")
    frame.locator(".leaflet-control-layers").hover()
    nnn = frame.locator("label", has_text=labels.LAAG_NNN).first.locator("input")
    nnn.check()
    # A click on the selected municipality reruns the page with the same inputs: the cached map keeps its key,
    # so the browser keeps the map (and the layer the user switched on) instead of drawing a new one.
    frame.locator("path.gemeente-GM0141").dispatch_event("click")
    page.wait_for_timeout(1_500)
    wait_idle(page)
    frame.locator(".leaflet-control-layers").hover()
    assert frame.locator("label", has_text=labels.LAAG_NNN).first.locator("input").is_checked()
