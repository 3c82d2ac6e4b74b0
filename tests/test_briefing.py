"""The briefing PDF read back with pypdf: pages, figures as printed, sources, fonts, safe names, CLI."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pypdf
import pytest

from reb_maps import data, kerncijfers, paneel
from reb_maps.schaalsprong import default_aannames
from reb_maps.weergave.documenten import briefing

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "tests" / "screenshots"
DATUM = dt.date(2026, 12, 2)


def _lees(inhoud: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(inhoud))


def _tekst(reader: pypdf.PdfReader) -> str:
    # pypdf may break a line inside a table cell; join lines so a figure reads as printed
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture(scope="module")
def almelo() -> bytes:
    return briefing.briefing_pdf("Almelo", datum=DATUM)


@pytest.fixture(scope="module")
def losser() -> bytes:
    return briefing.briefing_pdf("Losser", datum=DATUM)


@pytest.fixture(scope="module")
def twente() -> bytes:
    return briefing.briefing_pdf(None, datum=DATUM)


def _screenshots(naam: str, inhoud: bytes) -> None:
    """Every page as PNG for review (tests/screenshots/ is git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf = SCREENSHOTS / f"{naam}.pdf"
    pdf.write_bytes(inhoud)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(SCREENSHOTS / naam)], check=True)


def test_almelo_pages_figures_and_sources(almelo):
    reader = _lees(almelo)
    assert 3 <= len(reader.pages) <= 4
    tekst = _tekst(reader)
    eerste = " ".join(reader.pages[0].extract_text().split())
    assert "Werklocaties Almelo — briefing" in eerste
    assert "2 december 2026" in eerste
    assert "REB Twente 2040 (BCI, 2025)" in eerste and "0.1.0" in eerste
    for cijfer in ("74.000", "47.300", "620 ha", "10–40 ha", "16,58 ha"):
        assert cijfer in eerste, cijfer
    assert "Oranje" in eerste  # 16,58 ha lies within 10–40 ha
    assert "+14% sinds 2014" in eerste  # job growth next to the jobs
    assert "Bron: BIRO, 2024; REB Twente 2040, Tabel 2" in tekst
    assert "Bronnen per cijfer" in " ".join(reader.pages[-1].extract_text().split())
    assert "Bedrijvenpark Twente" in tekst and "168 ha" in tekst  # work locations with Tabel 3 hectares
    assert "Bijlage IV" in tekst  # the profile's reference
    assert "Raam op een nieuwe manier" in tekst and "§5.2" in tekst
    assert "369,9 ha" in tekst and "ongeveer 369 ha" in tekst  # schaalsprong: calculated next to the report
    _screenshots("briefing-almelo", almelo)


@pytest.mark.parametrize("pdf", ["almelo", "losser", "twente"])
def test_every_source_line_names_a_document_once_or_says_none_is_given(pdf, request):
    """A source is "Bron: <document>, <table>" with one 'Bron:' per line; where the report names no source (Tabel
    10), the line says so in a sentence instead of a label like "Niet vermeld"."""
    reader = _lees(request.getfixturevalue(pdf))
    regels = [regel for page in reader.pages for regel in page.extract_text().splitlines()]
    tekst = _tekst(reader)
    assert "Bron: Bron" not in tekst and "Niet vermeld" not in tekst
    assert [regel for regel in regels if regel.count("Bron:") > 1] == []
    assert "REB Twente 2040, Tabel 10. Het rapport noemt onder de tabel geen oorspronkelijke bron" in tekst
    assert "kolom 'bron'" not in tekst  # a CSV's column is no source for a reader of paper


def test_metadata_language_and_embedded_fonts(almelo):
    reader = _lees(almelo)
    assert reader.metadata.title == "Werklocaties Almelo — briefing"
    assert reader.trailer["/Root"].get("/Lang") == "nl"
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]  # TrueType embedded, nothing from the system
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert any(f.startswith("DejaVuSans") for f in fonts)


def test_charts_are_vector_drawings(almelo):
    """Page 2 holds the charts as drawing operators and text, not as images."""
    page = _lees(almelo).pages[1]
    xobjects = page["/Resources"].get("/XObject", {})
    assert not any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values())
    assert "Banen in 2023 en hun groei sinds 2014" in page.extract_text()


def test_losser_reads_geen_opgave_never_zero(losser):
    reader = _lees(losser)
    eerste = " ".join(reader.pages[0].extract_text().split())
    assert "Hard aanbod geen opgave" in eerste
    assert "Hard aanbod 0" not in eerste
    assert "Geen opgave" in eerste  # the traffic light
    laatste = " ".join(reader.pages[-1].extract_text().split())
    assert "Losser: hard aanbod per 1-1-2023 — geen opgave" in laatste
    _screenshots("briefing-losser", losser)


