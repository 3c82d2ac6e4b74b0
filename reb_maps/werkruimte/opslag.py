"""The workspace store: open (and migrate) the database, write with history and optimistic locking, read records.

One interface for both backends. SQLite (the default file): WAL mode, a busy timeout, and every writing
transaction starts with `BEGIN IMMEDIATE`, so concurrent writers queue for the lock instead of failing halfway
with "database is locked". PostgreSQL + PostGIS (shared by all workers): the same statements; the version check
is part of each UPDATE (`WHERE versie = :verwacht`), so two saves of the same item can never both win.

Nothing is lost: every write adds a `geschiedenis` row (who, when, before and after) in the same transaction;
deleting marks; an earlier version can be put back (as a new version).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import shapely
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, func, select, update
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError, SQLAlchemyError
from sqlalchemy.orm import Session

from reb_maps.crs import RD
from reb_maps.fouten import AlleenLezen, OngeldigeInvoer, VersieConflict, WerkruimteFout
from reb_maps.werkruimte import adres, records
from reb_maps.werkruimte.model import (
    GeschiedenisRij,
    LaagRij,
    LocatieRij,
    OpmerkingRij,
    PeiljaarRij,
    VariantRij,
    WeergaveRij,
)
from reb_maps.werkruimte.records import Auteur, Laag, Locatie, Opmerking, Weergave, Wijziging

log = logging.getLogger(__name__)

MIGRATIES = Path(__file__).resolve().parent / "migraties"
MODELLEN = {"locatie": LocatieRij, "opmerking": OpmerkingRij, "weergave": WeergaveRij, "laag": LaagRij,
            "variant": VariantRij, "peiljaar": PeiljaarRij}  # fmt: skip
# The fields a user's change can touch, per kind (what history records and what a restore puts back).
VELDEN = {
    "locatie": ("naam", "geometrie", "herkomst", "gemeenten", "oppervlakte_ha", "notitie", "toets"),
    "opmerking": ("locatie_id", "tekst"),
    "weergave": ("titel", "pagina", "link"),
    "laag": ("naam", "bestandsnaam", "aantal", "bytes"),
    "variant": ("naam", "status", "toelichting", "regels", "bron_variant"),
    "peiljaar": ("soort", "jaar", "bron", "bestandsnaam", "aantal", "totalen", "notities"),
}
PG_SLOT = 7_202_740  # pg_advisory_xact_lock key: one process migrates at a time
SQLITE_WACHTTIJD_S = 30
# How long a stamp read from the database is trusted. Every page run asks for one or two stamps; twenty sessions
# opening at once made those queries a fifth of the process's Python time (bench_load --overleg). A change made
# in this process is seen at once (a write forgets the stamps); one made by another worker within this time.
STEMPEL_GELDIG_S = 1.0
_klok = time.monotonic  # tests set the clock


def nu() -> datetime:
    return datetime.now(UTC)


def _als_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite returns naive datetimes


class Werkruimte:
    """The overleg's shared memory. Open with `Werkruimte.open(url_of_pad)`; all methods are thread-safe."""

    def __init__(self, url: URL, schrijf: Engine, lees: Engine, alleen_lezen: bool, reden: str | None = None):
        self.url = url
        self._schrijf = schrijf
        self._lees = lees
        self.alleen_lezen = alleen_lezen
        self.reden_alleen_lezen = reden
        self._stempels: dict[tuple[str, ...], tuple[float, str]] = {}  # kinds → (read at, stamp)
        self._schrijfronde = 0  # counts writes: a stamp read while a write committed is not kept
        self._stempel_lock = threading.Lock()

    # ---------- opening ----------

    @classmethod
    def open(cls, waarde: str | Path | URL | None = None, migreren: bool = True) -> Werkruimte:
        url = waarde if isinstance(waarde, URL) else adres.bepaal(waarde)
        alleen_lezen, reden = False, None
        bestand = adres.sqlite_bestand(url)
        if bestand is not None:
            alleen_lezen, reden = _controleer_bestand(bestand, adres.alleen_lezen_gevraagd(url))
        schrijf, lees = _engine(url, schrijven=True), _engine(url, schrijven=False)
        ruimte = cls(url, schrijf, lees, alleen_lezen, reden)
        try:
            if migreren:
                ruimte._migreer()
            else:
                ruimte._controleer_schema()
        except Exception:
            ruimte.sluit()
            raise
        return ruimte

    @property
    def naam(self) -> str:
        return adres.leesbaar(self.url)

    @property
    def postgis(self) -> bool:
        return self.url.get_backend_name() == "postgresql"

    def sluit(self) -> None:
        self._schrijf.dispose()
        self._lees.dispose()

    def _migreer(self) -> None:
        """Bring the schema to the newest migration; idempotent, one process at a time."""
        if self.alleen_lezen:
            self._controleer_schema()
            return
        with self._fouten(), self._schrijf.begin() as verbinding:
            if self.postgis:
                verbinding.execute(select(func.pg_advisory_xact_lock(PG_SLOT)))
            if _revisie(verbinding) == _kop():
                return
            config = Config()
            config.set_main_option("script_location", str(MIGRATIES))
            config.attributes["connection"] = verbinding
            command.upgrade(config, "head")
            log.info("werkruimte %s bijgewerkt naar schema %s", self.naam, _kop())

    def _controleer_schema(self) -> None:
        with self._fouten(), self._lees.connect() as verbinding:
            revisie = _revisie(verbinding)
        if revisie != _kop():
            raise WerkruimteFout(
                f"de werkruimte {self.naam} heeft nog niet het nieuwste schema en kan alleen gelezen worden "
                "als de app haar mag bijwerken"
            )

    # ---------- transactions ----------

    @contextlib.contextmanager
    def _fouten(self) -> Iterator[None]:
        """Database errors → one Dutch WerkruimteFout (the original stays chained for the log)."""
        try:
            yield
        except (WerkruimteFout, OngeldigeInvoer):
            raise
        except SQLAlchemyError as exc:
            raise _vertaal(exc, self.naam) from exc
        except sqlite3.DatabaseError as exc:
            raise _vertaal(exc, self.naam) from exc

    @contextlib.contextmanager
    def _schrijven(self) -> Iterator[Session]:
        if self.alleen_lezen:
            raise AlleenLezen(f"De werkruimte kan alleen gelezen worden: {self.reden_alleen_lezen}")
        try:
            with self._fouten(), Session(self._schrijf, expire_on_commit=False) as sessie, sessie.begin():
                yield sessie
        finally:
            self._vergeet_stempels()

    def _vergeet_stempels(self) -> None:
        with self._stempel_lock:
            self._schrijfronde += 1
            self._stempels.clear()

    @contextlib.contextmanager
    def _lezen(self) -> Iterator[Session]:
        with self._fouten(), Session(self._lees) as sessie:
            yield sessie

    # ---------- the generic write path ----------

    def _nieuw(
        self,
        sessie: Session,
        soort: str,
        auteur: Auteur,
        waarden: Mapping[str, Any],
        item_id: str | None = None,
        actie: str = "aangemaakt",
    ) -> Any:
        moment = nu()
        rij = MODELLEN[soort](
            id=item_id or str(uuid.uuid4()),
            versie=1,
            auteur=auteur.naam,
            auteur_email=auteur.email,
            geverifieerd=auteur.geverifieerd,
            aangemaakt=moment,
            gewijzigd=moment,
            gewijzigd_door=auteur.naam,
            verwijderd=False,
            **waarden,
        )
        sessie.add(rij)
        sessie.add(_historie(soort, rij.id, 1, actie, auteur, moment, None, _momentopname(soort, rij)))
        sessie.flush()
        return rij

    def _wijzig(
        self,
        sessie: Session,
        soort: str,
        item_id: str,
        verwacht: int,
        auteur: Auteur,
        waarden: Mapping[str, Any],
        actie: str = "gewijzigd",
    ) -> Any:
        model = MODELLEN[soort]
        rij = sessie.get(model, item_id)
        if rij is None:
            raise OngeldigeInvoer(f"{records.SOORTEN[soort].lower()} '{item_id}' bestaat niet")
        if rij.versie != verwacht:
            raise _conflict(soort, rij)
        voor = _momentopname(soort, rij)
        moment = nu()
        resultaat = sessie.execute(
            update(model)
            .where(model.id == item_id, model.versie == verwacht)
            .values(versie=verwacht + 1, gewijzigd=moment, gewijzigd_door=auteur.naam, **waarden)
            .execution_options(synchronize_session=False)
        )
        if resultaat.rowcount != 1:  # someone saved between our read and our write
            sessie.rollback()
            raise _conflict(soort, self._rij(soort, item_id))
        sessie.expire(rij)
        rij = sessie.get(model, item_id)
        sessie.add(_historie(soort, item_id, rij.versie, actie, auteur, moment, voor, _momentopname(soort, rij)))
        return rij

    def _rij(self, soort: str, item_id: str) -> Any:
        with self._lezen() as sessie:
            return sessie.get(MODELLEN[soort], item_id)

    def stempel(self, soorten: tuple[str, ...] = ("locatie", "opmerking")) -> str:
        """Changes whenever an item of these kinds is saved, changed, deleted or restored (cheap: one aggregate
        per kind — count, last change, sum of versions — so a page can key its caches on it every rerun).

        Read from the database at most once per `STEMPEL_GELDIG_S` per kinds; this process's own writes are seen
        at once."""
        moment = _klok()
        with self._stempel_lock:
            bekend = self._stempels.get(soorten)
            if bekend is not None and moment - bekend[0] < STEMPEL_GELDIG_S:
                return bekend[1]
            ronde = self._schrijfronde
        waarde = self._lees_stempel(soorten)
        with self._stempel_lock:
            if ronde == self._schrijfronde:  # no write finished meanwhile: the value is current
                self._stempels[soorten] = (moment, waarde)
        return waarde

    def _lees_stempel(self, soorten: tuple[str, ...]) -> str:
        with self._lezen() as sessie:
            delen = [
                sessie.execute(select(func.count(), func.max(model.gewijzigd), func.sum(model.versie))).one()
                for model in (MODELLEN[soort] for soort in soorten)
            ]
        return "|".join(f"{n}:{t}:{v}" for n, t, v in delen)

    # ---------- locations ----------

    def bewaar_locatie(
        self,
        naam: str,
        geometrie,
        auteur: Auteur,
        herkomst: str = "getekend",
        notitie: str | None = None,
        toets: Mapping[str, Any] | None = None,
    ) -> Locatie:
        waarden = _locatie_waarden(naam, geometrie, herkomst, notitie, toets)
        return _locatie(self.nieuw_item("locatie", waarden, auteur), 0)

    def wijzig_locatie(
        self,
        item_id: str,
        verwacht: int,
        auteur: Auteur,
        *,
        naam: str | None = None,
        notitie: str | None = None,
        geometrie=None,
    ) -> Locatie:
        huidig = self.locatie(item_id)
        waarden: dict[str, Any] = {}
        if naam is not None:
            waarden["naam"] = records.tekst(naam, "naam", records.MAX_NAAM)
        if notitie is not None:
            waarden["notitie"] = records.tekst(notitie, "notitie", records.MAX_NOTITIE, leeg_mag=True) or None
        if geometrie is not None:
            nieuw = _locatie_waarden(huidig.naam, geometrie, huidig.herkomst, None, None)
            waarden.update(
                geometrie=nieuw["geometrie"],
                gemeenten=nieuw["gemeenten"],
                oppervlakte_ha=nieuw["oppervlakte_ha"],
                toets=None,
            )
        with self._schrijven() as sessie:
            rij = self._wijzig(sessie, "locatie", item_id, verwacht, auteur, waarden)
            aantal = _aantal_opmerkingen(sessie, [item_id]).get(item_id, 0)
        return _locatie(rij, aantal)

    def locatie(self, item_id: str) -> Locatie:
        with self._lezen() as sessie:
            rij = sessie.get(LocatieRij, item_id)
            if rij is None:
                raise OngeldigeInvoer(f"locatie '{item_id}' bestaat niet")
            return _locatie(rij, _aantal_opmerkingen(sessie, [item_id]).get(item_id, 0))

    def locaties(
        self, *, gemeente: str | None = None, auteur: str | None = None, verwijderd: bool = False
    ) -> list[Locatie]:
        """Saved locations, newest change first (deleted ones only with `verwijderd=True`)."""
        with self._lezen() as sessie:
            vraag = _nieuwste_eerst(LocatieRij, verwijderd)
            if auteur:
                vraag = vraag.where(LocatieRij.auteur == auteur)
            rijen = sessie.scalars(vraag).all()
            aantallen = _aantal_opmerkingen(sessie, None)
        uit = [_locatie(r, aantallen.get(r.id, 0)) for r in rijen]
        return [loc for loc in uit if gemeente in loc.gemeenten] if gemeente else uit

    # ---------- comments ----------

    def opmerking_toevoegen(self, locatie_id: str, tekst: str, auteur: Auteur) -> Opmerking:
        waarden = {"locatie_id": locatie_id, "tekst": records.tekst(tekst, "opmerking", records.MAX_OPMERKING)}
        with self._schrijven() as sessie:
            locatie = sessie.get(LocatieRij, locatie_id)
            if locatie is None or locatie.verwijderd:
                raise OngeldigeInvoer("deze locatie bestaat niet (meer); de opmerking is niet bewaard")
            rij = self._nieuw(sessie, "opmerking", auteur, waarden)
        return _record(Opmerking, rij)

    def opmerkingen(self, locatie_id: str | None = None, verwijderd: bool = False) -> list[Opmerking]:
        """Comments, oldest first (the order of the meeting)."""
        with self._lezen() as sessie:
            vraag = select(OpmerkingRij).order_by(OpmerkingRij.aangemaakt, OpmerkingRij.id)
            if locatie_id:
                vraag = vraag.where(OpmerkingRij.locatie_id == locatie_id)
            if not verwijderd:
                vraag = vraag.where(OpmerkingRij.verwijderd.is_(False))
            return [_record(Opmerking, r) for r in sessie.scalars(vraag)]

    # ---------- views ----------

    def bewaar_weergave(self, titel: str, pagina: str, link: str, auteur: Auteur) -> Weergave:
        waarden = {
            "titel": records.tekst(titel, "titel", records.MAX_NAAM),
            "pagina": records.tekst(pagina, "pagina", 40),
            "link": records.tekst(link, "link", records.MAX_LINK, leeg_mag=True),
        }
        return _record(Weergave, self.nieuw_item("weergave", waarden, auteur))

    def weergaven(self, verwijderd: bool = False) -> list[Weergave]:
        with self._lezen() as sessie:
            return [_record(Weergave, r) for r in sessie.scalars(_nieuwste_eerst(WeergaveRij, verwijderd))]

    # ---------- kept layers ----------

    def bewaar_laag(
        self, naam: str, frame: gpd.GeoDataFrame, bestandsnaam: str, auteur: Auteur, max_bytes: int
    ) -> Laag:
        """Keep an uploaded layer on purpose, so colleagues see it (stored as GeoJSON in RD New)."""
        if frame.crs is None:
            raise OngeldigeInvoer("de laag heeft geen coördinatenstelsel")
        inhoud = frame.to_crs(RD).to_json(drop_id=True, to_wgs84=False)
        if len(inhoud.encode()) > max_bytes:
            raise OngeldigeInvoer(
                f"de laag is te groot om te bewaren ({len(inhoud.encode()) / 1e6:.0f} MB, hoogstens "
                f"{max_bytes / 1e6:.0f} MB)".replace(".", ",")
            )
        waarden = {
            "naam": records.tekst(naam, "naam", records.MAX_NAAM),
            "bestandsnaam": records.tekst(bestandsnaam, "bestandsnaam", 255),
            "aantal": len(frame),
            "bytes": len(inhoud.encode()),
            "inhoud": inhoud,
        }
        return _record(Laag, self.nieuw_item("laag", waarden, auteur))

    def lagen(self, verwijderd: bool = False) -> list[Laag]:
        with self._lezen() as sessie:
            return [_record(Laag, r) for r in sessie.scalars(_nieuwste_eerst(LaagRij, verwijderd))]

    def laag_data(self, item_id: str) -> gpd.GeoDataFrame:
        with self._lezen() as sessie:
            rij = sessie.get(LaagRij, item_id)
            if rij is None:
                raise OngeldigeInvoer(f"laag '{item_id}' bestaat niet")
            inhoud = rij.inhoud
        frame = gpd.read_file(inhoud, engine="pyogrio")
        return frame.set_crs(RD, allow_override=True)

    # ---------- delete, undelete, restore, history ----------

    def verwijder(self, soort: str, item_id: str, verwacht: int, auteur: Auteur) -> None:
        """Mark as deleted (stays in the database and its history; can be restored)."""
        with self._schrijven() as sessie:
            self._wijzig(sessie, soort, item_id, verwacht, auteur, {"verwijderd": True}, actie="verwijderd")

    def herstel(self, soort: str, item_id: str, verwacht: int, auteur: Auteur) -> None:
        with self._schrijven() as sessie:
            self._wijzig(sessie, soort, item_id, verwacht, auteur, {"verwijderd": False}, actie="hersteld")

    def zet_terug(self, soort: str, item_id: str, versie: int, verwacht: int, auteur: Auteur) -> int:
        """Put an earlier version back, as a new version (the versions in between stay in the history)."""
        with self._schrijven() as sessie:
            oud = sessie.scalars(
                select(GeschiedenisRij).where(
                    GeschiedenisRij.item_id == item_id,
                    GeschiedenisRij.versie == versie,
                    GeschiedenisRij.na.is_not(None),
                )
            ).first()
            if oud is None:
                raise OngeldigeInvoer(f"versie {versie} van dit item bestaat niet")
            waarden = _uit_momentopname(soort, oud.na)
            rij = self._wijzig(sessie, soort, item_id, verwacht, auteur, waarden, actie="teruggezet")
            return rij.versie

    def geschiedenis(self, item_id: str | None = None, soort: str | None = None, limiet: int = 500) -> list[Wijziging]:
        """Changes, newest first."""
        with self._lezen() as sessie:
            vraag = select(GeschiedenisRij).order_by(GeschiedenisRij.nr.desc()).limit(limiet)
            if item_id:
                vraag = vraag.where(GeschiedenisRij.item_id == item_id)
            if soort:
                vraag = vraag.where(GeschiedenisRij.soort == soort)
            return [
                Wijziging(
                    r.nr,
                    r.soort,
                    r.item_id,
                    r.versie,
                    r.actie,
                    r.auteur,
                    r.geverifieerd,
                    _als_utc(r.tijdstip),
                    r.voor,
                    r.na,
                )
                for r in sessie.scalars(vraag)
            ]

    # ---------- any kind, for the packages that keep their data here (programmering) ----------

    def nieuw_item(self, soort: str, waarden: Mapping[str, Any], auteur: Auteur):
        """A new item of `soort` (a key of MODELLEN), with its history row; returns the stored row (detached)."""
        with self._schrijven() as sessie:
            return self._nieuw(sessie, soort, auteur, waarden)

    def wijzig_item(self, soort: str, item_id: str, verwacht: int, waarden: Mapping[str, Any], auteur: Auteur):
        """Change an item from version `verwacht` (VersieConflict when someone saved in between)."""
        with self._schrijven() as sessie:
            return self._wijzig(sessie, soort, item_id, verwacht, auteur, waarden)

    def items(self, soort: str, verwijderd: bool = False) -> list:
        """Every item of `soort`, newest change first (detached rows)."""
        with self._lezen() as sessie:
            return list(sessie.scalars(_nieuwste_eerst(MODELLEN[soort], verwijderd)))

    @contextlib.contextmanager
    def transactie(self) -> Iterator[Transactie]:
        """Several changes as one: all are stored, or none (for imports that write many items and rows)."""
        with self._schrijven() as sessie:
            yield Transactie(self, sessie)

    def lees(self, vraag) -> list:
        """The rows of one SELECT (detached), for the packages that keep tables of their own here."""
        with self._lezen() as sessie:
            return list(sessie.scalars(vraag))

    # ---------- bulk access for export/import ----------

    def _alle_rijen(self, soort: str) -> list[dict[str, Any]]:
        model = MODELLEN[soort]
        kolommen = [k.name for k in model.__table__.columns]
        with self._lezen() as sessie:
            return [{k: getattr(r, k) for k in kolommen} for r in sessie.scalars(select(model).order_by(model.id))]

    def _voeg_in(self, rijen: list[tuple[str, Mapping[str, Any]]], auteur: Auteur) -> None:
        """Insert items from another workspace as they are (same id, version, authors), each with a history row
        that says it was imported; all in one transaction."""
        if not rijen:
            return
        moment = nu()
        with self._schrijven() as sessie:
            for soort, rij in sorted(rijen, key=lambda paar: list(MODELLEN).index(paar[0])):  # locations first
                nieuw = MODELLEN[soort](**rij)
                sessie.add(nieuw)
                sessie.add(
                    _historie(
                        soort, nieuw.id, nieuw.versie, "geimporteerd", auteur, moment, None, _momentopname(soort, nieuw)
                    )
                )
                sessie.flush()


