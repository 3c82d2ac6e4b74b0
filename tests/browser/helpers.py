"""Small Playwright helpers for Streamlit pages."""

from __future__ import annotations

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def wait_idle(page, timeout: float = 45_000) -> None:
    """Wait until Streamlit finished running the script (the status widget disappears)."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout
    )


def wait_settled(page, timeout: float = 45_000) -> None:
    """Idle with no faded (stale) element left, twice in a row: a rerun the page starts by itself (a map
    component reporting its first value) has ended too. Stale elements are drawn at low opacity."""
    for _ in range(2):
        wait_idle(page, timeout)
        page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=timeout)
        page.wait_for_timeout(400)
    wait_idle(page, timeout)


def choose(page, label: str, option: str) -> None:
    """Pick `option` in the selectbox labelled `label`."""
    page.get_by_role("combobox", name=label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_idle(page)


def map_frame(page):
    page.wait_for_selector(MAP_FRAME, timeout=60_000)
    return page.frame_locator(MAP_FRAME).first


def wait_for_features(page, minimum: int = 1):
    frame = map_frame(page)
    # Paths outside the current view are attached but hidden (Leaflet clips them): wait for a visible one.
    frame.locator("path.leaflet-interactive").filter(visible=True).first.wait_for(timeout=120_000)
    # Layer files load in parallel: give the rest a moment before counting.
    paths = frame.locator("path.leaflet-interactive")
    paths.nth(minimum - 1).wait_for(state="attached", timeout=30_000)
    return frame


def open_map(page, url: str):
    """Open a page with the map and wait until the municipalities are drawn (layers arrive in any order)."""
    page.goto(url)
    wait_idle(page)
    frame = wait_for_features(page, minimum=14)
    frame.locator("path.gemeente-GM0141").wait_for(state="attached")  # Almelo
    return frame
