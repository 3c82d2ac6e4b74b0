"""Test one area ("Toets een locatie"): every measure of the search engine, exactly, for one polygon.

An area is a shapely polygon in EPSG:28992: drawn on the map, a point with an area in ha (a circle), or a
candidate of a run. `toets(gebied, params)` returns a `Toets` with its area, the municipalities and their
shares, the distance from its EDGE to the nearest feature of each factor (exact shapely distances to the
features the engine measures to), its overlap with every hard constraint (exact overlays on the analysis
layers), the mean and minimum suitability score of the cells whose centre lies inside (the engine's own
score grid, so the card agrees with the map), and the principles of the profile (§4.2 or §4.3) checked one
by one. The thresholds of those checks are the profile's editable parameters, not figures from the report
(except the 20–50 ha of §4.2). No Streamlit, no folium.

Command line: `python -m reb_maps.zoekgebieden.toets --geojson FILE [--profiel grootschalig] [--json]`.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyproj
import shapely
from shapely.geometry import shape

from reb_maps import fmt, lagen
from reb_maps.cli import DutchParser, hulp_optie, met_foutcode, opdrachtregel
from reb_maps.crs import RD, RD_SRID
from reb_maps.geodata import load_analysis_layer
from reb_maps.zoekgebieden import grid
from reb_maps.zoekgebieden.gebied import controleer
from reb_maps.zoekgebieden.grid import EigenParken
from reb_maps.zoekgebieden.profielen import FACTOREN, PROFIELEN_NAMEN, OngeldigeInvoer, Parameters, json_object
from reb_maps.zoekgebieden.profielen import standaard_parameters as _standaard
from reb_maps.zoekgebieden.zones import bereken

CRS = RD
AFSTAND_FACTOREN = ("afrit", "nweg", "station", "vaarweg", "hoogspanning")
# Output key → the engine's hard constraint (the layer catalogue's `masker` key) it is measured against.
OVERLAP_MASKERS = {
    "natura2000": "natura2000",
    "nnn": "nnn",
    "bebouwde_kom": "bebouwing",
    "water": "water",
    "bedrijventerrein": "bedrijventerrein",
    "stikstofzone": "stikstofzone",
}
OVERLAP_LABELS = {
    "natura2000": "Natura 2000",
    "nnn": "Natuurnetwerk Nederland (NNN)",
    "bebouwde_kom": "Bebouwde kom + hinderafstand",
    "water": "Water",
    "bedrijventerrein": "Bestaand bedrijventerrein",
    "stikstofzone": "Stikstofzone (indicatief)",
}
VOETNOOT_PRINCIPES = (
    "De grenzen bij de principes zijn de instelbare uitgangspunten van het profiel in dit dashboard "
    "(hinderafstand, maximale afstand tot een afrit, afstandsgrenzen per factor, bandbreedte van de oppervlakte), "
    "geen cijfers uit het rapport — behalve de 20–50 ha bruto van §4.2 en de ongeveer 200 ha van §4.3. Niet op een "
    "kaart te toetsen: grote en kleine kavels, het profiel van de bedrijven en de steun van meerdere gemeenten."
)

VOLDAAN, NIET_VOLDAAN = "✓ voldoet", "✗ voldoet niet"  # sign and word: never told by a symbol alone


@dataclass(frozen=True)
class Afstand:
    meter: float | None  # None: the layer is empty
    naam: str | None
    schematisch: bool = False  # the nearest feature is a schematic line (N18, N36), not its real course


@dataclass(frozen=True)
class Overlap:
    ha: float
    aandeel: float  # of the tested area, 0–1


@dataclass(frozen=True)
class Principe:
    naam: str
    voldaan: bool
    waarde: str
    paragraaf: str  # "§4.2" or "§4.3"


@dataclass(frozen=True, eq=False)
class Toets:
    naam: str
    profiel: str
    geometrie: shapely.Geometry = field(repr=False)  # EPSG:28992
    oppervlakte_ha: float
    gemeenten: Mapping[str, float]  # name → share of the area (0–1), largest first
    afstanden: Mapping[str, Afstand]
    overlap: Mapping[str, Overlap]
    score_gemiddeld: float | None  # over the cells inside that no hard constraint excludes
    score_minimum: float | None
    cellen: int  # grid cells whose centre lies inside
    toegestaan_aandeel: float  # of those cells, the share no hard constraint excludes
    principes: tuple[Principe, ...]

    def to_dict(self) -> dict[str, Any]:
        """The numbers of the card with the keys of the command line's JSON."""

        def rond(value, decimals):
            return None if value is None else round(float(value), decimals)

        uit: dict[str, Any] = {
            "oppervlakte_ha": rond(self.oppervlakte_ha, 2),
            "gemeenten": {naam: rond(a, 4) for naam, a in self.gemeenten.items()},
        }
        for factor in AFSTAND_FACTOREN:
            uit[f"afstand_{factor}_m"] = rond(self.afstanden[factor].meter, 1)
        uit["overlap_ha"] = {k: rond(o.ha, 2) for k, o in self.overlap.items()}
        uit["score_gemiddeld"] = rond(self.score_gemiddeld, 4)
        uit["score_minimum"] = rond(self.score_minimum, 4)
        uit["principes"] = [{"naam": p.naam, "voldaan": p.voldaan, "waarde": p.waarde} for p in self.principes]
        return uit


