"""The cached map (ui.kaart_cache) in Chromium: clicks select, layer toggles survive reruns, sessions share it."""

from __future__ import annotations

import pytest

from reb_maps import labels

from .helpers import MAP_FRAME, choose, open_map, wait_idle

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


def _merk_kaart(page) -> None:
    """Mark the map's frame element and its document: a reloaded or remounted map loses both marks."""
    page.locator(MAP_FRAME).first.evaluate("el => { el.dataset.merk = 'blijft'; el.contentWindow.__merk = 'blijft'; }")


def _kaart_gemerkt(page) -> bool:
    return page.locator(MAP_FRAME).first.evaluate(
        "el => el.dataset.merk === 'blijft' && el.contentWindow.__merk === 'blijft'"
    )


def _kaartmidden(page) -> tuple[float, float]:
    return tuple(page.locator(MAP_FRAME).first.evaluate("el => { const c = el.contentWindow.map.getCenter(); "
                                                          "return [c.lat, c.lng]; }"))  # fmt: skip


def test_choosing_a_municipality_keeps_the_map_and_fits_it(page, app_url):
    frame = open_map(page, f"{app_url}/?achtergrond=geen")
    frame.locator(".leaflet-control-layers").hover()
    frame.locator("label", has_text=labels.LAAG_NNN).first.locator("input").check()
    _merk_kaart(page)
    twente = _kaartmidden(page)
    rood = f'path[stroke="{labels.KLEUR_SELECTIE}"]'
    assert frame.locator(rood).count() == 0

    choose(page, labels.WIDGET_GEMEENTE, "Hengelo")  # the sidebar
    page.get_by_role("heading", name="Hengelo").first.wait_for(timeout=30_000)
    frame.locator(rood).first.wait_for(state="attached", timeout=30_000)
    page.wait_for_timeout(500)  # the fit animates
    lat, lon = _kaartmidden(page)
    assert 52.23 < lat < 52.33 and 6.72 < lon < 6.85, (lat, lon)  # Hengelo, not Twente's centre
    assert (lat, lon) != twente

    frame.locator("path.gemeente-GM0153").dispatch_event("click")  # a click on Enschede
    page.get_by_text("689 ha").first.wait_for(timeout=30_000)
    wait_idle(page)
    assert frame.locator(rood).count() == 1  # only Enschede's outline: Hengelo's went with its group

    choose(page, labels.WIDGET_GEMEENTE, labels.GEEN_GEMEENTE)
    page.wait_for_timeout(800)
    assert frame.locator(rood).count() == 0
    lat, lon = _kaartmidden(page)
    assert abs(lat - twente[0]) < 0.05 and abs(lon - twente[1]) < 0.05  # back to all of Twente

    assert _kaart_gemerkt(page)  # the same frame and document all along: never reloaded
    frame.locator(".leaflet-control-layers").hover()
    assert frame.locator("label", has_text=labels.LAAG_NNN).first.locator("input").is_checked()


def test_opening_the_map_starts_no_second_run(browser, app_url):
    """The map's first report (its switched-on layers) equals the default it was sent, so the browser asks for no
    second run of the page on its own: such a run replaced the run of a click made meanwhile (a 'Bewaar locatie'
    below the map was lost). Also with layers switched on by a link."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    for query in ("?achtergrond=geen", "?achtergrond=geen&gemeente=Almelo&lagen=nnn,natura2000"):
        page = browser.new_context(viewport={"width": 1500, "height": 1000}, locale="nl-NL").new_page()
        runs: list[str] = []

        def sent(frame, runs=runs):
            message = BackMsg()
            message.ParseFromString(frame if isinstance(frame, bytes) else frame.encode())
            if message.WhichOneof("type") == "rerun_script":
                runs.append(message.rerun_script.query_string)

        page.on("websocket", lambda ws: ws.on("framesent", sent))
        try:
            frame = open_map(page, f"{app_url}/{query}")
            frame.locator(".leaflet-control-layers").hover()
            if "nnn" in query:
                assert frame.locator("label", has_text=labels.LAAG_NNN).first.locator("input").is_checked()
            page.wait_for_timeout(2_000)  # streamlit-folium reports a changed value 250 ms after the map settles
            wait_idle(page)
            assert len(runs) == 1, runs  # the page's own first run only
        finally:
            page.context.close()
