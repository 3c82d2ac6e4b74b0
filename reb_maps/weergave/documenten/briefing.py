"""The briefing PDF: two to four A4 pages on one municipality or on Twente, for a bestuurlijk overleg.

Why fpdf2: a pure-Python wheel without system libraries (reportlab needs a C extension for speed and its own
font plumbing; typst is a separate binary), it embeds TrueType fonts as subsets, draws SVG as vector paths
(so matplotlib charts stay sharp) and sets the document language and metadata. Text is always placed as plain
text (never markdown/HTML), so a name with `<`, `&` or quotes is printed as it is.

The font is matplotlib's DejaVu Sans (libre, full Dutch glyphs), read from matplotlib's own data folder, so
nothing needs fonts installed on the system.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import pandas as pd
from fpdf import FPDF, FontFace

from reb_maps import __version__ as APP_VERSIE
from reb_maps import fmt, labels, lagen, paneel
from reb_maps.data import bron_tekst, bronnen_regel, load_table, source_of, table_meta
from reb_maps.eigen_data.netwerk import EigenNetwerk
from reb_maps.kerncijfers import Kerncijfer, kerncijfers
from reb_maps.schaalsprong import Aannames, bereken, default_aannames
from reb_maps.weergave import lettertype
from reb_maps.weergave.documenten.opgave import AANBEVELINGEN, STRATEGIEEN
from reb_maps.weergave.druk import grafieken
from reb_maps.weergave.druk.kaart import KaartVraag, kaart_bytes

FONT = lettertype.FAMILIE
REB_EDITIE = labels.REB
KAART_HOOGTE_MM = 140  # page 1: the map (180 mm wide) and the key figures fill the page, also Twente's longer table
TWENTE = "Twente"
INDICATOR_TWENTE = "hard_aanbod"  # the Twente briefing's choropleth: supply, with 'geen opgave' visible
INDICATIEF = "indicatief, geen beleid"
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")  # fmt: skip
GRIJS = (90, 90, 90)
KOP_KLEUR = (230, 236, 242)


def kerncijfers_van(gemeente: str | None) -> list[Kerncijfer]:
    """Key figures of a municipality (Tabel 2, 8, 10) or of Twente (Tabel 1, 8, 10 regional line)."""
    return kerncijfers(gemeente)


def stoplicht_van(gemeente: str | None) -> Kerncijfer:
    """The hard-supply figure, which carries the traffic light and its one-line reading."""
    return next(k for k in kerncijfers(gemeente) if k.sleutel == "aanbod")


# ---------- the document ----------


def datum_tekst(datum: dt.date) -> str:
    return f"{datum.day} {MAANDEN[datum.month - 1]} {datum.year}"


def titel_van(gemeente: str | None) -> str:
    return f"Werklocaties {gemeente or TWENTE} — briefing"


def bestandsnaam(gemeente: str | None, datum: dt.date) -> str:
    """briefing-werklocaties-almelo-2026-12-02.pdf; anything odd in a name becomes a dash."""
    deel = re.sub(r"[^a-z0-9]+", "-", (gemeente or TWENTE).lower()).strip("-")[:60] or "gemeente"
    return f"briefing-werklocaties-{deel}-{datum.isoformat()}.pdf"


def kort(tekst: str, lengte: int = 70) -> str:
    """A name cut to fit one heading or footer line; the full name stays in the body text and metadata."""
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1].rstrip() + "…"


def _hex(kleur: str) -> tuple[int, int, int]:
    kleur = kleur.lstrip("#")
    return tuple(int(kleur[i : i + 2], 16) for i in (0, 2, 4))


class _Pdf(FPDF):
    def __init__(self, voettekst: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.voettekst = kort(voettekst)
        self.set_margins(15, 14, 15)
        self.set_auto_page_break(True, margin=16)
        lettertype.voeg_toe(self)
        self.set_font(FONT, size=9)

    def footer(self):
        self.set_y(-11)
        self.set_font(FONT, size=7)
        self.set_text_color(*GRIJS)
        self.cell(0, 4, f"{self.voettekst} · pagina {self.page_no()} van {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def _kop(pdf: FPDF, tekst: str, grootte: float = 12) -> None:
    pdf.set_font(FONT, "B", grootte)
    pdf.multi_cell(0, grootte * 0.5, kort(tekst, 90), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    pdf.set_font(FONT, size=9)


def _alinea(pdf: FPDF, tekst: str, grootte: float = 9, stijl: str = "", kleur=(0, 0, 0)) -> None:
    pdf.set_font(FONT, stijl, grootte)
    pdf.set_text_color(*kleur)
    pdf.multi_cell(0, grootte * 0.48, tekst, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(FONT, size=9)


def _bron(pdf: FPDF, tekst: str) -> None:
    _alinea(pdf, tekst, 7, "I", GRIJS)
    pdf.ln(1)


def _tabel(pdf: FPDF, koppen: list[str], rijen: list[list[str]], breedtes: tuple, grootte: float = 8) -> None:
    pdf.set_font(FONT, size=grootte)
    kop = FontFace(emphasis="BOLD", fill_color=KOP_KLEUR)
    with pdf.table(col_widths=breedtes, headings_style=kop, line_height=grootte * 0.5, text_align="LEFT",
                   borders_layout="HORIZONTAL_LINES", padding=0.8) as tabel:  # fmt: skip
        rij = tabel.row()
        for k in koppen:
            rij.cell(k)
        for waarden in rijen:
            rij = tabel.row()
            for w in waarden:
                rij.cell(str(w))
    pdf.ln(2)
    pdf.set_font(FONT, size=9)


def _svg(pdf: FPDF, fig, x: float, y: float, w: float) -> float:
    """Embed a matplotlib figure as vector drawing; returns its height in mm."""
    breedte, hoogte = fig.get_size_inches()
    pdf.set_text_color(0, 0, 0)  # matplotlib leaves black text unstyled: it takes the current colour
    pdf.set_fill_color(0, 0, 0)
    # fpdf2 logs a warning for SVG tags it does not draw; matplotlib's <metadata> and <title> carry nothing visible
    schoon = re.sub(rb"<metadata>.*?</metadata>|<title>.*?</title>", b"", grafieken.svg(fig), flags=re.S)
    pdf.image(io.BytesIO(schoon), x=x, y=y, w=w)
    pdf.set_fill_color(255, 255, 255)
    return w * hoogte / breedte


def _stoplicht_regel(pdf: FPDF, aanbod: Kerncijfer) -> None:
    licht = aanbod.stoplicht
    y = pdf.get_y()
    pdf.set_fill_color(*_hex(licht.kleur))
    pdf.set_draw_color(60, 60, 60)
    pdf.circle(pdf.l_margin, y + 0.6, 2.2, style="DF")
    pdf.set_fill_color(255, 255, 255)  # fpdf2 keeps the fill colour: later tables and charts must not inherit it
    pdf.set_x(pdf.l_margin + 7)
    pdf.set_font(FONT, "B", 9.5)
    pdf.multi_cell(0, 4.8, f"Stoplicht: {licht.kort} — {licht.lang}",
                   align="L", new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    pdf.set_x(pdf.l_margin + 7)
    pdf.set_font(FONT, size=9.5)
    pdf.multi_cell(0, 4.8, aanbod.lezing or "", align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


# ---------- pages ----------


def _ontwikkeling(cijfer: Kerncijfer) -> str:
    """Growth since 2014 for inhabitants and jobs; the traffic light has its own line below the table."""
    return cijfer.delta if cijfer.delta and cijfer.stoplicht is None else ""


def _pagina_1(pdf: FPDF, gemeente: str | None, datum: dt.date, netwerk: EigenNetwerk | None = None) -> None:
    pdf.add_page()
    _kop(pdf, titel_van(gemeente), 17)
    _alinea(pdf, f"Gemaakt op {datum_tekst(datum)} · Cijfers: {REB_EDITIE} · Werklocaties-dashboard versie "
            f"{APP_VERSIE}", 8, kleur=GRIJS)  # fmt: skip
    pdf.ln(2)
    vraag = KaartVraag(gemeente=gemeente, indicator=None if gemeente else INDICATOR_TWENTE, titel="",
                       breedte_cm=18, hoogte_cm=KAART_HOOGTE_MM / 10, netwerk=netwerk)  # fmt: skip
    y = pdf.get_y()
    # The map as a 200-dpi PNG: fpdf2 draws matplotlib's SVG correctly but parsing thousands of map paths costs
    # seconds per briefing; charts stay vector.
    pdf.image(io.BytesIO(kaart_bytes(vraag, "png")), x=pdf.l_margin, y=y, w=180)
    pdf.set_y(y + KAART_HOOGTE_MM + 2)
    _kop(pdf, "Kerncijfers", 11)
    cijfers = kerncijfers_van(gemeente)
    rijen = [[k.label, k.waarde, _ontwikkeling(k), k.bron.removeprefix("Bron: ")] for k in cijfers]
    _tabel(pdf, ["Kerncijfer", "Waarde", "Ontwikkeling", "Bron"], rijen, (42, 26, 30, 82))
    _stoplicht_regel(pdf, stoplicht_van(gemeente))


def _pagina_2(pdf: FPDF, gemeente: str | None) -> None:
    pdf.add_page()
    gemeenten = load_table("gemeenten")
    _kop(pdf, f"{gemeente} naast de andere dertien gemeenten" if gemeente else "De veertien gemeenten")
    y = pdf.get_y()
    h = _svg(pdf, grafieken.banen(gemeenten, gemeente, 18, 6.6), pdf.l_margin, y, 180)
    y += h + 2
    h2 = _svg(pdf, grafieken.netto_areaal(gemeenten, gemeente, 9, 6.9), pdf.l_margin, y, 89)
    _svg(pdf, grafieken.vraag_aanbod(gemeenten, gemeente, 9, 6.9), pdf.l_margin + 91, y, 89)
    pdf.set_y(y + h2 + 1)
    _bron(pdf, _bron_grafieken())
    if gemeente:
        _werklocaties(pdf, gemeente)
        _profiel(pdf, gemeente)
    else:
        _regio_tabel(pdf)
        _twente_profiel(pdf)


def _bron_grafieken() -> str:
    """The three charts of page 2 each have their own source; Tabel 10 names none (the line says so)."""
    grafieken_kolommen = (("banen", "banen_2023"), ("netto areaal", "netto_areaal_ha"),
                          ("vraag en hard aanbod", "hard_aanbod_ha"))  # fmt: skip
    return bronnen_regel(*(f"{wat}: {bron_tekst('gemeenten', kolom)}" for wat, kolom in grafieken_kolommen))


def _werklocaties(pdf: FPDF, gemeente: str) -> None:
    _kop(pdf, labels.KOP_LOCATIES, 11)
    locaties = paneel.locaties_van(gemeente)
    if locaties.empty:
        _alinea(pdf, "Het rapport noemt in deze gemeente geen werklocatie bij naam.")
        return
    netto = locaties.get("netto_ha", pd.Series(pd.NA, index=locaties.index))
    rijen = [
        [n, t, s, fmt.met_eenheid(ha, "ha", missing="–"), p]
        for n, t, s, ha, p in zip(locaties["naam"], locaties["type"], locaties["status"], netto,
                                  locaties["paragraaf"], strict=True)
    ]  # fmt: skip
    _tabel(pdf, ["Naam", "Soort", "Status", "Netto", "Vindplaats in het rapport"], rijen, (62, 30, 24, 18, 46))
    _bron(pdf, bronnen_regel(f"{labels.REB}, vindplaats per terrein in de tabel",
                             f"hectares: {bron_tekst('grootschalige_terreinen')}")
          + ". '–': het rapport noemt geen oppervlakte.")  # fmt: skip


def _profiel(pdf: FPDF, gemeente: str) -> None:
    prof = paneel.profiel(gemeente)
    if not prof:
        return
    _kop(pdf, "Profiel in het kort", 11)
    _alinea(pdf, str(prof["profiel"]))
    _bron(pdf, f"Samenvatting in eigen woorden; {prof['verwijzing']}")


def _regio_tabel(pdf: FPDF) -> None:
    _kop(pdf, "Twente naast andere regio's (Tabel 1)", 11)
    regio = load_table("regio")
    rijen = [
        [r["regio"], fmt.getal(r["inwoners_2023"]), fmt.met_eenheid(r["inwoners_groei_2014_2023_pct"], "%"),
         fmt.getal(r["banen_2023"]), fmt.met_eenheid(r["banen_groei_2014_2023_pct"], "%")]
        for _, r in regio.iterrows()
    ]  # fmt: skip
    _tabel(pdf, ["Regio", "Inwoners 2023", "Groei '14–'23", "Banen 2023", "Groei '14–'23"], rijen,
           (56, 32, 30, 32, 30))  # fmt: skip
    _bron(pdf, f"{source_of('regio')} ('–': niet in de brontekst)")


def _met_kwalificatie(kwalificatie, banen) -> str:
    """'ruim 13.300', as the report words it."""
    return f"{'' if fmt.is_missing(kwalificatie) else kwalificatie} {fmt.getal(banen)}".strip()


def _twente_profiel(pdf: FPDF) -> None:
    _kop(pdf, "Economisch profiel van Twente", 11)
    profiel = load_table("profiel").set_index("id")
    rijen = [
        [profiel.loc[i, "naam"], _met_kwalificatie(profiel.loc[i, "kwalificatie"], profiel.loc[i, "banen"])]
        for i in ("kennisspeerpunten", "stuwende_basis", "breed_mkb", "twente")
        if i in profiel.index
    ]
    _tabel(pdf, ["Laag", "Banen 2023"], rijen, (120, 60))
    _bron(pdf, source_of("profiel"))


def _pagina_3(pdf: FPDF, gemeente: str | None, aannames: Aannames | None, zoekgebieden, bewaard=(),
              programmering: ProgrammeringSectie | None = None,
              monitor: MonitorSectie | None = None) -> None:  # fmt: skip
    pdf.add_page()
    if monitor is not None:
        _monitor(pdf, monitor)
    _kop(pdf, "Wat de REB van de regio vraagt")
    _alinea(pdf, "Vijf aanbevelingen (in eigen woorden):", 9, "B")
    for nummer, punt in enumerate(AANBEVELINGEN, start=1):
        _alinea(pdf, f"{nummer}. {punt.titel}. {punt.tekst} Trekker: {punt.trekker}.", 8.5)
        pdf.ln(0.5)
    _bron(pdf, "REB Twente 2040, §5.2 Aanbevelingen")
    _alinea(pdf, "Vier ruimtelijk-economische strategieën:", 9, "B")
    for punt in STRATEGIEEN:
        _alinea(pdf, f"• {punt.titel} ({punt.verwijzing.removeprefix('REB Twente 2040, ')}). {punt.tekst}", 8.5)
        pdf.ln(0.5)
    _bron(pdf, "REB Twente 2040, Hoofdstuk 4")
    _schaalsprong(pdf, aannames)
    if gemeente is None:
        _grootschalig(pdf)
    if zoekgebieden is not None:
        _zoekgebieden(pdf, gemeente, zoekgebieden)
    if programmering is not None:
        _programmering(pdf, programmering)
    if bewaard:
        _bewaard(pdf, bewaard)


def _schaalsprong(pdf: FPDF, aannames: Aannames | None) -> None:
    eigen = aannames is not None and aannames != default_aannames()
    u = bereken(aannames or default_aannames())
    _kop(pdf, "Schaalsprong: extra ruimte als Twente 45.000 banen extra wil" if not eigen
         else "Schaalsprong: het scenario uit het dashboard", 11)  # fmt: skip
    rapport = load_table("schaalsprong_uitkomsten_rapport").set_index("sleutel")
    sleutels = {1: "banen_bedrijventerrein", 2: "ha_totaal", 3: "ha_intensivering", 4: "ha_extra"}
    rijen = []
    for stap in u.stappen():
        decimalen = 0 if stap.eenheid == "banen" else 1
        waarde = fmt.met_eenheid(stap.waarde, stap.eenheid, decimals=decimalen)
        r = rapport.loc[sleutels[stap.nummer]]
        in_rapport = f"{r['weergave'] if r['weergave'] != 'zonder toevoeging' else ''} " \
                     f"{fmt.met_eenheid(r['waarde'], r['eenheid'])}".strip()  # fmt: skip
        rijen.append([f"{stap.nummer}. {stap.titel}", waarde, in_rapport])
    kop_waarde = "Dit scenario" if eigen else "Berekend"
    _tabel(pdf, ["Stap", kop_waarde, "In het rapport"], rijen, (92, 40, 48))
    noot = ("Eigen scenario: aannames wijken af van het rapport (ingesteld op de pagina Schaalsprong)." if eigen else
            "Met de aannames van het rapport; het rapport rondt af ('ongeveer', 'zeer indicatief').")  # fmt: skip
    _bron(pdf, f"{noot} {source_of('schaalsprong_aannames')}")


def _grootschalig(pdf: FPDF) -> None:
    rij = load_table("grootschalige_vraag").iloc[0]
    _kop(pdf, "Grootschalige vraag voor heel Twente", 11)
    _alinea(pdf, f"Vraag tot 2040 naar kavels voor grootschalige bedrijven: "
            f"{fmt.bandbreedte(rij['vraag_min_ha'], rij['vraag_max_ha'])}; hard aanbod op 1-1-2023: "
            f"{fmt.met_eenheid(rij['hard_aanbod_ha'], 'ha')}. Tabel 10 zet deze regionale regel onder Almelo; hier "
            "staat hij apart, zodat hij niet bij Almelo wordt opgeteld.")  # fmt: skip
    _bron(pdf, source_of("grootschalige_vraag"))


def _zoekgebieden(pdf: FPDF, gemeente: str | None, kandidaten) -> None:
    frame = pd.DataFrame(kandidaten).drop(columns="geometry", errors="ignore")
    if gemeente and "gemeenten" in frame:
        frame = frame[[gemeente in str(g) for g in frame["gemeenten"]]]
    _kop(pdf, f"Zoekgebieden uit de analyse ({INDICATIEF})", 11)
    if frame.empty:
        _alinea(pdf, "De laatste zoekgebiedenanalyse in het dashboard vond geen kandidaat in deze gemeente.")
        return
    rijen = [
        [str(r.get("id", "")), fmt.met_eenheid(r.get("oppervlakte_ha"), "ha", decimals=0),
         fmt.getal(r.get("score"), 2), str(r.get("gemeenten", ""))]
        for _, r in frame.head(10).iterrows()
    ]  # fmt: skip
    _tabel(pdf, ["Kandidaat", "Oppervlakte", "Score", "Gemeenten"], rijen, (28, 32, 24, 96))
    _bron(pdf, "Eigen multicriteria-analyse in het dashboard (pagina Zoekgebieden): INDICATIEF, GEEN BELEID. "
          "Het rapport noemt principes, geen locaties.")  # fmt: skip


class BewaardeLocatie(NamedTuple):
    """A location saved in the workspace, as the briefing prints it (plain text; `opmerkingen`: 'date, who: text')."""

    naam: str
    gemeenten: str
    oppervlakte: str
    door: str
    opmerkingen: tuple[str, ...] = ()


class ProgrammeringSectie(NamedTuple):
    """The municipality's rows in the programming variant chosen on the Programmering page (plain text)."""

    variant: str
    status: str
    regels: tuple[tuple[str, str, str, str, str, str], ...]  # naam, segment, netto ha, hard/zacht, fase, status
    aanbod: str
    vraag: str
    stoplicht: str


