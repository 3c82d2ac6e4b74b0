"""Map layers and page tables of Zoekgebieden: candidates on the map, escaping, the score image, the legend."""

import base64
import dataclasses
import io
import json
import math

import folium
import numpy as np
import pandas as pd
import pytest
from PIL import Image
from pyproj import Transformer

from reb_maps import fmt, labels
from reb_maps.weergave import assets, kaart
from reb_maps.zoekgebieden import FACTOREN, bereken, standaard_parameters
from ui.zoekgebieden import kaartlagen as kl

XSS = "<img src=x onerror=alert(1)>"
XSS_ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"


@pytest.fixture(scope="module")
def resultaat():
    return bereken(standaard_parameters("grootschalig", resolutie_m=250))


@pytest.fixture(scope="module")
def mkb():
    return bereken(standaard_parameters("regionaal-mkb", resolutie_m=250))


def _png(afbeelding: kl.Afbeelding) -> Image.Image:
    kop, data = afbeelding.url.split(",", 1)
    assert kop == "data:image/png;base64"
    return Image.open(io.BytesIO(base64.b64decode(data)))


# ---------- Text ----------


def test_afstanden_in_dutch_with_sensible_precision():
    assert kl.afstand_tekst(0) == "0 m"
    assert kl.afstand_tekst(594.4) == "590 m"
    assert kl.afstand_tekst(1384.4) == "1,4 km"
    assert kl.afstand_tekst(12_345) == "12,3 km"
    assert kl.afstand_tekst(float("nan")) == "–"
    assert kl.km_tekst(250) == "250 m"
    assert kl.km_tekst(1500) == "1,5 km"
    assert kl.km_tekst(4000) == "4 km"


def test_factor_help_names_direction_cut_offs_and_accuracy():
    hulp = kl.factor_hulp("nweg", 500, 4000)
    assert "Dichterbij is beter" in hulp and "500 m" in hulp and "4 km" in hulp
    assert "schematisch" in hulp  # N18 and N36 are approximate: the help says so


def test_cli_command_repeats_a_run_from_the_parameters_file():
    assert kl.cli_commando() == "python -m reb_maps.zoekgebieden --parameters parameters.json --uit zoekgebieden"


# ---------- Candidates ----------


def test_candidate_layer_carries_every_candidate_in_rank_order(resultaat, mkb):
    for res, letter in ((resultaat, "G"), (mkb, "M")):
        data = kl.kandidaten_data(res)
        assert res.aantal > 0
        assert len(data["features"]) == res.aantal
        namen = [f["properties"]["label"][2] for f in data["features"]]
        assert namen == list(res.kandidaten["id"])
        assert namen[0] == f"{letter}01"
        for feature, (_, rij) in zip(data["features"], res.kandidaten.iterrows(), strict=True):
            props = feature["properties"]
            assert set(props) == {"popup", "tip", "label"}  # nothing the browser does not use
            assert f"Zoekgebied {rij['id']}" in props["popup"]
            assert f"{round(rij['oppervlakte_ha'])} ha" in props["popup"]
            assert rij["gemeenten_aandeel"] in props["popup"]
            lat, lon = props["label"][:2]
            assert 52.0 < lat < 52.6 and 6.2 < lon < 7.2
            assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_candidate_geometry_keeps_its_area(resultaat):
    import geopandas as gpd
    from shapely.geometry import shape

    data = kl.kandidaten_data(resultaat)
    vlakken = gpd.GeoSeries([shape(f["geometry"]) for f in data["features"]], crs=4326).to_crs(28992)
    # Simplifying only drops collinear vertices; rounding to 1e-6° moves a vertex by at most ~0,1 m.
    assert np.allclose(vlakken.area / 10_000, resultaat.kandidaten["oppervlakte_ha"], rtol=1e-3)


