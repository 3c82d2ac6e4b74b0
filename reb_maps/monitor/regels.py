"""The monitor's rules, stated once: which years, which codes, where a park in two municipalities counts."""

from __future__ import annotations

from reb_maps.data import GEMEENTE_CODES

MIN_JAAR, MAX_JAAR = 2000, 2100
REB_JAAR = 2023  # the report's moment: Tabel 2 (2023), Tabel 8 (begin 2023), Tabel 10 (1-1-2023)
TWENTE = "Twente"

REGEL_TWEE_GEMEENTEN = (
    "een terrein met meer dan één gemeentecode in GEM_CODES telt één keer, bij de eerste code die IBIS noemt "
    "(de gemeente waar het terrein volgens IBIS hoort); zo telt het in Twente nooit dubbel"
)
DEFINITIE_UITGEEFBAAR = (
    "IBIS' ‘uitgeefbaar’ (HA_TOTTUIT) is alle grond die op de terreinen volgens IBIS nog kan worden uitgegeven. "
    "Het ‘harde aanbod per 1-1-2023’ van het rapport (Tabel 10) is een andere maat: het rapport noemt er geen "
    "bron en geen definitie bij, en ‘hard’ betekent gewoonlijk: met een onherroepelijk bestemmingsplan. De twee "
    "staan daarom naast elkaar en worden niet als één reeks gelezen."
)
DEFINITIE_NETTO = (
    "Het netto areaal van het rapport (Tabel 8, januari 2023) komt zelf uit IBIS (bron: IBIS, 2024); een "
    "ingelezen IBIS-jaar meet hetzelfde, maar IBIS herziet soms terreinen achteraf."
)


def twente_codes() -> frozenset[str]:
    return frozenset(GEMEENTE_CODES)


def naam_van(code: str) -> str:
    return GEMEENTE_CODES.get(code, code)


def code_van(tekst: str) -> str | None:
    """A Twente municipality from its name (any case) or CBS code ('0153', 'GM0153'); None when not in Twente."""
    schoon = str(tekst).strip()
    for code, naam in GEMEENTE_CODES.items():
        if schoon.lower() == naam.lower():
            return code
    cijfers = schoon.upper().removeprefix("GM")
    if cijfers.isdigit():
        code = f"GM{int(cijfers):04d}"
        return code if code in GEMEENTE_CODES else None
    return None


def geteld_in(codes: list[str]) -> str:
    """The one municipality a park counts in (REGEL_TWEE_GEMEENTEN)."""
    return codes[0]
