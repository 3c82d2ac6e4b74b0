"""Page adapter of "Toets een locatie": drawing tool, card rows, comparison table, CSV, small maps and PDF.

No Streamlit here: everything takes `Toets` results (reb_maps.zoekgebieden.toets) and returns folium
elements, DataFrames, text or file bytes, so it is tested without a browser. The small maps are drawn
in RD New with matplotlib from the layer catalogue's colours.
"""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Sequence

import folium
import folium.plugins
import geopandas as gpd
import matplotlib
import numpy as np
import pandas as pd
import shapely
from PIL import Image
from pyproj import Transformer

from reb_maps import fmt, lagen
from reb_maps.cellen import csv_tekst
from reb_maps.geodata import load_analysis_layer
from reb_maps.lagen import ondergrond
from reb_maps.weergave import assets, kaart_nl, lettertype
from reb_maps.weergave.druk import kaart as druk_kaart
from reb_maps.zoekgebieden.gebied import Gebied
from reb_maps.zoekgebieden.profielen import KOLOMMEN, PROFIELEN
from reb_maps.zoekgebieden.toets import (
    AFSTAND_FACTOREN,
    NIET_VOLDAAN,
    OVERLAP_LABELS,
    VOETNOOT_PRINCIPES,
    VOLDAAN,
    Toets,
)

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path as MplPath

logging.getLogger("fontTools").setLevel(logging.WARNING)  # fpdf2's font subsetting logs every table at INFO

LAAG_GEBIEDEN = "Getoetste gebieden"
KLEUR_GEBIED = "#ff00ff"  # magenta: apart from the red roads, the viridis score and the candidates' black
BRON = (
    "Berekening: dit dashboard (toets van één gebied, indicatief); kaartgegevens: CBS/Kadaster (PDOK), "
    "OpenStreetMap, RVO/provincies"
)
_NAAR_RD = Transformer.from_crs(4326, 28992, always_xy=True)
_NAAR_WGS = Transformer.from_crs(28992, 4326, always_xy=True)
# Context of the small maps, bottom to top (keys of the layer catalogue).
KAARTJE_LAGEN = ("gemeenten", "natura2000", "nnn", "bebouwde_kom", "waterwegen", "bedrijventerreinen", "wegen")


BEWAARD = "Bewaard: "


def gebied_naam(naam: str) -> str:
    """'T2' → 'Getekend gebied 2'; candidate ids stay as they are ('Zoekgebied G01')."""
    if naam.startswith(BEWAARD):  # a saved location: the test carries its display name
        return naam
    return f"Getekend gebied {naam[1:]}" if naam.startswith("T") else f"Zoekgebied {naam}"


# ---------- The drawing tool and the drawn areas on the map ----------


def teken_gereedschap() -> folium.plugins.Draw:
    """Leaflet.draw with polygon, rectangle and marker (a point + an area in ha); served locally."""
    vorm = {"shapeOptions": {"color": KLEUR_GEBIED, "weight": 3, "fillOpacity": 0.1}}
    return folium.plugins.Draw(
        export=False,
        position="topleft",
        draw_options={
            "polyline": False,
            "circle": False,
            "circlemarker": False,
            "polygon": {**vorm, "allowIntersection": False, "showArea": False},
            "rectangle": {**vorm, "showArea": False},
            "marker": True,
        },
        edit_options={"edit": False, "remove": True},
    )


def voeg_teken_gereedschap_toe(m: folium.Map) -> folium.Map:
    kaart_nl.TekenTeksten().add_to(m)  # before the tool: Leaflet.draw reads its texts when it builds the buttons
    teken_gereedschap().add_to(m)
    return assets.localize(m)


def uit_tekening(feature: dict, ha: float) -> Gebied | None:
    """A drawn feature (GeoJSON, EPSG:4326) as an area on the 10 m grid; a marker becomes a circle of `ha`."""
    geometrie = (feature or {}).get("geometry") or {}
    try:
        vorm = shapely.geometry.shape(geometrie)
    except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.GEOSException):
        return None
    if vorm.is_empty:
        return None
    vorm = shapely.transform(vorm, lambda xy: np.column_stack(_NAAR_RD.transform(*xy.T)))
    if vorm.geom_type == "Point":
        return Gebied(cirkel=(int(round(vorm.x, -1)), int(round(vorm.y, -1)), float(ha)))
    if vorm.geom_type in ("Polygon", "MultiPolygon"):
        return Gebied.van(vorm)
    return None


