"""The 16:9 slides with python-pptx: every text a native text box or shape, every bar chart a native chart.

A communications officer can change any word, number or colour in PowerPoint or LibreOffice: texts are plain
runs (nothing in them is interpreted), charts carry their numbers in the embedded workbook, only maps are
pictures (at print resolution). The deck names Calibri; each text's size is chosen by measuring it with the
bundled Carlito (`pptx_maat`), with a small margin, so it fits its box on every machine. The title is the slide's
title placeholder; every shape has a name ("Titel", "Kaart", "Grafiek", "Kaartje 1", "Berichten", "Bron",
"Nummer"), so a reader or a test finds it. Texts are marked Dutch (nl-NL).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from reb_maps.weergave.documenten import pptx_maat

BREEDTE, HOOGTE = Emu(12_192_000), Emu(6_858_000)  # 13⅓ × 7½ inch: exactly 16:9, as PowerPoint makes it
TITEL = (Inches(0.4), Inches(0.3), Inches(12.5), Inches(0.85))
# One visual: the visual left, the messages right. Two (a map and its chart): the map with the messages below
# it on the left, the chart the full height on the right, so each of its many categories has room.
VISUEEL = (Inches(0.4), Inches(1.25), Inches(8.1), Inches(5.35))
BERICHTEN = (Inches(8.75), Inches(1.3), Inches(4.2), Inches(5.3))
VISUEEL_BREED = ((Inches(0.4), Inches(1.2), Inches(6.6), Inches(3.95)),
                 (Inches(7.2), Inches(1.2), Inches(5.7), Inches(5.45)))  # fmt: skip
BERICHTEN_BREED = (Inches(0.4), Inches(5.2), Inches(6.6), Inches(1.45))
BRON = (Inches(0.4), Inches(6.72), Inches(11.5), Inches(0.62))
NUMMER = (Inches(12.1), Inches(6.85), Inches(0.9), Inches(0.4))
TUSSEN = Inches(0.15)  # between cards
MARGE_LR, MARGE_BO = Inches(0.08), Inches(0.04)  # every text frame's inner margins, set explicitly
BLAUW = RGBColor(0x1F, 0x4E, 0x79)
GRIJS = RGBColor(0x55, 0x55, 0x55)
DONKER = RGBColor(0x22, 0x22, 0x22)
KAARTJE_VULLING, KAARTJE_RAND = RGBColor(0xEE, 0xF3, 0xF8), RGBColor(0xC5, 0xD5, 0xE6)
LETTERTYPE = pptx_maat.LETTERTYPE
TAAL = "nl-NL"
GROOTTEN_TITEL = (32, 30, 28, 26, 24)
GROOTTEN_BERICHTEN = (22, 20, 18, 16, 14)
GROOTTEN_KAARTJE = (18, 17, 16, 15, 14, 13, 12, 11)
GROOTTE_BRON = (10, 9, 8)
GRAFIEK_LETTER = 14
SOORTEN = {"liggend": XL_CHART_TYPE.BAR_CLUSTERED, "staand_gestapeld": XL_CHART_TYPE.COLUMN_STACKED}


def _kleur(hex_: str) -> RGBColor:
    return RGBColor.from_string(hex_.lstrip("#").upper())


# ---------- text that fits ----------


def _binnen(vak) -> tuple[float, float]:
    """Width and height in points that a text frame of this size offers its text."""
    _, _, breedte, hoogte = vak
    return pptx_maat.pt(breedte - 2 * MARGE_LR), pptx_maat.pt(hoogte - 2 * MARGE_BO)


VEILIG = 0.96  # fit into 96 % of the room: PowerPoint's wrapping and kerning differ a little from Pillow's


def _past(alineas, vak) -> bool:
    breedte, hoogte = _binnen(vak)
    breedte, hoogte = breedte * VEILIG, hoogte * VEILIG
    return (pptx_maat.hoogte_pt(alineas, breedte) <= hoogte
            and all(pptx_maat.past_op_regels(t, g, breedte, v) for t, g, v, _ in alineas))  # fmt: skip


def passende_grootte(maak_alineas, vak, grootten: Sequence[float]) -> float:
    """The largest size whose paragraphs fit the box; the smallest if none does (a test then fails)."""
    for grootte in grootten:
        if _past(maak_alineas(grootte), vak):
            return grootte
    return grootten[-1]


def _kader(tf) -> None:
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.margin_left = tf.margin_right = MARGE_LR
    tf.margin_top = tf.margin_bottom = MARGE_BO


def _alinea(tf, n: int, tekst: str, grootte: float, vet=False, kleur=None, schuin=False, na: float = 0,
            uitlijning=PP_ALIGN.LEFT) -> None:  # fmt: skip
    p = tf.paragraphs[0] if n == 0 else tf.add_paragraph()
    p.alignment = uitlijning
    p.space_after = Pt(na)
    run = p.add_run()
    run.text = tekst
    run.font.size, run.font.bold, run.font.italic, run.font.name = Pt(grootte), vet, schuin, LETTERTYPE
    run.font._rPr.set("lang", TAAL)  # Dutch: spelling and screen readers
    if kleur is not None:
        run.font.color.rgb = kleur


def _tekstvak(dia, naam: str, vak, alineas, vet=False, kleur=None, uitlijning=PP_ALIGN.LEFT):
    """A text box with paragraphs (text, size, bold, space after), all in one style."""
    vorm = dia.shapes.add_textbox(*vak)
    vorm.name = naam
    _kader(vorm.text_frame)
    vorm.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    for n, (tekst, grootte, _vet, na) in enumerate(alineas):
        _alinea(vorm.text_frame, n, tekst, grootte, vet, kleur, na=na, uitlijning=uitlijning)
    return vorm


# ---------- visuals ----------


def _plaats_beeld(dia, png: bytes, vak, tekst: str) -> None:
    """A map picture, as large as fits the box with its own aspect, centred."""
    links, boven, breedte, hoogte = vak
    foto = dia.shapes.add_picture(io.BytesIO(png), links, boven, width=breedte)
    if foto.height > hoogte:
        foto.width, foto.height = Emu(int(foto.width * hoogte / foto.height)), hoogte
    foto.left = Emu(links + (breedte - foto.width) // 2)
    foto.top = Emu(boven + (hoogte - foto.height) // 2)
    foto.name = "Kaart"
    foto._element.nvPicPr.cNvPr.set("descr", tekst)


def _grafiek(dia, grafiek, vak, tekst: str) -> None:
    """A native bar chart from the step's data: its numbers stay editable in the embedded workbook."""
    data = CategoryChartData(number_format=grafiek.getal_formaat)
    data.categories = list(grafiek.categorieen)
    for reeks in grafiek.reeksen:
        data.add_series(reeks.naam, list(reeks.waarden), number_format=grafiek.getal_formaat)
    vorm = dia.shapes.add_chart(SOORTEN[grafiek.soort], *vak, data)
    vorm.name = "Grafiek"
    vorm._element.nvGraphicFramePr.cNvPr.set("descr", tekst)
    chart = vorm.chart
    chart.font.size, chart.font.name = Pt(GRAFIEK_LETTER), LETTERTYPE
    chart.font._rPr.set("lang", TAAL)
    chart.has_title = True
    chart.chart_title.text_frame.text = grafiek.titel
    chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(GRAFIEK_LETTER + 2)
    chart.chart_title.text_frame.paragraphs[0].runs[0].font.bold = True
    chart.has_legend = grafiek.legenda
    if grafiek.legenda:
        chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
        chart.legend.font.size = Pt(GRAFIEK_LETTER - 2)
    plot = chart.plots[0]
    plot.gap_width = 60
    liggend = grafiek.soort == "liggend"
    if not liggend:
        plot.overlap = 100  # stacked: the waterfall's base and step share one column
    waarde_as = chart.value_axis
    if liggend:
        chart.category_axis.reverse_order = True  # the first category at the top, as read ...
        # ... and the value axis crosses the category axis at its last category: below the bars. python-pptx
        # has no setter for this side (CategoryAxis.crosses), so the value axis' <c:crosses> is written here.
        waarde_xml = waarde_as._element
        waarde_xml._remove_crossesAt()
        waarde_xml._remove_crosses()
        waarde_xml._add_crosses(val=XL_AXIS_CROSSES.MAXIMUM)
    waarde_as.minimum_scale = 0
    waarde_as.has_major_gridlines = True
    waarde_as.tick_labels.number_format, waarde_as.tick_labels.number_format_is_linked = grafiek.getal_formaat, False
    waarde_as.tick_labels.font.size = Pt(GRAFIEK_LETTER - 2)
    # Many categories on a bar chart: smaller names, so the office does not skip every other one.
    ruimte = pptx_maat.pt(vak[3] if liggend else vak[2]) * 0.6 / len(grafiek.categorieen)
    chart.category_axis.tick_labels.font.size = Pt(max(9, min(GRAFIEK_LETTER - 1, int(ruimte / 1.3))))
    for reeks, serie in zip(grafiek.reeksen, plot.series, strict=True):
        if reeks.kleur is None:  # the undrawn base of a waterfall
            serie.format.fill.background()
            serie.format.line.fill.background()
        else:
            serie.format.fill.solid()
            serie.format.fill.fore_color.rgb = _kleur(reeks.kleur)
        for i, kleur in enumerate(reeks.punt_kleuren):
            punt = serie.points[i].format
            punt.fill.solid()
            punt.fill.fore_color.rgb = _kleur(kleur)
        for i, tekst in enumerate(reeks.label_teksten):
            if tekst:  # a label that is not the bare value (the waterfall's decrease: "−74 ha")
                label = serie.points[i].data_label
                label.has_text_frame = True
                label.text_frame.text = tekst
                label.text_frame.paragraphs[0].runs[0].font.bold = True
                label.position = XL_LABEL_POSITION.INSIDE_BASE
        if reeks.labels:
            labels = serie.data_labels
            labels.show_value = True
            labels.number_format, labels.number_format_is_linked = grafiek.getal_formaat, False
            labels.font.size, labels.font.bold = Pt(GRAFIEK_LETTER), True
            labels.position = XL_LABEL_POSITION.OUTSIDE_END if liggend else XL_LABEL_POSITION.INSIDE_BASE


