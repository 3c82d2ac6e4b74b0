"""The layer catalogue: one declaration per layer, read by the map, its legend, Bronnen and the search engine."""

import dataclasses

import numpy as np
import pytest

from reb_maps import bronnen, labels, lagen
from reb_maps.geodata import ANALYSE_DIR, GEO_DIR
from reb_maps.lagen import catalogus
from reb_maps.weergave import kaart
from reb_maps.zoekgebieden import grid
from reb_maps.zoekgebieden.profielen import FACTOREN, MASKERS


def test_every_layer_has_its_files_and_source():
    for laag in lagen.alle():
        bestanden = () if laag.uit_werkruimte else (laag.bestand, *laag.extra_bestanden)  # from the database
        for naam in bestanden:
            assert (GEO_DIR / f"{naam}.geojson").exists(), naam
            if laag.masker or laag.factor:  # the engine reads the EPSG:28992 copy
                assert (ANALYSE_DIR / f"{naam}.geojson").exists(), naam
        assert lagen.herkomst(laag).get("bron"), laag.sleutel
        assert laag.thema in lagen.THEMAS


def test_keys_are_unique_and_areas_are_drawn_below_lines():
    sleutels = [laag.sleutel for laag in lagen.alle()]
    assert len(sleutels) == len(set(sleutels))
    # the workspace's saved locations are the meeting's own working material: drawn on top of everything
    order = [laag.geometrie for laag in lagen.kaartlagen() if not laag.uit_werkruimte]
    assert lagen.kaartlagen()[0].sleutel == "gemeenten"  # lowest: everything else stays visible and clickable
    vlakken = [i for i, g in enumerate(order) if g == lagen.VLAK]
    lijnen = [i for i, g in enumerate(order) if g == lagen.LIJN]
    assert max(vlakken) < min(lijnen)


def test_engine_masks_and_factors_each_have_one_layer():
    for masker in ("natura2000", "nnn", "water", "wegen", "bedrijventerrein", "stikstofzone", "bebouwing"):
        assert masker in MASKERS
        assert lagen.met_masker(masker).masker == masker
    for factor in FACTOREN:
        assert lagen.met_factor(factor).factor == factor


EXTRA = lagen.Laag(
    "testlaag", "Testlaag uit de catalogus", lagen.THEMAS[2], "stations", lagen.PUNT,
    lagen.Stijl("#123456", straal=3), volgorde=33, tip_veld="naam",
)  # fmt: skip


@pytest.fixture
def extra_catalogus(monkeypatch):
    monkeypatch.setattr(catalogus, "CATALOGUS", (*catalogus.CATALOGUS, EXTRA))
    yield
    kaart.laag_data.cache_clear()


def test_a_layer_added_to_the_catalogue_alone_appears_on_map_legend_and_bronnen(extra_catalogus):
    m = kaart.dashboard_map("banen", labels.ACHTERGROND_OFFLINE, None)
    html = m.get_root().render()
    assert EXTRA.label in html  # in the grouped layer control
    names = {getattr(child, "layer_name", None) for child in m._children.values()}
    assert EXTRA.label in names
    assert list((kaart.assets.STATIC_DIR / "geo").glob("testlaag-*.geojson"))  # its file, named by its content
    assert EXTRA.label in kaart.dashboard_legend()
    assert EXTRA.label in set(bronnen.lagen_overzicht()["Laag"])


def test_the_search_engine_reads_its_masks_from_the_catalogue(monkeypatch):
    """Point the Natura 2000 mask at the NNN file in the catalogue: the engine follows."""
    natura = lagen.met_masker("natura2000")
    nnn_file = lagen.met_masker("nnn").bestand
    swapped = tuple(
        dataclasses.replace(laag, bestand=nnn_file) if laag is natura else laag for laag in catalogus.CATALOGUS
    )
    grid.wis_cache()
    original = grid.masker("natura2000", 250).copy()
    monkeypatch.setattr(catalogus, "CATALOGUS", swapped)
    grid.wis_cache()
    try:
        assert np.array_equal(grid.masker("natura2000", 250), grid.masker("nnn", 250))
        assert not np.array_equal(original, grid.masker("natura2000", 250))
    finally:
        monkeypatch.undo()
        grid.wis_cache()


def test_layer_control_is_grouped_by_theme():
    html = kaart.dashboard_map("banen", labels.ACHTERGROND_OFFLINE, None).get_root().render()
    assert "L.control.groupedLayers" in html
    # the workspace's theme appears only once something was saved (tests/test_werkruimte_documenten.py)
    themas = [thema for thema in lagen.op_thema() if thema != lagen.model.THEMA_WERKRUIMTE]
    plaatsen = [html.index(f'"{thema}" :') for thema in themas]
    assert plaatsen == sorted(plaatsen)  # in the catalogue's theme order, not in drawing order


def test_map_names_all_14_municipalities_and_the_large_parks():
    html = kaart.dashboard_map("banen", labels.ACHTERGROND_OFFLINE, None).get_root().render()
    assert html.count("kaartnaam kaartnaam-gemeenten") == 14
    for naam in ("Almelo", "Hof van Twente", "Rijssen-Holten", "Twenterand"):
        assert f"\\u003e{naam}\\u003c/div" in html  # the DivIcon's HTML, escaped inside the map script
    assert html.count("kaartnaam kaartnaam-grootschalig") >= 5
    assert "vanaf-z11" in html  # park names only from a closer zoom


def test_choropleth_legend_has_round_limits_and_names_its_method():
    _data, legend = kaart._gemeenten_data("banen")
    assert "10.000 – 15.000 banen" in legend and "50.000 banen of meer" in legend
    assert "29.925" not in legend and "natuurlijke grenzen" in legend
    assert "geen opgave" in legend


def test_attribution_lists_each_source_once():
    tekst = lagen.attributie()
    assert tekst.count("OpenStreetMap") == 1 and "CBS/Kadaster" in tekst


def test_layers_stack_by_the_catalogue_not_by_arrival():
    """Layer files arrive in any order: each layer has a pane stacked by its `volgorde`, below a page's own results."""
    html = kaart.dashboard_map("banen", labels.ACHTERGROND_OFFLINE, None).get_root().render()
    for laag in lagen.kaartlagen():  # (the workspace's pane too: it is declared even while nothing is saved)
        assert f'createPane(\n                "{kaart.pane(laag.sleutel)}");' in html
        assert f".style.zIndex = {kaart.PANE_BASIS + laag.volgorde};" in html
        assert kaart.PANE_BASIS + laag.volgorde < 400  # Leaflet's overlay pane: drawings, candidates, own files
    assert f'"pane": "{kaart.pane("gemeenten")}"' in html and f'"pane": "{kaart.pane("stations")}"' in html