class Transactie:
    """One write transaction of a Werkruimte (see `Werkruimte.transactie`)."""

    def __init__(self, ruimte: Werkruimte, sessie: Session):
        self._ruimte, self.sessie = ruimte, sessie

    def vergrendel(self, sleutel: int) -> None:
        """Serialise writers of one kind across processes (SQLite's BEGIN IMMEDIATE already does)."""
        if self._ruimte.postgis:
            self.sessie.execute(select(func.pg_advisory_xact_lock(sleutel)))

    def nieuw(self, soort: str, waarden: Mapping[str, Any], auteur: Auteur) -> Any:
        return self._ruimte._nieuw(self.sessie, soort, auteur, waarden)

    def wijzig(self, soort: str, item_id: str, verwacht: int, waarden: Mapping[str, Any], auteur: Auteur) -> Any:
        return self._ruimte._wijzig(self.sessie, soort, item_id, verwacht, auteur, waarden)

    def voeg_toe(self, rijen) -> None:
        """Plain rows of a table without versions of its own (written once, never changed)."""
        self.sessie.add_all(rijen)

    def lees(self, vraag) -> list:
        return list(self.sessie.scalars(vraag))


# ---------- helpers ----------


def _controleer_bestand(bestand: Path, gevraagd: bool) -> tuple[bool, str | None]:
    """An SQLite file: may it be written, is it a database? A corrupt file is named and never touched."""
    if bestand.exists():
        with open(bestand, "rb") as f:
            kop = f.read(16)
        if kop and kop != b"SQLite format 3\x00":
            raise WerkruimteFout(
                f"het bestand {bestand} is geen SQLite-database (beschadigd of een ander bestand); "
                "het wordt niet gewijzigd — kies een ander bestand met REB_WERKRUIMTE"
            )
        if gevraagd:
            return True, "geopend als alleen-lezen (mode=ro)"
        if not _schrijfbaar(bestand) or not _schrijfbaar(bestand.parent):
            return True, f"het bestand {bestand} of zijn map is alleen-lezen"
        return False, None
    if gevraagd:
        raise WerkruimteFout(f"het bestand {bestand} bestaat niet")
    try:
        bestand.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WerkruimteFout(f"de map {bestand.parent} kan niet worden aangemaakt ({exc.strerror})") from exc
    if not _schrijfbaar(bestand.parent):
        raise WerkruimteFout(f"in de map {bestand.parent} kan geen werkruimte worden aangemaakt (alleen-lezen)")
    return False, None


