"""WCAG 2.1 AA in the real app: axe-core (vendored in tests/assets) on every page of the navigation and inside every
map frame, at 1280×720; no serious or critical finding may remain. The accessibility statement (page
Toegankelijkheid) says that this is how the dashboard is checked.

The moderate and minor findings are written to tests/screenshots/axe.json for the closing note.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import pytest

from reb_maps import toegankelijkheid as tg

from .helpers import MAP_FRAME, wait_idle, wait_settled

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = (Path(__file__).resolve().parents[1] / "assets" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
ERNSTIG = {"serious", "critical"}
MET_KAART = {"/", "/zoekgebieden"}  # pages whose map frame must be checked too (Eigen data: once a layer is added)
# Frames are checked on their own (axe in the top document would wait for frames without axe).
AXE_RUN = """async (regels) => {
    const r = await axe.run(document, {runOnly: {type: 'tag', values: regels}, iframes: false,
                                       resultTypes: ['violations']});  // passes counted, not detailed: quicker
    return {geslaagd: r.passes.length,
            bevindingen: r.violations.map(v => ({regel: v.id, ernst: v.impact, aantal: v.nodes.length,
                voorbeeld: v.nodes[0].target.join(' ') + ' :: ' + v.nodes[0].html.slice(0, 160)}))};
}"""


def _axe(frame) -> list[dict]:
    frame.add_script_tag(content=AXE)
    uitslag = frame.evaluate(AXE_RUN, list(tg.AXE_REGELS))
    assert uitslag["geslaagd"] >= 5, uitslag  # axe really checked something (a blank frame passes almost nothing)
    return uitslag["bevindingen"]


def _paginas(page, app_url: str) -> list[str]:
    """Every page the sidebar offers (so a new page is checked without editing this test), on the offline basemap
    (CI has no internet)."""
    page.goto(app_url + "/bronnen")
    wait_idle(page, timeout=90_000)
    page.locator('[data-testid="stSidebarNav"] a[href$="/toegankelijkheid"]').wait_for()
    paden = page.locator('[data-testid="stSidebarNav"] a').evaluate_all("links => links.map(a => a.href)")
    paden = [urlparse(p).path for p in paden]
    assert "/toegankelijkheid" in paden and len(paden) >= 12
    # the map page with a municipality chosen: the panel with its figures is checked too
    return [f"{p}?achtergrond=geen" + ("&gemeente=Hengelo" if p == "/" else "") for p in paden]


def test_axe_finds_nothing_serious_on_any_page_or_map(browser, app_url, screenshot_dir):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(60_000)
    bevindingen: dict[str, list[dict]] = {}
    for pad in _paginas(page, app_url):
        page.goto(app_url + pad)
        page.locator('[data-testid="stMain"] h1').first.wait_for(timeout=90_000)  # the page's title: it runs
        kaarten = page.locator(MAP_FRAME)
        if urlparse(pad).path in MET_KAART:
            kaarten.first.wait_for(timeout=90_000)
        for nummer in range(kaarten.count()):  # the map inside a frame is drawn when Leaflet's panes exist
            page.frame_locator(MAP_FRAME).nth(nummer).locator(".leaflet-map-pane").wait_for(state="attached")
        # axe reads the page as shown: a faded element of an unfinished rerun would fail on contrast
        wait_settled(page, timeout=90_000)
        bevindingen[pad] = _axe(page.main_frame)
        for nummer in range(kaarten.count()):
            frame = kaarten.nth(nummer).element_handle().content_frame()
            bevindingen[f"{pad} kaart {nummer + 1}"] = _axe(frame)
    context.close()
    (screenshot_dir / "axe.json").write_text(json.dumps(bevindingen, ensure_ascii=False, indent=1), encoding="utf-8")

    assert sum(" kaart " in waar for waar in bevindingen) >= len(MET_KAART), "kaartframes niet gecontroleerd"
    ernstig = {waar: [v for v in lijst if v["ernst"] in ERNSTIG] for waar, lijst in bevindingen.items()}
    assert not {waar: lijst for waar, lijst in ernstig.items() if lijst}
    # The map frames no longer forbid zooming (folium's `user-scalable=no`), a moderate finding before.
    assert not [v for waar, lijst in bevindingen.items() for v in lijst if v["regel"] == "meta-viewport"]
