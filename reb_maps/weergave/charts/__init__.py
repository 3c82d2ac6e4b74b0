"""Plotly figure and table builders for the pages Gemeenten and Regio & economie.

Pure functions: DataFrames from `reb_maps.data.load_table` (and the selected municipality) in, a plotly
Figure or a formatted DataFrame out. They never call `st.*` and never read files. Every number a reader
sees passes `reb_maps.fmt` (Babel); axis ticks use plotly's own Dutch separators (`separators=",."`).
"""

from reb_maps.weergave.charts._basis import groei
from reb_maps.weergave.charts.gemeenten import (
    banen,
    grootschalig,
    markeer_selectie,
    netto_areaal,
    stoplichten,
    vergelijkingstabel,
    vraag_aanbod,
)
from reb_maps.weergave.charts.regio import (
    campusgroei,
    economisch_profiel,
    eib_scenarios,
    profiel_overig,
    regio_vergelijking,
    ruimtevraag,
)

__all__ = [
    "banen",
    "campusgroei",
    "economisch_profiel",
    "eib_scenarios",
    "groei",
    "grootschalig",
    "markeer_selectie",
    "netto_areaal",
    "profiel_overig",
    "regio_vergelijking",
    "ruimtevraag",
    "stoplichten",
    "vergelijkingstabel",
    "vraag_aanbod",
]
