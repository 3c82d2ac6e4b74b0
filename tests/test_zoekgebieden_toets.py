"""The test of one area: exact overlays, edge distances, score, principles and the command line."""

import contextvars
import importlib
import json
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from reb_maps.geodata import load_analysis_layer
from reb_maps.zoekgebieden import bereken, grid, standaard_parameters
from reb_maps.zoekgebieden.gebied import cirkel
from reb_maps.zoekgebieden.profielen import VAARWEGEN, OngeldigeInvoer
from reb_maps.zoekgebieden.toets import OVERLAP_LABELS, kandidaat, toets, uit_geojson
from ui.zoekgebieden import toetsen

ROOT = Path(__file__).resolve().parent.parent
CRS = "EPSG:28992"
SLEUTELS = [
    "oppervlakte_ha", "gemeenten", "afstand_afrit_m", "afstand_nweg_m", "afstand_station_m", "afstand_vaarweg_m",
    "afstand_hoogspanning_m", "overlap_ha", "score_gemiddeld", "score_minimum", "principes",
]  # fmt: skip
PARAMS = standaard_parameters("grootschalig")


@pytest.fixture(scope="module")
def natura():
    return load_analysis_layer("natura2000")


@pytest.fixture(scope="module")
def over_natura(natura):
    """A 2 × 1 km rectangle centred on a point inside the largest Natura 2000 area in Twente: overlaps part."""
    in_twente = natura[natura.geometry.representative_point().within(grid.regio_geometrie())]
    punt = in_twente.geometry.loc[in_twente.area.idxmax()].representative_point()
    return shapely.box(punt.x - 1000, punt.y - 500, punt.x + 1000, punt.y + 500)


def test_overlap_with_natura2000_matches_an_independent_geopandas_overlay(natura, over_natura):
    t = toets(over_natura, PARAMS)
    vlak = gpd.GeoDataFrame(geometry=[over_natura], crs=CRS)
    verwacht_ha = gpd.overlay(vlak, natura[["geometry"]], how="intersection").area.sum() / 10_000
    assert verwacht_ha > 1
    assert t.overlap["natura2000"].ha == pytest.approx(verwacht_ha, rel=0.02)
    assert t.overlap["natura2000"].aandeel == pytest.approx(verwacht_ha / 200, rel=0.02)
    natura_principe = next(p for p in t.principes if "Natura 2000" in p.naam)
    assert not natura_principe.voldaan and natura_principe.paragraaf == "§4.3"


def test_every_overlap_matches_geopandas(over_natura):
    t = toets(over_natura, PARAMS)
    vlak = gpd.GeoDataFrame(geometry=[over_natura], crs=CRS)
    for sleutel, laag in (("nnn", "nnn"), ("stikstofzone", "stikstofzone"), ("water", "waterwegen")):
        frame = load_analysis_layer(laag)[["geometry"]]
        verwacht = gpd.overlay(vlak, frame, how="intersection").union_all().area / 10_000
        assert t.overlap[sleutel].ha == pytest.approx(verwacht, rel=0.02, abs=0.01), sleutel


def test_built_up_overlap_includes_the_profile_buffer():
    kom = load_analysis_layer("bebouwde_kom")
    rand = kom.geometry.iloc[kom.area.idxmax()]
    _, y0, x1, _ = rand.bounds
    vlak = shapely.box(x1 + 50, y0, x1 + 1050, y0 + 1000)  # just east of the largest built-up area
    buiten = kom.geometry.union_all()
    for buffer_m in (100, 500):
        t = toets(vlak, PARAMS.replace(buffer_bebouwing_m=buffer_m))
        verwacht = vlak.intersection(buiten.buffer(buffer_m, quad_segs=16)).area / 10_000
        assert t.overlap["bebouwde_kom"].ha == pytest.approx(verwacht, rel=0.02, abs=0.05)


def _direct(gebied, frame) -> float:
    return min(gebied.distance(g) for g in frame.geometry)


