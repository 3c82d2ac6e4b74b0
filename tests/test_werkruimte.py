"""The workspace store on both backends (SQLite file and PostgreSQL + PostGIS): one suite, one parameter.

`werkruimte_url` (tests/conftest.py) gives a fresh empty database per test: an SQLite file, or a new database in
the throw-away PostGIS cluster that .ci/run starts.
"""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely
from sqlalchemy import create_engine, text

from reb_maps.fouten import OngeldigeInvoer, VersieConflict
from reb_maps.geodata import load_analysis_layer
from reb_maps.werkruimte import Auteur, Werkruimte

JAN = Auteur("Jan Jansen")
PIET = Auteur("Piet de Vries", email="piet@example.nl", geverifieerd=True)
# A 1 km square on the border of Borne and Hengelo (RD New): 100 ha exactly.
VIERKANT = shapely.box(250_000, 480_000, 251_000, 481_000)


@pytest.fixture
def ruimte(werkruimte_url):
    r = Werkruimte.open(werkruimte_url)
    yield r
    r.sluit()


def _gemeenten_onafhankelijk(geom) -> list[str]:
    """The municipalities a shape overlaps, largest first — by a geopandas overlay, not the store's code."""
    gemeenten = load_analysis_layer("gemeenten")
    vlak = gpd.GeoDataFrame(geometry=[geom], crs=gemeenten.crs)
    delen = gpd.overlay(gemeenten[["gemeente", "geometry"]], vlak, how="intersection")
    delen["ha"] = delen.area / 10_000
    return list(delen[delen.ha > 0.0001].sort_values("ha", ascending=False).gemeente)


def test_opening_creates_and_migrates_once(werkruimte_url):
    eerste = Werkruimte.open(werkruimte_url)
    tweede = Werkruimte.open(werkruimte_url)  # a second process on the same database: nothing to migrate
    with create_engine(tweede.url).connect() as c:
        versies = c.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    assert versies == ["0003"]  # the newest migration (0003: monitor)
    assert eerste.locaties() == tweede.locaties() == []
    eerste.sluit()
    tweede.sluit()


def test_a_saved_location_knows_its_area_and_municipalities(ruimte):
    loc = ruimte.bewaar_locatie("Zoekgebied A1-zone", VIERKANT, JAN, notitie="Borne wil dit alleen met Hengelo samen")
    assert loc.oppervlakte_ha == pytest.approx(100.0)
    assert list(loc.gemeenten) == _gemeenten_onafhankelijk(VIERKANT)
    assert set(loc.gemeenten) == {"Borne", "Hengelo"}
    assert (loc.versie, loc.auteur, loc.geverifieerd, loc.herkomst) == (1, "Jan Jansen", False, "getekend")
    terug = ruimte.locatie(loc.id)
    assert terug.geometrie.equals(VIERKANT)
    assert terug.notitie == "Borne wil dit alleen met Hengelo samen"


def test_a_point_lies_in_one_municipality(ruimte):
    punt = shapely.Point(257_500, 471_000)
    loc = ruimte.bewaar_locatie("Punt", punt, PIET, herkomst="rapport")
    gemeenten = load_analysis_layer("gemeenten")
    assert list(loc.gemeenten) == list(gemeenten[gemeenten.covers(punt)].gemeente)
    assert loc.oppervlakte_ha is None and loc.geverifieerd


def test_the_test_cards_figures_are_kept_as_saved(ruimte):
    figuren = {
        "profiel": "grootschalig",
        "oppervlakte_ha": 100.0,
        "afstand_afrit_m": 1234.5,
        "principes": [{"naam": "Bij een afrit", "voldaan": True, "waarde": "1,2 km"}],
    }
    loc = ruimte.bewaar_locatie("Met toets", VIERKANT, JAN, toets=figuren)
    assert ruimte.locatie(loc.id).toets == figuren


