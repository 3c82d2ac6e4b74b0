"""Visuals for the presentation (big screen and .pptx): PNG bytes at high resolution, no browser.

Maps come from the one print renderer (`reb_maps.weergave.druk.kaart.teken_kaart`), with the traffic light or the
search-area candidates drawn on its map axes; charts are small matplotlib figures in large type, since they
are read from the back of a room. Every figure is passed in by the caller (`reb_maps.weergave.documenten.presentatie`),
so nothing here invents a number.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence

import matplotlib
import matplotlib.lines
import matplotlib.text

from reb_maps.crs import RD

matplotlib.use("Agg")

import geopandas as gpd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from PIL import Image

from reb_maps import fmt, labels, lagen
from reb_maps.eigen_data.netwerk import EigenNetwerk
from reb_maps.kerncijfers import licht
from reb_maps.weergave.druk.kaart import (
    VOORRANG_GEKOZEN,
    KaartVraag,
    gemeenten_rd,
    herplaats_labels,
    kaart_label,
    teken_kaart,
)

DPI = 220
# Slide visual 8 × 5 inch (16:10): at 220 dpi 1760 × 1100 px, sharp on a 1920 × 1080 projector and in the deck.
BREEDTE_IN, HOOGTE_IN = 8.0, 5.0
# Maps are drawn smaller (in cm) and at higher dpi: the print renderer's type sizes are in points, so a
# smaller sheet makes its names and legend relatively larger on the screen. At 14 cm its smallest label
# (6 pt) is 1/66 of the width: ≥ 18 px wherever the slide shows the map ≥ 1,190 px wide (1920×1080). The
# legend column gets a larger share, so its lines keep their width in cm.
KAART_CM = (14.0, 9.4)
KAART_LEGENDA = 0.31
KAART_DPI = 340
LETTER = 15  # chart type size in points on an 8-inch-wide figure
KLEUR_ACCENT = "#1f4e79"
KLEUR_ZOEKGEBIED = "#7a0177"
KLEUR_KAART_TEKST = "#333333"


KLEINSTE_LETTER = "reb-kleinste-letter"  # PNG text chunk: the smallest label's size as a share of the width


def kleinste_letter(fig: Figure) -> float:
    """The smallest label (names, values, legends, titles) as a share of the figure's width.

    The screen knows the picture's width, so it knows the label's size in pixels (e.g. ≥ 18 px on a 1920-pixel
    projector). The figure's own text lines (the map's attribution and CRS line, `fig.text`) are small print,
    repeated in the slide's own source line. The page writes the share into the slide for the browser test.
    """
    kleine_lettertjes = set(map(id, fig.texts))
    grootten = [t.get_fontsize() for t in fig.findobj(matplotlib.text.Text)
                if id(t) not in kleine_lettertjes and t.get_visible() and t.get_text().strip()]  # fmt: skip
    return min(grootten) / 72 / fig.get_figwidth() if grootten else 1.0


def png(fig: Figure, dpi: int = DPI) -> bytes:
    buffer = io.BytesIO()
    # Compression level 3 instead of 6: a third faster, files a few percent larger.
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white", pil_kwargs={"compress_level": 3},
                metadata={KLEINSTE_LETTER: f"{kleinste_letter(fig):.6f}"})  # fmt: skip
    return buffer.getvalue()


def kleinste_letter_van(png_bytes: bytes) -> float | None:
    """What `png` wrote into the picture, or None for a picture from elsewhere."""
    waarde = Image.open(io.BytesIO(png_bytes)).text.get(KLEINSTE_LETTER)
    return float(waarde) if waarde else None


def _figuur() -> Figure:
    return Figure(figsize=(BREEDTE_IN, HOOGTE_IN), layout="constrained")


def _schoon(ax) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=LETTER - 2)
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.8)
    ax.set_axisbelow(True)


# ---------- maps (from the print renderer) ----------


def _dia_vraag(gemeente: str | None, titel: str, netwerk: EigenNetwerk | None) -> KaartVraag:
    """The print map on a slide's sheet; `netwerk`: a session's own roads and rail (None: the app's layers)."""
    return KaartVraag(gemeente=gemeente, titel=titel, breedte_cm=KAART_CM[0], hoogte_cm=KAART_CM[1],
                      legenda_deel=KAART_LEGENDA, netwerk=netwerk)  # fmt: skip


def kaart(gemeente: str | None = None, titel: str = "", netwerk: EigenNetwerk | None = None) -> bytes:
    """The catalogue's map of Twente or one municipality: parks, campuses, corridors, stations."""
    vraag = _dia_vraag(gemeente, titel, netwerk)
    return png(teken_kaart(vraag), KAART_DPI)


def _kaart_as(fig: Figure):
    return fig.axes[0]  # teken_kaart's first axes is the map; the second holds the legend


def _geen_aslabels(ax) -> None:
    """geopandas labels the axes 'Easting [metre]' when it plots; a map needs no axis titles."""
    ax.set_xlabel("")
    ax.set_ylabel("")


def stoplicht_kaart(titel: str = "", netwerk: EigenNetwerk | None = None) -> bytes:
    """The 14 municipalities in their traffic-light colour (Tabel 10), drawn over the print map's base."""
    fig = teken_kaart(_dia_vraag(None, titel, netwerk))
    ax = _kaart_as(fig)
    gemeenten = gemeenten_rd()
    lichten = [licht(r["hard_aanbod_ha"], r["vraag_min_ha"], r["vraag_max_ha"]) for _, r in gemeenten.iterrows()]
    kleuren = [matplotlib.colors.to_rgba(labels.STOPLICHTEN[k].kleur, 0.75) for k in lichten]
    # Just above the municipalities' own fill, below parks and roads, so the map stays readable.
    gemeenten.plot(ax=ax, facecolor=kleuren, edgecolor="none", zorder=lagen.laag("gemeenten").volgorde + 3.5)
    _geen_aslabels(ax)
    handles = [Patch(facecolor=s.kleur, edgecolor="#444444", label=s.kort) for s in labels.STOPLICHTEN.values()]
    legenda = ax.legend(handles=handles, loc="lower right", fontsize=7, title="Stoplicht Tabel 10", title_fontsize=7,
                        framealpha=0.9)  # fmt: skip
    legenda.set_zorder(600)
    herplaats_labels(ax, legenda)
    return png(fig, KAART_DPI)


def zoekgebieden_kaart(kandidaten: gpd.GeoDataFrame, onderschrift: str, titel: str = "",
                       netwerk: EigenNetwerk | None = None) -> bytes:  # fmt: skip
    """The print map of Twente with the candidate search areas (RD New) outlined and numbered."""
    fig = teken_kaart(_dia_vraag(None, titel, netwerk))
    ax = _kaart_as(fig)
    if len(kandidaten):
        frame = kandidaten.to_crs(RD)
        frame.plot(ax=ax, facecolor=matplotlib.colors.to_rgba(KLEUR_ZOEKGEBIED, 0.45), edgecolor=KLEUR_ZOEKGEBIED,
                   linewidth=1.4, zorder=450)  # fmt: skip
        _geen_aslabels(ax)
        for _, rij in frame.iterrows():  # the areas' numbers first in the collision pass: they are the subject
            punt = rij.geometry.representative_point()
            kaart_label(ax, punt.x, punt.y, str(rij.get("id", "")), VOORRANG_GEKOZEN, fontsize=7, fontweight="bold",
                        color=KLEUR_ZOEKGEBIED, zorder=460)  # fmt: skip
    legenda = ax.legend(handles=[Patch(facecolor=KLEUR_ZOEKGEBIED, alpha=0.6, label=onderschrift)], loc="lower right",
                        fontsize=7, framealpha=0.9)  # fmt: skip
    legenda.set_zorder(600)
    herplaats_labels(ax, legenda)
    return png(fig, KAART_DPI)


def vraag_aanbod(gemeenten) -> bytes:
    """Tabel 10 per municipality in slide type: the demand range to 2040 as a bar, the hard supply as a diamond
    in its traffic-light colour; a municipality without a supply figure says 'geen opgave' (never 0)."""
    df = gemeenten.sort_values("gemeente")
    fig = Figure(figsize=(5.6, 6.4), layout="constrained")
    ax = fig.subplots()
    lo, hi = df["vraag_min_ha"].astype(float).tolist(), df["vraag_max_ha"].astype(float).tolist()
    ax.barh(range(len(df)), [h - low for low, h in zip(lo, hi, strict=True)], left=lo, height=0.62,
            color=labels.KLEUR_BANDBREEDTE, edgecolor=KLEUR_ACCENT, linewidth=0.8)  # fmt: skip
    for i, (a, low, h) in enumerate(zip(df["hard_aanbod_ha"], lo, hi, strict=True)):
        if fmt.is_missing(a):
            ax.text(h, i, f"  {labels.GEEN_OPGAVE}", va="center", fontsize=LETTER - 2, color="#555555")
            continue
        ax.plot([float(a)], [i], marker="D", markersize=11, linestyle="none", markeredgecolor="#333333",
                color=labels.STOPLICHTEN[licht(a, low, h)].kleur)  # fmt: skip
    ax.set_yticks(range(len(df)), df["gemeente"].tolist(), fontsize=LETTER - 2)
    ax.invert_yaxis()
    ax.set_xlim(0, max(max(hi), float(df["hard_aanbod_ha"].max())) * 1.3)
    ax.xaxis.set_major_formatter(lambda v, _p: fmt.getal(v, 0))
    ax.set_xlabel("hectare (netto)", fontsize=LETTER - 2)
    _schoon(ax)
    handles = [Patch(facecolor=labels.KLEUR_BANDBREEDTE, edgecolor=KLEUR_ACCENT, label="vraag tot 2040")]
    handles += [matplotlib.lines.Line2D([], [], marker="D", linestyle="none", color=s.kleur, markeredgecolor="#333333",
                                        markersize=10, label=f"aanbod: {s.kort.lower()}")
                for k, s in labels.STOPLICHTEN.items() if k != "geen opgave"]  # fmt: skip
    fig.legend(handles=handles, fontsize=LETTER - 2, loc="outside lower center", ncols=2, frameon=False)
    fig.suptitle("Vraag tot 2040 en hard aanbod", fontsize=LETTER + 1, x=0.02, ha="left", fontweight="bold")
    return png(fig)


# ---------- charts ----------


def groei_regios(regios: Sequence[str], inwoners: Sequence[float], banen: Sequence[float], nadruk: str) -> bytes:
    """Growth 2014–2023 of inhabitants and jobs per region (Tabel 1), one region emphasised."""
    fig = _figuur()
    ax = fig.subplots()
    y = range(len(regios))
    hoogte = 0.38
    ax.barh([i - hoogte / 2 for i in y], banen, hoogte, color=labels.KLEUR_BALK, label="Banen")
    ax.barh([i + hoogte / 2 for i in y], inwoners, hoogte, color=labels.KLEUR_BALK_LICHT, label="Inwoners")
    for i, (b, w) in enumerate(zip(banen, inwoners, strict=True)):
        ax.text(b, i - hoogte / 2, f" {fmt.groei(b)}", va="center", fontsize=LETTER - 2)
        ax.text(w, i + hoogte / 2, f" {fmt.groei(w)}", va="center", fontsize=LETTER - 2)
    ax.set_yticks(list(y), regios, fontsize=LETTER)
    for regio, tekst in zip(regios, ax.get_yticklabels(), strict=True):
        if regio == nadruk:
            tekst.set_fontweight("bold")
    ax.invert_yaxis()
    ax.set_xlim(0, max(banen) * 1.25)
    ax.xaxis.set_major_formatter(lambda v, _p: f"{fmt.getal(v, 0)}%")
    _schoon(ax)
    ax.legend(fontsize=LETTER - 2, loc="lower right", frameon=False)
    ax.set_title("Groei 2014–2023", fontsize=LETTER + 1, loc="left", fontweight="bold")
    return png(fig)


def driedeling(lagen_: Sequence[tuple[str, float, str]], onderdelen: Sequence[tuple[str, float]],
               noot: str) -> bytes:  # fmt: skip
    """Jobs per layer of the economy (Figuur 4) as bars; the stuwende basis split into its parts.

    `lagen_`: (name, jobs, printed text) top to bottom, the middle one is split by `onderdelen`.
    """
    fig = _figuur()
    ax = fig.subplots()
    namen = [naam for naam, _, _ in lagen_]
    for i, (_naam, banen, tekst) in enumerate(lagen_):
        if onderdelen and i == 1:
            links = 0.0
            tinten = matplotlib.colormaps["Blues"]([0.85, 0.7, 0.55, 0.42, 0.3])
            for (deel, waarde), kleur in zip(onderdelen, tinten, strict=False):
                ax.barh(i, waarde, left=links, color=kleur, edgecolor="white", height=0.6,
                        label=f"{textwrap.fill(deel.split(' (')[0], 24)}: {fmt.getal(waarde)}")  # fmt: skip
                links += waarde
        else:
            ax.barh(i, banen, color=KLEUR_ACCENT if i == 0 else labels.KLEUR_BALK_LICHT, height=0.6)
        ax.text(banen, i, f"  {tekst}", va="center", fontsize=LETTER, fontweight="bold")
    ax.set_yticks(range(len(namen)), [textwrap.fill(n, 18, break_long_words=False) for n in namen],
                  fontsize=LETTER - 1)  # fmt: skip
    ax.invert_yaxis()
    if onderdelen:  # the parts of the stuwende basis in a legend: too narrow to name inside the bar
        fig.legend(title="Stuwende basis", fontsize=LETTER - 5, title_fontsize=LETTER - 4, ncols=3, frameon=False,
                   loc="outside lower center")  # fmt: skip
    ax.set_xlim(0, max(b for _, b, _ in lagen_) * 1.5)
    ax.xaxis.set_major_formatter(lambda v, _p: fmt.getal(v, 0))
    _schoon(ax)
    ax.set_title(textwrap.fill(noot, 80), fontsize=LETTER - 5, color="#555555", style="italic", loc="left")
    return png(fig)


def vraag_tegen_aanbod(vraag_min: float, vraag_max: float, aanbod: float, vraag_tekst: str,
                       aanbod_tekst: str) -> bytes:  # fmt: skip
    """The region's large-scale demand range against its hard supply: two bars on one scale."""
    fig = _figuur()
    ax = fig.subplots()
    ax.barh(1, vraag_max - vraag_min, left=vraag_min, height=0.5, color=labels.KLEUR_BANDBREEDTE,
            edgecolor=KLEUR_ACCENT, linewidth=1.5)  # fmt: skip
    ax.barh(1, vraag_min, height=0.5, color=KLEUR_ACCENT, alpha=0.25)
    ax.barh(0, aanbod, height=0.5, color=labels.STOPLICHTEN[licht(aanbod, vraag_min, vraag_max)].kleur)
    ax.text(vraag_max, 1, f"  {vraag_tekst}", va="center", fontsize=LETTER + 4, fontweight="bold")
    ax.text(aanbod, 0, f"  {aanbod_tekst}", va="center", fontsize=LETTER + 4, fontweight="bold")
    ax.set_yticks([0, 1], ["Hard aanbod\n1-1-2023", "Vraag tot 2040"], fontsize=LETTER)
    ax.set_xlim(0, vraag_max * 1.45)
    ax.set_ylim(-0.6, 1.6)
    ax.xaxis.set_major_formatter(lambda v, _p: f"{fmt.getal(v, 0)} ha")
    _schoon(ax)
    ax.set_title("Kavels voor grootschalige bedrijven, heel Twente", fontsize=LETTER + 1, loc="left",
                 fontweight="bold")  # fmt: skip
    return png(fig)


def waterval(stappen: Sequence[tuple[str, float, str]], noot: str) -> bytes:
    """A waterfall of hectares: first bar the total, then a decrease, last the remainder.

    `stappen`: (label, hectares, printed text); the middle ones are subtracted.
    """
    fig = _figuur()
    ax = fig.subplots()
    niveau = 0.0
    for i, (_naam, waarde, tekst) in enumerate(stappen):
        if i == 0 or i == len(stappen) - 1:
            onder, kleur, top = 0.0, KLEUR_ACCENT if i == 0 else "#c8102e", waarde
            niveau = waarde
        else:
            onder, kleur, top = niveau - waarde, "#1a9850", niveau
            niveau -= waarde
        ax.bar(i, top - onder, bottom=onder, color=kleur, width=0.6)
        ax.text(i, top, tekst, ha="center", va="bottom", fontsize=LETTER + 5, fontweight="bold")
    ax.set_xticks(range(len(stappen)), [textwrap.fill(n, 20) for n, _, _ in stappen], fontsize=LETTER - 1)
    ax.set_ylim(0, max(w for _, w, _ in stappen) * 1.22)
    ax.yaxis.set_major_formatter(lambda v, _p: f"{fmt.getal(v, 0)} ha")
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=LETTER - 2)
    ax.grid(axis="y", color="#e0e0e0", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_title(textwrap.fill(noot, 80), fontsize=LETTER - 5, color="#555555", style="italic", loc="left")
    return png(fig)
