"""Programming proposals (variants) in the workspace: named, with history, copyable, and read-only once
"vastgesteld". A variant's rows travel as one list, so one version number guards all of them: two people editing
the same variant get the workspace's version conflict, never a silent overwrite.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from reb_maps.fouten import OngeldigeInvoer
from reb_maps.programmering.regels import Regel
from reb_maps.werkruimte import Auteur, Werkruimte, records

CONCEPT, VASTGESTELD = "concept", "vastgesteld"
MAX_REGELS = 10_000


@dataclass(frozen=True)
class Variant:
    id: str
    naam: str
    status: str
    toelichting: str
    regels: tuple[Regel, ...]
    versie: int
    auteur: str
    geverifieerd: bool
    gewijzigd: datetime
    gewijzigd_door: str
    bron_variant: str | None = None

    @property
    def vastgesteld(self) -> bool:
        return self.status == VASTGESTELD


def _variant(item) -> Variant:
    return Variant(
        item.id,
        item.naam,
        item.status,
        item.toelichting or "",
        tuple(Regel.uit_dict(r) for r in item.regels or ()),
        item.versie,
        item.auteur,
        item.geverifieerd,
        item.gewijzigd,
        item.gewijzigd_door,
        item.bron_variant,
    )


def _regels(regels: Sequence[Regel]) -> list[dict]:
    if len(regels) > MAX_REGELS:
        raise OngeldigeInvoer(f"een variant heeft hoogstens {MAX_REGELS:,} regels".replace(",", "."))
    return [r.als_dict() for r in regels]


def _naam(ruimte: Werkruimte, naam: str, behalve: str | None = None) -> str:
    naam = records.tekst(naam, "naam van de variant", records.MAX_NAAM)
    if any(v.naam.casefold() == naam.casefold() and v.id != behalve for v in varianten(ruimte)):
        raise OngeldigeInvoer(f"er is al een variant '{naam}'; kies een andere naam")
    return naam


def varianten(ruimte: Werkruimte) -> list[Variant]:
    """Every variant that is not deleted, newest change first."""
    return [_variant(i) for i in ruimte.items("variant")]


def variant(ruimte: Werkruimte, naam_of_id: str) -> Variant:
    for v in varianten(ruimte):
        if naam_of_id in (v.id, v.naam) or v.naam.casefold() == str(naam_of_id).casefold():
            return v
    raise OngeldigeInvoer(f"variant '{str(naam_of_id)[:80]}' bestaat niet")


def nieuw(
    ruimte: Werkruimte,
    naam: str,
    regels: Sequence[Regel],
    auteur: Auteur,
    toelichting: str = "",
    bron_variant: str | None = None,
) -> Variant:
    waarden = {
        "naam": _naam(ruimte, naam),
        "status": CONCEPT,
        "toelichting": records.tekst(toelichting, "toelichting", records.MAX_NOTITIE, leeg_mag=True),
        "regels": _regels(regels),
        "bron_variant": bron_variant,
    }
    return _variant(ruimte.nieuw_item("variant", waarden, auteur))


def wijzig_regels(ruimte: Werkruimte, v: Variant, regels: Sequence[Regel], auteur: Auteur) -> Variant:
    """Save the rows as edited from version `v.versie` (refused when someone saved in between)."""
    if v.vastgesteld:
        raise OngeldigeInvoer(f"variant '{v.naam}' is vastgesteld en kan niet meer worden gewijzigd; maak een kopie")
    return _variant(ruimte.wijzig_item("variant", v.id, v.versie, {"regels": _regels(regels)}, auteur))


def kopieer(ruimte: Werkruimte, v: Variant, naam: str, auteur: Auteur) -> Variant:
    return nieuw(ruimte, naam, v.regels, auteur, f"Kopie van '{v.naam}' (versie {v.versie})", bron_variant=v.id)


def stel_vast(ruimte: Werkruimte, v: Variant, auteur: Auteur) -> Variant:
    if v.vastgesteld:
        return v
    return _variant(ruimte.wijzig_item("variant", v.id, v.versie, {"status": VASTGESTELD}, auteur))