@pytest.mark.parametrize(
    ("naam", "geom", "melding"),
    [
        ("", VIERKANT, "naam is leeg"),
        ("x" * 201, VIERKANT, "te lang"),
        ("Lijn", shapely.LineString([(250_000, 480_000), (251_000, 481_000)]), "vlak of een punt"),
        ("WGS84", shapely.box(6.6, 52.2, 6.7, 52.3), "niet in Nederland"),
        ("Leeg", shapely.Polygon(), "geen geometrie"),
    ],
)
def test_bad_input_is_refused_in_dutch(ruimte, naam, geom, melding):
    with pytest.raises(OngeldigeInvoer, match=melding):
        ruimte.bewaar_locatie(naam, geom, JAN)
    assert ruimte.locaties() == []


def test_every_change_writes_history_and_deleting_only_marks(ruimte):
    loc = ruimte.bewaar_locatie("Eerste naam", VIERKANT, JAN)
    ruimte.wijzig_locatie(loc.id, 1, PIET, naam="Tweede naam")
    ruimte.verwijder("locatie", loc.id, 2, JAN)
    assert ruimte.locaties() == []
    weg = ruimte.locaties(verwijderd=True)
    assert [(w.naam, w.verwijderd, w.versie) for w in weg] == [("Tweede naam", True, 3)]
    ruimte.herstel("locatie", loc.id, 3, JAN)
    historie = ruimte.geschiedenis(item_id=loc.id)
    assert [(w.actie, w.versie, w.auteur) for w in historie] == [
        ("hersteld", 4, "Jan Jansen"),
        ("verwijderd", 3, "Jan Jansen"),
        ("gewijzigd", 2, "Piet de Vries"),
        ("aangemaakt", 1, "Jan Jansen"),
    ]
    gewijzigd = historie[2]
    assert (gewijzigd.voor["naam"], gewijzigd.na["naam"]) == ("Eerste naam", "Tweede naam")
    assert gewijzigd.geverifieerd is True


def test_a_second_save_of_the_same_version_is_refused_never_overwritten(werkruimte_url):
    a, b = Werkruimte.open(werkruimte_url), Werkruimte.open(werkruimte_url)  # two workers
    loc = a.bewaar_locatie("Gedeeld", VIERKANT, JAN)
    geladen_door_b = b.locatie(loc.id)
    a.wijzig_locatie(loc.id, 1, PIET, notitie="Piet was eerst")
    with pytest.raises(VersieConflict) as fout:
        b.wijzig_locatie(loc.id, geladen_door_b.versie, JAN, notitie="Jan wil overschrijven")
    assert "Piet de Vries" in str(fout.value) and "versie 2" in str(fout.value)
    assert fout.value.door == "Piet de Vries" and fout.value.versie == 2
    assert a.locatie(loc.id).notitie == "Piet was eerst"
    assert len(a.geschiedenis(item_id=loc.id)) == 2
    a.sluit()
    b.sluit()


def test_an_earlier_version_comes_back_as_a_new_version(ruimte):
    loc = ruimte.bewaar_locatie("Origineel", VIERKANT, JAN, notitie="eerste notitie")
    groter = shapely.box(250_000, 480_000, 252_000, 481_000)
    ruimte.wijzig_locatie(loc.id, 1, PIET, naam="Aangepast", geometrie=groter)
    assert ruimte.locatie(loc.id).oppervlakte_ha == pytest.approx(200.0)
    assert ruimte.zet_terug("locatie", loc.id, 1, 2, JAN) == 3
    terug = ruimte.locatie(loc.id)
    assert (terug.naam, terug.notitie, terug.versie) == ("Origineel", "eerste notitie", 3)
    assert terug.geometrie.equals(VIERKANT) and terug.oppervlakte_ha == pytest.approx(100.0)
    assert [w.actie for w in ruimte.geschiedenis(item_id=loc.id)] == ["teruggezet", "gewijzigd", "aangemaakt"]
    with pytest.raises(VersieConflict):  # restoring from a stale page is a conflict too
        ruimte.zet_terug("locatie", loc.id, 2, 2, JAN)


