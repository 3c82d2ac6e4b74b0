"""Text from outside (file names, layer names, a user's words) made safe to show: no invisible direction tricks.

A right-to-left override (U+202E) in a file name makes 'kaart\u202egpj.exe' read as 'kaartexe.jpg'. Such bidi
control characters are shown as their escape (`\\u202e`), so a user sees that something is odd instead of being
misled; other invisible format characters the same way.
"""

from __future__ import annotations

import unicodedata

BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def zichtbaar(tekst: object) -> str:
    """The text with bidi controls and other invisible format/control characters written as `\\uXXXX`."""
    uit = []
    for teken in str(tekst):
        if teken in BIDI or (unicodedata.category(teken) in {"Cf", "Cc"} and teken not in "\n\t"):
            uit.append(f"\\u{ord(teken):04x}")
        else:
            uit.append(teken)
    return "".join(uit)
