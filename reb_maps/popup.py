"""The popup of a map feature as HTML: one builder for every map. Pure (no folium), so data modules use it too.

Every piece of text is escaped here; callers pass plain text. Leaflet renders popup content as HTML.
"""

from __future__ import annotations

import html


def popup_html(
    titel: str, rijen: list[tuple[str, object]], bron: str = "", noot: str | None = None, max_hoogte: int | None = None
) -> str:
    """A small table with a title, an optional note in italics and the source in grey.

    `max_hoogte` (px) scrolls long attribute lists (a user's own files) instead of growing the popup.
    """
    cells = "".join(
        f"<tr><th style='text-align:left;padding-right:8px'>{html.escape(str(k))}</th>"
        f"<td>{html.escape(str(v))}</td></tr>"
        for k, v in rijen
    )
    extra = f"<div style='margin-top:4px'><i>{html.escape(noot)}</i></div>" if noot else ""
    voet = f"<div style='color:#666;font-size:11px;margin-top:4px'>{html.escape(bron)}</div>" if bron else ""
    scroll = f"max-height:{max_hoogte}px;overflow:auto;" if max_hoogte else ""
    return (
        f"<div style='font-family:sans-serif;font-size:13px;min-width:220px;{scroll}'>"
        f"<b>{html.escape(str(titel))}</b><table>{cells}</table>{extra}{voet}</div>"
    )
