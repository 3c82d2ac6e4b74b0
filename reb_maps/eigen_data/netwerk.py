"""A user's own road and rail files (NWB wegvakken, spoorwegen) as the corridor and rail layers of one session.

    deel = netwerk.uit_bestand(resultaat.analyse, "wegvakken.gpkg")   # recognised file → its lines in Twente
    net = netwerk.bouw([deel])                                         # the catalogue layers with them
    kaart_bytes(KaartVraag(netwerk=net))                               # an argument of every renderer
    netwerk.frame_voor("wegen", basis, net)                            # what a renderer draws for a layer

NWB wegvakken (Rijkswaterstaat, via PDOK) holds every road of the Netherlands, one row per road section;
`WEGNUMMER` is the administrative road number ('001', '035', '342'), `WEGBEHSRT` the road manager (R Rijk,
P provincie, G gemeente, W waterschap), `BST_CODE` (in the WFS: `baansubsrt`) the kind of carriageway (HR main
carriageway, AFR/OPR slip roads, VB* connectors, PKP car parks …). Rijksweg 35 is the A35 and the N35 with one
number: without a route letter a section takes the name of the nearer real (OSM) line of the two.

Rail: TOP10NL spoorbaandeel (`typeSpoorbaan`, `spoorbreedte`) or OpenStreetMap (`railway`). Only trains count.

Nothing here is written anywhere: the session's network lives in memory and is passed to the renderers as an
explicit argument (`netwerk`), down to where a layer is drawn; `frame_voor`, `laag_voor` and `vervangt` are pure
functions of their arguments. An `EigenNetwerk` is equal and hashed by its fingerprint `sleutel`, so caches and
request objects that hold one key on a short string, never on its frames.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from reb_maps import fmt, labels, lagen
from reb_maps.crs import RD
from reb_maps.eigen_data.meldingen import EigenDataFout
from reb_maps.lagen import LIJN, Laag

SCHEMA_NWB = "NWB wegvakken"
SCHEMA_SPOOR = "spoorwegen"
WEGEN, SPOOR = "wegen", "spoor"  # the catalogue layers a file can replace
SOORT = {SCHEMA_NWB: WEGEN, SCHEMA_SPOOR: SPOOR}

# Recognition, case-insensitive: NWB needs the road number and the manager or the section id.
NWB_NODIG = "wegnummer"
NWB_EEN_VAN = ("wegbehsrt", "wvk_id")
SPOOR_EEN_VAN = ("typespoorbaan", "spoorbreedte", "railway")

# The corridors of the app: road number → route letter (None: two routes share the number, see DUBBEL).
CORRIDORS = ("A1", "A35", "N18", "N35", "N36", "N342", "N343", "N347")
LETTER = {1: "A", 18: "N", 35: None, 36: "N", 342: "N", 343: "N", 347: "N"}
DUBBEL = {35: ("A35", "N35")}
BEHEERDERS = {"R": "Rijk", "P": "provincie", "G": "gemeente", "W": "waterschap", "T": "overig"}
# Carriageway kinds that are not the road itself: slip roads, connectors, parallel roads, car parks, fuel stations.
GEEN_HOOFDBAAN = frozenset(
    {"AFR", "OPR", "VBD", "VBI", "VBK", "VBR", "VBS", "VBW", "VWG", "PST", "NRB", "PKP", "PKB", "PKO", "BST", "TN",
     "TNK", "CADO", "OVB"}
)  # fmt: skip
TREIN_SPOOR = ("trein", "gemengd")  # TOP10NL typeSpoorbaan values that carry trains
OSM_SPOOR = ("rail",)

CLIP_BUFFER_M = 5_000  # Twente plus 5 km, the clip area of the app's own layers (SOURCES.md)
VEREENVOUDIG_M = 5.0  # a regional map: 5 m is invisible, and the browser gets far fewer coordinates
# A schematic stretch disappears where the user's real line runs within this distance of it (its points are real
# exits and stations, its straight legs cut corners); a real OSM line where the user's line runs close beside it.
DEKKING_SCHEMATISCH_M = 2_000
DEKKING_ECHT_M = 250
MIN_REST_M = {True: 1_500, False: 500}  # shorter leftovers are corners, not missing road

_WEGNUMMER = re.compile(r"^\s*([AN])?\s*0*(\d{1,3})(?:\.0+)?\s*$", re.IGNORECASE)

GEEN_LIJNEN = "Het bestand is herkend als {schema}, maar bevat geen lijnen; alleen lijnen kunnen wegen of spoor zijn."
GEEN_WEGEN = (
    "Het bestand is herkend als NWB-wegvakken, maar geen van de wegen {wegen} ligt in Twente (tot 5 km buiten de "
    "grens). Kies een uitsnede van het NWB die Twente bevat."
)
GEEN_SPOOR = (
    "Het bestand is herkend als spoorbestand, maar er ligt geen spoor voor treinen in Twente (tot 5 km buiten de "
    "grens)."
)


# ---------- recognition ----------


def _klein(kolommen) -> dict[str, str]:
    return {str(k).strip().lower(): str(k) for k in kolommen}


def herken_schema(kolommen) -> str | None:
    """SCHEMA_NWB or SCHEMA_SPOOR from the column names alone (any case); None for any other file."""
    namen = _klein(kolommen)
    if NWB_NODIG in namen and any(k in namen for k in NWB_EEN_VAN):
        return SCHEMA_NWB
    if any(k in namen for k in SPOOR_EEN_VAN):
        return SCHEMA_SPOOR
    return None


def herkend_aan(kolommen) -> list[str]:
    """The user's own column names that made the file recognised (for the explanation)."""
    namen = _klein(kolommen)
    return [namen[k] for k in (NWB_NODIG, *NWB_EEN_VAN, "bst_code", "baansubsrt", *SPOOR_EEN_VAN) if k in namen]