def gebieden_groep(gebieden: dict[str, shapely.Geometry], actief: str | None) -> folium.FeatureGroup:
    """The saved drawn areas (EPSG:28992) as outlines with their name; the tested one drawn heavier."""
    groep = folium.FeatureGroup(name=LAAG_GEBIEDEN, show=True)
    for naam, geometrie in gebieden.items():
        wgs = shapely.transform(geometrie, lambda xy: np.column_stack(_NAAR_WGS.transform(*xy.T)))
        folium.GeoJson(
            shapely.geometry.mapping(wgs),
            style_function=lambda _f, zwaar=naam == actief: {
                "color": KLEUR_GEBIED, "weight": 4 if zwaar else 2, "fillOpacity": 0.12 if zwaar else 0.04,
            },
            tooltip=gebied_naam(naam),  # folium escapes a plain tooltip string
        ).add_to(groep)
    return assets.localize(groep)


# ---------- Card ----------


def _afstand_tekst(meter) -> str:
    if meter is None:
        return "–"
    return f"{fmt.getal(round(meter, -1), 0)} m" if meter < 1000 else f"{fmt.getal(meter / 1000, 1)} km"


def afstand_regel(t: Toets, factor: str) -> str:
    a = t.afstanden[factor]
    if a.meter is None:
        return "geen gegevens"
    tekst = f"{_afstand_tekst(a.meter)} ({a.naam}"
    return tekst + (", schematisch tracé: bij benadering)" if a.schematisch else ")")


def gemeenten_tekst(t: Toets) -> str:
    tekst = ", ".join(f"{n} {fmt.fractie(a) if a >= 0.005 else '< 1%'}" for n, a in t.gemeenten.items())
    buiten = 1 - sum(t.gemeenten.values())
    return tekst + (f", buiten Twente {fmt.fractie(buiten)}" if buiten >= 0.005 else "")


def kerncijfers(t: Toets) -> list[tuple[str, str, str | None]]:
    """The headline metrics of the card: label, value, help."""
    return [
        ("Oppervlakte", fmt.met_eenheid(t.oppervlakte_ha, "ha", 1), None),
        (
            "Geschiktheid gemiddeld",
            fmt.getal(t.score_gemiddeld, 2),
            "Gemiddelde score (0–1) van de rastercellen met hun middelpunt in het gebied, bij de huidige "
            "instellingen; alleen cellen die geen harde beperking raakt.",
        ),
        ("Geschiktheid minimum", fmt.getal(t.score_minimum, 2), None),
        (
            "Toegestane cellen",
            fmt.fractie(t.toegestaan_aandeel),
            f"Aandeel van de {t.cellen} rastercellen in het gebied dat geen harde beperking raakt.",
        ),
    ]


def maten(t: Toets) -> dict[str, str]:
    """Every measure of the card as formatted text (label → value): the card's table and the comparison."""
    rijen = {
        "Oppervlakte": fmt.met_eenheid(t.oppervlakte_ha, "ha", 1),
        "Gemeenten (aandeel)": gemeenten_tekst(t),
    }
    for factor in AFSTAND_FACTOREN:
        rijen[KOLOMMEN[f"afstand_{factor}_m"][0]] = afstand_regel(t, factor)
    for sleutel, o in t.overlap.items():
        rijen[f"Overlap {OVERLAP_LABELS[sleutel]}"] = (
            f"{fmt.met_eenheid(o.ha, 'ha', 1)} ({fmt.fractie(o.aandeel, 1)})"
        )
    rijen["Geschiktheid gemiddeld"] = fmt.getal(t.score_gemiddeld, 2)
    rijen["Geschiktheid minimum"] = fmt.getal(t.score_minimum, 2)
    rijen["Toegestane cellen"] = fmt.fractie(t.toegestaan_aandeel)
    for p in t.principes:
        rijen[f"{p.paragraaf} {p.naam}"] = f"{VOLDAAN if p.voldaan else NIET_VOLDAAN}: {p.waarde}"
    return rijen


