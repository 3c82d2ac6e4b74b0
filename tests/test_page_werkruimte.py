"""The page Werkruimte and the 'Bewaar locatie' form in AppTest: list, comment, version conflict, restore,
read-only and unreachable workspace. Each test has its own workspace file (REB_WERKRUIMTE)."""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely
from streamlit.testing.v1 import AppTest

from reb_maps import labels
from reb_maps.werkruimte import Auteur, Werkruimte
from ui import werkruimte as wr

pytestmark = pytest.mark.slow

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE = "app_pages/werkruimte.py"
PIET = Auteur("Piet de Vries")
VIERKANT = shapely.box(250_000, 480_000, 251_000, 481_000)


@pytest.fixture
def ruimte(tmp_path, monkeypatch):
    pad = tmp_path / "werkruimte.sqlite"
    monkeypatch.setenv("REB_WERKRUIMTE", str(pad))
    monkeypatch.delenv("REB_WERKRUIMTE_SCHRIJVEN", raising=False)
    wr.vergeet()
    r = Werkruimte.open(pad)
    yield r
    r.sluit()
    wr.vergeet()


def open_pagina(pagina: str = PAGE, naam: str | None = "Marie Maas", query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.switch_page(pagina)
    at.run()
    if naam:
        at.text_input(key=wr.NAAM_WIDGET).input(naam).run()
    return at


def teksten(at: AppTest) -> list[str]:
    return [t.value for t in at.text] + [c.value for c in at.caption]


def knop(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def test_the_page_lists_saved_locations_and_takes_a_comment(ruimte):
    loc = ruimte.bewaar_locatie("Zoekgebied A1-Borne", VIERKANT, PIET, notitie="<b>geen html</b>")
    at = open_pagina()
    assert not at.exception and labels.FOUTMELDING not in [e.value for e in at.error]
    tabel = at.dataframe[0].value
    assert list(tabel["Naam"]) == ["Zoekgebied A1-Borne"]
    assert tabel["Oppervlakte (ha)"].iloc[0] == 100.0 and tabel["Gemeente(n)"].iloc[0] in {
        "Borne, Hengelo",
        "Hengelo, Borne",
    }
    assert "<b>geen html</b>" in teksten(at)  # a note is plain text, shown as typed
    at.text_area[0].input("Borne wil dit alleen met Hengelo samen")
    knop(at, "Opmerking plaatsen").click().run()
    at.run()  # a newer run right after the click (saved in the button's callback): nothing lost, nothing twice
    (opmerking,) = ruimte.opmerkingen(loc.id)
    assert (opmerking.tekst, opmerking.auteur, opmerking.geverifieerd) == (
        "Borne wil dit alleen met Hengelo samen", "Marie Maas", False)  # fmt: skip


def test_a_conflicting_edit_is_refused_with_who_and_when_and_can_be_kept_as_a_copy(ruimte):
    loc = ruimte.bewaar_locatie("Gedeeld gebied", VIERKANT, PIET)
    at = open_pagina()  # Marie opens version 1
    ruimte.wijzig_locatie(loc.id, 1, PIET, notitie="Piet was eerder")  # meanwhile Piet saves version 2
    at.run()
    naam_veld = next(t for t in at.text_input if t.label == "Naam")
    naam_veld.input("Marie's naam")
    knop(at, "Wijziging bewaren").click().run()
    fouten = [e.value for e in at.error]
    assert any("Piet de Vries" in f and "versie 2" in f for f in fouten), fouten
    assert ruimte.locatie(loc.id).naam == "Gedeeld gebied"  # nothing overwritten
    knop(at, "Bewaar als kopie").click().run()
    namen = sorted(x.naam for x in ruimte.locaties())
    assert namen == ["Gedeeld gebied", "Marie's naam (kopie)"]
    assert ruimte.locatie(loc.id).notitie == "Piet was eerder"


def test_reload_after_a_conflict_shows_the_other_version(ruimte):
    loc = ruimte.bewaar_locatie("Gedeeld gebied", VIERKANT, PIET)
    at = open_pagina()
    ruimte.wijzig_locatie(loc.id, 1, PIET, naam="Piets naam")
    at.run()
    next(t for t in at.text_input if t.label == "Naam").input("Marie's naam")
    knop(at, "Wijziging bewaren").click().run()
    knop(at, "Herladen").click().run()
    assert not at.error
    next(t for t in at.text_input if t.label == "Naam").input("Marie na herladen")
    knop(at, "Wijziging bewaren").click().run()
    assert ruimte.locatie(loc.id).naam == "Marie na herladen" and ruimte.locatie(loc.id).versie == 3


def test_an_earlier_version_is_restored_from_the_history(ruimte):
    loc = ruimte.bewaar_locatie("Eerste naam", VIERKANT, PIET)
    ruimte.wijzig_locatie(loc.id, 1, PIET, naam="Tweede naam")
    at = open_pagina()
    keuze = next(s for s in at.selectbox if s.label == "Eerdere versie")
    assert keuze.options == ["versie 1"]
    knop(at, "Zet deze versie terug").click().run()
    terug = ruimte.locatie(loc.id)
    assert (terug.naam, terug.versie) == ("Eerste naam", 3)
    assert ruimte.geschiedenis(item_id=loc.id)[0].auteur == "Marie Maas"


def test_without_a_name_nothing_is_written(ruimte):
    loc = ruimte.bewaar_locatie("Gebied", VIERKANT, PIET)
    at = open_pagina(naam=None)
    at.text_area[0].input("anoniem")
    knop(at, "Opmerking plaatsen").click().run()
    assert ruimte.opmerkingen(loc.id) == []
    assert any("naam" in w.value for w in at.warning)


def test_a_read_only_workspace_shows_one_banner_and_no_forms(tmp_path, monkeypatch, ruimte):
    ruimte.bewaar_locatie("Alleen lezen", VIERKANT, PIET)
    pad = Path(ruimte.url.database)
    monkeypatch.setenv("REB_WERKRUIMTE", f"sqlite:///{pad}?mode=ro")
    wr.vergeet()
    at = open_pagina(naam=None)
    assert not at.exception
    assert [i.value for i in at.info if "alleen te lezen" in i.value]
    assert list(at.dataframe[0].value["Naam"]) == ["Alleen lezen"]
    assert not [b for b in at.button if b.label in {"Opmerking plaatsen", "Wijziging bewaren"}]


def test_an_unreachable_workspace_leaves_every_page_working(monkeypatch):
    monkeypatch.setenv("REB_WERKRUIMTE", "postgresql+psycopg://niemand@127.0.0.1:1/werkruimte")
    wr.vergeet()
    try:
        for pagina in (PAGE, "app_pages/kaart.py", "app_pages/zoekgebieden.py", "app_pages/gemeenten.py",
                       "app_pages/monitor.py"):
            at = open_pagina(pagina, naam=None)
            assert not at.exception, pagina
            assert labels.FOUTMELDING not in [e.value for e in at.error], pagina
        at = open_pagina(PAGE, naam=None)
        assert [w.value for w in at.warning if w.value.startswith("De werkruimte is niet bereikbaar")]
    finally:
        wr.vergeet()


def test_bewaar_locatie_on_the_test_card_keeps_the_figures(ruimte):
    at = open_pagina("app_pages/zoekgebieden.py", query={"p": "g", "r": "250", "v": "c24500.47800.200", "t": "T1"})
    assert not at.exception
    naam = next(t for t in at.text_input if t.key == "bewaar_naam:toets")
    naam.input("Kandidaat bij Almelo")
    next(t for t in at.text_area if t.key == "bewaar_notitie:toets").input("Eerst met Wierden bespreken")
    knop(at, "Bewaar locatie").click().run()
    at.run()  # a run started by the map (a new view) right after the click: the outcome stays, nothing twice
    assert [s.value for s in at.success] == ["Bewaard in de werkruimte."]
    (loc,) = ruimte.locaties()
    assert (loc.naam, loc.herkomst, loc.notitie, loc.auteur) == (
        "Kandidaat bij Almelo", "getekend", "Eerst met Wierden bespreken", "Marie Maas")  # fmt: skip
    assert loc.toets["profiel"] == "grootschalig"
    assert loc.toets["oppervlakte_ha"] == pytest.approx(loc.oppervlakte_ha, abs=0.05)
    assert {"afstand_afrit_m", "overlap_ha", "principes", "parameters"} <= set(loc.toets)
    # the saved location is now one of the areas to test and compare
    opnieuw = open_pagina("app_pages/zoekgebieden.py", naam=None, query={"p": "g", "r": "250"})
    opties = next(s for s in opnieuw.selectbox if s.key == "zg_toets").options
    assert "Bewaard: Kandidaat bij Almelo" in opties


def test_a_fresh_session_on_a_saved_shape_says_it_is_saved_and_by_whom(ruimte):
    """'Bewaard' comes from the workspace: a new session (a reconnect, a colleague) on the same shape sees it; on
    another shape it does not."""
    circel = {"p": "g", "r": "250", "v": "c24500.47800.200", "t": "T1"}
    at = open_pagina("app_pages/zoekgebieden.py", query=circel)
    next(t for t in at.text_input if t.key == "bewaar_naam:toets").input("Kandidaat bij Almelo")
    knop(at, "Bewaar locatie").click().run()
    (loc,) = ruimte.locaties()
    nieuw = open_pagina("app_pages/zoekgebieden.py", naam=None, query=circel)
    assert not nieuw.exception
    assert [s.value for s in nieuw.success] == ["Bewaard in de werkruimte."]
    regel = next(t.value for t in nieuw.text if t.value.startswith("Kandidaat bij Almelo"))
    assert "Marie Maas (niet geverifieerd)" in regel and ", ".join(loc.gemeenten) in regel
    ander = open_pagina("app_pages/zoekgebieden.py", naam=None, query={**circel, "v": "c24600.47800.200"})
    assert not ander.exception and not ander.success
    knop(ander, "Bewaar locatie").click().run()  # no name yet: refused, and not called saved
    assert not ander.success and [w.value for w in ander.warning if w.value.startswith("Vul eerst")]
    assert len(ruimte.locaties()) == 1


def test_a_shape_drawn_on_the_kaart_is_saved_as_a_location(ruimte):
    at = open_pagina("app_pages/kaart.py")
    assert not at.exception
    # what st_folium reports after the user drew a rectangle (GeoJSON, WGS84) near Borne
    getekend = {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[
        [6.74, 52.30], [6.76, 52.30], [6.76, 52.31], [6.74, 52.31], [6.74, 52.30]]]}}  # fmt: skip
    at.session_state["kaart"] = {"all_drawings": [getekend], "last_active_drawing": getekend}
    at.run()
    next(t for t in at.text_input if t.key == "bewaar_naam:kaart").input("Getekend bij Borne")
    knop(at, "Bewaar locatie").click().run()
    assert [s.value for s in at.success] == ["Bewaard in de werkruimte."]  # the stored shape is the drawn one
    (loc,) = ruimte.locaties()
    assert (loc.naam, loc.herkomst, loc.auteur) == ("Getekend bij Borne", "getekend", "Marie Maas")
    assert 100 < loc.oppervlakte_ha < 200 and "Borne" in loc.gemeenten
