"""Alembic environment: always run from `reb_maps.werkruimte.opslag.migreer` with an open connection.

There is no alembic.ini: the store passes its connection in `config.attributes["connection"]`, so the
migration runs inside the store's own transaction (and its lock: one process at a time).
"""

from alembic import context

from reb_maps.werkruimte.model import Basis

verbinding = context.config.attributes.get("connection")
if verbinding is None:
    raise RuntimeError("migraties draaien alleen via reb_maps.werkruimte (er is geen alembic.ini)")
context.configure(
    connection=verbinding,
    target_metadata=Basis.metadata,
    render_as_batch=verbinding.dialect.name == "sqlite",  # SQLite cannot ALTER most things: batch mode
    transactional_ddl=True,
)
with context.begin_transaction():  # a no-op inside the store's open transaction
    context.run_migrations()
