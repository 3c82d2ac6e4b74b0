"""Files, summary line and the command line of the search engine."""

import json
import re
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from reb_maps.zoekgebieden import export, zones
from reb_maps.zoekgebieden.__main__ import main
from reb_maps.zoekgebieden.profielen import KOLOMMEN, Parameters, standaard_parameters

ROOT = Path(__file__).resolve().parent.parent
VERPLICHT = ("oppervlakte_ha", "score", "gemeenten", "afstand_afrit_m", "rang")


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory):
    uit = tmp_path_factory.mktemp("zoek")
    proc = subprocess.run(
        [sys.executable, "-m", "reb_maps.zoekgebieden", "--profiel", "grootschalig", "--resolutie", "250",
         "--gewicht", "station=0,1", "--uit", str(uit)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return proc, uit


def test_cli_schrijft_drie_bestanden_en_een_samenvatting(cli_run):
    proc, uit = cli_run
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in uit.iterdir()) == sorted(export.BESTANDEN)
    regels = proc.stdout.strip().splitlines()
    assert len(regels) == 1
    assert re.fullmatch(r"grootschalig: \d+ kandidaten?, [\d.]+ ha, beste score 0,\d\d \([A-Za-z ,-]+\)", regels[0])


def test_geojson_in_wgs84_met_de_velden(cli_run):
    _, uit = cli_run
    data = json.loads((uit / "kandidaten.geojson").read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and data["features"]
    for feature in data["features"]:
        assert set(VERPLICHT) <= set(feature["properties"])
    frame = gpd.read_file(uit / "kandidaten.geojson")
    assert frame.crs.to_epsg() == 4326
    minx, miny, maxx, maxy = frame.total_bounds
    assert 6.3 < minx < maxx < 7.1 and 52.0 < miny < maxy < 52.6  # Twente
    ha = frame.to_crs(28992).area / 10_000
    assert ha.to_numpy() == pytest.approx(frame["oppervlakte_ha"].to_numpy(), rel=0.002)


def test_csv_heeft_dezelfde_kolommen_met_punt_decimalen(cli_run):
    _, uit = cli_run
    tekst = (uit / "kandidaten.csv").read_text(encoding="utf-8")
    tabel = pd.read_csv(uit / "kandidaten.csv")
    assert list(tabel.columns) == list(KOLOMMEN)
    assert tabel["score"].dtype == float
    assert re.match(r"1,G01,\d+\.\d+,0\.\d+,", tekst.splitlines()[1])  # plain CSV: '.' decimals


def test_parameters_json_reproduceert_het_resultaat(cli_run):
    _, uit = cli_run
    params = Parameters.from_json((uit / "parameters.json").read_text(encoding="utf-8"))
    assert params == standaard_parameters("grootschalig", resolutie_m=250).met_gewichten(station=0.1)
    opnieuw = export.kandidaten_tabel(zones.bereken(params))
    pd.testing.assert_frame_equal(opnieuw, pd.read_csv(uit / "kandidaten.csv"), check_dtype=False)


def test_cli_met_parameterbestand_geeft_dezelfde_bestanden(cli_run, tmp_path, capsys):
    proc, uit = cli_run
    assert main(["--parameters", str(uit / "parameters.json"), "--uit", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == proc.stdout.strip()
    for naam in export.BESTANDEN:
        assert (tmp_path / naam).read_bytes() == (uit / naam).read_bytes(), naam


def test_ongeldige_invoer_via_subprocess_geeft_exit_2_zonder_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "reb_maps.zoekgebieden", "--profiel", "grootschalig", "--drempel", "2",
         "--uit", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "drempel" in proc.stderr


@pytest.mark.parametrize(
    ("argumenten", "fragment"),
    [
        (["--profiel", "grootschalig", "--resolutie", "75"], "Resolutie 75 m"),
        (["--profiel", "grootschalig", "--gewicht", "snelweg=1"], "onbekende factor"),
        (["--profiel", "grootschalig", "--gewicht", "afrit"], "NAAM=GEWICHT"),
        (["--profiel", "grootschalig", "--buffer-bebouwing", "veel"], "geen getal"),
        (["--profiel", "regio"], "ongeldige keuze"),
        ([], "Kies precies één uitgangspunt"),
        (["--parameters", "bestaat-niet.json"], "bestaat niet"),
        (["--profiel", "grootschalig", "--gemeente", "Zwolle"], "Onbekende gemeente"),
    ],
)
def test_ongeldige_invoer_in_het_nederlands(argumenten, fragment, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        sys.exit(main([*argumenten, "--uit", str(tmp_path / "uit")]))
    assert exit_.value.code == 2
    assert fragment in capsys.readouterr().err
    assert not (tmp_path / "uit").exists()


def test_samenvatting_zonder_kandidaten():
    uit = zones.bereken(standaard_parameters("regionaal-mkb", resolutie_m=250, drempel=1.0))
    assert uit.aantal == 0
    assert export.samenvatting(uit).startswith("regionaal-mkb: geen kandidaten (toegestaan ")
    assert export.geojson(uit) == {"type": "FeatureCollection", "features": []}
    assert list(export.kandidaten_tabel(uit).columns) == list(KOLOMMEN)
