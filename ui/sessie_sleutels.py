"""Session keys that cross pages: one home, so a page that reads another page's choice spells it the same way."""

PROGRAMMERING_VARIANT = "prog_variant"  # the variant chosen on Programmering; the briefing shows its rows
PEILDATUM = "peildatum"  # the year chosen on Kaart or Gemeenten (0: the REB's January 2023); both pages show it
GEHEUGEN_WACHT = "_geheugen_wacht"  # guard object whose end (session dropped) hands memory back (ui.geheugen)
GEMEENTEN_TAB = "gemeenten_tab"  # the open tab on Gemeenten: only that one is built (lazy tabs); kept per session
