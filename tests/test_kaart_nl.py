"""Leaflet's own texts in Dutch: every text of Leaflet.draw is translated (same keys as the vendored library's
`L.drawLocal`), and the maps carry the Dutch zoom, layer-menu and attribution texts."""

import json
import re
from pathlib import Path

from reb_maps import labels
from reb_maps.weergave import assets, kaart, kaart_nl
from ui.zoekgebieden import toetsen

DRAW_JS = Path(__file__).resolve().parents[1] / "assets" / "vendor" / "leaflet-draw" / "leaflet.draw.js"


def _draw_local() -> dict:
    """`L.drawLocal={…}` from the minified library, as JSON (its keys are bare words)."""
    tekst = DRAW_JS.read_text(encoding="utf-8")
    begin = tekst.index("L.drawLocal={") + len("L.drawLocal=")
    einde = tekst.index(",L.Draw.Event={}", begin)  # the statement after it in the minified file
    return json.loads(re.sub(r"([{,])(\w+):", r'\1"\2":', tekst[begin:einde]))


def _sleutels(boom: dict, pad=()) -> set[tuple]:
    return {p for k, v in boom.items() for p in (_sleutels(v, (*pad, k)) if isinstance(v, dict) else {(*pad, k)})}


def test_every_text_of_the_drawing_tool_is_translated():
    origineel = _draw_local()
    assert origineel["draw"]["toolbar"]["buttons"]["rectangle"] == "Draw a rectangle"  # really the library's
    assert _sleutels(kaart_nl.TEKENEN) == _sleutels(origineel)
    engels = {tuple(p) for p in _sleutels(origineel)}
    for pad in engels:
        nl, en = kaart_nl.TEKENEN, origineel
        for stap in pad:
            nl, en = nl[stap], en[stap]
        assert nl != en, pad


def test_maps_name_their_controls_in_dutch():
    m = kaart.dashboard_map("banen", labels.ACHTERGROND_OFFLINE, None)
    html = m.get_root().render()
    for tekst in (kaart_nl.INZOOMEN, kaart_nl.UITZOOMEN, kaart_nl.LAGENMENU, kaart_nl.POPUP_SLUITEN,
                  "Een JavaScript-bibliotheek"):  # fmt: skip
        assert tekst in html, tekst
    assert '"zoomControl": false' in html  # Leaflet's English zoom control is not made at all
    m = toetsen.voeg_teken_gereedschap_toe(kaart.base_map(labels.ACHTERGROND_OFFLINE))
    script = m.get_root().render()
    assert script.index("L.drawLocal = ") < script.index("new L.Control.Draw")  # texts set before the tool
    assert assets.remote_links(m) == []
