"""Crafted links: refused values come back as short plain text, Dutch numbers are read, repeats become one."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from reb_maps import labels
from reb_maps.url import MAX_TEKEN, kort, lees_getal
from ui import schaalsprong as view
from ui import state

APP = str(Path(__file__).resolve().parent.parent / "app.py")
SCHAALSPRONG = "app_pages/schaalsprong.py"

AANVALLEN = [
    "[Download het officiële rapport](https://example.org/rapport.pdf)",
    "![x](https://example.org/pixel.png)",
    ":red[**Let op: fraude**]",
    "<b>vet</b><img src=https://example.org/x.png>",
]


@pytest.mark.parametrize(
    ("tekst", "getal"),
    [("55.000", 55_000), ("1.234.567", 1_234_567), ("0,35", 0.35), ("1.234,5", 1234.5), ("2.5", 2.5),
     ("55000", 55_000), (" 7 ", 7), ("-3", -3)],
)  # fmt: skip
def test_nederlandse_notatie_wordt_gelezen(tekst, getal):
    assert lees_getal(tekst) == getal


@pytest.mark.parametrize("tekst", ["1e9", "inf", "nan", "1_000", "55.00.0", "1,2,3", "0x10", "", "12 34", "5,"])
def test_wat_geen_lezer_schrijft_wordt_geweigerd(tekst):
    assert lees_getal(tekst) is None


def test_lange_waarde_wordt_ingekort():
    lang = "x" * 10_000
    assert kort(lang) == "x" * (MAX_TEKEN - 1) + "…"
    assert kort("a\nb\tc\x00d") == "a b c d"  # one line, no control characters


def test_schaalsprong_leest_duizendtallen_en_komma():
    scenario = view.uit_query({"doel": "55.000", "auto": "10.000", "sp_groei": "0,5"})
    assert scenario.meldingen == []
    assert scenario.waarden["banen_doel"] == 55_000
    assert scenario.waarden["banen_autonoom"] == 10_000
    assert scenario.waarden["speerpunten_groei"] == 0.5


@pytest.mark.parametrize("aanval", AANVALLEN)
def test_geweigerde_waarde_blijft_buiten_onze_tekst(aanval):
    scenario = view.uit_query({"doel": aanval})
    (melding,) = scenario.meldingen
    assert "http" not in melding.uitleg and "[" not in melding.uitleg and "<" not in melding.uitleg
    assert melding.waarde_kort == kort(f"doel={aanval}")
    assert len(melding.waarde_kort) <= MAX_TEKEN


def test_onbekende_gemeente_en_achtergrond_worden_genoemd():
    link = state.lees_link({"gemeente": ["Atlantis"], "achtergrond": ["mars"]})
    assert link.gemeente == labels.GEEN_GEMEENTE
    assert link.achtergrond == labels.ACHTERGROND_STANDAARD
    gemeente, achtergrond = link.meldingen
    assert gemeente.waarde_kort == "gemeente=Atlantis"
    assert "veertien Twentse gemeenten" in gemeente.uitleg and labels.GEEN_GEMEENTE in gemeente.uitleg
    assert achtergrond.waarde_kort == "achtergrond=mars"


def test_herhaalde_parameter_laatste_telt_met_melding():
    link = state.lees_link({"gemeente": ["Almelo", "Enschede"]})
    assert link.gemeente == "Enschede"
    assert [m.waarde_kort for m in link.meldingen] == ["gemeente=Almelo & Enschede"]
    assert state.lees_link({"gemeente": ["Almelo", "Almelo"]}).meldingen == []


# --- the app (AppTest) -----------------------------------------------------------------------------


def _app(page: str | None = None, **query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query)
    if page:
        at.switch_page(page)
    return at.run()


def _markdown_everywhere(at: AppTest) -> str:
    kinds = ("markdown", "caption", "warning", "info", "error", "success", "title", "subheader")
    return "\n".join(str(el.value) for kind in kinds for el in at.get(kind))


def test_app_noemt_onbekende_gemeente_als_platte_tekst():
    at = _app(gemeente="Atlantis")
    assert not at.exception
    assert any("veertien Twentse gemeenten" in w.value for w in at.warning)
    assert "In de link: gemeente=Atlantis" in [t.value for t in at.text]
    assert "Atlantis" not in _markdown_everywhere(at)
    assert "gemeente" not in at.query_params  # Heel Twente: the parameter goes
    at.run()  # a rerun that changes nothing (a map click, a layer switched): the notice stays
    assert any("veertien Twentse" in w.value for w in at.warning)
    next(b for b in at.button if b.label == "Melding sluiten").click().run()
    assert not any("veertien Twentse" in w.value for w in at.warning)  # closed by the user


def test_a_link_notice_goes_when_the_view_changes():
    at = _app(gemeente="Atlantis")
    assert any("veertien Twentse" in w.value for w in at.warning)
    at.session_state[state.KEY] = "Almelo"  # the user chose a municipality
    at.run()
    assert not any("veertien Twentse" in w.value for w in at.warning)


def test_app_maakt_herhaalde_parameter_enkel():
    at = _app(gemeente=["Almelo", "Enschede"])
    assert not at.exception
    assert at.session_state[state.KEY] == "Enschede"
    assert at.query_params["gemeente"] == "Enschede"
    assert "In de link: gemeente=Almelo & Enschede" in [t.value for t in at.text]


def test_schaalsprong_toont_aanvallen_als_platte_tekst():
    at = _app(SCHAALSPRONG, doel=AANVALLEN[0], int=AANVALLEN[1], bt=AANVALLEN[2], mkb=AANVALLEN[3] * 300)
    assert not at.exception
    assert len([w for w in at.warning if "ongeldige waarde" in w.value]) == 4
    teksten = [t.value for t in at.text]
    assert f"In de link: {kort('doel=' + AANVALLEN[0])}" in teksten
    assert all(len(t) <= len("In de link: ") + MAX_TEKEN for t in teksten)
    alles = _markdown_everywhere(at)
    assert "example.org" not in alles and "fraude" not in alles and "<b>" not in alles
    for key in ("doel", "int", "bt", "mkb"):
        assert key not in at.query_params  # back to the report's values


def test_schaalsprong_leest_nederlandse_duizendtallen_uit_de_link():
    at = _app(SCHAALSPRONG, doel="65.000")
    assert not at.exception
    assert at.slider(key="ss_doel").value == 65_000
    assert not [w for w in at.warning if "ongeldige" in w.value]
    assert at.query_params["doel"] == "65000"
