"""The workspace: the bestuurlijk overleg's shared memory (saved locations, comments, views, kept layers).

An engine (no Streamlit): `Werkruimte.open()` opens the SQLite file of `REB_WERKRUIMTE` (default
`var/werkruimte.sqlite`) or a PostgreSQL + PostGIS database, migrates it with Alembic and hands out frozen
records. `gpkg` exports the whole workspace as one GeoPackage and merges one back; `python -m reb_maps.werkruimte`
is the command line.
"""

from reb_maps.fouten import AlleenLezen, VersieConflict, WerkruimteFout
from reb_maps.werkruimte.opslag import Werkruimte
from reb_maps.werkruimte.records import (
    HERKOMSTEN,
    SOORTEN,
    Auteur,
    Laag,
    Locatie,
    Opmerking,
    Weergave,
    Wijziging,
)

__all__ = [
    "HERKOMSTEN",
    "SOORTEN",
    "AlleenLezen",
    "Auteur",
    "Laag",
    "Locatie",
    "Opmerking",
    "VersieConflict",
    "Weergave",
    "Werkruimte",
    "WerkruimteFout",
    "Wijziging",
]
