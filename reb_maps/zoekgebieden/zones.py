"""The engine: masks + weighted factors → suitability grid → candidate zones, ranked.

Definitions (the tests hold the engine to these):
- toegestaan: cells inside Twente touched by no hard constraint and whose farthest point lies within
  `max_afstand_afrit_m` of an exit (hemelsbreed);
- score: the weighted sum of the factors (weights normalised to 1), only on allowed cells;
- geschikt: allowed cells with score ≥ drempel. Tightening any constraint (a larger nuisance distance, a
  smaller distance to an exit, the nitrogen zone, fewer municipalities) only removes allowed cells and
  never changes a score, so the allowed area and the geschikt area never grow; the CANDIDATE area can
  (a too large area may split into cores that fit the range), so it is not monotone;
- gebied: a connected set of geschikt cells (4- or 8-connectivity, parameter `connectiviteit`);
- kandidaat: a gebied whose area lies within [min_ha, max_ha]. A gebied larger than max_ha is not
  dropped: inside it the threshold rises in steps of `STAP_DREMPEL` until connected cores fall within
  the range; those cores are candidates (flag `kern_van_groter_gebied`, the whole area in `gebied_ha`).
  Gebieden or cores smaller than min_ha are left out. So every candidate's area lies within the range.
Candidates are ranked by mean score (ties: larger first, then the south-western cell first).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely
from scipy import ndimage

from reb_maps.crs import RD
from reb_maps.data import GEMEENTEN
from reb_maps.fouten import OngeldigeInvoer
from reb_maps.zoekgebieden import grid
from reb_maps.zoekgebieden.factoren import beschikbaar, factor_waarden
from reb_maps.zoekgebieden.gewichten import normaliseer
from reb_maps.zoekgebieden.profielen import FACTOREN, KOLOMMEN, Parameters

STAP_DREMPEL = 0.01
CRS = RD
_ID_PREFIX = {"grootschalig": "G", "regionaal-mkb": "M"}


@dataclass(frozen=True, eq=False)
class Resultaat:
    parameters: Parameters
    raster: grid.Raster
    maskers: dict[str, np.ndarray]  # flat, True = excluded by that constraint
    toegestaan: np.ndarray  # flat bool
    score: np.ndarray  # flat float, NaN where not allowed
    zones: np.ndarray  # flat int: the candidate's rank, 0 = no candidate
    kandidaten: gpd.GeoDataFrame  # EPSG:28992, columns KOLOMMEN + geometry, ranked
    gewichten: dict[str, float]  # the weights actually used (normalised, available factors only)
    waarschuwingen: tuple[str, ...]

    @property
    def geschikt(self) -> np.ndarray:
        return self.toegestaan & (np.nan_to_num(self.score, nan=-1.0) >= self.parameters.drempel)

    @property
    def toegestaan_ha(self) -> float:
        return float(self.toegestaan.sum()) * self.raster.cel_ha

    @property
    def geschikt_ha(self) -> float:
        return float(self.geschikt.sum()) * self.raster.cel_ha

    @property
    def kandidaten_ha(self) -> float:
        return float(self.kandidaten["oppervlakte_ha"].sum()) if len(self.kandidaten) else 0.0

    @property
    def aantal(self) -> int:
        return len(self.kandidaten)

    def uitgesloten_ha(self) -> dict[str, float]:
        """Per constraint the area of Twente it excludes (constraints overlap, so these do not add up)."""
        binnen = ~self.maskers["buiten_twente"]
        cel = self.raster.cel_ha
        return {n: float((m & binnen).sum()) * cel for n, m in self.maskers.items() if n != "buiten_twente"}


def maskers(params: Parameters, eigen_parken: grid.EigenParken | None = None) -> dict[str, np.ndarray]:
    """Every hard constraint of these parameters as a flat boolean grid (True = excluded); with `eigen_parken`
    the existing parks are the user's own."""
    res = params.resolutie_m
    r = grid.raster(res)
    uit = {
        "buiten_twente": ~grid.binnen_regio(res),
        "bebouwing": grid.bebouwing_masker(res, params.buffer_bebouwing_m),
        "natura2000": grid.masker("natura2000", res),
        "nnn": grid.masker("nnn", res),
        "water": grid.masker("water", res),
        "wegen": grid.masker("wegen", res),
        "bedrijventerrein": grid.masker("bedrijventerrein", res, eigen_parken),
    }
    if params.stikstofzone:
        uit["stikstofzone"] = grid.masker("stikstofzone", res)
    afrit = grid.afstand("afrit", res)
    # The farthest point of a cell lies at most half a diagonal beyond its centre.
    uit["afrit"] = (
        np.ones(r.size, dtype=bool) if afrit is None else afrit + r.halve_diagonaal > params.max_afstand_afrit_m
    )
    if params.gemeenten:
        gekozen = [GEMEENTEN.index(g) for g in params.gemeenten]
        uit["gemeente"] = ~np.isin(grid.gemeente_index(res), gekozen)
    return uit


