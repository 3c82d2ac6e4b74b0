"""The print map: a static map in RD New (EPSG:28992) drawn with geopandas + matplotlib, no browser.

Every layer is styled from the layer catalogue (`reb_maps.lagen`), the choropleth from `reb_maps.klassen`,
so the print map and the screen map agree. Output PNG (≥ 200 dpi), SVG or PDF (vector).
"""

from __future__ import annotations

import functools
import io
import textwrap
from dataclasses import dataclass

import matplotlib

from reb_maps.crs import RD

matplotlib.use("Agg")  # no display, no browser: works on a server and in tests

import geopandas as gpd
import matplotlib.patheffects as pe
import pandas as pd
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import Bbox
from matplotlib_scalebar.scalebar import ScaleBar

from reb_maps import klassen, labels, lagen
from reb_maps.data import bron_tekst, load_table
from reb_maps.eigen_data import netwerk as eigen_netwerk
from reb_maps.geodata import ANALYSE_DIR, load_analysis_layer, load_layer
from reb_maps.indicatoren import indicator_kolom, indicator_label, met_peildatum, tekort
from reb_maps.lagen import LIJN, PUNT, VLAK, Laag, ondergrond
from reb_maps.werklocaties import locaties_rd

PX = 0.75  # the catalogue's widths are screen pixels; 1 px = 0.75 pt
SCHEMATISCH_STIPPEL = "8 6"  # the screen map's dash for schematic stretches
# The screen map outlines the selection in red; on paper that red meets the red roads, so print outlines it in
# near-black on a white halo (no other line is black). Nothing outside it is faded: every municipality keeps the
# legend's class colour.
KLEUR_SELECTIE = "#111111"
HALO_SELECTIE = [pe.Stroke(linewidth=5.5, foreground="white"), pe.Normal()]
KLEUR_GEMEENTE_VLAK = "#fbfbf8"  # municipalities without a choropleth: near white, so the layers read
NATUUR_LAGEN = ("natura2000", "nnn")
HALO = [pe.withStroke(linewidth=2.5, foreground="white")]
DPI_PNG = 200
FORMATEN = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}


@dataclass(frozen=True)
class KaartVraag:
    """What to draw: the selected municipality (None: all Twente), a choropleth indicator or none, nature, and a
    session's own roads and rail. Hashable: the network counts by its fingerprint (netwerk.EigenNetwerk.sleutel)."""

    gemeente: str | None = None
    indicator: str | None = None  # key of labels.INDICATOREN
    peil: object | None = None  # an imported year (reb_maps.monitor.reeks.Peildatum): its figures colour the map
    natuur: bool = False
    titel: str | None = None
    breedte_cm: float = 25.0
    hoogte_cm: float = 17.0
    legenda_deel: float = 0.27  # the legend column's share of the width; a small sheet needs a larger share
    netwerk: eigen_netwerk.EigenNetwerk | None = None  # own NWB roads / rail: drawn in the corridor and rail layers


# ---------- frames, loaded once per process ----------


@functools.cache
def _bestand_rd(naam: str) -> gpd.GeoDataFrame:
    """A layer file in RD New: the analysis copy when there is one, else the display file reprojected."""
    if (ANALYSE_DIR / f"{naam}.geojson").exists():
        return load_analysis_layer(naam)
    return load_layer(naam).to_crs(RD)


@functools.cache
def laag_frame(sleutel: str) -> gpd.GeoDataFrame:
    """The features of one catalogue layer in RD New, filtered as the catalogue says."""
    item = lagen.laag(sleutel)
    frame = locaties_rd() if item.bron == "locaties" else _bestand_rd(item.bestand)
    if item.filter:
        kolom, waarde = item.filter
        frame = frame[frame[kolom] == waarde]
    return frame.reset_index(drop=True)


@functools.cache
def gemeenten_rd() -> gpd.GeoDataFrame:
    """The 14 municipalities with the report's figures (joined on CBS code) and the derived shortfall."""
    shapes = _bestand_rd("gemeenten")[["cbs_code", "geometry"]]
    joined = shapes.merge(load_table("gemeenten"), on="cbs_code", how="inner", validate="one_to_one")
    joined["tekort_ha"] = pd.array(
        [tekort(a, lo) for a, lo in zip(joined["hard_aanbod_ha"], joined["vraag_min_ha"], strict=True)],
        dtype="Float64",
    )
    return gpd.GeoDataFrame(joined, geometry="geometry", crs=RD)


