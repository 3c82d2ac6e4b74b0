"""The one place that uses streamlit-folium's private functions, and the check that they are still what we know.

`ui/kaart_cache.py` renders a map once per process and sends streamlit-folium's own component exactly what
`st_folium` would send (same frame, same state hash). streamlit-folium has no public API for "render once, send
many times", so this module calls its private helpers (`_get_html`, `_get_header`, `_get_map_string`,
`_get_feature_group_string`, `_component_func`). An upgrade may change them without notice; therefore:

- `GETEST` names the versions these helpers were verified against (`tests/ui/test_kaart_cache.py` compares the
  component arguments with what the public `st_folium` sends), and a test fails when requirements.txt pins
  another version, so an upgrade cannot pass unnoticed;
- `bruikbaar()` is False when the installed version is not a verified one or a helper is missing or has another
  signature; the cache then falls back to the public `st_folium` (slower: the map is rendered on every run, but
  correct) and says so once in the log.

docs/streamlit-folium-hook.md describes the small public hook that would make this module unnecessary.
"""

from __future__ import annotations

import functools
import importlib.metadata
import inspect
import logging

import streamlit_folium

LOG = logging.getLogger(__name__)

GETEST = ("0.27.4",)  # streamlit-folium versions whose private helpers this module was verified against
# Each private helper with the parameters we pass it (by name or position).
HULPEN = {
    "_get_html": ("fig",),
    "_get_header": ("fig",),
    "_get_map_string": ("fig",),
    "_get_feature_group_string": ("feature_group_to_add", "map", "idx"),
    "get_full_id": ("m",),
    "generate_js_hash": ("js_string", "key", "return_on_hover"),
}


def versie() -> str:
    return importlib.metadata.version("streamlit-folium")


def afwijkingen() -> list[str]:
    """What does not match the verified streamlit-folium (empty: the private helpers can be used)."""
    uit = []
    if versie() not in GETEST:
        uit.append(f"versie {versie()} is niet getest (getest: {', '.join(GETEST)})")
    for naam, parameters in HULPEN.items():
        functie = getattr(streamlit_folium, naam, None)
        if not callable(functie):
            uit.append(f"{naam} ontbreekt")
            continue
        try:
            gevonden = tuple(inspect.signature(functie).parameters)
        except (TypeError, ValueError):
            continue  # a builtin without a signature: the version check above stands
        if gevonden[: len(parameters)] != parameters:
            uit.append(f"{naam} heeft andere parameters: {gevonden}")
    if not callable(getattr(streamlit_folium, "_component_func", None)):
        uit.append("_component_func ontbreekt")
    return uit


@functools.cache
def bruikbaar() -> bool:
    """True when the private helpers are the verified ones; else False, with one warning in the log."""
    problemen = afwijkingen()
    if problemen:
        LOG.warning(
            "streamlit-folium: de kaartcache valt terug op st_folium (elke run opnieuw renderen): %s",
            "; ".join(problemen),
        )
    return not problemen


def html(kaart) -> str:
    return streamlit_folium._get_html(kaart)


def header(kaart) -> str:
    return streamlit_folium._get_header(kaart)


def map_string(kaart) -> str:
    return streamlit_folium._get_map_string(kaart)


def groep_string(groep, kaart) -> str:
    return streamlit_folium._get_feature_group_string(groep, map=kaart, idx=0)


def volledig_id(kaart) -> str:
    return streamlit_folium.get_full_id(kaart)


def js_hash(script: str, key: str | None) -> str:
    return streamlit_folium.generate_js_hash(script, key, False)


def component(**argumenten):
    """streamlit-folium's component, with the arguments `st_folium` passes it (tests/ui/test_kaart_cache.py)."""
    return streamlit_folium._component_func(**argumenten)
