"""Toets, Vergelijk and the shared link on the page Zoekgebieden, in AppTest (a fresh session per link)."""

from pathlib import Path

import geopandas as gpd
import pytest
from streamlit.testing.v1 import AppTest

from reb_maps import fmt, labels
from reb_maps.zoekgebieden import grid, standaard_parameters
from reb_maps.zoekgebieden.gebied import Gebied
from reb_maps.zoekgebieden.toets import OVERLAP_LABELS, toets
from ui.eigen_data import ZOEKGEBIEDEN_PARKEN_KEY
from ui.zoekgebieden import toetsen

pytestmark = pytest.mark.slow

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE = "app_pages/zoekgebieden.py"
LINK = {"p": "g", "r": "250", "dr": "55", "v": "c24500.47800.200", "t": "T1", "vg": "G01.T1"}


def open_link(query: dict) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(PAGE)
    return at.run()


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.fixture(scope="module")
def gedeeld() -> AppTest:
    return open_link(LINK)


def test_a_link_opens_the_same_settings_card_and_comparison(gedeeld):
    at = gedeeld
    assert not at.exception and labels.FOUTMELDING not in [e.value for e in at.error]
    assert at.select_slider(key="zg_drempel").value == 0.55
    params = standaard_parameters("grootschalig", resolutie_m=250, drempel=0.55)
    verwacht = toets(Gebied(cirkel=(245_000, 478_000, 200)).geometrie(), params, "T1")
    m = metrics(at)
    assert m["Oppervlakte"] == fmt.met_eenheid(verwacht.oppervlakte_ha, "ha", 1)
    assert m["Geschiktheid gemiddeld"] == fmt.getal(verwacht.score_gemiddeld, 2)
    assert m["Geschiktheid minimum"] == fmt.getal(verwacht.score_minimum, 2)
    vergelijking = [t.value for t in at.table if t.value.index.name == "Maat" and len(t.value.columns) == 2]
    assert vergelijking and list(vergelijking[0].columns) == ["Zoekgebied G01", "Getekend gebied 1"]
    principes = next(t.value for t in at.table if t.value.index.name == "Principe")
    assert set(principes["Voldaan"]) <= {"✓ voldoet", "✗ voldoet niet"}  # sign and word, never a sign alone
    assert not [t.value for t in at.text if "Genegeerd" in t.value]
    for key, value in LINK.items():  # the link in the address bar still describes the view
        assert at.query_params[key] == [value] or at.query_params[key] == value


def test_the_same_link_gives_the_same_numbers_again(gedeeld):
    again = open_link(LINK)
    assert metrics(again) == metrics(gedeeld)


def test_a_tampered_link_names_the_ignored_value_as_plain_text():
    at = open_link({**LINK, "w": "**vet**" + "9" * 80, "t": "T7"})
    assert not at.exception
    assert any("Een deel van de link" in w.value for w in at.warning)
    teksten = [t.value for t in at.text]
    assert any("gewichten '**vet**" in t and "…" in t for t in teksten), teksten
    assert any("'T7'" in t for t in teksten), teksten
    assert at.select_slider(key="zg_drempel").value == 0.55  # the rest of the link still applies
    assert metrics(at)["Kandidaten"]


def test_the_card_and_the_comparison_use_the_parks_from_eigen_data():
    """The page hands the session's own parks to the run, the card and the comparison as an argument."""
    gebied = Gebied(cirkel=(236_000, 485_000, 200))
    park = gpd.GeoDataFrame(
        {"naam": ["Synthetisch terrein"]}, geometry=[gebied.geometrie().buffer(-300)], crs="EPSG:28992"
    )
    query = {"p": "g", "r": "250", "v": "c23600.48500.200", "t": "T1", "vg": "G01.T1"}
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.session_state[ZOEKGEBIEDEN_PARKEN_KEY] = park
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    assert any("eigen IBIS-bestand" in i.value for i in at.info)
    params = standaard_parameters("grootschalig", resolutie_m=250)
    met = toets(gebied.geometrie(), params, "T1", grid.EigenParken.van(park))
    rij = f"Overlap {OVERLAP_LABELS['bedrijventerrein']}"
    kaart = next(t.value for t in at.table if t.value.index.name == "Maat" and rij in t.value.index)
    assert kaart.loc[rij, "Waarde"] == toetsen.maten(met)[rij] and not kaart.loc[rij, "Waarde"].startswith("0 ")
    vergelijking = next(t.value for t in at.table if t.value.index.name == "Maat" and len(t.value.columns) == 2)
    assert vergelijking.loc[rij, "Getekend gebied 1"] == toetsen.maten(met)[rij]
    assert metrics(at)["Geschiktheid gemiddeld"] == fmt.getal(met.score_gemiddeld, 2)
