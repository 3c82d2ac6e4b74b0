"""The monitor in the app (AppTest) and in its renderers: the Monitor page's tables, the Peildatum on Kaart and
Gemeenten (figures from the fixture, computed here), the map's legend and parks, the print map and the briefing."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from streamlit.testing.v1 import AppTest

from reb_maps import fmt, kerncijfers
from reb_maps.monitor import opslag, parken, reeks
from reb_maps.monitor.invoer import lees_peilbestand
from reb_maps.weergave import kaart
from reb_maps.weergave.documenten.briefing import briefing_pdf
from reb_maps.weergave.documenten.monitor import briefing_sectie
from reb_maps.weergave.druk import kaart as drukkaart
from reb_maps.werkruimte import Auteur, Werkruimte
from tests import fixtures_monitor as fx
from ui import sessie_sleutels
from ui import werkruimte as wr

pytestmark = pytest.mark.slow
APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture(scope="module")
def gevuld(tmp_path_factory):
    """A workspace with IBIS 2024 and 2025 (with shapes) and municipal figures for 2025."""
    map_ = tmp_path_factory.mktemp("monitor")
    r = Werkruimte.open(map_ / "werkruimte.sqlite")
    opslag.importeer(r, lees_peilbestand(fx.gpkg_bytes(fx.ibis_tabel(), map_), "ibis.gpkg"), Auteur("Anne"),
                     "Synthetisch IBIS (test)")  # fmt: skip
    opslag.importeer(r, lees_peilbestand(fx.cijfers_csv(2025), "cijfers.csv"), Auteur("Anne"), "Synthetische cijfers")
    yield r
    r.sluit()


@pytest.fixture
def app_met_peildata(gevuld, monkeypatch):
    monkeypatch.setenv("REB_WERKRUIMTE", str(gevuld.url.database))
    wr.vergeet()
    yield gevuld
    wr.vergeet()


def _pagina(pad: str, jaar: int | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page(pad)
    if jaar is not None:
        at.session_state[sessie_sleutels.PEILDATUM] = jaar
    at.run()
    assert not at.exception, at.exception
    return at


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_monitor_page_lists_the_years_and_the_change_since_the_reb(app_met_peildata):
    at = _pagina("app_pages/monitor.py")
    jaren = at.dataframe[0].value
    assert list(jaren["Jaar"]) == ["2024", "2025", "2025"] and set(jaren["Status"]) == {"actief"}
    sinds = next(d.value for d in at.dataframe if "Verschil (ha)" in d.value.columns).set_index("Gemeente")
    almelo = fx.verwacht(2025).loc["Almelo", "netto"]
    assert sinds.loc["Almelo", "Netto REB (jan. 2023)"] == "620 ha"
    assert sinds.loc["Almelo", "Netto 2025"] == fmt.met_eenheid(almelo, "ha", 2)
    assert sinds.loc["Almelo", "Verschil (ha)"] == fmt.met_eenheid(almelo - 620, "ha", 2)
    assert sinds.loc["Losser", "Hard aanbod REB"] == "geen opgave"  # '-' in Tabel 10, never 0
    assert any("telt één keer" in m.value for m in at.markdown)  # the rule for parks in two municipalities


def test_peildatum_fills_the_kaart_panel_with_that_years_figures(app_met_peildata):
    reb = _pagina("app_pages/kaart.py")
    assert _metric(reb, "Netto areaal bedrijventerrein") == "3.380 ha"
    at = _pagina("app_pages/kaart.py", 2025)
    assert at.selectbox(key="kaart_peildatum").value == 2025
    assert _metric(at, "Netto areaal 2025") == fmt.met_eenheid(fx.verwacht(2025)["netto"].sum(), "ha", 2)
    assert any("Peildatum 2025" in c.value for c in at.caption)


def test_peildatum_on_gemeenten_shows_the_municipality_and_the_table(app_met_peildata):
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("app_pages/gemeenten.py")
    at.session_state[sessie_sleutels.PEILDATUM] = 2025
    at.query_params["gemeente"] = "Almelo"
    at.run()
    assert not at.exception
    banen = fx.cijfers_csv(2025)  # 2023's jobs + 1.000 in the fixture
    assert b"Almelo;2025;48300" in banen
    assert _metric(at, "Banen 2025") == "48.300"
    assert _metric(at, "Netto areaal 2025") == fmt.met_eenheid(fx.verwacht(2025).loc["Almelo", "netto"], "ha", 2)
    assert any("Wat is er veranderd sinds de REB" in s.value for s in at.subheader)


def test_kerncijfers_with_a_peildatum_state_the_change_and_the_other_measure(gevuld):
    peil = reeks.peildatum(gevuld, 2025)
    cijfers = {k.sleutel: k for k in kerncijfers.kerncijfers("Almelo", peil)}
    netto = fx.verwacht(2025).loc["Almelo", "netto"]
    assert cijfers["netto"].delta == f"-{fmt.met_eenheid(620 - netto, 'ha', 2)} sinds de REB"
    assert cijfers["banen"].delta == "+1.000 sinds de REB"
    assert (
        cijfers["aanbod"].label == "Uitgeefbaar 2025"
        and "niet hetzelfde als het harde aanbod" in cijfers["aanbod"].uitleg
    )
    assert cijfers["vraag"].waarde == "10–40 ha"  # the demand stays the report's
    geen = {k.sleutel: k for k in kerncijfers.kerncijfers("Almelo", reeks.peildatum(gevuld, 2024))}
    assert geen["banen"].waarde == "geen opgave"  # no figures imported for 2024: never 0


def test_the_map_legend_and_parks_follow_the_peildatum(gevuld):
    peil = reeks.peildatum(gevuld, 2025)
    reb_html = kaart.dashboard_map("netto_areaal", "geen", None).get_root().render()
    assert "Netto areaal bedrijventerrein" in reb_html and "peil_terreinen-" not in reb_html  # no parks file
    terreinen = kaart.peil_terreinen("t", 2025, parken.parken_met_verandering(gevuld, 2025), "Synthetisch")
    assert terreinen.aantal == 29 and terreinen.veranderd == 3
    html = kaart.dashboard_map("netto_areaal", "geen", None, peil=peil, peil_parken=terreinen).get_root().render()
    assert "Netto areaal 2025 (IBIS)" in html
    assert "IBIS-terreinen van de peildatum (monitor): 2025" in html
    klassen = kaart.indicator_klassen("netto_areaal", peil)
    assert klassen.labels != kaart.indicator_klassen("netto_areaal").labels  # the year's own classes


def test_a_published_layer_file_is_named_by_its_content():
    assert kaart.inhoud_sleutel("x", '{"a": 1}') != kaart.inhoud_sleutel("x", '{"a": 2}')
    assert kaart.inhoud_sleutel("x", {"a": 1}) == kaart.inhoud_sleutel("x", {"a": 1})


def test_the_print_map_and_the_briefing_with_a_peildatum(gevuld):
    peil = reeks.peildatum(gevuld, 2025)
    vraag = drukkaart.KaartVraag(indicator="netto_areaal", peil=peil)
    assert drukkaart.titel_van(vraag) == "Twente: netto areaal 2025 (IBIS) en werklocaties"
    assert "peildatum 2025" in drukkaart.bronregel(vraag, [])
    assert drukkaart.bestandsnaam(vraag, "pdf") == "kaart-werklocaties-twente-netto_areaal-2025.pdf"
    sectie = briefing_sectie(reeks.reeks(gevuld), "Almelo")
    assert sectie.jaar == 2025 and sectie.rijen[0][1] == "620 ha"
    tekst = "\n".join(
        p.extract_text() for p in pypdf.PdfReader(io.BytesIO(briefing_pdf("Almelo", monitor=sectie))).pages
    )
    assert "Wat is er veranderd sinds de REB" in tekst and "620 ha" in tekst
    assert "Stoplicht tegenover de vraag tot 2040" in tekst
    assert briefing_sectie(reeks.reeks(None), "Almelo") is None  # nothing imported: no section