class MonitorSectie(NamedTuple):
    """What changed since the REB (Monitor), as plain text: (figure, REB 2023, the year, change) per row."""

    gebied: str
    jaar: int
    rijen: tuple[tuple[str, str, str, str], ...]
    bron: str
    noten: tuple[str, ...] = ()


def _monitor(pdf: FPDF, sectie: MonitorSectie) -> None:
    _kop(pdf, f"Wat is er veranderd sinds de REB ({sectie.gebied}, januari 2023 tegenover {sectie.jaar})", 11)
    _tabel(pdf, ["Cijfer", "Januari 2023 (REB)", str(sectie.jaar), "Verschil"], [list(r) for r in sectie.rijen],
           (62, 40, 40, 38), 8)  # fmt: skip
    for noot in sectie.noten:
        _alinea(pdf, noot, 8)
    _bron(pdf, sectie.bron)


def _programmering(pdf: FPDF, sectie: ProgrammeringSectie) -> None:
    _kop(pdf, f"Programmering 2027–2030: variant '{kort(sectie.variant, 60)}' ({sectie.status})", 11)
    if sectie.regels:
        _tabel(pdf, ["Naam", "Segment", "Netto ha", "Hard/zacht", "Fase", "Status"], [list(r) for r in sectie.regels],
               (50, 32, 20, 20, 22, 36), 7.5)  # fmt: skip
    else:
        _alinea(pdf, "Deze variant heeft geen regels voor deze gemeente.")
    _alinea(pdf, f"Aanbod tot 2040 in deze variant: {sectie.aanbod}; vraag volgens de REB: {sectie.vraag}; "
                 f"stoplicht: {sectie.stoplicht}.")  # fmt: skip
    _bron(pdf, "Variant uit de werkruimte van het overleg (invoer, geen cijfers uit het rapport); vraag: REB Twente "
               "2040, Tabel 10.")  # fmt: skip


