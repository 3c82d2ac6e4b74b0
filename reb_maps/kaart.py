"""The folium map: layer builders and the whole-map assembly.

Every value that reaches a popup or tooltip passes `html.escape`: Leaflet renders popup text as HTML.
Popups and tooltips are prepared in Python as properties (`popup`, `tip`) so the browser gets only
what it shows.
"""

from __future__ import annotations

import functools
import html

import branca.colormap
import folium
import geopandas as gpd
import jinja2
import pandas as pd

from reb_maps import assets, fmt, labels
from reb_maps.data import load_table, source_of
from reb_maps.geodata import load_layer
from reb_maps.indicatoren import tekort
from reb_maps.kerncijfers import stoplicht

TWENTE_CENTRUM = (52.30, 6.68)
TWENTE_GRENZEN = [[52.06, 6.20], [52.54, 7.10]]


# ---------- HTML for popups and tooltips ----------


def popup_html(titel: str, rijen: list[tuple[str, str]], bron: str, noot: str | None = None) -> str:
    """A small table; every piece of text is escaped here, callers pass plain text."""
    cells = "".join(
        f"<tr><th style='text-align:left;padding-right:8px'>{html.escape(str(k))}</th>"
        f"<td>{html.escape(str(v))}</td></tr>"
        for k, v in rijen
    )
    extra = f"<div style='margin-top:4px'><i>{html.escape(noot)}</i></div>" if noot else ""
    return (
        f"<div style='font-family:sans-serif;font-size:13px;min-width:220px'>"
        f"<b>{html.escape(titel)}</b><table>{cells}</table>{extra}"
        f"<div style='color:#666;font-size:11px;margin-top:4px'>{html.escape(bron)}</div></div>"
    )


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


def _geojson(
    data: dict,
    name: str,
    style,
    *,
    key: str,
    show: bool = True,
    marker=None,
    highlight: dict | None = None,
) -> folium.GeoJson:
    """A GeoJSON layer whose features the browser loads from ./static/geo/<key>.geojson (cached).

    Styles and tooltips are still set here; only the feature data leaves the map script.
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
    )
    layer.embed = False
    layer.embed_link = assets.publish_geojson(key, data)
    return layer


# ---------- Municipalities ----------


@functools.cache
def gemeenten_frame() -> gpd.GeoDataFrame:
    """Municipal polygons joined to the report's figures by CBS code (once per process)."""
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
    return joined


def indicator_values(frame: pd.DataFrame, sleutel: str) -> pd.Series:
    ind = labels.indicator(sleutel)
    return frame["tekort_ha"] if ind.kolom is None else frame[ind.kolom]


def gemeente_popup(row) -> str:
    rijen = [
        ("Inwoners 2023", fmt.getal(row["inwoners_2023"])),
        ("Banen 2023", fmt.getal(row["banen_2023"])),
        ("Banengroei 2014–2023", fmt.met_eenheid(row["banen_groei_2014_2023_pct"], "%")),
        ("Netto areaal bedrijventerrein", fmt.met_eenheid(row["netto_areaal_ha"], "ha")),
        ("Indicatieve vraag tot 2040", fmt.bandbreedte(row["vraag_min_ha"], row["vraag_max_ha"])),
        ("Hard aanbod 1-1-2023", fmt.met_eenheid(row["hard_aanbod_ha"], "ha", missing="geen opgave")),
        ("Stoplicht", row["stoplicht"]),
    ]
    return popup_html(row["gemeente"], rijen, f"Bron: {labels.REB}, Tabel 2, 8 en 10")


@functools.cache
def _gemeenten_data(sleutel: str) -> tuple[dict, str]:
    """The choropleth's features and legend for one indicator (cached: selection only changes style)."""
    frame = gemeenten_frame().copy()
    ind = labels.indicator(sleutel)
    raw = indicator_values(frame, sleutel)
    values = raw.astype("float64")
    known = values.dropna()
    low, high = (float(known.min()), float(known.max())) if len(known) else (0.0, 1.0)
    scale = getattr(branca.colormap.linear, f"{ind.schaal}_09").scale(low, max(high, low + 1e-9))
    frame["kleur"] = [("#e0e0e0" if pd.isna(v) else scale(v)) for v in values]
    frame["tip"] = [
        f"{html.escape(g)}: {html.escape(fmt.met_eenheid(v, ind.eenheid, missing='geen opgave'))}"
        for g, v in zip(frame["gemeente"], raw, strict=True)
    ]
    frame["popup"] = [gemeente_popup(row) for _, row in frame.iterrows()]
    legend = legend_scale(ind.label, ind.eenheid, scale, low, high, source_of("gemeenten", ind.kolom))
    return feature_collection(frame), legend


