"""Render a folium map for streamlit-folium once per input tuple, then reuse it on every rerun and session.

`st_folium` renders the whole map to Leaflet JavaScript on every rerun (Jinja templates compiled per layer):
~0,35 s of server work for the dashboard map, serialised across all sessions of a process. The rendered form
depends only on the builder's inputs (indicator, selection, basemap, …), so `render` keeps what
streamlit-folium sends to its component per (builder, inputs, key) and `st_folium_cached` sends exactly that.

The component and its arguments are streamlit-folium's own (same iframe, same state hash), so clicks
(`last_active_drawing` → on_change) and layer toggles (client-side in Leaflet; the script and thus the
component's key stay the same, so the map is not remounted) behave as with `st_folium`.
`tests/ui/test_kaart_cache.py` checks the arguments against what `st_folium` itself passes. streamlit-folium's
private helpers are reached only through `ui/folium_shim.py`, which checks the installed version; with an
unverified one the map goes through the public `st_folium` instead (slower, still correct).
"""

from __future__ import annotations

import copy
import functools
import threading
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

import branca.colormap
import folium
import folium.elements
import streamlit as st
import streamlit_folium

from reb_maps.weergave import assets
from ui import folium_shim

CACHE_SIZE = 128  # ~50 kB each: 5 indicators × 15 selections covers one basemap; LRU for the rest


@dataclass(frozen=True)
class RenderedMap:
    """streamlit-folium's component arguments that depend on the map (everything but layout and callbacks)."""

    script: str
    header: str
    html: str
    map_id: str
    component_key: str  # streamlit-folium's hash of the script and key: the same map keeps its browser state
    defaults: dict
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]


def _assets(folium_map: folium.Map) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """CSS and JS links of every element, in st_folium's order (colormaps bring d3 first)."""
    css: list[str] = []
    js: list[str] = []
    for element in assets.elementen(folium_map):
        if isinstance(element, branca.colormap.ColorMap):
            js.insert(0, "https://cdnjs.cloudflare.com/ajax/libs/d3/3.5.5/d3.min.js")
            js.insert(0, "https://d3js.org/d3.v4.min.js")
        if isinstance(element, branca.colormap.ColorMap | folium.elements.JSCSSMixin):
            css.extend(href for _, href in getattr(element, "default_css", []))
            js.extend(src for _, src in getattr(element, "default_js", []))
    return tuple(dict.fromkeys(css)), tuple(dict.fromkeys(js))


def render_map(folium_map: folium.Map, key: str | None, returned_objects: Iterable[str] | None) -> RenderedMap:
    """What st_folium computes from a map, using streamlit-folium's own helpers (no Streamlit calls)."""
    folium_map.get_root().render()
    folium_map.render()
    html = folium_shim.html(folium_map)
    header = folium_shim.header(folium_map)
    css, js = _assets(folium_map)  # before _get_map_string, which renames the elements
    script = folium_shim.map_string(folium_map)
    try:
        (south, west), (north, east) = folium_map.get_bounds()
    except AttributeError:
        south = west = north = east = None
    defaults = {
        "last_clicked": None,
        "last_object_clicked": None,
        "last_object_clicked_count": None,
        "last_object_clicked_tooltip": None,
        "last_object_clicked_popup": None,
        "all_drawings": None,
        "last_active_drawing": None,
        "bounds": {"_southWest": {"lat": south, "lng": west}, "_northEast": {"lat": north, "lng": east}},
        "zoom": folium_map.options.get("zoom"),
        "last_circle_radius": None,
        "last_circle_polygon": None,
        "selected_layers": None,
        "selected_tags": None,
        "last_geocoder_result": None,
    }
    for element in assets.elementen(folium_map):  # an element that knows what the map reports at its first draw says so
        if callable(getattr(element, "eerste_waarde", None)):
            defaults.update(element.eerste_waarde())
    wanted = None if returned_objects is None else set(returned_objects)
    return RenderedMap(
        script=script,
        header=header,
        html=html,
        map_id=folium_shim.volledig_id(folium_map),
        component_key=folium_shim.js_hash(script, key),
        defaults={k: v for k, v in defaults.items() if wanted is None or k in wanted},
        css_links=css,
        js_links=js,
    )


@functools.lru_cache(maxsize=CACHE_SIZE)
def _rendered(
    builder: Callable[..., folium.Map], inputs: tuple[Hashable, ...], key: str, returned: tuple[str, ...] | None
) -> RenderedMap:
    return render_map(builder(*inputs), key, returned)


