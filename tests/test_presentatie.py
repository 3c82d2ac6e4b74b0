"""The presentation deck read back with python-pptx: slides, pictures, sources, notes and the report's figures;
the storyline's data; the command line."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from reb_maps.data import load_table
from reb_maps.weergave import lettertype
from reb_maps.weergave.documenten import pptx_maat, presentatie
from reb_maps.weergave.documenten.presentatie_tekst import INDICATIEF
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
    for dia, stap in zip(deck_twente.slides, presentatie.stappen(), strict=True):
        kaarten = [s for s in dia.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        grafieken = [s for s in dia.shapes if s.has_chart]
        # Maps are the only pictures (at print resolution); charts are native; cards are shapes with text.
        assert len(kaarten) == sum(b.grafiek is None for b in stap.beelden)
        assert len(grafieken) == sum(b.grafiek is not None for b in stap.beelden)
        for kaart in kaarten:
            assert kaart.name == "Kaart"
            breedte, _ = Image.open(io.BytesIO(kaart.image.blob)).size
            assert breedte >= 1600  # high resolution: sharp on a 1920-pixel projector
            assert kaart._element.nvPicPr.cNvPr.get("descr")  # alt text
        assert [s.text_frame.text.split("\n")[0] for s in dia.shapes if s.name.startswith("Kaartje")] == [
            f"{n}. {k.titel}" if stap.genummerd else k.titel for n, k in enumerate(stap.kaartjes, start=1)]
        assert _vorm(dia, "Bron").text_frame.text.strip()
        assert 1 <= len(_vorm(dia, "Berichten").text_frame.paragraphs) <= 3
        assert len(dia.notes_slide.notes_text_frame.text) > 80
    kaartjes = [s for d in deck_twente.slides for s in d.shapes if s.name.startswith("Kaartje")]
    assert len(kaartjes) == 4 + 5 + 6  # strategies, recommendations, sources: text, not pictures of text


def test_de_titel_is_de_diatitel_en_alles_is_nederlands(deck_twente):
    """The title placeholder holds the title (outline, accessibility check, screen readers); every run is nl-NL."""
    for dia, stap in zip(deck_twente.slides, presentatie.stappen(), strict=True):
        assert dia.shapes.title is not None and dia.shapes.title.text_frame.text == stap.titel
        for vorm in (v for v in dia.shapes if v.has_text_frame):
            for run in (r for p in vorm.text_frame.paragraphs for r in p.runs):
                assert run.font._rPr.get("lang") == "nl-NL", (vorm.name, run.text)


def _rechthoek(vorm) -> tuple[int, int, int, int]:
    return vorm.left, vorm.top, vorm.left + vorm.width, vorm.top + vorm.height


def _alineas(vorm) -> list[tuple[str, float, bool, float]]:
    uit = []
    for p in vorm.text_frame.paragraphs:
        runs = [r for r in p.runs if r.text]
        if not runs:
            continue
        assert len({(r.font.size, r.font.bold) for r in runs}) == 1  # one style per paragraph, as built
        na = p.space_after.pt if p.space_after is not None else 0.0
        uit.append(("".join(r.text for r in runs), runs[0].font.size.pt, bool(runs[0].font.bold), na))
    return uit


def test_elke_tekst_past_in_zijn_vak_en_niets_overlapt(deck_twente, deck_almelo):
    """Measured with the bundled Carlito (Calibri's metric twin): every text fits its box, no two boxes with
    text overlap, no text box overlaps a map or chart, and nothing lies outside the slide."""
    for deck in (deck_twente, deck_almelo):
        for nummer, dia in enumerate(deck.slides, start=1):
            vormen = list(dia.shapes)
            for vorm in vormen:
                links, boven, rechts, onder = _rechthoek(vorm)
                assert links >= 0 and boven >= 0, (nummer, vorm.name)
                assert rechts <= deck.slide_width and onder <= deck.slide_height, (nummer, vorm.name)
                if not vorm.has_text_frame or not vorm.text_frame.text.strip():
                    continue
                tf = vorm.text_frame
                assert tf.word_wrap is True
                for run in (r for p in tf.paragraphs for r in p.runs):
                    assert run.font.name == pptx_maat.LETTERTYPE == "Calibri"
                breedte = pptx_maat.pt(vorm.width - tf.margin_left - tf.margin_right)
                hoogte = pptx_maat.pt(vorm.height - tf.margin_top - tf.margin_bottom)
                alineas = _alineas(vorm)
                nodig = pptx_maat.hoogte_pt(alineas, breedte)
                assert nodig <= hoogte, f"dia {nummer}, {vorm.name}: {nodig:.0f} pt tekst in {hoogte:.0f} pt"
                for tekst, grootte, vet, _ in alineas:
                    assert pptx_maat.past_op_regels(tekst, grootte, breedte, vet), (nummer, vorm.name, tekst)
            for i, a in enumerate(vormen):
                for b in vormen[i + 1:]:
                    tekst_a = a.has_text_frame and a.text_frame.text.strip()
                    tekst_b = b.has_text_frame and b.text_frame.text.strip()
                    if not (tekst_a or tekst_b):
                        continue  # two visuals may touch; text must stand free
                    ra, rb = _rechthoek(a), _rechthoek(b)
                    overlap = min(ra[2], rb[2]) > max(ra[0], rb[0]) and min(ra[3], rb[3]) > max(ra[1], rb[1])
                    assert not overlap, f"dia {nummer}: {a.name} overlapt {b.name}"


def test_de_maat_van_carlito():
    """The measuring font is the bundled Carlito (OFL); widths scale with the size and add up per character."""
    assert lettertype.CARLITO[False].name == "Carlito-Regular.ttf"
    assert "SIL OPEN FONT LICENSE" in (lettertype.CARLITO_MAP / "OFL.txt").read_text().upper()
    assert pptx_maat.breedte_pt("Twente", 24) == pytest.approx(2 * pptx_maat.breedte_pt("Twente", 12), rel=0.01)
    assert pptx_maat.breedte_pt("aaaa", 12) == pytest.approx(4 * pptx_maat.breedte_pt("a", 12), rel=0.01)
    assert pptx_maat.breedte_pt("Twente", 12, vet=True) > pptx_maat.breedte_pt("Twente", 12)
    assert pptx_maat.regels("een twee drie", 12, pptx_maat.breedte_pt("een twee", 12)) == ["een twee", "drie"]
    assert pptx_maat.hoogte_pt([("x", 10, False, 5), ("y", 10, False, 5)], 100) == pytest.approx(
        2 * 10 * 2500 / 2048 + 5)


def _grafiek(dia):
    return next(s for s in dia.shapes if s.has_chart).chart


def test_grafieken_zijn_bewerkbaar_met_de_cijfers_uit_de_tabellen(deck_twente):
    """The bar charts are native charts whose numbers are those of the report's tables, each with an explicit
    number format (an office shows it the Dutch way on a Dutch machine)."""
    regio = load_table("regio")
    regio = regio[regio["banen_groei_2014_2023_pct"].notna()]
    groei = _grafiek(deck_twente.slides[0])
    assert list(groei.plots[0].categories) == regio["regio"].tolist()
    banen, inwoners = groei.plots[0].series
    assert list(banen.values) == pytest.approx(regio["banen_groei_2014_2023_pct"].astype(float).tolist())
    assert list(inwoners.values) == pytest.approx(regio["inwoners_groei_2014_2023_pct"].astype(float).tolist())
    assert "%" in banen.data_labels.number_format and not banen.data_labels.number_format_is_linked

    profiel = load_table("profiel").set_index("id")["banen"]
    waarden = list(_grafiek(deck_twente.slides[1]).plots[0].series[0].values)
    assert waarden[0] == profiel["kennisspeerpunten"] and waarden[1] == profiel["stuwende_basis"]
    assert waarden[-1] == profiel["breed_mkb"]

    gemeenten = load_table("gemeenten").sort_values("gemeente")
    aanbod = _grafiek(deck_twente.slides[3]).plots[0].series[0]
    verwacht = [None if pd.isna(v) else float(v) for v in gemeenten["hard_aanbod_ha"]]
    assert list(aanbod.values) == verwacht  # Losser and Tubbergen: empty, never 0
    namen = list(_grafiek(deck_twente.slides[3]).plots[0].categories)
    assert "Losser (geen opgave)" in namen and "Tubbergen (geen opgave)" in namen

    r = load_table("grootschalige_vraag").iloc[0]
    assert list(_grafiek(deck_twente.slides[4]).plots[0].series[0].values) == pytest.approx(
        [r["hard_aanbod_ha"], r["vraag_min_ha"], r["vraag_max_ha"]])

    rapport = load_table("schaalsprong_uitkomsten_rapport").set_index("sleutel")["waarde"]
    basis, stappen = _grafiek(deck_twente.slides[5]).plots[0].series
    assert list(stappen.values) == [rapport["ha_totaal"], rapport["ha_intensivering"], rapport["ha_extra"]]
    assert basis.values[1] + stappen.values[1] == rapport["ha_totaal"]  # the middle step hangs from the total
    assert stappen.data_labels.number_format == '#,##0" ha"'
    assert stappen.points[1].data_label.text_frame.text == "−74 ha"  # the decrease reads as one
    for nummer in (0, 1, 3, 4):  # horizontal bars, first category on top: the value axis below the bars
        waarde_as = _grafiek(deck_twente.slides[nummer]).value_axis._element
        assert waarde_as.crosses is not None and waarde_as.crosses.get("val") == "max"


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
