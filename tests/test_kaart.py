"""Map builders: layers, escaping, offline assets, figures in popups."""

import json
import re

import folium
import geopandas as gpd
import pytest
from shapely.geometry import Point

from reb_maps import labels, lagen
from reb_maps.weergave import assets, kaart

XSS = "<img src=x onerror=alert(1)>"


def test_popup_escapes_every_value():
    html = kaart.popup_html(XSS, [(XSS, XSS)], bron=XSS, noot=XSS)
    assert "<img" not in html
    assert html.count("&lt;img src=x onerror=alert(1)&gt;") == 5  # title, label, value, note, source


def test_malicious_name_in_layer_data_shows_as_text(monkeypatch):
    frame = gpd.GeoDataFrame(
        {"naam": [XSS], "geometry": [Point(6.7, 52.3)]}, geometry="geometry", crs="EPSG:4326"
    )
    monkeypatch.setattr(kaart, "load_layer", lambda _name: frame.copy())
    kaart.laag_data.cache_clear()
    try:
        data = kaart.laag_data("stations")  # a catalogue layer whose tooltip is the `naam` field
    finally:
        kaart.laag_data.cache_clear()
    tip = data["features"][0]["properties"]["tip"]
    assert "<img" not in tip
    assert "&lt;img src=x onerror=alert(1)&gt;" in tip
    m = folium.Map(tiles=None)
    layer = kaart._geojson(data, "Testlaag", lambda _f: {}, key="test-xss")
    layer.add_to(m)
    assert "<img src=x" not in m.get_root().render()
    published = (assets.STATIC_DIR / "geo" / layer.embed_link.rsplit("/", 1)[1]).read_text(encoding="utf-8")
    assert "<img src=x" not in published and "&lt;img src=x" in published


def test_municipality_popups_carry_report_figures():
    data, legend = kaart._gemeenten_data("netto_areaal")
    props = {f["properties"]["gemeente"]: f["properties"] for f in data["features"]}
    assert len(props) == 14
    almelo = props["Almelo"]
    assert "620 ha" in almelo["popup"] and "47.300" in almelo["popup"] and "16,58 ha" in almelo["popup"]
    assert almelo["tip"] == "Almelo: 620 ha"
    assert "geen opgave" in props["Losser"]["popup"]  # '-' in Tabel 10
    assert "Tabel 8" in legend


def test_tekort_indicator_uses_minimum_demand():
    data, _ = kaart._gemeenten_data("tekort")
    tips = {f["properties"]["gemeente"]: f["properties"]["tip"] for f in data["features"]}
    assert tips["Haaksbergen"] == "Haaksbergen: 4,42 ha"  # 5 ha minimum − 0,58 ha supply
    assert tips["Almelo"] == "Almelo: 0 ha"
    assert tips["Losser"] == "Losser: geen opgave"


def test_dashboard_map_is_offline_capable_and_has_all_layers():
    m = kaart.dashboard_map("banen", labels.ACHTERGROND_OFFLINE, "Almelo")
    html = m.get_root().render()
    assert assets.remote_links(m) == []
    assert "cdn.jsdelivr" not in html and "tile.openstreetmap" not in html
    names = {getattr(child, "layer_name", None) for child in m._children.values()}
    for layer in (labels.LAAG_GEMEENTEN, labels.LAAG_GROOTSCHALIG, labels.LAAG_CAMPUSSEN, labels.LAAG_PLANNEN,
                  labels.LAAG_WEGEN, labels.LAAG_SPOOR, labels.LAAG_WATER, labels.LAAG_NATURA2000, labels.LAAG_NNN,
                  labels.LAAG_BEBOUWING):  # fmt: skip
        assert layer in names, layer
    assert "(schematisch)" in html  # schematic corridors are labelled
    geojson = [child for child in assets.elementen(m) if isinstance(child, folium.GeoJson)]
    # Only the chosen municipality's outline (~3 kB, sent beside the map on a new choice) is in the script.
    assert {child.layer_name for child in geojson if child.embed} == {"Almelo (halo)", "Almelo (lijn)"}
    published = [child.embed_link for child in geojson if not child.embed]
    published += [child.url for child in assets.elementen(m) if isinstance(child, kaart.LazyGeoJson)]
    assert any(re.search(r"/nnn-[0-9a-f]{12}\.geojson$", link) for link in published)  # named by its content
    assert all(link.startswith("/app/static/geo/") for link in published)
    layer_bytes = sum((assets.STATIC_DIR / "geo" / link.rsplit("/", 1)[1]).stat().st_size for link in published)
    assert len(html.encode()) + layer_bytes < 1_500_000  # the whole map, script and layer files


