"""The layer catalogue: every map layer of the dashboard, declared once.

Adding a layer = one entry here (plus, for a new file, its build step in `reb_maps.build_geodata`). The
interactive map, its legend and layer control, the print map, the Bronnen page and the search-area engine's
masks and factors all read these entries. Colours are colour-blind safe where they must be told apart.
"""

from __future__ import annotations

from reb_maps.lagen.model import (
    LIJN,
    PUNT,
    THEMA_BEREIKBAARHEID,
    THEMA_GEMEENTEN,
    THEMA_NATUUR,
    THEMA_RUIMTE,
    THEMA_WERKLOCATIES,
    THEMA_WERKRUIMTE,
    VLAK,
    Laag,
    Stijl,
)

# Status of a plan or location, in the order of its life cycle (Okabe–Ito colours).
STATUS_KLEUREN = {
    "bestaand": "#0072B2",
    "in ontwikkeling": "#009E73",
    "plan": "#E69F00",
    "verkenning": "#CC79A7",
    "herontwikkeling": "#D55E00",
}

CATALOGUS: tuple[Laag, ...] = (
    Laag(
        "gemeenten", "Gemeenten", THEMA_GEMEENTEN, "gemeenten", VLAK,
        Stijl("#444444", lijn=1, vuldekking=0.55), volgorde=0,
        tip_veld="gemeente", label_veld="gemeente", label_vanaf_zoom=9, masker="gemeente",
    ),
    Laag(
        "buurgemeenten", "Buurgemeenten", THEMA_GEMEENTEN, "buurgemeenten", VLAK,
        Stijl("#9e9e9e", lijn=0.8, vulkleur="#eeeeee", vuldekking=0.5), volgorde=1, kaart=False,
        tip_veld="gemeente",
    ),
    Laag(
        "regio", "Regio Twente", THEMA_GEMEENTEN, "regio", VLAK, Stijl("#222222", lijn=2), volgorde=2,
        kaart=False, masker="buiten_twente",
    ),
    Laag(
        "natura2000", "Natura 2000", THEMA_NATUUR, "natura2000", VLAK,
        Stijl("#33a02c", lijn=1, vuldekking=0.35), volgorde=10, zichtbaar=False, tip_veld="naam",
        masker="natura2000",
    ),
    Laag(
        "nnn", "Natuurnetwerk Nederland (NNN)", THEMA_NATUUR, "nnn", VLAK,
        Stijl("#b2df8a", lijn=0, vuldekking=0.45), volgorde=11, zichtbaar=False, masker="nnn",
    ),
    Laag(
        "stikstofzone", "Stikstofzone rond Natura 2000 (indicatief)", THEMA_NATUUR, "stikstofzone", VLAK,
        Stijl("#b15928", lijn=1, vuldekking=0.1, stippel="4 4"), volgorde=12, zichtbaar=False,
        masker="stikstofzone",
    ),
    Laag(
        "bebouwde_kom", "Bebouwde kom", THEMA_RUIMTE, "bebouwde_kom", VLAK,
        Stijl("#969696", lijn=0, vuldekking=0.35), volgorde=13, zichtbaar=False, tip_veld="naam",
        masker="bebouwing",
    ),
    Laag(
        "waterwegen", "Vaarwegen", THEMA_BEREIKBAARHEID, "waterwegen", VLAK,
        Stijl("#1f78b4", lijn=1, vuldekking=0.7), volgorde=14, tip_veld="naam",
        masker="water", factor="vaarweg", extra_bestanden=("waterwegen_lijnen",),
    ),
    Laag(
        "bedrijventerreinen", "Bedrijventerreinen (bij benadering)", THEMA_WERKLOCATIES, "bedrijventerreinen",
        VLAK, Stijl("#6a3d9a", lijn=2, vuldekking=0.3), volgorde=20, bron="locaties",
        filter=("laag", "bedrijventerrein"), masker="bedrijventerrein", factor="bedrijventerrein",
    ),
    Laag(
        "grootschalig", "Grootschalige bedrijventerreinen (> 50 ha netto)", THEMA_WERKLOCATIES,
        "bedrijventerreinen", VLAK, Stijl("#3f007d", lijn=3, vuldekking=0.45), volgorde=21, bron="locaties",
        filter=("laag", "grootschalig"), label_veld="naam", label_vanaf_zoom=11,
    ),
    Laag(
        "campussen", "Campussen en innovatieomgevingen", THEMA_WERKLOCATIES, "locatie_punten", PUNT,
        Stijl("#e7298a", lijn=2, vuldekking=0.3, straal=7), volgorde=22, bron="locaties",
        filter=("laag", "campus"),
    ),
    Laag(
        "plannen", "Plannen, zoekgebieden en herontwikkeling", THEMA_WERKLOCATIES, "locatie_punten", PUNT,
        Stijl(STATUS_KLEUREN["plan"], lijn=2, vuldekking=0.3, straal=7), volgorde=23, bron="locaties",
        filter=("laag", "plan"), kleur_veld="kleur",
        legenda=tuple((f"Plan: {s}", k, PUNT) for s, k in STATUS_KLEUREN.items() if s != "bestaand"),
    ),
    Laag(
        "wegen", "Snelwegen en N-wegen", THEMA_BEREIKBAARHEID, "corridors", LIJN,
        Stijl("#d62728", lijn=4, dekking=0.85), volgorde=30, tip_veld="corridor", stippel_veld="schematisch",
        schematisch_label=True, masker="wegen", factor="nweg",
        legenda=(("Snelweg / N-weg", "#d62728", LIJN), ("Weg, schematisch tracé", "#d62728", "stippel")),
    ),
    Laag(
        "spoor", "Spoor (schematisch)", THEMA_BEREIKBAARHEID, "spoor_schematisch", LIJN,
        Stijl("#333333", lijn=2, stippel="2 6"), volgorde=31, tip_veld="lijn", stippel_veld="schematisch",
    ),
    Laag(
        "stations", "Treinstations", THEMA_BEREIKBAARHEID, "stations", PUNT,
        Stijl("#111111", lijn=2, vulkleur="#ffffff", vuldekking=1, straal=4), volgorde=32, tip_veld="naam",
        factor="station",
    ),
    Laag(
        "afritten", "Afritten en knooppunten", THEMA_BEREIKBAARHEID, "afritten", PUNT,
        Stijl("#7f0000", lijn=2, vulkleur="#ffffff", vuldekking=1, straal=4), volgorde=40, zichtbaar=False,
        tip_veld="naam", factor="afrit",
    ),
    Laag(
        "hoogspanning_stations", "Hoogspanningsstations", THEMA_RUIMTE, "hoogspanning_stations", PUNT,
        Stijl("#ff7f00", lijn=1, vuldekking=0.9, straal=5), volgorde=41, zichtbaar=False, tip_veld="naam",
        factor="hoogspanning",
    ),
    Laag(
        "hoogspanning_verbindingen", "Hoogspanningsverbindingen (schematisch)", THEMA_RUIMTE,
        "hoogspanning_verbindingen", LIJN, Stijl("#ff7f00", lijn=1.5, stippel="6 4"), volgorde=35, zichtbaar=False,
        tip_veld="naam",
    ),
    Laag(
        "werkruimte_locaties", "Bewaarde locaties (werkruimte)", THEMA_WERKRUIMTE, "werkruimte_locaties", VLAK,
        Stijl("#6a3d9a", lijn=2.5, vuldekking=0.15, stippel="6 3", straal=7), volgorde=44, bron="werkruimte",
        tip_veld="naam",
    ),
    Laag(
        "peil_terreinen", "IBIS-terreinen van de peildatum (monitor)", THEMA_WERKRUIMTE, "peil_terreinen", VLAK,
        Stijl("#01665e", lijn=1.5, vuldekking=0.25), volgorde=24, bron="peildata", tip_veld="naam",
        stippel_veld="veranderd",
        legenda=(("IBIS-terrein van de gekozen peildatum", "#01665e", VLAK),
                 ("Netto oppervlakte veranderd sinds het vorige jaar (dikke stippellijn)", "#8c510a", "stippel")),
    ),
)  # fmt: skip