_bouwsloten: dict[tuple, threading.Lock] = {}
_bouwsloten_lock = threading.Lock()


def rendered(
    builder: Callable[..., folium.Map], inputs: tuple[Hashable, ...], key: str, returned: tuple[str, ...] | None
) -> RenderedMap:
    """The rendered map for these inputs; built and rendered only the first time in this process.

    One build per input tuple even when many sessions ask at once (a meeting opening the dashboard together):
    lru_cache alone lets every concurrent miss build the same map, twenty builds fighting for one GIL. The
    others wait for the first build and then read it from the cache; other maps are not held up."""
    sleutel = (builder, inputs, key, returned)
    with _bouwsloten_lock:
        slot = _bouwsloten.setdefault(sleutel, threading.Lock())
    with slot:
        kaart = _rendered(builder, inputs, key, returned)
    with _bouwsloten_lock:  # built and cached: a later caller needs no lock of its own (the dict stays small)
        if _bouwsloten.get(sleutel) is slot:
            del _bouwsloten[sleutel]
    return kaart


def cache_clear() -> None:
    """Forget every rendered map and group (tests start from an empty cache)."""
    _rendered.cache_clear()
    rendered_group.cache_clear()
    _klaar.clear()


# Input tuples rendered in this process, newest last (as far as the LRU above keeps them): their map needs no
# "loading" message. st.spinner starts a timer thread on every run, a tenth of a warm Kaart run's server time.
_klaar: dict[tuple, None] = {}


def _onthoud_klaar(sleutel: tuple) -> None:
    _klaar[sleutel] = None
    while len(_klaar) > CACHE_SIZE:
        del _klaar[next(iter(_klaar))]


@functools.lru_cache(maxsize=CACHE_SIZE)
def rendered_group(builder: Callable[..., folium.FeatureGroup], inputs: tuple[Hashable, ...]) -> str:
    """streamlit-folium's script for a feature group added to a map that is already shown (`feature_group_to_add`).

    The group's script names the map as `map_div`, whatever map it is rendered against, so a throw-away map
    serves; it is rendered once per input tuple."""
    return folium_shim.groep_string(builder(*inputs), folium.Map(tiles=None))


def st_folium_cached(
    builder: Callable[..., folium.Map],
    inputs: tuple[Hashable, ...],
    *,
    key: str,
    height: int = 700,
    returned_objects: Iterable[str] | None = None,
    on_change: Callable[[], None] | None = None,
    group: tuple[Callable[..., folium.FeatureGroup], tuple[Hashable, ...]] | None = None,
    wacht_tekst: str | None = None,
) -> dict:
    """Like `st_folium(builder(*inputs), key=…, use_container_width=True, feature_group_to_add=…, …)`, without
    re-rendering the map.

    `builder` must be a pure function of `inputs` (hashable values): its map is cached per input tuple.
    `group` = (group builder, its inputs): a feature group sent beside the map. When only the group changes, the
    browser swaps that group in the map it shows (no new frame, the user's layers and view stay).
    `wacht_tekst`: a spinner's text while the map is built, shown only when it is not built yet.
    """
    returned = None if returned_objects is None else tuple(returned_objects)
    if not folium_shim.bruikbaar():  # an unverified streamlit-folium: its public API, rendered on every run
        return streamlit_folium.st_folium(
            builder(*inputs), key=key, height=height, use_container_width=True, returned_objects=returned,
            on_change=on_change, feature_group_to_add=None if group is None else group[0](*group[1]),
        )  # fmt: skip
    sleutel = (builder, tuple(inputs), key, returned)
    if wacht_tekst is None or sleutel in _klaar:
        view = rendered(*sleutel)
    else:  # the first time in this process: building takes seconds, say so
        with st.spinner(wacht_tekst):
            view = rendered(*sleutel)
    _onthoud_klaar(sleutel)
    group_script = None if group is None else rendered_group(group[0], tuple(group[1]))

    def _on_change() -> None:  # as st_folium: the page reads the map's value under its own key
        st.session_state[key] = st.session_state.get(view.component_key, {})
        if on_change is not None:
            on_change()

    return folium_shim.component(
        script=view.script,
        header=view.header,
        html=view.html,
        id=view.map_id,
        key=view.component_key,
        height=height,
        width=None,
        returned_objects=returned,
        default=copy.deepcopy(view.defaults),  # the cached value is shared by every session
        zoom=None,
        center=None,
        feature_group=group_script,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        css_links=list(view.css_links),
        js_links=list(view.js_links),
        on_change=_on_change,
        wrap_longitude=False,
    )
