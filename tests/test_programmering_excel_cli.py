"""Excel in and out (template, all-or-nothing import with every problem named, formula-safe export), the Bijlage
documents and the command line of the programming."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from openpyxl import Workbook, load_workbook

from reb_maps.programmering import excel, varianten
from reb_maps.programmering.balans import balans
from reb_maps.programmering.regels import KOLOMMEN, Regel
from reb_maps.weergave.documenten.programmering import bijlage_pdf, bijlage_xlsx
from reb_maps.werkruimte import Auteur, Werkruimte

ROOT = Path(__file__).resolve().parent.parent
GOED = [
    ["Hengelo (O.)", "Kanaalzone", "grootschalig", "12,5", "hard", "2027-2030", "bestemmingsplan vastgesteld", ""],
    ["almelo", "XL Businesspark 2", "Grootschalig", 30, "Zacht", "2031–2040", "", "tweede fase"],
    ["Borne", "Zenderen", "lokaal/regionaal MKB", None, "zacht", "na 2040", "verkenning", ""],
]


def werkmap(rijen, koppen=KOLOMMEN) -> bytes:
    boek = Workbook()
    blad = boek.active
    blad.title = "Programmering"
    blad.append(list(koppen))
    for rij in rijen:
        blad.append(rij)
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def test_the_template_has_exactly_the_columns_lists_and_an_explanation():
    boek = load_workbook(io.BytesIO(excel.sjabloon()))
    assert boek.sheetnames == ["Uitleg", "Programmering", "Lijsten"]
    blad = boek["Programmering"]
    assert [c.value for c in blad[1]] == list(KOLOMMEN)
    lijsten = {str(v.sqref)[0]: v.formula1 for v in blad.data_validations.dataValidation if v.type == "list"}
    assert set(lijsten) == {"A", "C", "E", "F"}  # Gemeente, Segment, Hard/zacht, Fase
    assert [c.value for c in boek["Lijsten"]["C"] if c.value] == ["Hard/zacht", "hard", "zacht"]
    assert "Hengelo (O.)" in " ".join(str(c.value) for c in boek["Uitleg"]["A"])
    assert excel.lees(excel.sjabloon()).geldig and excel.lees(excel.sjabloon()).regels == []


def test_a_good_file_is_read_with_dutch_numbers_and_aliases():
    uit = excel.lees(werkmap(GOED))
    assert uit.geldig and uit.to_dict() == {"geldig": True, "regels": 3}
    assert uit.regels[0] == Regel("Hengelo", "Kanaalzone", "grootschalig", 12.5, "hard", "2027–2030",
                                  "bestemmingsplan vastgesteld", "")  # fmt: skip
    tweede = uit.regels[1]
    assert (tweede.gemeente, tweede.segment, tweede.hardheid) == ("Almelo", "grootschalig", "zacht")
    assert uit.regels[2].netto_ha is None
    hoofdletters = excel.lees(werkmap(GOED, [k.upper() for k in KOLOMMEN]))
    assert hoofdletters.geldig


@pytest.mark.parametrize(
    ("rij", "kolom", "woord"),
    [
        (["Amsterdam", "X", "overig", 1, "hard", "na 2040", "", ""], "Gemeente", "geen Twentse gemeente"),
        (["Almelo", "X", "overig", -2, "hard", "na 2040", "", ""], "Netto ha", "negatief"),
        (["Almelo", "X", "overig", "veel", "hard", "na 2040", "", ""], "Netto ha", "geen getal"),
        (["Almelo", "X", "XXL", 1, "hard", "na 2040", "", ""], "Segment", "geen segment"),
        (["Almelo", "X", "overig", 1, "half", "na 2040", "", ""], "Hard/zacht", "niet 'hard' of 'zacht'"),
        (["Almelo", "X", "overig", 1, "hard", "2050", "", ""], "Fase", "geen fase"),
        (["Almelo", "", "overig", 1, "hard", "na 2040", "", ""], "Naam", "leeg"),
        (["Almelo", "X", "overig", "=1+1", "hard", "na 2040", "", ""], "Netto ha", "formule"),
    ],
)
def test_one_bad_row_refuses_the_whole_file_and_names_row_column_and_reason(rij, kolom, woord):
    uit = excel.lees(werkmap([*GOED, rij]))
    assert not uit.geldig and uit.regels == []
    (fout,) = uit.fouten
    assert (fout.rij, fout.kolom) == (5, kolom)  # header row 1, three good rows, this is row 5
    assert woord in fout.melding


def test_a_name_used_twice_in_one_municipality_names_the_later_row():
    uit = excel.lees(werkmap([*GOED, ["Hengelo", "kanaalzone", "overig", 1, "hard", "na 2040", "", ""]]))
    (fout,) = uit.fouten
    assert (fout.rij, fout.kolom) == (5, "Naam") and "rij 2" in fout.melding
    assert excel.lees(werkmap([*GOED, ["Almelo", "Kanaalzone", "overig", 1, "hard", "na 2040", "", ""]])).geldig


def test_every_problem_is_listed_not_only_the_first():
    slecht = [["Amsterdam", "", "XXL", "-1", "half", "2050", "", ""]]
    kolommen = {f.kolom for f in excel.lees(werkmap(slecht)).fouten}
    assert kolommen == {"Gemeente", "Naam", "Segment", "Netto ha", "Hard/zacht", "Fase"}


def test_files_that_cannot_be_a_template_are_refused():
    with pytest.raises(excel.ImportGeweigerd, match="geen Excel"):
        excel.lees(b"geen excel")
    with pytest.raises(excel.ImportGeweigerd, match="Kolom 'Fase' ontbreekt"):
        excel.lees(werkmap([], KOLOMMEN[:5]))
    with pytest.raises(excel.ImportGeweigerd, match=r"groter dan 10 MB"):
        excel.lees(b"x" * (excel.MAX_BYTES + 1))
    te_veel = [["Almelo", f"Kavel {i}", "overig", 1, "hard", "na 2040", "", ""] for i in range(excel.MAX_RIJEN + 1)]
    with pytest.raises(excel.ImportGeweigerd, match=r"meer dan 10\.000 regels"):
        excel.lees(werkmap(te_veel))


def test_exports_never_write_a_cell_a_spreadsheet_would_run():
    gevaarlijk = Regel("Almelo", '=HYPERLINK("http://x","klik")', "overig", 1.0, "hard", "2027–2030", "+31", "@SUM(A1)")
    data = excel.werkmap([gevaarlijk])
    blad = load_workbook(io.BytesIO(data))["Programmering"]
    for cel in blad[2]:
        assert cel.data_type != "f", cel.value
    assert blad["B2"].value == '=HYPERLINK("http://x","klik")' and blad["B2"].data_type == "s"
    b = balans([gevaarlijk])

    class V:
        naam, status, versie, gewijzigd_door, regels = "-gevaar", "concept", 1, "Jan", (gevaarlijk,)

    boek = load_workbook(io.BytesIO(bijlage_xlsx(V, b)))
    assert boek.sheetnames == ["Programmering", "Balans", "Bronnen"]
    assert all(c.data_type != "f" for blad in boek for rij in blad.iter_rows() for c in rij)
    assert boek["Balans"]["A1"].value == "Gemeente" and boek["Balans"]["G2"].value == "rood"


def test_the_bijlage_pdf_carries_the_balance_rows_assumptions_and_sources(tmp_path):
    r = Werkruimte.open(tmp_path / "w.sqlite")
    v = varianten.nieuw(r, "Voorstel AO november 2026", excel.lees(werkmap(GOED)).regels, Auteur("Jan"))
    b = balans(v.regels, schaalsprong_extra_ha=295.88)
    lezer = pypdf.PdfReader(io.BytesIO(bijlage_pdf(v, b)))
    tekst = " ".join(" ".join((p.extract_text() or "").split()) for p in lezer.pages)
    assert "Bijlage programmeringsafspraken bedrijventerreinen Twente 2027–2030" in tekst
    assert "Voorstel AO november 2026" in tekst and "concept" in tekst
    assert "Kanaalzone" in tekst and "12,50" in tekst and "Tabel 10" in tekst and "Bijlage III" in tekst
    assert "aanname van het dashboard" in tekst and "416,88–494,88 ha" in tekst
    r.sluit()


# ---------- command line ----------


def _cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    omgeving = {k: v for k, v in os.environ.items() if k != "REB_WERKRUIMTE"}
    return subprocess.run([sys.executable, "-m", "reb_maps.programmering", "--db", str(db), *args], cwd=ROOT,
                          capture_output=True, text=True, env=omgeving, timeout=120)  # fmt: skip


def test_cli_template_import_balance_and_bijlage(tmp_path):
    db = tmp_path / "w.sqlite"
    assert _cli("sjabloon", "--uit", str(tmp_path / "leeg.xlsx"), db=db).returncode == 0
    assert load_workbook(tmp_path / "leeg.xlsx")["Programmering"]["A1"].value == "Gemeente"
    invul = tmp_path / "invul.xlsx"
    invul.write_bytes(werkmap(GOED))
    imp = _cli("importeer", str(invul), "--variant", "Voorstel", "--json", db=db)
    assert imp.returncode == 0, imp.stderr
    assert json.loads(imp.stdout) == {"geldig": True, "regels": 3}
    bal = json.loads(_cli("balans", "--variant", "Voorstel", "--schaalsprong", "--json", db=db).stdout)
    hengelo = next(g for g in bal["gemeenten"] if g["gemeente"] == "Hengelo")
    assert (hengelo["hard_ha"], hengelo["aanbod_ha"], hengelo["stoplicht"]) == (12.5, 12.5, "oranje")  # 10–50
    # grootschalig to 2040: Hengelo 12,5 + Almelo 30 = 42,5 against 121–199 ha
    assert bal["grootschalig"] == {"vraag_min_ha": 121.0, "vraag_max_ha": 199.0, "aanbod_ha": 42.5,
                                   "stoplicht": "rood", "schaalsprong_extra_ha": 295.88,
                                   "stoplicht_met_schaalsprong": "rood"}  # fmt: skip
    for naam in ("bijlage.pdf", "bijlage.xlsx"):
        uit = _cli("bijlage", "--variant", "Voorstel", "--uit", str(tmp_path / naam), db=db)
        assert uit.returncode == 0, uit.stderr
        assert (tmp_path / naam).stat().st_size > 1000


def test_cli_an_invalid_import_exits_2_and_still_prints_json(tmp_path):
    invul = tmp_path / "fout.xlsx"
    invul.write_bytes(werkmap([*GOED, ["Amsterdam", "X", "overig", -1, "hard", "na 2040", "", ""]]))
    uit = _cli("importeer", str(invul), "--variant", "V", "--json", db=tmp_path / "w.sqlite")
    assert uit.returncode == 2
    data = json.loads(uit.stdout)
    assert data["geldig"] is False
    assert {(f["rij"], f["kolom"]) for f in data["fouten"]} == {(5, "Gemeente"), (5, "Netto ha")}
    assert "Traceback" not in uit.stderr


@pytest.mark.parametrize(
    ("args", "woord"),
    [
        (("balans", "--variant", "Bestaat niet", "--json"), "bestaat niet"),
        (("importeer", "/bestaat/niet.xlsx", "--variant", "V"), "bestaat niet"),
        (("importeer", "KAPOT", "--variant", "V", "--json"), "geen Excel-werkmap"),
        (("sjabloon", "--uit", "/proc/x.xlsx"), "kan niet worden geschreven"),
        (("sjabloon", "--uit", "UIT.txt"), ".xlsx"),
    ],
)
def test_cli_bad_input_is_one_dutch_line_and_exit_2(tmp_path, capsys, args, woord):
    from reb_maps.programmering.__main__ import main

    kapot = tmp_path / "kapot.xlsx"
    kapot.write_bytes(b"geen werkmap")
    vervang = {"KAPOT": str(kapot), "UIT.txt": str(tmp_path / "uit.txt")}
    code = main(["--db", str(tmp_path / "w.sqlite"), *(vervang.get(a, a) for a in args)])
    uit = capsys.readouterr()
    assert code == 2 and woord in uit.err and "Traceback" not in uit.err
    assert len(uit.err.strip().splitlines()) == 1
    if "--json" in args:
        json.loads(uit.out)  # always valid JSON


def test_the_municipal_briefing_shows_its_rows_in_the_chosen_variant(tmp_path):
    from reb_maps.weergave.documenten.briefing import briefing_pdf
    from reb_maps.weergave.documenten.programmering import briefing_sectie

    r = Werkruimte.open(tmp_path / "w.sqlite")
    v = varianten.nieuw(r, "Voorstel AO", excel.lees(werkmap(GOED)).regels, Auteur("Jan"))
    sectie = briefing_sectie(v, "Hengelo")
    assert sectie.regels == (
        ("Kanaalzone", "grootschalig", "12,50", "hard", "2027–2030", "bestemmingsplan vastgesteld"),
    )
    assert (sectie.aanbod, sectie.vraag, sectie.stoplicht) == ("12,50 ha", "10–50 ha", "Oranje")
    lezer = pypdf.PdfReader(io.BytesIO(briefing_pdf("Hengelo", programmering=sectie)))
    tekst = " ".join(" ".join((p.extract_text() or "").split()) for p in lezer.pages)
    assert "Programmering 2027–2030: variant 'Voorstel AO' (concept)" in tekst and "Kanaalzone" in tekst
    r.sluit()


def test_rows_linked_to_a_location_are_placed_on_the_map():
    from types import SimpleNamespace

    from reb_maps.geodata import load_analysis_layer
    from reb_maps.weergave.documenten.programmering import gekoppelde_locaties, locaties_png

    v = SimpleNamespace(regels=(Regel("Almelo", "XL Businesspark 2", "grootschalig", 30.0, "hard", "2031–2040",
                                      locatie="xl-businesspark-2"),
                                Regel("Almelo", "Zonder locatie", "overig", 1.0, "hard", "2027–2030")))  # fmt: skip
    ((naam, segment, fase, punt),) = gekoppelde_locaties(v)
    assert (naam, segment, fase) == ("XL Businesspark 2", "grootschalig", "2031–2040")
    gemeenten = load_analysis_layer("gemeenten")
    assert list(gemeenten[gemeenten.covers(punt)].gemeente) == ["Almelo"]
    assert locaties_png(v).startswith(b"\x89PNG")
    assert locaties_png(SimpleNamespace(regels=v.regels[1:])) is None
