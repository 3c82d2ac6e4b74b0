"""AppTest smoke tests for the Kaart and Bronnen pages, run through app.py."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from reb_maps import labels

pytestmark = pytest.mark.slow

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def _run(gemeente: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if gemeente is not None:
        at.query_params["gemeente"] = gemeente
    return at.run()


def _clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def test_kaart_shows_twente_totals_without_selection():
    at = _run()
    _clean(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Inwoners 2023"] == "639.000"
    assert metrics["Banen 2023"] == "346.500"
    assert metrics["Netto areaal bedrijventerrein"] == "3.380 ha"
    assert metrics["Grootschalige vraag regio tot 2040"] == "121–199 ha"
    assert metrics["Hard aanbod grootschalig"] == "18,04 ha"
    tekst = "\n".join(el.value for kind in ("markdown", "caption") for el in at.get(kind))
    assert labels.STOPLICHTEN["rood"].paneel in tekst  # the regional large-scale line: 18,04 ha against 121–199 ha
    assert "ontbreekt ten minste 102,96 ha" in tekst


def test_kaart_with_gemeente_in_url_shows_its_panel():
    at = _run("hengelo")
    _clean(at)
    assert at.subheader[0].value == "Hengelo"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Netto areaal"] == "467 ha"
    assert metrics["Hard aanbod"] == "18,39 ha"
    assert metrics["Banen 2023"] == "52.500"
    tekst = "\n".join(el.value for kind in ("markdown", "caption") for el in at.get(kind))
    assert labels.STOPLICHTEN["oranje"].paneel in tekst
    assert "Het harde aanbod (18,39 ha) ligt binnen de bandbreedte van de vraag (10–50 ha)." in tekst
    assert at.query_params["gemeente"] == "Hengelo"  # normalised spelling written back


def test_selection_and_indicator_change_rerun_cleanly():
    # AppTest drops app.py's sidebar from its element tree after a rerun, so the selection is set as state.
    at = _run()
    at.session_state["gemeente"] = "Wierden"
    at.run()
    assert at.subheader[0].value == "Wierden"
    at.selectbox(key="indicator").select("tekort").run()
    _clean(at)
    assert {m.label: m.value for m in at.metric}["Hard aanbod"] == "0,46 ha"


def test_unknown_gemeente_in_url_falls_back_to_twente():
    at = _run("<script>alert(1)</script>")
    _clean(at)
    assert at.subheader[0].value == "Twente"


def test_bronnen_lists_every_table_with_download():
    at = _run()
    at.switch_page("app_pages/bronnen.py").run()
    _clean(at)
    assert at.title[0].value == labels.PAGINA_BRONNEN
    overzicht = at.dataframe[0].value
    assert {"gemeenten", "regio", "locaties", "schaalsprong_aannames"} <= set(overzicht["Tabel"])
    labels_dl = [b.label for b in at.get("download_button")]
    assert "Download gemeenten.csv" in labels_dl
    assert "Download gemeenten.geojson" in labels_dl


def test_a_failing_builder_shows_a_dutch_message_not_a_traceback(monkeypatch, caplog):
    from reb_maps import kerncijfers

    def broken(_gemeente, _peil=None):
        raise RuntimeError("kapot")

    monkeypatch.setattr(kerncijfers, "kerncijfers", broken)
    at = _run("Almelo")
    assert not at.exception
    assert [e.value for e in at.error] == [labels.FOUTMELDING]
    assert "kapot" in caplog.text  # the log line keeps the details for us
