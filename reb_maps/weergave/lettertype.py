"""The fonts of every document the app makes, in one place.

PDFs, print maps and chart SVGs: DejaVu Sans (libre, all Dutch glyphs). It comes with matplotlib (its own data
folder), so they need no system font and look the same on every machine; the family name is the one matplotlib
writes into chart SVGs, so fpdf2 finds it there too.

The PowerPoint deck names Calibri, what an office has; its text is measured with Carlito (Calibri's metric twin,
bundled in `lettertypen/` under the OFL), so a text that fits here fits in PowerPoint and LibreOffice alike.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

FAMILIE = "DejaVu Sans"
MAP = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
GEWOON = MAP / "DejaVuSans.ttf"
VET = MAP / "DejaVuSans-Bold.ttf"
SCHUIN = MAP / "DejaVuSans-Oblique.ttf"


def voeg_toe(pdf) -> None:
    """Register the family (regular, bold, italic) with an fpdf2 document."""
    pdf.add_font(FAMILIE, "", GEWOON)
    pdf.add_font(FAMILIE, "B", VET)
    pdf.add_font(FAMILIE, "I", SCHUIN)


DECK_FAMILIE = "Calibri"  # the name in the deck; measured with Carlito
CARLITO_MAP = Path(__file__).resolve().parent / "lettertypen"
CARLITO = {False: CARLITO_MAP / "Carlito-Regular.ttf", True: CARLITO_MAP / "Carlito-Bold.ttf"}  # bold: True
