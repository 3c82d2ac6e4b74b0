"""Bench floor for map pages: one st_folium map with one GeoJSON layer (the 14 municipalities).

Leaflet and jQuery come from the app itself, as on the dashboard (copied to ./static next to this script,
which Streamlit serves at /app/static/), so the floor needs no CDN either.
"""

import json
import sys
from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from reb_maps.weergave import assets  # noqa: E402

assets.ensure_static(HERE / "static")


@st.cache_resource
def gemeenten() -> dict:
    return json.loads((HERE.parent / "data" / "geo" / "gemeenten.geojson").read_text(encoding="utf-8"))


m = folium.Map(location=(52.30, 6.68), zoom_start=10, tiles=None)
folium.GeoJson(gemeenten(), name="Gemeenten").add_to(m)
st_folium(assets.localize(m), height=660, use_container_width=True, returned_objects=[])