def maten_tabel(t: Toets) -> pd.DataFrame:
    return pd.DataFrame({"Maat": list(maten(t)), "Waarde": list(maten(t).values())}).set_index("Maat")


def principes_tabel(t: Toets) -> pd.DataFrame:
    """One row per principle (its paragraph and name as the row's header), verdict and value."""
    return pd.DataFrame(
        {
            "Principe": [f"{p.paragraaf} {p.naam}" for p in t.principes],
            "Voldaan": [VOLDAAN if p.voldaan else NIET_VOLDAAN for p in t.principes],
            "Waarde": [p.waarde for p in t.principes],
        }
    ).set_index("Principe")


# ---------- Comparison ----------


def vergelijk_tabel(toetsen: Sequence[Toets]) -> pd.DataFrame:
    """Measures as rows, one column per area (formatted text)."""
    kolommen = {gebied_naam(t.naam): maten(t) for t in toetsen}
    frame = pd.DataFrame(kolommen)
    frame.index.name = "Maat"
    return frame


def vergelijk_csv(toetsen: Sequence[Toets]) -> str:
    """The comparison as CSV with plain numbers (one row per area, the command line's keys as columns)."""
    rijen = []
    for t in toetsen:
        d = t.to_dict()
        rij = {"gebied": t.naam, "profiel": t.profiel, "oppervlakte_ha": d["oppervlakte_ha"]}
        rij["gemeenten"] = "; ".join(f"{n} {a:.3f}" for n, a in d["gemeenten"].items())
        for factor in AFSTAND_FACTOREN:
            rij[f"afstand_{factor}_m"] = d[f"afstand_{factor}_m"]
            rij[f"{factor}_naam"] = t.afstanden[factor].naam
        rij["nweg_schematisch"] = t.afstanden["nweg"].schematisch
        rij |= {f"overlap_{k}_ha": v for k, v in d["overlap_ha"].items()}
        rij |= {"score_gemiddeld": d["score_gemiddeld"], "score_minimum": d["score_minimum"]}
        rij |= {f"principe_{i}_{p.naam}": p.voldaan for i, p in enumerate(t.principes, 1)}
        rijen.append(rij)
    return csv_tekst(pd.DataFrame(rijen), index=False)


@functools.cache
def _delen(sleutel: str) -> tuple[np.ndarray, shapely.STRtree]:
    """A context layer split into parts with a spatial index: a small map clips only what it shows."""
    laag = lagen.laag(sleutel)
    frame = load_analysis_layer(laag.bestand)
    if laag.filter and laag.filter[0] in frame:
        frame = frame[frame[laag.filter[0]] == laag.filter[1]]
    delen = shapely.get_parts(np.asarray(frame.geometry.values, dtype=object))
    return delen, shapely.STRtree(delen)


def _context(bounds) -> list[tuple[gpd.GeoSeries, lagen.Laag]]:
    uit = []
    for sleutel in KAARTJE_LAGEN:
        delen, boom = _delen(sleutel)
        raak = delen[boom.query(shapely.box(*bounds))]
        uit.append((gpd.GeoSeries(shapely.clip_by_rect(raak, *bounds)), lagen.laag(sleutel)))
    return uit


def _paden(geoms) -> list[MplPath]:
    """Matplotlib paths of (multi)polygons, holes included (drawn straight, not through geopandas' plot)."""
    paden = []
    for vlak in shapely.get_parts(np.asarray(geoms, dtype=object)):
        if vlak.geom_type != "Polygon" or vlak.is_empty:
            continue
        ringen = [vlak.exterior, *vlak.interiors]
        paden.append(MplPath.make_compound_path(*[MplPath(np.asarray(r.coords)[:, :2], closed=True) for r in ringen]))
    return paden


def _lijnen(geoms) -> list[np.ndarray]:
    delen = shapely.get_parts(np.asarray(geoms, dtype=object))
    return [np.asarray(d.coords)[:, :2] for d in delen if d.geom_type == "LineString" and not d.is_empty]


