"""Eigen data: upload your own layers (IBIS, BAG, plans), see them on the map, and score parks on §4.1."""

import streamlit as st
from streamlit_folium import st_folium

from reb_maps import fmt, herontwikkeling, labels
from reb_maps.eigen_data import ibis
from ui import eigen_data as ui
from ui import eigen_upload, state, werkruimte

lagen: dict = eigen_upload.sessie_lagen()

st.title(labels.PAGINA_EIGEN_DATA)
st.caption(
    "Zet uw eigen kaartbestand op de kaart: IBIS-bedrijventerreinen, BAG-panden, NWB-wegen, spoor of een "
    "planbestand. Het bestand "
    "blijft alleen in deze sessie, tenzij u het bewust in de werkruimte bewaart. Met "
    "terreinen en panden rekent de pagina de "
    "zes herontwikkelingscriteria van de REB (§4.1) uit."
)

# ---------- upload ----------
eigen_upload.upload("eigen_data")

if not lagen:
    st.info("Nog geen eigen lagen. Upload een bestand en kies 'Voeg toe aan de kaart'.")
    st.stop()

# ---------- layers: summary, notes, style ----------
st.subheader("Uw lagen")
for sleutel, laag in list(lagen.items()):
    with st.expander(ui.platte_tekst(sleutel), expanded=len(lagen) == 1):
        for note in laag.resultaat.notes:
            st.caption(ui.platte_tekst(note))
        uitleg = ui.netwerk_uitleg(laag)  # an NWB road file or a rail file: what was recognised, what it does
        if uitleg is not None:
            (st.info if uitleg[0] else st.warning)(ui.platte_tekst(uitleg[1]), icon=":material/route:")
        st.dataframe(ui.samenvatting_tabel(laag.resultaat), hide_index=True, use_container_width=True)
        keuzes = ui.kolom_keuzes(laag)
        kol1, kol2, kol3 = st.columns([2, 2, 1])
        label = kol1.selectbox("Label", keuzes, index=ui.keuze_index(keuzes, laag.label_kolom), key=f"lbl:{sleutel}")
        kleur = kol2.selectbox(
            "Kleur naar", keuzes, index=ui.keuze_index(keuzes, laag.kleur_kolom), key=f"klr:{sleutel}"
        )
        laag.label_kolom = None if label == ui.GEEN else label
        laag.kleur_kolom = None if kleur == ui.GEEN else kleur
        if kol3.button("Verwijder", key=f"weg:{sleutel}"):
            ui.verwijder(lagen, sleutel)
            st.rerun()
        werkruimte.eigen_laag_knoppen(f"ed:{sleutel}", laag)

st.subheader("Kaart")
with st.spinner("Kaart maken…"):
    kaart = ui.kaart_eigen_lagen(lagen, state.achtergrond())
st_folium(kaart, key="eigen_data_kaart", height=560, use_container_width=True, returned_objects=[])

# ---------- IBIS ----------
st.subheader("IBIS naast de REB (Tabel 8)")
ibis_laag = st.selectbox("Laag met IBIS-terreinen", list(lagen), key="eigen_data_ibis")
gekozen = lagen[ibis_laag]
ontbrekend = ibis.ontbrekend(gekozen.resultaat.samenvatting.kolommen)
koppeling = {}
if ontbrekend:
    st.caption("Niet alle IBIS-kolommen gevonden. Wijs de kolommen van uw bestand toe:")
    keuzes = ui.kolom_keuzes(gekozen)
    kolommen = st.columns(4)
    for i, canon in enumerate(ontbrekend):
        waarde = kolommen[i % 4].selectbox(ibis.IBIS_KOLOMMEN[canon], keuzes, key=f"ibis:{ibis_laag}:{canon}")
        if waarde != ui.GEEN:
            koppeling[canon] = waarde
if len(koppeling) == len(ontbrekend):
    tabel, noot = ui.ibis_vergelijking(gekozen, koppeling)
    st.dataframe(tabel, hide_index=True, use_container_width=True)
    st.caption(noot)
    if st.checkbox("Gebruik deze terreinen als bestaande bedrijventerreinen bij Zoekgebieden", key="eigen_data_zg"):
        st.session_state[ui.ZOEKGEBIEDEN_PARKEN_KEY] = ui.zoekgebieden_parken(gekozen, koppeling)
    else:
        st.session_state.pop(ui.ZOEKGEBIEDEN_PARKEN_KEY, None)
else:
    st.caption("Wijs eerst alle IBIS-kolommen toe.")

# ---------- Herontwikkeling (§4.1) ----------
st.subheader("Herontwikkeling (§4.1)")
vlakken = ui.vlak_lagen(lagen)
if not vlakken:
    st.info("Voeg een laag met terreinvlakken toe (bijvoorbeeld IBIS) om de herontwikkelingsscore te berekenen.")
    st.stop()
kol1, kol2 = st.columns(2)
parken = kol1.selectbox("Terreinen", vlakken, key="eigen_data_parken")
panden = kol2.selectbox("Panden (BAG)", ui.panden_lagen(lagen, parken), key="eigen_data_panden")
try:
    resultaat = ui.score(lagen, parken, None if panden == ui.GEEN else panden)
except herontwikkeling.HerontwikkelingFout as fout:
    st.error(ui.platte_tekst(str(fout)))
    st.stop()
beoordeeld = int(resultaat["rang"].notna().sum())
if beoordeeld:
    st.dataframe(ui.score_tabel(resultaat), hide_index=True, use_container_width=True)
    st.caption(f"Terreinen waarvan alle zes criteria bekend zijn; de tien hoogst scorende zijn gemarkeerd. "
               f"{herontwikkeling.BRON}.")  # fmt: skip
else:
    st.info("Geen enkel terrein heeft alle zes criteria bekend, dus er is geen rangorde. Hieronder staat per "
            "terrein wat er ontbreekt.")  # fmt: skip
if beoordeeld < len(resultaat):
    st.markdown(f"**Niet te beoordelen ({fmt.aantal(len(resultaat) - beoordeeld, 'terrein', 'terreinen')})**")
    st.dataframe(ui.niet_te_beoordelen(resultaat), hide_index=True, use_container_width=True)
    st.caption("Zonder alle zes criteria is een score niet te vergelijken met die van andere terreinen. "
               "'Hoogst haalbaar' telt de onbekende criteria mee als 1.")  # fmt: skip
st_folium(
    ui.score_kaart(resultaat, state.achtergrond()),
    key="eigen_data_scorekaart",
    height=480,
    use_container_width=True,
    returned_objects=[],
)
kol1, kol2 = st.columns(2)
kol1.download_button("Download CSV", herontwikkeling.als_csv(resultaat), "herontwikkeling.csv", "text/csv")
kol2.download_button(
    "Download GeoJSON", herontwikkeling.als_geojson(resultaat), "herontwikkeling.geojson", "application/geo+json"
)
with st.expander("Methode"):
    st.markdown(herontwikkeling.METHODE)
