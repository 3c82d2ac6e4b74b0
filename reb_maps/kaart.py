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
import pandas as pd

from reb_maps import assets, fmt, labels
from reb_maps.data import load_table, source_of
from reb_maps.geodata import layer_source, load_layer
from reb_maps.indicatoren import stoplicht, tekort

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


def _geojson(
    frame: gpd.GeoDataFrame,
    name: str,
    style,
    *,
    show: bool = True,
    marker=None,
    highlight: dict | None = None,
) -> folium.GeoJson:
    keep = [c for c in ("popup", "tip", "gemeente", "cbs_code", "kleur", "schematisch") if c in frame]
    layer = folium.GeoJson(
        frame[[*keep, "geometry"]],
        name=name,
        style_function=style,
        highlight_function=(lambda _f: highlight) if highlight else None,
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False) if "tip" in frame else None,
        popup=folium.GeoJsonPopup(fields=["popup"], labels=False) if "popup" in frame else None,
        marker=marker,
        show=show,
        zoom_on_click=False,
    )
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
        stoplicht(a, lo, hi)
        for a, lo, hi in zip(
            joined["hard_aanbod_ha"], joined["vraag_min_ha"], joined["vraag_max_ha"], strict=True
        )
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


def gemeenten_layer(sleutel: str, selected: str | None) -> tuple[folium.GeoJson, str]:
    """Choropleth of one indicator; returns the layer and its legend HTML."""
    frame = gemeenten_frame().copy()
    ind = labels.indicator(sleutel)
    values = indicator_values(frame, sleutel).astype("float64")
    known = values.dropna()
    low, high = (float(known.min()), float(known.max())) if len(known) else (0.0, 1.0)
    scale = branca.colormap.linear.__getattribute__(f"{ind.schaal}_09").scale(low, max(high, low + 1e-9))
    frame["kleur"] = [("#e0e0e0" if pd.isna(v) else scale(v)) for v in values]
    frame["tip"] = [
        f"{html.escape(g)}: {html.escape(fmt.met_eenheid(v, ind.eenheid, missing='geen opgave'))}"
        for g, v in zip(frame["gemeente"], indicator_values(frame, sleutel), strict=True)
    ]
    frame["popup"] = [gemeente_popup(row) for _, row in frame.iterrows()]

    def style(feature):
        chosen = feature["properties"]["gemeente"] == selected
        return {
            "fillColor": feature["properties"]["kleur"],
            "fillOpacity": 0.55,
            "color": labels.KLEUR_SELECTIE if chosen else labels.KLEUR_GEMEENTEGRENS,
            "weight": 4 if chosen else 1,
        }

    layer = _geojson(
        frame, labels.LAAG_GEMEENTEN, style, highlight={"weight": 3, "color": labels.KLEUR_SELECTIE}
    )
    legend = legend_scale(ind.label, ind.eenheid, scale, low, high, source_of("gemeenten", ind.kolom))
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


def legend_items(items: list[tuple[str, str, str]]) -> str:
    """(label, colour, shape) rows: shape 'lijn', 'stippel', 'vlak' or 'punt'."""
    rows = []
    for label, colour, shape in items:
        if shape == "lijn":
            sym = f"<span style='display:inline-block;width:16px;border-top:3px solid {colour}'></span>"
        elif shape == "stippel":
            sym = f"<span style='display:inline-block;width:16px;border-top:3px dashed {colour}'></span>"
        elif shape == "punt":
            sym = f"<span style='display:inline-block;width:10px;height:10px;border-radius:5px;background:{colour}'></span>"
        else:
            sym = f"<span style='display:inline-block;width:14px;height:10px;background:{colour};opacity:.6'></span>"
        rows.append(f"<div>{sym} {html.escape(label)}</div>")
    return "".join(rows)


def add_legend(m: folium.Map, inner_html: str) -> None:
    box = (
        "<div id='kaartlegenda' style='position:absolute;bottom:24px;left:10px;z-index:1000;"
        "background:rgba(255,255,255,.92);padding:6px 8px;border-radius:4px;font:12px sans-serif;"
        f"max-height:60%;overflow:auto;box-shadow:0 1px 4px rgba(0,0,0,.3)'>{inner_html}</div>"
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
        folium.TileLayer(
            tiles=bg.tiles, attr=bg.attributie, name=bg.naam, control=False, max_zoom=bg.max_zoom
        ).add_to(m)
    else:
        m.get_root().header.add_child(folium.Element("<style>.leaflet-container{background:#f4f4f0}</style>"))
    m.fit_bounds(bounds or TWENTE_GRENZEN)
    return m


def finish(m: folium.Map) -> folium.Map:
    folium.LayerControl(collapsed=True, position="topright").add_to(m)
    return assets.localize(m)


def attribution(*names: str) -> str:
    sources = sorted({layer_source(n) for n in names if layer_source(n)})
    return " · ".join(sources)