# ---------- road numbers ----------


def wegnummer(waarde) -> tuple[str | None, int] | None:
    """'001' → (None, 1); 'A1' → ('A', 1); 'n 342' → ('N', 342); 35.0 → (None, 35); '' or 'abc' → None."""
    if fmt.is_missing(waarde):
        return None
    gevonden = _WEGNUMMER.match(str(waarde))
    if not gevonden or int(gevonden.group(2)) == 0:
        return None
    letter = gevonden.group(1)
    return (letter.upper() if letter else None, int(gevonden.group(2)))


def wegnaam(waarde, routeletter=None) -> str | None:
    """The corridor name of one NWB road number: 'A1', 'N18' …; None when it is not one of CORRIDORS.

    The letter comes from the number itself ('A1'), else from the route letter (NWB ROUTELTR), else from the
    Twente table LETTER. Rijksweg 35 without a letter is both A35 and N35: returns 'A35/N35' (see DUBBEL).
    """
    nummer = wegnummer(waarde)
    if nummer is None or nummer[1] not in LETTER:
        return None
    letter, getal = nummer
    if letter is None and not fmt.is_missing(routeletter) and str(routeletter).strip().upper() in ("A", "N"):
        letter = str(routeletter).strip().upper()
    letter = letter or LETTER[getal]
    if letter is None:
        return "/".join(DUBBEL[getal])
    naam = f"{letter}{getal}"
    return naam if naam in CORRIDORS else None


# ---------- the clip area and the catalogue's own frames ----------


@functools.cache
def clipgebied() -> shapely.Geometry:
    """Twente plus 5 km (RD New)."""
    from reb_maps.geodata import load_analysis_layer

    return shapely.buffer(shapely.union_all(load_analysis_layer("regio").geometry.values), CLIP_BUFFER_M)


@functools.cache
def _catalogus_rd(sleutel: str) -> gpd.GeoDataFrame:
    """A catalogue layer's own file in RD New (the analysis copy when there is one)."""
    from reb_maps.geodata import ANALYSE_DIR, load_analysis_layer, load_layer

    naam = lagen.laag(sleutel).bestand
    if (ANALYSE_DIR / f"{naam}.geojson").exists():
        return load_analysis_layer(naam)
    return load_layer(naam).to_crs(RD)


