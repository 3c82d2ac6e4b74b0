"""'Bijlage programmeringsafspraken': the variant's balance as an A4 PDF (fpdf2, the briefing's typography and the
print map's municipalities) and as an XLSX (the rows + a balance sheet). The figures come from the balance engine
(reb_maps.programmering.balans), the same as on screen and in the command line.
"""

from __future__ import annotations

import datetime as dt
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.patches import Patch
from matplotlib_scalebar.scalebar import ScaleBar

from reb_maps import fmt, labels
from reb_maps.programmering import excel
from reb_maps.programmering.balans import (
    BRON_GROOTSCHALIG,
    BRON_SCHAALSPRONG,
    BRON_VRAAG,
    Balans,
    balans,
)
from reb_maps.programmering.regels import HA_ONBEKEND
from reb_maps.weergave.documenten.briefing import ProgrammeringSectie, _alinea, _bron, _kop, _Pdf, _tabel, datum_tekst
from reb_maps.weergave.druk.kaart import gemeenten_rd, noordpijl

TITEL = "Bijlage programmeringsafspraken bedrijventerreinen Twente 2027–2030"
KLEUR_GEEN = "#d9d9d9"
# An agenda annex lists plans, not a whole spreadsheet: beyond this the Excel annex has every row (and the PDF of a
# 10.000-row variant stays a few pages, made in seconds).
MAX_REGELS_PER_GEMEENTE = 25


def _ha(waarde) -> str:
    return "–" if waarde is None else fmt.met_eenheid(waarde, "ha", 2)


def _band(lo, hi) -> str:
    return fmt.bandbreedte(lo, hi) if lo is not None and hi is not None else "geen opgave"


def _licht(code: str | None) -> str:
    """The light in words (no emoji: the PDF's font has none, and colour alone says nothing to everyone)."""
    return labels.STOPLICHTEN[code].kort if code in labels.STOPLICHTEN else str(code)


def kaart_png(balans: Balans, dpi: int = 200) -> bytes:
    """The municipalities coloured by the variant's traffic light, named, with legend, north arrow and scale."""
    frame = gemeenten_rd()
    lichten = {g.gemeente: g.stoplicht for g in balans.gemeenten}
    kleuren = [
        labels.STOPLICHTEN[lichten[n]].kleur if lichten.get(n) in labels.STOPLICHTEN else KLEUR_GEEN
        for n in frame["gemeente"]
    ]
    fig, ax = plt.subplots(figsize=(8.4, 5.0))
    try:
        frame.plot(ax=ax, color=kleuren, edgecolor="white", linewidth=0.8)
        for naam, geom in zip(frame["gemeente"], frame.geometry, strict=True):
            punt = geom.representative_point()
            ax.annotate(
                naam,
                (punt.x, punt.y),
                ha="center",
                va="center",
                fontsize=6.5,
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75},
            )
        ax.set_axis_off()
        ax.set_aspect("equal")
        noordpijl(ax)
        ax.add_artist(ScaleBar(1, "m", location="lower right", length_fraction=0.2, box_alpha=0.8))
        uitleg = {
            "rood": "onder de minimale vraag",
            "oranje": "binnen de bandbreedte",
            "groen": "op of boven de maximale vraag",
            "geen opgave": "geen regels of geen vraag",
        }
        rijen = [
            Patch(facecolor=s.kleur, label=f"{s.kort}: {uitleg.get(s.licht, '')}") for s in labels.STOPLICHTEN.values()
        ]
        ax.legend(
            handles=rijen,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            fontsize=6.5,
            frameon=True,
            title="Aanbod tot 2040 t.o.v. vraag",
            title_fontsize=7,
        )
        fig.tight_layout()
        uit = io.BytesIO()
        fig.savefig(uit, format="png", dpi=dpi, bbox_inches="tight")  # the legend sits outside the axes
    finally:
        plt.close(fig)
    return uit.getvalue()