def _rooster(vak, aantal: int, kolommen: int) -> list[tuple]:
    links, boven, breedte, hoogte = vak
    rijen = -(-aantal // kolommen)
    w = (breedte - (kolommen - 1) * TUSSEN) // kolommen
    h = (hoogte - (rijen - 1) * TUSSEN) // rijen
    return [(Emu(links + k * (w + TUSSEN)), Emu(boven + r * (h + TUSSEN)), Emu(w), Emu(h))
            for r, k in (divmod(n, kolommen) for n in range(aantal))]  # fmt: skip


def _kaartje_alineas(kaartje, kop: str, grootte: float):
    alineas = [(kop, grootte + 1, True, grootte * 0.4), (kaartje.tekst, grootte, False, grootte * 0.4)]
    if kaartje.verwijzing:
        alineas.append((kaartje.verwijzing, max(grootte - 3, 9), False, 0))
    return alineas


def _kaartjes(dia, stap, vak) -> None:
    """The cards in a grid of two columns, one type size for all: the largest at which every card fits."""
    vakken = _rooster(vak, len(stap.kaartjes), 2)
    koppen = [f"{n}. {k.titel}" if stap.genummerd else k.titel for n, k in enumerate(stap.kaartjes, start=1)]
    grootte = min(passende_grootte(lambda g, k=k, kop=kop: _kaartje_alineas(k, kop, g), v, GROOTTEN_KAARTJE)
                  for k, kop, v in zip(stap.kaartjes, koppen, vakken, strict=True))  # fmt: skip
    for n, (kaartje, kop, plek) in enumerate(zip(stap.kaartjes, koppen, vakken, strict=True), start=1):
        vorm = dia.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, *plek)
        vorm.name = f"Kaartje {n}"
        vorm.adjustments[0] = 0.06
        vorm.fill.solid()
        vorm.fill.fore_color.rgb = KAARTJE_VULLING
        vorm.line.color.rgb = KAARTJE_RAND
        vorm.shadow.inherit = False
        tf = vorm.text_frame
        _kader(tf)
        tf.vertical_anchor = MSO_ANCHOR.TOP
        for i, (tekst, g, vet, na) in enumerate(_kaartje_alineas(kaartje, kop, grootte)):
            kleur, schuin = (BLAUW, False) if i == 0 else (DONKER, False) if i == 1 else (GRIJS, True)
            _alinea(tf, i, tekst, g, vet, kleur, schuin, na)


