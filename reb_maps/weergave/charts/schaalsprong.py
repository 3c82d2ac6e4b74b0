"""The Schaalsprong page's charts: the sectors as a waterfall, forecasts beside supply, the spread per municipality.

Numbers on the bars are Dutch with a real minus sign (`getal`, `ha`), the same as in the page's text.
"""

from __future__ import annotations

from typing import Protocol

import pandas as pd
import plotly.graph_objects as go

from reb_maps import fmt, labels
from reb_maps.schaalsprong import SECTOR_NAMEN, STUWENDE_SECTOREN, Uitkomsten

SEPARATORS = ",."  # plotly: decimal comma, thousands dot


class Ramingen(Protocol):
    """The report's forecasts and supply the chart sets the schaalsprong against (ui.schaalsprong.Context)."""

    raming: tuple[float, float]
    raming_3ha: tuple[float, float]
    aanbod_gemeenten: float
    aanbod_regionaal: float


def getal(value: float, decimals: int = 0) -> str:
    text = fmt.getal(value, decimals)
    return "−" + text[1:] if text.startswith("-") else text  # a real minus sign


def ha(value: float, decimals: int = 2) -> str:
    return f"{getal(value, decimals)} ha"


def ha_kort(value: float) -> str:
    """Whole hectares without decimals (221 ha), anything else with two (516,88 ha)."""
    return ha(value, 0 if float(value).is_integer() else 2)


def _layout(fig: go.Figure, titel: str, legend_y: float = -0.18, **kwargs) -> go.Figure:
    fig.update_layout(
        title=titel, separators=SEPARATORS, margin={"l": 10, "r": 10, "t": 50, "b": 10},
        plot_bgcolor="white", legend={"orientation": "h", "yanchor": "top", "y": legend_y, "x": 0}, **kwargs,
    )  # fmt: skip
    return fig


def figuur_sectoren(u: Uitkomsten) -> go.Figure:
    """Waterfall: the sectors add up to the total, intensification comes off, the extra remains."""
    sectoren = (*STUWENDE_SECTOREN, "mkb")
    x = [labels.SECTOR_KORT[s] for s in sectoren] + ["Ruimtevraag", "Intensivering", "Extra nodig"]
    y = [u.ha_per_sector[s] for s in sectoren] + [u.ha_totaal, -u.ha_intensivering, u.ha_extra]
    measure = ["relative"] * len(sectoren) + ["total", "relative", "total"]
    text = [ha(v) for v in y[:-3]] + [ha(u.ha_totaal), f"−{ha(u.ha_intensivering)}", ha(u.ha_extra)]
    hover = [SECTOR_NAMEN[s] for s in sectoren] + [
        "Ruimtevraag op bedrijventerreinen (stap 2)",
        "Op te vangen door intensivering (stap 3)",
        "Extra nodig bovenop de ramingen (stap 4)",
    ]
    fig = go.Figure(
        go.Waterfall(
            x=x, y=y, measure=measure, text=text, textposition="outside", customdata=hover,
            hovertemplate="%{customdata}: %{text}<extra></extra>", connector={"line": {"color": "#bbbbbb"}},
            increasing={"marker": {"color": labels.KLEUR_SCHAALSPRONG}},
            decreasing={"marker": {"color": labels.KLEUR_INTENSIVERING}},
            totals={"marker": {"color": labels.KLEUR_TOTAAL}},
        )
    )  # fmt: skip
    top = max(u.ha_totaal, 1.0)
    fig.update_yaxes(title=labels.AS_HA, range=[0, top * 1.15], gridcolor="#eeeeee")
    return _layout(fig, labels.GRAFIEK_SCHAALSPRONG_SECTOREN, showlegend=False)


