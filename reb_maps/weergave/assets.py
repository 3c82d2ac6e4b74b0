"""Serve Leaflet and jQuery from the app itself, so the map draws without any CDN.

folium points its maps at CDNs and streamlit-folium loads whatever the map lists; municipal networks
and CI block those, and one missing script leaves the map blank without an error. At start-up we copy
the assets from the installed xstatic packages to ./static/ (served by Streamlit at /app/static/),
and `localize` rewrites every element's asset list to those copies and drops what we do not use
(Bootstrap, icon fonts: the map uses CircleMarker and DivIcon only).

A read-only app folder (locked-down server, container): Streamlit serves only <app>/static, so there is
no other place to write to. Then the files travel inside the map itself as data: URLs (Leaflet, jQuery and
every layer) — heavier per rerun, but the map works and nothing is written. A folder prepared beforehand
(`ensure_static` at build time) is used as it is. `REB_STATIC_DIR` points elsewhere (tests).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import threading
from pathlib import Path

import folium
import xstatic.pkg.jquery as xs_jquery
import xstatic.pkg.leaflet as xs_leaflet

STATIC_DIR = Path(os.environ.get("REB_STATIC_DIR") or Path(__file__).resolve().parents[2] / "static")
# Leaflet plugins shipped with the project (npm packages, licences beside them), served from /app/static/vendor/.
VENDOR_DIR = Path(__file__).resolve().parents[2] / "assets" / "vendor"
URL_PREFIX = "/app/static"
log = logging.getLogger(__name__)

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


class AssetFout(RuntimeError):
    """The map's own scripts can neither be served nor inlined; the message is Dutch."""


_inline = False  # True when ./static cannot be written: assets and layers go inside the map as data: URLs


def ensure_static(target: Path = STATIC_DIR) -> Path:
    """Copy the asset files once; cheap when they are already there. Never raises: a read-only folder
    switches the maps to inline assets (see the module docstring)."""
    global _inline
    try:
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
    except OSError as exc:
        if not _inline:
            log.warning("Map de statische bestanden (%s) is niet schrijfbaar (%s); de kaart krijgt ze ingebed.",
                        target, exc.strerror or exc)  # fmt: skip
        _inline = True
    return target


def _png_url(path: Path) -> bytes:
    return b"url(data:image/png;base64," + base64.b64encode(path.read_bytes()) + b")"


def inline() -> bool:
    return _inline


@functools.cache
def _data_url(name: str) -> str:
    sources = {
        "leaflet": (Path(xs_leaflet.BASE_DIR) / "leaflet.js", "text/javascript"),
        "leaflet_css": (Path(xs_leaflet.BASE_DIR) / "leaflet.css", "text/css"),
        "jquery": (Path(xs_jquery.BASE_DIR) / "jquery.min.js", "text/javascript"),
    }
    if name not in sources:  # a vendored plugin: same relative path under assets/vendor/
        relative = _LOCAL[name].removeprefix(f"{VENDOR}/")
        sources[name] = (VENDOR_DIR / relative, "text/css" if relative.endswith(".css") else "text/javascript")
    path, mime = sources[name]
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AssetFout(f"De kaart kan niet worden getoond: {path.name} is niet leesbaar ({exc.strerror}).") from exc
    if mime == "text/css":  # images are relative links, which do not resolve inside a data: URL
        beeld = rb"url\(['\"]?(images/[\w.-]+\.png)['\"]?\)"
        data = re.sub(beeld, lambda m: _png_url(path.parent / m[1].decode()), data)
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def elementen(element):
    """The element and everything inside it (a folium map's whole tree), depth first."""
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from elementen(child)


def localize(m: folium.Map) -> folium.Map:
    """Point every asset list in the map at the local copies; drop the rest."""
    for element in elementen(m):
        for attr in ("default_js", "default_css"):
            links = getattr(element, attr, None)
            if links is None:
                continue
            local = [(name, _data_url(name) if _inline else _LOCAL[name]) for name, _ in links if name in _LOCAL]
            setattr(element, attr, local)
    return m


def remote_links(m: folium.Map) -> list[str]:
    """Asset links in the map that do not come from this app (should be empty)."""
    found = []
    for element in elementen(m):
        for attr in ("default_js", "default_css"):
            links = getattr(element, attr, None) or []
            found += [url for _, url in links if not url.startswith((URL_PREFIX, "data:"))]
    return found


VASTE_DATUM = 1_577_836_800  # 2020-01-01 UTC: Last-Modified of every layer file (see publish_geojson)
_published: dict[str, str] = {}  # layer key → its URL, once written (or found) in this process
_publish_lock = threading.Lock()


def publish_geojson(key: str, collection: dict, target: Path = STATIC_DIR) -> str:
    """Write a layer's GeoJSON to ./static/geo/ once per process; returns its URL.

    The map then fetches big, unchanging layers as files the browser caches, instead of receiving
    them inside every rerun's map script. When ./static is read-only: a data: URL with the layer.

    The file name carries a hash of the content, so a URL always means the same bytes: changed data (a new
    table, another year) gets a new name and is never taken for a cached old one. Streamlit serves /app/static
    without Cache-Control, and the browser then judges freshness by the file's age (Last-Modified): a layer written
    at every process start looked new, and every map load asked the server again for every layer (a round trip per
    file before the municipalities could be drawn). The file therefore keeps one old date (`VASTE_DATUM`): for an
    address that never changes its content that is true, and the browser uses its copy without asking.
    """
    with _publish_lock:
        if key in _published:
            return _published[key]
        if key in _inlined:
            return _inlined[key]
        text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
        name = f"{key}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}.geojson"
        url = f"{URL_PREFIX}/geo/{name}"
        folder = target / "geo"
        path = folder / name
        try:
            if not path.exists():  # written atomically, so a file that is there is whole
                folder.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(text)
                os.chmod(tmp, 0o644)
                os.utime(tmp, (VASTE_DATUM, VASTE_DATUM))
                os.replace(tmp, path)  # atomic: a running session never reads half a file
        except OSError:
            if _already_there(path, text):  # prepared beforehand: serve it as it is
                _published[key] = url
                return url
            _inlined[key] = "data:application/json;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")
            return _inlined[key]
        _published[key] = url
    return url


_inlined: dict[str, str] = {}


def _already_there(path: Path, text: str) -> bool:
    try:
        return path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False
