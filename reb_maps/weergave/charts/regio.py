"""Builders for the Regio & economie page: Tabel 1, Figuur 4, Tabel 4, Tabel 5/6 and Tabel 9."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from reb_maps import fmt, labels
from reb_maps.weergave.charts._basis import HOVER, RIJ_HOOGTE, categorie_as, groei, layout, waarden

TWENTE = "Twente"


def regio_vergelijking(regio: pd.DataFrame) -> go.Figure:
    """Inhabitants and jobs 2023 (left) and their growth 2014–2023 (right) per region (Tabel 1)."""
    namen = regio["regio"].tolist()
    fig = make_subplots(
        rows=1, cols=2, column_widths=[0.55, 0.45], horizontal_spacing=0.08,
        subplot_titles=(labels.GRAFIEK_REGIO_AANTAL, labels.GRAFIEK_REGIO_GROEI),
    )
    reeksen = (
        (labels.REEKS_INWONERS, "inwoners_2023", "inwoners_groei_2014_2023_pct", labels.KLEUR_BALK_LICHT),
        (labels.REEKS_BANEN, "banen_2023", "banen_groei_2014_2023_pct", labels.KLEUR_BALK),
    )
    for reeks, aantal, groei_kol, kleur in reeksen:
        # Twente's bars get an accent outline; colour alone separates the two series.
        rand = {
            "color": [labels.KLEUR_ACCENT if n == TWENTE else kleur for n in namen],
            "width": [3 if n == TWENTE else 0 for n in namen],
        }
        aantal_tekst = [fmt.getal(v, missing=labels.NIET_IN_BRONTEKST) for v in regio[aantal]]
        groei_tekst = [groei(v) for v in regio[groei_kol]]
        fig.add_trace(
            go.Bar(
                name=reeks, legendgroup=reeks, x=namen, y=waarden(regio[aantal]), text=aantal_tekst,
                textposition="outside", marker={"color": kleur, "line": rand},
                customdata=[f"<b>{n}</b><br>{reeks} 2023: {t}" for n, t in zip(namen, aantal_tekst, strict=True)],
                hovertemplate=HOVER,
            ),
            row=1, col=1,
        )
        fig.add_trace(
            go.Bar(
                name=reeks, legendgroup=reeks, showlegend=False, x=namen, y=waarden(regio[groei_kol]),
                text=groei_tekst, textposition="outside", marker={"color": kleur, "line": rand},
                customdata=[
                    f"<b>{n}</b><br>{labels.GRAFIEK_REGIO_GROEI}, {reeks.lower()}: {t}"
                    for n, t in zip(namen, groei_tekst, strict=True)
                ],
                hovertemplate=HOVER,
            ),
            row=1, col=2,
        )
    for ontbrekend in regio.loc[regio["banen_2023"].isna(), "regio"]:
        fig.add_annotation(
            x=ontbrekend, y=0, yanchor="bottom", text=labels.NIET_IN_BRONTEKST.replace(" in ", "<br>in "),
            showarrow=False, font={"size": 11, "color": "#636363"}, row=1, col=1,
        )
    tekst = [f"<b>{n}</b>" if n == TWENTE else n.replace(" ", "<br>", 1) if len(n) > 12 else n for n in namen]
    fig.update_xaxes(tickmode="array", tickvals=namen, ticktext=tekst, tickangle=0)
    fig.update_yaxes(tickformat=",d", row=1, col=1)
    fig.update_yaxes(ticksuffix="%", row=1, col=2)
    layout(fig, labels.GRAFIEK_REGIO, 460)
    fig.update_layout(barmode="group", legend={"y": -0.18}, uniformtext={"minsize": 9, "mode": "hide"})
    return fig


def _profiel_tekst(rij: pd.Series) -> str:
    waarde = fmt.met_eenheid(rij["banen"], rij["telling"], missing=labels.NIET_IN_BRONTEKST)
    return f"{rij['kwalificatie']} {waarde}" if not fmt.is_missing(rij["kwalificatie"]) else waarde


def economisch_profiel(profiel: pd.DataFrame, indeling: str = "driedeling") -> go.Figure:
    """Figuur 4 as a treemap: Twente's jobs split into the three layers and their parts.

    Parts without a number in the report cannot get an area without inventing one; they are named in
    the text of their parent instead, with 'niet beschikbaar in de brontekst'. A parent whose known parts
    do not fill it keeps the rest as its own, unlabelled area.
    """
    wortel = profiel.loc[profiel["indeling"] == "totaal"].sort_values("banen", ascending=False).iloc[0]
    boom = profiel.loc[profiel["indeling"] == indeling].copy()
    boom["ouder"] = boom["ouder"].fillna(wortel["id"])
    bekend = boom.loc[boom["banen"].notna()]
    onbekend = boom.loc[boom["banen"].isna()]
    totaal = float(wortel["banen"])

    ids, ouders, namen, waarden_, teksten, hover, kleur = [], [], [], [], [], [], []
    for _, rij in pd.concat([wortel.to_frame().T, bekend]).iterrows():
        regel = [_profiel_tekst(rij)]
        kinderen = bekend.loc[bekend["ouder"] == rij["id"], "banen"]
        missend = onbekend.loc[onbekend["ouder"] == rij["id"], "naam"].tolist()
        if missend:
            regel.append(f"waarvan {', '.join(missend)}: {labels.NIET_IN_BRONTEKST}")
        elif len(kinderen) and float(kinderen.sum()) < float(rij["banen"]):
            regel.append(labels.RESTDEEL_NIET_UITGESPLITST)
        typering = rij["typering"]
        kop = f"{rij['naam']} ({typering})" if not fmt.is_missing(typering) else rij["naam"]
        aandeel = fmt.fractie(float(rij["banen"]) / totaal, 1)
        ids.append(rij["id"])
        ouders.append("" if rij["id"] == wortel["id"] else rij["ouder"])
        namen.append(kop)
        waarden_.append(float(rij["banen"]))
        teksten.append("<br>".join(regel))
        hover.append(f"<b>{kop}</b><br>{'<br>'.join(regel)}<br>{aandeel} van alle banen ({labels.BEREKEND_AANDEEL})")
        laag = rij["laag"]
        kleur.append(labels.KLEUR_PROFIEL_TOTAAL if fmt.is_missing(laag) else labels.KLEUR_LAAG[laag])
    fig = go.Figure(
        go.Treemap(
            ids=ids, parents=ouders, labels=namen, values=waarden_, branchvalues="total",
            text=teksten, textinfo="label+text", customdata=hover, hovertemplate=HOVER,
            marker={"colors": kleur}, sort=False, tiling={"packing": "squarify"},
        )
    )
    layout(fig, labels.GRAFIEK_PROFIEL, 560)
    fig.update_layout(margin={"l": 0, "r": 0, "t": 50, "b": 0})
    return fig


def profiel_overig(profiel: pd.DataFrame, kolommen: dict) -> pd.DataFrame:
    """The report's other ways of counting (sectors, topsectors, cluster analysis), formatted for a table."""
    rijen = profiel.loc[~profiel["indeling"].isin(["totaal", "driedeling"])]
    return pd.DataFrame(
        {
            kolommen["naam"]["label"]: rijen["naam"],
            kolommen["banen"]["label"]: [_profiel_tekst(r) for _, r in rijen.iterrows()],
            kolommen["aandeel_pct"]["label"]: [fmt.met_eenheid(v, "%") for v in rijen["aandeel_pct"]],
            kolommen["peiljaar"]["label"]: ["–" if fmt.is_missing(v) else str(int(v)) for v in rijen["peiljaar"]],
            kolommen["toelichting"]["label"]: rijen["toelichting"],
            kolommen["verwijzing"]["label"]: rijen["verwijzing"],
        }
    ).reset_index(drop=True)


