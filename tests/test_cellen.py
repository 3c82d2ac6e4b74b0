"""Exports that never execute: every CSV/XLSX writer neutralises text a spreadsheet would run (OWASP CSV
injection), while numbers stay numbers — one helper (reb_maps.cellen), a test per writer."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from reb_maps import data, herontwikkeling
from reb_maps.cellen import csv_tekst, veilige_cel, veilige_tekst
from reb_maps.programmering.excel import werkmap
from reb_maps.programmering.regels import Regel
from reb_maps.zoekgebieden import export
from tests import fixtures_eigen_data as fx

ROOT = Path(__file__).resolve().parents[1]
GEVAARLIJK = ['=HYPERLINK("http://x","klik")', "+31 6 1234", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("tekst", GEVAARLIJK)
def test_text_that_would_run_gets_an_apostrophe(tekst):
    assert veilige_tekst(tekst) == "'" + tekst


@pytest.mark.parametrize("waarde", ["Hengelo", "'=al veilig", "", 3, -3.5, None])
def test_everything_else_is_left_alone(waarde):
    assert veilige_tekst(waarde) == waarde


def test_csv_keeps_numbers_as_numbers():
    tekst = csv_tekst(pd.DataFrame({"naam": ["=1+1", "Borne"], "ha": [-3.5, 2.0]}), index=False)
    assert tekst.splitlines() == ["naam,ha", "'=1+1,-3.5", "Borne,2.0"]


def test_openpyxl_cell_is_text_with_a_quote_prefix():
    cel = Workbook().active["A1"]
    veilige_cel(cel, "=1+1")
    assert cel.data_type == "s" and cel.quotePrefix
    veilige_cel(cel, -4)
    assert cel.value == -4


def _herontwikkeling_parken():
    parken = fx.ibis_parken()
    parken.loc[0, "PLAN_NAAM"] = GEVAARLIJK[0]
    return parken


def test_herontwikkeling_csv_in_the_app():
    tekst = herontwikkeling.als_csv(herontwikkeling.scoor(_herontwikkeling_parken(), fx.bag_panden()))
    assert "'" + GEVAARLIJK[0].replace('"', '""') in tekst
    assert not any(cel.startswith("=") for regel in tekst.splitlines() for cel in regel.split(";"))


def test_herontwikkeling_csv_of_the_command_line(tmp_path):
    parken = fx.schrijf_gpkg(_herontwikkeling_parken(), tmp_path / "parks.gpkg")
    uit = subprocess.run(
        [sys.executable, "-m", "reb_maps.herontwikkeling", "--terreinen", parken, "--uit", tmp_path / "uit"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert uit.returncode == 0, uit.stderr
    tabel = pd.read_csv(tmp_path / "uit" / "herontwikkeling.csv", sep=";", dtype=str)
    assert GEVAARLIJK[0] not in set(tabel["Terrein"]) and "'" + GEVAARLIJK[0] in set(tabel["Terrein"])


def test_zoekgebieden_candidates_csv(tmp_path, monkeypatch):
    tabel = pd.DataFrame({"rang": [1], "id": ["G01"], "gemeenten": ["=cmd|' /C calc'!A0"], "score": [0.5]})
    monkeypatch.setattr(export, "kandidaten_tabel", lambda _r: tabel)
    monkeypatch.setattr(export, "geojson", lambda _r: {"type": "FeatureCollection", "features": []})

    class Resultaat:
        class parameters:
            @staticmethod
            def to_json():
                return "{}"

    paden = export.schrijf(Resultaat(), tmp_path)
    regels = paden["kandidaten.csv"].read_text(encoding="utf-8").splitlines()
    assert regels[1] == "1,G01,'=cmd|' /C calc'!A0,0.5"


def test_toets_comparison_csv():
    from reb_maps.zoekgebieden import standaard_parameters
    from reb_maps.zoekgebieden.gebied import cirkel
    from reb_maps.zoekgebieden.toets import toets
    from ui.zoekgebieden import toetsen

    t = toets(cirkel(245_000, 478_000, 200), standaard_parameters("grootschalig"), "=HYPERLINK(1)")
    tabel = pd.read_csv(io.StringIO(toetsen.vergelijk_csv([t])), dtype=str)
    assert tabel.loc[0, "gebied"] == "'=HYPERLINK(1)"
    assert float(tabel.loc[0, "oppervlakte_ha"]) == pytest.approx(t.to_dict()["oppervlakte_ha"])


def test_report_tables_csv():
    tekst = data.table_csv("gemeenten")
    assert tekst.splitlines()[1].startswith("Almelo,GM0141,74000")  # numbers untouched
    assert not any(regel.startswith(("=", "+", "@")) for regel in tekst.splitlines())


def test_programmering_workbook():
    gevaarlijk = Regel("Almelo", GEVAARLIJK[0], "overig", 1.0, "hard", "2027–2030", "+31", "@SUM(A1)")
    blad = load_workbook(io.BytesIO(werkmap([gevaarlijk]))).active
    assert blad["B2"].value == GEVAARLIJK[0] and blad["B2"].data_type == "s" and blad["B2"].quotePrefix
    assert blad["D2"].value == 1.0
