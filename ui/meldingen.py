"""Notices that carry text we did not write (a link's value, a data file's content): shown as plain text.

`st.warning` and `st.error` render Markdown, so a value like `[x](https://…)` would become a working link.
Our own sentence goes into the coloured box; the foreign text goes beside it through `st.text`, which never
interprets anything. One helper for every page.
"""

from __future__ import annotations

from typing import Literal

import streamlit as st

from reb_maps.url import kort


def platte_melding(
    uitleg: str, tekst: str, *, soort: Literal["warning", "error"] = "warning", icon: str | None = None
) -> None:
    """Our Dutch `uitleg` in an alert box, the foreign `tekst` (one line, shortened) as plain text below it."""
    with st.container(border=True, gap="small"):
        getattr(st, soort)(uitleg, icon=icon)
        st.text(tekst)


def gegevensfout(exc: Exception, onderdeel: str = "Deze pagina") -> None:
    """A broken data or layer file: which file and what is wrong, exactly as in the log."""
    platte_melding(
        f"{onderdeel} kan niet worden getoond: een gegevensbestand van het dashboard is beschadigd. "
        "De beheerder vindt dezelfde melding in het logboek.",
        kort(str(exc), 300),
        soort="error",
        icon=":material/database:",
    )
