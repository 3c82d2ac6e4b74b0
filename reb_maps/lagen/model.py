"""What a map layer is: one declaration read by every map (screen, print, analysis) and the Bronnen page.

Plain data only — no folium, no matplotlib, no Streamlit — so engines and renderers can all import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Themes in the order of the layer control and the legend.
THEMA_GEMEENTEN = "Cijfers per gemeente"
THEMA_WERKLOCATIES = "Werklocaties"
THEMA_BEREIKBAARHEID = "Bereikbaarheid"
THEMA_NATUUR = "Natuur en milieu"
THEMA_RUIMTE = "Bebouwing en energie"
THEMA_WERKRUIMTE = "Werkruimte van het overleg"
THEMAS = (THEMA_GEMEENTEN, THEMA_WERKLOCATIES, THEMA_BEREIKBAARHEID, THEMA_NATUUR, THEMA_RUIMTE, THEMA_WERKRUIMTE)

# Geometry kinds; also the legend symbol.
VLAK, LIJN, PUNT = "vlak", "lijn", "punt"


@dataclass(frozen=True)
class Stijl:
    """How a layer is drawn, in terms both Leaflet and matplotlib understand.

    `lijn` is the outline/line width in screen pixels (print: points); `stippel` a dash pattern
    ("8 6"); `straal` the radius of point symbols in pixels.
    """

    kleur: str
    lijn: float = 1.0
    vulkleur: str | None = None  # None: same as kleur
    vuldekking: float = 0.0
    dekking: float = 1.0
    stippel: str | None = None
    straal: float = 5.0

    @property
    def vul(self) -> str:
        return self.vulkleur or self.kleur


@dataclass(frozen=True)
class Laag:
    """One map layer, declared once.

    bestand      the display file in data/geo/ (without .geojson); the EPSG:28992 copy has the same name in
                 data/geo/analyse/. Attribution, licence, date and accuracy come from data/geo/lagen.json.
    bron         where the features come from: "bestand" (the file as it is), "locaties" (the report's named
                 locations: TOP10NL polygons and indicative points joined to table `locaties`), filtered to
                 rows whose column `filter[0]` equals `filter[1]`, or "werkruimte" (the locations users saved in
                 the workspace database: no file; the page hands them to the map, which draws them only when
                 there are any), or "peildata" (the parks of an imported IBIS year, drawn only when the page
                 shows that peildatum).
    kleur_veld   a property holding a per-feature colour (plans by status) instead of `stijl.kleur`.
    stippel_veld a boolean property: features where it is true are drawn dashed (and, with
                 `schematisch_label`, named "… (schematisch)" on the map).
    tip_veld     the property shown on hover (falls back to the label); popups are prepared per `bron`.
    label_veld   a property drawn as a permanent name on the map from zoom level `label_vanaf_zoom`.
    masker       the search-area engine's hard constraint this layer feeds (key of zoekgebieden MASKERS).
    factor       the search-area engine's distance factor this layer feeds (key of zoekgebieden FACTOREN).
    volgorde     draw order, low first (areas below lines below points).
    """

    sleutel: str
    label: str
    thema: str
    bestand: str
    geometrie: str
    stijl: Stijl
    volgorde: int
    zichtbaar: bool = True
    bron: str = "bestand"
    filter: tuple[str, str] | None = None
    kleur_veld: str | None = None
    stippel_veld: str | None = None
    schematisch_label: bool = False
    tip_veld: str | None = None
    label_veld: str | None = None
    label_vanaf_zoom: int = 12
    legenda: tuple[tuple[str, str, str], ...] = ()  # extra legend rows: (label, colour, symbol)
    masker: str | None = None
    factor: str | None = None
    extra_bestanden: tuple[str, ...] = field(default=())  # further files the analysis reads with this layer
    kaart: bool = True  # False: analysis only, never drawn

    @property
    def uit_werkruimte(self) -> bool:
        """No file: the features come from the workspace database, handed to the map by the page."""
        return self.bron in ("werkruimte", "peildata")

    @property
    def symbool(self) -> str:
        """Legend symbol: 'vlak', 'lijn', 'stippel' or 'punt'."""
        if self.geometrie == LIJN and self.stijl.stippel:
            return "stippel"
        return self.geometrie
