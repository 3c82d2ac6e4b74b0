"""The geodata build (reb_maps.build_geodata): deterministic output and the koppeling step.

Needs the raw open data beside the clone (../shared/geodata); skipped with a message when absent.
"""

from __future__ import annotations

import filecmp
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from reb_maps.build_geodata import build, display_bytes, koppeling
from reb_maps.build_geodata.__main__ import main
from reb_maps.build_geodata.geojson import write
from reb_maps.build_geodata.model import DISPLAY, Sources

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "geodata"
pytestmark = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"raw geodata not found at {SHARED} (../shared/geodata beside the clone)"
)

KOPPELING = """locatie_id,top10nl_naam,top10nl_type,methode,toelichting
hengelo_twentekanaal,Bedrijventerrein Twentekanaal,wijk,polygoon,testrij
oldenzaal_eekte,Eekte-Hazewinkel | Zuid-Berghuizen,wijk,polygoon,
enschede_kennispark,Kennispark,wijk,punt,testpunt
"""


def _csv(folder: Path, text: str) -> Path:
    path = folder / "locaties_top10nl.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Path, Path, dict]:
    root = tmp_path_factory.mktemp("geo")
    csv = _csv(root, KOPPELING)
    first = build(SHARED, root / "a", csv)
    build(SHARED, root / "b", csv)
    return root / "a", root / "b", first


@pytest.fixture(scope="module")
def pool() -> gpd.GeoDataFrame:
    return koppeling.candidates(Sources(SHARED))


def test_two_runs_give_byte_identical_files(builds):
    a, b, sizes = builds
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert len(files) == len(sizes) + 2  # + lagen.json and koppeling_rapport.csv
    same, mismatch, errors = filecmp.cmpfiles(a, b, [str(f) for f in files], shallow=False)
    assert len(same) == len(files) and not mismatch and not errors
    assert display_bytes(sizes) < 1_200_000


def test_analysis_copy_reads_back_in_rd_new(builds):
    a, _, _ = builds
    frame = gpd.read_file(a / "analyse" / "gemeenten.geojson")
    assert frame.crs.to_epsg() == 28992
    assert gpd.read_file(a / "gemeenten.geojson").crs.to_epsg() == 4326


def test_koppeling_polygons_points_and_report(builds):
    a, _, _ = builds
    parks = gpd.read_file(a / "bedrijventerreinen.geojson")
    assert list(parks["locatie_id"]) == ["hengelo_twentekanaal", "oldenzaal_eekte"]
    assert set(parks["nauwkeurigheid"]) == {"bij benadering, TOP10NL"}
    assert set(parks["methode"]) == {"polygoon"}
    points = gpd.read_file(a / "locatie_punten.geojson")
    assert list(points["locatie_id"]) == ["enschede_kennispark"]
    assert points.loc[0, "nauwkeurigheid"] == "indicatieve ligging"
    assert points.loc[0, "top10nl_naam"] == "Kennispark"

    report = pd.read_csv(a / "koppeling_rapport.csv").set_index("locatie_id")
    assert report.loc["oldenzaal_eekte", "gevonden"] == 2
    assert report.loc["hengelo_twentekanaal", "gevonden"] == 1
    # TOP10NL states 353.9 ha for this wijk; the union must reproduce it.
    assert report.loc["hengelo_twentekanaal", "area_ha"] == pytest.approx(353.9, abs=1)

    kennispark = gpd.read_file(a / "analyse" / "bedrijventerreinen.geojson")
    assert kennispark.crs.to_epsg() == 28992 and len(kennispark) == 2


def test_point_lies_inside_its_top10nl_polygon(builds, pool):
    a, _, _ = builds
    point = gpd.read_file(a / "analyse" / "locatie_punten.geojson").geometry.iloc[0]
    polygon = pool.loc[pool["naamNL"] == "Kennispark"].geometry.iloc[0]
    assert polygon.buffer(1).contains(point)


