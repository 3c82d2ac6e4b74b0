"""The Zoekgebieden view in the link: settings, drawn areas, the tested area and the comparison (pure).

Only what differs from the profile's preset goes into the link, in short parameters (all characters
URL-safe, so the link stays short and readable):

    p=g|m            profile (grootschalig, regionaal-mkb)          r=50       cell size (m)
    w=30.10.5.15.20.20  weights in whole points, in FACTOREN order   dr=60      threshold × 100
    d=1000-4000.…    cut-offs d0-d1 per factor (m)                   af=4000    max. distance to an exit (m)
    ha=150-300       area range                                      hb=300     nuisance distance (m)
    sz=1             nitrogen zone excluded                           cn=4       connectivity
    gm=Almelo,Borne  search only in these municipalities
    v=25012.47803.40.0.0.-30~c25500.47900.200   drawn areas, '~' between areas: a polygon as its first
                     RD point in units of 10 m then steps to the next point; 'c' x.y.ha = a circle
    t=G01|T1         the tested area (a candidate id, or T + number of a drawn area)
    vg=G01.G02.T1    the compared areas (2–4)

`decodeer` never fails: a value it cannot use is left out and named in a Dutch notice (plain text,
shortened), the rest still applies. `codeer` simplifies drawn polygons until the link fits `MAX_LINK`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import shapely

from reb_maps.data import GEMEENTEN
from reb_maps.zoekgebieden.gebied import EENHEID_M, MAX_GEBIEDEN, Gebied
from reb_maps.zoekgebieden.profielen import (
    BUFFER_BEREIK,
    CONNECTIVITEIT,
    FACTOREN,
    PROFIELEN,
    RESOLUTIES,
    OngeldigeInvoer,
    Parameters,
)
from ui.zoekgebieden.formulier import AFSTANDEN_M, DREMPELS, MAX_AFRIT_M, OPPERVLAKTE_HA

MAX_LINK = 2000  # characters of the whole link
MAX_VERGELIJK = 4
PROFIEL_CODE = {"grootschalig": "g", "regionaal-mkb": "m"}
SLEUTELS = ("p", "r", "w", "d", "dr", "af", "ha", "hb", "sz", "cn", "gm", "v", "t", "vg", "kz")
# The map's view in the link: centre within Twente and its surroundings, a zoom a person can use.
KAART_BREEDTE, KAART_LENGTE, KAART_ZOOM = (51.9, 52.7), (6.0, 7.3), (8, 18)
# a drawn area T1.., a candidate id G01 / M01, or a location saved in the workspace (W + 8 hex of its id)
_NAAM = re.compile(r"^(T[1-9]\d?|[GM]\d{2,3}|W[0-9a-f]{8})$", re.ASCII)
_WAT = {
    "p": "profiel", "r": "celgrootte", "w": "gewichten", "d": "afstandsgrenzen", "dr": "drempel",
    "af": "maximale afstand tot een afrit", "ha": "oppervlakte", "hb": "hinderafstand", "sz": "stikstofzone",
    "cn": "aaneengesloten cellen", "gm": "gemeenten", "v": "getekend gebied", "t": "getoetst gebied",
    "vg": "vergelijking", "kz": "kaartbeeld",
}  # fmt: skip


@dataclass(frozen=True)
class Weergave:
    """What the Zoekgebieden page shows beyond the shared sidebar."""

    params: Parameters
    gebieden: tuple[Gebied, ...] = ()
    toets: str | None = None
    vergelijk: tuple[str, ...] = field(default=())
    kaart: tuple[float, float, float] | None = None  # the map's centre (lat, lon) and zoom, as last seen


# ---------- Encoding ----------


def _getal(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def gebied_code(gebied: Gebied) -> str:
    if gebied.cirkel:
        x, y, ha = gebied.cirkel
        return f"c{x // EENHEID_M}.{y // EENHEID_M}.{_getal(ha)}"
    delen, vorig = [], (0, 0)
    for x, y in gebied.punten:
        delen += [str((x - vorig[0]) // EENHEID_M), str((y - vorig[1]) // EENHEID_M)]
        vorig = (x, y)
    return ".".join(delen)


def _vereenvoudigd(gebied: Gebied, tolerantie: float) -> Gebied:
    if gebied.cirkel or tolerantie == 0:
        return gebied
    return Gebied.van(shapely.simplify(gebied.geometrie(), tolerantie, preserve_topology=True))


def codeer(weergave: Weergave, basis_lengte: int = 0) -> dict[str, str]:
    """Query parameters for this view; `basis_lengte` = characters of the rest of the link (host, page…)."""
    params = weergave.params
    preset = PROFIELEN[params.profiel].parameters
    uit = {"p": PROFIEL_CODE[params.profiel]}
    if params.resolutie_m != 100:
        uit["r"] = str(params.resolutie_m)
    if params.gewichten != preset.gewichten:
        uit["w"] = ".".join(str(round(w * 100)) for _, w in params.gewichten)
    if params.afstanden != preset.afstanden:
        uit["d"] = ".".join(f"{_getal(d0)}-{_getal(d1)}" for _, d0, d1 in params.afstanden)
    for sleutel, veld, waarde in (
        ("dr", "drempel", str(round(params.drempel * 100))),
        ("af", "max_afstand_afrit_m", _getal(params.max_afstand_afrit_m)),
        ("ha", "min_ha", f"{_getal(params.min_ha)}-{_getal(params.max_ha)}"),
        ("hb", "buffer_bebouwing_m", _getal(params.buffer_bebouwing_m)),
        ("sz", "stikstofzone", "1"),
        ("cn", "connectiviteit", str(params.connectiviteit)),
    ):
        if getattr(params, veld) != getattr(preset, veld) or (veld == "min_ha" and params.max_ha != preset.max_ha):
            uit[sleutel] = waarde
    if params.gemeenten:
        uit["gm"] = ",".join(params.gemeenten)
    if weergave.toets:
        uit["t"] = weergave.toets
    if weergave.vergelijk:
        uit["vg"] = ".".join(weergave.vergelijk)
    if weergave.kaart:
        breedte, lengte, zoom = weergave.kaart
        uit["kz"] = f"{breedte:.4f},{lengte:.4f},{_getal(zoom)}"  # 4 decimals: about 10 m
    if weergave.gebieden:
        ruimte = MAX_LINK - basis_lengte - sum(len(k) + len(v) + 2 for k, v in uit.items()) - 3
        for tolerantie in (0, 10, 25, 50, 100, 250, 500):
            code = "~".join(gebied_code(_vereenvoudigd(g, tolerantie)) for g in weergave.gebieden)
            if len(code) <= ruimte:
                uit["v"] = code
                break
    return uit


# ---------- Decoding ----------


def _melding(sleutel: str, waarde: str) -> str:
    kort = waarde if len(waarde) <= 60 else waarde[:57] + "…"
    return f"Genegeerd in de link: {_WAT.get(sleutel, sleutel)} '{kort}' is geen geldige waarde."


def _int(tekst: str) -> int:
    if not re.fullmatch(r"-?[0-9]{1,7}", tekst):  # ASCII digits only
        raise ValueError(tekst)
    return int(tekst)


def _paar(tekst: str) -> tuple[int, int]:
    a, b = tekst.split("-")
    return _int(a), _int(b)


def _in_stappen(waarde: float, bereik: tuple[float, float], stap: float) -> bool:
    return bereik[0] <= waarde <= bereik[1] and (waarde - bereik[0]) % stap == 0


def _veld(sleutel: str, tekst: str, params: Parameters) -> dict:
    """The Parameters fields one link value sets; ValueError/OngeldigeInvoer when it cannot be used."""
    if sleutel == "r":
        waarde = _int(tekst)
        if waarde not in RESOLUTIES:
            raise ValueError(tekst)
        return {"resolutie_m": waarde}
    if sleutel == "w":
        punten = [_int(t) for t in tekst.split(".")]
        if len(punten) != len(FACTOREN) or not all(0 <= p <= 100 for p in punten) or not any(punten):
            raise ValueError(tekst)
        return {"gewichten": {n: p / 100 for n, p in zip(FACTOREN, punten, strict=True)}}
    if sleutel == "d":
        paren = [_paar(t) for t in tekst.split(".")]
        if len(paren) != len(FACTOREN) or any(a not in AFSTANDEN_M or b not in AFSTANDEN_M for a, b in paren):
            raise ValueError(tekst)
        return {"afstanden": {n: p for n, p in zip(FACTOREN, paren, strict=True)}}
    if sleutel == "dr":
        waarde = _int(tekst) / 100
        if waarde not in DREMPELS:
            raise ValueError(tekst)
        return {"drempel": waarde}
    if sleutel == "af":
        if _int(tekst) not in MAX_AFRIT_M:
            raise ValueError(tekst)
        return {"max_afstand_afrit_m": _int(tekst)}
    if sleutel == "ha":
        lo, hi = _paar(tekst)
        if not (_in_stappen(lo, OPPERVLAKTE_HA, 5) and _in_stappen(hi, OPPERVLAKTE_HA, 5)):
            raise ValueError(tekst)
        return {"min_ha": lo, "max_ha": hi}
    if sleutel == "hb":
        if not _in_stappen(_int(tekst), BUFFER_BEREIK, 50):
            raise ValueError(tekst)
        return {"buffer_bebouwing_m": _int(tekst)}
    if sleutel == "sz":
        if tekst not in ("0", "1"):
            raise ValueError(tekst)
        return {"stikstofzone": tekst == "1"}
    if sleutel == "cn":
        if _int(tekst) not in CONNECTIVITEIT:
            raise ValueError(tekst)
        return {"connectiviteit": _int(tekst)}
    if sleutel == "gm":
        namen = tuple(tekst.split(","))
        if not namen or any(n not in GEMEENTEN for n in namen):
            raise ValueError(tekst)
        return {"gemeenten": namen}
    raise KeyError(sleutel)


def _gebied(tekst: str) -> Gebied:
    if tekst.startswith("c"):
        x, y, ha = tekst[1:].split(".", 2)
        gebied = Gebied(cirkel=(_int(x) * EENHEID_M, _int(y) * EENHEID_M, float(ha)))
    else:
        stappen = [_int(t) * EENHEID_M for t in tekst.split(".")]
        if len(stappen) % 2:
            raise ValueError(tekst)
        punten, x, y = [], 0, 0
        for dx, dy in zip(stappen[::2], stappen[1::2], strict=True):
            x, y = x + dx, y + dy
            punten.append((x, y))
        gebied = Gebied(tuple(punten))
    return gebied.controleer()  # valid, in Twente, a sensible size and number of points


def kaartbeeld(tekst: str) -> tuple[float, float, float]:
    """'52.2700,6.8000,12.5' → (52.27, 6.8, 12.5) (the map zooms in half steps); ValueError outside Twente's
    surroundings or a usable zoom."""
    delen = tekst.split(",")
    if len(delen) != 3 or not all(re.fullmatch(r"[0-9]{1,3}(\.[0-9]{1,6})?", d) for d in delen):
        raise ValueError(tekst)
    breedte, lengte, zoom = float(delen[0]), float(delen[1]), round(float(delen[2]), 1)
    if not (KAART_BREEDTE[0] <= breedte <= KAART_BREEDTE[1] and KAART_LENGTE[0] <= lengte <= KAART_LENGTE[1]
            and KAART_ZOOM[0] <= zoom <= KAART_ZOOM[1]):  # fmt: skip
        raise ValueError(tekst)
    return breedte, lengte, zoom


def decodeer(query: Mapping[str, str]) -> tuple[Weergave | None, list[str]]:
    """The view a link describes (None when it holds no Zoekgebieden parameters) and its notices."""
    if not any(k in query for k in SLEUTELS):
        return None, []
    meldingen: list[str] = []
    profiel = {code: naam for naam, code in PROFIEL_CODE.items()}.get(query.get("p", "g"))
    if profiel is None:
        meldingen.append(_melding("p", query["p"]))
        profiel = "grootschalig"
    params = PROFIELEN[profiel].parameters
    for sleutel in ("r", "w", "d", "dr", "af", "ha", "hb", "sz", "cn", "gm"):
        if sleutel not in query:
            continue
        try:
            params = params.replace(**_veld(sleutel, query[sleutel], params))
        except (ValueError, OngeldigeInvoer):
            meldingen.append(_melding(sleutel, query[sleutel]))
    gebieden: list[Gebied] = []
    for deel in query.get("v", "").split("~") if query.get("v") else []:
        try:
            if len(gebieden) >= MAX_GEBIEDEN:
                raise ValueError(deel)
            gebieden.append(_gebied(deel))
        except (ValueError, OngeldigeInvoer):
            meldingen.append(_melding("v", deel))
    namen = {f"T{i}" for i in range(1, len(gebieden) + 1)}

    def bestaat(naam: str) -> bool:
        return bool(_NAAM.match(naam)) and (naam in namen or not naam.startswith("T"))

    toets = query.get("t") or None
    if toets is not None and not bestaat(toets):
        meldingen.append(_melding("t", toets))
        toets = None
    vergelijk: list[str] = []
    for naam in query.get("vg", "").split(".") if query.get("vg") else []:
        if bestaat(naam) and naam not in vergelijk and len(vergelijk) < MAX_VERGELIJK:
            vergelijk.append(naam)
        else:
            meldingen.append(_melding("vg", naam))
    kaart = None
    if query.get("kz"):
        try:
            kaart = kaartbeeld(query["kz"])
        except ValueError:
            meldingen.append(_melding("kz", query["kz"]))
    return Weergave(params, tuple(gebieden), toets, tuple(vergelijk), kaart), meldingen
