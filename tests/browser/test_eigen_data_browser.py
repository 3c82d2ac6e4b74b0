"""Eigen data in the real app: upload a GeoJSON through the file input and see it on the map."""

from __future__ import annotations

import pytest

from reb_maps import labels
from reb_maps.weergave import kaart_nl
from reb_maps.weergave.eigen_laag import KLEUR_STANDAARD
from tests import fixtures_eigen_data as fx

from .helpers import map_frame, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_uploaded_geojson_appears_on_the_map(page, app_url, tmp_path, screenshot_dir):
    x, y = fx.HENGELO_WGS84
    vlak = {"type": "Polygon", "coordinates": [[[x, y], [x + 0.02, y], [x + 0.02, y + 0.01], [x, y + 0.01], [x, y]]]}
    pad = tmp_path / "synthetisch.geojson"
    pad.write_bytes(fx.geojson_bytes([fx.feature(vlak, naam="Synthetisch terrein <b>X</b>")]))
    page.goto(f"{app_url}/eigen-data?achtergrond=geen")
    wait_idle(page)
    page.get_by_role("heading", name=labels.PAGINA_EIGEN_DATA).wait_for()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(pad))
    page.get_by_role("button", name="Voeg toe aan de kaart").click()
    wait_idle(page)
    frame = map_frame(page)
    # The municipal outlines are there for orientation (no fill); the upload is the one filled shape.
    eigen = frame.locator(f'path.leaflet-interactive[fill="{KLEUR_STANDAARD}"]')
    eigen.first.wait_for(timeout=60_000)
    assert eigen.count() == 1
    assert frame.locator('path.leaflet-interactive[fill="none"]').count() == 14
    frame.locator(".leaflet-control-layers").hover()
    assert frame.locator("label", has_text="synthetisch.geojson").count() == 1
    eigen.first.dispatch_event("click")
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10_000)
    assert "Synthetisch terrein <b>X</b>" in popup.inner_text()  # shown as text, not as bold markup
    sluiten = frame.locator(".leaflet-popup-close-button")
    assert sluiten.get_attribute("aria-label") == kaart_nl.POPUP_SLUITEN  # not Leaflet's "Close popup"
    page.screenshot(path=screenshot_dir / "eigen_data.png", full_page=True)
