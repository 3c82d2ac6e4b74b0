"""Everything that draws: the interactive map (folium), charts (plotly), print maps and slide pictures
(matplotlib), the documents (PDF, PowerPoint, HTML slides), the assets the map serves and the fonts.

Renderers take what the engines computed and make it visible; they compute no figure of their own. Nothing here
imports Streamlit: the pages' glue lives in `ui/`.
"""
