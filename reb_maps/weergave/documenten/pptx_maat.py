"""How much room a deck text takes, measured with the bundled Carlito (Calibri's metric twin) through Pillow.

The deck names Calibri; PowerPoint draws it with Calibri, LibreOffice with Carlito: both have the same advance
widths, so a text that fits here fits there. The deck builder uses this to pick a type size that fits each box;
the tests use it to check every text box of a finished deck. Wrapping follows the office rule: break at spaces,
a word longer than the line stands on its own line (and then counts as too wide).
"""

from __future__ import annotations

import functools

from PIL import ImageFont

from reb_maps.weergave import lettertype

LETTERTYPE = lettertype.DECK_FAMILIE
# Calibri's line height at single spacing: (ascender 1536 + descender 512 + line gap 452) / 2048 units.
REGELHOOGTE = 2500 / 2048
SCHAAL = 20  # measure at 20 × the point size: Pillow rounds to whole pixels
EMU_PER_PT = 12_700


@functools.cache
def _font(vet: bool, grootte_pt: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(lettertype.CARLITO[vet]), size=round(grootte_pt * SCHAAL))


def breedte_pt(tekst: str, grootte_pt: float, vet: bool = False) -> float:
    """The advance width of one line of text, in points."""
    return _font(vet, grootte_pt).getlength(tekst) / SCHAAL


def regels(tekst: str, grootte_pt: float, breedte: float, vet: bool = False) -> list[str]:
    """`tekst` wrapped at spaces into lines at most `breedte` points wide (a long word keeps its own line)."""
    uit: list[str] = []
    for alinea in tekst.split("\n"):
        regel = ""
        for woord in alinea.split(" "):
            proef = f"{regel} {woord}" if regel else woord
            if regel and breedte_pt(proef, grootte_pt, vet) > breedte:
                uit.append(regel)
                regel = woord
            else:
                regel = proef
        uit.append(regel)
    return uit


def past_op_regels(tekst: str, grootte_pt: float, breedte: float, vet: bool = False) -> bool:
    """No single word is wider than the line (else the office breaks inside it or lets it stick out)."""
    return all(breedte_pt(r, grootte_pt, vet) <= breedte for r in regels(tekst, grootte_pt, breedte, vet))


def hoogte_pt(alineas: list[tuple[str, float, bool, float]], breedte: float) -> float:
    """Height of paragraphs (text, size, bold, space after in pt) wrapped into `breedte` points."""
    totaal = 0.0
    for n, (tekst, grootte, vet, na) in enumerate(alineas):
        totaal += len(regels(tekst, grootte, breedte, vet)) * grootte * REGELHOOGTE
        if n < len(alineas) - 1:
            totaal += na
    return totaal


def pt(emu: int) -> float:
    return emu / EMU_PER_PT
