"""The Kaart view in the link: indicator and the layers switched on or off (issue 12, share the whole view)."""

import folium

from reb_maps import labels
from reb_maps.weergave import kaart
from ui import state


def test_link_reads_indicator_and_layers():
    link = state.lees_link({"indicator": ["hard_aanbod"], "lagen": ["natura2000,nnn"], "zonder": ["wegen"]})
    assert link.indicator == "hard_aanbod" and not link.meldingen
    assert "natura2000" in link.lagen and "nnn" in link.lagen and "wegen" not in link.lagen
    assert "gemeenten" in link.lagen  # defaults stay on


def test_link_without_layers_keeps_the_catalogue_defaults():
    assert state.lees_link({}).lagen is None
    assert state.lees_link({}).indicator == labels.INDICATOREN[0].sleutel


def test_unknown_indicator_and_layers_are_named_and_skipped():
    link = state.lees_link({"indicator": ["<b>x</b>"], "lagen": ["nnn,atlantis"]})
    assert link.indicator == labels.INDICATOREN[0].sleutel
    waarden = [m.waarde_kort for m in link.meldingen]
    assert "indicator=<b>x</b>" in waarden and "lagen=atlantis" in waarden
    assert "nnn" in link.lagen


def test_layer_params_round_trip_and_only_differences():
    aan = state.lees_link({"lagen": ["nnn"], "zonder": ["spoor"]}).lagen
    assert state.lagen_params(aan) == ("nnn", "spoor")
    standaard = state.lees_link({"lagen": [""], "zonder": [","]}).lagen
    assert state.lagen_params(standaard) == (None, None)
    assert state.lagen_params(None) == (None, None)


def test_map_builds_with_the_layers_of_the_link():
    m = kaart.dashboard_map("banen", labels.ACHTERGROND_OFFLINE, None, ("gemeenten", "nnn"))
    kinderen = {getattr(c, "layer_name", None): c for c in m._children.values()}
    assert kinderen[labels.LAAG_NNN].show is True  # hidden by default, on by the link
    assert kinderen[labels.LAAG_WEGEN].show is False  # shown by default, off by the link
    html = m.get_root().render()
    assert "overlayadd overlayremove" in html and kaart.LAGEN_MELDING in html


def test_map_reports_only_known_layers_and_only_with_its_marker():
    def rapport(*namen):
        return {"selected_layers": [{"name": n, "url": ""} for n in namen]}

    assert kaart.gemelde_lagen(rapport("nnn")) is None  # not our report: no information
    assert kaart.gemelde_lagen({}) is None and kaart.gemelde_lagen({"selected_layers": None}) is None
    assert kaart.gemelde_lagen(rapport(kaart.LAGEN_MELDING, "nnn", "<script>")) == ("nnn",)
    assert kaart.gemelde_lagen(rapport(kaart.LAGEN_MELDING)) == ()  # everything switched off


def test_lazy_layer_switched_on_by_link_loads_at_once():
    layer = kaart.catalogus_laag("natura2000", True)
    m = folium.Map(tiles=None)
    layer.add_to(m)
    assert f"{layer.get_name()}.addTo(" in m.get_root().render()
