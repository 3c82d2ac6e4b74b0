"""Builders for the Gemeenten page: jobs (Tabel 2), net area (Tabel 8), demand against supply (Tabel 10)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from reb_maps import fmt, labels
from reb_maps.indicatoren import tekort
from reb_maps.kerncijfers import stoplicht
from reb_maps.weergave.charts._basis import HOVER, RIJ_HOOGTE, categorie_as, groei, kleuren, layout, waarden


def banen(gemeenten: pd.DataFrame, selectie: str | None = None) -> go.Figure:
    """Jobs 2023 and job growth 2014–2023 per municipality (Tabel 2), largest first."""
    df = gemeenten.sort_values("banen_2023", ascending=False)
    namen = df["gemeente"].tolist()
    fig = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        column_widths=[0.6, 0.4],
        horizontal_spacing=0.08,
        subplot_titles=(labels.GRAFIEK_BANEN_AANTAL, labels.GRAFIEK_BANEN_GROEI),
    )
    aantal_tekst = [fmt.getal(v) for v in df["banen_2023"]]
    groei_tekst = [groei(v) for v in df["banen_groei_2014_2023_pct"]]
    hover = [
        f"<b>{n}</b><br>{labels.GRAFIEK_BANEN_AANTAL}: {a}<br>{labels.GRAFIEK_BANEN_GROEI}: {g}<br>"
        f"{labels.METRIC_INWONERS}: {fmt.getal(i)} ({groei(gi)})"
        for n, a, g, i, gi in zip(
            namen, aantal_tekst, groei_tekst, df["inwoners_2023"], df["inwoners_groei_2014_2023_pct"],
            strict=True,
        )
    ]
    balk_kleuren = kleuren(namen, selectie)
    fig.add_trace(
        go.Bar(
            name=labels.GRAFIEK_BANEN_AANTAL, orientation="h", y=namen, x=waarden(df["banen_2023"]),
            text=aantal_tekst, textposition="auto", marker_color=balk_kleuren,
            customdata=hover, hovertemplate=HOVER,
        ),
        row=1, col=1,
    )
    fig.add_trace(
        go.Bar(
            name=labels.GRAFIEK_BANEN_GROEI, orientation="h", y=namen,
            x=waarden(df["banen_groei_2014_2023_pct"]), text=groei_tekst, textposition="auto",
            marker_color=balk_kleuren, customdata=hover, hovertemplate=HOVER,
        ),
        row=1, col=2,
    )
    categorie_as(fig, namen, selectie)
    # a tight range keeps the last tick off the neighbouring panel's first tick
    hoogste = max(v for v in waarden(df["banen_2023"]) if v is not None)
    fig.update_xaxes(tickformat=",d", nticks=4, range=[0, hoogste * 1.02], title_text=labels.AS_BANEN, row=1, col=1)
    fig.update_xaxes(ticksuffix="%", nticks=4, title_text=labels.AS_GROEI, row=1, col=2)
    layout(fig, labels.GRAFIEK_BANEN, 110 + RIJ_HOOGTE * len(namen))
    fig.update_layout(showlegend=False)
    return fig


def netto_areaal(gemeenten: pd.DataFrame, selectie: str | None = None, totaal=None) -> go.Figure:
    """Net area of business parks per municipality (Tabel 8); `totaal` is the report's printed total."""
    df = gemeenten.sort_values("netto_areaal_ha", ascending=False)
    namen = df["gemeente"].tolist()
    tekst = [
        f"{fmt.met_eenheid(ha, 'ha')} ({fmt.met_eenheid(pct, '%')})"
        for ha, pct in zip(df["netto_areaal_ha"], df["netto_areaal_aandeel_pct"], strict=True)
    ]
    hover = [f"<b>{n}</b><br>{t} van Twente" for n, t in zip(namen, tekst, strict=True)]
    fig = go.Figure(
        go.Bar(
            name=labels.GRAFIEK_NETTO, orientation="h", y=namen, x=waarden(df["netto_areaal_ha"]),
            text=tekst, textposition="auto", marker_color=kleuren(namen, selectie),
            customdata=hover, hovertemplate=HOVER,
        )
    )
    categorie_as(fig, namen, selectie)
    fig.update_xaxes(tickformat=",d", title_text=labels.AS_HA)
    titel = labels.GRAFIEK_NETTO
    if not fmt.is_missing(totaal):
        titel += f"<br><sup>{labels.TWENTE_TOTAAL}: {fmt.met_eenheid(totaal, 'ha')}</sup>"
    layout(fig, titel, 110 + RIJ_HOOGTE * len(namen))
    fig.update_layout(showlegend=False)
    return fig