def _schrijfbaar(pad: Path) -> bool:
    return os.access(pad, os.W_OK)


def _engine(url: URL, schrijven: bool) -> Engine:
    if url.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})
    bestand = adres.sqlite_bestand(url)
    if bestand is not None and adres.alleen_lezen_gevraagd(url):  # SQLite opens it read-only itself
        url = URL.create("sqlite", database=f"file:{bestand}?mode=ro", query={"uri": "true"})
    engine = create_engine(url, connect_args={"timeout": SQLITE_WACHTTIJD_S, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _instellen(dbapi_verbinding, _):
        dbapi_verbinding.isolation_level = None  # we say BEGIN ourselves (below)
        cursor = dbapi_verbinding.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_WACHTTIJD_S * 1000}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if schrijven:
            with contextlib.suppress(sqlite3.OperationalError):  # a read-only file keeps its journal mode
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(verbinding):
        # A writer takes the write lock at the start: a deferred transaction that upgrades later fails at once
        # with "database is locked" when another process writes, whatever the busy timeout.
        verbinding.exec_driver_sql("BEGIN IMMEDIATE" if schrijven else "BEGIN")

    return engine


def _revisie(verbinding: Connection) -> str | None:
    return MigrationContext.configure(verbinding).get_current_revision()


def _kop() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIES))
    return ScriptDirectory.from_config(config).get_current_head()


