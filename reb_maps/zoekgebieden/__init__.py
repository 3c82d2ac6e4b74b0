"""Multi-criteria search for new bedrijventerrein locations in Twente (REB Twente 2040 §4.2 and §4.3).

`bereken(standaard_parameters("grootschalig"))` runs the search; `python -m reb_maps.zoekgebieden --help`
does the same from the command line. Modules: `profielen` (parameters and Dutch labels), `grid` (grid,
masks, distance grids; cached), `factoren`, `gewichten` (incl. AHP), `zones` (the engine),
`gevoeligheid`, `export`, `gebied` (a drawn area, its allowed values and validation) and `toets` (test
one area). A user's own parks (`grid.EigenParken`) are an argument of the run and the test. Engine only: the
page's adapters (form, map layers, texts) live in `ui.zoekgebieden`.
"""

from reb_maps.fouten import OngeldigeInvoer
from reb_maps.zoekgebieden.profielen import (
    FACTOREN,
    MASKERS,
    PROFIELEN,
    Parameters,
    standaard_parameters,
)
from reb_maps.zoekgebieden.zones import Resultaat, bereken

__all__ = [
    "FACTOREN",
    "MASKERS",
    "PROFIELEN",
    "OngeldigeInvoer",
    "Parameters",
    "Resultaat",
    "bereken",
    "standaard_parameters",
]