def indicator_waarden(sleutel: str, peil=None) -> pd.Series:
    frame = gemeenten_rd() if peil is None else met_peildatum(gemeenten_rd(), peil)
    return indicator_kolom(frame, sleutel, peil)


def gemeente_namen() -> list[str]:
    return sorted(gemeenten_rd()["gemeente"])


# ---------- extent ----------


def _extent(vraag: KaartVraag, aspect: float) -> tuple[float, float, float, float]:
    """Bounds with a margin, widened to the axes' aspect so the map is never stretched."""
    if vraag.gemeente:
        shape = gemeenten_rd().set_index("gemeente").geometry[vraag.gemeente]
        minx, miny, maxx, maxy = shape.bounds
        marge = 0.2  # room for the neighbours' names and the park labels at the edge
    else:
        minx, miny, maxx, maxy = gemeenten_rd().total_bounds
        marge = 0.03
    w, h = maxx - minx, maxy - miny
    minx, maxx, miny, maxy = minx - w * marge, maxx + w * marge, miny - h * marge, maxy + h * marge
    w, h = maxx - minx, maxy - miny
    if w / h < aspect:
        extra = (h * aspect - w) / 2
        minx, maxx = minx - extra, maxx + extra
    else:
        extra = (w / aspect - h) / 2
        miny, maxy = miny - extra, maxy + extra
    return minx, miny, maxx, maxy


def _in_beeld(frame: gpd.GeoDataFrame, bbox) -> gpd.GeoDataFrame:
    """Only what lies in the frame, clipped: smaller SVG/PDF files and quicker drawing."""
    if frame.empty:
        return frame
    minx, miny, maxx, maxy = bbox
    sub = frame.cx[minx:maxx, miny:maxy]
    if sub.empty:
        return sub
    sub = sub.copy()
    sub["geometry"] = shapely.clip_by_rect(sub.geometry.values, minx, miny, maxx, maxy)
    return sub[~sub.geometry.is_empty]


# ---------- styling from the catalogue ----------


def _dash(patroon: str | None, breedte: float):
    """Leaflet's "8 6" (pixels) as a matplotlib dash tuple; matplotlib scales dashes by the line width."""
    if not patroon:
        return "solid"
    stappen = [float(x) * PX / max(breedte, 0.5) for x in patroon.replace(",", " ").split()]
    return (0, tuple(stappen))


def _rgba(kleur: str, alpha: float):
    return matplotlib.colors.to_rgba(kleur, alpha)


def _teken_vlak(ax, frame, item: Laag, kleuren=None) -> None:
    s = item.stijl
    vul = kleuren if kleuren is not None else s.vul
    vul = [_rgba(k, s.vuldekking) for k in vul] if isinstance(vul, list) else _rgba(vul, s.vuldekking)
    breedte = s.lijn * PX
    frame.plot(ax=ax, facecolor=vul if s.vuldekking else "none", edgecolor=_rgba(s.kleur, s.dekking) if s.lijn else
               "none", linewidth=breedte, linestyle=_dash(s.stippel, breedte), zorder=item.volgorde)  # fmt: skip


def _teken_lijn(ax, frame, item: Laag) -> None:
    s = item.stijl
    breedte = s.lijn * PX
    schematisch = (
        frame[item.stippel_veld].fillna(False).astype(bool)
        if item.stippel_veld and item.stippel_veld in frame
        else pd.Series(False, index=frame.index)
    )
    for gestippeld, deel in frame.groupby(schematisch.values):
        # As on screen (kaart.leaflet_stijl): with a stippel field only the schematic stretches are dashed.
        patroon = (
            (s.stippel or SCHEMATISCH_STIPPEL) if gestippeld else (None if item.stippel_veld in frame else s.stippel)
        )
        deel.plot(ax=ax, color=_rgba(s.kleur, s.dekking), linewidth=breedte * (0.8 if gestippeld else 1),
                  linestyle=_dash(patroon, breedte), zorder=item.volgorde)  # fmt: skip


