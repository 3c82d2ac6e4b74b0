"""Tables and texts of the Werkruimte page (no st.* calls): what the store holds, in Dutch, for a wethouder."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from reb_maps import fmt
from reb_maps.werkruimte import HERKOMSTEN, SOORTEN, Locatie, Weergave, Wijziging
from reb_maps.werkruimte.records import Laag
from reb_maps.zoekgebieden.toets import NIET_VOLDAAN, VOLDAAN

TIJDZONE = ZoneInfo("Europe/Amsterdam")
OVERLAP_NAMEN = {
    "natura2000": "Natura 2000",
    "nnn": "NNN",
    "bebouwde_kom": "Bebouwde kom + hinderafstand",
    "water": "Water",
    "bedrijventerrein": "Bestaand bedrijventerrein",
    "stikstofzone": "Stikstofzone (indicatief)",
}
AFSTAND_NAMEN = {
    "afrit": "Afstand tot afrit",
    "nweg": "Afstand tot N-weg",
    "station": "Afstand tot station",
    "vaarweg": "Afstand tot vaarweg",
    "hoogspanning": "Afstand tot hoogspanningsstation",
}


def tijd(moment: datetime) -> str:
    """Dutch local time, e.g. '04-12-2026 14:05'."""
    return moment.astimezone(TIJDZONE).strftime("%d-%m-%Y %H:%M")


def ha(waarde: float | None) -> str:
    return "punt" if waarde is None else f"{fmt.getal(waarde, 1)} ha"


def auteur(naam: str, geverifieerd: bool) -> str:
    return naam if geverifieerd else f"{naam} (niet geverifieerd)"


def locatie_label(loc: Locatie) -> str:
    gemeenten = ", ".join(loc.gemeenten) or "buiten Twente"
    weg = " — verwijderd" if loc.verwijderd else ""
    return f"{loc.naam} ({gemeenten}; {ha(loc.oppervlakte_ha)}){weg}"


def filter_locaties(
    locaties: Sequence[Locatie], gemeente: str | None, auteur_naam: str | None, zoek: str
) -> list[Locatie]:
    zoek = zoek.strip().lower()
    return [
        loc
        for loc in locaties
        if (not gemeente or gemeente in loc.gemeenten)
        and (not auteur_naam or loc.auteur == auteur_naam)
        and (not zoek or zoek in loc.naam.lower() or zoek in (loc.notitie or "").lower())
    ]


def locaties_tabel(locaties: Sequence[Locatie]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Naam": loc.naam,
                "Gemeente(n)": ", ".join(loc.gemeenten) or "buiten Twente",
                "Oppervlakte (ha)": None if loc.oppervlakte_ha is None else round(loc.oppervlakte_ha, 1),
                "Herkomst": HERKOMSTEN.get(loc.herkomst, loc.herkomst),
                "Auteur": auteur(loc.auteur, loc.geverifieerd),
                "Laatst gewijzigd": tijd(loc.gewijzigd),
                "Door": loc.gewijzigd_door,
                "Versie": loc.versie,
                "Opmerkingen": loc.opmerkingen,
                "Status": "verwijderd" if loc.verwijderd else "actief",
            }
            for loc in locaties
        ],
        columns=[
            "Naam",
            "Gemeente(n)",
            "Oppervlakte (ha)",
            "Herkomst",
            "Auteur",
            "Laatst gewijzigd",
            "Door",
            "Versie",
            "Opmerkingen",
            "Status",
        ],
    )


def toets_tabel(toets: Mapping[str, Any]) -> pd.DataFrame:
    """The test card's figures as saved: measure, value."""
    rijen = [("Profiel", str(toets.get("profiel_label") or toets.get("profiel") or "onbekend"))]
    if toets.get("oppervlakte_ha") is not None:
        rijen.append(("Oppervlakte", ha(toets["oppervlakte_ha"])))
    for sleutel, naam in AFSTAND_NAMEN.items():
        meter = toets.get(f"afstand_{sleutel}_m")
        if f"afstand_{sleutel}_m" in toets:
            rijen.append((naam, "geen in de laag" if meter is None else f"{fmt.getal(meter / 1000, 1)} km"))
    for sleutel, waarde in (toets.get("overlap_ha") or {}).items():
        rijen.append((f"Overlap {OVERLAP_NAMEN.get(sleutel, sleutel)}", f"{fmt.getal(waarde, 1)} ha"))
    if toets.get("score_gemiddeld") is not None:
        rijen.append(("Gemiddelde geschiktheid (0–1)", fmt.getal(toets["score_gemiddeld"], 2)))
    for principe in toets.get("principes") or []:
        teken = VOLDAAN if principe.get("voldaan") else NIET_VOLDAAN
        rijen.append((str(principe.get("naam")), f"{teken} ({principe.get('waarde')})"))
    return pd.DataFrame(rijen, columns=["Maat", "Waarde bij bewaren"])


def _verschil(w: Wijziging) -> str:
    if w.actie in {"aangemaakt", "geimporteerd"} or not w.voor or not w.na:
        return ""
    delen = []
    for veld, nieuw in w.na.items():
        oud = w.voor.get(veld)
        if oud == nieuw or veld in {"toets", "oppervlakte_ha", "gemeenten"}:
            continue
        if veld == "geometrie":
            delen.append("vorm gewijzigd")
        elif veld == "verwijderd":
            continue
        else:
            delen.append(f"{veld}: '{_kort(oud)}' → '{_kort(nieuw)}'")
    return "; ".join(delen)


def _kort(waarde: Any) -> str:
    tekst = "" if waarde is None else str(waarde)
    return tekst if len(tekst) <= 60 else tekst[:57] + "…"


def geschiedenis_tabel(wijzigingen: Sequence[Wijziging], namen: Mapping[str, str] | None = None) -> pd.DataFrame:
    namen = namen or {}
    return pd.DataFrame(
        [
            {
                "Wanneer": tijd(w.tijdstip),
                "Wie": auteur(w.auteur, w.geverifieerd),
                "Wat": SOORTEN.get(w.soort, w.soort),
                "Item": namen.get(w.item_id) or _naam_uit(w),
                "Actie": w.omschrijving,
                "Versie": w.versie,
                "Wijziging": _verschil(w),
            }
            for w in wijzigingen
        ],
        columns=["Wanneer", "Wie", "Wat", "Item", "Actie", "Versie", "Wijziging"],
    )


def _naam_uit(w: Wijziging) -> str:
    opname = w.na or w.voor or {}
    return _kort(opname.get("naam") or opname.get("titel") or opname.get("tekst") or w.item_id[:8])


def weergaven_tabel(weergaven: Sequence[Weergave]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Titel": w.titel,
                "Pagina": w.pagina,
                "Auteur": auteur(w.auteur, w.geverifieerd),
                "Bewaard": tijd(w.aangemaakt),
            }
            for w in weergaven
        ],
        columns=["Titel", "Pagina", "Auteur", "Bewaard"],
    )


def lagen_tabel(lagen: Sequence[Laag]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Naam": laag.naam,
                "Bestand": laag.bestandsnaam,
                "Objecten": laag.aantal,
                "Grootte": f"{fmt.getal(laag.bytes / 1e6, 1)} MB",
                "Auteur": auteur(laag.auteur, laag.geverifieerd),
                "Bewaard": tijd(laag.aangemaakt),
            }
            for laag in lagen
        ],
        columns=["Naam", "Bestand", "Objecten", "Grootte", "Auteur", "Bewaard"],
    )
