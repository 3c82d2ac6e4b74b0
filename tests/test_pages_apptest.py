"""AppTest smoke tests for the pages Gemeenten and Regio & economie, run through app.py.

AppTest (Streamlit 1.67) needs one run on the default page before `switch_page`; after the switch it only
keeps the page's own elements (the shared sidebar is dropped from its tree), so the selection is set
through the URL or session state rather than the sidebar widget.
"""

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from reb_maps import labels
from ui import documenten, sessie_sleutels

pytestmark = pytest.mark.slow

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def _open(page: str, gemeente: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    if gemeente:
        at.query_params["gemeente"] = gemeente
    at.run()
    at.switch_page(page).run()
    return at


def _assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]  # app.py turns a page crash into st.error


def _plotly_specs(at: AppTest) -> list[str]:
    return [el.proto.spec for el in at.get("plotly_chart")]


def _tekst(at: AppTest) -> str:
    return "\n".join(el.value for kind in ("markdown", "caption", "info") for el in at.get(kind))


def test_gemeenten_page_with_almelo_from_url():
    start = time.perf_counter()
    at = _open("app_pages/gemeenten.py", "Almelo")
    _assert_clean(at)
    assert at.title[0].value == labels.PAGINA_GEMEENTEN
    assert at.subheader[0].value == "Almelo"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[labels.METRIC_BANEN] == "47.300"
    assert metrics[labels.METRIC_NETTO] == "620 ha"
    assert metrics[labels.METRIC_AANBOD] == "16,58 ha"
    assert len(_plotly_specs(at)) == 1  # only the open tab is built and sent
    assert [b.label for b in at.get("download_button")] == [documenten.LABEL_BRIEFING]
    specs, tekst = [], _tekst(at)
    for tab in labels.TABBLADEN_GEMEENTEN:  # each tab, as a reader opens it
        at.session_state[sessie_sleutels.GEMEENTEN_TAB] = tab
        at.run()
        _assert_clean(at)
        specs += _plotly_specs(at)
        tekst += _tekst(at)
    tabel = at.dataframe[0].value.set_index("Gemeente")  # the last tab: the table
    assert tabel.loc["Almelo", "Netto areaal bedrijventerrein"] == "620 ha"
    assert tabel.loc["Losser", "Hard aanbod per 1-1-2023"] == labels.GEEN_OPGAVE
    assert len(specs) == 4
    assert all('"separators":",."' in s for s in specs)
    assert any(labels.KLEUR_SELECTIE in s and "\\u003cb\\u003eAlmelo" in s for s in specs)
    assert [b.label for b in at.get("download_button")] == [documenten.LABEL_BRIEFING, labels.DOWNLOAD_CSV]
    assert "Bron: BIRO, 2024; REB Twente 2040, Tabel 2" in tekst
    assert "Bron: IBIS, 2024; REB Twente 2040, Tabel 8" in tekst
    assert "Het harde aanbod (16,58 ha) ligt binnen de bandbreedte van de vraag (10–40 ha)." in tekst
    assert not at.main.expander[-1].markdown  # 'Opmerkingen bij de cijfers' is built only when opened
    at.session_state[sessie_sleutels.GEMEENTEN_OPMERKINGEN] = True
    at.session_state[sessie_sleutels.GEMEENTEN_PROFIEL] = True
    at.run()
    _assert_clean(at)
    opmerkingen = at.main.expander[-1].markdown[0].value
    assert "3.380" in opmerkingen
    assert opmerkingen.index("**Afrondingen en controles**") < opmerkingen.index("**Wat het rapport niet geeft**")
    assert "Bijlage IV" in "\n".join(el.value for el in at.main.expander[0].caption)  # the profile's source
    assert time.perf_counter() - start < 15


def test_gemeenten_page_without_selection_shows_all_of_twente():
    at = _open("app_pages/gemeenten.py")
    _assert_clean(at)
    assert not at.metric
    assert len(at.info) == 1
    at.session_state[sessie_sleutels.GEMEENTEN_TAB] = "Grootschalige vraag"
    at.run()
    assert any("121" in s and "199" in s and "18.04" in s for s in _plotly_specs(at))
    at.session_state[sessie_sleutels.GEMEENTEN_TAB] = labels.TABBLADEN_GEMEENTEN[-1]
    at.run()
    assert len(at.dataframe[0].value) == 14  # no 15th row for the regional large-scale demand


def test_gemeenten_page_follows_a_new_selection():
    at = _open("app_pages/gemeenten.py", "Almelo")
    at.session_state["gemeente"] = "Enschede"
    at.run()
    _assert_clean(at)
    assert at.subheader[0].value == "Enschede"
    assert {m.label: m.value for m in at.metric}[labels.METRIC_BANEN] == "95.400"


def test_regio_page_renders_every_section():
    start = time.perf_counter()
    at = _open("app_pages/regio.py", "Hengelo")
    _assert_clean(at)
    assert at.title[0].value == labels.PAGINA_REGIO
    assert len(at.subheader) == 5
    specs = _plotly_specs(at)
    assert len(specs) == 5
    assert any("346.500" in s for s in specs)  # Tabel 1 and Figuur 4
    assert any("312.600" in s for s in specs)  # EIB laag 2041
    assert any("221\\u2013443 ha" in s for s in specs)  # Tabel 5 total
    assert any(labels.KLEUR_SELECTIE in s for s in specs)  # Hengelo's campus bar
    tekst = _tekst(at)
    assert tekst.count("Bron:") >= 5
    assert "Chiptech" in "\n".join(specs)
    assert "Niet in de brontekst" in tekst
    overig = at.dataframe[0].value
    assert "33.810 werkzame personen" in overig.iloc[:, 1].tolist()  # HTSM, §2.3
    assert time.perf_counter() - start < 15


@pytest.mark.parametrize("page", ["app_pages/gemeenten.py", "app_pages/regio.py"])
def test_pages_rerun_without_reading_tables(page, monkeypatch):
    """A new selection reruns the page from the process cache; reading a CSV again would be a bug."""
    at = _open(page, "Almelo")
    _assert_clean(at)

    def no_read(*args, **kwargs):
        raise AssertionError(f"table read during a rerun: {args[:1]}")

    monkeypatch.setattr("pandas.read_csv", no_read)
    at.session_state["gemeente"] = "Hengelo"
    at.run()
    _assert_clean(at)