# ---------- Areas (what an area is and may be: reb_maps.zoekgebieden.gebied) ----------


def _crs_van(data: Mapping) -> pyproj.CRS:
    naam = ((data.get("crs") or {}).get("properties") or {}).get("name")
    if not naam:
        return pyproj.CRS.from_epsg(4326)
    try:
        return pyproj.CRS.from_user_input(str(naam))
    except pyproj.exceptions.CRSError:
        raise OngeldigeInvoer(f"Onbekend coördinatenstelsel '{str(naam)[:60]}'.") from None


def _geometrieen(data: Mapping) -> list:
    soort = data.get("type")
    if soort == "FeatureCollection":
        return [g for f in data.get("features") or [] for g in _geometrieen(f)]
    if soort == "Feature":
        return _geometrieen(data["geometry"]) if data.get("geometry") else []
    if soort == "GeometryCollection":
        return [g for d in data.get("geometries") or [] for g in _geometrieen(d)]
    try:
        return [shape(data)]
    except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.GEOSException):
        raise OngeldigeInvoer(f"Geen geldige GeoJSON-geometrie (type '{str(soort)[:30]}').") from None


def uit_geojson(data: Mapping | str) -> shapely.Geometry:
    """The (multi)polygon of a GeoJSON object in EPSG:28992 (EPSG:4326 unless the file declares a CRS)."""
    if isinstance(data, str):
        data = json_object(data, "Het GeoJSON-bestand moet een object zijn.")
    if not isinstance(data, Mapping):
        raise OngeldigeInvoer("Het GeoJSON-bestand moet een object zijn.")
    delen = [g for g in _geometrieen(data) if not g.is_empty]
    if not delen:
        raise OngeldigeInvoer("Het GeoJSON-bestand bevat geen geometrie.")
    vlakken = [g for g in delen if g.geom_type in ("Polygon", "MultiPolygon")]
    if len(vlakken) < len(delen):
        raise OngeldigeInvoer("Het GeoJSON-bestand bevat iets anders dan vlakken (punten of lijnen).")
    crs = _crs_van(data)
    if crs.to_epsg() != RD_SRID:
        if crs.is_geographic:
            x, y = shapely.get_coordinates(np.array(vlakken, dtype=object)).T
            if (np.abs(x) > 180).any() or (np.abs(y) > 90).any():
                raise OngeldigeInvoer(
                    "De coördinaten zijn geen lengte/breedte (EPSG:4326); geef het coördinatenstelsel op in 'crs'."
                )
        transformer = pyproj.Transformer.from_crs(crs, CRS, always_xy=True)
        vlakken = [shapely.transform(g, lambda xy: np.column_stack(transformer.transform(*xy.T))) for g in vlakken]
    if any(not g.is_valid for g in vlakken):
        return controleer(next(g for g in vlakken if not g.is_valid))  # raises with the reason
    return controleer(shapely.union_all(vlakken) if len(vlakken) > 1 else vlakken[0])


# ---------- Layers (loaded and split into parts once) ----------


def _delen(masker: str, eigen_parken: EigenParken | None = None) -> tuple[np.ndarray, shapely.STRtree]:
    """The polygon parts behind one hard constraint; a user's own parks stand in for the existing parks."""
    return _delen_cached(masker, grid.parken_voor(masker, eigen_parken))


@functools.lru_cache(maxsize=16)
def _delen_cached(masker: str, eigen: EigenParken | None) -> tuple[np.ndarray, shapely.STRtree]:
    if eigen:
        geoms = [eigen.frame.geometry.values]
    else:
        laag = lagen.met_masker(masker)
        geoms = [load_analysis_layer(naam).geometry.values for naam in (laag.bestand, *laag.extra_bestanden)]
    alle = np.concatenate([np.asarray(g, dtype=object) for g in geoms])
    alle = alle[~(shapely.is_missing(alle) | shapely.is_empty(alle))]
    delen = shapely.get_parts(alle)
    delen = delen[shapely.get_dimensions(delen) == 2]  # water lines have no area
    shapely.prepare(delen)
    return delen, shapely.STRtree(delen)


