"""Own layers on the Kaart page's map: under their own theme, embedded (never published), IBIS replacing the
approximate parks."""

import folium

from reb_maps import labels
from reb_maps.weergave import assets, kaart
from tests import fixtures_eigen_data as fx
from ui import eigen_data


def _sessie_met_ibis(tmp_path) -> dict:
    lagen: dict = {}
    pad = fx.schrijf_gpkg(fx.ibis_parken(), tmp_path / "ibis.gpkg", "terreinen")
    sleutel, fout, _ = eigen_data.lees_veilig(lagen, pad.read_bytes(), "ibis <b>.gpkg")
    assert fout is None, fout
    assert eigen_data.ibis_lagen(lagen) == [sleutel]
    return lagen


def _namen(m: folium.Map) -> set:
    return {getattr(c, "layer_name", None) for c in m._children.values()}


def test_ibis_parks_replace_the_approximate_layer_and_get_their_own_theme(tmp_path):
    lagen = _sessie_met_ibis(tmp_path)
    voor = set((assets.STATIC_DIR / "geo").glob("*.geojson"))
    m = kaart.dashboard_map(
        "banen", labels.ACHTERGROND_OFFLINE, None,
        eigen=eigen_data.kaart_lagen(lagen), verberg=frozenset({"bedrijventerreinen"}),
    )  # fmt: skip
    html = m.get_root().render()
    assert labels.LAAG_BEDRIJVENTERREINEN not in _namen(m)
    assert labels.LAAG_BEDRIJVENTERREINEN not in kaart.dashboard_legend(frozenset({"bedrijventerreinen"}))
    assert labels.LAAG_GROOTSCHALIG in _namen(m)  # the rest of the catalogue stays
    assert kaart.THEMA_EIGEN in html and "ibis &lt;b&gt;.gpkg" in html  # the file name as text
    assert "Synthetisch terrein" in html  # the features travel inside the map …
    assert set((assets.STATIC_DIR / "geo").glob("*.geojson")) == voor  # … and are never published as files


def test_without_replacing_both_park_layers_show(tmp_path):
    lagen = _sessie_met_ibis(tmp_path)
    m = kaart.dashboard_map("banen", labels.ACHTERGROND_OFFLINE, None, eigen=eigen_data.kaart_lagen(lagen))
    assert labels.LAAG_BEDRIJVENTERREINEN in _namen(m)