def _bewaard(pdf: FPDF, bewaard) -> None:
    _kop(pdf, f"Bewaarde locaties in de werkruimte ({INDICATIEF})", 11)
    for loc in bewaard:
        _alinea(pdf, f"{loc.naam} — {loc.gemeenten}; {loc.oppervlakte}; bewaard door {loc.door}", 8.5, "B")
        for regel in loc.opmerkingen or ("Geen opmerkingen.",):
            _alinea(pdf, f"• {regel}", 8)
        pdf.ln(0.5)
    _bron(pdf, "Werkruimte van het bestuurlijk overleg in dit dashboard (door gebruikers bewaard): geen beleid.")


def _bronnen_rijen(gemeente: str | None) -> list[list[str]]:
    rijen = [[k.label, k.bron] for k in kerncijfers_van(gemeente)]
    if gemeente:
        rijen += [
            ["Werklocaties", f"Bron: {labels.REB} en de Almelose stukken van oktober 2025; vindplaats per terrein: "
                             "de tabel op pagina 2"],
            ["Hectares grote terreinen (Tabel 3)", source_of("grootschalige_terreinen")],
            ["Profiel", source_of("gemeente_profielen")],
        ]
    else:
        rijen += [["Regio's (Tabel 1)", source_of("regio")], ["Economisch profiel", source_of("profiel")]]
    rijen += [
        ["Grafieken pagina 2", _bron_grafieken()],
        ["Schaalsprong", source_of("schaalsprong_aannames")],
        ["Aanbevelingen en strategieën", "REB Twente 2040, §5.2 en Hoofdstuk 4 (samengevat in eigen woorden)"],
        ["Kaart", lagen.attributie()],
    ]
    return rijen