def test_unknown_name_fails_with_the_row(tmp_path, pool):
    csv = _csv(tmp_path, KOPPELING + "bestaat_niet,Nergenshuizen,wijk,polygoon,\n")
    with pytest.raises(koppeling.KoppelingError, match=r"row 5 \(locatie_id='bestaat_niet'\).*Nergenshuizen"):
        koppeling.link(koppeling.read_koppeling(csv), pool)


def test_name_found_only_with_other_type_fails(tmp_path, pool):
    csv = _csv(tmp_path, "locatie_id,top10nl_naam,top10nl_type,methode,toelichting\nx,Kennispark,buurt,punt,\n")
    with pytest.raises(koppeling.KoppelingError, match="locatie_id='x'"):
        koppeling.link(koppeling.read_koppeling(csv), pool)


def test_name_shared_by_distant_places_fails(tmp_path, pool):
    csv = _csv(tmp_path, "locatie_id,top10nl_naam,top10nl_type,methode,toelichting\nc,Centrum,wijk,punt,\n")
    with pytest.raises(koppeling.KoppelingError, match="separate places"):
        koppeling.link(koppeling.read_koppeling(csv), pool)


def test_cli_names_the_bad_row(tmp_path, capsys):
    csv = _csv(tmp_path, "locatie_id,top10nl_naam,top10nl_type,methode,toelichting\nfout,Nergens,wijk,punt,\n")
    assert main(["--shared", str(SHARED), "--out", str(tmp_path / "out"), "--koppeling", str(csv)]) == 1
    assert "locatie_id='fout'" in capsys.readouterr().err


def test_missing_koppeling_gives_empty_layers_and_a_warning(tmp_path, capsys):
    result = koppeling.build_result(Sources(SHARED), tmp_path / "ontbreekt.csv")
    assert "WARNING" in capsys.readouterr().err
    for layer in koppeling.build(result, DISPLAY):
        path = tmp_path / f"{layer.name}.geojson"
        write(layer.frame.to_crs(DISPLAY.crs), path, DISPLAY.decimals)
        assert gpd.read_file(path).empty
    assert result.report.empty


def test_exit_roads_follow_names_and_position(builds):
    a, _, _ = builds
    exits = gpd.read_file(a / "afritten.geojson")
    weg = dict(zip(exits["naam"] + " " + exits["nummer"].fillna(""), exits["weg"], strict=True))
    assert weg["Bathmen 25"] == "A1" and weg["Rijssen 28"] == "A1" and weg["Hengelo-Noord 31"] == "A1"
    assert weg["Almelo-West 1"] == "N36" and weg["Vriezenveen 5"] == "N36"
    assert weg["Almelo-West 31"] == "A35" and weg["Hengelo-Zuid 27"] == "A35"
    assert weg["Borne-West 29"] == "A1/A35" and weg["Knooppunt Buren "] == "A1/A35"
    assert weg["Haaksbergen 14"] == "N18"


def test_schematic_corridors_pass_only_through_real_points(builds):
    a, _, _ = builds
    src = Sources(SHARED)
    exits = gpd.read_file(a / "analyse" / "afritten.geojson").geometry
    places = src.read("top10nl_plaatsen_twente").geometry.representative_point()
    roads = src.read("osm_wegen_a1_a35_n35_twente").geometry.boundary.explode()
    real = shapely.MultiPoint([*exits, *places, *roads])
    corridors = gpd.read_file(a / "analyse" / "corridors.geojson")
    schematic = corridors.loc[corridors["schematisch"]]
    assert set(schematic["corridor"]) >= {"A1", "N18", "N36"}
    assert set(corridors.loc[~corridors["schematisch"], "corridor"]) == {"A1", "A35", "N35"}
    for _, row in schematic.iterrows():
        assert row["via"]
        for xy in shapely.get_coordinates(row.geometry):
            assert shapely.Point(xy).distance(real) <= 1.5, (row["corridor"], row["deel"], xy)