def _teken_punt(ax, frame, item: Laag) -> None:
    s = item.stijl
    kleuren = list(frame[item.kleur_veld]) if item.kleur_veld and item.kleur_veld in frame else [s.kleur] * len(frame)
    vul = [_rgba(k if item.kleur_veld else s.vul, max(s.vuldekking, 0.6)) for k in kleuren]
    punten = frame.geometry.representative_point()
    ax.scatter(punten.x, punten.y, s=(s.straal * 1.4 * PX) ** 2, c=vul, edgecolors=kleuren,
               linewidths=s.lijn * PX, zorder=item.volgorde + 100)  # fmt: skip


def teken_laag(ax, item: Laag, bbox, netwerk: eigen_netwerk.EigenNetwerk | None = None) -> bool:
    """Draw one catalogue layer; False when nothing of it lies in the frame. The session's own roads or rail
    (`netwerk`, reb_maps.eigen_data.netwerk) replace the corridor or rail layer's frame when it has them."""
    frame = _in_beeld(eigen_netwerk.frame_voor(item.sleutel, laag_frame(item.sleutel), netwerk), bbox)
    if frame.empty:
        return False
    if item.geometrie == PUNT or frame.geom_type.isin(["Point", "MultiPoint"]).all():
        _teken_punt(ax, frame, item)
    elif item.geometrie == LIJN:
        _teken_lijn(ax, frame, item)
    else:
        kleuren = list(frame[item.kleur_veld]) if item.kleur_veld and item.kleur_veld in frame else None
        _teken_vlak(ax, frame, item, kleuren)
    for extra in item.extra_bestanden:  # e.g. the canals as lines next to their polygons
        lijnen = _in_beeld(_bestand_rd(extra), bbox)
        if not lijnen.empty:
            lijnen.plot(ax=ax, color=item.stijl.kleur, linewidth=max(item.stijl.lijn, 1) * PX * 1.5,
                        zorder=item.volgorde)  # fmt: skip
    return True


def _te_tekenen(vraag: KaartVraag) -> list[Laag]:
    """The catalogue's visible layers (nature on request), municipalities handled apart; the workspace's saved
    locations are a meeting's working material, not part of the printed map of the report."""
    return [
        eigen_netwerk.laag_voor(item, vraag.netwerk)
        for item in lagen.kaartlagen()
        if item.sleutel != "gemeenten"
        and not item.uit_werkruimte
        and (item.zichtbaar or (vraag.natuur and item.sleutel in NATUUR_LAGEN))
    ]


# ---------- labels ----------


# Label priority in the collision pass: the chosen municipality, the others, named parks, schematic stretches,
# and last the basemap's place names (they give way to everything).
VOORRANG_GEKOZEN, VOORRANG_GEMEENTE, VOORRANG_PARK, VOORRANG_SCHEMATISCH, VOORRANG_PLAATS = range(5)
# Offsets (points) a label may move to when its own place is taken; beyond these it is left out.
UITWIJKEN = ((0, 0), (0, 7), (0, -7), (12, 0), (-12, 0), (0, 13), (0, -13))


def _label(ax, x, y, tekst, voorrang: int = VOORRANG_GEMEENTE, **kwargs) -> None:
    label = ax.annotate(tekst, (x, y), xytext=(0, 0), textcoords="offset points", ha="center", va="center",
                        path_effects=HALO, annotation_clip=True, **kwargs)  # fmt: skip
    label.voorrang = voorrang