def _ontbreekt(gemeente: str | None) -> list[str]:
    """What the report lacks for this municipality (or for Twente): missing values and the 'ontbrekend' list."""
    punten: list[str] = []
    gem = load_table("gemeenten").set_index("gemeente")
    namen = [gemeente] if gemeente else list(gem.index)
    for naam in namen:
        if fmt.is_missing(gem.loc[naam, "hard_aanbod_ha"]):
            punten.append(f"{naam}: hard aanbod per 1-1-2023 — {labels.GEEN_OPGAVE} (een streepje in Tabel 10, "
                          "geen nul).")  # fmt: skip
    if gemeente:
        ontbrekend = load_table("ontbrekend")
        for _, r in ontbrekend.iterrows():
            if gemeente in str(r["wat_ontbreekt"]) or gemeente in str(r["onderwerp"]):
                punten.append(f"{r['onderwerp']} ({r['verwijzing']}): {r['wat_ontbreekt']}")
        for tekst in table_meta("gemeente_profielen").get("ontbreekt", []):
            if gemeente in tekst:
                punten.append(tekst)
    else:
        punten += table_meta("regio").get("ontbreekt", []) + table_meta("profiel").get("ontbreekt", [])[:2]
    punten += table_meta("grootschalige_vraag").get("ontbreekt", [])
    return punten


