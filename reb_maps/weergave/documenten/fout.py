"""What a download button hands out when its document could not be made: a one-line PDF or picture that says so.

A button must always have bytes to give (Streamlit builds them before the click), and a broken file or an empty
download would leave the user guessing; this says in Dutch what happened.
"""

from __future__ import annotations

import io

from fpdf import FPDF
from matplotlib.figure import Figure

from reb_maps.weergave import lettertype

FOUT = "Het document kon niet worden gemaakt. Probeer het opnieuw; de fout is vastgelegd in het logboek."


def fout_pdf(tekst: str = FOUT) -> bytes:
    pdf = FPDF()
    lettertype.voeg_toe(pdf)
    pdf.add_page()
    pdf.set_font(lettertype.FAMILIE, size=12)
    pdf.multi_cell(0, 6, tekst)
    return bytes(pdf.output())


def fout_beeld(formaat: str, tekst: str = FOUT) -> bytes:
    fig = Figure(figsize=(6, 1))
    fig.text(0.02, 0.5, tekst, va="center", fontsize=8, wrap=True)
    buffer = io.BytesIO()
    fig.savefig(buffer, format=formaat)
    return buffer.getvalue()