def _bereik(
    namen: list[str], lo: pd.Series, hi: pd.Series, aanbod: pd.Series, selectie: str | None, titel: str
) -> go.Figure:
    """Range bars (min–max demand) with the hard supply as a diamond coloured by the traffic light."""
    lo_v, hi_v, aanbod_v = waarden(lo), waarden(hi), waarden(aanbod)
    status = [stoplicht(a, mi, ma) for a, mi, ma in zip(aanbod_v, lo_v, hi_v, strict=True)]
    vraag_tekst = [fmt.bandbreedte(mi, ma) for mi, ma in zip(lo_v, hi_v, strict=True)]
    hover = []
    for naam, vraag, a, mi, st_ in zip(namen, vraag_tekst, aanbod_v, lo_v, status, strict=True):
        regel = f"<b>{naam}</b><br>{labels.REEKS_VRAAG}: {vraag}<br>{labels.REEKS_AANBOD}: "
        regel += fmt.met_eenheid(a, "ha", missing=labels.GEEN_OPGAVE)
        if st_.licht != "geen opgave":
            regel += f"<br>{labels.TABEL_TEKORT}: {fmt.met_eenheid(tekort(a, mi), 'ha')}"
        hover.append(f"{regel}<br>{st_.kort}: {st_.lang.lower()}")

    geselecteerd = [naam == selectie for naam in namen]
    fig = go.Figure(
        go.Bar(
            name=labels.REEKS_VRAAG, orientation="h", y=namen, base=lo_v,
            x=[None if mi is None or ma is None else ma - mi for mi, ma in zip(lo_v, hi_v, strict=True)],
            marker={
                "color": labels.KLEUR_BANDBREEDTE,
                "line": {
                    "color": [labels.KLEUR_SELECTIE if s else labels.KLEUR_BANDBREEDTE for s in geselecteerd],
                    "width": [3 if s else 0 for s in geselecteerd],
                },
            },
            customdata=hover, hovertemplate=HOVER,
        )
    )
    for kleur, licht in labels.STOPLICHTEN.items():
        idx = [i for i, s in enumerate(status) if s.licht == kleur]
        if not idx:
            continue
        naam_reeks = f"{licht.kort}: {licht.lang.lower()}"
        if kleur == "geen opgave":  # no supply figure: say so at the end of the demand bar
            fig.add_trace(
                go.Scatter(
                    name=naam_reeks, mode="text", y=[namen[i] for i in idx], x=[hi_v[i] for i in idx],
                    text=[f"  {labels.GEEN_OPGAVE}" for _ in idx], textposition="middle right",
                    textfont={"color": "#636363"}, customdata=[hover[i] for i in idx],
                    hovertemplate=HOVER,
                )
            )
            continue
        fig.add_trace(
            go.Scatter(
                name=naam_reeks, mode="markers+text", y=[namen[i] for i in idx],
                x=[aanbod_v[i] for i in idx],
                text=[fmt.met_eenheid(aanbod_v[i], "ha") for i in idx], textposition="middle right",
                marker={"symbol": "diamond", "size": 14, "color": licht.kleur, "line": {"color": "#333", "width": 1}},
                customdata=[hover[i] for i in idx], hovertemplate=HOVER,
            )
        )
    categorie_as(fig, namen, selectie)
    fig.update_xaxes(tickformat=",d", title_text=labels.AS_HA, rangemode="tozero")
    layout(fig, titel, 150 + RIJ_HOOGTE * len(namen))
    return fig


