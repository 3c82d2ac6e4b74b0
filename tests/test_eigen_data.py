"""eigen_data: every bad-input case gives its Dutch message (engine and CLI), repairs are counted, IBIS is found."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from reb_maps.eigen_data import EigenDataFout, LaagKeuzeNodig, ibis, lagen, lees
from reb_maps.eigen_data import meldingen as m
from reb_maps.weergave.eigen_laag import grootte, kaartdata, kleur_indeling
from tests import fixtures_eigen_data as fx

ROOT = Path(__file__).resolve().parents[1]
X, Y = fx.HENGELO_WGS84
VIERKANT = {"type": "Polygon", "coordinates": [[[X, Y], [X + 0.01, Y], [X + 0.01, Y + 0.01], [X, Y + 0.01], [X, Y]]]}
VLINDER = {"type": "Polygon", "coordinates": [[[X, Y], [X + 0.01, Y + 0.01], [X + 0.01, Y], [X, Y + 0.01], [X, Y]]]}


def cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reb_maps.eigen_data", *map(str, args)], cwd=ROOT, capture_output=True, text=True
    )


def geweigerd(data: bytes, naam: str, laag: str | None = None) -> str:
    with pytest.raises(EigenDataFout) as fout:
        lees(data, naam, laag)
    return str(fout.value)


# ---------- refusals: one Dutch message each, and exit 2 on the command line ----------

SHP_ZONDER_SHP = fx.zip_met({"lees mij.txt": b"geen kaart"})
BUITEN_NL = fx.geojson_bytes([fx.feature(fx.punt(2.35, 48.85), naam="Parijs")])

WEIGERINGEN = [
    ("leeg.geojson", b"", m.LEEG),
    ("kaart.docx", b"PK\x03\x04", m.EXTENSIE.format(ext=".docx")),
    ("losse.shp", b"\x00" * 100, m.LOSSE_SHP),
    ("geen_shp.zip", SHP_ZONDER_SHP, m.ZIP_GEEN_SHP),
    ("kapot.zip", b"dit is geen zip", m.GEEN_ZIP),
    ("pad.zip", fx.zip_met({"../buiten.shp": b"x"}), m.ZIP_PAD.format(pad="../buiten.shp")),
    ("absoluut.zip", fx.zip_met({"/etc/kaart.shp": b"x"}), m.ZIP_PAD.format(pad="/etc/kaart.shp")),
    ("tabel.csv", "naam;waarde\nCafé;1\n".encode(), m.GEEN_COORDINATEN.format(kolommen="naam, waarde")),
    ("parijs.geojson", BUITEN_NL, m.BUITEN_NL.format(grenzen="x 2.35 tot 2.35, y 48.85 tot 48.85")),
    ("kapot.gpkg", b"SQLite format 3\x00 maar kapot", m.ONLEESBAAR.format(formaat="GeoPackage")),
    ("kapot.geojson", b"{niet: json", m.ONLEESBAAR.format(formaat="GeoJSON")),
    ("leeg.geojson", fx.geojson_bytes([fx.feature(None, naam="x")]), m.GEEN_OBJECTEN),
]


@pytest.mark.parametrize(("naam", "data", "melding"), WEIGERINGEN, ids=[w[0] for w in WEIGERINGEN])
def test_refused_files_give_their_dutch_message(naam, data, melding):
    assert geweigerd(data, naam) == melding


@pytest.mark.parametrize("geval", [0, 3, 5, 8])
def test_cli_refuses_with_one_dutch_line_and_exit_2(tmp_path, geval):
    naam, data, melding = WEIGERINGEN[geval]
    pad = tmp_path / naam.lstrip("/")
    pad.write_bytes(data)
    uit = cli(pad, "--json")
    assert uit.returncode == 2
    assert uit.stderr.strip() == f"python -m reb_maps.eigen_data: fout: {melding}"
    assert "Traceback" not in uit.stderr and uit.stdout == ""


def test_cli_missing_file_and_bad_option_exit_2(tmp_path):
    assert cli(tmp_path / "weg.gpkg").returncode == 2
    uit = cli("a.gpkg", "--onzin")
    assert uit.returncode == 2 and "onbekende opties" in uit.stderr


def test_zip_bomb_refused_before_extracting(monkeypatch):
    monkeypatch.setattr(m, "MAX_UITGEPAKT_MB", 1)
    bom = fx.zip_met({"a.shp": b"\x00" * 3_000_000, "a.shx": b"", "a.dbf": b""})
    assert len(bom) < 100_000  # compresses to almost nothing
    assert geweigerd(bom, "bom.zip") == m.ZIP_BOM.format(mb=1)


def test_shapefile_without_shx_is_named():
    zonder = fx.zip_met({"p.shp": b"\x00" * 100, "p.dbf": b"\x00"})
    assert geweigerd(zonder, "p.zip") == m.SHP_ONVOLLEDIG.format(naam="p", ontbreekt=".shx")


# ---------- accepted with a note ----------


def test_shapefile_without_prj_detected_as_rd_and_said(tmp_path):
    data = fx.shapefile_zip(fx.ibis_parken(), tmp_path / "shp", prj=False)
    resultaat = lees(data, "ibis.zip")
    assert resultaat.samenvatting.crs_herkomst == "aangenomen"
    assert "28992" in resultaat.samenvatting.crs
    assert m.NOTE_GEEN_PRJ in resultaat.notes
    assert resultaat.samenvatting.features == 6 and resultaat.is_ibis


def test_cp1252_shapefile_without_cpg_and_cp1252_csv(tmp_path):
    parken = fx.ibis_parken()
    parken["PLAN_NAAM"] = "Café € ‘t Veld"
    resultaat = lees(fx.shapefile_zip(parken, tmp_path / "shp", cpg=False, encoding="cp1252"), "parken.zip")
    assert set(resultaat.analyse["PLAN_NAAM"]) == {"Café € ‘t Veld"}
    assert m.NOTE_GEEN_CPG in resultaat.notes
    csv = "x;y;naam\n245000,5;478000;Café €\n".encode("cp1252")
    resultaat = lees(csv, "punten.csv")
    assert resultaat.analyse["naam"].tolist() == ["Café €"]
    assert m.NOTE_CP1252 in resultaat.notes and m.NOTE_DECIMAALKOMMA in resultaat.notes
    assert resultaat.analyse.geometry.x.tolist() == [245000.5]


def test_swapped_lat_lon_in_csv_and_geojson_are_turned_round():
    csv = f"lat,lon,naam\n{X},{Y},verwisseld\n".encode()  # the longitude in the lat column
    resultaat = lees(csv, "punten.csv")
    assert m.NOTE_VERWISSELD in resultaat.notes
    assert resultaat.weergave.geometry.x.iloc[0] == pytest.approx(X)
    data = fx.geojson_bytes([fx.feature(fx.punt(Y, X), naam="verwisseld")])
    resultaat = lees(data, "punt.geojson")
    assert m.NOTE_VERWISSELD in resultaat.notes and resultaat.samenvatting.crs_herkomst == "gevonden"
    assert resultaat.weergave.geometry.y.iloc[0] == pytest.approx(Y)


def test_rd_coordinates_in_a_geojson_without_crs_are_detected():
    data = fx.geojson_bytes([fx.feature(fx.punt(245_000, 478_000), naam="rd")])
    resultaat = lees(data, "rd.geojson")
    assert resultaat.samenvatting.crs_herkomst == "aangenomen" and "28992" in resultaat.samenvatting.crs
    assert m.NOTE_CRS_AANGENOMEN.format(crs="Amersfoort / RD New (EPSG:28992)") in resultaat.notes


def test_invalid_empty_3d_and_mixed_geometries_repaired_and_counted():
    features = [
        fx.feature(VLINDER, naam="vlinder"),
        fx.feature(fx.punt(X, Y, 12.5), naam="3d"),
        fx.feature(None, naam="leeg"),
        fx.feature({"type": "GeometryCollection", "geometries": [fx.punt(X, Y), VIERKANT]}, naam="collectie"),
    ]
    resultaat = lees(fx.geojson_bytes(features), "gemengd.geojson")
    s = resultaat.samenvatting
    assert (s.gerepareerd, s.verwijderd, s.platgemaakt) == (1, 1, 1)
    assert resultaat.analyse.is_valid.all() and not resultaat.analyse.has_z.any()
    assert s.geometrietypen == {"Point": 2, "MultiPolygon": 1, "Polygon": 1}
    assert sorted(resultaat.analyse["naam"]) == ["3d", "collectie", "collectie", "vlinder"]
    assert m.NOTE_GEMENGD.format(delen="punten, vlakken") in resultaat.notes


def test_html_in_names_values_and_file_name_stays_text_and_popups_escape_it():
    script = "<script>alert(1)</script>"
    data = fx.geojson_bytes([fx.feature(fx.punt(X, Y), **{"<b>kolom</b>": script, "naam": "<img src=x>"})])
    naam = "<b>kaart</b>.geojson"
    resultaat = lees(data, naam)
    assert resultaat.samenvatting.bestandsnaam == naam
    assert resultaat.analyse["<b>kolom</b>"].iloc[0] == script  # kept as it was
    laag = kaartdata(resultaat.weergave, naam, label_kolom="naam")
    props = laag["features"][0]["properties"]
    assert "<script>" not in props["popup"] and "&lt;script&gt;" in props["popup"]
    assert "&lt;b&gt;kolom&lt;/b&gt;" in props["popup"] and props["tip"] == "&lt;img src=x&gt;"


def test_geopackage_with_several_layers_asks_for_a_choice(tmp_path):
    pad = fx.schrijf_gpkg(fx.ibis_parken(), tmp_path / "twee.gpkg", "terreinen")
    fx.schrijf_gpkg(fx.bag_panden(), pad, "panden")
    data = pad.read_bytes()
    assert lagen(data, "twee.gpkg") == ["terreinen", "panden"]
    with pytest.raises(LaagKeuzeNodig) as keuze:
        lees(data, "twee.gpkg")
    assert keuze.value.lagen == ["terreinen", "panden"]
    assert str(keuze.value) == "Dit bestand heeft 2 lagen (terreinen, panden). Kies er één (--laag NAAM)."
    assert geweigerd(data, "twee.gpkg", "wegen") == m.ONBEKENDE_LAAG.format(laag="wegen", lagen="terreinen, panden")
    panden = lees(data, "twee.gpkg", "panden")
    assert panden.samenvatting.laag == "panden" and panden.samenvatting.features == len(fx.bag_panden())
    uit = cli(pad, "--laag", "terreinen", "--json")
    assert uit.returncode == 0, uit.stderr
    samenvatting = json.loads(uit.stdout)
    assert samenvatting["schema"] == "IBIS" and samenvatting["features"] == 6
    assert samenvatting["crs_herkomst"] == "gevonden"
    lon_min, lat_min, lon_max, lat_max = samenvatting["grenzen_wgs84"]
    assert 6.6 < lon_min < lon_max < 6.8 and 52.2 < lat_min < lat_max < 52.4
    assert cli(pad).returncode == 2


def test_flatgeobuf_and_excel(tmp_path):
    fx.ibis_parken().to_file(tmp_path / "p.fgb", driver="FlatGeobuf", engine="pyogrio")
    assert lees((tmp_path / "p.fgb").read_bytes(), "p.fgb").is_ibis
    pd.DataFrame({"Lat": [Y], "Lon": [X], "naam": ["a"]}).to_excel(tmp_path / "p.xlsx", index=False)
    resultaat = lees((tmp_path / "p.xlsx").read_bytes(), "p.xlsx")
    assert resultaat.samenvatting.features == 1 and "4326" in resultaat.samenvatting.crs


def test_200000_points_read_and_display_payload_within_2_mb():
    resultaat = lees(fx.punten_csv(200_000), "punten.csv")
    assert resultaat.samenvatting.features == 200_000 and len(resultaat.analyse) == 200_000
    assert resultaat.samenvatting.weergave_features < 200_000
    assert any("van de 200.000 objecten" in n for n in resultaat.notes)
    kleuren, _ = kleur_indeling(resultaat.weergave["soort"])
    assert grootte(kaartdata(resultaat.weergave, "punten", "soort", kleuren)) <= m.MAX_WEERGAVE_BYTES


def test_large_polygons_simplified_for_display_only(tmp_path):
    pad = fx.grote_gpkg(tmp_path / "groot.gpkg", doel_mb=4)
    resultaat = lees(pad.read_bytes(), "groot.gpkg")
    assert resultaat.samenvatting.weergave_tolerantie_m > 0
    volledig = resultaat.analyse.geometry.count_coordinates().sum()
    assert resultaat.weergave.geometry.count_coordinates().sum() < volledig
    assert grootte(kaartdata(resultaat.weergave, "groot", "naam")) <= m.MAX_WEERGAVE_BYTES


def test_colour_by_numbers_uses_classes_and_by_text_categories():
    kleuren, legenda = kleur_indeling(pd.Series([1, 2, 3, 10, 20, 30, None]))
    assert len(legenda) == 6 and legenda[-1][0] == "onbekend" and len(set(kleuren)) == 6
    kleuren, legenda = kleur_indeling(pd.Series(["a", "b", "a"]))
    assert [rij[0] for rij in legenda] == ["a", "b"] and kleuren[0] == kleuren[2] != kleuren[1]


# ---------- IBIS ----------


def test_ibis_recognised_case_insensitively_and_by_mapping():
    parken = fx.ibis_parken()
    assert ibis.herken_schema(parken.columns) == "IBIS"
    assert ibis.herken_schema([k.lower() for k in parken.columns]) == "IBIS"
    anders = parken.rename(columns={"PLAN_NAAM": "Terreinnaam", "HA_NETTO": "netto"})
    assert ibis.ontbrekend(anders.columns) == ["plan_naam", "ha_netto"]
    gekoppeld = ibis.koppel_kolommen(anders, {"plan_naam": "Terreinnaam", "ha_netto": "netto"})
    assert ibis.herken_schema(gekoppeld.columns) == "IBIS"
    assert gekoppeld["plan_naam"].iloc[0] == "Synthetisch terrein A"


def test_ibis_totals_beside_tabel_8_with_difference_and_year_note():
    parken = fx.ibis_parken()
    ouder = parken.iloc[[0]].assign(JAAR=2015, HA_NETTO=999.0)  # an older year of park A is ignored
    tabel, noot = ibis.vergelijking(pd.concat([parken, ouder]))
    assert len(tabel) == 14
    hengelo = tabel.set_index("Gemeente").loc["Hengelo"]
    netto = round(sum((b or ha) * 0.8 for _, ha, b, _, _ in fx._PARKEN), 1)
    assert hengelo[ibis.KOLOM_IBIS_NETTO] == netto and hengelo[ibis.KOLOM_TERREINEN] == 6
    assert hengelo[ibis.KOLOM_VERSCHIL] == round(netto - hengelo[ibis.KOLOM_REB_NETTO], 1)
    assert pd.isna(tabel.set_index("Gemeente").loc["Almelo", ibis.KOLOM_IBIS_NETTO])
    assert "IBIS-jaar 2022 tegenover" in noot and "januari 2023" in noot and "jaren verschillen" in noot


def test_ibis_parks_for_the_search_area_engine():
    parken = ibis.parken_voor_zoekgebieden(fx.ibis_parken())
    assert list(parken.columns) == ["naam", "geometry"] and parken.crs.to_epsg() == 28992
    assert parken["naam"].tolist()[0] == "Synthetisch terrein A" and len(parken) == 6
