"""Serve Leaflet and jQuery from the app itself, so the map draws without any CDN.

folium points its maps at CDNs and streamlit-folium loads whatever the map lists; municipal networks
and CI block those, and one missing script leaves the map blank without an error. At start-up we copy
the assets from the installed xstatic packages to ./static/ (served by Streamlit at /app/static/),
and `localize` rewrites every element's asset list to those copies and drops what we do not use
(Bootstrap, icon fonts: the map uses CircleMarker and DivIcon only).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
from pathlib import Path

import folium
import xstatic.pkg.jquery as xs_jquery
import xstatic.pkg.leaflet as xs_leaflet

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
# Leaflet plugins shipped with the project (npm packages, licences beside them), served from /app/static/vendor/.
VENDOR_DIR = Path(__file__).resolve().parent.parent / "assets" / "vendor"
URL_PREFIX = "/app/static"

LEAFLET_JS = f"{URL_PREFIX}/leaflet/leaflet.js"
LEAFLET_CSS = f"{URL_PREFIX}/leaflet/leaflet.css"
JQUERY_JS = f"{URL_PREFIX}/jquery/jquery.min.js"

VENDOR = f"{URL_PREFIX}/vendor"
# folium's asset names → the local copies.
_LOCAL = {
    "leaflet": LEAFLET_JS,
    "jquery": JQUERY_JS,
    "leaflet_css": LEAFLET_CSS,
    "leaflet.groupedlayercontrol.min.js": f"{VENDOR}/leaflet-groupedlayercontrol/leaflet.groupedlayercontrol.min.js",
    "leaflet.groupedlayercontrol.min.css": f"{VENDOR}/leaflet-groupedlayercontrol/leaflet.groupedlayercontrol.min.css",
    "leaflet_draw_js": f"{VENDOR}/leaflet-draw/leaflet.draw.js",
    "leaflet_draw_css": f"{VENDOR}/leaflet-draw/leaflet.draw.css",
}


def ensure_static(target: Path = STATIC_DIR) -> Path:
    """Copy the asset files once; cheap when they are already there."""
    leaflet_dir = target / "leaflet"
    if not (leaflet_dir / "leaflet.js").exists():
        shutil.copytree(xs_leaflet.BASE_DIR, leaflet_dir, dirs_exist_ok=True)
    jquery = target / "jquery" / "jquery.min.js"
    if not jquery.exists():
        jquery.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(xs_jquery.BASE_DIR) / "jquery.min.js", jquery)
    for plugin in VENDOR_DIR.iterdir():
        if not (target / "vendor" / plugin.name / "package.json").exists():
            shutil.copytree(plugin, target / "vendor" / plugin.name, dirs_exist_ok=True)
    return target


def _walk(element):
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def localize(m: folium.Map) -> folium.Map:
    """Point every asset list in the map at the local copies; drop the rest."""
    for element in _walk(m):
        for attr in ("default_js", "default_css"):
            links = getattr(element, attr, None)
            if links is None:
                continue
            local = [(name, _LOCAL[name]) for name, _ in links if name in _LOCAL]
            setattr(element, attr, local)
    return m


def remote_links(m: folium.Map) -> list[str]:
    """Asset links in the map that do not come from this app (should be empty)."""
    found = []
    for element in _walk(m):
        for attr in ("default_js", "default_css"):
            found += [url for _, url in getattr(element, attr, None) or [] if not url.startswith(URL_PREFIX)]
    return found


_published: set[str] = set()
_publish_lock = threading.Lock()


def publish_geojson(key: str, collection: dict, target: Path = STATIC_DIR) -> str:
    """Write a layer's GeoJSON to ./static/geo/ once per process; returns its URL.

    The map then fetches big, unchanging layers as files the browser caches, instead of receiving
    them inside every rerun's map script.
    """
    url = f"{URL_PREFIX}/geo/{key}.geojson"
    with _publish_lock:
        if key in _published:
            return url
        folder = target / "geo"
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(collection, handle, ensure_ascii=False, separators=(",", ":"))
        os.chmod(tmp, 0o644)
        os.replace(tmp, folder / f"{key}.geojson")  # atomic: a running session never reads half a file
        _published.add(key)
    return url
