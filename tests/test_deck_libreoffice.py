"""The deck opened by another office suite: LibreOffice converts it to PDF, every slide comes out, and two slides
(a map with a native chart, and the recommendation cards) are written to tests/screenshots/ to be looked at.

LibreOffice is not part of the CI image (it is large); where it is installed (`soffice`), this runs.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from reb_maps.weergave.documenten import presentatie

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
pytestmark = [pytest.mark.slow, pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) niet aanwezig")]


def test_libreoffice_opens_the_deck_with_its_texts(tmp_path):
    SCREENSHOTS.mkdir(exist_ok=True)
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(presentatie.deck())
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profiel", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(deck)], check=True, capture_output=True, timeout=240)  # fmt: skip
    pdf = pypdf.PdfReader(tmp_path / "deck.pdf")
    stappen = presentatie.stappen()
    assert len(pdf.pages) == len(stappen)
    for pagina, stap in zip(pdf.pages, stappen, strict=True):
        tekst = " ".join((pagina.extract_text() or "").split())
        assert stap.titel in tekst  # the text boxes are text, also for another office suite
    assert "Almelo" in " ".join(pdf.pages[3].extract_text().split())  # the chart's categories are text too
    for nummer in (4, 9):
        subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", str(nummer), "-l", str(nummer), "-singlefile",
                        str(tmp_path / "deck.pdf"), str(SCREENSHOTS / f"deck_dia_{nummer}")], check=True)  # fmt: skip
        assert (SCREENSHOTS / f"deck_dia_{nummer}.png").stat().st_size > 10_000