def _laatste_pagina(pdf: FPDF, gemeente: str | None) -> None:
    pdf.add_page()
    _kop(pdf, "Bronnen per cijfer")
    _tabel(pdf, ["Cijfer", "Bron"], _bronnen_rijen(gemeente), (55, 125), grootte=7.5)
    _kop(pdf, "Afronding", 11)
    meta = table_meta("gemeenten")
    afronding = [t["toelichting"] for t in meta.get("totalen", {}).values()][:3]
    afronding.append("Getallen staan zoals het rapport ze afrondt. Berekende waarden (tekort, schaalsprong) zijn "
                     "half naar boven afgerond op hele of één decimaal hectare.")  # fmt: skip
    for tekst in afronding:
        _alinea(pdf, f"• {tekst}", 8)
    pdf.ln(2)
    _kop(pdf, f"Wat het rapport niet geeft voor {gemeente or TWENTE}", 11)
    for tekst in _ontbreekt(gemeente):
        _alinea(pdf, f"• {tekst}", 8)
    pdf.ln(2)
    _bron(pdf, f"Bron van alle cijfers: {REB_EDITIE}, met het collegevoorstel van Almelo (15 oktober 2025). "
          f"Gemaakt met het Werklocaties-dashboard {APP_VERSIE}.")  # fmt: skip