def test_comments_are_counted_and_kept_in_order(ruimte):
    loc = ruimte.bewaar_locatie("Met opmerkingen", VIERKANT, JAN)
    ruimte.opmerking_toevoegen(loc.id, "Borne wil dit alleen met Hengelo samen", PIET)
    ruimte.opmerking_toevoegen(loc.id, "<script>alert(1)</script> blijft tekst", JAN)
    assert ruimte.locaties()[0].opmerkingen == 2
    assert [o.tekst for o in ruimte.opmerkingen(loc.id)] == [
        "Borne wil dit alleen met Hengelo samen",
        "<script>alert(1)</script> blijft tekst",
    ]
    ruimte.verwijder("locatie", loc.id, 1, JAN)
    with pytest.raises(OngeldigeInvoer, match="bestaat niet"):
        ruimte.opmerking_toevoegen(loc.id, "te laat", JAN)


def test_filters_by_municipality_and_author(ruimte):
    ruimte.bewaar_locatie("In Borne/Hengelo", VIERKANT, JAN)
    ruimte.bewaar_locatie("In Enschede", shapely.Point(258_000, 471_500), PIET)
    assert [loc.naam for loc in ruimte.locaties(gemeente="Borne")] == ["In Borne/Hengelo"]
    assert [loc.naam for loc in ruimte.locaties(auteur="Piet de Vries")] == ["In Enschede"]


def test_views_and_kept_layers(ruimte):
    w = ruimte.bewaar_weergave("AO 12 december: drie kandidaten", "zoekgebieden", "p=grootschalig&t=G01", JAN)
    assert [(x.titel, x.pagina, x.link) for x in ruimte.weergaven()] == [
        ("AO 12 december: drie kandidaten", "zoekgebieden", "p=grootschalig&t=G01")
    ]
    frame = gpd.GeoDataFrame(
        {"naam": ["Kavel 1", "Kavel 2"]},
        geometry=[VIERKANT, shapely.box(252_000, 480_000, 252_500, 480_500)],
        crs=28992,
    )
    laag = ruimte.bewaar_laag("IBIS Borne", frame, "ibis.gpkg", PIET, max_bytes=10_000_000)
    assert (laag.aantal, laag.naam) == (2, "IBIS Borne")
    terug = ruimte.laag_data(laag.id)
    assert list(terug.naam) == ["Kavel 1", "Kavel 2"]
    assert terug.geometry.iloc[0].equals(VIERKANT) and terug.crs.to_epsg() == 28992
    with pytest.raises(OngeldigeInvoer, match="te groot"):
        ruimte.bewaar_laag("Te groot", frame, "x.gpkg", PIET, max_bytes=100)
    ruimte.verwijder("weergave", w.id, 1, JAN)
    assert ruimte.weergaven() == [] and len(ruimte.weergaven(verwijderd=True)) == 1


def test_stamp_changes_with_every_change(ruimte):
    leeg = ruimte.stempel()
    loc = ruimte.bewaar_locatie("A", VIERKANT, JAN)
    na_bewaren = ruimte.stempel()
    ruimte.opmerking_toevoegen(loc.id, "eerste", JAN)
    na_opmerking = ruimte.stempel()
    ruimte.wijzig_locatie(loc.id, 1, JAN, notitie="x")
    assert len({leeg, na_bewaren, na_opmerking, ruimte.stempel()}) == 4


def test_another_workers_change_shows_in_the_stamp_once_it_is_no_longer_trusted(ruimte, monkeypatch):
    """Every page run asks for the stamp; it is read from the database at most once per STEMPEL_GELDIG_S, so a
    colleague's save on another worker shows up after that time and one's own save at once."""
    from reb_maps.werkruimte import opslag

    klok = [1000.0]
    monkeypatch.setattr(opslag, "_klok", lambda: klok[0])
    andere = Werkruimte.open(ruimte.url)  # another worker of the same `make serve`
    voor = ruimte.stempel()
    andere.bewaar_locatie("Van de buren", VIERKANT, JAN)
    klok[0] += opslag.STEMPEL_GELDIG_S / 2
    assert ruimte.stempel() == voor  # still trusted: no query
    klok[0] += opslag.STEMPEL_GELDIG_S
    na_andere = ruimte.stempel()
    assert na_andere != voor
    ruimte.bewaar_locatie("Eigen", VIERKANT, JAN)  # no time passes: one's own write is seen at once
    assert ruimte.stempel() != na_andere
    assert ruimte.stempel(("peiljaar",)) != ruimte.stempel()  # kept per set of kinds
