"""Documents built on reb_maps.weergave.druk: the briefing PDF."""
