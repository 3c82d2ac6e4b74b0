"""Page Eigen data: the adapters directly (uploads are hard in AppTest) and the page through app.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from reb_maps import herontwikkeling, labels
from reb_maps.eigen_data import meldingen as m
from reb_maps.weergave.eigen_laag import grootte
from tests import fixtures_eigen_data as fx
from ui import eigen_data as ui

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = "app_pages/eigen_data.py"
X, Y = fx.HENGELO_WGS84
SCRIPT = "<script>alert(1)</script>"


def gpkg_bytes(tmp_path, frame, naam) -> bytes:
    return fx.schrijf_gpkg(frame, tmp_path / f"{naam}.gpkg", naam).read_bytes()


@pytest.fixture
def lagen(tmp_path):
    lagen: dict = {}
    ui.voeg_toe(lagen, gpkg_bytes(tmp_path, fx.ibis_parken(), "ibis"), "ibis.gpkg")
    ui.voeg_toe(lagen, gpkg_bytes(tmp_path, fx.bag_panden(), "panden"), "panden.gpkg")
    return lagen


def test_adapter_refusals_are_the_engine_messages():
    for naam, data, melding in [
        ("leeg.gpkg", b"", m.LEEG),
        ("kaart.pdf", b"%PDF", m.EXTENSIE.format(ext=".pdf")),
        ("tabel.csv", b"a;b\n1;2\n", m.GEEN_COORDINATEN.format(kolommen="a, b")),
    ]:
        lagen: dict = {}
        assert ui.lees_veilig(lagen, data, naam) == (None, melding, None)
        assert lagen == {}


def test_layer_choice_then_add_and_remove(tmp_path):
    pad = fx.schrijf_gpkg(fx.ibis_parken(), tmp_path / "twee.gpkg", "terreinen")
    fx.schrijf_gpkg(fx.bag_panden(), pad, "panden")
    lagen: dict = {}
    sleutel, fout, keuzes = ui.lees_veilig(lagen, pad.read_bytes(), "twee.gpkg")
    assert sleutel is None and keuzes == ["terreinen", "panden"] and "Kies er één" in fout
    assert ui.bestand_lagen(pad.read_bytes(), "twee.gpkg") == ["terreinen", "panden"]
    sleutel, fout, _ = ui.lees_veilig(lagen, pad.read_bytes(), "twee.gpkg", "panden")
    assert fout is None and sleutel == "twee.gpkg – panden"
    tweede = ui.voeg_toe(lagen, pad.read_bytes(), "twee.gpkg", "panden")
    assert tweede == "twee.gpkg – panden (2)"
    ui.verwijder(lagen, sleutel)
    assert list(lagen) == [tweede]


def test_markdown_and_html_from_the_user_reach_the_page_as_plain_text():
    naam = f"[klik](http://x) {SCRIPT}.geojson"
    assert ui.platte_tekst(naam) == r"\[klik\]\(http\:\/\/x\) \<script\>alert\(1\)\<\/script\>\.geojson".replace(
        r"\/", "/"
    )
    data = fx.geojson_bytes([fx.feature(fx.punt(X, Y), naam=SCRIPT)])
    lagen: dict = {}
    ui.voeg_toe(lagen, data, naam)
    html = ui.kaart_eigen_lagen(lagen, labels.ACHTERGROND_OFFLINE).get_root().render()
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # layer name in the layer control, escaped


def test_summary_table_and_map_of_uploaded_layers(lagen):
    tabel = ui.samenvatting_tabel(lagen["ibis.gpkg – ibis"].resultaat)
    waarden = dict(zip(tabel["Eigenschap"], tabel["Waarde"], strict=True))
    assert waarden["Objecten"] == "6" and waarden["Herkend schema"] == "IBIS"
    assert "28992" in waarden["Coördinatenstelsel"] and waarden["Stelsel gevonden of aangenomen"] == "gevonden"
    laag = lagen["panden.gpkg – panden"]
    laag.kleur_kolom = "bouwjaar"
    data, legenda = ui.laag_data(laag)
    assert grootte(data) <= m.MAX_WEERGAVE_BYTES and len({f["properties"]["kleur"] for f in data["features"]}) > 1
    assert len(legenda) >= 2
    html = ui.kaart_eigen_lagen(lagen, labels.ACHTERGROND_OFFLINE).get_root().render()
    assert "Synthetisch terrein A" in html and "eigen-legenda" in html


def test_ibis_comparison_and_parks_for_the_search_areas(lagen):
    tabel, noot = ui.ibis_vergelijking(lagen["ibis.gpkg – ibis"])
    hengelo = tabel.set_index("Gemeente").loc["Hengelo"]
    assert hengelo["Terreinen in IBIS"] == 6 and "," in hengelo["IBIS netto (ha)"]
    assert "jaren verschillen" in noot
    parken = ui.zoekgebieden_parken(lagen["ibis.gpkg – ibis"])
    assert parken.crs.to_epsg() == 28992 and len(parken) == 6


def test_score_table_top_10_and_map(lagen):
    assert ui.vlak_lagen(lagen) == ["ibis.gpkg – ibis", "panden.gpkg – panden"]  # IBIS first
    assert ui.panden_lagen(lagen, "ibis.gpkg – ibis") == ["panden.gpkg – panden", ui.GEEN]
    resultaat = ui.score(lagen, "ibis.gpkg – ibis", "panden.gpkg – panden")
    styler = ui.score_tabel(resultaat)
    tabel = styler.data
    assert tabel["Terrein"].tolist() == fx.VOLGORDE[: fx.GERANGSCHIKT]  # only parks with all six criteria
    assert tabel[herontwikkeling.KOLOM_LABELS["rang"]].tolist() == [1, 2, 3, 4]
    assert tabel.loc[0, herontwikkeling.KOLOM_LABELS["score"]] == 6
    rest = ui.niet_te_beoordelen(resultaat)
    assert rest["Terrein"].tolist() == fx.VOLGORDE[fx.GERANGSCHIKT :]
    assert list(rest.columns[:4]) == ["Terrein", "Ontbrekende invoer", "Punten tot nu toe", "Hoogst haalbaar"]
    assert rest.loc[rest.index[0], herontwikkeling.KOLOM_LABELS["milieucategorie_score"]] == "onbekend"
    assert "Rang" not in rest.columns
    assert ui.KLEUR_TOP in styler.to_html()
    html = ui.score_kaart(resultaat, labels.ACHTERGROND_OFFLINE).get_root().render()
    assert "Synthetisch terrein A: 6 van 6" in html
    assert "Synthetisch terrein E: niet te beoordelen, ontbreekt: oppervlakte van de panden (vlakken)" in html
    assert ui.KLEUR_NIET_TE_BEOORDELEN in html and "Niet te beoordelen" in html


def open_page(**state) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()  # the custom url_path is only known to AppTest after a first run
    at.switch_page(PAGE)
    return at.run()


def test_page_without_layers_explains_what_to_do():
    at = open_page()
    assert not at.exception
    assert any("Nog geen eigen lagen" in i.value for i in at.info)


def test_page_with_layers_shows_summary_ibis_and_ranking(lagen):
    at = open_page(**{ui.LAGEN_KEY: lagen})
    assert not at.exception, [e.value for e in at.exception]
    assert labels.FOUTMELDING not in [e.value for e in at.error]
    tabellen = [df.value for df in at.dataframe]
    assert any("Gemeente" in t.columns for t in tabellen)  # IBIS beside Tabel 8
    assert any("Eigenschap" in t.columns for t in tabellen)
    assert at.selectbox(key="eigen_data_panden").value == "panden.gpkg – panden"  # the layer with bouwjaar
    ranking, rest = [getattr(df.value, "data", df.value) for df in at.dataframe if "Terrein" in df.value.columns]
    assert ranking["Terrein"].tolist() + rest["Terrein"].tolist() == fx.VOLGORDE
    assert "Ontbrekende invoer" in rest.columns
    assert any("Niet te beoordelen (2 terreinen)" in m.value for m in at.markdown)
    assert at.session_state[ui.LAGEN_KEY] is not None
    at.checkbox(key="eigen_data_zg").check().run()
    assert len(at.session_state[ui.ZOEKGEBIEDEN_PARKEN_KEY]) == 6
