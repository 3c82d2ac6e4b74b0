"""Map layers and tables of the page Zoekgebieden, built from one `Resultaat` (pure: no Streamlit).

The suitability surface is one PNG in an ImageOverlay. Leaflet stretches an image linearly in Web
Mercator, so the score cells (EPSG:28992) are resampled, nearest neighbour, onto a grid that is regular
in EPSG:3857; the cells then land where they belong (within half an image pixel). A palette PNG of a few
classes stays small. Candidates are an inline GeoJSON layer with escaped popups; the page hands both to
st_folium as feature groups, so a new result replaces them without redrawing the map underneath.
`uitkomst` bundles everything the page shows of one run (what it caches).
"""

from __future__ import annotations

import base64
import functools
import html
import io
import json
import math
from dataclasses import dataclass

import branca.colormap
import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from PIL import Image
from pyproj import Transformer

from reb_maps import fmt
from reb_maps.cellen import csv_tekst
from reb_maps.crs import WGS84
from reb_maps.kerncijfers import Kerncijfer
from reb_maps.weergave import assets, kaart
from reb_maps.zoekgebieden import export, grid
from reb_maps.zoekgebieden.gewichten import normaliseer
from reb_maps.zoekgebieden.profielen import FACTOREN, GEVOELIGHEID_KOLOMMEN, KOLOMMEN, MASKERS, Parameters
from reb_maps.zoekgebieden.zones import Resultaat, bereken

LAAG_SCORE = "Geschiktheid (score 0–1)"
LAAG_KANDIDATEN = "Kandidaat-zoekgebieden"
PANE = "zoekgebieden-score"  # below the vector layers (overlayPane, z-index 400), above the tiles
KLEUR_KANDIDAAT = "#111111"
N_KLASSEN = 10
# Colour-blind safe and readable on grey, colour and aerial basemaps; one colour per 0,1 of score.
KLEUREN = tuple(branca.colormap.linear.viridis.rgb_hex_str((k + 0.5) / N_KLASSEN) for k in range(N_KLASSEN))
ALFA_GESCHIKT = 0.8  # cells at or above the threshold
ALFA_ONDER = 0.3  # allowed cells below the threshold: visible, but clearly weaker
MAX_BREEDTE_PX = 1600
BRON = "Berekening: dit dashboard (indicatieve zoekanalyse); kaartgegevens: CBS/Kadaster, OpenStreetMap, RVO"
NOOT_POPUP = (
    "Indicatief: volgt uit de gekozen instellingen en open kaartgegevens, geen beleid. "
    "Afstanden hemelsbreed vanaf de rand van het gebied."
)

# The engine's column holding the name of each factor's nearest feature.
NAAM_KOLOM = {
    "afrit": "afrit",
    "nweg": "nweg",
    "station": "station",
    "vaarweg": "vaarweg",
    "hoogspanning": "hoogspanningsstation",
    "bedrijventerrein": "bedrijventerrein",
}


# ---------- Text ----------


def afstand_tekst(meter) -> str:
    """'0 m', '590 m', '1,4 km': the data are no more precise than that."""
    if fmt.is_missing(meter):
        return "–"
    meter = float(meter)
    if meter < 1000:
        return f"{fmt.getal(round(meter, -1), 0)} m"
    return f"{fmt.getal(meter / 1000, 1)} km"


def km_tekst(meter: float) -> str:
    """Cut-offs and limits: '500 m', '4 km', '1,5 km'."""
    return f"{fmt.getal(meter, 0)} m" if meter < 1000 else f"{fmt.getal(meter / 1000)} km"


def factor_hulp(naam: str, d0: float, d1: float) -> str:
    info = FACTOREN[naam]
    return (
        f"{info.label}. Dichterbij is beter: volle score tot {km_tekst(d0)}, geen score vanaf {km_tekst(d1)}, "
        f"daartussen lineair (hemelsbreed). Nauwkeurigheid: {info.nauwkeurigheid}."
    )