def _overlap(gebied, masker: str, buffer_m: float = 0.0, eigen_parken: EigenParken | None = None) -> float:
    """Area (m²) of the area inside the constraint's polygons (grown by `buffer_m`), overlaps counted once."""
    delen, boom = _delen(masker, eigen_parken)
    raak = delen[boom.query(gebied.buffer(buffer_m) if buffer_m else gebied, predicate="intersects")]
    if raak.size == 0:
        return 0.0
    if buffer_m:
        raak = shapely.buffer(raak, buffer_m, quad_segs=16)
    return float(shapely.union_all(shapely.intersection(raak, gebied)).area)


def _gemeenten(gebied) -> dict[str, float]:
    frame = load_analysis_layer(lagen.met_masker("gemeente").bestand)
    vlakken = np.asarray(frame.geometry.values, dtype=object)
    oppervlak = shapely.area(shapely.intersection(vlakken, gebied))
    aandelen = {n: float(a) / gebied.area for n, a in zip(frame["gemeente"], oppervlak, strict=True) if a > 0}
    return dict(sorted(aandelen.items(), key=lambda kv: -kv[1]))


def _afstand(gebied, factor: str, eigen_parken: EigenParken | None = None) -> Afstand:
    bron = grid.bron(factor, eigen_parken)
    if bron.empty:
        return Afstand(None, None)
    afstanden = shapely.distance(np.asarray(bron.geometry.values, dtype=object), gebied)
    i = int(np.argmin(afstanden))
    schematisch = bool(bron["schematisch"].iloc[i]) if "schematisch" in bron else False
    return Afstand(float(afstanden[i]), str(bron["naam"].iloc[i]), schematisch)


@functools.lru_cache(maxsize=16)
def _score(params: Parameters, eigen_parken: EigenParken | None = None) -> np.ndarray:
    """The engine's score grid (flat, NaN where a hard constraint excludes the cell), cached per parameters and
    per set of the user's own parks (their fingerprint)."""
    score = bereken(params, eigen_parken).score
    score.flags.writeable = False
    return score


# ---------- Principles ----------


def _km(meter: float) -> str:
    return f"{fmt.getal(meter, 0)} m" if meter < 1000 else f"{fmt.getal(meter / 1000, 1)} km"


def _binnen(afstand: Afstand, grens: float, wat: str) -> tuple[bool, str]:
    if afstand.meter is None:
        return False, f"geen {wat} in de kaartgegevens"
    naam = f" ({afstand.naam}{', schematisch tracé' if afstand.schematisch else ''})" if afstand.naam else ""
    return afstand.meter <= grens, f"{_km(afstand.meter)}{naam}; grens {_km(grens)}"


def _geen_overlap(overlap: Overlap) -> tuple[bool, str]:
    return overlap.ha < 0.005, f"{fmt.met_eenheid(overlap.ha, 'ha', 1)} ({fmt.fractie(overlap.aandeel, 1)})"


def principes(params: Parameters, ha: float, afstanden, overlap) -> tuple[Principe, ...]:
    """The leading principles of the profile's paragraph that a map can test, each with its value."""
    par = "§4.3" if params.profiel == "grootschalig" else "§4.2"
    omvang = "ongeveer 200 ha bruto" if params.profiel == "grootschalig" else "20 tot 50 ha bruto"
    uit = [
        (
            f"Omvang: {omvang}",
            params.min_ha <= ha <= params.max_ha,
            f"{fmt.met_eenheid(ha, 'ha', 0)}; bandbreedte {fmt.bandbreedte(params.min_ha, params.max_ha)}",
        ),
        (
            "Bereikbaar: bij een afrit van A1, A35 of N-weg"
            if params.profiel == "grootschalig"
            else "Goed ontsloten op het regionale wegennet (afrit)",
            *_binnen(afstanden["afrit"], params.max_afstand_afrit_m, "afrit"),
        ),
        (
            "Energie: bij een hoogspanningsstation",
            *_binnen(afstanden["hoogspanning"], params.afstand("hoogspanning")[1], "hoogspanningsstation"),
        ),
    ]
    if params.profiel == "grootschalig":
        uit.append(("Water: bij een vaarweg", *_binnen(afstanden["vaarweg"], params.afstand("vaarweg")[1], "vaarweg")))
    uit += [
        ("Inpassing: geen overlap met Natura 2000", *_geen_overlap(overlap["natura2000"])),
        ("Inpassing: geen overlap met het NNN", *_geen_overlap(overlap["nnn"])),
        (
            f"Inpassing: buiten bebouwde kom + {_km(params.buffer_bebouwing_m)} hinderafstand",
            *_geen_overlap(overlap["bebouwde_kom"]),
        ),
    ]
    if params.stikstofzone:
        uit.append(("Inpassing: buiten de stikstofzone (indicatief)", *_geen_overlap(overlap["stikstofzone"])))
    return tuple(Principe(naam, bool(ok), waarde, par) for naam, ok, waarde in uit)


