"""The presentation deck read back with python-pptx: slides, pictures, sources, notes and the report's figures;
the storyline's data; the command line."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from reb_maps.documenten import presentatie
from reb_maps.documenten.presentatie_tekst import INDICATIEF
from ui import presentatie as view

ROOT = Path(__file__).resolve().parents[1]
KERNCIJFERS = ("639.000", "346.500", "3.380 ha", "121–199 ha", "18,04 ha", "369", "74", "295")


@pytest.fixture(scope="module")
def deck_twente() -> Presentation:
    return Presentation(io.BytesIO(presentatie.deck()))


@pytest.fixture(scope="module")
def deck_almelo(tmp_path_factory) -> Presentation:
    pad = tmp_path_factory.mktemp("deck") / "almelo.pptx"
    uit = subprocess.run([sys.executable, "-m", "reb_maps.presentatie", "--uit", str(pad), "--gemeente", "almelo"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert uit.returncode == 0, uit.stderr
    return Presentation(str(pad))


def _vorm(dia, naam: str):
    return next(s for s in dia.shapes if s.name == naam)


def _tekst(deck) -> str:
    return "\n".join(s.text_frame.text for dia in deck.slides for s in dia.shapes if s.has_text_frame)


def test_tien_dia_met_titel_beeld_bron_en_notities(deck_twente):
    assert len(deck_twente.slides) == 10
    assert deck_twente.slide_width * 9 == deck_twente.slide_height * 16  # 16:9
    titels = [_vorm(d, "Titel").text_frame.text for d in deck_twente.slides]
    assert titels == [s.titel for s in presentatie.stappen()]
    for dia in deck_twente.slides:
        beeld = _vorm(dia, "Beeld")
        assert beeld.shape_type == MSO_SHAPE_TYPE.PICTURE
        breedte, _ = Image.open(io.BytesIO(beeld.image.blob)).size
        assert breedte >= 1600  # high resolution: sharp on a 1920-pixel projector
        assert beeld.left + beeld.width <= deck_twente.slide_width
        assert beeld.top + beeld.height <= deck_twente.slide_height
        assert _vorm(dia, "Bron").text_frame.text.strip()
        assert 1 <= len(_vorm(dia, "Berichten").text_frame.paragraphs) <= 3
        assert len(dia.notes_slide.notes_text_frame.text) > 80


def test_kerncijfers_zoals_gedrukt(deck_twente):
    tekst = _tekst(deck_twente)
    for cijfer in KERNCIJFERS:
        assert cijfer in tekst, cijfer
    notities = "\n".join(d.notes_slide.notes_text_frame.text for d in deck_twente.slides)
    assert "369,85 ha" in notities and "73,97 ha" in notities and "295,88 ha" in notities  # the exact sum, noted
    assert "niet in de tekstversie" in notities  # the spearheads' split is not invented


def test_zoekgebieden_indicatief_en_geen_opgave(deck_twente):
    stap = deck_twente.slides[7]
    assert INDICATIEF in _vorm(stap, "Berichten").text_frame.text.lower()
    assert "INDICATIEF, GEEN BELEID" in _vorm(stap, "Bron").text_frame.text
    assert "geen opgave" in _vorm(deck_twente.slides[3], "Berichten").text_frame.text


def test_gemeente_dia_na_stap_4(deck_almelo):
    assert len(deck_almelo.slides) == 11
    dia = deck_almelo.slides[4]
    assert _vorm(dia, "Titel").text_frame.text == "Almelo in beeld"
    tekst = _vorm(dia, "Berichten").text_frame.text
    for cijfer in ("74.000", "47.300", "620 ha", "10–40 ha", "16,58 ha"):
        assert cijfer in tekst
    assert _vorm(deck_almelo.slides[5], "Titel").text_frame.text == presentatie.stappen()[4].titel


def test_hooguit_drie_berichten_en_geen_ongevulde_velden():
    for stap in presentatie.stappen("Losser"):
        assert 1 <= len(stap.berichten) <= 3
        for tekst in (stap.titel, stap.notities, stap.bron, *stap.berichten):
            assert "{" not in tekst and "}" not in tekst
    losser = next(s for s in presentatie.stappen("Losser") if s.sleutel == "gemeente")
    assert "geen cijfer" in " ".join(losser.berichten)  # no supply figure: said so, never 0


def _cli(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reb_maps.presentatie", *argv], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)  # fmt: skip


def test_cli_onbekende_gemeente_en_onschrijfbaar_pad(tmp_path):
    uit = _cli("--uit", str(tmp_path / "x.pptx"), "--gemeente", "Atlantis")
    assert uit.returncode == 2
    assert uit.stderr.count("\n") == 1 and "onbekende gemeente 'Atlantis'" in uit.stderr
    assert "Traceback" not in uit.stderr
    uit = _cli("--uit", str(tmp_path / "bestaat-niet" / "x.pptx"))
    assert uit.returncode == 2 and "kan niet schrijven" in uit.stderr and uit.stderr.count("\n") == 1
    uit = _cli()
    assert uit.returncode == 2 and "verplichte opties ontbreken" in uit.stderr


@pytest.mark.parametrize(
    ("waarde", "verwacht", "melding"),
    [(None, 1, False), (["4"], 4, False), (["10"], 10, False), (["0"], 1, True), (["11"], 1, True),
     (["vier"], 1, True), (["<script>"], 1, True)],
)  # fmt: skip
def test_stap_uit_de_link(waarde, verwacht, melding):
    params = {} if waarde is None else {"stap": waarde}
    nummer, uit = view.stap_uit_link(params, 10)
    assert nummer == verwacht
    assert (uit is not None) == melding
    if uit is not None:
        assert uit.waarde == waarde[0]  # echoed as plain text by the page, never as markup