def _vertaal(exc: Exception, naam: str) -> WerkruimteFout:
    tekst = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    laag = tekst.lower()
    if "readonly" in laag or "read-only" in laag or "read only" in laag:
        return AlleenLezen(f"De werkruimte kan alleen gelezen worden ({naam})")
    if "file is not a database" in laag or "malformed" in laag:
        return WerkruimteFout(f"het bestand {naam} is beschadigd of geen werkruimte; het wordt niet gewijzigd")
    if "unable to open" in laag:
        return WerkruimteFout(f"het bestand {naam} kan niet worden geopend")
    if isinstance(exc, OperationalError | DBAPIError) and not isinstance(exc, ProgrammingError):
        return WerkruimteFout(f"De werkruimte is niet bereikbaar: {naam} ({_kort(tekst)})")
    return WerkruimteFout(f"fout in de werkruimte {naam}: {_kort(tekst)}")


def _kort(tekst: str) -> str:
    return tekst if len(tekst) <= 160 else tekst[:157] + "…"


def _conflict(soort: str, rij) -> VersieConflict:
    wanneer = _als_utc(rij.gewijzigd)
    lokaal = wanneer.astimezone().strftime("%d-%m-%Y %H:%M")
    return VersieConflict(
        f"{records.SOORTEN[soort]} '{getattr(rij, 'naam', None) or getattr(rij, 'titel', None) or rij.id}' is "
        f"intussen gewijzigd door {rij.gewijzigd_door} op {lokaal} (versie {rij.versie}); uw wijziging is niet "
        "bewaard.",
        rij.gewijzigd_door,
        wanneer,
        rij.versie,
    )