def kaartje(ax, t: Toets, marge_m: float = 1500) -> None:
    """One small map in RD New: the area over the catalogue's context layers, north up, 1 km bar."""
    minx, miny, maxx, maxy = t.geometrie.bounds
    zijde = max(maxx - minx, maxy - miny) / 2 + marge_m
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    bounds = (cx - zijde, cy - zijde, cx + zijde, cy + zijde)
    for geoms, laag in _context(bounds):
        s = laag.stijl
        if laag.sleutel == "gemeenten":  # outlines only: a fill would hide the rest
            ax.add_collection(LineCollection(_lijnen(shapely.boundary(geoms.values)), colors=s.kleur,
                                             linewidths=0.6, linestyles="--"))  # fmt: skip
        elif laag.geometrie == lagen.LIJN:
            ax.add_collection(LineCollection(_lijnen(geoms.values), colors=s.kleur, linewidths=max(s.lijn / 2, 0.8)))
        else:
            vlakken = [PathPatch(p) for p in _paden(geoms.values)]
            dekking = max(s.vuldekking, 0.15)
            ax.add_collection(PatchCollection(vlakken, facecolor=s.vul, alpha=dekking, edgecolor=s.kleur, lw=0.4))
    ax.add_collection(PatchCollection([PathPatch(p) for p in _paden([t.geometrie])], facecolor="none",
                                      edgecolor=KLEUR_GEBIED, linewidth=2))  # fmt: skip
    ax.set_xlim(bounds[0], bounds[2])
    ax.set_ylim(bounds[1], bounds[3])
    ax.set_aspect("equal")
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_xticks([])
    ax.set_yticks([])
    x0, y0 = bounds[0] + 0.06 * 2 * zijde, bounds[1] + 0.06 * 2 * zijde
    ax.plot([x0, x0 + 1000], [y0, y0], color="black", linewidth=2.5)
    schaal = ax.text(x0 + 500, y0 + 0.025 * 2 * zijde, "1 km", ha="center", fontsize=9, path_effects=druk_kaart.HALO)
    _namen(ax, bounds)
    druk_kaart.plaats_labels(ax, [schaal])  # names give way to each other and to the scale bar
    ax.set_title(gebied_naam(t.naam).replace("$", r"\$"), fontsize=12, fontweight="bold")  # a user's name: no mathtext


def _namen(ax, bounds) -> None:
    """Municipality and place names inside the small map, so a reader knows where it lies."""
    vak = shapely.box(*bounds)
    gemeenten = druk_kaart.gemeenten_rd()
    for _, rij in gemeenten.iterrows():
        punt = rij.geometry.intersection(vak).representative_point() if rij.geometry.intersects(vak) else None
        if punt is not None and not punt.is_empty:
            druk_kaart.kaart_label(ax, punt.x, punt.y, rij["gemeente"], druk_kaart.VOORRANG_GEMEENTE, fontsize=9,
                                   fontweight="bold", color="#333333", zorder=20)  # fmt: skip
    plaatsen = load_analysis_layer(ondergrond.PLAATSNAMEN)
    for _, rij in plaatsen[plaatsen.intersects(vak)].iterrows():
        druk_kaart.kaart_label(ax, rij.geometry.x, rij.geometry.y, str(rij[ondergrond.PLAATSNAAM_VELD]),
                               druk_kaart.VOORRANG_PLAATS, fontsize=8.5, color=ondergrond.KLEUR_PLAATSNAAM, zorder=19)


def _legenda(fig) -> None:
    """One legend under the small maps: the tested area and the context layers, in the catalogue's colours."""
    items = [Line2D([], [], color=KLEUR_GEBIED, linewidth=2.5, label="getoetst gebied")]
    for sleutel in KAARTJE_LAGEN:
        s = lagen.laag(sleutel).stijl
        naam = lagen.laag(sleutel).label
        if sleutel == "gemeenten":
            items.append(Line2D([], [], color=s.kleur, linewidth=1, linestyle="--", label="gemeentegrens"))
        elif lagen.laag(sleutel).geometrie == lagen.LIJN:
            items.append(Line2D([], [], color=s.kleur, linewidth=2, label=naam))
        else:
            items.append(Patch(facecolor=s.vul, alpha=max(s.vuldekking, 0.15) + 0.2, edgecolor=s.kleur, label=naam))
    fig.legend(handles=items, loc="outside lower center", ncols=4, fontsize=9, frameon=False)