def plaats_labels(ax, vrij: list) -> None:
    """A simple collision pass: in order of priority each label takes its place or a nearby one that stays
    inside the frame and touches no label placed before it and no box in `vrij` (north arrow, scale bar);
    a label that finds none is left out rather than drawn over another."""
    renderer = FigureCanvasAgg(ax.figure).get_renderer()
    kader = ax.get_window_extent(renderer)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    bezet = [(v if isinstance(v, Bbox) else v.get_window_extent(renderer)).padded(2) for v in vrij]
    labels_ = sorted((t for t in ax.texts if hasattr(t, "voorrang")), key=lambda t: t.voorrang)
    for label in labels_:
        x, y = label.xy
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            label.set_visible(False)  # its point lies outside the frame
            continue
        for verschuiving in UITWIJKEN:
            label.xyann = verschuiving
            vak = label.get_window_extent(renderer).padded(1)
            binnen = kader.x0 <= vak.x0 and vak.x1 <= kader.x1 and kader.y0 <= vak.y0 and vak.y1 <= kader.y1
            if binnen and not any(vak.overlaps(ander) for ander in bezet):
                bezet.append(vak)
                break
        else:
            label.set_visible(False)


def _gemeente_labels(ax, gemeenten, vraag: KaartVraag) -> None:
    for _, rij in gemeenten.iterrows():
        punt = rij.geometry.representative_point()
        gekozen = rij["gemeente"] == vraag.gemeente
        _label(ax, punt.x, punt.y, rij["gemeente"], VOORRANG_GEKOZEN if gekozen else VOORRANG_GEMEENTE,
               fontsize=9 if gekozen else 7.5,
               fontweight="bold" if gekozen or not vraag.gemeente else "normal",
               color="#111111" if gekozen or not vraag.gemeente else "#555555", zorder=320)  # fmt: skip


def _schematisch_labels(ax, item: Laag, bbox, netwerk: eigen_netwerk.EigenNetwerk | None = None) -> None:
    if not item.stippel_veld or not item.schematisch_label:
        return  # the catalogue says which layers name their schematic stretches
    frame = _in_beeld(eigen_netwerk.frame_voor(item.sleutel, laag_frame(item.sleutel), netwerk), bbox)
    if frame.empty or item.stippel_veld not in frame:
        return
    naam_veld = item.tip_veld or item.label_veld
    for _, rij in frame[frame[item.stippel_veld].fillna(False).astype(bool)].iterrows():
        midden = rij.geometry.interpolate(0.5, normalized=True)
        naam = str(rij.get(naam_veld, "") or "")
        _label(ax, midden.x, midden.y, f"{naam} (schematisch)".strip(), VOORRANG_SCHEMATISCH, fontsize=6,
               color=item.stijl.kleur,
               fontstyle="italic", zorder=310)  # fmt: skip


def _park_labels(ax, bbox) -> None:
    """Names of the large parks of Tabel 3 (layer 'grootschalig') when zoomed to one municipality."""
    item = lagen.laag("grootschalig")
    frame = _in_beeld(laag_frame("grootschalig"), bbox)
    minx, miny, maxx, maxy = bbox
    binnen = shapely.box(minx + (maxx - minx) * 0.12, miny + (maxy - miny) * 0.05, maxx - (maxx - minx) * 0.12,
                         maxy - (maxy - miny) * 0.05)  # fmt: skip
    gezien: set[str] = set()
    for _, rij in frame.iterrows():
        punt = rij.geometry.representative_point()
        if not binnen.contains(punt) or rij.geometry.wkb in gezien:
            continue  # half a name at the edge helps nobody; a shared polygon is named once
        gezien.add(rij.geometry.wkb)
        _label(ax, punt.x, punt.y, str(rij[item.label_veld]), VOORRANG_PARK, fontsize=6, color=item.stijl.kleur,
               zorder=305)  # fmt: skip


def _plaatsnaam_labels(ax, bbox) -> bool:
    """The basemap's place names, quiet and last in the collision pass; a place that shares its name with a
    municipality is left out (the municipality's label names it)."""
    frame = _in_beeld(_bestand_rd(ondergrond.PLAATSNAMEN), bbox)
    gemeenten = set(gemeente_namen())
    frame = frame[~frame[ondergrond.PLAATSNAAM_VELD].isin(gemeenten)]
    for _, rij in frame.iterrows():
        _label(ax, rij.geometry.x, rij.geometry.y, str(rij[ondergrond.PLAATSNAAM_VELD]), VOORRANG_PLAATS,
               fontsize=6.2, color=ondergrond.KLEUR_PLAATSNAAM, zorder=300)  # fmt: skip
    return not frame.empty


