"""A drawn area (`Gebied`) of the page Zoekgebieden: its shape, its allowed values and its validation (pure).

An area is a polygon drawn on the map or a circle around a point with an area in ha, both in RD metres
(EPSG:28992) on a 10 m grid: far finer than the data, and short in a link. `controleer(geometrie)` says in one
Dutch sentence (OngeldigeInvoer) why a geometry cannot be tested; `Gebied.controleer()` adds the limits of a
stored area (the number of corner points). No Streamlit here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import shapely

from reb_maps import fmt
from reb_maps.fouten import OngeldigeInvoer
from reb_maps.zoekgebieden import grid

EENHEID_M = 10  # drawn coordinates are kept to 10 m
MIN_HA, MAX_HA = 0.5, 5000.0  # an area outside this range is a slip of the mouse, not a location
MIN_PUNTEN, MAX_PUNTEN = 3, 1000  # corner points of a drawn polygon
MAX_GEBIEDEN = 8  # drawn areas kept at the same time


def cirkel(x: float, y: float, ha: float) -> shapely.Polygon:
    """A circle of `ha` hectares around a point (EPSG:28992)."""
    if not (isinstance(ha, int | float) and math.isfinite(ha) and MIN_HA <= ha <= MAX_HA):
        raise OngeldigeInvoer(f"Kies een oppervlakte tussen {fmt.getal(MIN_HA)} en {fmt.getal(MAX_HA)} ha.")
    straal = math.sqrt(ha * 10_000 / math.pi)
    return shapely.Point(x, y).buffer(straal, quad_segs=32)


def controleer(gebied) -> shapely.Polygon | shapely.MultiPolygon:
    """The area if it can be tested; else OngeldigeInvoer with one Dutch sentence."""
    if gebied is None or shapely.is_empty(gebied):
        raise OngeldigeInvoer("Het gebied is leeg.")
    if shapely.get_type_id(gebied) not in (3, 6):  # Polygon, MultiPolygon
        raise OngeldigeInvoer("Het gebied is geen vlak: teken een veelhoek of rechthoek.")
    if not shapely.is_valid(gebied):
        reden = shapely.is_valid_reason(gebied).split("[")[0].strip()
        raise OngeldigeInvoer(f"Ongeldige geometrie ({reden}): de rand mag zichzelf niet snijden.")
    ha = gebied.area / 10_000
    if not grid.regio_geometrie().intersects(gebied):
        raise OngeldigeInvoer("Het gebied ligt buiten Twente.")
    if not MIN_HA <= ha <= MAX_HA:
        raise OngeldigeInvoer(
            f"Het gebied is {fmt.met_eenheid(ha, 'ha', 1)}; toetsen kan van {fmt.getal(MIN_HA)} tot "
            f"{fmt.getal(MAX_HA)} ha."
        )
    return gebied


def rond(meter: float) -> int:
    """A coordinate snapped to the grid of `EENHEID_M`."""
    return round(meter / EENHEID_M) * EENHEID_M


@dataclass(frozen=True)
class Gebied:
    """A drawn polygon (ring without the closing point) or a circle, in RD metres on a 10 m grid."""

    punten: tuple[tuple[int, int], ...] = ()
    cirkel: tuple[int, int, float] | None = None  # x, y, ha

    def geometrie(self) -> shapely.Geometry:
        if self.cirkel:
            return cirkel(*self.cirkel)
        return shapely.Polygon(self.punten)

    @classmethod
    def van(cls, geometrie) -> Gebied:
        """A (simple) polygon snapped to the 10 m grid; holes and extra parts are dropped."""
        if geometrie.geom_type == "MultiPolygon":
            geometrie = max(geometrie.geoms, key=lambda g: g.area)
        ring = shapely.get_coordinates(geometrie.exterior)[:-1]
        punten = [(rond(x), rond(y)) for x, y in ring]
        ontdubbeld = [p for i, p in enumerate(punten) if p != punten[i - 1]] if len(punten) > 1 else punten
        return cls(tuple(ontdubbeld))

    def controleer(self) -> Gebied:
        """This area if it can be kept and tested (valid, in Twente, a sensible size and number of corner
        points); else OngeldigeInvoer with one Dutch sentence."""
        if self.cirkel is None and not MIN_PUNTEN <= len(self.punten) <= MAX_PUNTEN:
            raise OngeldigeInvoer(
                f"Een getekend gebied heeft {fmt.getal(MIN_PUNTEN)} tot {fmt.getal(MAX_PUNTEN)} hoekpunten."
            )
        controleer(self.geometrie())
        return self