def eib_scenarios(eib: pd.DataFrame) -> go.Figure:
    """Jobs in Twente in the EIB low and high scenario (Tabel 4 / Bijlage II)."""
    fig = go.Figure()
    for scenario in ("hoog", "laag"):
        df = eib.loc[eib["scenario"] == scenario].sort_values("jaar")
        naam = labels.REEKS_SCENARIO[scenario]
        tekst = [fmt.getal(v) for v in df["banen"]]
        fig.add_trace(
            go.Scatter(
                name=naam, x=df["jaar"].astype(int).tolist(), y=waarden(df["banen"]),
                mode="lines+markers+text", text=tekst,
                textposition="top center" if scenario == "hoog" else "bottom center",
                line={"color": labels.KLEUR_SCENARIO[scenario], "width": 3}, marker={"size": 9},
                customdata=[f"<b>{naam}</b>, {j}: {t} banen" for j, t in zip(df["jaar"], tekst, strict=True)],
                hovertemplate=HOVER,
            )
        )
    jaren = sorted(eib["jaar"].astype(int).unique().tolist())
    fig.update_xaxes(tickmode="array", tickvals=jaren, ticktext=[str(j) for j in jaren], title_text=labels.AS_JAAR)
    fig.update_yaxes(tickformat=",d", title_text=labels.AS_BANEN)
    layout(fig, labels.GRAFIEK_EIB, 420)
    fig.update_layout(legend={"y": -0.2})
    return fig


def _ruimtevraag_namen(df: pd.DataFrame) -> list[str]:
    """Indent each category under its parent: '↳ ' per level, as in the report's nested rows."""
    ouder = dict(zip(df["categorie"], df["onderdeel_van"], strict=True))

    def diepte(cat) -> int:
        return 0 if fmt.is_missing(ouder.get(cat)) else 1 + diepte(ouder[cat])

    return [("\u2003" * (diepte(c) - 1) + "↳ " if diepte(c) else "") + lab for c, lab in zip(
        df["categorie"], df["label"], strict=True)]


