"""Adapters of the page Zoekgebieden: `formulier` (widget values ↔ parameters), `kaartlagen` (map layers
and tables of a result) and `teksten` (its Dutch prose)."""
