"""Reading values from a link (query parameters) without trusting them. Pure: no Streamlit.

A link can be crafted by anyone. Values are parsed strictly; a refused value becomes a `UrlMelding`
whose user part is kept apart from our own Dutch text, so the page can show it as plain text
(`state.toon_url_meldingen`), never as Markdown or HTML.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

MAX_TEKEN = 60  # a refused value is echoed at most this long (plus "…")

# Dutch notation: thousands dots (55.000, 1.234.567) and a decimal comma (0,35; 1.234,5). A single dot that is
# not a thousands group (0.35, 2.5) reads as a decimal point, as the dashboard itself writes it in links.
# re.ASCII: \d is 0-9 only — full-width or Arabic-Indic digits are not numbers a link of ours contains.
_NL_DUIZENDTALLEN = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?", re.ASCII)
_KOMMA = re.compile(r"[+-]?\d+(?:,\d+)?", re.ASCII)
_PUNT = re.compile(r"[+-]?\d+(?:\.\d+)?", re.ASCII)
_GEHEEL = re.compile(r"\d{1,6}", re.ASCII)


def lees_geheel(tekst: str) -> int | None:
    """A whole number of ASCII digits ('3'), or None ('３', '3.0', '-1', '')."""
    tekst = tekst.strip()
    return int(tekst) if _GEHEEL.fullmatch(tekst) else None


def lees_getal(tekst: str) -> float | None:
    """A number as a Dutch reader means it, or None: '55.000' → 55000, '0,35' → 0.35, '2.5' → 2.5.

    Refused: exponents, 'inf'/'nan', underscores, several commas, and anything else Python's float()
    would accept but a reader would not write.
    """
    tekst = tekst.strip()
    if _NL_DUIZENDTALLEN.fullmatch(tekst):
        return float(tekst.replace(".", "").replace(",", "."))
    if _KOMMA.fullmatch(tekst):
        return float(tekst.replace(",", "."))
    if _PUNT.fullmatch(tekst):
        return float(tekst)
    return None


def kort(tekst: str, maximum: int = MAX_TEKEN) -> str:
    """One line of at most `maximum` characters (plus '…'); control characters become spaces."""
    schoon = "".join(" " if unicodedata.category(c).startswith("C") else c for c in str(tekst))
    schoon = " ".join(schoon.split())
    return schoon if len(schoon) <= maximum else schoon[: maximum - 1].rstrip() + "…"


def laatste(waarde: str | Sequence[str] | None) -> str | None:
    """A repeated parameter (`?a=1&a=2`) counts with its last value, as Streamlit's query_params.get does."""
    if waarde is None or isinstance(waarde, str):
        return waarde
    return waarde[-1] if waarde else None


@dataclass(frozen=True)
class UrlMelding:
    """A value from the link that the dashboard did not use.

    `uitleg` is our own Dutch text (safe to render); `waarde` is what the link said, shown only as plain text.
    """

    parameter: str
    waarde: str
    uitleg: str

    @property
    def waarde_kort(self) -> str:
        return kort(f"{self.parameter}={self.waarde}")

    @property
    def tekst(self) -> str:
        """The whole notice as one plain string (for logs and tests)."""
        return f"{self.uitleg} In de link: {self.waarde_kort}"


def herhaald(params: Mapping[str, Sequence[str]]) -> list[UrlMelding]:
    """Notices for parameters the link repeats with different values (the last one counts)."""
    meldingen = []
    for naam, waarden in params.items():
        if not isinstance(waarden, str) and len(set(waarden)) > 1:
            meldingen.append(
                UrlMelding(
                    naam,
                    " & ".join(waarden),
                    f"De link noemt '{kort(naam, 20)}' {len(waarden)} keer; de laatste waarde telt.",
                )
            )
    return meldingen
