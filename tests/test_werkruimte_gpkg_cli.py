"""QGIS and back (one GeoPackage, merge by id) and the workspace's command line, on both backends."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
import shapely

from reb_maps.fouten import OngeldigeInvoer
from reb_maps.werkruimte import Auteur, Werkruimte, gpkg

ROOT = Path(__file__).resolve().parent.parent
JAN = Auteur("Jan Jansen")
VIERKANT = shapely.box(250_000, 480_000, 251_000, 481_000)


@pytest.fixture
def gevuld(werkruimte_url):
    r = Werkruimte.open(werkruimte_url)
    loc = r.bewaar_locatie("Zoekgebied A1", VIERKANT, JAN, notitie="eerste ronde")
    r.bewaar_locatie("Punt Enschede", shapely.Point(258_000, 471_500), JAN, herkomst="rapport")
    r.opmerking_toevoegen(loc.id, "Borne wil dit alleen met Hengelo samen", JAN)
    r.bewaar_weergave("AO 12 december", "kaart", "gemeente=Borne", JAN)
    frame = gpd.GeoDataFrame({"naam": ["Kavel"]}, geometry=[VIERKANT], crs=28992)
    r.bewaar_laag("IBIS Borne", frame, "ibis.gpkg", JAN, max_bytes=10_000_000)
    yield r
    r.sluit()


def test_the_whole_workspace_is_one_geopackage_qgis_can_read(gevuld, tmp_path):
    pad = tmp_path / "werkruimte.gpkg"
    aantallen = gpkg.exporteer(gevuld, pad)
    lagen = dict(pyogrio.list_layers(pad))
    assert {"locaties", "opmerkingen", "weergaven", "eigen_lagen", "geschiedenis", "laag_1"} <= set(lagen)
    locaties = gpd.read_file(pad, layer="locaties")
    assert locaties.crs.to_epsg() == 28992
    assert sorted(locaties.naam) == ["Punt Enschede", "Zoekgebied A1"]
    assert locaties.set_index("naam").geometry["Zoekgebied A1"].equals(VIERKANT)
    assert set(json.loads(locaties.set_index("naam").gemeenten["Zoekgebied A1"])) == {"Borne", "Hengelo"}
    opmerkingen = pyogrio.read_dataframe(pad, layer="opmerkingen")
    assert list(opmerkingen.tekst) == ["Borne wil dit alleen met Hengelo samen"]
    assert gpd.read_file(pad, layer="laag_1").crs.to_epsg() == 28992
    assert aantallen["locaties"] == 2 and aantallen["geschiedenis"] == 5


def test_merging_adds_new_items_skips_equal_ones_and_reports_conflicts(gevuld, tmp_path):
    pad = tmp_path / "export.gpkg"
    gpkg.exporteer(gevuld, pad)
    ander = Werkruimte.open(tmp_path / "ander.sqlite")
    eerste = gpkg.importeer(ander, pad, JAN)
    assert eerste.toegevoegd == {"locatie": 2, "opmerking": 1, "weergave": 1, "laag": 1}
    assert not eerste.conflicten
    ids = sorted(loc.id for loc in gevuld.locaties())
    assert sorted(loc.id for loc in ander.locaties()) == ids  # merged by the stable id
    assert ander.opmerkingen()[0].tekst == "Borne wil dit alleen met Hengelo samen"
    assert list(ander.laag_data(ander.lagen()[0].id).naam) == ["Kavel"]
    assert [w.actie for w in ander.geschiedenis()][:5] == ["geimporteerd"] * 5

    nogmaals = gpkg.importeer(ander, pad, JAN)
    assert sum(nogmaals.toegevoegd.values()) == 0 and sum(nogmaals.ongewijzigd.values()) == 5

    loc = next(loc for loc in ander.locaties() if loc.naam == "Zoekgebied A1")
    ander.wijzig_locatie(loc.id, loc.versie, JAN, notitie="hier gewijzigd")
    botsing = gpkg.importeer(ander, pad, JAN)
    assert [(c["soort"], c["naam"], c["versie_hier"], c["versie_bestand"]) for c in botsing.conflicten] == [
        ("locatie", "Zoekgebied A1", 2, 1)
    ]
    assert ander.locatie(loc.id).notitie == "hier gewijzigd"  # reported, never overwritten
    ander.sluit()


def test_a_file_that_is_no_workspace_is_refused(gevuld, tmp_path):
    vreemd = tmp_path / "vreemd.gpkg"
    gpd.GeoDataFrame({"a": [1]}, geometry=[VIERKANT], crs=28992).to_file(vreemd, layer="iets")
    with pytest.raises(OngeldigeInvoer, match="'locaties' ontbreekt"):
        gpkg.importeer(gevuld, vreemd, JAN)
    kapot = tmp_path / "kapot.gpkg"
    kapot.write_bytes(b"geen geopackage")
    with pytest.raises(OngeldigeInvoer, match="geen leesbare GeoPackage"):
        gpkg.importeer(gevuld, kapot, JAN)


# ---------- command line ----------


def _cli(*args: str, db: str) -> subprocess.CompletedProcess:
    omgeving = {k: v for k, v in os.environ.items() if k != "REB_WERKRUIMTE"}
    return subprocess.run([sys.executable, "-m", "reb_maps.werkruimte", "--db", db, *args], cwd=ROOT,
                          capture_output=True, text=True, env=omgeving, timeout=120)  # fmt: skip


def test_cli_adds_lists_exports_imports_and_shows_history(werkruimte_url, tmp_path):
    geojson = tmp_path / "vlak.geojson"
    wgs = gpd.GeoSeries([VIERKANT], crs=28992).to_crs(4326)
    geojson.write_text(wgs.to_json(), encoding="utf-8")
    toe = _cli("locatie-toevoegen", "--naam", "Via CLI", "--geojson", str(geojson), "--notitie", "n",
               "--auteur", "Beheerder", "--json", db=werkruimte_url)  # fmt: skip
    assert toe.returncode == 0, toe.stderr
    nieuw = json.loads(toe.stdout)
    assert nieuw["naam"] == "Via CLI" and nieuw["oppervlakte_ha"] == pytest.approx(100.0, abs=0.05)
    lijst = json.loads(_cli("lijst", "--json", db=werkruimte_url).stdout)
    (rij,) = lijst["locaties"]
    assert {"id", "naam", "gemeenten", "oppervlakte_ha", "auteur", "versie"} <= set(rij)
    assert (rij["auteur"], rij["versie"], set(rij["gemeenten"])) == ("Beheerder", 1, {"Borne", "Hengelo"})
    uit = tmp_path / "uit.gpkg"
    assert _cli("export", "--uit", str(uit), db=werkruimte_url).returncode == 0
    doel = tmp_path / "doel.sqlite"
    imp = _cli("import", str(uit), "--json", db=str(doel))
    assert imp.returncode == 0, imp.stderr
    assert json.loads(imp.stdout)["toegevoegd"]["locatie"] == 1
    hist = json.loads(_cli("geschiedenis", "--json", db=str(doel)).stdout)
    assert [w["actie"] for w in hist["wijzigingen"]] == ["geimporteerd"]


@pytest.mark.parametrize(
    ("args", "db", "melding"),
    [
        (("lijst",), "/proc/geen/map/werkruimte.sqlite", "kan niet worden aangemaakt"),
        (("lijst",), "mysql://x@127.0.0.1/db", "niet ondersteund"),
        (("lijst",), "postgresql+psycopg://x@127.0.0.1:1/db", "niet bereikbaar"),
        (("locatie-toevoegen", "--naam", "x", "--geojson", "/bestaat/niet.geojson"), None, "bestaat niet"),
        (("locatie-toevoegen", "--naam", "", "--geojson", "VLAK"), None, "naam is leeg"),
        (("locatie-toevoegen", "--naam", "x", "--geojson", "KAPOT"), None, "geen leesbaar GeoJSON"),
        (("import", "/bestaat/niet.gpkg"), None, "bestaat niet"),
        (("import", "KAPOT"), None, "geen leesbare GeoPackage"),
        (("export", "--uit", "/proc/x.gpkg"), None, "kan niet worden geschreven"),
        (("export", "--uit", "UIT.txt"), None, "eindigt op .gpkg"),
    ],
)
def test_cli_bad_input_is_one_dutch_line_and_exit_2(tmp_path, capsys, args, db, melding):
    """In-process (main()), so the ten cases cost no interpreter start each; the entry point itself is run as a
    subprocess above."""
    from reb_maps.werkruimte.__main__ import main

    vlak = tmp_path / "vlak.geojson"
    vlak.write_text(gpd.GeoSeries([VIERKANT], crs=28992).to_crs(4326).to_json(), encoding="utf-8")
    kapot = tmp_path / "kapot.bin"
    kapot.write_bytes(b"\x00\x01 geen bestand")
    vervang = {"VLAK": str(vlak), "KAPOT": str(kapot), "UIT.txt": str(tmp_path / "uit.txt")}
    code = main(["--db", db or str(tmp_path / "w.sqlite"), *(vervang.get(a, a) for a in args)])
    fout = capsys.readouterr().err
    assert code == 2, fout
    assert melding in fout
    assert len(fout.strip().splitlines()) == 1 and "Traceback" not in fout


def test_cli_db_defaults_to_the_environment(tmp_path):
    omgeving = {**os.environ, "REB_WERKRUIMTE": str(tmp_path / "uit_omgeving.sqlite")}
    uitkomst = subprocess.run([sys.executable, "-m", "reb_maps.werkruimte", "lijst", "--json"], cwd=ROOT,
                              capture_output=True, text=True, env=omgeving, timeout=120)  # fmt: skip
    assert uitkomst.returncode == 0 and json.loads(uitkomst.stdout) == {"locaties": []}
    assert (tmp_path / "uit_omgeving.sqlite").exists()
