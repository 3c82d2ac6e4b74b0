"""The map as a wethouder sees it: names of all 14 municipalities, a legend with round limits, /kaart deep links,
and an own file uploaded on the Kaart page itself."""

from __future__ import annotations

import pytest

from reb_maps import labels
from reb_maps.data import GEMEENTEN
from reb_maps.weergave import kaart
from tests import fixtures_eigen_data as fx
from ui import eigen_upload

from .conftest import running_app
from .helpers import open_map, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_map_names_every_municipality_and_legend_limits_are_round(page, app_url, screenshot_dir):
    frame = open_map(page, f"{app_url}/?achtergrond=geen")
    namen = frame.locator(".kaartnaam-gemeenten")
    namen.nth(13).wait_for(state="visible")
    assert sorted(namen.all_inner_texts()) == sorted(GEMEENTEN)
    legenda = frame.locator("#kaartlegenda").inner_text()
    for grens in ("10.000 – 15.000 banen", "50.000 banen of meer", "geen opgave", "natuurlijke grenzen"):
        assert grens in legenda
    assert "29.925" not in legenda
    # Names must not hide under the legend box.
    box = frame.locator("#kaartlegenda").bounding_box()
    for naam in namen.all():
        r = naam.bounding_box()
        overlap_x = r["x"] < box["x"] + box["width"] and box["x"] < r["x"] + r["width"]
        overlap_y = r["y"] < box["y"] + box["height"] and box["y"] < r["y"] + r["height"]
        assert not (overlap_x and overlap_y), naam.inner_text()
    # The layer control groups layers by theme.
    frame.locator(".leaflet-control-layers").hover()
    for thema in ("Werklocaties", "Bereikbaarheid", "Natuur en milieu"):
        assert frame.locator(".leaflet-control-layers-group-name", has_text=thema).count() == 1
    page.screenshot(path=screenshot_dir / "kaart_lagenmenu.png")


def test_kaart_by_its_name_on_a_fresh_server_opens_the_map(page, tmp_path):
    with running_app(tmp_path / "fresh.log") as url:
        open_map(page, f"{url}/kaart?gemeente=Almelo&achtergrond=geen")
        page.get_by_role("heading", name="Almelo").wait_for()
        page.get_by_text("620 ha").first.wait_for()
        assert page.get_by_text("Page not found").count() == 0
        assert page.get_by_text("not found", exact=False).count() == 0


def test_own_file_uploaded_on_the_kaart_page_joins_the_map(page, app_url, tmp_path, screenshot_dir):
    x, y = fx.HENGELO_WGS84
    vlak = {"type": "Polygon", "coordinates": [[[x, y], [x + 0.02, y], [x + 0.02, y + 0.01], [x, y + 0.01], [x, y]]]}
    pad = tmp_path / "mijn_plan.geojson"
    pad.write_bytes(fx.geojson_bytes([fx.feature(vlak, naam="Synthetisch plan")]))
    frame = open_map(page, f"{app_url}/?achtergrond=geen")
    page.get_by_text(labels.KAART_EIGEN_LAAG).click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(pad))
    page.get_by_role("button", name=eigen_upload.KNOP_TOEVOEGEN).click()
    wait_idle(page)
    page.screenshot(path=screenshot_dir / "kaart_eigen_laag.png", full_page=True)
    frame.locator("label", has_text="mijn_plan.geojson").wait_for(state="attached", timeout=60_000)  # redrawn map
    frame.locator(".leaflet-control-layers").hover()
    # the control unfolds on hover: wait until the group shows (an immediate is_visible() raced the animation)
    frame.locator(".leaflet-control-layers-group-name", has_text=kaart.THEMA_EIGEN).wait_for(state="visible")
    assert frame.locator("label", has_text="mijn_plan.geojson").count() == 1
    assert "mijn_plan.geojson" in frame.locator("#kaartlegenda").text_content()  # folded under "Overige lagen"


def test_layers_switched_on_travel_with_the_link(page, app_url, browser):
    frame = open_map(page, f"{app_url}/?achtergrond=geen&indicator=hard_aanbod")
    frame.locator(".leaflet-control-layers").hover()
    frame.locator("label", has_text=labels.LAAG_NNN).first.locator("input").check()
    page.wait_for_function("() => location.search.includes('lagen=nnn')", timeout=30_000)
    link = page.url
    assert "indicator=hard_aanbod" in link
    # Someone else opens the link: NNN is on at once, and the choropleth is the hard supply.
    other = browser.new_context(viewport={"width": 1500, "height": 1000}).new_page()
    try:
        frame2 = open_map(other, link)
        frame2.locator(".leaflet-control-layers").hover()
        assert frame2.locator("label", has_text=labels.LAAG_NNN).first.locator("input").is_checked()
        assert "Hard aanbod" in frame2.locator("#kaartlegenda").inner_text()
    finally:
        other.context.close()