def _locatie_waarden(naam, geometrie, herkomst, notitie, toets) -> dict[str, Any]:
    if herkomst not in records.HERKOMSTEN:
        raise OngeldigeInvoer(f"onbekende herkomst '{herkomst}' (kies uit {', '.join(records.HERKOMSTEN)})")
    geom = records.geometrie(geometrie)
    return {
        "naam": records.tekst(naam, "naam", records.MAX_NAAM),
        "geometrie": geom,
        "herkomst": herkomst,
        "gemeenten": list(records.gemeenten(geom)),
        "oppervlakte_ha": records.oppervlakte_ha(geom),
        "notitie": records.tekst(notitie, "notitie", records.MAX_NOTITIE, leeg_mag=True) or None,
        "toets": json.loads(json.dumps(dict(toets), allow_nan=False)) if toets else None,
    }


def _momentopname(soort: str, rij) -> dict[str, Any]:
    uit = {"verwijderd": bool(rij.verwijderd)}
    for veld in VELDEN[soort]:
        waarde = getattr(rij, veld)
        uit[veld] = shapely.to_wkt(waarde, rounding_precision=3) if veld == "geometrie" else waarde
    return uit


def _uit_momentopname(soort: str, opname: Mapping[str, Any]) -> dict[str, Any]:
    uit = {veld: opname.get(veld) for veld in VELDEN[soort]}
    if "geometrie" in uit:
        uit["geometrie"] = shapely.from_wkt(uit["geometrie"])
    uit["verwijderd"] = bool(opname.get("verwijderd", False))
    return uit


