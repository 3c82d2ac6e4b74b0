"""Small print maps of tested areas for the comparison (screen PNG and the A4 comparison PDF), in RD New.

Each small map draws one area over the catalogue's context layers, with names and a 1 km bar, using the print
map's labelling so names give way to each other. Input is plain: a title and a shapely geometry per area.
"""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Sequence

import geopandas as gpd
import matplotlib
import numpy as np
import pandas as pd
import shapely
from fpdf import FPDF
from PIL import Image

from reb_maps import lagen
from reb_maps.geodata import load_analysis_layer
from reb_maps.lagen import ondergrond
from reb_maps.weergave import lettertype
from reb_maps.weergave.druk import kaart as druk_kaart

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path as MplPath

logging.getLogger("fontTools").setLevel(logging.WARNING)  # fpdf2's font subsetting logs every table at INFO

Benoemd = tuple[str, shapely.Geometry]  # (title, area in RD New)
KLEUR_GEBIED = "#ff00ff"  # magenta: apart from the red roads, the viridis score and the candidates' black
# Context of the small maps, bottom to top (keys of the layer catalogue).
KAARTJE_LAGEN = ("gemeenten", "natura2000", "nnn", "bebouwde_kom", "waterwegen", "bedrijventerreinen", "wegen")


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


def kaartje(ax, titel: str, geometrie: shapely.Geometry, marge_m: float = 1500) -> None:
    """One small map in RD New: the area over the catalogue's context layers, north up, 1 km bar."""
    minx, miny, maxx, maxy = geometrie.bounds
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
    ax.add_collection(PatchCollection([PathPatch(p) for p in _paden([geometrie])], facecolor="none",
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
    ax.set_title(titel.replace("$", r"\$"), fontsize=12, fontweight="bold")  # a user's name: no mathtext


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
        druk_kaart.kaart_label(
            ax,
            rij.geometry.x,
            rij.geometry.y,
            str(rij[ondergrond.PLAATSNAAM_VELD]),
            druk_kaart.VOORRANG_PLAATS,
            fontsize=8.5,
            color=ondergrond.KLEUR_PLAATSNAAM,
            zorder=19,
        )


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


def kaartjes_png(gebieden: Sequence[Benoemd], dpi: int = 150, per_rij: int | None = None) -> bytes:
    """The small maps of the compared areas, two or three to a row (on screen: large enough to read) or
    `per_rij`, with their names and one legend, as one PNG."""
    kolommen = per_rij or (2 if len(gebieden) in (2, 4) else 3)
    rijen = -(-len(gebieden) // kolommen)
    fig, assen = plt.subplots(rijen, kolommen, figsize=(4.2 * kolommen, 4.3 * rijen + 0.8), squeeze=False,
                              layout="constrained")  # fmt: skip
    try:
        vlak = list(assen.flat)
        for ax, (titel, geometrie) in zip(vlak, gebieden, strict=False):
            kaartje(ax, titel, geometrie)
        for ax in vlak[len(gebieden) :]:
            ax.set_visible(False)
        _legenda(fig)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi)
    finally:
        plt.close(fig)
    return buffer.getvalue()


def vergelijking_pdf(gebieden: Sequence[Benoemd], tabel: pd.DataFrame, ondertitel: str, voetnoot: str,
                     opmerkingen: Sequence[tuple[str, Sequence[str]]] = ()) -> bytes:  # fmt: skip
    """One A4 landscape page: title, the small maps, the comparison table (a column per area), a note with the
    sources; then the comments of the saved locations it shows (from the workspace: name, and 'date, who: text')."""
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    lettertype.voeg_toe(pdf)
    pdf.add_page()
    pdf.set_margins(10, 10)
    pdf.set_font(lettertype.FAMILIE, "B", 14)
    pdf.cell(0, 8, "Vergelijking van locaties — toets aan de zoekcriteria", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(lettertype.FAMILIE, "", 8)
    pdf.cell(0, 5, ondertitel, new_x="LMARGIN", new_y="NEXT")
    kaartjes = kaartjes_png(gebieden, dpi=150, per_rij=len(gebieden))  # one row: the table must fit below
    b, h = Image.open(io.BytesIO(kaartjes)).size
    hoogte = min(72.0, 277 * h / b)
    pdf.image(io.BytesIO(kaartjes), x=10, y=pdf.get_y() + 1, h=hoogte)
    pdf.set_y(pdf.get_y() + 2 + hoogte)
    pdf.set_font(lettertype.FAMILIE, "", 6.5)
    eerste = 277 - (len(gebieden) * 52)
    with pdf.table(col_widths=(eerste, *([52] * len(gebieden))), line_height=3.2, first_row_as_headings=True,
                   text_align="LEFT") as tab:  # fmt: skip
        tab.row([str(c) for c in tabel.columns])
        for _, rij in tabel.iterrows():
            tab.row([str(v) for v in rij])
    pdf.set_font(lettertype.FAMILIE, "", 6)
    pdf.set_y(min(pdf.get_y() + 1, 193))
    pdf.multi_cell(0, 2.8, voetnoot)
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
