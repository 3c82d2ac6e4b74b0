"""The explanatory Dutch sentences of the page Zoekgebieden, defined once (the page only places them).

Labels of factors and masks, with their accuracy, live in `profielen`; this module holds the prose
around the widgets and results.
"""

from __future__ import annotations

from reb_maps import fmt

# ---------- Sidebar ----------

HULP_PROFIEL = "Kiezen zet alle instellingen op de standaard van dat profiel."
HULP_RESOLUTIE = "Kleiner is preciezer maar trager; 100 m is de standaard."
UITLEG_GEWICHTEN = (
    "Relatief: ze worden herschaald zodat ze samen 100% zijn. Open het vraagteken voor richting, "
    "afstandsgrenzen en nauwkeurigheid van de gegevens."
)
UITLEG_AHP = (
    "Geef per paar aan welke factor belangrijker is en hoeveel (schaal van Saaty, 1–9). De gewichten "
    "volgen uit de eigenvector; de consistentieratio (CR) hoort hoogstens 0,10 te zijn."
)
HULP_AHP_OVERNEMEN = "Zet de schuiven hierboven op deze gewichten (afgerond op hele punten)."
HULP_BUFFER = "Geen nieuw terrein binnen deze afstand van de bebouwde kom."
HULP_DREMPEL = "Alleen cellen met minstens deze score kunnen een zoekgebied vormen."
HULP_OPPERVLAKTE = (
    "Een groter geschikt gebied wordt teruggebracht tot zijn best scorende kernen binnen deze "
    "bandbreedte; kleinere gebieden vallen af."
)
UITLEG_AFSTANDEN = "Volle score tot de eerste afstand, geen score vanaf de tweede, lineair daartussen."

# ---------- Main area ----------

TITEL = "Zoekgebieden voor nieuwe bedrijventerreinen"
VOORBEHOUD = (
    "**Indicatief, geen beleid.** Het rapport noemt in §4.2 en §4.3 alleen principes — grote kavels, ligging aan "
    "A1, A35 en de N-wegen, energie en water, goede inpassing, steun van meerdere gemeenten — en wijst geen "
    "locaties aan. Deze kaart laat zien waar die principes, vertaald in de instellingen links, op open kaartgegevens "
    "uitkomen. Afstanden zijn hemelsbreed. Een strook langs de echte ligging van A1, A35 en N35 is uitgesloten; "
    "de N18, de N36 en delen van de A1 liggen er alleen als schematisch tracé in en worden dus niet uitgesloten."
)
UITGANGSPUNTEN = (
    "Alle afstanden, gewichten en drempels zijn instelbare uitgangspunten van dit dashboard, geen cijfers uit "
    "het rapport."
)
ONGELDIG = "Pas de instellingen in de zijbalk aan."
UITLEG_KANDIDATEN = (
    "Afstanden hemelsbreed vanaf de rand van het zoekgebied. 'Deel van groter geschikt gebied': het "
    "zoekgebied is de best scorende kern van een aaneengesloten gebied boven de drempel."
)
GEEN_KANDIDATEN = (
    "Geen zoekgebied voldoet. Verlaag de drempel, verruim de oppervlakte of de maximale afstand tot een "
    "afrit, of verklein de hinderafstand."
)
UITLEG_FACTOREN = "Voor elke factor geldt: dichterbij is beter. Een factor zonder kaartgegevens telt niet mee."
UITLEG_BEPERKINGEN = (
    "Beperkingen overlappen elkaar, dus de oppervlakten tellen niet op. Een cel valt al af als "
    "een beperking haar raakt."
)
UITLEG_RANGEN = (
    "'1→2': de kandidaat met rang 1 overlapt na de wijziging vooral de kandidaat met rang 2; "
    "'–': hij overlapt geen kandidaat meer."
)
GEVOELIGHEID_VEROUDERD = "De instellingen zijn veranderd; bereken de gevoeligheid opnieuw."
HERHALEN = "Dezelfde kandidaten opnieuw berekenen vanuit de projectmap, met het gedownloade parameterbestand:"


def uitleg_kaart(resolutie_m: int) -> str:
    return (
        f"Geschiktheid per cel van {resolutie_m} m; kandidaten zwart omlijnd, klik voor details. "
        "Kaartlagen: CBS/Kadaster (PDOK), OpenStreetMap, RVO/provincies. Grenzen van bedrijventerreinen en de "
        "bebouwde kom bij benadering; gestippelde wegen en spoor zijn schematisch."
    )


def uitleg_gevoeligheid(stap: float) -> str:
    return (
        f"Elk gewicht afzonderlijk {fmt.fractie(stap)} hoger en lager (daarna opnieuw herschaald): "
        "hoe verschuiven de rangen en de oppervlakte van de kandidaten?"
    )