def bijlage_pdf(variant, balans: Balans, datum: dt.date | None = None) -> bytes:
    datum = datum or dt.date.today()
    pdf = _Pdf(f"Bijlage programmering — {variant.naam}")
    pdf.set_lang("nl")
    pdf.set_title(f"{TITEL}: {variant.naam}")
    pdf.set_author("Werklocaties-dashboard Twente")
    pdf.add_page()
    _kop(pdf, TITEL, 14)
    _alinea(pdf, f"Variant: {variant.naam}", 10, "B")
    _alinea(
        pdf,
        f"Status: {variant.status}; versie {variant.versie}, laatst gewijzigd door {variant.gewijzigd_door}. "
        f"Gemaakt op {datum_tekst(datum)}.",
        9,
    )
    pdf.ln(1)
    pdf.image(io.BytesIO(kaart_png(balans)), x=pdf.l_margin, w=180)
    _bron(
        pdf,
        "Kaart: CBS/Kadaster via PDOK (CC BY 4.0); kleuren: aanbod in deze variant tegenover de indicatieve "
        "vraag tot 2040 (Tabel 10), regel van het dashboard.",
    )
    _kop(pdf, "Balans per gemeente", 11)
    rijen = [
        [
            g.gemeente,
            _band(g.vraag_min_ha, g.vraag_max_ha),
            _ha(g.hard_ha),
            _ha(g.zacht_ha),
            _ha(g.aanbod_ha),
            _licht(g.stoplicht),
        ]
        for g in balans.gemeenten
    ]
    _tabel(
        pdf,
        ["Gemeente", "Vraag tot 2040", "Hard", "Zacht", "Aanbod tot 2040", "Stoplicht"],
        rijen,
        (30, 30, 24, 24, 30, 42),
    )
    _bron(
        pdf,
        f"Vraag: {BRON_VRAAG}. Aanbod: de regels van deze variant met fase 2027–2030 of 2031–2040, hard en "
        f"zacht samen; regels zonder hectares ('{HA_ONBEKEND}') tellen als 0 en worden genoemd.",
    )
    gr = balans.grootschalig
    _kop(pdf, "Grootschalig (kavels vanaf 3 ha), regionaal", 11)
    tekst = (
        f"Aanbod in het segment grootschalig tot 2040: {_ha(gr.aanbod_ha)}; vraag volgens de REB "
        f"{_band(gr.vraag_min_ha, gr.vraag_max_ha)}: {_licht(gr.stoplicht)}."
    )
    if gr.schaalsprong_extra_ha is not None:
        tekst += (
            f" Met de schaalsprong (extra {_ha(gr.schaalsprong_extra_ha)}) wordt de vraag "
            f"{_band(gr.vraag_min_ha + gr.schaalsprong_extra_ha, gr.vraag_max_ha + gr.schaalsprong_extra_ha)}: "
            f"{_licht(gr.stoplicht_met_schaalsprong)}."
        )
    _alinea(pdf, tekst)
    _bron(pdf, BRON_GROOTSCHALIG + (f"; {BRON_SCHAALSPRONG}" if gr.schaalsprong_extra_ha is not None else ""))
    _kop(pdf, "Regels per gemeente", 11)
    for g in balans.gemeenten:
        eigen = [r for r in variant.regels if r.gemeente == g.gemeente]
        if not eigen:
            continue
        _alinea(pdf, f"{g.gemeente} ({len(eigen)} regels)", 9, "B")
        _tabel(pdf, ["Naam", "Segment", "Netto ha", "Hard/zacht", "Fase", "Status"],
               [[r.naam, r.segment, HA_ONBEKEND if r.netto_ha is None else fmt.getal(r.netto_ha, 2), r.hardheid,
                 r.fase, r.status] for r in eigen[:MAX_REGELS_PER_GEMEENTE]], (52, 32, 20, 20, 22, 34), 7)  # fmt: skip
        if len(eigen) > MAX_REGELS_PER_GEMEENTE:
            _alinea(pdf, f"… en nog {len(eigen) - MAX_REGELS_PER_GEMEENTE} regels: de volledige lijst staat in de "
                         "Bijlage (Excel).", 8, "I")  # fmt: skip
    _kop(pdf, "Aannames en bronnen", 11)
    for regel in (
        f"Periode 2027–2030: {fmt.getal(balans.aandeel_periode * 100, 1)}% van de vraag tot 2040 valt in deze "
        "periode (standaard lineair over 2023–2040, 4 van 17 jaar). Dit is een aanname van het dashboard, "
        "niet van het rapport.",
        f"Vraag per gemeente: {BRON_VRAAG}; Losser en Tubbergen: geen opgave in het rapport.",
        f"Grootschalig: {BRON_GROOTSCHALIG}.",
        "Stoplicht: rood onder de minimale vraag, oranje binnen de bandbreedte, groen op of boven de maximale vraag.",
        "De regels zijn de invoer van het overleg, geen cijfers uit het rapport; indicatief, geen vastgesteld beleid "
        "tenzij de status 'vastgesteld' is.",
    ):
        _alinea(pdf, f"• {regel}", 8)
    return bytes(pdf.output())


