"""streamlit-folium's private helpers are used in one place, checked against the version they were verified with;
with another version the map falls back to the public st_folium."""

import logging
import re
from pathlib import Path

import folium
import streamlit_folium

from reb_maps import labels
from reb_maps.weergave import kaart
from ui import folium_shim, kaart_cache

ROOT = Path(__file__).resolve().parents[2]
INPUTS = ("banen", labels.ACHTERGROND_OFFLINE, None)


def test_the_pinned_version_is_the_verified_one():
    pin = re.search(r"^streamlit-folium==(\S+)$", (ROOT / "requirements.txt").read_text(), re.M)
    assert pin, "requirements.txt pins streamlit-folium"
    # An upgrade must be verified again (tests/ui/test_kaart_cache.py) before it joins GETEST.
    assert pin.group(1) in folium_shim.GETEST
    assert folium_shim.versie() == pin.group(1)
    assert folium_shim.afwijkingen() == []


def test_only_the_shim_touches_private_names():
    private = re.compile(r"streamlit_folium\.(_\w+|get_full_id|generate_js_hash)")
    users = sorted(
        str(p.relative_to(ROOT))
        for folder in ("reb_maps", "ui", "app_pages")
        for p in (ROOT / folder).rglob("*.py")
        if private.search(p.read_text(encoding="utf-8"))
    )
    assert users == ["ui/folium_shim.py"]


def test_an_unknown_version_or_a_missing_helper_is_named(monkeypatch):
    monkeypatch.setattr(folium_shim, "versie", lambda: "9.9.9")
    monkeypatch.delattr(streamlit_folium, "_get_map_string")
    problemen = folium_shim.afwijkingen()
    assert any("9.9.9" in p for p in problemen)
    assert any("_get_map_string ontbreekt" in p for p in problemen)


def test_a_changed_signature_is_named(monkeypatch):
    monkeypatch.setattr(streamlit_folium, "_get_feature_group_string", lambda groep, kaart: "")
    assert any("_get_feature_group_string" in p for p in folium_shim.afwijkingen())


def test_an_unverified_version_falls_back_to_the_public_st_folium(monkeypatch, caplog):
    monkeypatch.setattr(folium_shim, "versie", lambda: "9.9.9")
    folium_shim.bruikbaar.cache_clear()
    kaart_cache.cache_clear()
    calls = []
    monkeypatch.setattr(streamlit_folium, "st_folium", lambda fig, **kw: calls.append((fig, kw)) or {"ok": True})
    monkeypatch.setattr(folium_shim, "component", lambda **kw: (_ for _ in ()).throw(AssertionError("private")))
    try:
        with caplog.at_level(logging.WARNING, logger=folium_shim.__name__):
            for _ in range(2):
                uit = kaart_cache.st_folium_cached(
                    kaart.dashboard_map, INPUTS, key="kaart", height=660, returned_objects=["last_active_drawing"],
                    group=(kaart.selectie_groep, ("Almelo",)),
                )  # fmt: skip
    finally:
        folium_shim.bruikbaar.cache_clear()
    assert uit == {"ok": True}
    fig, kw = calls[0]
    assert fig.get_name().startswith("map_")
    assert kw["key"] == "kaart" and kw["height"] == 660 and kw["use_container_width"] is True
    assert kw["returned_objects"] == ("last_active_drawing",)
    proef = folium.Map(tiles=None)
    kw["feature_group_to_add"].add_to(proef)
    assert labels.KLEUR_SELECTIE in proef.get_root().render()  # the selected municipality travels along
    assert len(calls) == 2
    waarschuwingen = [r for r in caplog.records if "valt terug op st_folium" in r.getMessage()]
    assert len(waarschuwingen) == 1  # said once per process, not on every run