def test_popup_shows_dutch_numbers_and_schematic_roads(resultaat):
    rij = resultaat.kandidaten.iloc[0].copy()
    rij["score"] = 0.7865
    rij["afstand_station_m"] = 1384.4
    rij["nweg_schematisch"] = True
    popup = kl.kandidaat_popup(rij, 3)
    assert "0,79" in popup and "1,4 km" in popup and "van 3" in popup
    assert "schematisch tracé, bij benadering" in popup
    assert "geen beleid" in popup


def test_popup_and_tooltip_escape_every_value(resultaat):
    frame = resultaat.kandidaten.copy()
    for kolom in ("id", "gemeenten", "gemeenten_aandeel", *kl.NAAM_KOLOM.values()):
        frame[kolom] = XSS
    vals = dataclasses.replace(resultaat, kandidaten=frame)
    data = kl.kandidaten_data(vals)
    for feature in data["features"]:
        assert "<img" not in feature["properties"]["popup"] and XSS_ESCAPED in feature["properties"]["popup"]
        assert "<img" not in feature["properties"]["tip"] and XSS_ESCAPED in feature["properties"]["tip"]
    m = folium.Map(tiles=None)
    for groep in kl.resultaat_groepen(kl.score_afbeelding(vals), data):
        groep.add_to(m)
    assert "<img src=x" not in m.get_root().render()  # also the rank labels on the map


def test_no_candidates_gives_an_empty_layer_and_table(resultaat):
    leeg = bereken(standaard_parameters("grootschalig", resolutie_m=250, drempel=1.0))
    assert leeg.aantal == 0
    assert kl.kandidaten_data(leeg)["features"] == []
    assert kl.kandidaten_tabel(leeg).empty
    groepen = kl.resultaat_groepen(kl.score_afbeelding(leeg), kl.kandidaten_data(leeg))
    assert [g.layer_name for g in groepen] == [kl.LAAG_SCORE, kl.LAAG_KANDIDATEN]


# ---------- The score image ----------


def test_score_classes_follow_score_and_threshold(resultaat):
    klasse = kl.score_klassen(resultaat)
    score = resultaat.score
    assert (klasse[np.isnan(score)] == 0).all()  # excluded: transparent
    boven = resultaat.geschikt
    assert (klasse[boven] > kl.N_KLASSEN).all()
    onder = ~np.isnan(score) & ~boven
    assert ((klasse[onder] >= 1) & (klasse[onder] <= kl.N_KLASSEN)).all()
    # 0,6 lies in class 7 (0,6–0,7): palette entry 1 + 6 + 10 at or above the threshold
    cel = np.flatnonzero(boven & (score < 0.7))[0]
    assert klasse[cel] == 1 + 6 + kl.N_KLASSEN


def test_score_image_is_a_small_png_in_twente(resultaat):
    afbeelding = kl.score_afbeelding(resultaat)
    beeld = _png(afbeelding)
    assert beeld.mode == "P" and beeld.size == (afbeelding.breedte, afbeelding.hoogte)
    (lat0, lon0), (lat1, lon1) = afbeelding.bounds
    assert 52.0 < lat0 < 52.2 and 52.4 < lat1 < 52.6 and 6.2 < lon0 < 6.4 and 7.0 < lon1 < 7.2
    assert len(afbeelding.url) < 200_000