def briefing_pdf(gemeente: str | None = None, *, aannames: Aannames | None = None, zoekgebieden=None,
                 datum: dt.date | None = None, bewaard: Sequence[BewaardeLocatie] = (),
                 programmering: ProgrammeringSectie | None = None,
                 monitor: MonitorSectie | None = None, netwerk: EigenNetwerk | None = None) -> bytes:  # fmt: skip
    """The whole briefing as PDF bytes; `gemeente=None` gives the Twente version.

    `aannames`: a schaalsprong scenario (default: the report's); `zoekgebieden`: candidates of a search-area
    run (a (Geo)DataFrame with at least id, oppervlakte_ha, score, gemeenten), printed as indicative;
    `bewaard`: locations saved in the workspace (with their comments) that the briefing lists;
    `programmering`: the municipality's rows in the programming variant chosen in the app; `monitor`: what
    changed since the REB, when the workspace holds imported years; `netwerk`: a session's own roads and rail
    (reb_maps.eigen_data.netwerk), drawn on the map.
    """
    datum = datum or dt.date.today()
    if gemeente is not None and gemeente not in set(load_table("gemeenten")["gemeente"]):
        raise KeyError(f"Onbekende gemeente '{gemeente}'")
    pdf = _Pdf(titel_van(gemeente))
    pdf.set_lang("nl")
    pdf.set_title(titel_van(gemeente))
    pdf.set_subject(f"Werklocaties en ruimtevraag volgens {REB_EDITIE}")
    pdf.set_author("Werklocaties-dashboard Twente")
    pdf.set_creator(f"Werklocaties-dashboard {APP_VERSIE} (fpdf2)")
    pdf.set_creation_date(dt.datetime.combine(datum, dt.time(12), tzinfo=dt.UTC))
    _pagina_1(pdf, gemeente, datum, netwerk)
    _pagina_2(pdf, gemeente)
    _pagina_3(pdf, gemeente, aannames, zoekgebieden, bewaard, programmering, monitor)
    _laatste_pagina(pdf, gemeente)
    return bytes(pdf.output())