def bijlage_xlsx(variant, balans: Balans) -> bytes:
    """The rows (as the template) and the balance as a second sheet; no cell a spreadsheet would run."""
    koppen = [
        "Gemeente",
        "Vraag min ha",
        "Vraag max ha",
        "Hard ha",
        "Zacht ha",
        "Aanbod tot 2040 ha",
        "Stoplicht",
        "Regels",
        "Regels zonder ha",
    ]
    rijen = [
        [
            g.gemeente,
            g.vraag_min_ha,
            g.vraag_max_ha,
            g.hard_ha,
            g.zacht_ha,
            g.aanbod_ha,
            g.stoplicht,
            g.regels,
            g.ha_onbekend,
        ]
        for g in balans.gemeenten
    ]
    gr = balans.grootschalig
    rijen.append(
        [
            "Twente, grootschalig (≥ 3 ha)",
            gr.vraag_min_ha,
            gr.vraag_max_ha,
            None,
            None,
            gr.aanbod_ha,
            gr.stoplicht,
            None,
            None,
        ]
    )
    bronnen = [
        ["Variant", variant.naam],
        ["Status", variant.status],
        ["Versie", variant.versie],
        ["Vraag", BRON_VRAAG],
        ["Grootschalig", BRON_GROOTSCHALIG],
        ["Aandeel 2027–2030 (aanname dashboard)", round(balans.aandeel_periode, 4)],
    ]
    return excel.werkmap(variant.regels, [("Balans", koppen, rijen), ("Bronnen", ["Wat", "Waarde"], bronnen)])


def briefing_sectie(variant, gemeente: str) -> ProgrammeringSectie:
    """The municipality's rows and balance in `variant`, as the municipal briefing prints them."""
    g = balans(variant.regels).gemeente(gemeente)
    regels = tuple(
        (r.naam, r.segment, HA_ONBEKEND if r.netto_ha is None else fmt.getal(r.netto_ha, 2), r.hardheid, r.fase,
         r.status)
        for r in variant.regels if r.gemeente == gemeente
    )  # fmt: skip
    return ProgrammeringSectie(variant.naam, variant.status, regels, _ha(g.aanbod_ha),
                               _band(g.vraag_min_ha, g.vraag_max_ha), _licht(g.stoplicht))  # fmt: skip


SEGMENT_KLEUREN = {  # ColorBrewer Dark2: distinct for colour-blind readers, and named in the legend
    "grootschalig": "#1b9e77",
    "lokaal/regionaal MKB": "#d95f02",
    "campus/innovatie": "#7570b3",
    "overig": "#666666",
}
FASE_SYMBOLEN = {"2027–2030": "o", "2031–2040": "s", "na 2040": "^"}


def gekoppelde_locaties(variant, eigen: dict | None = None) -> list[tuple[str, str, str, object]]:
    """(name, segment, fase, point in RD) of the rows linked to a location: a report location (its id in
    `locaties`) or a workspace location (`eigen`: id → RD geometry)."""
    from reb_maps.werklocaties import locaties_rd

    rapport = {r.locatie_id: r.geometry for r in locaties_rd().itertuples()}
    uit = []
    for r in variant.regels:
        geom = (rapport.get(r.locatie) or (eigen or {}).get(r.locatie)) if r.locatie else None
        if geom is not None and not geom.is_empty:
            uit.append((r.naam, r.segment, r.fase, geom.representative_point()))
    return uit


def locaties_png(variant, eigen: dict | None = None, dpi: int = 110) -> bytes | None:
    """The variant's linked locations on the municipalities: colour = segment, symbol = fase (None: none linked)."""
    punten = gekoppelde_locaties(variant, eigen)
    if not punten:
        return None
    from matplotlib.lines import Line2D

    fig, ax = plt.subplots(figsize=(8.4, 5.0))
    try:
        gemeenten_rd().plot(ax=ax, color="#f2f2f2", edgecolor="#999999", linewidth=0.6)
        for naam, segment, fase, punt in punten:
            ax.scatter([punt.x], [punt.y], s=60, c=SEGMENT_KLEUREN.get(segment, "#666666"),
                       marker=FASE_SYMBOLEN.get(fase, "o"), edgecolors="black", linewidths=0.6, zorder=5)  # fmt: skip
            ax.annotate(naam[:30], (punt.x, punt.y), xytext=(5, 4), textcoords="offset points", fontsize=6)
        ax.set_axis_off()
        ax.set_aspect("equal")
        noordpijl(ax)
        rijen = [Line2D([], [], marker="o", linestyle="", color=k, label=f"Segment: {s}", markeredgecolor="black")
                 for s, k in SEGMENT_KLEUREN.items()]  # fmt: skip
        rijen += [Line2D([], [], marker=m, linestyle="", color="white", markeredgecolor="black", label=f"Fase: {f}")
                  for f, m in FASE_SYMBOLEN.items()]  # fmt: skip
        ax.legend(handles=rijen, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=6.5,
                  title="Gekoppelde locaties", title_fontsize=7)  # fmt: skip
        uit = io.BytesIO()
        fig.savefig(uit, format="png", dpi=dpi, bbox_inches="tight")
    finally:
        plt.close(fig)
    return uit.getvalue()
