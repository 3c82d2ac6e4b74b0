"""The map render cache sends streamlit-folium's component exactly what st_folium would, and renders once."""

import threading
import time

import streamlit_folium

from reb_maps import labels
from reb_maps.weergave import kaart
from ui import kaart_cache

INPUTS = ("banen", labels.ACHTERGROND_OFFLINE, "Almelo")
RETURNED = ["last_active_drawing"]


def _capture(monkeypatch) -> list[dict]:
    calls: list[dict] = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: calls.append(kwargs) or kwargs["default"])
    return calls


def test_component_arguments_equal_st_folium(monkeypatch):
    calls = _capture(monkeypatch)
    kaart_cache.cache_clear()
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
    kaart_cache.cache_clear()
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
    kaart_cache.cache_clear()
    almelo = kaart_cache.rendered(kaart.dashboard_map, INPUTS, "kaart", tuple(RETURNED))
    twente = kaart_cache.rendered(kaart.dashboard_map, ("banen", labels.ACHTERGROND_OFFLINE, None), "kaart", None)
    assert almelo.component_key != twente.component_key
    assert almelo.defaults.keys() == {"last_active_drawing"}
    assert "gemeente" in almelo.script  # the click handler reads the municipality from the feature


def test_selection_travels_beside_the_map_as_st_folium_would_send_it(monkeypatch):
    calls = _capture(monkeypatch)
    twente = ("banen", labels.ACHTERGROND_OFFLINE, None)
    streamlit_folium.st_folium(kaart.dashboard_map(*twente), key="kaart", returned_objects=RETURNED,
                               feature_group_to_add=kaart.selectie_groep("Almelo"))  # fmt: skip
    for gemeente in ("Almelo", "Enschede", None):
        kaart_cache.st_folium_cached(kaart.dashboard_map, twente, key="kaart", returned_objects=RETURNED,
                                     group=(kaart.selectie_groep, (gemeente,)))  # fmt: skip
    original, almelo, enschede, geen = calls
    assert almelo["feature_group"] == original["feature_group"]  # the public API's own script for the group
    # One map for every choice: the same script and component key, so the browser keeps its frame.
    assert almelo["key"] == enschede["key"] == geen["key"] == original["key"]
    assert almelo["script"] == enschede["script"]
    assert "fitBounds" in enschede["feature_group"] and labels.KLEUR_SELECTIE in enschede["feature_group"]
    assert labels.KLEUR_SELECTIE not in geen["feature_group"]  # no choice: only the fit to Twente
    assert "[[52.06, 6.2], [52.54, 7.1]]" in geen["feature_group"]


def test_sessions_asking_at_once_wait_for_one_build():
    kaart_cache.cache_clear()
    builds: list[tuple] = []

    def builder(*inputs):
        builds.append(inputs)
        time.sleep(0.3)  # a slow build: the other sessions arrive meanwhile
        return kaart.dashboard_map(*inputs)

    twente = ("banen", labels.ACHTERGROND_OFFLINE, None)
    uit: list = []
    sessies = [threading.Thread(target=lambda: uit.append(kaart_cache.rendered(builder, twente, "kaart", None)))
               for _ in range(8)]  # fmt: skip
    for sessie in sessies:
        sessie.start()
    for sessie in sessies:
        sessie.join(60)
    assert builds == [twente]  # one build, not eight
    assert len(uit) == 8 and all(r is uit[0] for r in uit)


def test_the_loading_message_only_while_the_map_is_built(monkeypatch):
    """st.spinner starts a timer thread on every run: only a map that is not built yet gets one."""
    import contextlib

    _capture(monkeypatch)
    kaart_cache.cache_clear()
    spinners: list[str] = []
    monkeypatch.setattr(kaart_cache.st, "spinner", lambda tekst: spinners.append(tekst) or contextlib.nullcontext())
    for gemeente in ("Almelo", "Almelo", "Enschede"):
        kaart_cache.st_folium_cached(kaart.dashboard_map, ("banen", labels.ACHTERGROND_OFFLINE, gemeente), key="kaart",
                                     returned_objects=RETURNED, wacht_tekst="Kaart laden…")  # fmt: skip
    assert spinners == ["Kaart laden…", "Kaart laden…"]  # Almelo once, then Enschede's new map