def kaart_label(ax, x, y, tekst, voorrang: int, **kwargs) -> None:
    """A label that a caller adds to a finished map (e.g. a slide's search areas); place it with herplaats_labels."""
    _label(ax, x, y, tekst, voorrang, **kwargs)


def herplaats_labels(ax, *extra) -> None:
    """The collision pass once more, after a caller drew on the finished map: its own labels (kaart_label) and
    boxes (`extra`, e.g. a slide's legend) take part, so no label ends up under or on them."""
    for label in ax.texts:
        if hasattr(label, "voorrang"):
            label.set_visible(True)
    plaats_labels(ax, [*ax.reb_vrij, *extra])


# ---------- the basemap ----------

# Beneath the thematic layers (natura2000 draws at 10) and above the municipalities' opaque fill (3) and the
# slides' traffic-light fill (3.5): built-up areas, then water, then roads.
ONDERGROND_Z = {"bebouwing": 4.0, "water": 4.5, "waterlopen": 4.6, "wegen": 5.0}


def teken_ondergrond(ax, bbox, thematisch: set[str]) -> list[ondergrond.Ondergronddeel]:
    """The quiet basemap (reb_maps.lagen.ondergrond) from the detailed files; a part whose features a drawn
    thematic layer already shows is left out, so that layer keeps exactly its legend colour. Returns the parts
    drawn."""
    getekend = []
    for deel in ondergrond.ONDERGROND:
        if deel.dubbel_met in thematisch:
            continue
        s = deel.stijl
        for bestand in deel.druk:
            frame = _in_beeld(_bestand_rd(bestand), bbox)
            if frame.empty:
                continue
            if deel.geometrie == LIJN:
                frame.plot(ax=ax, color=_rgba(s.kleur, s.dekking), linewidth=s.lijn * PX,
                           zorder=ONDERGROND_Z[deel.sleutel])  # fmt: skip
            else:
                frame.plot(ax=ax, facecolor=_rgba(s.vul, s.vuldekking), linewidth=s.lijn * PX,
                           edgecolor=_rgba(s.kleur, s.dekking) if s.lijn else "none",
                           zorder=ONDERGROND_Z[deel.sleutel])  # fmt: skip
            if deel not in getekend:
                getekend.append(deel)
    return getekend


# ---------- legend, scale bar, north arrow ----------


def _legenda_regels(item: Laag) -> list[tuple[str, str, str, Laag]]:
    if item.legenda:
        return [(tekst, kleur, symbool, item) for tekst, kleur, symbool in item.legenda]
    return [(item.label, item.stijl.kleur, item.symbool, item)]


def _symbool(kleur: str, symbool: str, item: Laag):
    s = item.stijl
    if symbool == "selectie":
        return Line2D([], [], color=KLEUR_SELECTIE, linewidth=2.2, path_effects=HALO_SELECTIE)
    if symbool in (LIJN, "stippel"):
        stijl = "--" if symbool == "stippel" else "-"
        return Line2D([], [], color=kleur, linewidth=max(s.lijn * PX, 1.2), linestyle=stijl)
    if symbool == PUNT:
        vul = kleur if item.kleur_veld or not s.vulkleur else s.vul
        return Line2D([], [], marker="o", linestyle="none", markersize=s.straal * 1.3, markerfacecolor=vul,
                      markeredgecolor=kleur, markeredgewidth=s.lijn * PX)  # fmt: skip
    return Patch(facecolor=_rgba(s.vul if kleur == s.kleur else kleur, max(s.vuldekking, 0.3)),
                 edgecolor=kleur, linewidth=s.lijn * PX)  # fmt: skip


def _kop(tekst: str):
    return Patch(visible=False), tekst


