"""The interactive (folium) map, built from the layer catalogue `reb_maps.lagen`.

Every layer, its style, theme, tooltip and drawing order come from the catalogue; this module only turns
those declarations into Leaflet layers. Every value that reaches a popup or tooltip passes `html.escape`:
Leaflet renders popup text as HTML. Popups and tooltips are prepared in Python as properties (`popup`,
`tip`) so the browser gets only what it shows.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import re
from dataclasses import dataclass, field

import folium
import folium.plugins
import geopandas as gpd
import jinja2
import pandas as pd
import shapely.geometry
from shapely.ops import polylabel

from reb_maps import fmt, klassen, labels, lagen, werklocaties
from reb_maps.crs import RD, WGS84
from reb_maps.data import load_table, source_of
from reb_maps.eigen_data import netwerk as eigen_netwerk
from reb_maps.geodata import load_layer
from reb_maps.indicatoren import indicator_kolom, indicator_label, met_peildatum, tekort
from reb_maps.kerncijfers import stoplicht
from reb_maps.lagen import Laag, ondergrond
from reb_maps.popup import popup_html
from reb_maps.weergave import assets, kaart_nl

TWENTE_CENTRUM = (52.30, 6.68)
TWENTE_GRENZEN = [[52.06, 6.20], [52.54, 7.10]]
LEGENDA_BREEDTE_PX = 200  # the legend box bottom-left; the map keeps Twente clear of it


# ---------- HTML for popups and tooltips ----------


_PROPS = ("popup", "tip", "gemeente", "cbs_code", "kleur", "schematisch")


def feature_collection(frame: gpd.GeoDataFrame) -> dict:
    """Slim GeoJSON dict with only the properties the browser uses, and stable ids.

    Built once per layer and process (callers cache it): converting frames to GeoJSON is the slow
    part of drawing the map, and folium takes a ready dict as it is.
    """
    keep = [c for c in _PROPS if c in frame]
    slim = frame[[*keep, "geometry"]].copy()
    if "schematisch" in slim:
        slim["schematisch"] = slim["schematisch"].astype(bool)
    collection = slim.__geo_interface__
    for number, feature in enumerate(collection["features"]):
        feature["id"] = str(number)
    return collection


def _geojson(data: dict, name: str, style, *, key: str, show: bool = True, marker=None, highlight=None, pane=None,
             publiceer: bool = True):  # fmt: skip
    """A GeoJSON layer whose features the browser loads from ./static/geo/<key>-<hash>.geojson (cached).

    Styles and tooltips are still set here; only the feature data leaves the map script. `publiceer=False`: the
    features stay inside the map (a session's own data, never written to the shared static folder).
    """
    props = data["features"][0]["properties"] if data["features"] else {}
    layer = folium.GeoJson(
        data,
        name=name,
        style_function=style,
        highlight_function=(lambda _f: highlight) if highlight else None,
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False) if "tip" in props else None,
        popup=folium.GeoJsonPopup(fields=["popup"], labels=False) if "popup" in props else None,
        marker=marker,
        show=show,
        zoom_on_click=False,
        **({"pane": pane} if pane else {}),
    )
    if publiceer:
        layer.embed = False
        layer.embed_link = assets.publish_geojson(key, data)
    return layer


def inhoud_sleutel(voorvoegsel: str, data) -> str:
    """A file name that changes with the content: a published layer file is written once per name and
    process, so data that can change (the workspace's) needs a name per content."""
    tekst = data if isinstance(data, str) else json.dumps(data, sort_keys=True, ensure_ascii=False)
    return f"{voorvoegsel}-{hashlib.sha1(tekst.encode('utf-8')).hexdigest()[:12]}"


def leaflet_stijl(laag: Laag, properties: dict | None = None) -> dict:
    """The catalogue's style as Leaflet path options, for one feature (per-feature colour, dashes)."""
    s = laag.stijl
    props = properties or {}
    kleur = props.get(laag.kleur_veld) if laag.kleur_veld else None
    stippel = s.stippel
    if laag.stippel_veld:
        stippel = (s.stippel or "8 6") if props.get(laag.stippel_veld) else None
    return {
        "color": kleur or s.kleur,
        "weight": s.lijn,
        "opacity": s.dekking,
        "fill": laag.geometrie != lagen.LIJN,
        "fillColor": kleur or s.vul,
        "fillOpacity": s.vuldekking,
        "dashArray": stippel,
        "radius": s.straal,
    }


# ---------- Drawing order ----------

# Every catalogue layer draws in a pane of its own, stacked by the catalogue's `volgorde`: the layer files
# arrive in any order, and without panes Leaflet would stack them by arrival (the choropleth over the roads).
# The panes sit between the tiles (200) and the overlay pane (400), where a page's own results and drawings
# stay on top.
PANE_BASIS = 355


def pane(sleutel: str) -> str:
    return f"laag-{sleutel}"


PANE_SELECTIE = "selectie"


def _panes(m: folium.Map) -> None:
    for laag in lagen.kaartlagen():
        folium.map.CustomPane(pane(laag.sleutel), z_index=PANE_BASIS + laag.volgorde, pointer_events=True).add_to(m)
    # The chosen municipality's outline: the same level as the municipalities but made after their pane, so above
    # their fill (which loads later and would otherwise cover it) and below every other layer; it takes no clicks.
    gemeenten = PANE_BASIS + lagen.laag("gemeenten").volgorde
    folium.map.CustomPane(PANE_SELECTIE, z_index=gemeenten, pointer_events=False).add_to(m)


# ---------- Municipalities ----------


@functools.lru_cache(maxsize=32)  # one entry per indicator and imported year (version)
def gemeenten_frame(peil=None) -> gpd.GeoDataFrame:
    """Municipal polygons joined to the report's figures by CBS code (once per process and peildatum).

    `peil` (a `reb_maps.monitor.reeks.Peildatum`) adds that year's figures as `peil_*` columns beside the
    report's, never in their place.
    """
    shapes = load_layer("gemeenten")[["cbs_code", "geometry"]]
    figures = load_table("gemeenten")
    joined = shapes.merge(figures, on="cbs_code", how="inner", validate="one_to_one")
    if len(joined) != 14:
        raise ValueError(f"gemeenten: {len(joined)} van 14 gemeenten gekoppeld op CBS-code")
    joined["stoplicht"] = [
        stoplicht(a, lo, hi).licht
        for a, lo, hi in zip(joined["hard_aanbod_ha"], joined["vraag_min_ha"], joined["vraag_max_ha"], strict=True)
    ]
    joined["tekort_ha"] = pd.array(
        [tekort(a, lo) for a, lo in zip(joined["hard_aanbod_ha"], joined["vraag_min_ha"], strict=True)],
        dtype="Float64",
    )
    return joined if peil is None else met_peildatum(joined, peil)


def indicator_values(frame: pd.DataFrame, sleutel: str, peil=None) -> pd.Series:
    return indicator_kolom(frame, sleutel, peil)


@functools.lru_cache(maxsize=64)  # one entry per indicator and imported year (version)
def indicator_klassen(sleutel: str, peil=None) -> klassen.Klassen:
    """The choropleth classes of one indicator (shared with the print map); of that year's figures with `peil`."""
    ind = labels.indicator(sleutel)
    return klassen.klassen(indicator_values(gemeenten_frame(peil), sleutel, peil), ind.eenheid, ind.schaal)


def gemeente_popup_peil(row, peil) -> str:
    """A municipality's figures of an imported year, the REB's beside them."""
    rijen = [
        (f"Netto areaal {peil.jaar} (IBIS)", fmt.met_eenheid(row["peil_netto"], "ha", missing="geen opgave")),
        ("Netto areaal januari 2023 (REB)", fmt.met_eenheid(row["netto_areaal_ha"], "ha")),
        (f"Uitgeefbaar {peil.jaar} (IBIS)", fmt.met_eenheid(row["peil_uitgeefbaar"], "ha", missing="geen opgave")),
        ("Hard aanbod 1-1-2023 (REB)", fmt.met_eenheid(row["hard_aanbod_ha"], "ha", missing="geen opgave")),
        (f"Terreinen {peil.jaar}", fmt.getal(row["peil_terreinen"], 0, missing="geen opgave")),
        (f"Banen {peil.jaar}", fmt.getal(row["peil_banen"], 0, missing="geen opgave")),
        ("Banen 2023 (REB)", fmt.getal(row["banen_2023"])),
    ]  # fmt: skip
    return popup_html(row["gemeente"], rijen, f"Bron: {peil.bron}; REB Twente 2040, Tabel 2, 8 en 10",
                      noot="Uitgeefbaar (IBIS) is een andere maat dan het harde aanbod van het rapport.")  # fmt: skip


def gemeente_popup(row) -> str:
    rijen = [
        ("Inwoners 2023", fmt.getal(row["inwoners_2023"])),
        ("Banen 2023", fmt.getal(row["banen_2023"])),
        ("Banengroei 2014–2023", fmt.met_eenheid(row["banen_groei_2014_2023_pct"], "%")),
        ("Netto areaal bedrijventerrein", fmt.met_eenheid(row["netto_areaal_ha"], "ha")),
        ("Indicatieve vraag tot 2040", fmt.bandbreedte(row["vraag_min_ha"], row["vraag_max_ha"])),
        ("Hard aanbod 1-1-2023", fmt.met_eenheid(row["hard_aanbod_ha"], "ha", missing="geen opgave")),
        ("Aanbod tegenover vraag", labels.STOPLICHTEN[row["stoplicht"]].paneel),
    ]
    return popup_html(row["gemeente"], rijen, f"Bron: {labels.REB}, Tabel 2, 8 en 10")


@functools.lru_cache(maxsize=64)  # one entry per indicator and imported year (version)
def _gemeenten_data(sleutel: str, peil=None) -> tuple[dict, str]:
    """The choropleth's features and legend for one indicator (cached: selection only changes style)."""
    frame = gemeenten_frame(peil).copy()
    ind = labels.indicator(sleutel)
    raw = indicator_values(frame, sleutel, peil)
    klasse = indicator_klassen(sleutel, peil)
    frame["kleur"] = [klasse.kleur(v) for v in raw]
    frame["tip"] = [
        f"{html.escape(g)}: {html.escape(fmt.met_eenheid(v, ind.eenheid, missing='geen opgave'))}"
        for g, v in zip(frame["gemeente"], raw, strict=True)
    ]
    if peil is None:
        frame["popup"] = [gemeente_popup(row) for _, row in frame.iterrows()]
        bron = source_of("gemeenten", ind.kolom)
    else:
        frame["popup"] = [gemeente_popup_peil(row, peil) for _, row in frame.iterrows()]
        bron = f"Bron: {peil.bron}"
    legend = legend_klassen(indicator_label(sleutel, peil), klasse, bron)
    return feature_collection(frame), legend


def gemeenten_layer(sleutel: str, peil=None) -> tuple[folium.FeatureGroup, str]:
    """Choropleth of one indicator with the names on top; also its legend HTML. The chosen municipality is
    outlined by its own group beside it (`selectie_groep`), so the choropleth is the same for every choice."""
    data, legend = _gemeenten_data(sleutel, peil)
    laag = lagen.laag("gemeenten")

    def style(feature):
        return {
            "className": f"gemeente-{feature['properties']['cbs_code']}",
            "fillColor": feature["properties"]["kleur"],
            "fillOpacity": laag.stijl.vuldekking,
            "color": laag.stijl.kleur,
            "weight": laag.stijl.lijn,
        }

    group = folium.FeatureGroup(name=laag.label, show=True)
    highlight = {"weight": 3, "color": labels.KLEUR_SELECTIE}
    sleutel_bestand = f"gemeenten-{sleutel}" if peil is None else inhoud_sleutel(f"gemeenten-{sleutel}", data)
    _geojson(data, laag.label, style, key=sleutel_bestand, highlight=highlight, pane=pane("gemeenten")).add_to(group)
    return group, legend


# ---------- Names on the map ----------


def _grootste(delen: gpd.GeoSeries):
    return max(delen, key=lambda g: g.area)


@functools.cache
def _naam_punten(sleutel: str) -> tuple[tuple[str, float, float], ...]:
    """(name, lat, lon) inside each feature of a layer with a `label_veld`: municipalities, large parks."""
    laag = lagen.laag(sleutel)
    frame = laag_frame(sleutel)
    # The pole of inaccessibility: the point deepest inside, where a name reads best.
    punten = [
        polylabel(g, tolerance=0.0005) if g.geom_type == "Polygon" else g.representative_point()
        for g in frame.geometry.explode(index_parts=False).groupby(level=0).apply(_grootste)
    ]
    return tuple(
        (str(naam), float(p.y), float(p.x))
        for naam, p in zip(frame[laag.label_veld], punten, strict=True)
        if not fmt.is_missing(naam)
    )


def naam_labels(sleutel: str, group: folium.FeatureGroup) -> None:
    """Permanent names (not clickable) from the layer's `label_vanaf_zoom` on; see ZoomKlassen."""
    laag = lagen.laag(sleutel)
    for naam, lat, lon in _naam_punten(sleutel):
        folium.Marker(
            [lat, lon],
            icon=folium.DivIcon(
                html=f"<div class='kaartnaam kaartnaam-{sleutel} vanaf-z{laag.label_vanaf_zoom}'>"
                f"{html.escape(naam)}</div>",
                icon_size=(160, 18),
                icon_anchor=(80, 9),
                class_name="kaartnaam-icoon",
            ),
            interactive=False,
            keyboard=False,
        ).add_to(group)


class ZoomKlassen(folium.MacroElement):
    """Mark the map container with `z9`, `z10`, … for every zoom level reached, so CSS can show names
    only from a given zoom on (`.vanaf-z11` is hidden until the container has class `z11`)."""

    _template = jinja2.Template(
        """{% macro script(this, kwargs) %}
(function (map) {
    function zet() {
        var z = map.getZoom(), c = map.getContainer();
        for (var i = 5; i <= 20; i++) { c.classList.toggle('z' + i, z >= i); }
    }
    map.on('zoomend', zet); zet();
})({{ this._parent.get_name() }});
{% endmacro %}"""
    )


_CSS = (
    "<style>"
    ".corridorlabel{font:bold 11px sans-serif;color:#a00;white-space:nowrap;text-shadow:0 0 3px #fff,0 0 3px #fff}"
    ".kaartnaam-icoon{background:none;border:none}"
    ".kaartnaam{font:600 11px sans-serif;color:#222;text-align:center;white-space:nowrap;pointer-events:none;"
    "text-shadow:0 0 3px #fff,0 0 3px #fff,0 0 2px #fff;display:none}"
    ".kaartnaam-grootschalig{font:italic 600 11px sans-serif;color:#3f007d}"
    + "".join(f".z{z} .vanaf-z{z}{{display:block}}" for z in range(5, 21))
    + ".leaflet-control-layers-group-name{font-weight:bold;display:block;margin:4px 0 2px}"
    "</style>"
)


# ---------- Legend ----------


def legend_klassen(titel: str, klasse: klassen.Klassen, bron: str) -> str:
    """The choropleth's classes with round limits, 'geen opgave' as its own class, the method named."""
    rijen = [*zip(klasse.kleuren, klasse.labels, strict=True), (klassen.KLEUR_ONBEKEND, klassen.LABEL_ONBEKEND)]
    swatches = "".join(
        f"<div><span style='display:inline-block;width:14px;height:10px;background:{kleur};"
        f"border:1px solid #999;margin-right:4px'></span>{html.escape(tekst)}</div>"
        for kleur, tekst in rijen
    )
    return (
        f"<b>{html.escape(titel)}</b>{swatches}"
        f"<div style='color:#666;font-size:10px'>Klassen: {html.escape(klasse.methode)}</div>"
        f"<div style='color:#666;font-size:10px'>{html.escape(bron)}</div>"
    )


_SYMBOOL = {
    "lijn": "display:inline-block;width:16px;border-top:3px solid {c}",
    "stippel": "display:inline-block;width:16px;border-top:3px dashed {c}",
    "punt": "display:inline-block;width:10px;height:10px;border-radius:5px;background:{c}",
    "vlak": "display:inline-block;width:14px;height:10px;background:{c};opacity:.6",
}


def legend_items(items: list[tuple[str, str, str]]) -> str:
    """(label, colour, shape) rows: shape is one of 'lijn', 'stippel', 'vlak', 'punt'."""
    return "".join(
        f"<div><span style='{_SYMBOOL[shape].format(c=colour)}'></span> {html.escape(label)}</div>"
        for label, colour, shape in items
    )


def add_legend(m: folium.Map, always: str, more: str = "", breedte: str = f"width:{LEGENDA_BREEDTE_PX - 30}px") -> None:
    """Legend box bottom-left: the choropleth always visible, the layer symbols folded away.

    The Kaart's box has a fixed width, so the map can keep Twente's names clear of it; maps with a legend of
    their own pass another `breedte` (CSS).
    """
    folded = f"<details><summary style='cursor:pointer'>Overige lagen</summary>{more}</details>" if more else ""
    box = (
        "<div id='kaartlegenda' style='position:absolute;bottom:28px;left:10px;z-index:1000;"
        "background:rgba(255,255,255,.92);padding:6px 8px;border-radius:4px;font:11px sans-serif;"
        f"max-height:60%;{breedte};overflow:auto;box-shadow:0 1px 4px rgba(0,0,0,.3)'>"
        f"{always}{folded}</div>"
    )
    m.get_root().html.add_child(folium.Element(box))


def dashboard_legend(verberg=frozenset(), netwerk: eigen_netwerk.EigenNetwerk | None = None) -> str:
    """Every drawn layer but the choropleth, grouped by theme (from the catalogue); the corridor and rail rows as
    `netwerk` (a session's own roads and rail) draws them."""
    delen = []
    for thema, leden in lagen.op_thema().items():
        rijen = []
        for laag in (eigen_netwerk.laag_voor(lid, netwerk) for lid in leden):
            if laag.sleutel == "gemeenten" or laag.sleutel in verberg:
                continue
            rijen += list(laag.legenda) or [(laag.label, laag.stijl.kleur, laag.symbool)]
        if rijen:
            delen.append(f"<div style='margin-top:4px'><b>{html.escape(thema)}</b></div>{legend_items(rijen)}")
    return "".join(delen)


# ---------- Base map ----------


_VIEWPORT_ZONDER_ZOOM = re.compile(r"<meta name=\"viewport\"[^>]*user-scalable=no[^>]*>\s*")


class ZoombareKaart(folium.Map):
    """folium's map without the viewport declaration folium puts in its header (`maximum-scale=1.0,
    user-scalable=no`): that forbids a visitor with low vision to zoom the page (WCAG 1.4.4, axe-core
    "meta-viewport"). The frame the map is shown in declares a viewport of its own that allows zooming."""

    def render(self, **kwargs):
        super().render(**kwargs)
        header = self.get_root().header
        eigen = header._children.get(self.get_name())  # what folium's header macro added for this map
        if eigen is not None:
            zonder = _VIEWPORT_ZONDER_ZOOM.sub("", eigen.render())
            header.add_child(folium.Element(zonder), name=self.get_name())  # same name: replaced in place


def base_map(achtergrond_naam: str, bounds=None) -> folium.Map:
    bg = labels.achtergrond(achtergrond_naam)
    m = ZoombareKaart(
        location=TWENTE_CENTRUM,
        zoom_start=10,
        tiles=None,
        min_zoom=8,
        max_zoom=bg.max_zoom,
        zoom_snap=0.25,  # fractional zoom: Twente fills the frame beside the legend
        zoom_delta=0.5,
        zoom_control=False,  # NederlandseBediening adds it with Dutch titles
    )
    kaart_nl.NederlandseBediening().add_to(m)
    MetrischeSchaal().add_to(m)
    # folium sets the map's type to 1rem (16 px), which made the source line two lines high and run under the
    # legend; Leaflet's own 12 px keeps it on one line at the map's foot.
    m.get_root().header.add_child(
        folium.Element("<style>.leaflet-container .leaflet-control-attribution{font-size:12px}</style>")
    )
    if bg.tiles:
        folium.TileLayer(tiles=bg.tiles, attr=bg.attributie, name=bg.naam, control=False, max_zoom=bg.max_zoom).add_to(
            m
        )
    else:  # offline: no tiles, the quiet basemap from the bundled open data instead
        # Doubled class: Leaflet's own stylesheet (loaded after this header) would otherwise keep its grey.
        m.get_root().header.add_child(
            folium.Element("<style>.leaflet-container.leaflet-container{background:#f4f4f0}</style>")
        )
        add_ondergrond(m)
    m.fit_bounds(
        bounds or TWENTE_GRENZEN, padding_top_left=(LEGENDA_BREEDTE_PX - 40, 10), padding_bottom_right=(10, 10)
    )
    return m


# ---------- The offline basemap (reb_maps.lagen.ondergrond) ----------

# Its areas and lines lie above the tiles' pane (200) and below every catalogue layer (PANE_BASIS and up) and a
# page's own results (350); the place names above the areas and lines (400 is the overlay pane), below the markers
# and the municipalities' names (600). Neither pane takes clicks: a click reaches the layer below.
PANE_ONDERGROND, Z_ONDERGROND = "ondergrond", 250
PANE_PLAATSNAMEN, Z_PLAATSNAMEN = "ondergrond-namen", 450

_ONDERGROND_CSS = (
    "<style>"
    ".plaatsnaam-icoon{background:none;border:none}"
    f".plaatsnaam{{font:10px sans-serif;color:{ondergrond.KLEUR_PLAATSNAAM};text-align:center;white-space:nowrap;"
    "pointer-events:none;text-shadow:0 0 3px #fff,0 0 3px #fff,0 0 2px #fff;display:none}"
    + "".join(f".z{z} .plaatsnaam.vanaf-z{z}{{display:block}}" for z in range(5, 21))
    + "</style>"
)


def _ondergrond_stijl(deel: ondergrond.Ondergronddeel) -> dict:
    s = deel.stijl
    vlak = deel.geometrie == lagen.VLAK
    return {"color": s.kleur, "weight": s.lijn, "opacity": s.dekking, "stroke": s.lijn > 0, "fill": vlak,
            "fillColor": s.vul, "fillOpacity": s.vuldekking if vlak else 0, "interactive": False}  # fmt: skip


@functools.cache
def ondergrond_data(bestand: str) -> dict:
    """One coarse basemap file with only `soort` per feature (and ids for folium's styles), once per process."""
    frame = load_layer(bestand)[["soort", "geometry"]]
    collection = frame.to_geo_dict(drop_id=True)
    for number, feature in enumerate(collection["features"]):
        feature["id"] = str(number)
    return collection


@functools.cache
def plaatsnamen() -> tuple[tuple[str, float, float], ...]:
    """(name, lat, lon) of the basemap's places, without those that share a municipality's name."""
    frame = load_layer(ondergrond.PLAATSNAMEN)
    gemeenten = set(gemeenten_frame()["gemeente"])
    return tuple(
        (str(naam), float(p.y), float(p.x))
        for naam, p in zip(frame[ondergrond.PLAATSNAAM_VELD], frame.geometry, strict=True)
        if naam not in gemeenten
    )


def add_ondergrond(m: folium.Map) -> None:
    """The offline choice's basemap: built-up areas, water and main roads as one quiet, non-interactive layer per
    file in a pane beneath everything, place names from zoom 11 on. Not in the layer control or the legend; its
    sources join the map's attribution."""
    folium.map.CustomPane(PANE_ONDERGROND, z_index=Z_ONDERGROND, pointer_events=False).add_to(m)
    folium.map.CustomPane(PANE_PLAATSNAMEN, z_index=Z_PLAATSNAMEN, pointer_events=False).add_to(m)
    for bestand in dict.fromkeys(deel.scherm[0] for deel in ondergrond.ONDERGROND):
        stijlen = {d.scherm[1]: _ondergrond_stijl(d) for d in ondergrond.ONDERGROND if d.scherm[0] == bestand}
        data = ondergrond_data(bestand)
        layer = folium.GeoJson(
            data,
            name=f"Ondergrond ({bestand})",
            style_function=lambda f, stijlen=stijlen: stijlen[f["properties"]["soort"]],
            control=False,
            interactive=False,
            pane=PANE_ONDERGROND,
        )
        layer.embed = False
        layer.embed_link = assets.publish_geojson(bestand, data)
        layer.add_to(m)
    Plaatsnamen(plaatsnamen()).add_to(m)
    ZoomKlassen().add_to(m)
    m.get_root().header.add_child(folium.Element(_ONDERGROND_CSS))
    # Short, so the corner holds it on one line beside the legend: 'Ondergrond: CBS/Kadaster via PDOK (CC BY 4.0);
    # © OpenStreetMap-bijdragers (ODbL)'.
    tekst = lagen.ondergrond_attributie([*ondergrond.BESTANDEN]).replace("Ondergrond — Bron: ", "Ondergrond: ")
    Attributie(tekst).add_to(m)


class Plaatsnamen(folium.MacroElement):
    """The basemap's place names as one compact script (not a folium Marker each: a third of the bytes): labels
    that take no clicks, in their own pane, shown from PLAATSNAAM_VANAF_ZOOM on (see ZoomKlassen)."""

    _template = jinja2.Template(
        """{% macro script(this, kwargs) %}
(function (map) {
    {{ this.namen|tojson }}.forEach(function (p) {
        L.marker([p[1], p[2]], {pane: {{ this.pane|tojson }}, interactive: false, keyboard: false,
            icon: L.divIcon({className: "plaatsnaam-icoon", iconSize: [180, 14], iconAnchor: [90, 7],
                             html: "<div class='plaatsnaam vanaf-z{{ this.zoom }}'>" + p[0] + "</div>"})
        }).addTo(map);
    });
})({{ this._parent.get_name() }});
{% endmacro %}"""
    )

    def __init__(self, namen):
        super().__init__()
        self._name = "Plaatsnamen"
        self.namen = [[html.escape(naam), round(lat, 5), round(lon, 5)] for naam, lat, lon in namen]
        self.pane = PANE_PLAATSNAMEN
        self.zoom = int(ondergrond.PLAATSNAAM_VANAF_ZOOM)


class Attributie(folium.MacroElement):
    """A line in Leaflet's attribution corner without a tile layer to carry it (the offline basemap's sources)."""

    _template = jinja2.Template(
        "{% macro script(this, kwargs) %}"
        "{{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.tekst|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, tekst: str):
        super().__init__()
        self._name = "Attributie"
        self.tekst = html.escape(tekst)


class MetrischeSchaal(folium.MacroElement):
    """A scale bar in metres and kilometres only, bottom-right (the legend holds the bottom-left)."""

    _template = jinja2.Template(
        "{% macro script(this, kwargs) %}"
        "L.control.scale({imperial: false, position: 'bottomright'}).addTo({{ this._parent.get_name() }});"
        "{% endmacro %}"
    )


class AsyncLayerLoading(folium.MacroElement):
    """Let folium's layer-file requests run in parallel instead of one synchronous request after another.

    folium loads a non-embedded GeoJSON layer with a synchronous jQuery request; fifteen of them in a row
    hold the map back. A jQuery prefilter placed before the layers makes them asynchronous; the layers
    exist at once and receive their features when the file arrives.
    """

    _template = jinja2.Template(
        "{% macro script(this, kwargs) %}$.ajaxPrefilter(function (options) { options.async = true; });{% endmacro %}"
    )


def finish(m: folium.Map) -> folium.Map:
    folium.LayerControl(collapsed=True, position="topright").add_to(m)
    return assets.localize(m)


# ---------- Work locations from the report ----------


def _locatie_popup(row, campus_feiten: dict) -> str:
    rijen = [("Gemeente", row["gemeente"]), ("Soort", row["type"]), ("Status", row["status"])]
    if not fmt.is_missing(row.get("bruto_ha")):
        rijen += [("Bruto", fmt.met_eenheid(row["bruto_ha"], "ha")), ("Netto", fmt.met_eenheid(row["netto_ha"], "ha"))]
    feiten = campus_feiten.get(row["naam"])
    if feiten is not None:
        if not fmt.is_missing(feiten["personen"]):
            rijen.append(("Werkzame personen", fmt.getal(feiten["personen"])))
        if not fmt.is_missing(feiten["bedrijven"]):
            rijen.append(("Bedrijven", fmt.getal(feiten["bedrijven"])))
        if not fmt.is_missing(feiten["groei_werkgelegenheid_pct"]):
            rijen.append(
                (
                    f"Groei werkgelegenheid {feiten['groei_periode']}",
                    f"{fmt.getal(feiten['groei_werkgelegenheid_pct'])}%",
                )
            )
    rijen.append(("Ligging", row["nauwkeurigheid"]))
    bron = f"Bron: {labels.REB}, {row['paragraaf']}; ligging: TOP10NL (Kadaster, CC BY 4.0)"
    return popup_html(row["naam"], rijen, bron, noot=row["omschrijving"])


@functools.cache
def locaties_frame() -> gpd.GeoDataFrame:
    """Every named location with its geometry (TOP10NL polygon or indicative point) and catalogue layer."""
    frame = werklocaties.locaties_wgs84()
    if frame.empty:
        return gpd.GeoDataFrame(columns=["locatie_id", "laag", "geometry"], geometry="geometry", crs=WGS84)
    feiten = {r["campus"]: r for r in load_table("campus_feiten").to_dict("records")}
    frame["popup"] = [_locatie_popup(row, feiten) for _, row in frame.iterrows()]
    frame["tip"] = [f"{html.escape(n)} ({html.escape(s)})" for n, s in zip(frame["naam"], frame["status"], strict=True)]
    # Two report parks can share one TOP10NL polygon (Twentekanaal Noord and Zuid): draw it once, with both popups.
    frame["_wkb"] = frame.geometry.to_wkb()
    merged = frame.groupby(["laag", "_wkb"], sort=False, as_index=False).agg(
        {c: "first" for c in frame.columns if c not in ("laag", "_wkb", "popup", "tip")}
        | {"popup": "".join, "tip": " · ".join}
    )
    return gpd.GeoDataFrame(merged.drop(columns="_wkb"), geometry="geometry", crs=WGS84)


# ---------- Any catalogue layer ----------

_BRONNEN = {"locaties": locaties_frame}


def laag_frame(sleutel: str, netwerk: eigen_netwerk.EigenNetwerk | None = None) -> gpd.GeoDataFrame:
    """The features of one catalogue layer (EPSG:4326), filtered as declared; a copy. With a session's own roads
    or rail (`netwerk`, reb_maps.eigen_data.netwerk) the corridor and rail layers are its version."""
    laag = lagen.laag(sleutel)
    if laag.sleutel == "gemeenten":
        return gemeenten_frame().copy()
    frame = _BRONNEN[laag.bron]().copy() if laag.bron in _BRONNEN else load_layer(laag.bestand)
    if laag.filter and len(frame):
        kolom, waarde = laag.filter
        frame = frame[frame[kolom] == waarde]
    return eigen_netwerk.frame_voor(sleutel, frame, netwerk)


def _tip(laag: Laag, waarde, bron: str) -> str:
    tekst = laag.label if fmt.is_missing(waarde) else str(waarde)
    return f"{html.escape(tekst)} <span style='color:#666'>({html.escape(bron)})</span>"


def laag_data(sleutel: str, netwerk: eigen_netwerk.EigenNetwerk | None = None) -> dict:
    """GeoJSON of one layer with its tooltips, built once per process (a session's own roads or rail: each time,
    and never kept)."""
    if eigen_netwerk.vervangt(sleutel, netwerk):
        return _laag_data(sleutel, netwerk)
    return _laag_data_gedeeld(sleutel)


@functools.cache
def _laag_data_gedeeld(sleutel: str) -> dict:
    return _laag_data(sleutel)


laag_data.cache_clear = _laag_data_gedeeld.cache_clear  # tests and the asset build clear the shared copy


def _laag_data(sleutel: str, netwerk: eigen_netwerk.EigenNetwerk | None = None) -> dict:
    laag = lagen.laag(sleutel)
    frame = laag_frame(sleutel, netwerk)
    if "tip" not in frame:
        bron = str(lagen.herkomst(laag).get("bron", ""))
        bronnen = frame["bron"] if "bron" in frame else [bron] * len(frame)  # a session's lines name their file
        veld = laag.tip_veld if laag.tip_veld in frame else None
        waarden = frame[veld] if veld else [None] * len(frame)
        if laag.stippel_veld in frame:
            schematisch = frame[laag.stippel_veld].astype(bool)
            frame["tip"] = [
                html.escape(f"{w} — {labels.SCHEMATISCH}, ligging bij benadering") if s else _tip(laag, w, b)
                for w, s, b in zip(waarden, schematisch, bronnen, strict=True)
            ]
        else:
            frame["tip"] = [_tip(laag, w, b) for w, b in zip(waarden, bronnen, strict=True)]
    return feature_collection(frame)


class LazyGeoJson(folium.map.Layer):
    """A layer that is off at start and fetches its features only when the user switches it on.

    Natura 2000, NNN, the nitrogen zone and the built-up area are most of the map's bytes; loading them
    on demand keeps the first drawing quick. One style for all features, a tooltip from `tip` (escaped
    in Python), points as circle markers.
    """

    _template = jinja2.Template(
        """{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.geoJson(null, {
    pane: {{ this.pane|tojson }},
    style: function () { return {{ this.style|tojson }}; },
    pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, Object.assign({pane: {{ this.pane|tojson }}}, {{ this.style|tojson }}));
    },
    onEachFeature: function (feature, layer) {
        if (feature.properties && feature.properties.tip) { layer.bindTooltip(feature.properties.tip, {sticky: true}); }
    }
});
{{ this.get_name() }}.once("add", function () {
    $.getJSON({{ this.url|tojson }}, function (data) { {{ this.get_name() }}.addData(data); });
});
{% if this.show %}{{ this.get_name() }}.addTo({{ this._parent.get_name() }});{% endif %}
{% endmacro %}"""
    )

    def __init__(self, url: str, name: str, style: dict, show: bool = False, pane: str = "overlayPane"):
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "LazyGeoJson"
        self.url = url
        self.style = style
        self.pane = pane


def _schematisch_labels(sleutel: str, group: folium.FeatureGroup,
                        netwerk: eigen_netwerk.EigenNetwerk | None = None) -> None:  # fmt: skip
    """Name schematic stretches on the map, so nobody reads them as the real road."""
    laag = lagen.laag(sleutel)
    frame = laag_frame(sleutel, netwerk)
    if not laag.schematisch_label or laag.stippel_veld not in frame:
        return
    for _, row in frame[frame[laag.stippel_veld].astype(bool)].iterrows():
        mid = row.geometry.interpolate(0.3, normalized=True)  # off-centre: clear of the town names
        folium.Marker(
            [mid.y, mid.x],
            icon=folium.DivIcon(
                html=f"<div class='corridorlabel'>{html.escape(str(row[laag.tip_veld]))} (schematisch)</div>",
                icon_size=(120, 16),
                icon_anchor=(0, 8),
            ),
            interactive=False,
        ).add_to(group)


def catalogus_laag(sleutel: str, aan: bool | None = None, netwerk: eigen_netwerk.EigenNetwerk | None = None):
    """One catalogue layer as a folium layer: lazy when hidden by default, else a feature group.

    `aan` overrides whether it is switched on at start (a shared link); None keeps the catalogue's default.
    `netwerk`: a session's own roads and rail, drawn in the corridor and rail layers.
    """
    laag = eigen_netwerk.laag_voor(lagen.laag(sleutel), netwerk)
    eigen = eigen_netwerk.vervangt(sleutel, netwerk)
    data = laag_data(sleutel, netwerk)
    show = laag.zichtbaar if aan is None else aan
    if not laag.zichtbaar and not eigen:  # a session's own lines are never published
        return LazyGeoJson(
            assets.publish_geojson(sleutel, data), laag.label, leaflet_stijl(laag), show=show, pane=pane(sleutel)
        )
    group = folium.FeatureGroup(name=laag.label, show=show)
    if data["features"]:
        marker = folium.CircleMarker(radius=laag.stijl.straal, fill=True)
        # The pane in the style too: folium's point markers take their options from the style, not the layer.
        stijl = lambda f: {**leaflet_stijl(laag, f["properties"]), "pane": pane(sleutel)}  # noqa: E731
        # A session's own roads or rail travel inside its map: never published under the layer's shared name.
        _geojson(data, laag.label, stijl, key=sleutel, marker=marker, pane=pane(sleutel),
                 publiceer=not eigen).add_to(group)  # fmt: skip
    _schematisch_labels(sleutel, group, netwerk)
    if laag.label_veld:
        naam_labels(sleutel, group)
    return group


def _lagen(m: folium.Map, selected: str | None, indicator_sleutel: str | None, verberg=frozenset(), aan=None,
           bewaard: BewaardeLocaties | None = None, peil=None, peil_parken: PeilTerreinen | None = None,
           netwerk: eigen_netwerk.EigenNetwerk | None = None):  # fmt: skip
    """Add every catalogue layer in drawing order; returns {theme: [layers]}, the choropleth legend and
    {key: layer} of the layers a user can switch.

    Without an indicator the municipalities are outlines only (maps that show their own results on top).
    Layers whose key is in `verberg` are left out (replaced by a user's own file); `aan`, when given, is the
    set of layers switched on at start (else the catalogue's defaults); `netwerk` a session's own roads and rail.
    """
    AsyncLayerLoading().add_to(m)
    ZoomKlassen().add_to(m)
    _panes(m)
    m.get_root().header.add_child(folium.Element(_CSS))
    groepen: dict[str, list] = {}
    schakelbaar: dict[str, object] = {}
    legend = ""
    for laag in lagen.kaartlagen():
        if laag.sleutel in verberg:
            continue
        start = None if aan is None else laag.sleutel in aan
        if laag.sleutel == "gemeenten":
            if indicator_sleutel is None:
                layer = gemeenten_grenzen_layer(selected, pane("gemeenten"))
                group = folium.FeatureGroup(name=laag.label, show=True)
                layer.add_to(group)
                naam_labels("gemeenten", group)
                layer = group
            else:
                layer, legend = gemeenten_layer(indicator_sleutel, peil)
                naam_labels("gemeenten", layer)
            if start is not None:
                layer.show = start
        elif laag.bron == "werkruimte":
            if bewaard is None or not bewaard.aantal:
                continue  # nothing saved yet: no empty layer in the menu
            layer = bewaard_laag(laag, bewaard, start)
        elif laag.bron == "peildata":
            if peil_parken is None or not peil_parken.aantal:
                continue  # no imported year chosen, or it has no shapes
            layer = peil_laag(laag, peil_parken, None)  # shown whenever a year is chosen, whatever a link says
        else:
            layer = catalogus_laag(laag.sleutel, start, netwerk)
        layer.add_to(m)
        groepen.setdefault(laag.thema, []).append(layer)
        schakelbaar[laag.sleutel] = layer
    return groepen, legend, schakelbaar


# ---------- Locations saved in the workspace ----------


@dataclass(frozen=True)
class BewaardeLocaties:
    """The workspace's saved locations as the map's input: GeoJSON (EPSG:4326) with escaped popups and tooltips.

    Compared and hashed by `stempel` alone (the store's count and last change), so a cached map is rebuilt
    exactly when something was saved, changed or commented.
    """

    stempel: str
    aantal: int
    geojson: str = field(compare=False, repr=False)


def bewaarde_locaties(stempel: str, locaties, opmerkingen: dict[str, list]) -> BewaardeLocaties:
    """Build the layer's data from workspace records (`reb_maps.werkruimte.Locatie`, `Opmerking` per location id)."""
    if not locaties:
        return BewaardeLocaties(stempel, 0, json.dumps({"type": "FeatureCollection", "features": []}))
    geometrie = gpd.GeoSeries([loc.geometrie for loc in locaties], crs=RD).to_crs(WGS84)
    features = []
    for loc, geom in zip(locaties, geometrie, strict=True):
        rijen: list[tuple[str, object]] = [
            ("Gemeente(n)", ", ".join(loc.gemeenten) or "buiten Twente"),
            ("Oppervlakte", "punt" if loc.oppervlakte_ha is None else f"{fmt.getal(loc.oppervlakte_ha, 1)} ha"),
            ("Bewaard door", loc.auteur if loc.geverifieerd else f"{loc.auteur} (niet geverifieerd)"),
            ("Versie", loc.versie),
        ]
        if loc.notitie:
            rijen.append(("Notitie", loc.notitie))
        for i, o in enumerate(opmerkingen.get(loc.id, []), 1):
            rijen.append((f"Opmerking {i}", f"{o.auteur}: {o.tekst}"))
        features.append({
            "type": "Feature",
            "geometry": shapely.geometry.mapping(geom),
            "properties": {
                "popup": popup_html(loc.naam, rijen, "Werkruimte van het overleg; indicatief, geen beleid",
                                    max_hoogte=260),
                "tip": html.escape(f"{loc.naam} (bewaard)"),
            },
        })  # fmt: skip
    return BewaardeLocaties(stempel, len(features), json.dumps({"type": "FeatureCollection", "features": features}))


def bewaard_laag(laag: Laag, bewaard: BewaardeLocaties, aan: bool | None):
    group = folium.FeatureGroup(name=laag.label, show=laag.zichtbaar if aan is None else aan)
    marker = folium.CircleMarker(radius=laag.stijl.straal, fill=True)
    stijl = lambda f: {**leaflet_stijl(laag, f["properties"]), "pane": pane(laag.sleutel)}  # noqa: E731
    _geojson(json.loads(bewaard.geojson), laag.label, stijl, key=inhoud_sleutel(laag.sleutel, bewaard.geojson),
             marker=marker, pane=pane(laag.sleutel)).add_to(group)  # fmt: skip
    return group


# ---------- The parks of an imported IBIS year (Monitor) ----------


@dataclass(frozen=True)
class PeilTerreinen:
    """The parks of one imported year as the map's input (EPSG:4326, escaped popups); compared by `sleutel`
    (year, item and version), so a cached map is rebuilt exactly when another year or version is shown."""

    sleutel: str
    jaar: int
    aantal: int
    veranderd: int
    geojson: str = field(compare=False, repr=False)


def peil_terreinen(sleutel: str, jaar: int, parken: gpd.GeoDataFrame, bron: str) -> PeilTerreinen:
    """From `reb_maps.monitor.reeks.parken_met_verandering` (EPSG:28992; rows without a shape are left out)."""
    parken = parken[parken.geometry.notna() & ~parken.geometry.is_empty]
    if parken.empty:
        return PeilTerreinen(sleutel, jaar, 0, 0, json.dumps({"type": "FeatureCollection", "features": []}))
    vormen = parken.geometry.to_crs(WGS84)
    features = []
    for (_, p), vorm in zip(parken.iterrows(), vormen, strict=True):
        naam = p["naam"] or f"RIN {p['rin_nummer']}"
        rijen = [
            ("RIN-nummer", p["rin_nummer"]),
            ("Gemeente (telt in)", p["gemeente_naam"]),
            (f"Netto {jaar}", fmt.met_eenheid(p["ha_netto"], "ha", missing="geen opgave")),
            (f"Uitgeefbaar {jaar}", fmt.met_eenheid(p["ha_uitgeefbaar"], "ha", missing="geen opgave")),
            ("Sinds vorig jaar", p["verandering"]),
        ]
        if p["vorm_uit"]:
            rijen.append(("Vorm", p["vorm_uit"]))
        features.append({
            "type": "Feature",
            "geometry": shapely.geometry.mapping(vorm),
            "properties": {
                "popup": popup_html(naam, rijen, f"Bron: {bron}"),
                "tip": html.escape(f"{naam}: {p['verandering']}" if p["veranderd"] else str(naam)),
                "veranderd": bool(p["veranderd"]),
            },
        })  # fmt: skip
    data = json.dumps({"type": "FeatureCollection", "features": features})
    return PeilTerreinen(sleutel, jaar, len(features), int(parken["veranderd"].sum()), data)


def peil_laag(laag: Laag, terreinen: PeilTerreinen, aan: bool | None):
    """Parks whose area changed: dashed, thicker and brown (not by colour alone); the rest as declared."""
    group = folium.FeatureGroup(name=f"{laag.label}: {terreinen.jaar}", show=laag.zichtbaar if aan is None else aan)
    veranderd_kleur = laag.legenda[1][1]

    def stijl(feature):
        basis = leaflet_stijl(laag, feature["properties"])
        if feature["properties"].get("veranderd"):
            basis.update(color=veranderd_kleur, weight=3.5, dashArray="6 4")
        return basis

    sleutel = inhoud_sleutel(laag.sleutel, terreinen.geojson)
    _geojson(json.loads(terreinen.geojson), group.layer_name, stijl, key=sleutel, pane=pane(laag.sleutel)).add_to(group)
    return group


# The key under which the map reports its switched-on layers to the page (see LagenMelden).
LAGEN_MELDING = "_lagen"


class LagenMelden(folium.MacroElement):
    """Tell the page which catalogue layers are on, whenever the user switches one in the layer control.

    streamlit-folium reports only WMS layers in `selected_layers`; this fills that field with our layer keys
    (plus the marker LAGEN_MELDING, so the page can tell a report from an empty default) and nudges the
    component to send its value. Outside streamlit-folium (`__GLOBAL_DATA__` absent) it does nothing.
    """

    _template = jinja2.Template(
        """{% macro script(this, kwargs) %}
(function (map, lagen) {
    function meld() {
        var data = window.__GLOBAL_DATA__;
        if (!data) { return false; }
        var aan = {};
        aan[{{ this.marker|tojson }}] = {name: {{ this.marker|tojson }}, url: ""};
        for (var k in lagen) { if (map.hasLayer(lagen[k])) { aan[k] = {name: k, url: ""}; } }
        data.selected_layers = aan;
        return true;
    }
    map.on("overlayadd overlayremove", function () { if (meld()) { map.fire("moveend"); } });
    meld();
})({{ this._parent.get_name() }}, { {%- for k, v in this.lagen.items() %}{{ k|tojson }}: {{ v }},{% endfor %} });
{% endmacro %}"""
    )

    def __init__(self, schakelbaar: dict):
        super().__init__()
        self._name = "LagenMelden"
        self.marker = LAGEN_MELDING
        self.lagen = {k: layer.get_name() for k, layer in schakelbaar.items()}
        self.aan_bij_start = tuple(k for k, layer in schakelbaar.items() if getattr(layer, "show", True))

    def eerste_waarde(self) -> dict:
        """What the map reports when it first draws, as meld() builds it: the marker, then every layer shown from
        the start, in the order of `lagen`. Passed as the component's default (ui.kaart_cache), the first report
        equals it and the browser sends nothing: otherwise every map load started a second run of the page, and
        a click that came meanwhile (a form below the map) was lost when that run replaced the click's run."""
        return {"selected_layers": [{"name": k, "url": ""} for k in (self.marker, *self.aan_bij_start)]}


def gemelde_lagen(waarde: dict | None) -> tuple[str, ...] | None:
    """The switched-on layer keys from the map's returned value; None when the map said nothing about them."""
    gemeld = (waarde or {}).get("selected_layers")  # streamlit-folium sends the values: [{name, url}, …]
    if isinstance(gemeld, dict):
        gemeld = list(gemeld.values())
    if not isinstance(gemeld, list):
        return None
    namen = {item.get("name") for item in gemeld if isinstance(item, dict)}
    if LAGEN_MELDING not in namen:
        return None
    bekend = {laag.sleutel for laag in lagen.kaartlagen()}
    return tuple(sorted(k for k in namen if k in bekend))


class GegroepeerdLagenmenu(folium.plugins.GroupedLayerControl):
    """folium's grouped layer control with a stable script: it keeps the layers to switch off in a set, whose
    order changes between builds; the map render cache (kaart_cache) and the browser need the same script."""

    def __init__(self, groups, **kwargs):
        super().__init__(groups, **kwargs)
        uit = self.layers_untoggle
        self.layers_untoggle = [e.get_name() for leden in groups.values() for e in leden if e.get_name() in uit]


def dashboard_attributie(netwerk: eigen_netwerk.EigenNetwerk | None = None) -> str:
    """The caption under the Kaart; with a session's own roads or rail their file is named too."""
    return (
        f"{lagen.attributie()}{eigen_netwerk.bronzin(netwerk)}. Cijfers: {labels.REB}. Grenzen van bedrijventerreinen "
        f"{labels.BIJ_BENADERING}; gestippelde wegen en spoor zijn schematisch."
    )


THEMA_EIGEN = "Eigen data (alleen in deze sessie)"


def dashboard_map(
    indicator_sleutel: str,
    achtergrond_naam: str,
    selected: str | None,
    aan: tuple[str, ...] | None = None,
    eigen: tuple = (),
    verberg: frozenset[str] = frozenset(),
    bewaard: BewaardeLocaties | None = None,
    peil=None,
    peil_parken: PeilTerreinen | None = None,
    netwerk: eigen_netwerk.EigenNetwerk | None = None,
) -> folium.Map:
    """The Kaart page's map: every catalogue layer, the chosen choropleth, the selection outlined and zoomed to.

    `aan`: the catalogue layers switched on at start (None: the catalogue's defaults); `eigen`: a user's own
    layers as (folium layer, legend rows [(label, colour)]) — embedded in the map, never published as files
    (they are the session's alone); `verberg`: catalogue layers they replace; `bewaard`: the workspace's saved
    locations (drawn, and in the legend, only when there are any); `peil`: an imported year
    (`reb_maps.monitor.reeks.Peildatum`) whose figures colour the municipalities instead of the report's, and
    `peil_parken` its parks; `netwerk`: the session's own roads and rail (reb_maps.eigen_data.netwerk), drawn in
    the corridor and rail layers instead of their schematic stretches.
    """
    m = base_map(achtergrond_naam)
    groepen, choropleth_legend, schakelbaar = _lagen(m, None, indicator_sleutel, verberg, aan, bewaard, peil,
                                                     peil_parken, netwerk)  # fmt: skip
    if selected:
        selectie_groep(selected).add_to(m)
    LagenMelden(schakelbaar).add_to(m)
    eigen_rijen = []
    for layer, rijen in eigen:
        layer.add_to(m)
        groepen.setdefault(THEMA_EIGEN, []).append(layer)
        eigen_rijen += [(label, kleur, lagen.VLAK) for label, kleur in rijen]
    zonder = {laag.sleutel for laag in lagen.kaartlagen() if laag.bron == "werkruimte"}
    if not (bewaard and bewaard.aantal):
        verberg = verberg | zonder
    if not (peil_parken and peil_parken.aantal):
        verberg = verberg | {laag.sleutel for laag in lagen.kaartlagen() if laag.bron == "peildata"}
    meer = dashboard_legend(verberg, netwerk)
    if eigen_rijen:
        meer += f"<div style='margin-top:4px'><b>{html.escape(THEMA_EIGEN)}</b></div>{legend_items(eigen_rijen)}"
    add_legend(m, choropleth_legend, meer)
    volgorde = [*lagen.THEMAS, THEMA_EIGEN]  # the menu lists themes in this order, not in drawing order
    groepen = dict(sorted(groepen.items(), key=lambda kv: volgorde.index(kv[0]) if kv[0] in volgorde else 99))
    GegroepeerdLagenmenu(groepen, exclusive_groups=False, collapsed=True, position="topright").add_to(m)
    # The Kaart's map fills its frame, however high the page makes that frame (ui.opmaak); streamlit-folium writes a
    # fixed height on the map element, so the rule needs !important. Leaflet follows the frame's resize by itself.
    # Only here: a frame that takes its height from its content (other pages) would collapse to nothing.
    m.get_root().header.add_child(folium.Element("<style>.folium-map,#map_div{height:100vh !important}</style>"))
    return assets.localize(m)


class PasAan(folium.MacroElement):
    """Fit the map to bounds from inside a feature group (folium.FitBounds fits its direct parent, and a group
    has no fitBounds): the group's parent is the map, also when streamlit-folium adds the group afterwards."""

    _template = jinja2.Template(
        "{% macro script(this, kwargs) %}"
        "{{ this._parent._parent.get_name() }}.fitBounds({{ this.grenzen|tojson }}, {{ this.opties|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, grenzen):
        super().__init__()
        self._name = "PasAan"
        self.grenzen = grenzen
        self.opties = {"paddingTopLeft": [LEGENDA_BREEDTE_PX - 40, 10], "paddingBottomRight": [10, 10]}


def selectie_groep(selected: str | None) -> folium.FeatureGroup:
    """The chosen municipality as a small group beside the map: its outline and a fit to it (to Twente without
    a choice). The Kaart sends only this group when the choice changes (streamlit-folium's feature group), so
    the map itself, its layers and the browser's frame stay as they are.

    The outline takes no clicks: a click on it reaches the municipality below, as before."""
    groep = folium.FeatureGroup(name=labels.LAAG_SELECTIE, control=False)
    vorm = gemeenten_frame().set_index("gemeente").geometry.get(selected) if selected else None
    if vorm is None:
        PasAan(TWENTE_GRENZEN).add_to(groep)
        return groep
    minx, miny, maxx, maxy = vorm.bounds
    stijl = {"fill": False, "color": labels.KLEUR_SELECTIE, "weight": 4, "interactive": False}
    halo = {**stijl, "color": "#ffffff", "weight": 8, "opacity": 0.9}  # white under red: apart from the roads' red
    for naam, opmaak in (("halo", halo), ("lijn", stijl)):
        folium.GeoJson(
            shapely.geometry.mapping(vorm),
            name=f"{selected} ({naam})",
            style_function=lambda _f, opmaak=opmaak: opmaak,
            interactive=False,
            control=False,
            pane=PANE_SELECTIE,
        ).add_to(groep)
    PasAan([[miny, minx], [maxy, maxx]]).add_to(groep)
    return groep


# ---------- Context for maps that show their own results ----------


def gemeenten_grenzen_layer(selected: str | None, pane: str | None = None) -> folium.GeoJson:
    """Municipal outlines without fill (popups as on the dashboard), the selection drawn thicker."""
    sleutel = labels.INDICATOREN[0].sleutel  # same features and file as that choropleth; only the style differs
    data, _legend = _gemeenten_data(sleutel)

    def style(feature):
        chosen = feature["properties"]["gemeente"] == selected
        return {
            "fill": False,
            "color": labels.KLEUR_SELECTIE if chosen else labels.KLEUR_GEMEENTEGRENS,
            "weight": 4 if chosen else 1.5,
        }

    return _geojson(data, labels.LAAG_GEMEENTEN, style, key=f"gemeenten-{sleutel}", pane=pane)


def add_context_layers(m: folium.Map, selected: str | None) -> None:
    """The dashboard's layers in its drawing order, municipalities as outlines instead of the choropleth.

    No layer control and no legend: the caller adds its own layers on top and finishes the map.
    """
    _lagen(m, selected, None)
