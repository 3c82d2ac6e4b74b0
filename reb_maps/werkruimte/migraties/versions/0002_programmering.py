"""Programmering: varianten (voorstellen van het overleg) met hun regels.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "varianten",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("versie", sa.Integer, nullable=False),
        sa.Column("auteur", sa.String(100), nullable=False),
        sa.Column("auteur_email", sa.String(200)),
        sa.Column("geverifieerd", sa.Boolean, nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_door", sa.String(100), nullable=False),
        sa.Column("verwijderd", sa.Boolean, nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("toelichting", sa.Text),
        # the rows travel as one list: one version number guards them all (optimistic locking per variant)
        sa.Column("regels", sa.JSON, nullable=False),
        sa.Column("bron_variant", sa.String(36)),
    )


def downgrade() -> None:
    op.drop_table("varianten")