def _visueel(dia, stap, kaarten: Sequence[bytes | None]) -> None:
    if stap.kaartjes:
        _kaartjes(dia, stap, VISUEEL)
        return
    plekken = VISUEEL_BREED if stap.breed else (VISUEEL,)
    for beeld, png, plek in zip(stap.beelden, kaarten, plekken, strict=True):
        if beeld.grafiek is not None:
            _grafiek(dia, beeld.grafiek, plek, beeld.beschrijving)
        else:
            _plaats_beeld(dia, png, plek, beeld.tekst)


# ---------- the deck ----------


def _berichten(dia, berichten: Sequence[str], vak) -> None:
    def alineas(grootte):
        return [(f"▪ {b}", grootte, False, grootte * 0.8) for b in berichten]

    _tekstvak(dia, "Berichten", vak, alineas(passende_grootte(alineas, vak, GROOTTEN_BERICHTEN)))


def bouw(titel: str, stappen: Sequence, kaarten: Sequence[Sequence[bytes | None]]) -> bytes:
    """One slide per step (reb_maps.weergave.documenten.presentatie.Stap); `kaarten`: per step the PNG of each map
    visual (None where the visual is a chart, drawn natively)."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = BREEDTE, HOOGTE
    deck.core_properties.title = titel
    deck.core_properties.language = "nl-NL"
    # "Title Only": the title sits in the slide's title placeholder, so the outline, PowerPoint's accessibility
    # check and screen readers know it as the slide's title; everything else is our own shapes.
    alleen_titel = deck.slide_layouts[5]
    for nummer, (stap, pngs) in enumerate(zip(stappen, kaarten, strict=True), start=1):
        dia = deck.slides.add_slide(alleen_titel)
        grootte = passende_grootte(lambda g, s=stap: [(s.titel, g, True, 0)], TITEL, GROOTTEN_TITEL)
        titel = dia.shapes.title
        titel.left, titel.top, titel.width, titel.height = TITEL
        titel.name = "Titel"
        _kader(titel.text_frame)
        titel.text_frame.vertical_anchor = MSO_ANCHOR.TOP
        _alinea(titel.text_frame, 0, stap.titel, grootte, True, BLAUW)
        _visueel(dia, stap, pngs)
        _berichten(dia, stap.berichten, BERICHTEN_BREED if stap.breed else BERICHTEN)
        grootte = passende_grootte(lambda g, s=stap: [(s.bron, g, False, 0)], BRON, GROOTTE_BRON)
        _tekstvak(dia, "Bron", BRON, [(stap.bron, grootte, False, 0)], kleur=GRIJS)
        _tekstvak(dia, "Nummer", NUMMER, [(f"{nummer}/{len(stappen)}", 11, False, 0)], kleur=GRIJS,
                  uitlijning=PP_ALIGN.RIGHT)  # fmt: skip
        dia.notes_slide.notes_text_frame.text = stap.notities
    uit = io.BytesIO()
    deck.save(uit)
    return uit.getvalue()
