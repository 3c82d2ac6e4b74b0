"""Cells a spreadsheet must never run: every CSV and XLSX the app or a command line writes goes through here.

OWASP's rule for CSV injection: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
would be read by Excel or LibreOffice as a formula (`=HYPERLINK(…)` from a park's name in an uploaded file), so it
gets a leading apostrophe. Numbers stay numbers: only text is touched, so '-3,5' typed as a number is still -3,5.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")


def veilige_tekst(waarde: Any) -> Any:
    """A text a spreadsheet would run, with a leading apostrophe; any other value unchanged."""
    if isinstance(waarde, str) and waarde.startswith(FORMULE_BEGIN):
        return "'" + waarde
    return waarde


def veilig_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells (and column names) are safe; numeric columns are left as they are."""
    uit = frame.copy()
    for kolom in uit.columns:
        if not pd.api.types.is_numeric_dtype(uit[kolom]) and not pd.api.types.is_bool_dtype(uit[kolom]):
            uit[kolom] = uit[kolom].map(veilige_tekst)
    uit.columns = [veilige_tekst(k) for k in uit.columns]
    return uit


def csv_tekst(frame: pd.DataFrame, **opties) -> str:
    """`frame.to_csv(**opties)` as text, with every text cell made safe."""
    return veilig_frame(frame).to_csv(**opties)


def veilige_cel(cel, waarde: Any) -> None:
    """Write a value into an openpyxl cell; a text a spreadsheet would run stays text (quote prefix)."""
    cel.value = waarde
    if isinstance(waarde, str) and waarde.startswith(FORMULE_BEGIN):
        cel.data_type = "s"
        cel.quotePrefix = True
