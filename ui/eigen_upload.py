"""The upload widget for own map layers, shared by the pages Kaart and Eigen data (Streamlit glue)."""

from __future__ import annotations

import streamlit as st

from reb_maps.eigen_data.meldingen import FORMATEN, MAX_UPLOAD_MB
from ui import eigen_data as ui

UPLOAD_LABEL = (
    f"Kaartbestand (GeoPackage, GeoJSON, Shapefile als zip, FlatGeobuf, CSV of Excel; max. {MAX_UPLOAD_MB} MB)"
)
KNOP_TOEVOEGEN = "Voeg toe aan de kaart"


def sessie_lagen() -> dict:
    """The user's own layers: in this session's memory only, never on disk."""
    return st.session_state.setdefault(ui.LAGEN_KEY, {})


def upload(prefix: str, *, rerun: bool = False) -> None:
    """File picker, layer choice and add button; refusals as one plain-text Dutch message."""
    lagen = sessie_lagen()
    bestand = st.file_uploader(UPLOAD_LABEL, type=sorted({e.lstrip(".") for e in FORMATEN}), key=f"{prefix}_upload")
    if bestand is None:
        return
    data = bestand.getvalue()
    beschikbaar = ui.bestand_lagen(data, bestand.name)
    laag = st.selectbox("Laag", beschikbaar, key=f"{prefix}_laagkeuze") if len(beschikbaar) > 1 else None
    if st.button(KNOP_TOEVOEGEN, type="primary", key=f"{prefix}_toevoegen"):
        with st.spinner("Bestand lezen en controleren…"):
            sleutel, fout, _ = ui.lees_veilig(lagen, data, bestand.name, laag)
        if fout:
            st.error(ui.platte_tekst(fout))
        elif rerun:
            st.rerun()
        else:
            st.success(ui.platte_tekst(f"Toegevoegd: {sleutel}"))
