"""Session keys that cross pages: one home, so a page that reads another page's choice spells it the same way.

Modules keep their familiar names as aliases (`state.KEY = sessie_sleutels.GEMEENTE`); tests/test_architectuur.py
checks that no module spells one of these keys itself.
"""

# The view every page shares (sidebar, map, link)
GEMEENTE = "gemeente"  # the chosen municipality (None: all of Twente)
ACHTERGROND = "achtergrond"  # the basemap
INDICATOR = "indicator"  # the Kaart's choropleth indicator (also in the link and the briefing)
KAART_LAGEN = "kaart_lagen"  # catalogue layers switched on (tuple of keys), None: the catalogue's defaults
PEILDATUM = "peildatum"  # the year chosen on Kaart or Gemeenten (0: the REB's January 2023); both pages show it

# What one page leaves for others
EIGEN_LAGEN = "eigen_data_lagen"  # the session's own layers (Eigen data, Kaart, Zoekgebieden, briefing)
ZOEKGEBIEDEN_PARKEN = "eigen_data_zoekgebieden_parken"  # own parks chosen on Eigen data for Zoekgebieden
EIGEN_NETWERK = "_eigen_data_netwerk"  # own NWB roads / rail built from EIGEN_LAGEN (Kaart, downloads, presentatie)
PROGRAMMERING_VARIANT = "prog_variant"  # the variant chosen on Programmering; the briefing shows its rows
SCHAALSPRONG_SCENARIO = "schaalsprong_scenario"  # the last scenario set on Schaalsprong; the briefing reads it
AUTEUR_NAAM = "werkruimte_auteur_naam"  # the name a user gave for saving in the workspace (sidebar, every page)

# Per session, whatever the page
GEHEUGEN_WACHT = "_geheugen_wacht"  # guard object whose end (session dropped) hands memory back (ui.geheugen)
GEMEENTEN_TAB = "gemeenten_tab"  # the open tab on Gemeenten: only that one is built (lazy tabs); kept per session
GEMEENTEN_PROFIEL = "gemeenten_profiel_open"  # Gemeenten' profile expander open: its text is built only then
GEMEENTEN_OPMERKINGEN = "gemeenten_opmerkingen_open"  # the same for 'Opmerkingen bij de cijfers'
