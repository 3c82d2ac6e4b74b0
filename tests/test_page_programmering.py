"""The page Programmering in AppTest: a variant from the report, copy, vaststellen, a refused import, and the
balance on screen equal to the engine's."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from reb_maps import labels
from reb_maps.programmering import varianten
from reb_maps.programmering.regels import Regel
from reb_maps.werkruimte import Auteur, Werkruimte
from ui import werkruimte as wr

pytestmark = pytest.mark.slow
APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE = "app_pages/programmering.py"


@pytest.fixture
def ruimte(tmp_path, monkeypatch):
    pad = tmp_path / "werkruimte.sqlite"
    monkeypatch.setenv("REB_WERKRUIMTE", str(pad))
    wr.vergeet()
    r = Werkruimte.open(pad)
    yield r
    r.sluit()
    wr.vergeet()


def open_pagina(naam: str | None = "Marie Maas") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page(PAGE)
    at.run()
    if naam:
        at.text_input(key=wr.NAAM_WIDGET).input(naam).run()
    return at


def knop(at, label):
    return next(b for b in at.button if b.label == label)


def tabel(at, index_naam: str):
    return next(t.value for t in at.table if t.value.index.name == index_naam)


def test_a_variant_from_the_report_shows_tabel_10s_balance(ruimte):
    at = open_pagina()
    assert not at.exception and labels.FOUTMELDING not in [e.value for e in at.error]
    at.text_input(key="prog_nieuw_naam").input("Voorstel AO november 2026").run()
    knop(at, "Variant maken").click().run()
    (v,) = varianten.varianten(ruimte)
    assert v.naam == "Voorstel AO november 2026" and v.auteur == "Marie Maas" and len(v.regels) >= 14
    balans = tabel(at, "Gemeente")
    assert balans.loc["Almelo", "Aanbod tot 2040"] == "16,58 ha"  # Tabel 10's hard supply, as the report gives it
    assert balans.loc["Almelo", "Vraag tot 2040"] == "10–40 ha"
    assert balans.loc["Almelo", "Stoplicht"] == "Oranje"
    assert balans.loc["Haaksbergen", "Stoplicht"] == "Rood"  # 0,58 ha < 5 ha
    assert balans.loc["Twenterand", "Stoplicht"] == "Groen"  # 12,85 ha ≥ 10 ha


def test_copy_then_compare_and_vaststellen(ruimte):
    v = varianten.nieuw(ruimte, "A", [Regel("Almelo", "Kavel", "overig", 5.0, "hard", "2027–2030")], Auteur("Jan"))
    varianten.kopieer(ruimte, v, "B", Auteur("Jan"))
    b = varianten.variant(ruimte, "B")
    varianten.wijzig_regels(ruimte, b, [Regel("Almelo", "Kavel", "overig", 45.0, "hard", "2027–2030")], Auteur("Jan"))
    at = open_pagina()
    at.selectbox(key="prog_a").set_value(varianten.variant(ruimte, "A").id).run()
    at.selectbox(key="prog_b").set_value(b.id).run()
    vergelijk = tabel(at, "Gemeente")
    if "Aanbod A" not in vergelijk.columns:  # the balance table also has index 'Gemeente': take the other one
        vergelijk = next(t.value for t in at.table if "Aanbod A" in t.value.columns)
    assert (vergelijk.loc["Almelo", "Aanbod A"], vergelijk.loc["Almelo", "Aanbod B"]) == ("5,00 ha", "45,00 ha")
    assert vergelijk.loc["Almelo", "Verschil (B − A)"] == "+40,00 ha"
    assert (vergelijk.loc["Almelo", "Stoplicht A"], vergelijk.loc["Almelo", "Stoplicht B"]) == ("Rood", "Groen")
    knop(at, "Ja, vaststellen").click().run()
    assert any(v.vastgesteld for v in varianten.varianten(ruimte))


def test_starting_from_excel_offers_the_empty_template_and_saves_nothing_yet(ruimte):
    at = open_pagina()
    at.text_input(key="prog_nieuw_naam").input("Uit Excel").run()
    at.radio(key="prog_nieuw_bron").set_value("Uit een Excel-invulblad").run()
    assert any(b.label == "Leeg invulblad (Excel)" for b in at.get("download_button"))
    knop(at, "Variant maken").click().run()
    assert [w.value for w in at.warning if "invulblad" in w.value]
    assert varianten.varianten(ruimte) == []  # (the upload itself: tests/browser/test_programmering_browser.py)


def test_a_conflicting_save_names_who_and_can_be_kept_as_a_copy(ruimte):
    regels = [Regel("Almelo", "Kavel", "overig", 5.0, "hard", "2027–2030")]
    v = varianten.nieuw(ruimte, "Gedeeld voorstel", regels, Auteur("Jan"))
    at = open_pagina()  # Marie starts from version 1
    varianten.wijzig_regels(ruimte, v, [*regels, Regel("Borne", "Zenderen", "overig", 2.0, "zacht", "2031–2040")],
                            Auteur("Piet de Vries"))  # fmt: skip
    at.run()
    knop(at, "Wijzigingen bewaren").click().run()
    assert any("Piet de Vries" in e.value and "versie 2" in e.value for e in at.error), [e.value for e in at.error]
    assert len(varianten.variant(ruimte, v.id).regels) == 2  # Piet's version stands
    knop(at, "Bewaar als kopie").click().run()
    namen = sorted(x.naam for x in varianten.varianten(ruimte))
    assert len(namen) == 2 and namen[0] == "Gedeeld voorstel" and namen[1].startswith("Gedeeld voorstel (Marie Maas")
