"""De werkruimte: locaties, opmerkingen, weergaven, eigen lagen en hun geschiedenis.

Revision ID: 0001
Revises:
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry

SRID = 28992

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _gedeeld() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("versie", sa.Integer, nullable=False),
        sa.Column("auteur", sa.String(100), nullable=False),
        sa.Column("auteur_email", sa.String(200)),
        sa.Column("geverifieerd", sa.Boolean, nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_door", sa.String(100), nullable=False),
        sa.Column("verwijderd", sa.Boolean, nullable=False),
    ]


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    op.create_table(
        "locaties",
        *_gedeeld(),
        sa.Column("naam", sa.String(200), nullable=False),
        # PostGIS: a typed column with a GiST index (GeoAlchemy2 adds the index), so QGIS reads the table as a
        # layer; SQLite: WKB in a BLOB (the app converts; the GeoPackage export is the QGIS route there).
        sa.Column(
            "geometrie",
            Geometry("GEOMETRY", srid=SRID, spatial_index=True) if postgres else sa.LargeBinary(),
            nullable=False,
        ),
        sa.Column("herkomst", sa.String(20), nullable=False),
        sa.Column("gemeenten", sa.JSON, nullable=False),
        sa.Column("oppervlakte_ha", sa.Float),
        sa.Column("notitie", sa.Text),
        sa.Column("toets", sa.JSON),
    )
    op.create_table(
        "opmerkingen",
        *_gedeeld(),
        sa.Column("locatie_id", sa.String(36), sa.ForeignKey("locaties.id"), nullable=False),
        sa.Column("tekst", sa.Text, nullable=False),
    )
    op.create_index("ix_opmerkingen_locatie_id", "opmerkingen", ["locatie_id"])
    op.create_table(
        "weergaven",
        *_gedeeld(),
        sa.Column("titel", sa.String(200), nullable=False),
        sa.Column("pagina", sa.String(40), nullable=False),
        sa.Column("link", sa.Text, nullable=False),
    )
    op.create_table(
        "eigen_lagen",
        *_gedeeld(),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("bestandsnaam", sa.String(255), nullable=False),
        sa.Column("aantal", sa.Integer, nullable=False),
        sa.Column("bytes", sa.Integer, nullable=False),
        sa.Column("inhoud", sa.Text, nullable=False),
    )
    op.create_table(
        "geschiedenis",
        sa.Column("nr", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("soort", sa.String(20), nullable=False),
        sa.Column("item_id", sa.String(36), nullable=False),
        sa.Column("versie", sa.Integer, nullable=False),
        sa.Column("actie", sa.String(20), nullable=False),
        sa.Column("auteur", sa.String(100), nullable=False),
        sa.Column("geverifieerd", sa.Boolean, nullable=False),
        sa.Column("tijdstip", sa.DateTime(timezone=True), nullable=False),
        sa.Column("voor", sa.JSON),
        sa.Column("na", sa.JSON),
    )
    op.create_index("ix_geschiedenis_item_id", "geschiedenis", ["item_id"])


def downgrade() -> None:
    for tabel in ("geschiedenis", "eigen_lagen", "weergaven", "opmerkingen", "locaties"):
        op.drop_table(tabel)