def ruimtevraag(vraag: pd.DataFrame) -> go.Figure:
    """Demand ranges to 2040 (EIB low – EIB high) per work environment (Tabel 5) and plot size (Tabel 6)."""
    tabellen = list(dict.fromkeys(vraag["tabel"]))
    aantallen = [int((vraag["tabel"] == t).sum()) for t in tabellen]
    titels = {"Tabel 5": labels.SUBTITEL_TABEL5, "Tabel 6": labels.SUBTITEL_TABEL6}
    fig = make_subplots(
        rows=len(tabellen), cols=1, shared_xaxes=True, row_heights=aantallen, vertical_spacing=0.12,
        subplot_titles=[titels.get(t, t) for t in tabellen],
    )
    for i, tabel in enumerate(tabellen, start=1):
        df = vraag.loc[vraag["tabel"] == tabel]
        namen = _ruimtevraag_namen(df)
        lo, hi = waarden(df["min_ha"]), waarden(df["max_ha"])
        tekst = [fmt.bandbreedte(a, b, missing="") for a, b in zip(lo, hi, strict=True)]
        fig.add_trace(
            go.Bar(
                name=labels.REEKS_VRAAG_LAAG_HOOG, showlegend=i == 1, orientation="h", y=namen, base=lo,
                x=[None if a is None or b is None else b - a for a, b in zip(lo, hi, strict=True)],
                marker={"color": labels.KLEUR_BALK}, text=tekst, textposition="outside",
                customdata=[f"<b>{n}</b><br>{t}" for n, t in zip(df["label"], tekst, strict=True)],
                hovertemplate=HOVER,
            ),
            row=i, col=1,
        )
        missend = [n for n, a in zip(namen, lo, strict=True) if a is None]
        if missend:  # say it where the bar would be
            fig.add_trace(
                go.Scatter(
                    name=labels.NIET_IN_BRONTEKST, showlegend=False, mode="text", y=missend, x=[0] * len(missend),
                    text=[labels.NIET_IN_BRONTEKST] * len(missend), textposition="middle right",
                    textfont={"color": "#636363"}, hoverinfo="skip",
                ),
                row=i, col=1,
            )
        categorie_as(fig, namen, None, row=i, col=1)
    hoogste = max(v for v in waarden(vraag["max_ha"]) if v is not None)
    fig.update_xaxes(tickformat=",d", range=[0, hoogste * 1.2])  # room for the range text right of a bar
    fig.update_xaxes(title_text=labels.AS_HA, row=len(tabellen), col=1)
    layout(fig, labels.GRAFIEK_RUIMTEVRAAG, 160 + 45 * len(vraag))
    fig.update_layout(legend={"y": -0.12})
    return fig


def campusgroei(campussen: pd.DataFrame, selectie: str | None = None) -> go.Figure:
    """Job growth at campus firms against the whole municipality, 2018–2024 (Tabel 9); total row last."""
    losse = campussen.loc[~campussen["totaalrij"].astype(bool)].sort_values("groei_campus_pct", ascending=False)
    df = pd.concat([losse, campussen.loc[campussen["totaalrij"].astype(bool)]])
    namen = df["gemeente"].tolist()
    twents = df.loc[df["in_twente"].astype(bool), "gemeente"].tolist()
    campus = ["" if fmt.is_missing(c) else str(c).replace("; ", ", ") for c in df["campus"]]
    fig = go.Figure()
    reeksen = (
        (labels.REEKS_CAMPUS, "groei_campus_pct", labels.KLEUR_BALK, labels.KLEUR_ACCENT, labels.KLEUR_SELECTIE),
        (labels.REEKS_GEMEENTE_TOTAAL, "groei_gemeente_pct", labels.KLEUR_BALK_LICHT, labels.KLEUR_ACCENT_LICHT,
         labels.KLEUR_SELECTIE_LICHT),
    )
    for reeks, kolom, kleur, kleur_twente, kleur_selectie in reeksen:
        tekst = [groei(v) for v in df[kolom]]
        balk = [kleur_selectie if n == selectie else kleur_twente if n in twents else kleur for n in namen]
        fig.add_trace(
            go.Bar(
                name=reeks, orientation="h", y=namen, x=waarden(df[kolom]), text=tekst, textposition="outside",
                marker={"color": balk},
                customdata=[
                    f"<b>{n}</b>{' – ' + c if c else ''}<br>{reeks}: {t}"
                    + (f"<br>{labels.IN_TWENTE}" if n in twents else "")
                    for n, c, t in zip(namen, campus, tekst, strict=True)
                ],
                hovertemplate=HOVER,
            )
        )
    categorie_as(fig, namen, [*twents, selectie])
    fig.update_xaxes(ticksuffix="%", title_text=labels.AS_GROEI, zeroline=True, zerolinecolor="#888")
    layout(fig, labels.GRAFIEK_CAMPUS, 130 + int(1.4 * RIJ_HOOGTE) * len(namen))
    fig.update_layout(barmode="group", bargap=0.2, legend={"y": -0.06})
    return fig