# ---------- The test ----------


def toets(gebied, params: Parameters, naam: str = "Getekend gebied", eigen_parken: EigenParken | None = None) -> Toets:
    """Every measure of one area (EPSG:28992) under these parameters; raises OngeldigeInvoer if untestable. With
    `eigen_parken` the user's own parks are the existing parks (overlap and score)."""
    gebied = controleer(gebied)
    oppervlak = gebied.area
    afstanden = {factor: _afstand(gebied, factor, eigen_parken) for factor in AFSTAND_FACTOREN}
    overlap = {}
    for sleutel, masker in OVERLAP_MASKERS.items():
        buffer_m = params.buffer_bebouwing_m if masker == "bebouwing" else 0.0
        m2 = _overlap(gebied, masker, buffer_m, eigen_parken)
        overlap[sleutel] = Overlap(m2 / 10_000, m2 / oppervlak)
    cellen = np.flatnonzero(grid.middelpunt_in(params.resolutie_m, np.array([gebied], dtype=object)))
    score = _score(params, eigen_parken)[cellen]
    bekend = score[~np.isnan(score)]
    return Toets(
        naam=naam,
        profiel=params.profiel,
        geometrie=gebied,
        oppervlakte_ha=oppervlak / 10_000,
        gemeenten=_gemeenten(gebied),
        afstanden=afstanden,
        overlap=overlap,
        score_gemiddeld=float(bekend.mean()) if bekend.size else None,
        score_minimum=float(bekend.min()) if bekend.size else None,
        cellen=int(cellen.size),
        toegestaan_aandeel=bekend.size / cellen.size if cellen.size else 0.0,
        principes=principes(params, oppervlak / 10_000, afstanden, overlap),
    )


def kandidaat(params: Parameters, kandidaat_id: str, eigen_parken: EigenParken | None = None) -> shapely.Geometry:
    """The polygon of one candidate of the run with these parameters (EPSG:28992) and these existing parks."""
    frame = bereken(params, eigen_parken).kandidaten
    rij = frame[frame["id"] == kandidaat_id]
    if rij.empty:
        raise OngeldigeInvoer(f"Zoekgebied '{kandidaat_id[:20]}' bestaat niet bij deze instellingen.")
    return rij.geometry.iloc[0]


# ---------- Command line ----------


def tekst(t: Toets) -> str:
    """The card as plain Dutch text lines (the command line without --json)."""
    regels = [
        f"{t.naam}: {fmt.met_eenheid(t.oppervlakte_ha, 'ha', 1)}",
        "Gemeenten: " + ", ".join(f"{n} {fmt.fractie(a)}" for n, a in t.gemeenten.items()),
    ]
    for factor in AFSTAND_FACTOREN:
        a = t.afstanden[factor]
        waarde = "–" if a.meter is None else _km(a.meter)
        if a.naam:
            waarde += f" ({a.naam}, schematisch tracé)" if a.schematisch else f" ({a.naam})"
        regels.append(f"{FACTOREN[factor].kort}: {waarde}")
    for sleutel, o in t.overlap.items():
        regels.append(f"Overlap {OVERLAP_LABELS[sleutel]}: {fmt.met_eenheid(o.ha, 'ha', 1)}")
    regels.append(f"Geschiktheid: gemiddeld {fmt.getal(t.score_gemiddeld, 2)}, minimum {fmt.getal(t.score_minimum, 2)}")
    regels += [f"{VOLDAAN if p.voldaan else NIET_VOLDAAN}: {p.naam}: {p.waarde}" for p in t.principes]
    return "\n".join(regels)


def _parser() -> DutchParser:
    parser = opdrachtregel(
        "reb_maps.zoekgebieden.toets",
        "Toets één gebied (GeoJSON-vlak) aan de criteria van de zoekgebieden.",
        hulp=False,
    )
    parser.add_argument("--geojson", type=Path, required=True, metavar="BESTAND",
                        help="GeoJSON met één vlak (EPSG:4326, tenzij het bestand een 'crs' opgeeft)")  # fmt: skip
    parser.add_argument("--profiel", choices=PROFIELEN_NAMEN, default="grootschalig", help="standaard: grootschalig")
    parser.add_argument("--json", action="store_true", help="uitvoer als JSON")
    hulp_optie(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)

    def stap() -> Toets:
        try:
            inhoud = args.geojson.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise OngeldigeInvoer(f"Kan het bestand {str(args.geojson)[:80]} niet lezen.") from None
        return toets(uit_geojson(inhoud), _standaard(args.profiel), naam=args.geojson.stem)

    uitkomst, code = met_foutcode(stap)
    if code:
        return code
    print(json.dumps(uitkomst.to_dict(), ensure_ascii=False, indent=2) if args.json else tekst(uitkomst))
    return 0


if __name__ == "__main__":
    sys.exit(main())
