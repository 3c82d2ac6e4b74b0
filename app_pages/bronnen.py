"""Bronnen & toelichting: sources, licences, caveats, what the report lacks, and every download."""

from functools import partial

import streamlit as st

from reb_maps import bronnen, labels
from reb_maps.data import DataFout, table_csv, table_meta, table_names
from ui import meldingen

st.title(labels.PAGINA_BRONNEN)
st.markdown(
    "Alle cijfers in dit dashboard komen uit het rapport **Ruimtelijk Economische Bouwsteen Twente 2040** "
    "(Buck Consultants International in opdracht van de veertien Twentse gemeenten en de provincie "
    "Overijssel, 2025), zoals vastgesteld door het college van Almelo op 15 oktober 2025, of uit de "
    "genoemde open bronnen. Bij elk cijfer staat de oorspronkelijke bron zoals het rapport die noemt."
)
st.info(
    "De REB Twente is een bouwsteen met aanbevelingen, geen vastgesteld beleid. Kaartlagen zijn open data "
    "op regionale schaal: grenzen van bedrijventerreinen zijn bij benadering, schematische tracés zijn "
    "geen echte wegen of spoorlijnen."
)

st.header("Tabellen uit het rapport")
st.dataframe(bronnen.tabellen_overzicht(), hide_index=True, width="stretch")
for naam in table_names():
    meta = table_meta(naam)
    with st.expander(f"{meta['titel']} ({naam})"):
        if meta.get("omschrijving"):
            st.write(meta["omschrijving"])
        for noot in meta.get("opmerkingen", []):
            st.markdown(f"- {noot}")
        for gat in meta.get("ontbreekt", []):
            st.warning(f"Ontbreekt: {gat}")
        if fout := bronnen.tabel_fout(naam):  # one broken file: its own notice, the rest of the page works
            meldingen.gegevensfout(DataFout(fout), "Deze tabel")
            continue
        st.download_button(
            f"Download {naam}.csv",
            partial(table_csv, naam),  # made on click, not on every run
            file_name=f"{naam}.csv",
            mime="text/csv",
            key=f"dl-{naam}",
            on_click="ignore",
        )

missing = bronnen.ontbrekend()
if missing is not None:
    st.header("Wat het rapport niet geeft")
    st.caption(
        "Tabellen en figuren waarvan de cijfers in de tekst van het rapport ontbreken. Het dashboard schat ze niet."
    )
    st.dataframe(missing, hide_index=True, width="stretch")

st.header("Kaartlagen")
st.markdown(
    f"- {labels.BRON_CBS_KADASTER}: gemeentegrenzen, bebouwde kom, water, plaatsen, plaatsnamen en "
    "bedrijventerreinen (TOP10NL)\n"
    f"- {labels.BRON_OSM}: snelwegen, afritten, hoogspanningsstations\n"
    f"- {labels.BRON_NATUUR}: Natura 2000 en Natuurnetwerk Nederland\n"
    "- Achtergrondkaarten: PDOK BRT-Achtergrondkaart en Luchtfoto (Kadaster / Beeldmateriaal.nl), "
    f"OpenStreetMap. Kies '{labels.ACHTERGROND_OFFLINE}' om zonder internet te werken: een rustige ondergrond uit "
    "de meegeleverde open data (bebouwde kom, water, snelwegen en plaatsnamen), dezelfde als onder de drukkaarten."
)
lagen = bronnen.lagen_overzicht()
st.dataframe(lagen, hide_index=True, width="stretch")
with st.expander("Kaartlagen downloaden (GeoJSON, EPSG:4326)"):
    for bestand in lagen["Bestand"].drop_duplicates():
        st.download_button(
            f"Download {bestand}",
            partial(bronnen.layer_bytes, bestand),
            file_name=bestand,
            mime="application/geo+json",
            key=f"dl-geo-{bestand}",
            on_click="ignore",
        )
