"""Where the workspace lives: an SQLAlchemy URL or a file path, from `--db`, `REB_WERKRUIMTE` or the default file.

The default is a git-ignored SQLite file in the project (`var/werkruimte.sqlite`), created on first use, so
`make run` on a fresh machine needs nothing else. A shared workspace for several workers is a PostgreSQL +
PostGIS URL: `REB_WERKRUIMTE=postgresql+psycopg://gebruiker:wachtwoord@host/db`.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from reb_maps.fouten import WerkruimteFout

OMGEVING = "REB_WERKRUIMTE"
PROJECT = Path(__file__).resolve().parents[2]
STANDAARD_BESTAND = PROJECT / "var" / "werkruimte.sqlite"
ONDERSTEUND = ("sqlite", "postgresql")


def bepaal(waarde: str | os.PathLike | None = None) -> URL:
    """The workspace's URL: `waarde` if given, else $REB_WERKRUIMTE, else the default file."""
    tekst = str(waarde) if waarde not in (None, "") else os.environ.get(OMGEVING, "").strip()
    if not tekst:
        return _bestand(STANDAARD_BESTAND)
    if "://" not in tekst:
        return _bestand(Path(tekst).expanduser())
    try:
        url = make_url(tekst)
    except ArgumentError:
        raise WerkruimteFout(f"'{_kort(tekst)}' is geen geldig database-adres") from None
    if url.get_backend_name() not in ONDERSTEUND:
        raise WerkruimteFout(
            f"database '{url.get_backend_name()}' wordt niet ondersteund: gebruik een SQLite-bestand of PostgreSQL"
        )
    if url.get_backend_name() == "postgresql" and url.drivername != "postgresql+psycopg":
        url = url.set(drivername="postgresql+psycopg")  # the one driver we ship (psycopg 3)
    return url


def _bestand(pad: Path) -> URL:
    return URL.create("sqlite", database=str(pad.resolve()))


def _kort(tekst: str) -> str:
    return tekst if len(tekst) <= 80 else tekst[:77] + "…"


def leesbaar(url: URL) -> str:
    """The URL for a message or a page: the file path for SQLite, the URL without password otherwise."""
    if url.get_backend_name() == "sqlite":
        bestand = sqlite_bestand(url)
        if bestand is not None and bestand.is_relative_to(PROJECT):  # the default: say 'var/werkruimte.sqlite'
            return str(bestand.relative_to(PROJECT))
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def sqlite_bestand(url: URL) -> Path | None:
    """The file of an SQLite URL (None for a server or an in-memory database)."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    database = url.database
    if database.startswith("file:"):  # URI form, e.g. file:/pad/werkruimte.sqlite?mode=ro
        database = database[5:].split("?", 1)[0]
    return Path(database)


def alleen_lezen_gevraagd(url: URL) -> bool:
    """A URL may ask for read-only use itself (SQLite `?mode=ro`, for a copy handed round)."""
    return url.query.get("mode") == "ro" or "mode=ro" in (url.database or "")