# ---------- command line: python -m reb_maps.briefing ----------


def _parser():
    from reb_maps.cli import opdrachtregel

    parser = opdrachtregel(
        "reb_maps.briefing",
        "Maak de briefing (PDF) over werklocaties voor één gemeente, voor Twente of voor alle vijftien.",
    )
    keuze = parser.add_mutually_exclusive_group(required=True)
    keuze.add_argument("--gemeente", help="naam van de gemeente, of 'twente' voor heel Twente")
    keuze.add_argument("--alle", action="store_true", help="alle veertien gemeenten en Twente (15 bestanden)")
    parser.add_argument("--uit", required=True, help="PDF-bestand (bij --alle: een map)")
    return parser


def gemeente_uit_tekst(tekst: str) -> str | None:
    """'almelo' → 'Almelo', 'twente' → None (the Twente version); unknown names raise KeyError."""
    schoon = tekst.strip()
    if schoon.lower() in (TWENTE.lower(), labels.GEEN_GEMEENTE.lower()):
        return None
    for naam in load_table("gemeenten")["gemeente"]:
        if naam.lower() == schoon.lower():
            return naam
    raise KeyError(schoon)


def main(argv: list[str] | None = None) -> int:
    import sys

    parser = _parser()
    args = parser.parse_args(argv)
    datum = dt.date.today()
    if args.alle:
        doel = Path(args.uit)
        try:
            doel.mkdir(parents=True, exist_ok=True)
        except OSError:
            parser.error(f"kan de map '{args.uit}' niet maken")
        taken = [(g, doel / bestandsnaam(g, datum)) for g in [*load_table("gemeenten")["gemeente"], None]]
    else:
        try:
            gemeente = gemeente_uit_tekst(args.gemeente)
        except KeyError:
            namen = ", ".join(load_table("gemeenten")["gemeente"])
            parser.error(f"onbekende gemeente '{args.gemeente}'; kies uit {namen} of twente")
        taken = [(gemeente, Path(args.uit))]
    for gemeente, pad in taken:
        inhoud = briefing_pdf(gemeente, datum=datum)
        try:
            pad.write_bytes(inhoud)
        except OSError:
            parser.error(f"kan niet schrijven naar '{pad}'")
        print(pad)
    sys.stdout.flush()
    return 0
