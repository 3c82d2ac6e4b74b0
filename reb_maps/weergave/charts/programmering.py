"""The programming balance as a chart: per municipality the demand band to 2040 beside the variant's supply."""

from __future__ import annotations

import plotly.graph_objects as go

from reb_maps import fmt, labels
from reb_maps.programmering.balans import Balans


def balans_grafiek(b: Balans) -> go.Figure:
    """Per municipality the demand band to 2040 (grey bar from minimum to maximum) and the variant's supply (dot,
    coloured and labelled by its light)."""
    gemeenten = [g.gemeente for g in b.gemeenten][::-1]
    rijen = list(b.gemeenten)[::-1]
    fig = go.Figure()
    fig.add_bar(
        y=gemeenten,
        x=[(g.vraag_max_ha or 0) - (g.vraag_min_ha or 0) for g in rijen],
        base=[g.vraag_min_ha or 0 for g in rijen],
        orientation="h",
        marker_color="#d9d9d9",
        name="Vraag tot 2040 (REB, Tabel 10)",
        hovertemplate="%{y}: vraag %{base:.0f}–%{x:.0f} ha<extra></extra>",
    )
    for code, s in labels.STOPLICHTEN.items():
        deel = [g for g in rijen if g.stoplicht == code and g.aanbod_ha is not None]
        if deel:
            fig.add_scatter(
                y=[g.gemeente for g in deel],
                x=[g.aanbod_ha for g in deel],
                mode="markers+text",
                marker={"color": s.kleur, "size": 13, "line": {"color": "#333", "width": 1}},
                text=[fmt.met_eenheid(g.aanbod_ha, "ha", 1) for g in deel],
                textposition="middle right",
                name=f"Aanbod: {s.kort}",
            )
    fig.update_layout(
        height=460,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        separators=",.",
        barmode="overlay",
        xaxis_title="hectare (netto)",
        legend={"orientation": "h", "y": -0.15},
        title="Aanbod tegenover vraag tot 2040",
    )
    return fig
