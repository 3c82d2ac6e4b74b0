"""The 16:9 slides with python-pptx: blank layout, our own text boxes, the visual as a high-resolution picture.

Each shape has a name ("Titel", "Beeld", "Berichten", "Bron"), so a reader (or a test) finds them without
placeholders. Text is set as plain runs: nothing in it is interpreted.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

BREEDTE, HOOGTE = Emu(12_192_000), Emu(6_858_000)  # 13⅓ × 7½ inch: exactly 16:9, as PowerPoint makes it
BEELD = (Inches(0.4), Inches(1.25), Inches(8.0), Inches(5.0))  # left, top, width, height: 16:10 like the PNGs
BERICHTEN = (Inches(8.75), Inches(1.45), Inches(4.2), Inches(5.0))
BLAUW = RGBColor(0x1F, 0x4E, 0x79)
GRIJS = RGBColor(0x55, 0x55, 0x55)
LETTERTYPE = "Calibri"


def _tekstvak(dia, naam: str, positie, tekst: str, grootte: float, vet: bool = False, kleur=None,
              uitlijning=PP_ALIGN.LEFT):  # fmt: skip
    vak = dia.shapes.add_textbox(*positie)
    vak.name = naam
    tf = vak.text_frame
    tf.word_wrap = True
    tf.vertical_anchor = MSO_ANCHOR.TOP
    p = tf.paragraphs[0]
    p.alignment = uitlijning
    run = p.add_run()
    run.text = tekst
    run.font.size, run.font.bold, run.font.name = Pt(grootte), vet, LETTERTYPE
    if kleur is not None:
        run.font.color.rgb = kleur
    return vak


def _berichten(dia, berichten: Sequence[str]) -> None:
    vak = dia.shapes.add_textbox(*BERICHTEN)
    vak.name = "Berichten"
    tf = vak.text_frame
    tf.word_wrap = True
    for i, bericht in enumerate(berichten):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.space_after = Pt(18)
        run = p.add_run()
        run.text = f"▪ {bericht}"
        run.font.size, run.font.name = Pt(20), LETTERTYPE


def bouw(titel: str, stappen: Sequence, beelden: Sequence[bytes]) -> bytes:
    """One slide per step (objects with titel, berichten, bron, notities, beeld_tekst) with its PNG."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = BREEDTE, HOOGTE
    deck.core_properties.title = titel
    deck.core_properties.language = "nl-NL"
    leeg = deck.slide_layouts[6]  # "Blank"
    for nummer, (stap, beeld) in enumerate(zip(stappen, beelden, strict=True), start=1):
        dia = deck.slides.add_slide(leeg)
        _tekstvak(dia, "Titel", (Inches(0.4), Inches(0.3), Inches(12.5), Inches(0.85)), stap.titel, 34, True, BLAUW)
        foto = dia.shapes.add_picture(io.BytesIO(beeld), *BEELD[:2], width=BEELD[2])
        if foto.height > BEELD[3]:  # keep within the frame whatever the picture's aspect
            schaal = BEELD[3] / foto.height
            foto.height, foto.width = BEELD[3], Emu(int(foto.width * schaal))
        foto.name = "Beeld"
        foto._element.nvPicPr.cNvPr.set("descr", stap.beeld_tekst)
        _berichten(dia, stap.berichten)
        _tekstvak(dia, "Bron", (Inches(0.4), Inches(6.72), Inches(11.6), Inches(0.6)), stap.bron, 10, kleur=GRIJS)
        _tekstvak(dia, "Nummer", (Inches(12.1), Inches(6.85), Inches(0.9), Inches(0.4)), f"{nummer}/{len(stappen)}",
                  11, kleur=GRIJS, uitlijning=PP_ALIGN.RIGHT)  # fmt: skip
        dia.notes_slide.notes_text_frame.text = stap.notities
    uit = io.BytesIO()
    deck.save(uit)
    return uit.getvalue()
