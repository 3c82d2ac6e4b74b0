"""Monitor: peiljaren (IBIS-jaren en gemeentecijfers) en de terreinen van elke versie van een IBIS-jaar.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry

SRID = 28992

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "peiljaren",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("versie", sa.Integer, nullable=False),
        sa.Column("auteur", sa.String(100), nullable=False),
        sa.Column("auteur_email", sa.String(200)),
        sa.Column("geverifieerd", sa.Boolean, nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_door", sa.String(100), nullable=False),
        sa.Column("verwijderd", sa.Boolean, nullable=False),
        sa.Column("soort", sa.String(20), nullable=False),
        sa.Column("jaar", sa.Integer, nullable=False),
        sa.Column("bron", sa.Text, nullable=False),
        sa.Column("bestandsnaam", sa.String(255), nullable=False),
        sa.Column("aantal", sa.Integer, nullable=False),
        sa.Column("totalen", sa.JSON, nullable=False),
        sa.Column("notities", sa.JSON, nullable=False),
    )
    op.create_table(
        "peil_terreinen",
        sa.Column("nr", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("peiljaar_id", sa.String(36), sa.ForeignKey("peiljaren.id"), nullable=False),
        sa.Column("versie", sa.Integer, nullable=False),
        sa.Column("rin_nummer", sa.String(40), nullable=False),
        sa.Column("naam", sa.String(200)),
        sa.Column("gemeente", sa.String(6), nullable=False),
        sa.Column("gem_codes", sa.String(100)),
        sa.Column("ha_bruto", sa.Float),
        sa.Column("ha_netto", sa.Float),
        sa.Column("ha_uitgeefbaar", sa.Float),
        sa.Column("wloc_type", sa.String(100)),
        # PostGIS: typed and indexed like locaties, so QGIS opens a year's parks directly
        sa.Column(
            "geometrie",
            Geometry("GEOMETRY", srid=SRID, spatial_index=True) if postgres else sa.LargeBinary(),
        ),
    )
    # a year's parks are always read per version of their year
    op.create_index("ix_peil_terreinen_peiljaar", "peil_terreinen", ["peiljaar_id", "versie"])


def downgrade() -> None:
    op.drop_index("ix_peil_terreinen_peiljaar", "peil_terreinen")
    op.drop_table("peil_terreinen")
    op.drop_table("peiljaren")