def kaartjes_png(toetsen: Sequence[Toets], dpi: int = 150, per_rij: int | None = None) -> bytes:
    """The small maps of the compared areas, two or three to a row (on screen: large enough to read) or
    `per_rij`, with their names and one legend, as one PNG."""
    kolommen = per_rij or (2 if len(toetsen) in (2, 4) else 3)
    rijen = -(-len(toetsen) // kolommen)
    fig, assen = plt.subplots(rijen, kolommen, figsize=(4.2 * kolommen, 4.3 * rijen + 0.8), squeeze=False,
                              layout="constrained")  # fmt: skip
    try:
        vlak = list(assen.flat)
        for ax, t in zip(vlak, toetsen, strict=False):
            kaartje(ax, t)
        for ax in vlak[len(toetsen):]:
            ax.set_visible(False)
        _legenda(fig)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi)
    finally:
        plt.close(fig)
    return buffer.getvalue()


def vergelijk_pdf(toetsen: Sequence[Toets], profiel: str,
                  opmerkingen: Sequence[tuple[str, Sequence[str]]] = ()) -> bytes:  # fmt: skip
    """One A4 landscape page: title, the small maps, the comparison table, principles' note and source; then the
    comments of the saved locations it shows (from the workspace: name, and 'date, who: text' lines)."""
    from fpdf import FPDF

    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    lettertype.voeg_toe(pdf)
    pdf.add_page()
    pdf.set_margins(10, 10)
    pdf.set_font(lettertype.FAMILIE, "B", 14)
    pdf.cell(0, 8, "Vergelijking van locaties — toets aan de zoekcriteria", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(lettertype.FAMILIE, "", 8)
    pdf.cell(0, 5, f"Profiel: {PROFIELEN[profiel].label}. Indicatief, geen beleid.", new_x="LMARGIN", new_y="NEXT")
    kaartjes = kaartjes_png(toetsen, dpi=150, per_rij=len(toetsen))  # one row: the table must fit below
    b, h = Image.open(io.BytesIO(kaartjes)).size
    hoogte = min(72.0, 277 * h / b)
    pdf.image(io.BytesIO(kaartjes), x=10, y=pdf.get_y() + 1, h=hoogte)
    pdf.set_y(pdf.get_y() + 2 + hoogte)
    tabel = vergelijk_tabel(toetsen).reset_index()
    pdf.set_font(lettertype.FAMILIE, "", 6.5)
    eerste = 277 - (len(toetsen) * 52)
    with pdf.table(col_widths=(eerste, *([52] * len(toetsen))), line_height=3.2, first_row_as_headings=True,
                   text_align="LEFT") as tab:  # fmt: skip
        tab.row([str(c) for c in tabel.columns])
        for _, rij in tabel.iterrows():
            tab.row([str(v) for v in rij])
    pdf.set_font(lettertype.FAMILIE, "", 6)
    pdf.set_y(min(pdf.get_y() + 1, 193))
    pdf.multi_cell(0, 2.8, f"{VOETNOOT_PRINCIPES} {BRON}.")
    if any(regels for _, regels in opmerkingen):
        pdf.set_auto_page_break(True, margin=10)
        pdf.add_page()
        pdf.set_font(lettertype.FAMILIE, "B", 12)
        pdf.cell(0, 7, "Opmerkingen bij de bewaarde locaties (werkruimte)", new_x="LMARGIN", new_y="NEXT")
        for naam, regels in opmerkingen:
            pdf.set_font(lettertype.FAMILIE, "B", 9)
            pdf.multi_cell(0, 5, naam, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font(lettertype.FAMILIE, "", 8)
            for regel in regels or ["Geen opmerkingen."]:
                pdf.multi_cell(0, 4, f"• {regel}", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
    return bytes(pdf.output())
