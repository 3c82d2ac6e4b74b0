"""Page adapters: widget values → engine parameters, engine results → map layers, tables and Dutch texts.

They sit beside `app_pages/` and outside `reb_maps`, so the engines in `reb_maps` never import UI code.
Nothing here calls Streamlit itself; the pages do.
"""