def effectieve_gewichten(
    params: Parameters, eigen_parken: grid.EigenParken | None = None
) -> tuple[dict[str, float], tuple[str, ...]]:
    """Normalised weights over the factors that have data, and a Dutch warning per factor left out."""
    aanwezig = beschikbaar(params.resolutie_m, eigen_parken)
    gewichten = dict(params.gewichten)
    waarschuwingen = tuple(
        f"{FACTOREN[n].label} telt niet mee: de kaartlaag '{FACTOREN[n].laag}' is leeg; "
        "de andere gewichten zijn herschaald."
        for n, w in gewichten.items()
        if w > 0 and n not in aanwezig
    )
    bruikbaar = {n: w for n, w in gewichten.items() if n in aanwezig}
    if not any(bruikbaar.values()):
        raise OngeldigeInvoer("Geen enkele factor met een gewicht groter dan 0 heeft gegevens; kies andere gewichten.")
    return normaliseer(bruikbaar), waarschuwingen


def _structuur(connectiviteit: int) -> np.ndarray:
    return ndimage.generate_binary_structure(2, 1 if connectiviteit == 4 else 2)


def _kernen(score: np.ndarray, gebied: np.ndarray, drempel: float, min_c: int, max_c: int, structuur):
    """Cores of a too large area: raise the threshold until connected parts fit [min_c, max_c] cells.

    Returns a label array of the cores (1..k) on the same window.
    """
    kernen = np.zeros(gebied.shape, dtype=np.int32)
    rest = gebied.copy()
    k = 0
    for stap in range(1, math.ceil((1 - drempel) / STAP_DREMPEL) + 2):
        labels, n = ndimage.label(rest & (score >= drempel + stap * STAP_DREMPEL), structuur)
        if n == 0:
            break
        grootte = np.bincount(labels.ravel(), minlength=n + 1)
        grootte[0] = 0
        past = (grootte >= min_c) & (grootte <= max_c)
        nieuw = np.zeros(n + 1, dtype=np.int32)
        nieuw[past] = np.arange(k + 1, k + 1 + past.sum())
        k += int(past.sum())
        toewijzing = nieuw[labels]
        kernen = np.where(toewijzing > 0, toewijzing, kernen)
        rest = (grootte > max_c)[labels]  # only still too large parts go on
        if not rest.any():
            break
    return kernen


def _zones(geschikt: np.ndarray, score: np.ndarray, params: Parameters, r: grid.Raster):
    """Label raster (1..n, unranked) of the candidates and per candidate its gebied size in cells."""
    structuur = _structuur(params.connectiviteit)
    min_c = math.ceil(params.min_ha / r.cel_ha - 1e-9)
    max_c = math.floor(params.max_ha / r.cel_ha + 1e-9)
    labels, n = ndimage.label(geschikt, structuur)
    zones = np.zeros(r.shape, dtype=np.int32)
    gebied = [0]
    if n == 0 or min_c > max_c:
        return zones, np.array(gebied)
    grootte = np.bincount(labels.ravel(), minlength=n + 1)
    grootte[0] = 0
    past = (grootte >= min_c) & (grootte <= max_c)
    nieuw = np.zeros(n + 1, dtype=np.int32)
    nieuw[past] = np.arange(1, past.sum() + 1)
    zones = nieuw[labels]
    gebied.extend(grootte[past].tolist())
    vensters = ndimage.find_objects(labels)
    for label in np.flatnonzero(grootte > max_c):
        venster = vensters[label - 1]
        kernen = _kernen(score[venster], labels[venster] == label, params.drempel, min_c, max_c, structuur)
        aantal = int(kernen.max())
        if aantal:
            zones[venster] = np.where(kernen > 0, kernen + len(gebied) - 1, zones[venster])
            gebied.extend([int(grootte[label])] * aantal)
    return zones, np.array(gebied)


def bereken(params: Parameters, eigen_parken: grid.EigenParken | None = None) -> Resultaat:
    """Run the search for one set of parameters; with `eigen_parken` the user's own parks are the existing
    parks (mask, factor and the nearest park of each candidate)."""
    res = params.resolutie_m
    r = grid.raster(res)
    alle = maskers(params, eigen_parken)
    toegestaan = ~np.logical_or.reduce(list(alle.values()))
    gewichten, waarschuwingen = effectieve_gewichten(params, eigen_parken)
    waarden = factor_waarden(params, eigen_parken)
    score = np.zeros(r.size)
    for naam, w in gewichten.items():
        score += w * waarden[naam]
    score = np.where(toegestaan, score, np.nan)
    geschikt = toegestaan & (np.nan_to_num(score, nan=-1.0) >= params.drempel)
    if math.ceil(params.min_ha / r.cel_ha - 1e-9) > math.floor(params.max_ha / r.cel_ha + 1e-9):
        waarschuwingen += (f"Bij cellen van {r.cel_ha:g} ha past geen geheel aantal cellen in de bandbreedte.",)
    if grid.afstand("afrit", res) is None:
        waarschuwingen += ("De kaartlaag met afritten is leeg: geen enkele cel voldoet aan de afstand tot een afrit.",)
    zones2d, gebied = _zones(geschikt.reshape(r.shape), score.reshape(r.shape), params, r)
    kandidaten, rangen = _beschrijf(zones2d.ravel(), gebied, score, params, r, eigen_parken)
    return Resultaat(
        parameters=params,
        raster=r,
        maskers=alle,
        toegestaan=toegestaan,
        score=score,
        zones=rangen,
        kandidaten=kandidaten,
        gewichten=gewichten,
        waarschuwingen=waarschuwingen,
    )


