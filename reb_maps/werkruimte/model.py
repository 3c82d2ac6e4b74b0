"""The workspace's tables (SQLAlchemy 2 declarative). Schema changes go through Alembic (`migraties/`).

Every table users write has a stable `id` (UUID text), `versie` (optimistic locking: an update names the version
it started from), who made it and who changed it last, and `verwijderd` (deleting marks, never removes). Every
change also writes a row in `geschiedenis` in the same transaction, with the item before and after.

Geometry is stored in EPSG:28992 (RD New): a typed PostGIS column `geometry(GEOMETRY, 28992)` with a GiST index
on PostgreSQL (a planner opens the table straight in QGIS), WKB in a BLOB on SQLite.
"""

from __future__ import annotations

from datetime import datetime

import shapely
from geoalchemy2.types import Geometry
from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from reb_maps.crs import RD_SRID

SRID = RD_SRID


class PostgisKolom(Geometry):
    """GeoAlchemy2's typed column for the DDL (`geometry(GEOMETRY, 28992)`), with values as hex EWKB both ways:
    no ST_GeomFromEWKT/ST_AsEWKB wrapping, so the decorator below alone converts."""

    cache_ok = True

    def bind_expression(self, bindvalue):
        return bindvalue

    def column_expression(self, col):
        return col

    def bind_processor(self, dialect):
        return None

    def result_processor(self, dialect, coltype):
        return None


class RDGeometrie(TypeDecorator):
    """A shapely geometry in RD New: PostGIS `geometry(GEOMETRY, 28992)` or a WKB BLOB on SQLite.

    On PostgreSQL the value travels as extended WKB (with its SRID) and PostGIS casts it to the typed column
    itself; reading returns the geometry's hex EWKB, which shapely reads back.
    """

    impl = LargeBinary
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(PostgisKolom(geometry_type="GEOMETRY", srid=SRID, spatial_index=False))
        return dialect.type_descriptor(LargeBinary())

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if dialect.name == "postgresql":
            return shapely.to_wkb(shapely.set_srid(value, SRID), hex=True, include_srid=True, flavor="extended")
        return shapely.to_wkb(value)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, memoryview):
            value = bytes(value)
        geometrie = shapely.from_wkb(value)
        return shapely.set_srid(geometrie, 0)


class Basis(DeclarativeBase):
    pass


class _Gedeeld:
    """Columns every user-written table has."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    versie: Mapped[int] = mapped_column(Integer, nullable=False)
    auteur: Mapped[str] = mapped_column(String(100), nullable=False)
    auteur_email: Mapped[str | None] = mapped_column(String(200))
    geverifieerd: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    aangemaakt: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    gewijzigd: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    gewijzigd_door: Mapped[str] = mapped_column(String(100), nullable=False)
    verwijderd: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class LocatieRij(_Gedeeld, Basis):
    __tablename__ = "locaties"

    naam: Mapped[str] = mapped_column(String(200), nullable=False)
    geometrie = mapped_column(RDGeometrie(), nullable=False)
    herkomst: Mapped[str] = mapped_column(String(20), nullable=False)
    gemeenten: Mapped[list] = mapped_column(JSON, nullable=False)
    oppervlakte_ha: Mapped[float | None] = mapped_column(Float)
    notitie: Mapped[str | None] = mapped_column(Text)
    toets: Mapped[dict | None] = mapped_column(JSON)  # the test card's figures when it was saved


class OpmerkingRij(_Gedeeld, Basis):
    __tablename__ = "opmerkingen"

    locatie_id: Mapped[str] = mapped_column(ForeignKey("locaties.id"), nullable=False, index=True)
    tekst: Mapped[str] = mapped_column(Text, nullable=False)


class WeergaveRij(_Gedeeld, Basis):
    __tablename__ = "weergaven"

    titel: Mapped[str] = mapped_column(String(200), nullable=False)
    pagina: Mapped[str] = mapped_column(String(40), nullable=False)
    link: Mapped[str] = mapped_column(Text, nullable=False)  # the page's query string


class LaagRij(_Gedeeld, Basis):
    __tablename__ = "eigen_lagen"

    naam: Mapped[str] = mapped_column(String(200), nullable=False)
    bestandsnaam: Mapped[str] = mapped_column(String(255), nullable=False)
    aantal: Mapped[int] = mapped_column(Integer, nullable=False)
    bytes: Mapped[int] = mapped_column(Integer, nullable=False)
    inhoud: Mapped[str] = mapped_column(Text, nullable=False)  # GeoJSON in RD New; never changed after saving


class VariantRij(_Gedeeld, Basis):
    """A programming proposal (Programmering 2027–2030): its rows as one JSON list, guarded by one version."""

    __tablename__ = "varianten"

    naam: Mapped[str] = mapped_column(String(200), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    toelichting: Mapped[str | None] = mapped_column(Text)
    regels: Mapped[list] = mapped_column(JSON, nullable=False)
    bron_variant: Mapped[str | None] = mapped_column(String(36))


class PeiljaarRij(_Gedeeld, Basis):
    """One year of monitoring data (Monitor): an IBIS year ('ibis') or municipal figures ('gemeenten').

    `totalen` holds the per-municipality sums (or the figures themselves), so the series never has to read the
    parks. Replacing a year is a new version of this item; the parks of every version stay in `peil_terreinen`.
    """

    __tablename__ = "peiljaren"

    soort: Mapped[str] = mapped_column(String(20), nullable=False)
    jaar: Mapped[int] = mapped_column(Integer, nullable=False)
    bron: Mapped[str] = mapped_column(Text, nullable=False)
    bestandsnaam: Mapped[str] = mapped_column(String(255), nullable=False)
    aantal: Mapped[int] = mapped_column(Integer, nullable=False)
    totalen: Mapped[dict] = mapped_column(JSON, nullable=False)
    notities: Mapped[list] = mapped_column(JSON, nullable=False)


class PeilTerreinRij(Basis):
    """One park of one version of an IBIS year (written once, never changed: a replaced year keeps its parks)."""

    __tablename__ = "peil_terreinen"

    nr: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    peiljaar_id: Mapped[str] = mapped_column(ForeignKey("peiljaren.id"), nullable=False)
    versie: Mapped[int] = mapped_column(Integer, nullable=False)
    rin_nummer: Mapped[str] = mapped_column(String(40), nullable=False)
    naam: Mapped[str | None] = mapped_column(String(200))
    gemeente: Mapped[str] = mapped_column(String(6), nullable=False)  # the one CBS code the park counts in
    gem_codes: Mapped[str | None] = mapped_column(String(100))  # as in the file
    ha_bruto: Mapped[float | None] = mapped_column(Float)
    ha_netto: Mapped[float | None] = mapped_column(Float)
    ha_uitgeefbaar: Mapped[float | None] = mapped_column(Float)
    wloc_type: Mapped[str | None] = mapped_column(String(100))
    geometrie = mapped_column(RDGeometrie())


class GeschiedenisRij(Basis):
    __tablename__ = "geschiedenis"

    nr: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    soort: Mapped[str] = mapped_column(String(20), nullable=False)
    item_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    versie: Mapped[int] = mapped_column(Integer, nullable=False)
    actie: Mapped[str] = mapped_column(String(20), nullable=False)
    auteur: Mapped[str] = mapped_column(String(100), nullable=False)
    geverifieerd: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    tijdstip: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    voor: Mapped[dict | None] = mapped_column(JSON)
    na: Mapped[dict | None] = mapped_column(JSON)