def masker_hulp(naam: str) -> str:
    return f"Nauwkeurigheid: {MASKERS[naam].nauwkeurigheid}."


def cli_commando(bestand: str = "parameters.json", uit: str = "zoekgebieden") -> str:
    """The command line that repeats a run from the downloaded parameters file."""
    return f"python -m reb_maps.zoekgebieden --parameters {bestand} --uit {uit}"


def _naam_en_afstand(rij, factor: str) -> str:
    naam = rij[NAAM_KOLOM[factor]]
    if fmt.is_missing(naam):
        return "–"
    tekst = f"{naam}, {afstand_tekst(rij[f'afstand_{factor}_m'])}"
    if factor == "nweg" and not fmt.is_missing(rij["nweg_schematisch"]) and bool(rij["nweg_schematisch"]):
        tekst += " (schematisch tracé, bij benadering)"
    return tekst


def _groter_gebied(rij) -> str:
    return f"ja, {fmt.met_eenheid(rij['gebied_ha'], 'ha', 0)}" if rij["kern_van_groter_gebied"] else "nee"


# ---------- The suitability surface ----------


@dataclass(frozen=True)
class Afbeelding:
    url: str  # data:image/png;base64,...
    bounds: list[list[float]]  # [[lat_min, lon_min], [lat_max, lon_max]]
    breedte: int
    hoogte: int