def _beschrijf(zones: np.ndarray, gebied: np.ndarray, score: np.ndarray, params: Parameters, r: grid.Raster,
               eigen_parken: grid.EigenParken | None = None):  # fmt: skip
    """The ranked GeoDataFrame of candidates and the zone raster renumbered to ranks."""
    n = int(zones.max())
    if n == 0:
        leeg = gpd.GeoDataFrame({k: [] for k in KOLOMMEN}, geometry=gpd.GeoSeries([], crs=CRS), crs=CRS)
        return leeg, zones
    cellen = np.flatnonzero(zones)
    label = zones[cellen]
    volgorde = np.argsort(label, kind="stable")
    cellen, label = cellen[volgorde], label[volgorde]
    aantal = np.bincount(label, minlength=n + 1)[1:]
    gemiddelde = np.bincount(label, weights=score[cellen], minlength=n + 1)[1:] / aantal
    eerste = cellen[np.searchsorted(label, np.arange(1, n + 1))]
    rang_volgorde = np.lexsort((eerste, -aantal, -np.round(gemiddelde, 12)))
    rang = np.empty(n, dtype=np.int32)
    rang[rang_volgorde] = np.arange(1, n + 1)

    grenzen = np.searchsorted(label, np.arange(1, n + 2))
    geometrie = np.array(
        [shapely.coverage_union_all(r.boxen(cellen[grenzen[i] : grenzen[i + 1]])) for i in range(n)], dtype=object
    )
    gemeenten, aandeel = _gemeenten(label, grid.gemeente_index(params.resolutie_m)[cellen], n)
    frame = gpd.GeoDataFrame(
        {
            "rang": rang,
            "id": [f"{_ID_PREFIX[params.profiel]}{k:02d}" for k in rang],
            "oppervlakte_ha": aantal * r.cel_ha,
            "score": gemiddelde,
            "gemeenten": gemeenten,
            "gemeenten_aandeel": aandeel,
        },
        geometry=gpd.GeoSeries(geometrie, crs=CRS),
        crs=CRS,
    )
    for factor, naam_kolom in (
        ("afrit", "afrit"), ("nweg", "nweg"), ("station", "station"), ("vaarweg", "vaarweg"),
        ("hoogspanning", "hoogspanningsstation"), ("bedrijventerrein", "bedrijventerrein"),
    ):  # fmt: skip
        afstand, naam, schematisch = _dichtstbij(geometrie, factor, eigen_parken)
        frame[f"afstand_{factor}_m"] = afstand
        frame[naam_kolom] = naam
        if factor == "nweg":
            frame["nweg_schematisch"] = schematisch
    frame["gebied_ha"] = gebied[1:] * r.cel_ha
    frame["kern_van_groter_gebied"] = gebied[1:] > aantal
    frame = frame[[*KOLOMMEN, "geometry"]].sort_values("rang").reset_index(drop=True)
    ranked = np.zeros_like(zones)
    ranked[cellen] = rang[label - 1]
    return frame, ranked


def _gemeenten(label: np.ndarray, gemeente: np.ndarray, n: int) -> tuple[list[str], list[str]]:
    """Per zone the municipalities by falling share, and the shares as text ('Hengelo 62%, Borne 38%')."""
    binnen = gemeente >= 0
    tellingen = np.zeros((n, len(GEMEENTEN)))
    np.add.at(tellingen, (label[binnen] - 1, gemeente[binnen]), 1)
    namen, aandelen = [], []
    for rij in tellingen:
        totaal = rij.sum()
        volgorde = [i for i in np.argsort(-rij, kind="stable") if rij[i] > 0]
        namen.append(", ".join(GEMEENTEN[i] for i in volgorde))
        aandelen.append(", ".join(f"{GEMEENTEN[i]} {round(100 * rij[i] / totaal)}%" for i in volgorde))
    return namen, aandelen


def _dichtstbij(geometrie: np.ndarray, factor: str, eigen_parken: grid.EigenParken | None = None):
    """Per zone the distance (m) to the factor's nearest feature, its name, and whether it is schematic."""
    bron = grid.bron(factor, eigen_parken)
    if bron.empty:
        leeg = [None] * len(geometrie)
        return np.full(len(geometrie), np.nan), leeg, leeg
    afstanden = shapely.distance(geometrie[:, None], np.asarray(bron.geometry.values, dtype=object)[None, :])
    index = afstanden.argmin(axis=1)
    schematisch = bron["schematisch"].to_numpy()[index] if "schematisch" in bron else [None] * len(geometrie)
    return afstanden[np.arange(len(geometrie)), index], bron["naam"].to_numpy()[index].tolist(), list(schematisch)
