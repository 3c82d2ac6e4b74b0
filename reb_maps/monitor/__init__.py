"""Monitor: each year's IBIS and municipal figures as peildata in the workspace, beside the REB's 2023.

    bestand = invoer.lees_peilbestand(data, "ibis_2024_2025.csv")   # checked; MonitorFout names bad rows
    opslag.importeer(ruimte, bestand, auteur, bron="IBIS 2025, provincie Overijssel", vervang=False)
    reeks.reeks(ruimte, "Almelo")       # REB 2023 first, then every imported year
    reeks.peildatum(ruimte, 2025)       # one year's figures, hashable, for the map and the panel

`python -m reb_maps.monitor` is the command line. No Streamlit here.
"""
