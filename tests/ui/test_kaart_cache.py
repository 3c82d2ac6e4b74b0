"""The map render cache sends streamlit-folium's component exactly what st_folium would, and renders once."""

import streamlit_folium

from reb_maps import kaart, labels
from ui import kaart_cache

INPUTS = ("banen", labels.ACHTERGROND_OFFLINE, "Almelo")
RETURNED = ["last_active_drawing"]


def _capture(monkeypatch) -> list[dict]:
    calls: list[dict] = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: calls.append(kwargs) or kwargs["default"])
    return calls


def test_component_arguments_equal_st_folium(monkeypatch):
    calls = _capture(monkeypatch)
    kaart_cache.rendered.cache_clear()
    streamlit_folium.st_folium(
        kaart.dashboard_map(*INPUTS), key="kaart", height=660, use_container_width=True, returned_objects=RETURNED
    )
    kaart_cache.st_folium_cached(kaart.dashboard_map, INPUTS, key="kaart", height=660, returned_objects=RETURNED)
    original, cached = calls
    for name in ("on_change", "returned_objects"):
        original.pop(name), cached.pop(name)
    # Same script hash = same component state in the browser: a layer toggled on stays on across reruns.
    assert cached["key"] == original["key"]
    assert cached == original


def test_map_is_built_once_per_input_tuple(monkeypatch):
    _capture(monkeypatch)
    kaart_cache.rendered.cache_clear()
    builds: list[tuple] = []

    def builder(*inputs):
        builds.append(inputs)
        return kaart.dashboard_map(*inputs)

    first = kaart_cache.st_folium_cached(builder, INPUTS, key="kaart", returned_objects=RETURNED)
    first["last_active_drawing"] = {"properties": {"gemeente": "Almelo"}}  # a session changing its copy
    second = kaart_cache.st_folium_cached(builder, INPUTS, key="kaart", returned_objects=RETURNED)
    kaart_cache.st_folium_cached(builder, ("banen", labels.ACHTERGROND_OFFLINE, "Enschede"), key="kaart")
    assert builds == [INPUTS, ("banen", labels.ACHTERGROND_OFFLINE, "Enschede")]
    assert second == {"last_active_drawing": None}  # defaults are copied per call, not shared


def test_selection_changes_the_rendered_map():
    kaart_cache.rendered.cache_clear()
    almelo = kaart_cache.rendered(kaart.dashboard_map, INPUTS, "kaart", tuple(RETURNED))
    twente = kaart_cache.rendered(kaart.dashboard_map, ("banen", labels.ACHTERGROND_OFFLINE, None), "kaart", None)
    assert almelo.component_key != twente.component_key
    assert almelo.defaults.keys() == {"last_active_drawing"}
    assert "gemeente" in almelo.script  # the click handler reads the municipality from the feature
