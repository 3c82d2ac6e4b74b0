"""In the real app: the briefing and map buttons hand over real files, built on click."""

from __future__ import annotations

import io

import pypdf
import pytest
from PIL import Image

from ui import documenten

from .helpers import wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _download(page, label: str, timeout: float = 120_000):
    with page.expect_download(timeout=timeout) as info:
        page.get_by_role("button", name=label).first.click()
    download = info.value
    return download.suggested_filename, download.path().read_bytes()


def test_briefing_and_map_downloads(page, app_url, screenshot_dir):
    page.goto(f"{app_url}/?gemeente=Almelo&achtergrond=geen")
    wait_idle(page)
    naam, inhoud = _download(page, documenten.LABEL_BRIEFING)
    assert naam.startswith("briefing-werklocaties-almelo-") and naam.endswith(".pdf")
    reader = pypdf.PdfReader(io.BytesIO(inhoud))
    assert reader.metadata.title == "Werklocaties Almelo — briefing"
    assert "47.300" in reader.pages[0].extract_text()

    naam, inhoud = _download(page, documenten.LABEL_KAART_PNG)
    assert naam == "kaart-werklocaties-almelo-banen.png"
    assert round(Image.open(io.BytesIO(inhoud)).info["dpi"][0]) >= 200
    (screenshot_dir / "browser-kaart-download.png").write_bytes(inhoud)

    page.goto(f"{app_url}/gemeenten")  # no selection: the Twente briefing
    wait_idle(page)
    naam, inhoud = _download(page, documenten.LABEL_BRIEFING)
    assert naam.startswith("briefing-werklocaties-twente-")
    assert pypdf.PdfReader(io.BytesIO(inhoud)).metadata.title == "Werklocaties Twente — briefing"