def _historie(soort, item_id, versie, actie, auteur: Auteur, moment, voor, na) -> GeschiedenisRij:
    return GeschiedenisRij(
        soort=soort,
        item_id=item_id,
        versie=versie,
        actie=actie,
        auteur=auteur.naam,
        geverifieerd=auteur.geverifieerd,
        tijdstip=moment,
        voor=voor,
        na=na,
    )


def _aantal_opmerkingen(sessie: Session, ids: list[str] | None) -> dict[str, int]:
    vraag = (
        select(OpmerkingRij.locatie_id, func.count())
        .where(OpmerkingRij.verwijderd.is_(False))
        .group_by(OpmerkingRij.locatie_id)
    )
    if ids is not None:
        vraag = vraag.where(OpmerkingRij.locatie_id.in_(ids))
    return dict(sessie.execute(vraag).all())


def _basis(rij) -> dict[str, Any]:
    return {
        "id": rij.id,
        "versie": rij.versie,
        "auteur": rij.auteur,
        "geverifieerd": bool(rij.geverifieerd),
        "aangemaakt": _als_utc(rij.aangemaakt),
        "gewijzigd": _als_utc(rij.gewijzigd),
        "gewijzigd_door": rij.gewijzigd_door,
        "verwijderd": bool(rij.verwijderd),
    }


def _nieuwste_eerst(model, verwijderd: bool):
    """Every row of `model`, newest change first; deleted ones only with `verwijderd`."""
    vraag = select(model).order_by(model.gewijzigd.desc(), model.id)
    return vraag if verwijderd else vraag.where(model.verwijderd.is_(False))


def _record(soort_klasse, rij):
    eigen = {f.name for f in fields(soort_klasse)} - set(_basis(rij))
    return soort_klasse(**_basis(rij), **{k: getattr(rij, k) for k in eigen if hasattr(rij, k)})


def _locatie(rij: LocatieRij, opmerkingen: int) -> Locatie:
    return Locatie(
        **_basis(rij),
        naam=rij.naam,
        geometrie=rij.geometrie,
        herkomst=rij.herkomst,
        gemeenten=tuple(rij.gemeenten or ()),
        oppervlakte_ha=rij.oppervlakte_ha,
        notitie=rij.notitie,
        toets=rij.toets,
        opmerkingen=opmerkingen,
    )