def vraag_aanbod(gemeenten: pd.DataFrame, selectie: str | None = None) -> go.Figure:
    """Indicative demand to 2040 as a range and the hard supply per 1-1-2023 per municipality (Tabel 10)."""
    df = gemeenten.sort_values("gemeente")
    return _bereik(
        df["gemeente"].tolist(), df["vraag_min_ha"], df["vraag_max_ha"], df["hard_aanbod_ha"],
        selectie, labels.GRAFIEK_VRAAG_AANBOD,
    )


def grootschalig(grootschalige_vraag: pd.DataFrame) -> go.Figure:
    """The regional large-scale demand (Tabel 10, separate line): one range bar for all of Twente."""
    namen = [labels.GROOTSCHALIG_RIJ] * len(grootschalige_vraag)
    fig = _bereik(
        namen, grootschalige_vraag["vraag_min_ha"], grootschalige_vraag["vraag_max_ha"],
        grootschalige_vraag["hard_aanbod_ha"], None, labels.GRAFIEK_GROOTSCHALIG,
    )
    fig.update_layout(height=260, legend={"y": -0.35})
    return fig


def stoplichten(gemeenten: pd.DataFrame) -> pd.Series:
    """Traffic light (labels.Stoplicht) per municipality, indexed by name."""
    return pd.Series(
        [
            stoplicht(a, lo, hi)
            for a, lo, hi in zip(
                waarden(gemeenten["hard_aanbod_ha"]), waarden(gemeenten["vraag_min_ha"]),
                waarden(gemeenten["vraag_max_ha"]), strict=True,
            )
        ],
        index=gemeenten["gemeente"].tolist(),
    )


def vergelijkingstabel(gemeenten: pd.DataFrame, kolommen: dict) -> pd.DataFrame:
    """All municipalities side by side, numbers formatted in Dutch; headers from the table's metadata."""

    def kop(col: str) -> str:
        return kolommen[col]["label"]

    status = stoplichten(gemeenten)
    rijen = []
    for _, r in gemeenten.iterrows():
        s = status[r["gemeente"]]
        rijen.append(
            {
                kop("gemeente"): r["gemeente"],
                kop("inwoners_2023"): fmt.getal(r["inwoners_2023"]),
                kop("inwoners_groei_2014_2023_pct"): groei(r["inwoners_groei_2014_2023_pct"]),
                kop("banen_2023"): fmt.getal(r["banen_2023"]),
                kop("banen_groei_2014_2023_pct"): groei(r["banen_groei_2014_2023_pct"]),
                kop("netto_areaal_ha"): fmt.met_eenheid(r["netto_areaal_ha"], "ha"),
                kop("netto_areaal_aandeel_pct"): fmt.met_eenheid(r["netto_areaal_aandeel_pct"], "%"),
                labels.TABEL_VRAAG: fmt.bandbreedte(r["vraag_min_ha"], r["vraag_max_ha"]),
                kop("hard_aanbod_ha"): fmt.met_eenheid(r["hard_aanbod_ha"], "ha", missing=labels.GEEN_OPGAVE),
                labels.TABEL_STOPLICHT: s.label,
                labels.TABEL_TEKORT: fmt.met_eenheid(
                    tekort(r["hard_aanbod_ha"], r["vraag_min_ha"]), "ha", missing=labels.GEEN_OPGAVE
                ),
            }
        )
    return pd.DataFrame(rijen)


def markeer_selectie(tabel: pd.DataFrame, selectie: str | None):
    """A pandas Styler that tints the selected municipality's row (first column holds the name)."""
    naam_kolom = tabel.columns[0]

    def tint(rij: pd.Series) -> list[str]:
        stijl = "background-color: #fde0e4; font-weight: bold" if rij[naam_kolom] == selectie else ""
        return [stijl] * len(rij)

    return tabel.style.apply(tint, axis=1)