def test_score_image_puts_each_cell_where_it_belongs(resultaat):
    """Look up cell centres in the image the way Leaflet places it (linear in Web Mercator)."""
    afbeelding = kl.score_afbeelding(resultaat)
    pixels = np.asarray(_png(afbeelding))
    (lat0, lon0), (lat1, lon1) = afbeelding.bounds
    naar_merc = Transformer.from_crs(4326, 3857, always_xy=True)
    (mx0, mx1), (my0, my1) = naar_merc.transform([lon0, lon1], [lat0, lat1])
    klasse = kl.score_klassen(resultaat)
    r = resultaat.raster
    cellen = np.flatnonzero(klasse > 0)[:: max(1, int((klasse > 0).sum()) // 500)]
    rij, kol = np.divmod(cellen, r.nx)
    x = r.x0 + (kol + 0.5) * r.resolutie
    y = r.y0 + (rij + 0.5) * r.resolutie
    mx, my = Transformer.from_crs(28992, 3857, always_xy=True).transform(x, y)
    px = ((mx - mx0) / (mx1 - mx0) * afbeelding.breedte).astype(int)
    py = ((my1 - my) / (my1 - my0) * afbeelding.hoogte).astype(int)
    assert (pixels[py, px] == klasse[cellen]).mean() > 0.99


# ---------- Map and legend ----------


def test_legend_explains_classes_threshold_and_candidates():
    legenda = kl.legenda_html()
    assert kl.LAAG_SCORE in legenda and kl.LAAG_KANDIDATEN in legenda
    assert "boven de drempel" in legenda and "onder de drempel" in legenda and "uitgesloten" in legenda
    assert legenda.count("rgba(") == 2 * kl.N_KLASSEN
    assert "0,5" in legenda


def test_full_map_has_context_results_and_stays_small(resultaat):
    m = kl.zoekkaart(resultaat, labels.ACHTERGROND_OFFLINE, "Almelo")
    html = m.get_root().render()
    assert assets.remote_links(m) == []
    namen = {getattr(child, "layer_name", None) for child in m._children.values()}
    for laag in (
        labels.LAAG_GEMEENTEN,
        labels.LAAG_WEGEN,
        labels.LAAG_NATURA2000,
        labels.LAAG_NNN,
        labels.LAAG_BEBOUWING,
        labels.LAAG_GROOTSCHALIG,
        kl.LAAG_SCORE,
        kl.LAAG_KANDIDATEN,
    ):
        assert laag in namen, laag
    assert "boven de drempel" in html  # the legend
    assert '"pane": "zoekgebieden-score"' in html and "createPane" in html  # the image lies under the vectors
    for feature in kl.kandidaten_data(resultaat)["features"]:
        assert feature["properties"]["label"][2] in html
    assert len(html.encode()) < 1_000_000


def test_municipalities_are_outlines_without_fill():
    layer = kaart.gemeenten_grenzen_layer("Almelo")
    data = kaart._gemeenten_data(labels.INDICATOREN[0].sleutel)[0]
    stijlen = {f["properties"]["gemeente"]: layer.style_function(f) for f in data["features"]}
    assert all(s["fill"] is False for s in stijlen.values())
    assert stijlen["Almelo"]["color"] == labels.KLEUR_SELECTIE
    assert stijlen["Hengelo"]["color"] == labels.KLEUR_GEMEENTEGRENS


def test_base_map_script_does_not_depend_on_the_result():
    """The page swaps only the result groups; the map underneath keeps its view when it is unchanged."""
    from streamlit_folium import _get_map_string

    def script():
        m = kl.basiskaart(labels.ACHTERGROND_STANDAARD, None)
        m.get_root().render()
        return _get_map_string(m)

    assert script() == script()


# ---------- Tables ----------


def test_candidate_table_dutch_and_ranked(resultaat):
    tabel = kl.kandidaten_tabel(resultaat)
    assert list(tabel.columns[:5]) == [
        "Rang",
        "Zoekgebied",
        "Oppervlakte",
        "Geschiktheid (gemiddeld, 0–1)",
        "Verdeling over gemeenten",
    ]
    assert "Dichtstbijzijnde afrit" in tabel.columns and "Dichtstbijzijnd station" in tabel.columns
    assert list(tabel["Rang"]) == list(range(1, resultaat.aantal + 1))
    eerste = resultaat.kandidaten.iloc[0]
    assert tabel.iloc[0]["Oppervlakte"] == f"{round(eerste['oppervlakte_ha'])} ha"
    assert tabel.iloc[0]["Geschiktheid (gemiddeld, 0–1)"] == f"{eerste['score']:.2f}".replace(".", ",")
    assert all("." not in s for s in tabel["Geschiktheid (gemiddeld, 0–1)"])


def test_weights_table_shows_normalised_weights(resultaat):
    params = standaard_parameters("grootschalig", resolutie_m=250).met_gewichten(afrit=0.6)  # sum 1,3
    tabel = kl.gewichten_tabel(params)
    rij = tabel.set_index("Factor").loc["Afrit"]
    assert rij["Gewicht (ingesteld)"] == "60"
    assert rij["Gewicht (genormaliseerd)"] == "46,2%"  # 0,6 / 1,3
    assert rij["Volle score tot"] == "1 km" and rij["Geen score vanaf"] == "4 km"
    assert len(tabel) == len(FACTOREN)
    gebruikt = kl.gewichten_tabel(resultaat.parameters, resultaat)
    assert gebruikt.set_index("Factor").loc["Afrit", "Gewicht (genormaliseerd)"] == "30,0%"


def test_constraints_table_lists_each_constraint(resultaat):
    tabel = kl.beperkingen_tabel(resultaat)
    assert "Natura 2000" in set(tabel["Harde beperking"])
    assert all(s.endswith(" ha") for s in tabel["Uitgesloten in Twente"])


def test_sensitivity_table_formats_signs_and_flags():
    frame = pd.DataFrame(
        {
            "factor": ["basis", "afrit"],
            "factor_label": ["Uitgangspunt", "Afrit"],
            "wijziging": ["0%", "−20%"],
            "gewicht": [math.nan, 0.255],
            "kandidaten": [6, 5],
            "oppervlakte_ha": [1211.0, 1061.25],
            "verschil_ha": [0.0, -149.75],
            "geschikt_ha": [2140.0, 2105.0],
            "rangen": ["1→1", "1→2"],
            "gewijzigde_rangen": [0, 1],
            "beste_blijft_eerste": [True, False],
        }
    )
    tabel = kl.gevoeligheid_tabel(frame)
    assert list(tabel.iloc[1]) == ["Afrit", "−20%", "25,5%", 5, "1.061 ha", "−150 ha", "2.105 ha", "1→2", 1, "nee"]
    assert tabel.iloc[0]["Nieuw gewicht (genormaliseerd)"] == "–"
    assert tabel.iloc[0]["Verschil met uitgangspunt"] == "0 ha"


def test_geojson_export_and_map_data_agree(resultaat):
    from reb_maps.zoekgebieden import export

    bestand = export.geojson(resultaat)
    kaartdata = kl.kandidaten_data(resultaat)
    assert [f["properties"]["id"] for f in bestand["features"]] == [
        f["properties"]["label"][2] for f in kaartdata["features"]
    ]
    assert json.dumps(kaartdata)  # plain JSON, ready for folium


# ---------- What the page shows of one run ----------


def test_uitkomst_bundles_the_run_for_the_page(resultaat):
    from reb_maps.zoekgebieden import export

    params = resultaat.parameters
    u = kl.uitkomst(params)
    assert (u.aantal, u.kandidaten_ha, u.geschikt_ha, u.toegestaan_ha) == (
        resultaat.aantal, resultaat.kandidaten_ha, resultaat.geschikt_ha, resultaat.toegestaan_ha,
    )  # fmt: skip
    pd.testing.assert_frame_equal(u.tabel, kl.kandidaten_tabel(resultaat))
    assert "Snelwegen en hoofdwegen" in set(u.beperkingen["Harde beperking"])
    assert u.csv == export.kandidaten_tabel(resultaat).to_csv(index=False)
    assert json.loads(u.geojson) == json.loads(json.dumps(export.geojson(resultaat)))
    cijfers = kl.kerncijfers(u)
    assert [c.label for c in cijfers] == ["Kandidaten", "Oppervlakte kandidaten", "Boven de drempel", "Toegestaan"]
    assert cijfers[0].waarde == str(resultaat.aantal)
    assert cijfers[1].waarde == f"{fmt.getal(resultaat.kandidaten_ha, 0)} ha"
    assert all(c.bron == kl.BRON for c in cijfers)
    bestanden = kl.downloads(u, params.to_json())
    assert [b[0] for b in bestanden] == list(export.BESTANDEN)  # the same three files as the command line
    assert bestanden[2][1] == params.to_json()
