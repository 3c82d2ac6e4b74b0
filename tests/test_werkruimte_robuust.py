"""Faults and load on the workspace: concurrent saves from many processes, concurrent first start, a corrupt or
read-only file, an unreachable server, and PostGIS's typed geometry column."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest
import shapely
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from reb_maps.fouten import AlleenLezen, WerkruimteFout
from reb_maps.werkruimte import Auteur, Werkruimte

JAN = Auteur("Jan Jansen")
VIERKANT = shapely.box(250_000, 480_000, 251_000, 481_000)
PROCESSEN, PER_PROCES = 8, 25


def _bewaar_veel(url: str, nummer: int, start, uit) -> None:
    """One worker process: wait for the others, then save PER_PROCES locations as fast as it can."""
    fouten = []
    try:
        start.wait(timeout=60)
        ruimte = Werkruimte.open(url)  # all at once, on a database without schema
        for i in range(PER_PROCES):
            vak = shapely.box(250_000 + 100 * i, 480_000 + 100 * nummer, 250_090 + 100 * i, 480_090 + 100 * nummer)
            try:
                ruimte.bewaar_locatie(f"P{nummer}-{i}", vak, Auteur(f"Proces {nummer}"))
            except Exception as exc:  # counted, not raised: the test reports every failure
                fouten.append(f"{type(exc).__name__}: {exc}")
        ruimte.sluit()
    except Exception as exc:
        fouten.append(f"{type(exc).__name__}: {exc}")
    uit.put(fouten)


def test_eight_processes_starting_and_saving_at_once_lose_nothing(werkruimte_url):
    """On a new database: all eight open it at once (the migration runs once, under its lock), then save."""
    ctx = multiprocessing.get_context("spawn")
    start, uit = ctx.Barrier(PROCESSEN), ctx.Queue()
    processen = [ctx.Process(target=_bewaar_veel, args=(werkruimte_url, n, start, uit)) for n in range(PROCESSEN)]
    for p in processen:
        p.start()
    fouten = [f for _ in processen for f in uit.get(timeout=240)]
    for p in processen:
        p.join(timeout=60)
    assert fouten == [], fouten[:5]
    assert not any("locked" in f for f in fouten)
    ruimte = Werkruimte.open(werkruimte_url)
    locaties = ruimte.locaties()
    assert len(locaties) == PROCESSEN * PER_PROCES
    assert len({loc.naam for loc in locaties}) == PROCESSEN * PER_PROCES
    assert len(ruimte.geschiedenis(limiet=10_000)) == PROCESSEN * PER_PROCES
    ruimte.sluit()
    with create_engine(werkruimte_url).connect() as c:
        assert c.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1


# ---------- SQLite file faults ----------


def test_a_corrupt_file_is_named_and_never_overwritten(tmp_path):
    kapot = tmp_path / "werkruimte.sqlite"
    inhoud = b"Dit is geen database maar een tekstbestand\n" * 100
    kapot.write_bytes(inhoud)
    with pytest.raises(WerkruimteFout, match=str(kapot)) as fout:
        Werkruimte.open(kapot)
    assert "niet gewijzigd" in str(fout.value)
    assert kapot.read_bytes() == inhoud
    assert sorted(p.name for p in tmp_path.iterdir()) == ["werkruimte.sqlite"]  # no journal, no copy


def test_a_damaged_database_inside_is_named_too(tmp_path):
    pad = tmp_path / "werkruimte.sqlite"
    Werkruimte.open(pad).sluit()
    data = bytearray(pad.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # keep the header, wreck the first page
    pad.write_bytes(bytes(data))
    with pytest.raises(WerkruimteFout, match="beschadigd"):
        Werkruimte.open(pad).locaties()
    assert pad.read_bytes() == bytes(data)


def test_a_read_only_copy_can_be_read_but_not_written(tmp_path):
    pad = tmp_path / "werkruimte.sqlite"
    r = Werkruimte.open(pad)
    r.bewaar_locatie("Bestaand", VIERKANT, JAN)
    r.sluit()
    alleen = Werkruimte.open(f"sqlite:///{pad}?mode=ro")
    assert alleen.alleen_lezen
    assert [loc.naam for loc in alleen.locaties()] == ["Bestaand"]
    with pytest.raises(AlleenLezen, match="alleen gelezen"):
        alleen.bewaar_locatie("Nieuw", VIERKANT, JAN)
    alleen.sluit()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a read-only file; the ?mode=ro test covers this")
def test_a_file_without_write_permission_is_opened_read_only(tmp_path):
    pad = tmp_path / "werkruimte.sqlite"
    Werkruimte.open(pad).sluit()
    pad.chmod(0o444)
    r = Werkruimte.open(pad)
    assert r.alleen_lezen and "alleen-lezen" in r.reden_alleen_lezen


def test_a_folder_that_cannot_be_created_is_a_dutch_error(tmp_path):
    (tmp_path / "bestand").write_text("x")
    with pytest.raises(WerkruimteFout, match="kan niet worden aangemaakt"):
        Werkruimte.open(tmp_path / "bestand" / "werkruimte.sqlite")


def test_default_file_and_environment(monkeypatch, tmp_path):
    from reb_maps.werkruimte import adres

    monkeypatch.delenv(adres.OMGEVING, raising=False)
    assert adres.bepaal().database == str(adres.STANDAARD_BESTAND)
    assert adres.STANDAARD_BESTAND.parent.name == "var"
    monkeypatch.setenv(adres.OMGEVING, str(tmp_path / "x.sqlite"))
    assert adres.bepaal().database == str(tmp_path / "x.sqlite")
    monkeypatch.setenv(adres.OMGEVING, "postgresql://u:geheim@db.example/werk")
    url = adres.bepaal()
    assert url.drivername == "postgresql+psycopg" and "geheim" not in adres.leesbaar(url)
    assert "var/" in (Path(__file__).resolve().parent.parent / ".gitignore").read_text()


# ---------- PostgreSQL ----------


def test_an_unreachable_server_is_one_dutch_message():
    with pytest.raises(WerkruimteFout, match="De werkruimte is niet bereikbaar"):
        Werkruimte.open("postgresql+psycopg://niemand@127.0.0.1:1/werkruimte")


def _alleen_postgis(url: str) -> None:
    if make_url(url).get_backend_name() != "postgresql":
        pytest.skip("alleen voor PostGIS")


def test_postgis_holds_typed_geometry_with_a_spatial_index(werkruimte_url):
    _alleen_postgis(werkruimte_url)
    r = Werkruimte.open(werkruimte_url)
    r.bewaar_locatie("Vlak", VIERKANT, JAN)
    r.bewaar_locatie("Punt", shapely.Point(258_000, 471_500), JAN)
    with create_engine(werkruimte_url).connect() as c:
        assert c.execute(text("SELECT Find_SRID('public', 'locaties', 'geometrie')")).scalar() == 28992
        soorten = c.execute(text("SELECT GeometryType(geometrie), ST_Area(geometrie) FROM locaties ORDER BY naam"))
        assert [(s, round(a)) for s, a in soorten] == [("POINT", 0), ("POLYGON", 1_000_000)]
        index = c.execute(text("SELECT indexdef FROM pg_indexes WHERE tablename = 'locaties'")).scalars().all()
        assert any("gist" in i.lower() and "geometrie" in i for i in index)
        # QGIS finds the layer through PostGIS's catalogue
        assert c.execute(text("SELECT srid FROM geometry_columns WHERE f_table_name = 'locaties'")).scalar() == 28992
    r.sluit()


def test_a_read_only_database_is_reported_as_such(werkruimte_url):
    _alleen_postgis(werkruimte_url)
    Werkruimte.open(werkruimte_url).sluit()
    naam = make_url(werkruimte_url).database
    with create_engine(werkruimte_url, isolation_level="AUTOCOMMIT").connect() as c:
        c.execute(text(f'ALTER DATABASE "{naam}" SET default_transaction_read_only = on'))
    r = Werkruimte.open(werkruimte_url)
    assert r.locaties() == []
    with pytest.raises(AlleenLezen):
        r.bewaar_locatie("Nieuw", VIERKANT, JAN)
    r.sluit()
