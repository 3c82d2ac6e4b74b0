"""Session end → memory back (Streamlit glue for reb_maps.geheugen).

Streamlit has no public "session ended" hook: a closed tab's session is kept for reconnecting (the server's
disconnectedSessionTTL, 120 s) and then simply dropped. A small guard object in the session's state is freed
with it; its weak-reference finalizer plans the trim.
"""

from __future__ import annotations

import weakref

import streamlit as st

from reb_maps import geheugen
from ui import sessie_sleutels


class _Sessiewacht:
    """Holds nothing; exists so that its end marks the end of the session that holds it."""


def bewaak_sessie() -> None:
    """Once per session: when the session is dropped, the memory it held goes back to the operating system.
    At the warm-up's last request (deploy/opwarmen.py) the process takes its shared data out of the garbage
    collector's way (reb_maps.geheugen.bevries), in that run: no visitor waits for it."""
    if st.query_params.get(geheugen.OPGEWARMD_PARAM) == "1":
        geheugen.bevries()
    if sessie_sleutels.GEHEUGEN_WACHT not in st.session_state:
        wacht = _Sessiewacht()
        weakref.finalize(wacht, geheugen.geef_terug_later)
        st.session_state[sessie_sleutels.GEHEUGEN_WACHT] = wacht

