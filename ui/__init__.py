"""Page adapters: widget values → engine parameters, engine results → map layers, tables and Dutch texts.

They sit beside `app_pages/` and outside `reb_maps`, so the engines in `reb_maps` never import UI code.
Most modules are pure (no st.* calls) and tested without Streamlit; the few that draw widgets shared by
several pages (`documenten`, `eigen_upload`, `zoekgebieden.toets_sectie`) say so in their docstring.
"""
