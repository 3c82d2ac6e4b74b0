"""Helpers shared by the chart builders: Dutch layout, highlight colours, plotly-safe values."""

from __future__ import annotations

import plotly.graph_objects as go

from reb_maps import fmt, labels
from reb_maps.fmt import groei as groei  # re-exported: the chart modules import it from here

HOVER = "%{customdata}<extra></extra>"  # hover shows the preformatted (Babel) text in customdata
RIJ_HOOGTE = 30  # px per category row in horizontal bar charts


def waarden(series) -> list:
    """Plain Python floats with None for missing: plotly cannot serialise pandas.NA."""
    return [None if fmt.is_missing(v) else float(v) for v in series]


def layout(fig: go.Figure, titel: str, hoogte: int) -> go.Figure:
    fig.update_layout(
        title={"text": titel, "x": 0, "xanchor": "left"},
        separators=",.",  # decimal comma, thousands dot: plotly then prints Dutch numbers itself
        height=hoogte,
        margin={"l": 10, "r": 30, "t": 70, "b": 40},
        hoverlabel={"namelength": -1},
        legend={"orientation": "h", "yanchor": "top", "y": -0.08, "x": 0},
        bargap=0.25,
    )
    return fig


def kleuren(namen: list[str], selectie: str | None, basis: str = labels.KLEUR_BALK) -> list[str]:
    return [labels.KLEUR_SELECTIE if naam == selectie else basis for naam in namen]


def vet(namen: list[str], nadruk) -> list[str]:
    """Tick labels with the emphasised names in bold, so they stand out even where colour carries meaning."""
    nadruk = {nadruk} if isinstance(nadruk, str) or nadruk is None else set(nadruk)
    return [f"<b>{naam}</b>" if naam in nadruk else naam for naam in namen]


def categorie_as(fig: go.Figure, namen: list[str], nadruk, **where) -> None:
    """A top-to-bottom category y axis with the emphasised names in bold."""
    fig.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=namen,
        autorange="reversed",
        tickmode="array",
        tickvals=namen,
        ticktext=vet(namen, nadruk),
        **where,
    )

