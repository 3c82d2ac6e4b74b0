"""Vector charts for print (matplotlib → SVG): the 14 municipalities with one highlighted.

The same three views as the Gemeenten page (`reb_maps.weergave.charts.gemeenten`), with its titles and colours from
`labels`, drawn with matplotlib because plotly's static export needs Chrome.
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from reb_maps import fmt, labels
from reb_maps.fmt import groei
from reb_maps.kerncijfers import stoplicht
from reb_maps.weergave import lettertype

CM = 1 / 2.54
LETTER = 7


def _figuur(breedte_cm: float, hoogte_cm: float, rechts_cm: float = 0.3, boven_cm: float = 1.25) -> Figure:
    """Fixed margins in cm (names left, title on top): matplotlib's constrained layout costs a quarter second
    per chart, and these charts always have the same furniture."""
    fig = Figure(figsize=(breedte_cm * CM, hoogte_cm * CM))
    fig.subplots_adjust(left=2.1 / breedte_cm, right=1 - rechts_cm / breedte_cm, top=1 - boven_cm / hoogte_cm,
                        bottom=0.95 / hoogte_cm, wspace=0.08)  # fmt: skip
    return fig


def _kleuren(namen, selectie, basis=labels.KLEUR_BALK) -> list[str]:
    return [labels.KLEUR_SELECTIE if n == selectie else basis for n in namen]


def _naam(naam: str, lengte: int = 24) -> str:
    """A tick label that cannot push the bars off the chart."""
    return naam if len(naam) <= lengte else naam[: lengte - 1].rstrip() + "…"


def _as(ax, namen, selectie) -> None:
    ax.set_yticks(range(len(namen)), [_naam(n) for n in namen], fontsize=LETTER)
    for naam, tekst in zip(namen, ax.get_yticklabels(), strict=True):
        if naam == selectie:
            tekst.set_fontweight("bold")
            tekst.set_color(labels.KLEUR_SELECTIE)
    ax.invert_yaxis()
    ax.tick_params(axis="x", labelsize=LETTER - 1)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", color="#e5e5e5", linewidth=0.5)
    ax.set_axisbelow(True)


def _nl_as(ax, eenheid: str = "") -> None:
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt.getal(v, 0) + eenheid))


def banen(gemeenten: pd.DataFrame, selectie: str | None, breedte_cm: float = 17, hoogte_cm: float = 7) -> Figure:
    """Jobs 2023 and growth 2014–2023 (Tabel 2), largest first."""
    df = gemeenten.sort_values("banen_2023", ascending=False)
    namen = df["gemeente"].tolist()
    fig = _figuur(breedte_cm, hoogte_cm)
    links, rechts = fig.subplots(1, 2, sharey=True, width_ratios=[3, 2])
    kleuren = _kleuren(namen, selectie)
    links.barh(range(len(namen)), df["banen_2023"].astype(float), color=kleuren)
    for i, v in enumerate(df["banen_2023"]):
        links.text(float(v), i, " " + fmt.getal(v), va="center", fontsize=LETTER - 1.5)
    rechts.barh(range(len(namen)), df["banen_groei_2014_2023_pct"].astype(float), color=kleuren)
    for i, v in enumerate(df["banen_groei_2014_2023_pct"]):
        rechts.text(max(float(v), 0), i, " " + groei(v), va="center", fontsize=LETTER - 1.5)
    _as(links, namen, selectie)
    rechts.tick_params(axis="y", left=False)
    rechts.tick_params(axis="x", labelsize=LETTER - 1)
    rechts.spines[["top", "right"]].set_visible(False)
    rechts.grid(axis="x", color="#e5e5e5", linewidth=0.5)
    _nl_as(links)
    _nl_as(rechts, "%")
    links.set_xlim(0, float(df["banen_2023"].max()) * 1.22)
    rechts.set_xlim(min(0, float(df["banen_groei_2014_2023_pct"].min()) * 1.2),
                    float(df["banen_groei_2014_2023_pct"].max()) * 1.3)  # fmt: skip
    links.set_title(labels.GRAFIEK_BANEN_AANTAL, fontsize=LETTER + 1, loc="left")
    rechts.set_title(labels.GRAFIEK_BANEN_GROEI, fontsize=LETTER + 1, loc="left")
    fig.suptitle(labels.GRAFIEK_BANEN, fontsize=LETTER + 2, x=0.01, y=0.99, ha="left", va="top", fontweight="bold")
    return fig


def netto_areaal(gemeenten: pd.DataFrame, selectie: str | None, breedte_cm: float = 8.5,
                 hoogte_cm: float = 7) -> Figure:  # fmt: skip
    """Net area of business parks per municipality (Tabel 8)."""
    df = gemeenten.sort_values("netto_areaal_ha", ascending=False)
    namen = df["gemeente"].tolist()
    fig = _figuur(breedte_cm, hoogte_cm, boven_cm=0.75)
    ax = fig.subplots()
    ax.barh(range(len(namen)), df["netto_areaal_ha"].astype(float), color=_kleuren(namen, selectie))
    for i, v in enumerate(df["netto_areaal_ha"]):
        ax.text(float(v), i, " " + fmt.met_eenheid(v, "ha"), va="center", fontsize=LETTER - 1.5)
    _as(ax, namen, selectie)
    _nl_as(ax)
    ax.set_xlim(0, float(df["netto_areaal_ha"].max()) * 1.3)
    ax.set_xlabel(labels.AS_HA, fontsize=LETTER - 1)
    fig.suptitle("Netto areaal bedrijventerrein, jan. 2023", fontsize=LETTER + 1, x=0.01, y=0.99, ha="left", va="top",
                 fontweight="bold")  # fmt: skip
    return fig


def vraag_aanbod(gemeenten: pd.DataFrame, selectie: str | None, breedte_cm: float = 8.5,
                 hoogte_cm: float = 7) -> Figure:  # fmt: skip
    """Demand range to 2040 and hard supply (Tabel 10) with the traffic light; a missing supply says so."""
    df = gemeenten.sort_values("gemeente")
    namen = df["gemeente"].tolist()
    fig = _figuur(breedte_cm, hoogte_cm, boven_cm=0.75)
    ax = fig.subplots()
    lo = df["vraag_min_ha"].astype(float).tolist()
    hi = df["vraag_max_ha"].astype(float).tolist()
    randen = [labels.KLEUR_SELECTIE if n == selectie else labels.KLEUR_BANDBREEDTE for n in namen]
    ax.barh(range(len(namen)), [h - low for low, h in zip(lo, hi, strict=True)], left=lo,
            color=labels.KLEUR_BANDBREEDTE, edgecolor=randen, linewidth=1.5, height=0.6)  # fmt: skip
    for i, (a, low, h) in enumerate(zip(df["hard_aanbod_ha"], lo, hi, strict=True)):
        licht = stoplicht(a, low, h)
        if licht.licht == "geen opgave":
            ax.text(h, i, f"  {labels.GEEN_OPGAVE}", va="center", fontsize=LETTER - 1.5, color="#636363")
            continue
        ax.plot([float(a)], [i], marker="D", markersize=5, color=licht.kleur,
                markeredgecolor="#333333", markeredgewidth=0.6)  # fmt: skip
    _as(ax, namen, selectie)
    _nl_as(ax)
    ax.set_xlim(0, max(max(hi), float(df["hard_aanbod_ha"].max())) * 1.25)
    ax.set_xlabel(labels.AS_HA, fontsize=LETTER - 1)
    handles = [Patch(color=labels.KLEUR_BANDBREEDTE, label="vraag tot 2040 (laag–hoog)")]
    handles += [
        Line2D([], [], marker="D", linestyle="none", color=s.kleur, markeredgecolor="#333333", markersize=4,
               label=f"aanbod: {s.kort.lower()}")
        for k, s in labels.STOPLICHTEN.items() if k != "geen opgave"
    ]  # fmt: skip
    ax.legend(handles=handles, fontsize=LETTER - 2, loc="lower right", frameon=False)
    fig.suptitle("Vraag tot 2040 en hard aanbod (1-1-2023)", fontsize=LETTER + 1, x=0.01, y=0.99, ha="left", va="top",
                 fontweight="bold")  # fmt: skip
    return fig


def svg(fig: Figure, tekst_als_tekst: bool = True) -> bytes:
    """A chart as SVG. Text stays text (font DejaVu Sans): small files, searchable in the PDF, and quick for
    fpdf2, which would otherwise copy every glyph outline; the PDF embeds that font itself."""
    buffer = io.BytesIO()
    opmaak = {"svg.fonttype": "none" if tekst_als_tekst else "path", "font.family": lettertype.FAMILIE}
    with matplotlib.rc_context(opmaak):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()