def figuur_ramingen(u: Uitkomsten, c: Ramingen) -> go.Figure:
    """Horizontal bars: forecast bands, the schaalsprong on top, and the hard supply beside them."""
    rij_raming = "Raming Stec tot 2040"
    rij_3ha = "waarvan kavels ≥ 3 ha"
    rij_extra = "Schaalsprong (stap 4)"
    rij_samen = "Raming + schaalsprong (eigen som)"
    rij_aanbod = "Hard aanbod 1-1-2023"
    bands = [
        (rij_raming, *c.raming),
        (rij_3ha, *c.raming_3ha),
        (rij_samen, c.raming[0] + u.ha_extra, c.raming[1] + u.ha_extra),
    ]
    fig = go.Figure()
    fig.add_bar(
        y=[b[0] for b in bands], x=[b[2] - b[1] for b in bands], base=[b[1] for b in bands], orientation="h",
        name=labels.REEKS_RAMING, marker_color=labels.KLEUR_BANDBREEDTE,
        text=[f"{ha_kort(b[1])} – {ha_kort(b[2])}" for b in bands], textposition="outside", hoverinfo="y+text",
    )  # fmt: skip
    fig.add_bar(
        y=[rij_extra], x=[u.ha_extra], orientation="h", name=labels.REEKS_SCHAALSPRONG_EXTRA,
        marker_color=labels.KLEUR_SCHAALSPRONG, text=[ha(u.ha_extra)], textposition="auto", hoverinfo="y+text",
    )  # fmt: skip
    fig.add_bar(
        y=[rij_aanbod], x=[c.aanbod_gemeenten], orientation="h", name=labels.REEKS_AANBOD_GEMEENTEN,
        marker_color=labels.KLEUR_AANBOD, text=[ha(c.aanbod_gemeenten)], textposition="inside", hoverinfo="y+text",
    )  # fmt: skip
    fig.add_bar(
        y=[rij_aanbod], x=[c.aanbod_regionaal], base=[c.aanbod_gemeenten], orientation="h",
        name=labels.REEKS_AANBOD_REGIONAAL, marker_color=labels.KLEUR_AANBOD_REGIONAAL,
        text=[ha(c.aanbod_regionaal)], textposition="outside", hoverinfo="y+text",
    )  # fmt: skip
    # One offset group: every row is a single lane, and 'outside' labels work (they do not in overlay mode).
    fig.update_traces(offsetgroup="rij", cliponaxis=False)
    fig.update_layout(barmode="group", bargap=0.35)
    fig.update_yaxes(
        categoryorder="array", categoryarray=[rij_raming, rij_3ha, rij_extra, rij_samen, rij_aanbod],
        autorange="reversed",
    )  # fmt: skip
    rechts = max(c.raming[1] + u.ha_extra, c.aanbod_gemeenten + c.aanbod_regionaal, 1.0)
    fig.update_xaxes(range=[0, rechts * 1.45], gridcolor="#eeeeee")  # room for the labels; unit in the title
    return _layout(fig, labels.GRAFIEK_SCHAALSPRONG_RAMINGEN, height=460)


# --- illustrative spread over the municipalities ---------------------------------------------------


def figuur_spreiding(frame: pd.DataFrame, selectie: str | None = None) -> go.Figure:
    """Grouped bars per municipality; the selected one in bold, 'geen opgave' written where supply is missing."""
    namen = [str(n) for n in frame["gemeente"]]
    tick = [f"<b>{n}</b>" if n == selectie else n for n in namen]
    aanbod = [None if fmt.is_missing(v) else float(v) for v in frame["hard_aanbod_ha"]]
    fig = go.Figure()
    fig.add_bar(
        y=namen, x=[float(v) for v in frame["toegedeeld_ha"]], orientation="h", name=labels.REEKS_TOEGEDEELD,
        marker_color=labels.KLEUR_SCHAALSPRONG, text=[ha(v, 1) for v in frame["toegedeeld_ha"]],
        textposition="outside", hoverinfo="y+text",
    )  # fmt: skip
    fig.add_bar(
        y=namen, x=[v or 0 for v in aanbod], orientation="h", name=labels.REEKS_AANBOD,
        marker_color=labels.KLEUR_AANBOD, text=[labels.GEEN_OPGAVE if v is None else ha(v, 1) for v in aanbod],
        textposition="outside", hoverinfo="y+text",
    )  # fmt: skip
    fig.update_traces(cliponaxis=False)
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_yaxes(tickvals=namen, ticktext=tick, autorange="reversed")
    grootste = max([float(v) for v in frame["toegedeeld_ha"]] + [v or 0 for v in aanbod] + [1.0])
    fig.update_xaxes(range=[0, grootste * 1.2], gridcolor="#eeeeee")  # room for the labels; unit in the title
    return _layout(fig, labels.GRAFIEK_SCHAALSPRONG_SPREIDING, legend_y=-0.06, height=40 * len(namen) + 140)
