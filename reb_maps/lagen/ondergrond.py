"""The quiet context basemap ("ondergrond"), declared once: built-up areas, water, main roads and place names.

Drawn beneath every thematic layer: under the print maps (briefing, downloads, slides) and as the offline choice
of the screen map ("Eenvoudige kaart (offline)"), where it takes the place of the tiles. Not a catalogue layer:
it has no entry in the layer control or the legend, it only gives orientation. Greys and a light blue, so the
thematic colours (and the legend's) stay as they are.

Plain data only, like the catalogue. The files come from `reb_maps.build_geodata.ondergrond`; their source,
licence and date are in data/geo/lagen.json.
"""

from __future__ import annotations

from dataclasses import dataclass

from reb_maps.lagen.model import LIJN, VLAK, Stijl


@dataclass(frozen=True)
class Ondergronddeel:
    """One part of the basemap.

    scherm       the offline screen map's coarse file in data/geo and the value of its property `soort`
    druk         the files the print map reads (the detailed EPSG:28992 analysis copy where there is one)
    dubbel_met   the catalogue layer that shows the same features: the print map leaves this part out when it
                 draws that layer (its colour would otherwise shine through and differ from the legend)
    """

    sleutel: str
    label: str
    geometrie: str
    stijl: Stijl
    scherm: tuple[str, str]
    druk: tuple[str, ...]
    dubbel_met: str | None = None


KLEUR_BEBOUWING = "#c8c8c8"
KLEUR_WATER = "#a9cbe0"
KLEUR_WEG = "#a3a3a3"

ONDERGROND: tuple[Ondergronddeel, ...] = (
    Ondergronddeel("bebouwing", "Bebouwde kom", VLAK, Stijl(KLEUR_BEBOUWING, lijn=0, vuldekking=0.45),
                   ("ondergrond_vlakken", "bebouwing"), ("bebouwde_kom",), dubbel_met="bebouwde_kom"),
    Ondergronddeel("water", "Water", VLAK, Stijl(KLEUR_WATER, lijn=0.6, vuldekking=1),
                   ("ondergrond_vlakken", "water"), ("waterwegen",), dubbel_met="waterwegen"),
    Ondergronddeel("waterlopen", "Waterlopen", LIJN, Stijl(KLEUR_WATER, lijn=1.2),
                   ("ondergrond_lijnen", "water"), ("waterwegen_lijnen",), dubbel_met="waterwegen"),
    Ondergronddeel("wegen", "Snelwegen", LIJN, Stijl(KLEUR_WEG, lijn=1.6),
                   ("ondergrond_lijnen", "weg"), ("wegen",), dubbel_met="wegen"),
)  # fmt: skip

# Place names: data/geo/plaatsnamen.geojson (TOP10NL woonkernen above a threshold, see the build step), drawn in a
# quiet grey. A place that shares its name with a municipality is left out: the municipality's label names it.
PLAATSNAMEN = "plaatsnamen"
PLAATSNAAM_VELD = "naam"
KLEUR_PLAATSNAAM = "#5a5a5a"
# The screen map shows them from this zoom level on (the Twente overview keeps to the 14 municipality names).
PLAATSNAAM_VANAF_ZOOM = 11

BESTANDEN = tuple(dict.fromkeys([*(d.scherm[0] for d in ONDERGROND), PLAATSNAMEN]))


def deel(sleutel: str) -> Ondergronddeel:
    for item in ONDERGROND:
        if item.sleutel == sleutel:
            return item
    raise KeyError(f"Onbekend deel van de ondergrond '{sleutel}'")