def legenda(ax, vraag: KaartVraag, getekend: list[Laag]) -> None:
    """The legend in its own axes, grouped by the catalogue's themes (choropleth first); long labels wrap."""
    breedte_tekens = max(18, int(ax.get_position().width * vraag.breedte_cm * 5.2))
    handles, teksten, koppen = [], [], []

    def kop(tekst):
        h, t = _kop(tekst)
        handles.append(h)
        teksten.append(t)
        koppen.append(t)

    if vraag.indicator:
        ind = labels.indicator(vraag.indicator)
        kl = klassen.klassen(indicator_waarden(vraag.indicator, vraag.peil), ind.eenheid, ind.schaal)
        kop(indicator_label(vraag.indicator, vraag.peil))
        for tekst, kleur in zip(kl.labels, kl.kleuren, strict=True):
            handles.append(Patch(facecolor=kleur, edgecolor="#444444", linewidth=0.5))
            teksten.append(tekst)
        if indicator_waarden(vraag.indicator, vraag.peil).isna().any():
            handles.append(Patch(facecolor=klassen.KLEUR_ONBEKEND, edgecolor="#444444", linewidth=0.5))
            teksten.append(klassen.LABEL_ONBEKEND)
        handles.append(Patch(visible=False))
        teksten.append(textwrap.fill(f"Klassen: {kl.methode}", breedte_tekens + 4))
    groepen: dict[str, list] = {}
    gemeenten = lagen.laag("gemeenten")
    groepen.setdefault(gemeenten.thema, []).append(("Gemeentegrens", gemeenten.stijl.kleur, LIJN, gemeenten))
    if vraag.gemeente:
        groepen[gemeenten.thema].append((f"{vraag.gemeente} (gekozen)", KLEUR_SELECTIE, "selectie", gemeenten))
    buren = lagen.laag("buurgemeenten")
    groepen[gemeenten.thema].append((buren.label, buren.stijl.kleur, VLAK, buren))
    for item in getekend:
        if item.sleutel == "buurgemeenten":
            continue
        groepen.setdefault(item.thema, []).extend(_legenda_regels(item))
    for thema in [t for t in lagen.THEMAS if t in groepen] + [t for t in groepen if t not in lagen.THEMAS]:
        kop(thema)
        for tekst, kleur, symbool, item in groepen[thema]:
            handles.append(_symbool(kleur, symbool, item))
            teksten.append(textwrap.fill(tekst, breedte_tekens))
    # A long legend on a small sheet would run into the source lines below: the type steps down until it fits.
    renderer = FigureCanvasAgg(ax.figure).get_renderer()
    for kleiner in (0, 0.5, 1.0, 1.5):
        if ax.get_legend() is not None:
            ax.get_legend().remove()
        leg = ax.legend(handles, teksten, loc="upper left", frameon=False, fontsize=6.5 - kleiner, handlelength=1.8,
                        borderaxespad=0, labelspacing=0.45, alignment="left")  # fmt: skip
        for tekst in leg.get_texts():
            if tekst.get_text() in koppen:
                tekst.set_fontweight("bold")
                tekst.set_fontsize(7.5 - kleiner)
            if tekst.get_text().startswith("Klassen:"):
                tekst.set_fontstyle("italic")
                tekst.set_fontsize(6 - kleiner)
        if leg.get_window_extent(renderer).y0 >= ax.get_window_extent(renderer).y0 - 1:
            break
    ax.set_axis_off()


# The scale bar's corner (axes fraction): ScaleBar reports no extent of its own (an empty box at the origin), so
# its corner is kept free as a fixed area; its default length is at most 20 % of the axes' width.
SCHAALBALK_HOEK = (0.0, 0.0, 0.25, 0.1)


def schaalbalk_vak(ax) -> Bbox:
    return Bbox.from_extents(*SCHAALBALK_HOEK).transformed(ax.transAxes)


NOORDPIJL_PUNT, NOORDPIJL_LETTER = (0.955, 0.96), (0.955, 0.865)  # axes fraction: the arrow's tip and its "N"


def noordpijl_vak(ax) -> Bbox:
    """The north arrow's corner: its framed "N" (about 9 pt plus the frame) up to the tip. Like the scale bar,
    a fixed area: an annotation reports its frame and arrow only after the map has been drawn."""
    dpi = ax.figure.dpi
    (x, y_letter), (_, y_punt) = ax.transAxes.transform([NOORDPIJL_LETTER, NOORDPIJL_PUNT])
    half = 11 / 72 * dpi  # points → pixels
    return Bbox.from_extents(x - half, y_letter - half, x + half, y_punt + 2 / 72 * dpi)