def test_twente_version(twente):
    reader = _lees(twente)
    tekst = _tekst(reader)
    eerste = " ".join(reader.pages[0].extract_text().split())
    assert "Werklocaties Twente — briefing" in eerste
    for cijfer in ("639.000", "346.500", "3.380 ha", "121–199 ha", "18,04 ha"):
        assert cijfer in eerste, cijfer
    assert "Rood" in eerste
    assert "Regio Zwolle" in tekst  # Tabel 1 next to other regions
    assert "Kennisspeerpunten" in tekst and "ruim 13.300" in tekst  # the profile
    assert "Grootschalige vraag voor heel Twente" in tekst
    _screenshots("briefing-twente", twente)


def test_pdf_size_stays_small(almelo, twente):
    assert len(almelo) < 2_000_000 and len(twente) < 2_000_000


def test_scenario_and_search_areas_are_printed_as_such():
    aannames = default_aannames(banen_doel=60_000)
    kandidaten = pd.DataFrame(
        {"id": ["G01", "G02"], "oppervlakte_ha": [212.0, 198.0], "score": [0.81, 0.77],
         "gemeenten": ["Almelo, Wierden", "Hengelo"]}
    )  # fmt: skip
    tekst = _tekst(_lees(briefing.briefing_pdf("Almelo", aannames=aannames, zoekgebieden=kandidaten, datum=DATUM)))
    assert "het scenario uit het dashboard" in tekst
    assert "indicatief, geen beleid" in tekst
    assert "G01" in tekst and "G02" not in tekst  # only candidates touching Almelo


def test_injected_name_is_printed_as_text(monkeypatch):
    """A hostile or very long name must show as plain text and not break the layout."""
    vreemd = '<script>&"x"</script> ' + "Heel-lange-gemeentenaam " * 12
    gemeenten = data.load_table("gemeenten")
    gemeenten.loc[gemeenten["gemeente"] == "Almelo", "gemeente"] = vreemd
    echte_load = data.load_table

    def load_table(naam):
        return gemeenten.copy() if naam == "gemeenten" else echte_load(naam)

    monkeypatch.setattr(briefing, "load_table", load_table)
    monkeypatch.setattr(paneel, "load_table", load_table)
    monkeypatch.setattr(kerncijfers, "load_table", load_table)
    monkeypatch.setattr(briefing, "kaart_bytes", lambda *_a, **_k: _leeg_png())
    inhoud = briefing.briefing_pdf(vreemd, datum=DATUM)
    tekst = _tekst(_lees(inhoud))
    assert '<script>&"x"</script>' in tekst
    assert "Heel-lange-gemeentenaam" in tekst
    assert briefing.bestandsnaam(vreemd, DATUM).startswith("briefing-werklocaties-script-x-script-heel")
    _screenshots("briefing-vreemde-naam", inhoud)


def _leeg_png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (10, 7), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def test_file_name():
    assert briefing.bestandsnaam("Almelo", DATUM) == "briefing-werklocaties-almelo-2026-12-02.pdf"
    assert briefing.bestandsnaam("Hof van Twente", DATUM) == "briefing-werklocaties-hof-van-twente-2026-12-02.pdf"
    assert briefing.bestandsnaam(None, DATUM) == "briefing-werklocaties-twente-2026-12-02.pdf"


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reb_maps.briefing", *args], cwd=cwd, capture_output=True,
                          text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})  # fmt: skip


def test_cli_writes_one_briefing(tmp_path):
    result = _cli("--gemeente", "almelo", "--uit", "almelo.pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(_lees((tmp_path / "almelo.pdf").read_bytes()).pages) >= 3
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (("--gemeente", "Atlantis", "--uit", "x.pdf"), "onbekende gemeente 'Atlantis'"),
        (("--gemeente", "Almelo", "--uit", "/proc/geen-map/x.pdf"), "kan niet schrijven naar"),
        (("--gemeente", "Almelo"), "verplichte opties ontbreken"),
    ],
)
def test_cli_bad_input_gives_one_dutch_line_and_exit_2(tmp_path, args, melding):
    result = _cli(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert melding in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_alle_writes_fifteen_named_files(tmp_path, monkeypatch, capsys):
    """--alle: the fourteen municipalities and Twente, named by municipality and date (builder stubbed: speed)."""
    gemaakt = []
    monkeypatch.setattr(briefing, "briefing_pdf", lambda g, datum: gemaakt.append(g) or b"%PDF-1.4 test")
    assert briefing.main(["--alle", "--uit", str(tmp_path / "uit")]) == 0
    namen = sorted(p.name for p in (tmp_path / "uit").iterdir())
    assert len(namen) == 15 and len(gemaakt) == 15 and None in gemaakt
    vandaag = dt.date.today().isoformat()
    assert f"briefing-werklocaties-almelo-{vandaag}.pdf" in namen
    assert f"briefing-werklocaties-twente-{vandaag}.pdf" in namen
    assert f"briefing-werklocaties-rijssen-holten-{vandaag}.pdf" in namen
