"""The proxy set-up (deploy/serve.py): two app processes behind nginx, sticky per browser, security headers.

Skips when nginx is missing, unless REQUIRE_BROWSER=1 (CI), where it fails. The browser test also needs Chromium
(the session's `browser` fixture); it lives with the browser tests so that it shares their Playwright session.
"""

from __future__ import annotations

import asyncio
import os
import re
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
import websockets

from bench import bench_load
from deploy import serve
from reb_maps import labels
from reb_maps.weergave.assets import STATIC_DIR, URL_PREFIX
from tests.browser.helpers import MAP_FRAME

pytestmark = pytest.mark.slow
REQUIRED = os.environ.get("REQUIRE_BROWSER") == "1"
SESSIONS = 16  # random sticky keys: the chance that all land on one of two workers is 2 × 2⁻¹⁶
HEADERS = {
    "Content-Security-Policy": "frame-ancestors 'self'",
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
}


@pytest.fixture(scope="module")
def proxy():
    if serve.nginx_path() is None:
        message = "nginx ontbreekt (apt-get install nginx): proxytests NIET gedraaid"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    with serve.cluster(2) as running:
        yield running


def in_eigen_lus(coro):
    """Run a coroutine on a fresh event loop in its own thread: the session's Playwright (sync API) keeps a loop
    running in this thread, where asyncio.run refuses to start another."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def get(url: str, cookie: str | None = None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        return response.headers


def upstreams(proxy, path: str) -> list[str]:
    """The worker address nginx chose for each logged request of `path`, in order."""
    pattern = re.compile(rf'"GET {re.escape(path)}[ ?].*upstream=(\S+)')
    return [m.group(1) for line in proxy.access_log.read_text().splitlines() if (m := pattern.search(line))]


def test_config_allows_only_the_app_and_the_tile_hosts():
    csp = serve.content_security_policy()
    assert serve.tile_hosts() == ["https://service.pdok.nl", "https://tile.openstreetmap.org"]
    img = next(d for d in csp.split("; ") if d.startswith("img-src"))
    assert img == "img-src 'self' data: blob: https://service.pdok.nl https://tile.openstreetmap.org"
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp and "'unsafe-eval'" not in csp
    assert "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'" in csp
    # The map frame's policy is the app's with eval allowed in scripts, nothing else.
    frame = serve.content_security_policy(map_frame=True)
    assert frame == csp.replace("'wasm-unsafe-eval'", "'wasm-unsafe-eval' 'unsafe-eval'")
    config = serve.nginx_config([8601, 8602], 8080, "/tmp/x")
    assert "server 127.0.0.1:8601;" in config and "server 127.0.0.1:8602;" in config
    assert "proxy_http_version 1.1;" in config and "proxy_set_header Upgrade $http_upgrade;" in config
    assert "listen 127.0.0.1:8080;" in config


def test_headers_on_pages_and_the_map_iframe(proxy):
    cookie = f"{serve.STICKY_COOKIE}=iframe"
    assert in_eigen_lus(run_pages(proxy, cookie, 1)) == [None]  # that worker has now served the map component
    frame_page = serve.MAP_FRAME_PATH + "index.html"
    for path in ("/", "/gemeenten", frame_page, "/_stcore/health"):
        headers = get(proxy.url + path, cookie)
        for name, expected in HEADERS.items():
            assert expected in (headers.get(name) or ""), f"{path}: {name}"
        policy = headers["Content-Security-Policy"]
        assert policy == serve.content_security_policy(map_frame=path == frame_page), path  # eval: the frame only
    layer_file = next(STATIC_DIR.glob("geo/afritten-*.geojson"))  # named by its content; the Kaart run wrote it
    for path in (f"{URL_PREFIX}/geo/{layer_file.name}", frame_page):
        assert get(proxy.url + path, cookie).get("Access-Control-Allow-Origin") is None, path  # no wildcard CORS
    assert serve.STICKY_COOKIE in get(proxy.url + "/").get("Set-Cookie", "")


async def run_pages(proxy, cookie: str | None, n: int) -> list[str | None]:
    """n sessions over Streamlit's websocket, each running the Kaart page; the problem each saw (None: fine)."""

    async def visitor() -> str | None:
        headers = {"Cookie": cookie} if cookie else None
        async with websockets.connect(
            bench_load.stream_url(proxy.url), subprotocols=["streamlit"], max_size=None, additional_headers=headers
        ) as ws:
            _seconds, problem = await bench_load.run_page(ws, "kaart", "")
            return problem

    return await asyncio.gather(*(visitor() for _ in range(n)))


def test_sessions_spread_over_both_workers_and_stay_sticky(proxy):
    assert in_eigen_lus(run_pages(proxy, None, SESSIONS)) == [None] * SESSIONS  # the Kaart page ran on every session
    workers = {url.removeprefix("http://") for url in proxy.worker_urls}
    gekozen = upstreams(proxy, "/_stcore/stream")
    meldingen = [r for r in proxy.access_log.read_text().splitlines() if "[error]" in r or "[warn]" in r]
    assert set(gekozen) == workers, (gekozen, meldingen[-10:])  # balanced: both got sessions (nginx's complaints)

    # One browser (one cookie): its page, its websocket and a reload all reach the same worker.
    cookie = f"{serve.STICKY_COOKIE}=een-browser"
    before = len(upstreams(proxy, "/_stcore/stream"))
    get(proxy.url + "/_stcore/health", cookie)
    get(proxy.url + "/_stcore/health", cookie)
    assert in_eigen_lus(run_pages(proxy, cookie, 3)) == [None] * 3
    chosen = upstreams(proxy, "/_stcore/health")[-2:] + upstreams(proxy, "/_stcore/stream")[before:]
    assert len(chosen) >= 5 and len(set(chosen)) == 1, chosen  # (a websocket that reconnected under load: 6)


@pytest.mark.browser
def test_app_map_and_charts_work_under_the_csp(proxy, browser):
    allowed = (proxy.url, *serve.tile_hosts())
    context = browser.new_context(viewport={"width": 1500, "height": 1000}, locale="nl-NL")
    # Every frame (also the map's component iframe) records what the CSP blocked.
    context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push("
        "[e.violatedDirective, e.blockedURI, e.sourceFile, e.lineNumber, e.columnNumber].join(' ')));"
    )
    page = context.new_page()
    console, errors, foreign = [], [], []
    page.on("console", lambda msg: console.append(msg.text))
    page.on("pageerror", lambda error: errors.append(str(error)))  # also the map frame's (an EvalError)
    page.on("request", lambda r: None if r.url.startswith(allowed) else foreign.append(r.url))
    try:
        # A chosen municipality: its outline and fit reach the map as a feature group, which the frame evaluates.
        page.goto(proxy.url + "/?gemeente=Almelo")
        frame = page.frame_locator(MAP_FRAME).first
        frame.locator("path.leaflet-interactive").first.wait_for(timeout=90_000)
        frame.locator(f'path[stroke="{labels.KLEUR_SELECTIE}"]').first.wait_for(timeout=30_000)
        page.wait_for_timeout(1_000)
        blocked = page.evaluate("window.__csp") + frame.locator("body").evaluate("() => window.__csp")
        page.goto(proxy.url + "/gemeenten")
        page.locator(".js-plotly-plot").first.wait_for(timeout=90_000)
        page.wait_for_timeout(1_000)
        blocked += page.evaluate("window.__csp")
    finally:
        context.close()
    assert blocked == [] and errors == [], (blocked, errors)
    assert not [m for m in console if "Content Security Policy" in m]
    assert not [u for u in foreign if not u.startswith(("data:", "blob:", "about:"))]
