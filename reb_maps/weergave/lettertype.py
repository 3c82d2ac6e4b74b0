"""The one font of every document the app makes: DejaVu Sans (libre, all Dutch glyphs).

It comes with matplotlib (its own data folder), so PDFs and chart SVGs need no system font and look the same on
every machine; the family name is the one matplotlib writes into chart SVGs, so fpdf2 finds it there too.
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