def _lijnen(frame: gpd.GeoDataFrame) -> np.ndarray:
    return np.asarray(frame.geom_type.isin(["LineString", "MultiLineString"]).to_numpy())


def _knip(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Only what lies in Twente + 5 km, cut at its edge; lines only."""
    gebied = clipgebied()
    frame = frame[_lijnen(frame)]
    frame = frame[shapely.intersects(frame.geometry.values, gebied)]
    if frame.empty:
        return frame
    geknipt = shapely.intersection(frame.geometry.values, gebied)
    frame = frame.set_geometry(gpd.GeoSeries(geknipt, index=frame.index, crs=frame.crs))
    return frame[~frame.geometry.is_empty & _lijnen(frame)]


def _samen(geometrie) -> shapely.Geometry:
    """Many sections as one simplified (multi)line."""
    return shapely.simplify(shapely.line_merge(shapely.union_all(geometrie)), VEREENVOUDIG_M)


# ---------- one file → its lines ----------


@dataclass(frozen=True, eq=False)
class NetwerkDeel:
    """What one recognised file gives: lines per corridor (or rail) in Twente + 5 km, RD New."""

    soort: str  # WEGEN or SPOOR
    bestandsnaam: str
    frame: gpd.GeoDataFrame  # wegen: corridor, beheer, lengte_km; spoor: lijn, lengte_km
    genegeerd: int = 0  # sections of a listed road left out as slip roads, connectors …

    @property
    def namen(self) -> list[str]:
        return list(self.frame["corridor"]) if self.soort == WEGEN else []

    def uitleg(self) -> str:
        """One Dutch paragraph: what was recognised and what the app does with it (plain text)."""
        if self.soort == SPOOR:
            km = fmt.getal(float(self.frame["lengte_km"].sum()), 0)
            return (
                f"Herkend als spoorbestand: {km} km spoor voor treinen in Twente (tot 5 km buiten de grens). De laag "
                "'Spoor' op de Kaart, in de kaartdownload, de briefing en de presentatie tekent nu dit spoor in "
                "plaats van de schematische lijnen tussen stations, alleen in deze sessie; wat het bestand niet dekt "
                f"blijft {labels.SCHEMATISCH}."
            )
        per_weg = "; ".join(
            f"{r.corridor} {fmt.getal(r.lengte_km, 1)} km ({r.beheer})" for r in self.frame.itertuples()
        )
        ontbreekt = [n for n in CORRIDORS if n not in self.namen]
        tekst = (
            f"Herkend als NWB-wegvakken. Gevonden in Twente (tot 5 km buiten de grens), rijbanen zonder op- en "
            f"afritten: {per_weg}. De laag 'Snelwegen en N-wegen' op de Kaart, in de kaartdownload, de briefing en "
            f"de presentatie tekent deze wegen nu uit uw bestand in plaats van de schematische tracés, alleen in "
            f"deze sessie."
        )
        if ontbreekt:
            tekst += f" Niet in het bestand: {', '.join(ontbreekt)}; die blijven zoals ze waren."
        return tekst


def uit_bestand(frame: gpd.GeoDataFrame, bestandsnaam: str) -> NetwerkDeel:
    """A recognised NWB or rail file (EPSG:28992, as `eigen_data.lees` gives it) → its lines in Twente.

    Raises EigenDataFout (Dutch) when the file is not recognised, has no lines, or has nothing in Twente.
    """
    schema = herken_schema(frame.columns)
    if schema is None:
        raise EigenDataFout("Dit bestand is geen NWB-wegenbestand en geen spoorbestand.")
    if not _lijnen(frame).any():
        raise EigenDataFout(GEEN_LIJNEN.format(schema="NWB-wegvakken" if schema == SCHEMA_NWB else "spoorbestand"))
    frame = frame.to_crs(RD) if frame.crs is not None and frame.crs != RD else frame
    if schema == SCHEMA_NWB:
        return _wegen(frame, bestandsnaam)
    return _spoor(frame, bestandsnaam)


def _kolom(frame: pd.DataFrame, *namen: str) -> pd.Series | None:
    aanwezig = _klein(frame.columns)
    for naam in namen:
        if naam in aanwezig:
            return frame[aanwezig[naam]]
    return None


def _wegen(frame: gpd.GeoDataFrame, bestandsnaam: str) -> NetwerkDeel:
    route = _kolom(frame, "routeltr")
    routes = route if route is not None else pd.Series([None] * len(frame), index=frame.index)
    naam_van = functools.lru_cache(maxsize=None)(wegnaam)  # a whole province has a few hundred distinct numbers
    namen = pd.Series(
        [naam_van(w, r) for w, r in zip(_kolom(frame, NWB_NODIG), routes, strict=True)], index=frame.index, dtype=object
    )
    frame = frame.assign(_naam=namen)[namen.notna().to_numpy()]
    baan = _kolom(frame, "bst_code", "baansubsrt")
    genegeerd = 0
    if baan is not None:
        bijbaan = baan.fillna("").astype(str).str.strip().str.upper().isin(GEEN_HOOFDBAAN).to_numpy()
        genegeerd = int(bijbaan.sum())
        frame = frame[~bijbaan]
    frame = _knip(frame)
    if frame.empty:
        raise EigenDataFout(GEEN_WEGEN.format(wegen=", ".join(CORRIDORS)))
    frame = _verdeel_dubbel(frame)
    beheer = _kolom(frame, "wegbehsrt")
    rijen = []
    for naam in [n for n in CORRIDORS if n in set(frame["_naam"])]:
        deel = frame[frame["_naam"] == naam]
        codes = [] if beheer is None else sorted(set(beheer[deel.index].dropna().astype(str).str.strip().str.upper()))
        rijen.append(
            {
                "corridor": naam,
                "beheer": ", ".join(BEHEERDERS.get(c, c) for c in codes if c) or "beheerder onbekend",
                "lengte_km": float(shapely.length(deel.geometry.values).sum()) / 1000,
                "geometry": _samen(deel.geometry.values),
            }
        )
    return NetwerkDeel(WEGEN, str(bestandsnaam), gpd.GeoDataFrame(rijen, geometry="geometry", crs=RD), genegeerd)


def _verdeel_dubbel(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Sections named 'A35/N35' take the name of the nearer real line of the two in the app's own layer."""
    basis = _catalogus_rd(WEGEN)
    echt = basis[~basis["schematisch"].fillna(False).astype(bool).to_numpy()]
    namen = frame["_naam"].copy()
    for opties in DUBBEL.values():
        dubbel = (namen == "/".join(opties)).to_numpy()
        if not dubbel.any():
            continue
        lijnen = [shapely.union_all(echt[echt["corridor"] == o].geometry.values) for o in opties]
        midden = shapely.line_interpolate_point(frame.geometry.values[dubbel], 0.5, normalized=True)
        afstanden = np.column_stack([shapely.distance(midden, lijn) for lijn in lijnen])
        keuze = np.where(np.isnan(afstanden).all(axis=1), 0, np.nanargmin(np.nan_to_num(afstanden, nan=np.inf), 1))
        namen[dubbel] = [opties[i] for i in keuze]
    return frame.assign(_naam=namen)


def _spoor(frame: gpd.GeoDataFrame, bestandsnaam: str) -> NetwerkDeel:
    soort = _kolom(frame, "typespoorbaan")
    if soort is not None:
        tekst = soort.fillna("").astype(str).str.lower()
        frame = frame[(tekst == "") | tekst.str.contains("|".join(TREIN_SPOOR)).to_numpy()]
    osm = _kolom(frame, "railway")
    if osm is not None:
        frame = frame[osm.fillna("").astype(str).str.strip().str.lower().isin(OSM_SPOOR).to_numpy()]
    frame = _knip(frame)
    if frame.empty:
        raise EigenDataFout(GEEN_SPOOR)
    rij = {
        "lijn": "Spoor",
        "lengte_km": float(shapely.length(frame.geometry.values).sum()) / 1000,
        "geometry": _samen(frame.geometry.values),
    }
    return NetwerkDeel(SPOOR, str(bestandsnaam), gpd.GeoDataFrame([rij], geometry="geometry", crs=RD))


# ---------- the session's network: the catalogue layers with the user's lines ----------


def bron_tekst(soort: str, bestanden) -> str:
    namen = ", ".join(dict.fromkeys(bestanden))
    return f"NWB (eigen bestand, {namen})" if soort == WEGEN else f"eigen bestand, {namen}"


@dataclass(frozen=True)
class EigenNetwerk:
    """The corridor and rail layers as this session draws them (RD New), and where their lines come from.

    Equal and hashed by `sleutel` alone (a fingerprint of the lines and the file names): caches and request objects
    key on it, never on the frames."""

    frames: dict[str, gpd.GeoDataFrame] = field(compare=False, repr=False)  # catalogue key → the whole layer
    bestanden: dict[str, tuple[str, ...]] = field(compare=False)  # catalogue key → the user's file names
    sleutel: str  # fingerprint of the geometry and the file names
    _per_crs: dict = field(default_factory=dict, compare=False, repr=False)

    def vervangt(self, sleutel: str) -> bool:
        return sleutel in self.frames

    def bron(self, sleutel: str) -> str:
        """'NWB (eigen bestand, wegvakken.gpkg)' for the roads, 'eigen bestand, spoor.gpkg' for rail."""
        return bron_tekst(sleutel, self.bestanden.get(sleutel, ()))

    def bronzin(self) -> str:
        """The attribution of the user's lines: 'wegen: NWB (eigen bestand, a.gpkg); spoor: eigen bestand, b.gpkg'."""
        return "; ".join(
            f"{'wegen' if k == WEGEN else 'spoor'}: {self.bron(k)}" for k in (WEGEN, SPOOR) if k in self.frames
        )

    def frame(self, sleutel: str, crs=RD) -> gpd.GeoDataFrame:
        """The layer in `crs` (a copy); computed once per CRS."""
        if (sleutel, str(crs)) not in self._per_crs:
            self._per_crs[(sleutel, str(crs))] = self.frames[sleutel].to_crs(crs)
        return self._per_crs[(sleutel, str(crs))].copy()


def bouw(delen: list[NetwerkDeel]) -> EigenNetwerk | None:
    """The session's network from its recognised files; None without any."""
    if not delen:
        return None
    frames, bestanden = {}, {}
    for soort in (WEGEN, SPOOR):
        eigen = [d for d in delen if d.soort == soort]
        if eigen:
            frames[soort] = _vervang(soort, eigen)
            bestanden[soort] = tuple(dict.fromkeys(d.bestandsnaam for d in eigen))
    inhoud = b"".join(b"".join(shapely.to_wkb(f.geometry.values)) for f in frames.values())
    inhoud += repr(sorted(bestanden.items())).encode()  # the file names are in the legend and the source line
    return EigenNetwerk(frames, bestanden, hashlib.sha256(inhoud).hexdigest()[:16])


def _vervang(soort: str, delen: list[NetwerkDeel]) -> gpd.GeoDataFrame:
    """The catalogue layer with the user's lines; its own lines stay only where the user's lines do not run."""
    item = lagen.laag(soort)
    basis = _catalogus_rd(soort)
    naam_veld = item.tip_veld
    bron_basis = str(lagen.herkomst(item).get("bron", ""))
    bron_eigen = bron_tekst(soort, [d.bestandsnaam for d in delen])
    eigen = pd.concat([d.frame for d in delen], ignore_index=True)
    if soort == WEGEN:
        eigen = eigen.dissolve("corridor", sort=False, as_index=False)
        eigen["geometry"] = [_samen([g]) for g in eigen.geometry.values]
        per_naam = dict(zip(eigen["corridor"], eigen.geometry.values, strict=True))
    else:
        alles = shapely.union_all(eigen.geometry.values)
        per_naam = {n: alles for n in basis[naam_veld]}
    blijft = []
    for _, rij in basis.iterrows():
        lijn = per_naam.get(rij[naam_veld])
        schematisch = bool(rij.get(item.stippel_veld) or False)
        geometrie = rij.geometry
        if lijn is not None:
            afstand = DEKKING_SCHEMATISCH_M if schematisch else DEKKING_ECHT_M
            rest = shapely.difference(geometrie, shapely.buffer(lijn, afstand))
            delen_ = [d for d in shapely.get_parts(shapely.line_merge(rest) if not rest.is_empty else rest)
                      if d.length >= MIN_REST_M[schematisch]]  # fmt: skip
            if not delen_:
                continue
            geometrie = shapely.multilinestrings(delen_) if len(delen_) > 1 else delen_[0]
        blijft.append({**rij.drop("geometry").to_dict(), "bron": bron_basis, "geometry": geometrie})
    nieuw = []
    for _, rij in eigen.iterrows():
        nieuw.append(
            {
                naam_veld: rij["corridor"] if soort == WEGEN else f"Spoor ({bron_eigen})",
                "deel": bron_eigen,
                item.stippel_veld: False,
                "bron": bron_eigen,
                "geometry": rij.geometry,
            }
        )
    kolommen = list(dict.fromkeys([*basis.columns.drop("geometry"), "deel", "bron"]))
    uit = gpd.GeoDataFrame(blijft + nieuw, geometry="geometry", crs=RD)
    for kolom in kolommen:
        if kolom not in uit:
            uit[kolom] = None
    uit[item.stippel_veld] = uit[item.stippel_veld].fillna(False).astype(bool)
    return uit[[*kolommen, "geometry"]].reset_index(drop=True)


# ---------- what a renderer draws: pure functions of the layer and the session's network ----------


def vervangt(sleutel: str, netwerk: EigenNetwerk | None) -> bool:
    """True when `netwerk` (the session's own roads and rail, or None) replaces this catalogue layer."""
    return netwerk is not None and netwerk.vervangt(sleutel)


def frame_voor(sleutel: str, basis: gpd.GeoDataFrame, netwerk: EigenNetwerk | None) -> gpd.GeoDataFrame:
    """The features a renderer draws for a catalogue layer: the network's version when it has one (in the CRS of
    `basis`), else `basis` itself."""
    if not vervangt(sleutel, netwerk):
        return basis
    return netwerk.frame(sleutel, basis.crs or RD)


def laag_voor(item: Laag, netwerk: EigenNetwerk | None) -> Laag:
    """The catalogue entry as drawn with `netwerk`: rail from a file is no longer 'schematisch' in its name, and a
    legend row for schematic stretches only while some remain."""
    if not vervangt(item.sleutel, netwerk) or item.geometrie != LIJN:
        return item
    frame = netwerk.frames[item.sleutel]
    nog_schematisch = bool(frame[item.stippel_veld].any())
    if item.sleutel == SPOOR:
        regels = [("Spoor (eigen bestand)", item.stijl.kleur, LIJN)]
        if nog_schematisch:
            regels.append((f"Spoor, {labels.SCHEMATISCH}", item.stijl.kleur, "stippel"))
        return dataclasses.replace(item, label="Spoor", legenda=tuple(regels))
    regels = [r for r in item.legenda if nog_schematisch or r[2] != "stippel"]
    return dataclasses.replace(item, legenda=tuple(regels))


def bronzin(netwerk: EigenNetwerk | None) -> str:
    """'; wegen: NWB (eigen bestand, a.gpkg)' to append to a source line; '' without a network."""
    return f"; {netwerk.bronzin()}" if netwerk is not None else ""