@functools.lru_cache(maxsize=8)
def _pixels(resolutie: int) -> tuple[np.ndarray, tuple[int, int], tuple[tuple[float, float], tuple[float, float]]]:
    """Per image pixel (regular in EPSG:3857, north up) the flat index of its grid cell, -1 outside.

    Also the image shape and its corners in latitude/longitude. Computed once per resolution.
    """
    r = grid.raster(resolutie)
    x0, y0, x1, y1 = r.bounds
    t = np.linspace(0.0, 1.0, 101)  # the rectangle's edges, densified: they curve in Mercator
    rand_x = np.concatenate([x0 + t * (x1 - x0), np.full_like(t, x1), x1 - t * (x1 - x0), np.full_like(t, x0)])
    rand_y = np.concatenate([np.full_like(t, y0), y0 + t * (y1 - y0), np.full_like(t, y1), y1 - t * (y1 - y0)])
    mx, my = Transformer.from_crs(28992, 3857, always_xy=True).transform(rand_x, rand_y)
    mx0, mx1, my1 = float(mx.min()), float(mx.max()), float(my.max())
    overs = min(4, max(1, MAX_BREEDTE_PX // r.nx))  # ≥ 1 pixel per cell keeps every cell visible
    breedte = r.nx * overs
    pixel = (mx1 - mx0) / breedte
    hoogte = math.ceil((my1 - float(my.min())) / pixel)
    my0 = my1 - hoogte * pixel
    px = mx0 + (np.arange(breedte) + 0.5) * pixel
    py = my1 - (np.arange(hoogte) + 0.5) * pixel
    gx, gy = np.meshgrid(px, py)
    rx, ry = Transformer.from_crs(3857, 28992, always_xy=True).transform(gx.ravel(), gy.ravel())
    kol = np.floor((rx - r.x0) / resolutie).astype(np.int64)
    rij = np.floor((ry - r.y0) / resolutie).astype(np.int64)
    binnen = (kol >= 0) & (kol < r.nx) & (rij >= 0) & (rij < r.ny)
    index = np.where(binnen, rij * r.nx + kol, -1).astype(np.int32)
    index.flags.writeable = False
    lon, lat = Transformer.from_crs(3857, 4326, always_xy=True).transform([mx0, mx1], [my0, my1])
    return index, (hoogte, breedte), ((lat[0], lon[0]), (lat[1], lon[1]))


def _palet() -> tuple[list[int], bytes]:
    """Palette entry 0 transparent, 1..N the classes below the threshold, N+1..2N at or above it."""
    rgb = [0, 0, 0]
    alfa = [0]
    for sterk in (False, True):
        for kleur in KLEUREN:
            rgb += [int(kleur[i : i + 2], 16) for i in (1, 3, 5)]
            alfa.append(round(255 * (ALFA_GESCHIKT if sterk else ALFA_ONDER)))
    return rgb, bytes(alfa)


def score_klassen(resultaat: Resultaat) -> np.ndarray:
    """Per cell its palette entry: 0 excluded, 1 + class (+ N_KLASSEN at or above the threshold)."""
    score = resultaat.score
    bekend = ~np.isnan(score)
    klasse = np.zeros(score.size, dtype=np.uint8)
    k = np.clip(np.floor(score[bekend] * N_KLASSEN), 0, N_KLASSEN - 1).astype(np.uint8)
    klasse[bekend] = 1 + k + N_KLASSEN * resultaat.geschikt[bekend].astype(np.uint8)
    return klasse


def score_afbeelding(resultaat: Resultaat) -> Afbeelding:
    """The score grid as a palette PNG (data URL) in Web Mercator, with its bounds for Leaflet."""
    index, (hoogte, breedte), (zuidwest, noordoost) = _pixels(resultaat.raster.resolutie)
    klasse = score_klassen(resultaat)
    pixels = np.where(index >= 0, klasse[np.maximum(index, 0)], 0).astype(np.uint8).reshape(hoogte, breedte)
    beeld = Image.frombytes("P", (breedte, hoogte), pixels.tobytes())
    rgb, alfa = _palet()
    beeld.putpalette(rgb)
    buffer = io.BytesIO()
    beeld.save(buffer, format="PNG", transparency=alfa, compress_level=6)  # 'optimize' costs 4× for 15 % less
    url = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
    return Afbeelding(url, [list(zuidwest), list(noordoost)], breedte, hoogte)


# ---------- Candidates ----------


def kandidaat_popup(rij, aantal: int) -> str:
    rijen = [
        ("Rang", f"{rij['rang']} van {aantal}"),
        (KOLOMMEN["oppervlakte_ha"][0], fmt.met_eenheid(rij["oppervlakte_ha"], "ha", 0)),
        ("Geschiktheid (gemiddeld, 0–1)", fmt.getal(rij["score"], 2)),
        (KOLOMMEN["gemeenten_aandeel"][0], rij["gemeenten_aandeel"]),
        ("Deel van een groter geschikt gebied", _groter_gebied(rij)),
    ]
    rijen += [(KOLOMMEN[NAAM_KOLOM[f]][0], _naam_en_afstand(rij, f)) for f in FACTOREN]
    return kaart.popup_html(f"Zoekgebied {rij['id']}", rijen, BRON, noot=NOOT_POPUP)


def kandidaten_data(resultaat: Resultaat) -> dict:
    """The candidates as slim GeoJSON (EPSG:4326) with escaped popup and tooltip, plus a label point each."""
    frame = resultaat.kandidaten
    if frame.empty:
        return {"type": "FeatureCollection", "features": []}
    # Zones are unions of cells: drop the collinear vertices along straight cell edges before reprojecting.
    vlakken = gpd.GeoSeries(shapely.simplify(frame.geometry.values, 0), crs=frame.crs).to_crs(WGS84)
    vlakken = shapely.transform(np.asarray(vlakken.values, dtype=object), lambda xy: np.round(xy, 6))
    punten = gpd.GeoSeries(shapely.point_on_surface(frame.geometry.values), crs=frame.crs).to_crs(WGS84)
    slank = gpd.GeoDataFrame(
        {
            "popup": [kandidaat_popup(rij, len(frame)) for _, rij in frame.iterrows()],
            "tip": [
                html.escape(
                    f"{rij['id']}: {fmt.met_eenheid(rij['oppervlakte_ha'], 'ha', 0)}, "
                    f"score {fmt.getal(rij['score'], 2)} ({rij['gemeenten']})"
                )
                for _, rij in frame.iterrows()
            ],
        },
        geometry=gpd.GeoSeries(vlakken, crs=4326),
        crs=4326,
    )
    data = kaart.feature_collection(slank)
    for feature, naam, punt in zip(data["features"], frame["id"], punten, strict=True):
        feature["properties"]["label"] = [round(punt.y, 6), round(punt.x, 6), str(naam)]
    return data


# ---------- Folium layers ----------


def _rgba(kleur: str, alfa: float) -> str:
    return f"rgba({int(kleur[1:3], 16)},{int(kleur[3:5], 16)},{int(kleur[5:7], 16)},{alfa})"


def legenda_html() -> str:
    """Static (the map underneath is not redrawn on a new result): score classes and the candidate symbol."""

    def rij(alfa: float, tekst: str) -> str:
        vakjes = "".join(
            f"<span style='display:inline-block;width:14px;height:10px;background:{_rgba(k, alfa)}'></span>"
            for k in KLEUREN
        )
        return f"<div style='white-space:nowrap'>{vakjes} {html.escape(tekst)}</div>"

    schaal = (
        "<div style='width:140px;display:flex;justify-content:space-between;color:#444'>"
        f"<span>0</span><span>{html.escape(fmt.getal(0.5, 1))}</span><span>1</span></div>"
    )
    return (
        f"<b>{html.escape(LAAG_SCORE)}</b>{rij(ALFA_GESCHIKT, 'boven de drempel')}"
        f"{rij(ALFA_ONDER, 'onder de drempel')}{schaal}"
        "<div style='color:#444'>Zonder kleur: uitgesloten.</div>"
        f"<div style='margin-top:4px'><span style='display:inline-block;width:14px;height:10px;"
        f"border:2px solid {KLEUR_KANDIDAAT};margin-right:4px'></span>{html.escape(LAAG_KANDIDATEN)}</div>"
    )


def basiskaart(achtergrond_naam: str, selected: str | None) -> folium.Map:
    """The map under the results: the dashboard's context layers, a pane for the score image, the legend."""
    m = kaart.base_map(achtergrond_naam)
    folium.map.CustomPane(PANE, z_index=350, pointer_events=False).add_to(m)
    kaart.add_context_layers(m, selected)
    kaart.add_legend(m, legenda_html(), kaart.dashboard_legend(), breedte="max-width:260px")
    return assets.localize(m)


def _kandidaat_stijl(_feature) -> dict:
    return {"color": KLEUR_KANDIDAAT, "weight": 3, "fillColor": "#ffffff", "fillOpacity": 0.08}


_LABEL_CSS = (
    "font:bold 11px sans-serif;color:#111;background:rgba(255,255,255,.85);border:1px solid #111;"
    "border-radius:3px;padding:0 3px;white-space:nowrap;display:inline-block"
)


def resultaat_groepen(afbeelding: Afbeelding, kandidaten: dict) -> list[folium.FeatureGroup]:
    """The score image and the candidates, each a feature group for the layer control."""
    score = folium.FeatureGroup(name=LAAG_SCORE, show=True)
    folium.raster_layers.ImageOverlay(
        afbeelding.url, afbeelding.bounds, pane=PANE, interactive=False, pixelated=True
    ).add_to(score)
    groep = folium.FeatureGroup(name=LAAG_KANDIDATEN, show=True)
    if kandidaten["features"]:
        folium.GeoJson(
            kandidaten,
            name=LAAG_KANDIDATEN,
            style_function=_kandidaat_stijl,
            highlight_function=lambda _f: {"weight": 5},
            tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False),
            popup=folium.GeoJsonPopup(fields=["popup"], labels=False),
            zoom_on_click=False,
        ).add_to(groep)
        for feature in kandidaten["features"]:
            lat, lon, naam = feature["properties"]["label"]
            folium.Marker(
                [lat, lon],
                icon=folium.DivIcon(
                    html=f"<div style='{_LABEL_CSS}'>{html.escape(naam)}</div>", icon_size=(36, 16), icon_anchor=(18, 8)
                ),
                interactive=False,
            ).add_to(groep)
    return [assets.localize(score), assets.localize(groep)]


def laagkeuze() -> folium.LayerControl:
    return folium.LayerControl(collapsed=True, position="topright")


def zoekkaart(resultaat: Resultaat, achtergrond_naam: str, selected: str | None = None) -> folium.Map:
    """Everything on one ordinary folium map (for tests and files; the page adds the groups dynamically)."""
    m = basiskaart(achtergrond_naam, selected)
    for groep in resultaat_groepen(score_afbeelding(resultaat), kandidaten_data(resultaat)):
        groep.add_to(m)
    laagkeuze().add_to(m)
    return m


# ---------- Tables for the page (formatted text, Dutch headers) ----------


def kandidaten_tabel(resultaat: Resultaat) -> pd.DataFrame:
    """The ranked candidates, every number formatted the Dutch way."""
    frame = resultaat.kandidaten
    kolommen = {
        KOLOMMEN["rang"][0]: frame["rang"].astype(int).tolist(),
        KOLOMMEN["id"][0]: frame["id"].tolist(),
        KOLOMMEN["oppervlakte_ha"][0]: [fmt.met_eenheid(v, "ha", 0) for v in frame["oppervlakte_ha"]],
        KOLOMMEN["score"][0]: [fmt.getal(v, 2) for v in frame["score"]],
        KOLOMMEN["gemeenten_aandeel"][0]: frame["gemeenten_aandeel"].tolist(),
        "Deel van groter geschikt gebied": [_groter_gebied(rij) for _, rij in frame.iterrows()],
    }
    for factor in FACTOREN:
        kolommen[KOLOMMEN[NAAM_KOLOM[factor]][0]] = [_naam_en_afstand(rij, factor) for _, rij in frame.iterrows()]
    return pd.DataFrame(kolommen)


def gewichten_tabel(params: Parameters, resultaat: Resultaat | None = None) -> pd.DataFrame:
    """Per factor the weight set, the normalised weight actually used, the cut-offs and the accuracy."""
    gebruikt = resultaat.gewichten if resultaat is not None else normaliseer(dict(params.gewichten))
    rijen = []
    for naam, gewicht in params.gewichten:
        d0, d1 = params.afstand(naam)
        genormaliseerd = gebruikt.get(naam, 0.0)  # a factor without data counts 0
        rijen.append(
            {
                "Factor": FACTOREN[naam].kort,
                "Gewicht (ingesteld)": fmt.getal(gewicht * 100, 0),
                "Gewicht (genormaliseerd)": fmt.fractie(genormaliseerd, 1),
                "Volle score tot": km_tekst(d0),
                "Geen score vanaf": km_tekst(d1),
                "Nauwkeurigheid": FACTOREN[naam].nauwkeurigheid,
            }
        )
    return pd.DataFrame(rijen)


def beperkingen_tabel(resultaat: Resultaat) -> pd.DataFrame:
    """Per hard constraint the area of Twente it excludes (overlapping, so they do not add up)."""
    rijen = [
        {
            "Harde beperking": MASKERS[naam].label,
            "Uitgesloten in Twente": fmt.met_eenheid(ha, "ha", 0),
            "Nauwkeurigheid": MASKERS[naam].nauwkeurigheid,
        }
        for naam, ha in resultaat.uitgesloten_ha().items()
    ]
    return pd.DataFrame(rijen)


def _verschil(ha: float) -> str:
    if round(ha) == 0:
        return "0 ha"
    teken = "+" if ha > 0 else "−"
    return f"{teken}{fmt.met_eenheid(abs(ha), 'ha', 0)}"


def gevoeligheid_tabel(frame: pd.DataFrame) -> pd.DataFrame:
    """The engine's sensitivity frame with Dutch headers and formatted values."""
    k = {naam: label for naam, (label, _eenheid) in GEVOELIGHEID_KOLOMMEN.items()}
    return pd.DataFrame(
        {
            k["factor_label"]: frame["factor_label"],
            k["wijziging"]: frame["wijziging"],
            k["gewicht"]: [fmt.fractie(v, 1) if not fmt.is_missing(v) else "–" for v in frame["gewicht"]],
            k["kandidaten"]: frame["kandidaten"].astype(int),
            k["oppervlakte_ha"]: [fmt.met_eenheid(v, "ha", 0) for v in frame["oppervlakte_ha"]],
            k["verschil_ha"]: [_verschil(v) for v in frame["verschil_ha"]],
            k["geschikt_ha"]: [fmt.met_eenheid(v, "ha", 0) for v in frame["geschikt_ha"]],
            k["rangen"]: frame["rangen"],
            k["gewijzigde_rangen"]: frame["gewijzigde_rangen"].astype(int),
            k["beste_blijft_eerste"]: ["ja" if v else "nee" for v in frame["beste_blijft_eerste"]],
        }
    )


# ---------- Everything the page shows of one run ----------


@dataclass(frozen=True)
class Uitkomst:
    """Small derived objects only: the page caches many of these, and the grids of a run weigh megabytes."""

    aantal: int
    kandidaten_ha: float
    geschikt_ha: float
    toegestaan_ha: float
    waarschuwingen: tuple[str, ...]
    afbeelding: Afbeelding
    kandidaten: dict
    tabel: pd.DataFrame
    gewichten: pd.DataFrame
    beperkingen: pd.DataFrame
    geojson: str
    csv: str


def uitkomst(params: Parameters, eigen_parken: grid.EigenParken | None = None) -> Uitkomst:
    """Run the search (with the user's own parks, if any) and build its map layers, tables and download files."""
    res = bereken(params, eigen_parken)
    return Uitkomst(
        aantal=res.aantal,
        kandidaten_ha=res.kandidaten_ha,
        geschikt_ha=res.geschikt_ha,
        toegestaan_ha=res.toegestaan_ha,
        waarschuwingen=res.waarschuwingen,
        afbeelding=score_afbeelding(res),
        kandidaten=kandidaten_data(res),
        tabel=kandidaten_tabel(res),
        gewichten=gewichten_tabel(params, res),
        beperkingen=beperkingen_tabel(res),
        geojson=json.dumps(export.geojson(res), ensure_ascii=False) + "\n",
        csv=csv_tekst(export.kandidaten_tabel(res), index=False),
    )


def kerncijfers(u: Uitkomst) -> list[Kerncijfer]:
    """The headline metrics of a run, in the same type as every other key figure of the app."""
    return [
        Kerncijfer("kandidaten", "Kandidaten", fmt.getal(u.aantal), BRON),
        Kerncijfer("kandidaten_ha", "Oppervlakte kandidaten", fmt.met_eenheid(u.kandidaten_ha, "ha", 0), BRON),
        Kerncijfer(
            "geschikt_ha", "Boven de drempel", fmt.met_eenheid(u.geschikt_ha, "ha", 0), BRON,
            uitleg="Alle toegestane cellen met minstens de drempelscore, ook buiten de kandidaten.",
        ),
        Kerncijfer(
            "toegestaan_ha", "Toegestaan", fmt.met_eenheid(u.toegestaan_ha, "ha", 0), BRON,
            uitleg="Oppervlakte van Twente die na alle harde beperkingen overblijft.",
        ),
    ]  # fmt: skip


def downloads(u: Uitkomst, parameters_json: str) -> list[tuple[str, str, str]]:
    """The three files of a run as (file name, content, MIME type): what the command line writes too."""
    return [
        ("kandidaten.geojson", u.geojson, "application/geo+json"),
        ("kandidaten.csv", u.csv, "text/csv"),
        ("parameters.json", parameters_json, "application/json"),
    ]
