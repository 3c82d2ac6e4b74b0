"""The package's errors, in one place so every page and command line catches the same classes.

All are ValueErrors with a Dutch message that can be shown to the user as is: `OngeldigeInvoer` for input
a calculation cannot use (exit code 2 on the command line), `DataFout` and `GeoFout` for files in `data/`
that break their contract (a fault of the installation, not of the user).
"""

from __future__ import annotations


class OngeldigeInvoer(ValueError):
    """A parameter or assumption an engine cannot use; the message is Dutch and meant for the user."""


class DataFout(ValueError):
    """A data file breaks its contract; the message names file, row and column."""


class GeoFout(ValueError):
    """A layer file is missing or broken."""


class WerkruimteFout(ValueError):
    """The workspace database cannot be opened, created or written (unreachable, read-only, corrupt)."""


class AlleenLezen(WerkruimteFout):
    """The workspace can be read but not written (read-only file or database, or writing needs a login)."""


class VersieConflict(WerkruimteFout):
    """Someone else saved the item after it was loaded; the message names who and when."""

    def __init__(self, bericht: str, door: str, wanneer, versie: int):
        super().__init__(bericht)
        self.door = door
        self.wanneer = wanneer
        self.versie = versie
