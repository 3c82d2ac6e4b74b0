"""What the workspace hands out: plain, frozen records (no database session behind them), and the checks on
what a user writes. Names, notes and comments are user text: stored as typed, shown as plain text by every page.
"""

from __future__ import annotations

import getpass
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import shapely

from reb_maps import lagen
from reb_maps.fouten import OngeldigeInvoer
from reb_maps.geodata import load_analysis_layer

HERKOMSTEN = {
    "getekend": "Getekend",
    "kandidaat": "Kandidaat zoekgebied",
    "rapport": "Plan uit het rapport",
    "bestand": "Eigen bestand",
}
SOORTEN = {"locatie": "Locatie", "opmerking": "Opmerking", "weergave": "Weergave", "laag": "Eigen laag",
           "variant": "Variant", "peiljaar": "Peiljaar"}  # fmt: skip
ACTIES = {
    "aangemaakt": "aangemaakt",
    "gewijzigd": "gewijzigd",
    "verwijderd": "verwijderd",
    "hersteld": "hersteld",
    "teruggezet": "teruggezet naar een eerdere versie",
    "geimporteerd": "geïmporteerd",
}
MAX_NAAM, MAX_NOTITIE, MAX_OPMERKING, MAX_LINK = 200, 2000, 2000, 4000
# RD New's valid area (the Netherlands with a margin): anything else is a file in the wrong CRS.
RD_GRENZEN = (-7000.0, 289000.0, 300000.0, 629000.0)
MAX_HA = 50_000.0  # a saved location larger than half of Twente is a mistake, not a plan


@dataclass(frozen=True)
class Auteur:
    """Who writes: the login's name and e-mail (geverifieerd), or a name typed once per session."""

    naam: str
    email: str | None = None
    geverifieerd: bool = False

    def __post_init__(self):
        object.__setattr__(self, "naam", tekst(self.naam, "naam van de auteur", 100))
        if self.email is not None:
            object.__setattr__(self, "email", tekst(self.email, "e-mailadres", 200) or None)

    @classmethod
    def van_systeem(cls, naam: str | None = None) -> Auteur:
        """For command lines: the given name, else the system's user name (never verified)."""
        if not naam:
            try:
                naam = getpass.getuser()
            except (KeyError, OSError):
                naam = "onbekend"
        return cls(naam)

    @property
    def weergave(self) -> str:
        return self.naam if self.geverifieerd else f"{self.naam} (niet geverifieerd)"


@dataclass(frozen=True)
class Item:
    id: str
    versie: int
    auteur: str
    geverifieerd: bool
    aangemaakt: datetime
    gewijzigd: datetime
    gewijzigd_door: str
    verwijderd: bool


@dataclass(frozen=True)
class Locatie(Item):
    naam: str = ""
    geometrie: Any = field(default=None, repr=False)  # shapely, EPSG:28992
    herkomst: str = "getekend"
    gemeenten: tuple[str, ...] = ()
    oppervlakte_ha: float | None = None
    notitie: str | None = None
    toets: Mapping[str, Any] | None = None
    opmerkingen: int = 0


@dataclass(frozen=True)
class Opmerking(Item):
    locatie_id: str = ""
    tekst: str = ""


@dataclass(frozen=True)
class Weergave(Item):
    titel: str = ""
    pagina: str = ""
    link: str = ""


@dataclass(frozen=True)
class Laag(Item):
    naam: str = ""
    bestandsnaam: str = ""
    aantal: int = 0
    bytes: int = 0


@dataclass(frozen=True)
class Wijziging:
    nr: int
    soort: str
    item_id: str
    versie: int
    actie: str
    auteur: str
    geverifieerd: bool
    tijdstip: datetime
    voor: Mapping[str, Any] | None
    na: Mapping[str, Any] | None

    @property
    def omschrijving(self) -> str:
        return ACTIES.get(self.actie, self.actie)


def tekst(waarde: Any, wat: str, maximum: int, leeg_mag: bool = False) -> str:
    """User text: trimmed, no control characters (a line break is kept in notes), within its length."""
    if waarde is None:
        waarde = ""
    if not isinstance(waarde, str):
        raise OngeldigeInvoer(f"{wat}: geen tekst")
    schoon = "".join(
        t for t in waarde if t in "\n\t" or unicodedata.category(t) not in {"Cc", "Cf", "Cs", "Co"}
    ).strip()
    if not schoon and not leeg_mag:
        raise OngeldigeInvoer(f"{wat} is leeg")
    if len(schoon) > maximum:
        raise OngeldigeInvoer(f"{wat} is te lang ({len(schoon)} tekens, hoogstens {maximum})")
    return schoon


def geometrie(waarde) -> shapely.Geometry:
    """A location's shape in RD New: a (multi)polygon or a point, valid, inside the Netherlands."""
    if not isinstance(waarde, shapely.Geometry) or waarde.is_empty:
        raise OngeldigeInvoer("de locatie heeft geen geometrie")
    if waarde.geom_type not in {"Polygon", "MultiPolygon", "Point"}:
        raise OngeldigeInvoer(f"een locatie is een vlak of een punt, geen {waarde.geom_type}")
    waarde = shapely.force_2d(waarde)
    if not waarde.is_valid:
        waarde = shapely.make_valid(waarde)
        if waarde.geom_type == "GeometryCollection":
            delen = [g for g in waarde.geoms if g.geom_type in {"Polygon", "MultiPolygon"}]
            waarde = shapely.union_all(delen) if delen else waarde
        if waarde.geom_type not in {"Polygon", "MultiPolygon"}:
            raise OngeldigeInvoer("het vlak is ongeldig en kan niet worden hersteld")
    x0, x1, y0, y1 = RD_GRENZEN
    minx, miny, maxx, maxy = waarde.bounds
    if minx < x0 or maxx > x1 or miny < y0 or maxy > y1:
        raise OngeldigeInvoer("de locatie ligt niet in Nederland (verwacht RD New, EPSG:28992)")
    if waarde.area / 10_000 > MAX_HA:
        raise OngeldigeInvoer(f"de locatie is groter dan {MAX_HA:,.0f} ha".replace(",", "."))
    return waarde


def oppervlakte_ha(geom: shapely.Geometry) -> float | None:
    return None if geom.geom_type == "Point" else round(geom.area / 10_000, 4)


def gemeenten(geom: shapely.Geometry) -> tuple[str, ...]:
    """The Twente municipalities the location lies in, largest share first (a point: the one it is in)."""
    frame = load_analysis_layer(lagen.met_masker("gemeente").bestand)
    vlakken = np.asarray(frame.geometry.values, dtype=object)
    if geom.geom_type == "Point":
        return tuple(str(n) for n, v in zip(frame["gemeente"], vlakken, strict=True) if v.covers(geom))
    oppervlak = shapely.area(shapely.intersection(vlakken, geom))
    paren = sorted(
        ((float(a), str(n)) for n, a in zip(frame["gemeente"], oppervlak, strict=True) if a > 1), reverse=True
    )
    return tuple(n for _, n in paren)
