"""Command lines under bad input: one Dutch line on stderr, exit code 2, never a traceback; --json always valid."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reb_maps.zoekgebieden.profielen import OngeldigeInvoer, Parameters, standaard_parameters

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def assert_een_nederlandse_regel(proc: subprocess.CompletedProcess, *woorden: str) -> str:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "fout" in lines[0].lower()
    for woord in woorden:
        assert woord in lines[0]
    return lines[0]


# --- schaalsprong ----------------------------------------------------------------------------------


@pytest.mark.parametrize("json_flag", [(), ("--json",)])
@pytest.mark.parametrize("waarde", ["1e308", "1.7e308"])
def test_schaalsprong_te_groot_getal(waarde, json_flag):
    proc = run("reb_maps.schaalsprong", "--banen-doel", waarde, *json_flag)
    assert_een_nederlandse_regel(proc, "te groot")
    assert proc.stdout == ""


@pytest.mark.parametrize("waarde", ["abc", "inf", "nan", "-inf"])
def test_schaalsprong_geen_getal(waarde):
    proc = run("reb_maps.schaalsprong", f"--banen-doel={waarde}")
    assert_een_nederlandse_regel(proc, "--banen-doel")


def test_schaalsprong_onbekende_optie_en_negatief():
    assert_een_nederlandse_regel(run("reb_maps.schaalsprong", "--onzin"), "onbekende opties")
    assert_een_nederlandse_regel(run("reb_maps.schaalsprong", "--intensivering", "2"), "tussen 0 en 1")


def test_schaalsprong_groot_maar_eindig_is_geldige_json():
    proc = run("reb_maps.schaalsprong", "--banen-doel", "1e200", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout, parse_constant=lambda c: pytest.fail(f"{c} in --json"))
    assert data["banen_extra"] == pytest.approx(1e200)  # doel − autonoom
    tekst = run("reb_maps.schaalsprong", "--banen-doel", "1e200")
    assert tekst.returncode == 0 and "Traceback" not in tekst.stderr


# --- zoekgebieden --parameters ---------------------------------------------------------------------


def _bestand(tmp_path: Path, **wijziging) -> Path:
    data = standaard_parameters("regionaal-mkb").to_dict()
    data.update(wijziging)
    path = tmp_path / "parameters.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


GOED = standaard_parameters("regionaal-mkb").to_dict()
FOUTE_BESTANDEN = {
    "gemeenten getal": ({"gemeenten": 5}, "gemeenten"),
    "gemeenten tekst": ({"gemeenten": "Almelo"}, "gemeenten"),
    "gewichten tekst": ({"gewichten": "afrit"}, "gewichten"),
    "afstanden te kort": ({"afstanden": {**GOED["afstanden"], "afrit": [1000]}}, "twee afstanden"),
    "afstanden te lang": ({"afstanden": {**GOED["afstanden"], "afrit": [1, 2, 3]}}, "twee afstanden"),
    "afstanden tekst": ({"afstanden": "x"}, "afstanden"),
    "getal te groot": ({"drempel": 10**400}, "drempel"),
}


@pytest.mark.parametrize(("wijziging", "woord"), FOUTE_BESTANDEN.values(), ids=FOUTE_BESTANDEN.keys())
def test_from_dict_controleert_vormen(wijziging, woord):
    with pytest.raises(OngeldigeInvoer, match=woord):
        Parameters.from_dict({**GOED, **wijziging})


def test_almelo_als_tekst_wordt_niet_in_letters_geknipt():
    with pytest.raises(OngeldigeInvoer) as exc:
        Parameters.from_dict({**GOED, "gemeenten": "Almelo"})
    assert "A, e, l" not in str(exc.value)


@pytest.mark.parametrize(
    ("wijziging", "woord"),
    [FOUTE_BESTANDEN["gemeenten tekst"], FOUTE_BESTANDEN["afstanden te kort"]],
    ids=["gemeenten tekst", "afstanden te kort"],
)
def test_zoekgebieden_fout_parameterbestand(tmp_path, wijziging, woord):
    proc = run("reb_maps.zoekgebieden", "--parameters", str(_bestand(tmp_path, **wijziging)), "--uit", str(tmp_path))
    assert_een_nederlandse_regel(proc, woord)


def test_zoekgebieden_geen_utf8_en_ontbrekend_bestand(tmp_path):
    kapot = tmp_path / "kapot.json"
    kapot.write_bytes(b'{"profiel": "gr\xff"}')
    assert_een_nederlandse_regel(run("reb_maps.zoekgebieden", "--parameters", str(kapot), "--uit", str(tmp_path)),
                                 "UTF-8")  # fmt: skip
    weg = tmp_path / "weg.json"
    assert_een_nederlandse_regel(run("reb_maps.zoekgebieden", "--parameters", str(weg), "--uit", str(tmp_path)),
                                 "bestaat niet")  # fmt: skip


def test_zoekgebieden_onschrijfbare_uitvoermap(tmp_path):
    bestand = tmp_path / "een-bestand"
    bestand.write_text("x")
    proc = run("reb_maps.zoekgebieden", "--profiel", "regionaal-mkb", "--resolutie", "250",
               "--uit", str(bestand / "map"))  # fmt: skip  # a folder inside a file: not writable, also as root
    assert_een_nederlandse_regel(proc, "kan de bestanden niet schrijven")


def test_zoekgebieden_foute_optie():
    assert_een_nederlandse_regel(run("reb_maps.zoekgebieden", "--profiel", "x", "--uit", "/tmp"), "ongeldige keuze")
    assert_een_nederlandse_regel(run("reb_maps.zoekgebieden", "--profiel", "grootschalig"), "verplichte opties")


# --- data --------------------------------------------------------------------------------------------


def test_data_help_is_nederlands():
    proc = run("reb_maps.data", "--help")
    assert proc.returncode == 0
    for engels in ("usage:", "show this help", "options:", "positional arguments"):
        assert engels not in proc.stdout
    for nederlands in ("gebruik:", "toon deze hulp en stop", "opties:", "argumenten:"):
        assert nederlands in proc.stdout


def test_data_fouten_zijn_nederlands():
    assert_een_nederlandse_regel(run("reb_maps.data", "--onzin"), "onbekende opties")
    assert_een_nederlandse_regel(run("reb_maps.data", "bestaatniet"), "Onbekende tabel")
    assert_een_nederlandse_regel(run("reb_maps.data", "a", "b"), "onbekende opties")
