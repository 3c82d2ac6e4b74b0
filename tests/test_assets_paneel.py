"""Local assets and the side panel's content (selection parsing: tests/ui/test_state.py)."""

import ast
from pathlib import Path

import folium

from reb_maps import labels, paneel
from reb_maps.weergave import assets


def test_basemap_lookup_by_name_or_url_key():
    assert labels.achtergrond("geen").tiles is None
    assert labels.achtergrond(labels.ACHTERGROND_OFFLINE).sleutel == "geen"
    assert labels.achtergrond("onzin").naam == labels.ACHTERGROND_STANDAARD


def test_localize_points_folium_at_local_copies(tmp_path):
    target = assets.ensure_static(tmp_path / "static")
    assert (target / "leaflet" / "leaflet.js").exists()
    assert (target / "leaflet" / "images" / "layers.png").exists()  # referenced by leaflet.css
    assert (target / "jquery" / "jquery.min.js").exists()
    m = folium.Map(tiles=None)
    folium.LayerControl().add_to(m)
    assert assets.remote_links(m)  # folium's defaults point at CDNs
    assets.localize(m)
    assert assets.remote_links(m) == []
    html = m.get_root().render()
    assert assets.LEAFLET_JS in html and assets.JQUERY_JS in html
    assert "bootstrap" not in html


def test_panel_lists_parks_largest_first():
    almelo = paneel.locaties_van("Almelo")
    names = list(almelo["naam"])
    assert "XL Businesspark 2" in names
    sized = almelo[almelo["netto_ha"].notna()]
    assert list(sized["netto_ha"]) == sorted(sized["netto_ha"], reverse=True)
    assert paneel.profiel("Almelo")["profiel"]


def test_panel_list_lines_give_kind_status_and_net_hectares():
    """The Kaart panel's list (cached per municipality): one line per location, in the order above."""
    almelo = paneel.locaties_van("Almelo")
    regels = paneel.locaties_regels("Almelo")
    assert [naam for naam, _ in regels] == list(almelo["naam"])
    eerste = almelo.iloc[0]
    ha = f"{eerste['netto_ha']:.0f} ha"
    assert regels[0] == (eerste["naam"], f"{eerste['type']} · {eerste['status']} · {ha}")
    assert paneel.locaties_regels("Losser") == ()  # the report names no location there: no list


def test_every_label_is_defined_once():
    """labels.py is shared by many pages: a second definition would silently change another page's text."""
    tree = ast.parse(Path(labels.__file__).read_text(encoding="utf-8"))
    names = [
        t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets if isinstance(t, ast.Name)
    ]
    assert sorted({n for n in names if names.count(n) > 1}) == []
