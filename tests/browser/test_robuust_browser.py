"""Crafted links and a read-only static folder in the real app: notices as plain text, no foreign request."""

from __future__ import annotations

from urllib.parse import quote, urlparse

import pytest

from reb_maps import labels
from reb_maps.url import kort

from .conftest import running_app
from .helpers import open_map, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

VREEMD = "vreemd.example"
AANVALLEN = {
    "doel": f"[Download het officiële rapport](https://{VREEMD}/rapport.pdf)",
    "int": f"![x](https://{VREEMD}/pixel.png)",
    "bt": ":red[**Fraudemelding**]",
    "mkb": f"<b>vet</b><img src='https://{VREEMD}/img.png'>",
}


def _hosts(requests: list[str]) -> set[str]:
    return {urlparse(u).hostname for u in requests if urlparse(u).scheme in ("http", "https", "ws", "wss")}


def test_gemaakte_link_toont_platte_tekst_en_haalt_niets_vreemds(page, app_url, screenshot_dir):
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    query = "&".join(f"{k}={quote(v, safe='')}" for k, v in AANVALLEN.items())
    page.goto(f"{app_url}/schaalsprong?{query}&gemeente=Atlantis&gemeente=Almelo&achtergrond=geen")
    wait_idle(page)
    page.get_by_text("ongeldige waarde", exact=False).first.wait_for(timeout=60_000)
    page.wait_for_timeout(1500)

    teksten = page.locator('[data-testid="stText"]').all_inner_texts()
    for key, waarde in AANVALLEN.items():
        assert f"In de link: {kort(f'{key}={waarde}')}" in teksten  # literal, shortened to ~60 characters
    assert any("gemeente=Atlantis & Almelo" in t for t in teksten)  # the repeat is named …
    assert page.get_by_role("combobox", name=labels.WIDGET_GEMEENTE).input_value() == "Almelo"
    assert page.evaluate("() => new URLSearchParams(location.search).getAll('gemeente')") == ["Almelo"]  # … and gone

    assert page.locator(f'a[href*="{VREEMD}"]').count() == 0
    assert page.locator(f'img[src*="{VREEMD}"]').count() == 0
    assert page.locator('[data-testid="stMarkdownContainer"] b:text("vet")').count() == 0
    assert page.locator('[data-testid="stMarkdownContainer"] :text("Fraudemelding")').count() == 0  # not styled
    assert _hosts(requests) <= {"127.0.0.1", "localhost"}, _hosts(requests)
    page.screenshot(path=screenshot_dir / "robuust_link.png", full_page=True)


@pytest.fixture(scope="module")
def readonly_app_url(tmp_path_factory):
    """The app with a static folder nothing can be written to (a folder inside a file: also for root)."""
    tmp = tmp_path_factory.mktemp("readonly")
    (tmp / "een-bestand").write_text("x")
    with running_app(tmp / "streamlit.log", env={"REB_STATIC_DIR": str(tmp / "een-bestand" / "static")}) as url:
        yield url


def test_alleen_lezen_static_map_kaart_tekent_zonder_static(page, readonly_app_url):
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    frame = open_map(page, f"{readonly_app_url}/?achtergrond=geen")  # Leaflet, jQuery and layers as data: URLs
    before = frame.locator("path.leaflet-interactive").count()
    frame.locator(".leaflet-control-layers").hover()
    frame.locator("label", has_text=labels.LAAG_NNN).first.locator("input").check()  # a lazy layer, inlined too
    page.wait_for_function(
        "n => document.querySelector('iframe[title=\"streamlit_folium.st_folium\"]')"
        ".contentDocument.querySelectorAll('path.leaflet-interactive').length > n",
        arg=before,
        timeout=30_000,
    )
    assert not [u for u in requests if "/app/static/" in u]
    assert _hosts(requests) <= {"127.0.0.1", "localhost"}
    assert page.locator('[data-testid="stException"]').count() == 0
    wait_idle(page)