def gemeenten_layer(sleutel: str, selected: str | None) -> tuple[folium.GeoJson, str]:
    """Choropleth of one indicator with the selection outlined; returns the layer and its legend HTML."""
    data, legend = _gemeenten_data(sleutel)

    def style(feature):
        chosen = feature["properties"]["gemeente"] == selected
        return {
            "className": f"gemeente-{feature['properties']['cbs_code']}",
            "fillColor": feature["properties"]["kleur"],
            "fillOpacity": 0.55,
            "color": labels.KLEUR_SELECTIE if chosen else labels.KLEUR_GEMEENTEGRENS,
            "weight": 4 if chosen else 1,
        }

    highlight = {"weight": 3, "color": labels.KLEUR_SELECTIE}
    layer = _geojson(data, labels.LAAG_GEMEENTEN, style, key=f"gemeenten-{sleutel}", highlight=highlight)
    return layer, legend


# ---------- Legend ----------


def legend_scale(titel, eenheid, scale, low, high, bron) -> str:
    steps = [low + (high - low) * i / 4 for i in range(5)]
    swatches = "".join(
        f"<div><span style='display:inline-block;width:14px;height:10px;background:{scale(v)};"
        f"margin-right:4px'></span>{html.escape(fmt.met_eenheid(v, eenheid, decimals=0))}</div>"
        for v in steps
    )
    return (
        f"<b>{html.escape(titel)}</b>{swatches}"
        "<div><span style='display:inline-block;width:14px;height:10px;background:#e0e0e0;"
        "margin-right:4px'></span>geen opgave</div>"
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


def add_legend(m: folium.Map, always: str, more: str = "") -> None:
    """Legend box bottom-left: the choropleth always visible, the layer symbols folded away."""
    folded = f"<details><summary style='cursor:pointer'>Overige lagen</summary>{more}</details>" if more else ""
    box = (
        "<div id='kaartlegenda' style='position:absolute;bottom:56px;left:10px;z-index:1000;"
        "background:rgba(255,255,255,.92);padding:6px 8px;border-radius:4px;font:11px sans-serif;"
        f"max-height:55%;max-width:260px;overflow:auto;box-shadow:0 1px 4px rgba(0,0,0,.3)'>{always}{folded}</div>"
    )
    m.get_root().html.add_child(folium.Element(box))


# ---------- Base map ----------


def base_map(achtergrond_naam: str, bounds=None) -> folium.Map:
    bg = labels.achtergrond(achtergrond_naam)
    m = folium.Map(
        location=TWENTE_CENTRUM,
        zoom_start=10,
        tiles=None,
        control_scale=True,
        min_zoom=8,
        max_zoom=bg.max_zoom,
    )
    if bg.tiles:
        folium.TileLayer(tiles=bg.tiles, attr=bg.attributie, name=bg.naam, control=False, max_zoom=bg.max_zoom).add_to(
            m
        )
    else:
        m.get_root().header.add_child(folium.Element("<style>.leaflet-container{background:#f4f4f0}</style>"))
    m.fit_bounds(bounds or TWENTE_GRENZEN, padding=(20, 20))
    return m


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

PUNT_TYPES_CAMPUS = {"campus", "innovatieomgeving"}


def _locatie_laag(row) -> str:
    if row["type"] in PUNT_TYPES_CAMPUS:
        return labels.LAAG_CAMPUSSEN
    if row["status"] != "bestaand":
        return labels.LAAG_PLANNEN
    if row["grootschalig"]:
        return labels.LAAG_GROOTSCHALIG
    return labels.LAAG_BEDRIJVENTERREINEN


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
    """Every named location with its geometry (TOP10NL polygon or indicative point) and map layer."""
    polygons = load_layer("bedrijventerreinen")
    points = load_layer("locatie_punten")
    geo = pd.concat([polygons, points], ignore_index=True)
    if geo.empty:
        return gpd.GeoDataFrame(columns=["locatie_id", "geometry"], geometry="geometry", crs="EPSG:4326")
    geo = gpd.GeoDataFrame(geo, geometry="geometry", crs=polygons.crs or points.crs)
    locaties = load_table("locaties")
    sizes = load_table("grootschalige_terreinen")[["locatie_id", "bruto_ha", "netto_ha"]]
    frame = geo[["locatie_id", "nauwkeurigheid", "geometry"]].merge(locaties, on="locatie_id", how="inner")
    frame = frame.merge(sizes, on="locatie_id", how="left")
    feiten = {r["campus"]: r for r in load_table("campus_feiten").to_dict("records")}
    frame["laag"] = frame.apply(_locatie_laag, axis=1)
    frame["kleur"] = [
        labels.STATUS_KLEUREN.get(s, "#666") if laag == labels.LAAG_PLANNEN else labels.LAAG_KLEUREN[laag]
        for s, laag in zip(frame["status"], frame["laag"], strict=True)
    ]
    frame["popup"] = [_locatie_popup(row, feiten) for _, row in frame.iterrows()]
    frame["tip"] = [f"{html.escape(n)} ({html.escape(s)})" for n, s in zip(frame["naam"], frame["status"], strict=True)]
    # Two report parks can share one TOP10NL polygon (Twentekanaal Noord and Zuid): draw it once, with both popups.
    frame["_wkb"] = frame.geometry.to_wkb()
    merged = frame.groupby(["laag", "_wkb"], sort=False, as_index=False).agg(
        {c: "first" for c in frame.columns if c not in ("laag", "_wkb", "popup", "tip")}
        | {"popup": "".join, "tip": " · ".join}
    )
    return gpd.GeoDataFrame(merged.drop(columns="_wkb"), geometry="geometry", crs="EPSG:4326")


LOCATIE_LAGEN = (labels.LAAG_GROOTSCHALIG, labels.LAAG_BEDRIJVENTERREINEN, labels.LAAG_CAMPUSSEN, labels.LAAG_PLANNEN)


@functools.cache
def _locatie_data(laag: str) -> dict:
    frame = locaties_frame()
    return feature_collection(frame[frame["laag"] == laag]) if not frame.empty else feature_collection(frame)


def locatie_layers() -> list[folium.GeoJson]:
    layers = []
    for naam in LOCATIE_LAGEN:
        data = _locatie_data(naam)
        if not data["features"]:
            continue
        big = naam == labels.LAAG_GROOTSCHALIG

        def style(feature, big=big):
            colour = feature["properties"]["kleur"]
            return {
                "color": colour,
                "weight": 3 if big else 2,
                "fillColor": colour,
                "fillOpacity": 0.45 if big else 0.3,
            }

        marker = folium.CircleMarker(radius=7, weight=2, fill=True)
        layers.append(_geojson(data, naam, style, key=f"locaties-{LOCATIE_LAGEN.index(naam)}", marker=marker))
    return layers


# ---------- Infrastructure and environment ----------


@functools.cache
def _plain_data(name: str, titel: str, tip_field: str | None, bron: str) -> dict:
    frame = load_layer(name)
    if tip_field and tip_field in frame:
        tips = [html.escape(titel if fmt.is_missing(v) else str(v)) for v in frame[tip_field]]
    else:
        tips = [html.escape(titel)] * len(frame)
    frame["tip"] = [f"{t} <span style='color:#666'>({html.escape(bron)})</span>" for t in tips]
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
    style: function () { return {{ this.style|tojson }}; },
    pointToLayer: function (feature, latlng) { return L.circleMarker(latlng, {{ this.style|tojson }}); },
    onEachFeature: function (feature, layer) {
        if (feature.properties && feature.properties.tip) { layer.bindTooltip(feature.properties.tip, {sticky: true}); }
    }
});
{{ this.get_name() }}.once("add", function () {
    $.getJSON({{ this.url|tojson }}, function (data) { {{ this.get_name() }}.addData(data); });
});
{% endmacro %}"""
    )

    def __init__(self, url: str, name: str, style: dict, show: bool = False):
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "LazyGeoJson"
        self.url = url
        self.style = style


def _plain_layer(name: str, titel: str, style: dict, *, show: bool, tip_field: str | None, bron: str, marker=None):
    data = _plain_data(name, titel, tip_field, bron)
    if not show:
        return LazyGeoJson(assets.publish_geojson(name, data), titel, style)
    return _geojson(data, titel, lambda _f: style, key=name, show=show, marker=marker)


@functools.cache
def _corridor_data() -> tuple[dict, tuple]:
    frame = load_layer("corridors")
    frame["schematisch"] = frame["schematisch"].astype(bool)
    frame["tip"] = [
        html.escape(f"{c} — {labels.SCHEMATISCH}, ligging bij benadering" if s else f"{c} (OpenStreetMap)")
        for c, s in zip(frame["corridor"], frame["schematisch"], strict=True)
    ]
    labels_at = tuple(
        (row["corridor"], row.geometry.interpolate(0.5, normalized=True))
        for _, row in frame[frame["schematisch"]].iterrows()
    )
    return feature_collection(frame), labels_at


def corridor_layer() -> folium.FeatureGroup:
    """Real road lines solid; schematic stretches dashed and labelled as such."""
    group = folium.FeatureGroup(name=labels.LAAG_WEGEN, show=True)
    data, labels_at = _corridor_data()
    colour = labels.LAAG_KLEUREN[labels.LAAG_WEGEN]

    def style(feature):
        dashed = feature["properties"]["schematisch"]
        return {"color": colour, "weight": 3 if dashed else 4, "dashArray": "8 6" if dashed else None, "opacity": 0.85}

    _geojson(data, labels.LAAG_WEGEN, style, key="corridors").add_to(group)
    for corridor, mid in labels_at:
        folium.Marker(
            [mid.y, mid.x],
            icon=folium.DivIcon(
                html=f"<div class='corridorlabel'>{html.escape(corridor)} (schematisch)</div>",
                icon_size=(120, 16),
                icon_anchor=(0, 8),
            ),
        ).add_to(group)
    return group


@functools.cache
def _spoor_data() -> tuple[dict, dict]:
    lines = load_layer("spoor_schematisch")
    lines["tip"] = [html.escape(f"{lijn} — {labels.SCHEMATISCH} (tussen echte stations)") for lijn in lines["lijn"]]
    stations = load_layer("stations")
    stations["tip"] = [f"Station {html.escape(n)}" for n in stations["naam"]]
    return feature_collection(lines), feature_collection(stations)


def spoor_layer() -> folium.FeatureGroup:
    group = folium.FeatureGroup(name=labels.LAAG_SPOOR, show=True)
    lines, stations = _spoor_data()
    line_style = {"color": "#333", "weight": 2, "dashArray": "2 6"}
    _geojson(lines, "spoor", lambda _f: line_style, key="spoor").add_to(group)
    station_style = {"color": "#111", "fillColor": "#fff", "fillOpacity": 1, "weight": 2, "radius": 4}
    marker = folium.CircleMarker(radius=4)
    _geojson(stations, "stations", lambda _f: station_style, key="stations", marker=marker).add_to(group)
    return group


def omgeving_layers() -> list:
    k = labels.LAAG_KLEUREN
    vlak = {"weight": 1, "fillOpacity": 0.35}
    return [
        _plain_layer("natura2000", labels.LAAG_NATURA2000, {"color": k[labels.LAAG_NATURA2000], **vlak},
                     show=False, tip_field="naam", bron=labels.BRON_NATUUR),
        _plain_layer("nnn", labels.LAAG_NNN, {"color": k[labels.LAAG_NNN], "weight": 0, "fillOpacity": 0.45},
                     show=False, tip_field=None, bron=labels.BRON_NATUUR),
        _plain_layer("stikstofzone", labels.LAAG_STIKSTOF,
                     {"color": k[labels.LAAG_STIKSTOF], "weight": 1, "fillOpacity": 0.1, "dashArray": "4 4"},
                     show=False, tip_field=None, bron="indicatief, afgeleid van een kabinetsvoorstel (2025)"),
        _plain_layer("bebouwde_kom", labels.LAAG_BEBOUWING, {"color": k[labels.LAAG_BEBOUWING], "weight": 0,
                     "fillOpacity": 0.35}, show=False, tip_field="naam", bron=labels.BRON_CBS_KADASTER),
        _plain_layer("waterwegen", labels.LAAG_WATER, {"color": k[labels.LAAG_WATER], "weight": 1,
                     "fillOpacity": 0.7}, show=True, tip_field="naam", bron=labels.BRON_CBS_KADASTER),
        _plain_layer("afritten", labels.LAAG_AFRITTEN,
                     {"color": k[labels.LAAG_AFRITTEN], "fillColor": "#fff", "fillOpacity": 1, "weight": 2,
                      "radius": 4},
                     show=False, tip_field="naam", bron=labels.BRON_OSM, marker=folium.CircleMarker(radius=4)),
        _plain_layer("hoogspanning_stations", labels.LAAG_HOOGSPANNING,
                     {"color": k[labels.LAAG_HOOGSPANNING], "fillColor": k[labels.LAAG_HOOGSPANNING],
                      "fillOpacity": 0.9, "weight": 1, "radius": 5},
                     show=False, tip_field="naam", bron=labels.BRON_OSM, marker=folium.CircleMarker(radius=5)),
    ]  # fmt: skip


DASHBOARD_ATTRIBUTIE = (
    f"Kaartlagen: {labels.BRON_CBS_KADASTER}; {labels.BRON_OSM}; {labels.BRON_NATUUR}. "
    f"Cijfers: {labels.REB}. Grenzen van bedrijventerreinen {labels.BIJ_BENADERING}; "
    "gestippelde wegen en spoor zijn schematisch."
)


def dashboard_legend() -> str:
    k = labels.LAAG_KLEUREN
    items = [
        (labels.LAAG_GROOTSCHALIG, k[labels.LAAG_GROOTSCHALIG], "vlak"),
        (labels.LAAG_BEDRIJVENTERREINEN, k[labels.LAAG_BEDRIJVENTERREINEN], "vlak"),
        (labels.LAAG_CAMPUSSEN, k[labels.LAAG_CAMPUSSEN], "punt"),
        *[
            (f"Plan: {status}", kleur, "punt")
            for status, kleur in labels.STATUS_KLEUREN.items()
            if status != "bestaand"
        ],
        ("Snelweg / N-weg", k[labels.LAAG_WEGEN], "lijn"),
        ("Weg, schematisch tracé", k[labels.LAAG_WEGEN], "stippel"),
        ("Spoor, schematisch", k[labels.LAAG_SPOOR], "stippel"),
        (labels.LAAG_WATER, k[labels.LAAG_WATER], "lijn"),
    ]
    return legend_items(items)


_CSS = (
    "<style>.corridorlabel{font:bold 11px sans-serif;color:#a00;white-space:nowrap;"
    "text-shadow:0 0 3px #fff,0 0 3px #fff}</style>"
)


def dashboard_map(indicator_sleutel: str, achtergrond_naam: str, selected: str | None) -> folium.Map:
    """The Kaart page's map: all layers, the chosen choropleth, the selection outlined and zoomed to."""
    bounds = None
    if selected:
        shape = gemeenten_frame().set_index("gemeente").geometry.get(selected)
        if shape is not None:
            minx, miny, maxx, maxy = shape.bounds
            bounds = [[miny, minx], [maxy, maxx]]
    m = base_map(achtergrond_naam, bounds)
    AsyncLayerLoading().add_to(m)
    m.get_root().header.add_child(folium.Element(_CSS))
    gem_layer, choropleth_legend = gemeenten_layer(indicator_sleutel, selected)
    gem_layer.add_to(m)  # lowest, so everything drawn later stays visible and clickable
    omgeving = omgeving_layers()
    for layer in omgeving[:5]:  # areas: nature, nitrogen zone, built-up area, water
        layer.add_to(m)
    for layer in locatie_layers():
        layer.add_to(m)
    corridor_layer().add_to(m)
    spoor_layer().add_to(m)
    for layer in omgeving[5:]:  # points: exits and substations on top
        layer.add_to(m)
    add_legend(m, choropleth_legend, dashboard_legend())
    return finish(m)


# ---------- Context for maps that show their own results ----------


def gemeenten_grenzen_layer(selected: str | None) -> folium.GeoJson:
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

    return _geojson(data, labels.LAAG_GEMEENTEN, style, key=f"gemeenten-{sleutel}")


def add_context_layers(m: folium.Map, selected: str | None) -> None:
    """The dashboard's layers in its drawing order, municipalities as outlines instead of the choropleth.

    No layer control and no legend: the caller adds its own layers on top and finishes the map.
    """
    AsyncLayerLoading().add_to(m)
    m.get_root().header.add_child(folium.Element(_CSS))
    gemeenten_grenzen_layer(selected).add_to(m)
    omgeving = omgeving_layers()
    for layer in omgeving[:5]:
        layer.add_to(m)
    for layer in locatie_layers():
        layer.add_to(m)
    corridor_layer().add_to(m)
    spoor_layer().add_to(m)
    for layer in omgeving[5:]:
        layer.add_to(m)
