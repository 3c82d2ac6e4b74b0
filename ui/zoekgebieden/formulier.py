"""The settings form of the page Zoekgebieden as plain data (pure: no Streamlit).

The page keeps one value per widget under the keys below; every function here takes or returns a plain
dict of those values, so the mapping widget values ↔ `Parameters` is tested without a browser. Weights
show as whole points 0–100 (relative; the engine normalises them); the pairwise (AHP) judgements start at
the Saaty value nearest to the ratio of the two preset weights.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reb_maps import fmt
from reb_maps.zoekgebieden.gewichten import CR_GRENS, AhpUitkomst, ahp, ahp_matrix
from reb_maps.zoekgebieden.profielen import FACTOREN, PROFIELEN, Parameters

STANDAARD_PROFIEL = "grootschalig"

# Widget ranges and steps.
AFSTANDEN_M = tuple(range(0, 15_001, 250))  # cut-offs d0 and d1 of a factor
MAX_AFRIT_M = tuple(range(1000, 15_001, 500))
DREMPELS = tuple(k / 100 for k in range(101))
OPPERVLAKTE_HA = (5, 500)
SAATY = (9, 8, 7, 6, 5, 4, 3, 2, 1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7, 1 / 8, 1 / 9)
BUREN = {8: "ook via hoeken", 4: "alleen via zijden"}  # connectivity, as the radio shows it
VASTE_MASKERS = ("natura2000", "nnn", "water", "wegen", "bedrijventerrein")  # always on, shown greyed out
PAREN = tuple((a, b) for i, a in enumerate(FACTOREN) for b in list(FACTOREN)[i + 1 :])

# Widget keys (session state).
K_PROFIEL, K_RESOLUTIE, K_BUFFER, K_STIKSTOF = "zg_profiel", "zg_resolutie", "zg_buffer", "zg_stikstof"
K_GEMEENTEN, K_DREMPEL, K_AFRIT, K_OPP, K_CONN = "zg_gemeenten", "zg_drempel", "zg_max_afrit", "zg_opp", "zg_conn"


def k_gewicht(factor: str) -> str:
    return f"zg_gewicht_{factor}"


def k_afstand(factor: str) -> str:
    return f"zg_afstand_{factor}"


def k_ahp(a: str, b: str) -> str:
    return f"zg_ahp_{a}_{b}"


def k_vast(masker: str) -> str:
    return f"zg_vast_{masker}"


def saaty(ratio: float) -> float:
    """The Saaty value nearest to a weight ratio (compared as 'x times' on either side of 1)."""
    return min(SAATY, key=lambda v: abs(v - ratio) if ratio >= 1 else abs(1 / v - 1 / ratio))


def saaty_tekst(waarde: float, a: str, b: str) -> str:
    """'even belangrijk', 'Afrit 3×' or 'Station 5×' for the judgement 'a against b'."""
    if waarde == 1:
        return "even belangrijk"
    if waarde > 1:
        return f"{FACTOREN[a].kort} {round(waarde)}×"
    return f"{FACTOREN[b].kort} {round(1 / waarde)}×"


def widget_waarden(params: Parameters) -> dict[str, Any]:
    """The widget values that show these parameters."""
    waarden = {
        K_PROFIEL: params.profiel,
        K_RESOLUTIE: params.resolutie_m,
        K_BUFFER: int(params.buffer_bebouwing_m),
        K_STIKSTOF: params.stikstofzone,
        K_GEMEENTEN: list(params.gemeenten),
        K_DREMPEL: round(params.drempel, 2),
        K_AFRIT: int(params.max_afstand_afrit_m),
        K_OPP: (int(params.min_ha), int(params.max_ha)),
        K_CONN: params.connectiviteit,
    }
    waarden |= gewicht_waarden(dict(params.gewichten))
    for naam, d0, d1 in params.afstanden:
        waarden[k_afstand(naam)] = (int(d0), int(d1))
    for a, b in PAREN:
        wa, wb = params.gewicht(a), params.gewicht(b)
        waarden[k_ahp(a, b)] = 1 if not (wa and wb) else saaty(wa / wb)
    return waarden


def gewicht_waarden(gewichten: Mapping[str, float]) -> dict[str, int]:
    """Weight sliders for these weights, in whole points (also to take over the AHP weights)."""
    return {k_gewicht(naam): round(gewicht * 100) for naam, gewicht in gewichten.items()}


def profiel_waarden(naam: str) -> dict[str, Any]:
    """Every widget on the profile's preset except the cell size (about precision, not about the profile)."""
    waarden = widget_waarden(PROFIELEN[naam].parameters)
    del waarden[K_RESOLUTIE]
    return waarden


def startwaarden() -> dict[str, Any]:
    """The form on a first visit: the default profile."""
    return widget_waarden(PROFIELEN[STANDAARD_PROFIEL].parameters)


def parameters_uit(waarden: Mapping[str, Any]) -> Parameters:
    """The parameters the widget values describe; raises OngeldigeInvoer with a Dutch message."""
    return Parameters(
        profiel=waarden[K_PROFIEL],
        resolutie_m=waarden[K_RESOLUTIE],
        buffer_bebouwing_m=waarden[K_BUFFER],
        max_afstand_afrit_m=waarden[K_AFRIT],
        stikstofzone=waarden[K_STIKSTOF],
        drempel=waarden[K_DREMPEL],
        min_ha=waarden[K_OPP][0],
        max_ha=waarden[K_OPP][1],
        connectiviteit=waarden[K_CONN],
        gewichten={naam: waarden[k_gewicht(naam)] / 100 for naam in FACTOREN},
        afstanden={naam: tuple(waarden[k_afstand(naam)]) for naam in FACTOREN},
        gemeenten=tuple(waarden[K_GEMEENTEN]),
    )


def genormaliseerd_tekst(waarden: Mapping[str, Any]) -> str | None:
    """'Genormaliseerd: Afrit 30%, …' for the weight sliders; None when all are 0."""
    gezet = {naam: waarden[k_gewicht(naam)] for naam in FACTOREN}
    totaal = sum(gezet.values())
    if not totaal:
        return None
    return "Genormaliseerd: " + ", ".join(f"{FACTOREN[n].kort} {fmt.fractie(w / totaal)}" for n, w in gezet.items())


def ahp_uit(waarden: Mapping[str, Any]) -> AhpUitkomst:
    """Weights and consistency ratio of the pairwise judgements in the widget values."""
    oordelen = {(a, b): float(waarden[k_ahp(a, b)]) for a, b in PAREN}
    return ahp(ahp_matrix(list(FACTOREN), oordelen), list(FACTOREN))


def ahp_tekst(uitkomst: AhpUitkomst) -> str:
    return "AHP-gewichten: " + ", ".join(f"{FACTOREN[n].kort} {fmt.fractie(w)}" for n, w in uitkomst.gewichten.items())


def cr_tekst(uitkomst: AhpUitkomst) -> str:
    return f"Consistentieratio CR = **{fmt.getal(uitkomst.cr, 2)}** (grens {fmt.getal(CR_GRENS, 2)})"


def drempel_tekst(drempel: float) -> str:
    return fmt.getal(drempel, 2)