def test_the_map_lets_the_visitor_zoom_the_page():
    """folium declares `user-scalable=no`, which stops a visitor with low vision from zooming (WCAG 1.4.4); what
    reaches the browser (the page and the header streamlit-folium sends into its frame) has no such declaration."""
    from streamlit_folium import _get_header

    m = kaart.dashboard_map("banen", labels.ACHTERGROND_OFFLINE, "Almelo")
    html = m.get_root().render()
    m.render()  # as st_folium does, a second time
    for tekst in (html, _get_header(m)):
        assert "user-scalable=no" not in tekst and "maximum-scale" not in tekst
    assert "#map_div" in _get_header(m)  # the rest of folium's header (the map's size) is still there


def test_the_chosen_municipalitys_outline_lies_above_the_municipalities_fill():
    """The municipalities' features arrive after the outline (their file loads asynchronously); in a shared pane
    their fill would cover the red line. The outline has a pane of its own, made after theirs at their level."""
    m = kaart.dashboard_map("banen", labels.ACHTERGROND_OFFLINE, None)
    panes = [c for c in m._children.values() if isinstance(c, folium.map.CustomPane)]
    namen = [p.name for p in panes]
    gemeenten, selectie = namen.index(kaart.pane("gemeenten")), namen.index(kaart.PANE_SELECTIE)
    assert selectie > gemeenten and panes[selectie].z_index == panes[gemeenten].z_index
    basis = (kaart.pane("gemeenten"), kaart.PANE_SELECTIE, kaart.PANE_ONDERGROND)  # the offline basemap lies below
    hoger = [p for p in panes if p.name not in basis]
    assert all(p.z_index > panes[gemeenten].z_index for p in hoger)  # every other layer still above the outline
    lijnen = [c for c in kaart.selectie_groep("Hengelo")._children.values() if isinstance(c, folium.GeoJson)]
    assert len(lijnen) == 2 and all(c.options["pane"] == kaart.PANE_SELECTIE for c in lijnen)



@pytest.mark.parametrize("achtergrond", [a.naam for a in labels.ACHTERGRONDEN if a.tiles])
def test_basemaps_carry_their_attribution(achtergrond):
    html = kaart.dashboard_map("banen", achtergrond, None).get_root().render()
    bg = labels.achtergrond(achtergrond)
    assert bg.tiles.split("{")[0] in html


def test_shared_polygon_is_drawn_once_with_both_parks():
    frame = kaart.locaties_frame()
    kanaal = frame[frame["tip"].str.contains("Twentekanaal")]
    assert len(kanaal) == 1
    assert "Twentekanaal Noord" in kanaal.iloc[0]["popup"] and "Twentekanaal Zuid" in kanaal.iloc[0]["popup"]


def test_large_parks_show_bruto_and_netto_from_tabel_3():
    frame = kaart.locaties_frame()
    lochter = frame[frame["tip"].str.contains("Lochter")].iloc[0]
    assert lochter["laag"] == lagen.laag("grootschalig").filter[1]
    assert "Netto" in lochter["popup"]


def test_xl_businesspark_2_is_a_plan_with_indicative_position():
    frame = kaart.locaties_frame()
    xl2 = frame[frame["popup"].str.contains("XL Businesspark 2")].iloc[0]
    assert xl2["laag"] == lagen.laag("plannen").filter[1]
    assert labels.INDICATIEF in xl2["popup"]


def test_a_layer_file_is_named_by_its_content_and_keeps_one_old_date(tmp_path, monkeypatch):
    """Streamlit sends no Cache-Control for /app/static: the browser judges a file by its age. A layer file keeps
    one old date, which is true because its name changes with its content."""
    monkeypatch.setattr(assets, "_published", {})
    een = {"type": "FeatureCollection", "features": []}
    url = assets.publish_geojson("proef", een, target=tmp_path)
    pad = tmp_path / "geo" / url.rsplit("/", 1)[1]
    assert re.fullmatch(r"/app/static/geo/proef-[0-9a-f]{12}\.geojson", url)
    assert json.loads(pad.read_text(encoding="utf-8")) == een
    assert pad.stat().st_mtime == assets.VASTE_DATUM
    monkeypatch.setattr(assets, "_published", {})  # a new process, other data under the same key: another file
    ander = assets.publish_geojson("proef", {"type": "FeatureCollection", "features": [], "x": 1}, target=tmp_path)
    assert ander != url and pad.exists()
    monkeypatch.setattr(assets, "_published", {})  # the same data again: the file there is used, not rewritten

    def geen_schrijven(*_args, **_kwargs):
        raise AssertionError("een bestaand laagbestand wordt opnieuw geschreven")

    monkeypatch.setattr(assets.tempfile, "mkstemp", geen_schrijven)
    assert assets.publish_geojson("proef", een, target=tmp_path) == url