def test_edge_distances_match_a_direct_shapely_computation_within_one_cell():
    gebied = cirkel(245_000, 478_000, 200)
    t = toets(gebied, PARAMS)
    afritten = load_analysis_layer("afritten")
    corridors = load_analysis_layer("corridors")
    vaar = pd.concat([load_analysis_layer(n) for n in ("waterwegen", "waterwegen_lijnen")])
    direct = {
        "afrit": _direct(gebied, afritten[afritten["soort"] != "knooppunt"]),
        "nweg": _direct(gebied, corridors[corridors["corridor"].isin(["N18", "N35", "N36"])]),
        "station": _direct(gebied, load_analysis_layer("stations")),
        "vaarweg": _direct(gebied, vaar[vaar["naam"].isin(VAARWEGEN)]),
        "hoogspanning": _direct(gebied, load_analysis_layer("hoogspanning_stations")),
    }
    for factor, meter in direct.items():
        assert abs(t.afstanden[factor].meter - meter) <= 100, factor
        assert t.afstanden[factor].naam
    # The engine's distance grid (cell centres) agrees within a cell plus the circle's radius.
    straal = np.sqrt(200 * 10_000 / np.pi)
    r = grid.raster(100)
    cel = int((478_000 - r.y0) // 100) * r.nx + int((245_000 - r.x0) // 100)
    assert abs(grid.afstand("station", 100)[cel] - straal - t.afstanden["station"].meter) <= 100 + 75


def test_nweg_names_schematic_lines():
    t = toets(cirkel(230_000, 492_000, 100), PARAMS)  # north-west Twente: only schematic N-roads near
    corridors = load_analysis_layer("corridors").set_index("corridor")
    naam = t.afstanden["nweg"].naam
    assert t.afstanden["nweg"].schematisch == bool(corridors.loc[[naam], "schematisch"].iloc[0])


def test_score_is_the_engines_score_under_the_area():
    params = PARAMS
    g01 = kandidaat(params, "G01")
    t = toets(g01, params, "G01")
    res = bereken(params)
    xc, yc = grid.middelpunten(100)
    binnen = shapely.contains_xy(g01, xc, yc)
    scores = res.score[binnen]
    assert t.score_gemiddeld == pytest.approx(np.nanmean(scores))
    assert t.score_minimum == pytest.approx(np.nanmin(scores))
    assert t.score_gemiddeld == pytest.approx(res.kandidaten.set_index("id").loc["G01", "score"], abs=1e-9)
    assert t.oppervlakte_ha == pytest.approx(res.kandidaten.set_index("id").loc["G01", "oppervlakte_ha"])
    assert all(p.voldaan for p in t.principes if "Omvang" in p.naam)


def test_municipality_shares_match_an_overlay():
    gebied = kandidaat(PARAMS, "G01")
    t = toets(gebied, PARAMS)
    gemeenten = load_analysis_layer("gemeenten")
    overlay = gpd.overlay(gpd.GeoDataFrame(geometry=[gebied], crs=CRS), gemeenten, how="intersection")
    verwacht = dict(zip(overlay["gemeente"], overlay.area / gebied.area, strict=True))
    assert set(t.gemeenten) == {n for n, a in verwacht.items() if a > 0}
    for naam, aandeel in verwacht.items():
        assert t.gemeenten[naam] == pytest.approx(aandeel, abs=1e-6)
    assert list(t.gemeenten.values()) == sorted(t.gemeenten.values(), reverse=True)


def test_to_dict_has_exactly_the_issue_keys():
    d = toets(cirkel(245_000, 478_000, 200), PARAMS).to_dict()
    assert list(d) == SLEUTELS
    assert set(d["overlap_ha"]) == {"natura2000", "nnn", "bebouwde_kom", "water", "bedrijventerrein", "stikstofzone"}
    assert all(set(p) == {"naam", "voldaan", "waarde"} for p in d["principes"])
    json.dumps(d)


def test_regional_profile_checks_its_own_paragraph():
    params = standaard_parameters("regionaal-mkb")
    t = toets(cirkel(245_000, 478_000, 35), params)
    assert {p.paragraaf for p in t.principes} == {"§4.2"}
    assert t.principes[0].naam == "Omvang: 20 tot 50 ha bruto" and t.principes[0].voldaan
    assert not any("vaarweg" in p.naam for p in t.principes)  # §4.2 names no waterway


@pytest.mark.parametrize(
    "gebied, fout",
    [
        (shapely.box(100_000, 400_000, 101_000, 401_000), "buiten Twente"),
        (shapely.Polygon(), "leeg"),
        (shapely.Polygon([(245_000, 478_000), (246_000, 479_000), (246_000, 478_000), (245_000, 479_000)]), "snijden"),
        (shapely.Point(245_000, 478_000), "geen vlak"),
    ],
)
def test_untestable_areas_raise_a_dutch_message(gebied, fout):
    with pytest.raises(OngeldigeInvoer, match=fout):
        toets(gebied, PARAMS)


def test_geojson_in_wgs84_or_with_a_declared_crs():
    gebied = cirkel(245_000, 478_000, 200)
    rd = {"type": "Feature", "geometry": shapely.geometry.mapping(gebied), "properties": {}}
    rd_met_crs = {"type": "FeatureCollection", "features": [rd],
                  "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}}  # fmt: skip
    assert uit_geojson(rd_met_crs).area == pytest.approx(gebied.area)
    wgs = gpd.GeoSeries([gebied], crs=CRS).to_crs(4326).iloc[0]
    assert uit_geojson(json.dumps(shapely.geometry.mapping(wgs))).area == pytest.approx(gebied.area, rel=1e-3)
    with pytest.raises(OngeldigeInvoer, match="crs"):
        uit_geojson(rd)  # RD coordinates without a declared CRS


def _cli(*args) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "reb_maps.zoekgebieden.toets", *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)


def _schrijf(tmp_path, naam: str, inhoud) -> str:
    pad = tmp_path / naam
    pad.write_text(inhoud if isinstance(inhoud, str) else json.dumps(inhoud), encoding="utf-8")
    return str(pad)


def test_cli_json(tmp_path):
    wgs = gpd.GeoSeries([cirkel(245_000, 478_000, 200)], crs=CRS).to_crs(4326).iloc[0]
    bestand = _schrijf(tmp_path, "gebied.geojson", shapely.geometry.mapping(wgs))
    uit = _cli("--geojson", bestand, "--profiel", "grootschalig", "--json")
    assert uit.returncode == 0, uit.stderr
    data = json.loads(uit.stdout)
    assert list(data) == SLEUTELS
    assert data["oppervlakte_ha"] == pytest.approx(200, rel=0.01)


@pytest.mark.parametrize(
    "inhoud, woord",
    [
        ({"type": "Polygon", "coordinates": [[[4.0, 52.0], [4.01, 52.0], [4.01, 52.01], [4.0, 52.0]]]}, "buiten"),
        ({"type": "FeatureCollection", "features": []}, "geen geometrie"),
        ("{niet json", "Geen geldige JSON"),
        ({"type": "Polygon", "coordinates": [[[6.7, 52.3], [6.72, 52.32], [6.72, 52.3], [6.7, 52.32], [6.7, 52.3]]]},
         "Ongeldige geometrie"),
    ],
)  # fmt: skip
def test_cli_bad_input_is_one_dutch_line_and_exit_2(tmp_path, inhoud, woord):
    uit = _cli("--geojson", _schrijf(tmp_path, "x.geojson", inhoud), "--json")
    assert uit.returncode == 2
    regels = uit.stderr.strip().splitlines()
    assert len(regels) == 1 and regels[0].startswith("Fout:") and woord in regels[0], uit.stderr
    assert uit.stdout == ""


def test_cli_missing_file_and_bad_option(tmp_path):
    uit = _cli("--geojson", str(tmp_path / "bestaat-niet.geojson"))
    assert uit.returncode == 2 and uit.stderr.strip().count("\n") == 0 and "niet lezen" in uit.stderr
    uit = _cli("--geojson", "x", "--profiel", "groot")
    assert uit.returncode == 2 and "ongeldige keuze" in uit.stderr


def test_a_users_own_parks_count_as_existing_parks_in_the_card():
    """Uploaded IBIS parks (grid.EigenParken) replace the approximate ones in overlap and score."""
    params = standaard_parameters("grootschalig")
    gebied = cirkel(236_000, 485_000, 200)  # open land west of Hengelo
    zonder = toets(gebied, params)
    park = gpd.GeoDataFrame({"naam": ["Synthetisch terrein"]}, geometry=[gebied.buffer(-200)], crs="EPSG:28992")
    met = toets(gebied, params, eigen_parken=grid.EigenParken.van(park))
    assert met.overlap["bedrijventerrein"].ha == pytest.approx(park.area.iloc[0] / 10_000, rel=0.01)
    assert met.overlap["bedrijventerrein"].ha > zonder.overlap["bedrijventerrein"].ha
    assert toets(gebied, params).overlap["bedrijventerrein"].ha == zonder.overlap["bedrijventerrein"].ha


def test_own_parks_are_an_argument_of_the_test_and_the_comparison_not_a_context():
    """Calls with and without own parks alternate in one thread, with no context manager around them: each call
    gets the parks it is given, and no cache (keyed by the parks' fingerprint) hands one call's result to the
    other."""
    params = standaard_parameters("grootschalig", resolutie_m=250)
    gebied = cirkel(236_000, 485_000, 200)  # open land west of Hengelo
    park = gpd.GeoDataFrame({"naam": ["Synthetisch terrein"]}, geometry=[gebied.buffer(-300)], crs=CRS)
    eigen = grid.EigenParken.van(park)
    reeks = [toets(gebied, params, "T1", eigen_parken=e) for e in (None, eigen, None, eigen)]
    zonder, met = reeks[:2]
    assert reeks[2].to_dict() == zonder.to_dict() and reeks[3].to_dict() == met.to_dict()
    assert zonder.overlap["bedrijventerrein"].ha == 0.0
    assert met.overlap["bedrijventerrein"].ha == pytest.approx(park.area.iloc[0] / 10_000, rel=0.01)
    assert met.toegestaan_aandeel < zonder.toegestaan_aandeel  # the park's cells leave the score grid
    naast_elkaar = toetsen.vergelijk_tabel([zonder, toets(gebied, params, "T2", eigen_parken=eigen)])
    rij = f"Overlap {OVERLAP_LABELS['bedrijventerrein']}"
    assert naast_elkaar.loc[rij].tolist() == [toetsen.maten(zonder)[rij], toetsen.maten(met)[rij]]
    assert toetsen.maten(zonder)[rij] == "0,0 ha (0,0%)" != toetsen.maten(met)[rij]

    met_run, zonder_run = bereken(params, eigen), bereken(params)
    assert np.array_equal(zonder_run.maskers["bedrijventerrein"], grid.masker("bedrijventerrein", 250))
    assert (met_run.maskers["bedrijventerrein"] & ~zonder_run.maskers["bedrijventerrein"]).any()
    assert set(met_run.kandidaten["bedrijventerrein"]) == {"Synthetisch terrein"}
    assert "Synthetisch terrein" not in set(zonder_run.kandidaten["bedrijventerrein"])
    g01 = kandidaat(params, "G01", eigen)
    assert toets(g01, params, "G01", eigen).afstanden == toets(g01, params, "G01").afstanden  # no parks factor


def test_own_parks_are_keyed_by_their_fingerprint_and_no_context_variable_is_left():
    park = gpd.GeoDataFrame({"naam": ["A"]}, geometry=[shapely.box(236_000, 485_000, 236_500, 485_500)], crs=CRS)
    a = grid.EigenParken.van(park)
    assert grid.EigenParken.van(park) == a and hash(grid.EigenParken.van(park)) == hash(a)
    assert grid.EigenParken(a.sleutel, park.iloc[:0]) == a  # the frame never counts: only the fingerprint
    assert grid.EigenParken.van(park.assign(naam=["B"])) != a  # a renamed park is another set of parks
    assert grid.parken_voor("bedrijventerrein", a) is a and grid.parken_voor("natura2000", a) is None
    for naam in ("grid", "zones", "factoren", "gevoeligheid", "gebied", "toets"):
        module = importlib.import_module(f"reb_maps.zoekgebieden.{naam}")
        assert not [n for n, v in vars(module).items() if isinstance(v, contextvars.ContextVar)], module.__name__
