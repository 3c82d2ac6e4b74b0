"""Documents built on reb_maps.druk: the briefing PDF."""
