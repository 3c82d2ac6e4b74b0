"""Dutch for what Leaflet and its plug-ins write themselves: the zoom buttons, the layer menu's button, the
attribution's "Leaflet" link and every text of the drawing tool (Leaflet.draw's `L.drawLocal`).

Without these a Dutch page showed "Zoom in", "Layers", "Draw a polygon" and, while drawing, "Click to start
drawing shape." — visible to every user and read aloud by screen readers (WCAG 3.1.2). Each text is set through
the plug-in's own option or public API where one exists; only the layer button's title has none.
"""

from __future__ import annotations

import json

import folium
import jinja2

INZOOMEN, UITZOOMEN = "Inzoomen", "Uitzoomen"
LAGENMENU = "Kaartlagen kiezen"
POPUP_SLUITEN = "Informatievenster sluiten"  # Leaflet's popup close button says "Close popup"
LEAFLET_PREFIX = (
    '<a href="https://leafletjs.com" title="Een JavaScript-bibliotheek voor interactieve kaarten">Leaflet</a>'
)

# Leaflet.draw 1.0.4's complete `L.drawLocal`, in Dutch (the polyline error is HTML in the original too).
TEKENEN = {
    "draw": {
        "toolbar": {
            "actions": {"title": "Tekenen afbreken", "text": "Afbreken"},
            "finish": {"title": "Tekenen afronden", "text": "Klaar"},
            "undo": {"title": "Laatst gezette punt weghalen", "text": "Laatste punt weg"},
            "buttons": {
                "polyline": "Teken een lijn",
                "polygon": "Teken een vlak",
                "rectangle": "Teken een rechthoek",
                "circle": "Teken een cirkel",
                "marker": "Zet een punt",
                "circlemarker": "Zet een cirkelpunt",
            },
        },
        "handlers": {
            "circle": {"tooltip": {"start": "Klik en sleep om een cirkel te tekenen."}, "radius": "Straal"},
            "circlemarker": {"tooltip": {"start": "Klik op de kaart om een cirkelpunt te zetten."}},
            "marker": {"tooltip": {"start": "Klik op de kaart om een punt te zetten."}},
            "polygon": {
                "tooltip": {
                    "start": "Klik om het vlak te beginnen.",
                    "cont": "Klik om het volgende punt te zetten.",
                    "end": "Klik op het eerste punt om het vlak te sluiten.",
                }
            },
            "polyline": {
                "error": "<strong>Fout:</strong> de randen mogen elkaar niet kruisen.",
                "tooltip": {
                    "start": "Klik om de lijn te beginnen.",
                    "cont": "Klik om de lijn voort te zetten.",
                    "end": "Klik op het laatste punt om de lijn af te ronden.",
                },
            },
            "rectangle": {"tooltip": {"start": "Klik en sleep om een rechthoek te tekenen."}},
            "simpleshape": {"tooltip": {"end": "Laat de muisknop los om af te ronden."}},
        },
    },
    "edit": {
        "toolbar": {
            "actions": {
                "save": {"title": "Wijzigingen bewaren", "text": "Bewaren"},
                "cancel": {"title": "Bewerken afbreken; wijzigingen vervallen", "text": "Afbreken"},
                "clearAll": {"title": "Alle getekende vormen weghalen", "text": "Alles weg"},
            },
            "buttons": {
                "edit": "Getekende vormen bewerken",
                "editDisabled": "Geen getekende vormen om te bewerken",
                "remove": "Getekende vormen weghalen",
                "removeDisabled": "Geen getekende vormen om weg te halen",
            },
        },
        "handlers": {
            "edit": {
                "tooltip": {
                    "text": "Sleep de hoekpunten of punten om te bewerken.",
                    "subtext": "Klik op Afbreken om de wijzigingen ongedaan te maken.",
                }
            },
            "remove": {"tooltip": {"text": "Klik op een vorm om die weg te halen."}},
        },
    },
}


class NederlandseBediening(folium.MacroElement):
    """Zoom buttons with Dutch titles (the map is made with `zoom_control=False`), the attribution's prefix, the
    popups' close button (named when a popup opens), and the layer menu's button. Leaflet writes "Layers" into
    that button and has no option for it; the menu may be added later (streamlit-folium re-creates it when it
    adds layers), so an observer on the control corners renames every such button when it appears."""

    _template = jinja2.Template(
        "{% macro script(this, kwargs) %}"
        "L.control.zoom({zoomInTitle: {{ this.inzoomen|tojson }}, zoomOutTitle: {{ this.uitzoomen|tojson }}})"
        ".addTo({{ this._parent.get_name() }});"
        "{{ this._parent.get_name() }}.attributionControl.setPrefix({{ this.prefix|tojson }});"
        "(function (hoeken) {"
        "  function hernoem() {"
        "    hoeken.querySelectorAll('.leaflet-control-layers-toggle').forEach(function (knop) {"
        "      if (knop.title !== {{ this.lagenmenu|tojson }}) {"
        "        knop.title = {{ this.lagenmenu|tojson }};"
        "        knop.setAttribute('aria-label', {{ this.lagenmenu|tojson }});"
        "      }"
        "    });"
        "  }"
        "  new MutationObserver(hernoem).observe(hoeken, {childList: true, subtree: true});"
        "  hernoem();"
        "})({{ this._parent.get_name() }}.getContainer().querySelector('.leaflet-control-container'));"
        "{{ this._parent.get_name() }}.on('popupopen', function (e) {"
        "  var el = e.popup.getElement(), knop = el && el.querySelector('.leaflet-popup-close-button');"
        "  if (knop) { knop.setAttribute('aria-label', {{ this.sluiten|tojson }});"
        "    knop.title = {{ this.sluiten|tojson }}; }"
        "});"
        "{% endmacro %}"
    )

    def __init__(self):
        super().__init__()
        self._name = "NederlandseBediening"
        self.inzoomen, self.uitzoomen, self.prefix, self.lagenmenu = INZOOMEN, UITZOOMEN, LEAFLET_PREFIX, LAGENMENU
        self.sluiten = POPUP_SLUITEN


class TekenTeksten(folium.MacroElement):
    """Leaflet.draw reads `L.drawLocal` when it builds its buttons and tooltips: set before the Draw control."""

    _template = jinja2.Template(
        "{% macro script(this, kwargs) %}if (L.drawLocal) { L.drawLocal = {{ this.teksten }}; }{% endmacro %}"
    )

    def __init__(self):
        super().__init__()
        self._name = "TekenTeksten"
        self.teksten = json.dumps(TEKENEN, ensure_ascii=False, sort_keys=True)