def noordpijl(ax):
    return ax.annotate("N", xy=NOORDPIJL_PUNT, xytext=NOORDPIJL_LETTER, xycoords="axes fraction", ha="center",
                va="center", fontsize=9, fontweight="bold",
                arrowprops={"arrowstyle": "-|>", "color": "#222222", "lw": 1.2},
                bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": "#bbbbbb", "lw": 0.5, "alpha": 0.9},
                zorder=400)  # fmt: skip


# ---------- the map ----------


def _gemeenten_tekenen(ax, vraag: KaartVraag, bbox) -> gpd.GeoDataFrame:
    item = lagen.laag("gemeenten")
    gemeenten = gemeenten_rd()
    if vraag.indicator:
        ind = labels.indicator(vraag.indicator)
        waarden = indicator_waarden(vraag.indicator, vraag.peil)
        kl = klassen.klassen(waarden, ind.eenheid, ind.schaal)
        vul = [kl.kleur(v) for v in waarden]  # exactly the legend's colours
    else:
        vul = KLEUR_GEMEENTE_VLAK
    gemeenten.plot(ax=ax, facecolor=vul, edgecolor=item.stijl.kleur, linewidth=item.stijl.lijn * PX * 1.2,
                   zorder=item.volgorde + 3)  # fmt: skip
    if vraag.gemeente:
        gekozen = gemeenten[gemeenten["gemeente"] == vraag.gemeente]
        gekozen.boundary.plot(ax=ax, color=KLEUR_SELECTIE, linewidth=2.2, path_effects=HALO_SELECTIE, zorder=250)
    return gemeenten


def titel_van(vraag: KaartVraag) -> str:
    """The map's title; an empty `titel` means none (the briefing page carries its own)."""
    if vraag.titel is not None:
        return vraag.titel
    waar = vraag.gemeente or "Twente"
    if vraag.indicator:
        label = indicator_label(vraag.indicator, vraag.peil)
        return f"{waar}: {label[0].lower()}{label[1:]} en werklocaties"  # 'IBIS' keeps its capitals
    return f"Werklocaties {waar}"


def bronregel(vraag: KaartVraag, getekend: list[Laag], ondergrond_bestanden: tuple[str, ...] = ()) -> str:
    """Attribution of the drawn layers (and of the basemap, when drawn; of the user's own road or rail file, when
    given) plus the source of the figures."""
    # The basemap on a line of its own: appended to the first, it would wrap into "RD New" on a small slide map.
    regels = [lagen.attributie([lagen.laag("gemeenten"), *getekend]), lagen.ondergrond_attributie(ondergrond_bestanden)]
    regels[0] += eigen_netwerk.bronzin(vraag.netwerk)
    cijfers = f"Cijfers en werklocaties: {labels.REB}"
    if vraag.indicator and vraag.peil is not None:
        cijfers = f"{cijfers}; choropleet: peildatum {vraag.peil.jaar}, {vraag.peil.bron}"
    elif vraag.indicator:
        kolom = labels.indicator(vraag.indicator).kolom or "hard_aanbod_ha"
        cijfers = f"{cijfers}; choropleet: {bron_tekst('gemeenten', kolom)}"
    regels.append(
        f"{cijfers.rstrip('.')}. Grenzen van bedrijventerreinen {labels.BIJ_BENADERING}; gestippeld = schematisch."
    )
    return "\n".join(r for r in regels if r)


VOET_CM = 1.15  # three source lines of 5.5 pt and a margin
TITEL_CM = 1.35  # a title of 13 pt, 0.6 cm from the top, and a margin


