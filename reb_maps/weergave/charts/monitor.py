"""Monitor charts: one municipality's series (the REB's 2023 marked) and each municipality's net area beside the REB."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from reb_maps import fmt, labels
from reb_maps.weergave.charts._basis import HOVER, RIJ_HOOGTE, categorie_as, layout, waarden

REB_JAAR = 2023
KLEUR_NETTO, KLEUR_UIT, KLEUR_AANBOD = "#542788", "#01665e", "#b35806"
KLEUR_BANEN, KLEUR_INWONERS = "#2166ac", "#4d4d4d"


def _reeks(fig, frame: pd.DataFrame, kolom: str, naam: str, kleur: str, eenheid: str, rij: int, streep=None) -> None:
    """A line over the years; the REB's point drawn as a large diamond with 'REB' above it (not by colour alone)."""
    deel = frame[frame[kolom].notna()]
    if deel.empty:
        return
    jaren = [int(j) for j in deel["jaar"]]
    tekst = [fmt.met_eenheid(v, eenheid, 2 if eenheid == "ha" else 0) for v in deel[kolom]]
    fig.add_trace(
        go.Scatter(
            x=jaren, y=waarden(deel[kolom]), name=naam, mode="lines+markers",
            line={"color": kleur, "width": 2.5, "dash": streep},
            marker={"size": [16 if j == REB_JAAR else 8 for j in jaren],
                    "symbol": ["diamond" if j == REB_JAAR else "circle" for j in jaren], "color": kleur},
            customdata=[f"<b>{naam}</b><br>{j}{' (REB)' if j == REB_JAAR else ''}: {t}"
                        for j, t in zip(jaren, tekst, strict=True)],
            hovertemplate=HOVER,
        ),
        row=rij, col=1,
    )  # fmt: skip


def trend(reeks: pd.DataFrame, gebied: str) -> go.Figure:
    """Netto areaal and uitgeefbaar (ha, top), banen and inwoners (bottom) of one municipality or Twente."""
    frame = reeks[reeks["gemeente"] == gebied].sort_values("jaar")
    fig = make_subplots(
        rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.14,
        subplot_titles=("Bedrijventerrein (ha)", "Banen en inwoners"),
    )  # fmt: skip
    _reeks(fig, frame, "netto_ha", "Netto areaal", KLEUR_NETTO, "ha", 1)
    _reeks(fig, frame, "uitgeefbaar_ha", "Uitgeefbaar (IBIS)", KLEUR_UIT, "ha", 1, streep="dash")
    _reeks(fig, frame, "hard_aanbod_ha", "Hard aanbod (REB; andere maat)", KLEUR_AANBOD, "ha", 1, streep="dot")
    _reeks(fig, frame, "banen", "Banen", KLEUR_BANEN, "", 2)
    _reeks(fig, frame, "inwoners", "Inwoners", KLEUR_INWONERS, "", 2, streep="dash")
    jaren = sorted(int(j) for j in frame["jaar"].unique())
    fig.update_xaxes(
        tickmode="array", tickvals=jaren, ticktext=[f"{j} (REB)" if j == REB_JAAR else str(j) for j in jaren]
    )
    fig.update_yaxes(tickformat=",d", rangemode="tozero")
    fig.add_vline(x=REB_JAAR, line={"color": "#888", "width": 1, "dash": "dot"})
    layout(fig, f"{gebied}: wat is er veranderd sinds de REB", 560)
    fig.update_layout(legend={"y": -0.12})
    return fig


def netto_naast_reb(sinds: pd.DataFrame, selectie: str | None = None) -> go.Figure:
    """Per municipality the REB's net area (Tabel 8) and that of the imported year, as a pair of bars."""
    df = sinds[sinds["gemeente"] != "Twente"].sort_values("netto_reb_ha", ascending=False)
    namen = df["gemeente"].tolist()
    jaar = int(df["jaar"].iloc[0])
    fig = go.Figure()
    for kolom, naam, kleur, patroon in (
        ("netto_reb_ha", "Januari 2023 (REB, Tabel 8)", "#bdbdbd", ""),
        ("netto_ha", f"{jaar} (IBIS, ingelezen)", KLEUR_NETTO, "/"),
    ):
        tekst = [
            fmt.met_eenheid(v, "ha", 2 if kolom == "netto_ha" else None, missing=labels.GEEN_OPGAVE) for v in df[kolom]
        ]
        fig.add_trace(
            go.Bar(
                name=naam, orientation="h", y=namen, x=waarden(df[kolom]), marker_color=kleur,
                marker_pattern_shape=patroon, text=tekst, textposition="auto",
                customdata=[f"<b>{n}</b><br>{naam}: {t}" for n, t in zip(namen, tekst, strict=True)],
                hovertemplate=HOVER,
            )
        )  # fmt: skip
    categorie_as(fig, namen, selectie)
    fig.update_xaxes(tickformat=",d", title_text=labels.AS_HA)
    layout(fig, f"Netto areaal: REB (januari 2023) en {jaar}", 130 + 2 * RIJ_HOOGTE * len(namen))
    fig.update_layout(barmode="group")
    return fig