def teken_kaart(vraag: KaartVraag) -> Figure:
    """The whole print map as a matplotlib Figure (caller saves it)."""
    cm = 1 / 2.54
    fig = Figure(figsize=(vraag.breedte_cm * cm, vraag.hoogte_cm * cm), layout=None)
    legenda_deel = vraag.legenda_deel
    # The source lines below the map need the same room in cm on any sheet: a share of the height would cut
    # them off on a small slide map.
    voet = min(0.2, VOET_CM / vraag.hoogte_cm)
    kaart_hoogte = (1 - TITEL_CM / vraag.hoogte_cm if titel_van(vraag) else 0.99) - voet
    ax = fig.add_axes((0.01, voet, 0.99 - legenda_deel, kaart_hoogte))
    ax_leg = fig.add_axes((1.01 - legenda_deel, voet, legenda_deel - 0.02, kaart_hoogte))
    breedte_in, hoogte_in = fig.get_size_inches()
    aspect = (breedte_in * (0.99 - legenda_deel)) / (hoogte_in * kaart_hoogte)
    bbox = _extent(vraag, aspect)
    ax.set_facecolor("#f4f6f8")  # outside Twente and its neighbours: pale, like a map's margin

    buren = lagen.laag("buurgemeenten")
    teken_laag(ax, buren, bbox)
    gemeenten = _gemeenten_tekenen(ax, vraag, bbox)
    te_tekenen = _te_tekenen(vraag)
    basis = teken_ondergrond(ax, bbox, {item.sleutel for item in te_tekenen})
    getekend = [buren]
    for item in te_tekenen:
        if teken_laag(ax, item, bbox, vraag.netwerk):
            getekend.append(item)
    _gemeente_labels(ax, gemeenten, vraag)
    for item in getekend:
        if item.geometrie == LIJN:
            _schematisch_labels(ax, item, bbox, vraag.netwerk)
    if vraag.gemeente:
        _park_labels(ax, bbox)
    bestanden = [b for deel in basis for b in deel.druk]
    if _plaatsnaam_labels(ax, bbox):
        bestanden.append(ondergrond.PLAATSNAMEN)
    ax.set_xlim(bbox[0], bbox[2])
    ax.set_ylim(bbox[1], bbox[3])
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    for rand in ax.spines.values():
        rand.set_edgecolor("#888888")
        rand.set_linewidth(0.6)
        rand.set_zorder(600)
    schaal = ScaleBar(1, "m", location="lower left", box_alpha=0.8, font_properties={"size": 7})
    schaal.set_zorder(500)
    ax.add_artist(schaal)
    noordpijl(ax)
    ax.reb_vrij = [schaalbalk_vak(ax), noordpijl_vak(ax)]  # kept for herplaats_labels
    plaats_labels(ax, ax.reb_vrij)
    legenda(ax_leg, vraag, getekend)
    if titel_van(vraag):
        fig.text(0.01, 1 - 0.6 / vraag.hoogte_cm, titel_van(vraag), fontsize=13, fontweight="bold", va="top")
    bron = bronregel(vraag, getekend, tuple(bestanden))
    onder = voet - 0.15 / vraag.hoogte_cm
    fig.text(0.01, onder, bron, fontsize=5.5, va="top", color="#444444", wrap=True)
    fig.text(0.99, onder, "RD New (EPSG:28992)", fontsize=5.5, va="top", ha="right", color="#666666")
    return fig


def kaart_bytes(vraag: KaartVraag, formaat: str = "png", dpi: int = DPI_PNG) -> bytes:
    """The map as PNG (raster, ≥ 200 dpi), SVG or PDF (vector)."""
    if formaat not in FORMATEN:
        raise ValueError(f"Onbekend kaartformaat '{formaat}': kies uit {', '.join(FORMATEN)}")
    fig = teken_kaart(vraag)
    buffer = io.BytesIO()
    metadata = {"Title": titel_van(vraag)}
    fig.savefig(buffer, format=formaat, dpi=max(dpi, DPI_PNG) if formaat == "png" else dpi, metadata=metadata,
                facecolor="white")  # fmt: skip
    return buffer.getvalue()


def bestandsnaam(vraag: KaartVraag, formaat: str) -> str:
    deel = (vraag.gemeente or "twente").lower().replace(" ", "-")
    peil = f"-{vraag.peil.jaar}" if vraag.indicator and vraag.peil is not None else ""
    return f"kaart-werklocaties-{deel}{'-' + vraag.indicator if vraag.indicator else ''}{peil}.{formaat}"
