"""Adapters of the page Eigen data: session layers, summaries, maps and tables — no st.* calls here.

Layers live in a dict the page keeps in st.session_state (never on disk). Every user value that reaches
the map is escaped by `reb_maps.weergave.eigen_laag`; text for Streamlit widgets that render Markdown
passes `platte_tekst`.
"""

from __future__ import annotations

import html
import operator
import re
from collections.abc import MutableMapping
from dataclasses import dataclass, field

import folium
import geopandas as gpd
import pandas as pd

from reb_maps import fmt, geheugen, herontwikkeling
from reb_maps.crs import WGS84
from reb_maps.eigen_data import EigenDataFout, LaagKeuzeNodig, Resultaat, ibis, lees, netwerk
from reb_maps.eigen_data import lagen as lagen_van
from reb_maps.tekst import zichtbaar
from reb_maps.weergave import kaart
from reb_maps.weergave.eigen_laag import KLEUR_STANDAARD, attribuut_kolommen, kaartdata, kleur_indeling, popup_html
from ui import sessie_sleutels

LAGEN_KEY = sessie_sleutels.EIGEN_LAGEN
# The parks the Zoekgebieden page may use as its "existing parks" (EPSG:28992, column naam); that page hands
# them to the engine as reb_maps.zoekgebieden.grid.EigenParken. Set by the page Eigen data.
ZOEKGEBIEDEN_PARKEN_KEY = sessie_sleutels.ZOEKGEBIEDEN_PARKEN
NETWERK_KEY = sessie_sleutels.EIGEN_NETWERK  # (the files' lines, the network built from them)
BRON_EIGEN = "Bron: eigen bestand van de gebruiker"
GEEN = "(geen)"
TOP = 10
KLEUR_TOP = "#fde0dd"
SCORE_KLEUREN = ("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c")  # score 0–6
KLEUR_NIET_TE_BEOORDELEN = "#bdbdbd"  # grey: no class colour for a park that has no score

SAMENVATTING_LABELS = {
    "bestandsnaam": "Bestand",
    "formaat": "Formaat",
    "laag": "Laag",
    "features": "Objecten",
    "geometrietypen": "Geometrietypen",
    "crs": "Coördinatenstelsel",
    "crs_herkomst": "Stelsel gevonden of aangenomen",
    "gerepareerd": "Hersteld (make_valid)",
    "verwijderd": "Weggelaten zonder geometrie",
    "platgemaakt": "Hoogte/M weggelaten",
    "grenzen_wgs84": "Grenzen (lengte/breedte)",
    "kolommen": "Kolommen",
    "schema": "Herkend schema",
    "weergave_features": "Op de kaart",
    "weergave_tolerantie_m": "Vereenvoudigd voor de kaart (m)",
}
_MARKDOWN_TEKENS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def platte_tekst(tekst: str) -> str:
    """User text for a widget that renders Markdown: every Markdown character escaped, so it shows as typed."""
    return _MARKDOWN_TEKENS.sub(r"\\\1", str(tekst))


@dataclass
class Laag:
    naam: str  # as the user sees it: file name (and layer)
    resultaat: Resultaat
    label_kolom: str | None = None
    kleur_kolom: str | None = None
    # The map payload for the current (label, colour) choice: built once, not on every rerun of the page.
    _kaartdata: tuple = field(default=(), repr=False, compare=False)
    # An NWB or rail file's lines in Twente (netwerk.NetwerkDeel) or the Dutch reason why not: built once.
    _netwerk: tuple = field(default=(), repr=False, compare=False)


def laag_naam(bestandsnaam: str, laag: str | None) -> str:
    """The name a user sees for a layer; bidi controls in it shown as escapes (reb_maps.tekst)."""
    naam = f"{bestandsnaam} – {laag}" if laag else str(bestandsnaam)
    return zichtbaar(naam)


def voeg_toe(lagen: dict[str, Laag], data: bytes, bestandsnaam: str, laag: str | None = None) -> str:
    """Read a file into the session's layers; returns its key. Raises EigenDataFout with the Dutch message."""
    resultaat = lees(data, bestandsnaam, laag)
    naam = laag_naam(bestandsnaam, resultaat.samenvatting.laag)
    sleutel, nummer = naam, 2
    while sleutel in lagen:
        sleutel, nummer = f"{naam} ({nummer})", nummer + 1
    kolommen = resultaat.samenvatting.kolommen
    label = next((k for k in kolommen if k.lower() in ("naam", "plan_naam", "name")), None)
    lagen[sleutel] = Laag(sleutel, resultaat, label_kolom=label)
    return sleutel


def lees_veilig(lagen: dict[str, Laag], data: bytes, bestandsnaam: str, laag: str | None = None):
    """(key, None, None) on success; (None, message, layers to choose from) when refused."""
    try:
        return voeg_toe(lagen, data, bestandsnaam, laag), None, None
    except LaagKeuzeNodig as keuze:
        return None, str(keuze), keuze.lagen
    except EigenDataFout as fout:
        return None, str(fout), None


def verwijder(lagen: dict[str, Laag], sleutel: str) -> None:
    if lagen.pop(sleutel, None) is not None:
        geheugen.geef_terug_later()  # a removed layer can hold tens of MB: give the freed pages back


def samenvatting_tabel(resultaat: Resultaat) -> pd.DataFrame:
    """Two text columns (shown with st.dataframe, so as plain text)."""
    rijen = []
    for sleutel, waarde in resultaat.samenvatting.als_dict().items():
        if sleutel == "geometrietypen":
            waarde = ", ".join(f"{t}: {fmt.getal(n)}" for t, n in waarde.items())
        elif sleutel == "grenzen_wgs84":
            waarde = f"{waarde[0]:.4f}–{waarde[2]:.4f} °O, {waarde[1]:.4f}–{waarde[3]:.4f} °N"
        elif sleutel == "kolommen":
            waarde = ", ".join(waarde)
        elif isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
            waarde = fmt.getal(waarde)
        rijen.append((SAMENVATTING_LABELS[sleutel], "–" if waarde in (None, "") else zichtbaar(waarde)))
    return pd.DataFrame(rijen, columns=["Eigenschap", "Waarde"])


# ---------- map ----------


def _stijl(feature: dict) -> dict:
    kleur = feature["properties"].get("kleur", KLEUR_STANDAARD)
    return {"color": kleur, "fillColor": kleur, "weight": 2, "fillOpacity": 0.5, "radius": 5}


def laag_data(laag: Laag) -> tuple[dict, list[tuple[str, str]]]:
    """The layer's GeoJSON payload (≤ 2 MB, escaped) and its legend rows (kept with the layer per style choice)."""
    keuze = (laag.label_kolom, laag.kleur_kolom)
    if laag._kaartdata and laag._kaartdata[0] == keuze:
        return laag._kaartdata[1]
    laag._kaartdata = (keuze, _laag_data(laag))
    return laag._kaartdata[1]


def _laag_data(laag: Laag) -> tuple[dict, list[tuple[str, str]]]:
    frame = laag.resultaat.weergave
    if laag.kleur_kolom and laag.kleur_kolom in frame:
        kleuren, legenda = kleur_indeling(frame[laag.kleur_kolom])
    else:
        kleuren, legenda = None, [(laag.naam, KLEUR_STANDAARD)]
    return kaartdata(frame, laag.naam, laag.label_kolom, kleuren, BRON_EIGEN), legenda


def geojson_laag(data: dict, naam: str) -> folium.GeoJson:
    props = data["features"][0]["properties"] if data["features"] else {}
    return folium.GeoJson(
        data,
        name=html.escape(naam),  # Leaflet's layer control renders names as HTML
        style_function=_stijl,
        marker=folium.CircleMarker(radius=5, fill=True),
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False) if "tip" in props else None,
        popup=folium.GeoJsonPopup(fields=["popup"], labels=False) if "popup" in props else None,
        zoom_on_click=False,
    )


def kaart_lagen(lagen: dict[str, Laag]) -> tuple:
    """The session's layers for the dashboard map: (folium layer, legend rows) each. Road and rail files that
    feed the corridor and rail layers (see `sessie_netwerk`) are drawn there, not a second time on their own."""
    uit = []
    for laag in lagen.values():
        if netwerk_deel(laag)[0] is not None:
            continue
        data, legenda = laag_data(laag)
        uit.append((geojson_laag(data, laag.naam), legenda))
    return tuple(uit)


def ibis_lagen(lagen: dict[str, Laag]) -> list[str]:
    return [sleutel for sleutel, laag in lagen.items() if laag.resultaat.is_ibis]


def _legenda_html(blokken: list[tuple[str, list[tuple[str, str]]]]) -> str:
    delen = []
    for titel, rijen in blokken:
        items = "".join(
            f"<div><span style='display:inline-block;width:12px;height:12px;background:{html.escape(c)};"
            f"margin-right:4px;border:1px solid #666'></span>{html.escape(label)}</div>"
            for label, c in rijen
        )
        delen.append(f"<div style='margin-bottom:4px'><b>{html.escape(titel)}</b>{items}</div>")
    return (
        "<div id='eigen-legenda' style='position:absolute;bottom:30px;left:10px;z-index:1000;"
        "background:rgba(255,255,255,.92);padding:6px 8px;border-radius:4px;font:11px sans-serif;"
        f"max-height:45%;max-width:260px;overflow:auto'>{''.join(delen)}</div>"
    )


def totale_grenzen(frames: list[gpd.GeoDataFrame]):
    """[[lat_min, lon_min], [lat_max, lon_max]] over all frames (EPSG:4326), or None."""
    if not frames:
        return None
    b = pd.DataFrame([f.total_bounds for f in frames], columns=["minx", "miny", "maxx", "maxy"])
    return [[float(b["miny"].min()), float(b["minx"].min())], [float(b["maxy"].max()), float(b["maxx"].max())]]


def _basis(achtergrond: str, frames: list[gpd.GeoDataFrame]) -> folium.Map:
    """A map zoomed to the user's data, with the municipal boundaries for orientation."""
    m = kaart.base_map(achtergrond, totale_grenzen(frames))
    kaart.gemeenten_grenzen_layer(None).add_to(m)
    return m


def kaart_eigen_lagen(lagen: dict[str, Laag], achtergrond: str) -> folium.Map:
    m = _basis(achtergrond, [laag.resultaat.weergave for laag in lagen.values()])
    blokken = []
    for laag in lagen.values():
        data, legenda = laag_data(laag)
        geojson_laag(data, laag.naam).add_to(m)
        blokken.append((laag.naam, legenda))
    if blokken:
        m.get_root().html.add_child(folium.Element(_legenda_html(blokken)))
    return kaart.finish(m)


# ---------- roads and rail (NWB wegvakken, spoor) ----------


def netwerk_deel(laag: Laag) -> tuple[netwerk.NetwerkDeel | None, str | None]:
    """(its lines in Twente, None) for a recognised road or rail file; (None, Dutch reason) when recognised but
    unusable; (None, None) for any other file. Built once per layer."""
    if not laag._netwerk:
        if not laag.resultaat.is_netwerk:
            laag._netwerk = (None, None)
        else:
            try:
                laag._netwerk = (netwerk.uit_bestand(laag.resultaat.analyse, laag.resultaat.samenvatting.bestandsnaam),
                                 None)  # fmt: skip
            except EigenDataFout as fout:
                laag._netwerk = (None, str(fout))
    return laag._netwerk


def netwerk_uitleg(laag: Laag) -> tuple[bool, str] | None:
    """(usable, Dutch explanation) for a recognised road or rail file, else None. Plain text for the page."""
    deel, fout = netwerk_deel(laag)
    if deel is None and fout is None:
        return None
    kolommen = ", ".join(netwerk.herkend_aan(laag.resultaat.samenvatting.kolommen))
    herkend = f"(herkend aan de kolommen {kolommen})"
    if deel is None:
        return False, f"{fout} {herkend}"
    return True, f"{deel.uitleg()} {herkend}"


def sessie_netwerk(sessie: MutableMapping) -> netwerk.EigenNetwerk | None:
    """The session's own roads and rail for the renderers (Kaart, print map, briefing, presentation), or None.
    Built once per set of road and rail files and kept in the session (never on disk, never shared)."""
    lagen = sessie.get(LAGEN_KEY) or {}
    delen = tuple(deel for deel, _ in map(netwerk_deel, lagen.values()) if deel is not None)
    bewaard = sessie.get(NETWERK_KEY)
    if bewaard is not None and len(bewaard[0]) == len(delen) and all(map(operator.is_, bewaard[0], delen)):
        return bewaard[1]
    gebouwd = netwerk.bouw(list(delen))
    sessie[NETWERK_KEY] = (delen, gebouwd)
    return gebouwd


# ---------- IBIS ----------


def ibis_vergelijking(laag: Laag, koppeling: dict[str, str] | None = None) -> tuple[pd.DataFrame, str]:
    frame = ibis.koppel_kolommen(laag.resultaat.analyse, koppeling)
    tabel, noot = ibis.vergelijking(frame)
    getoond = tabel.copy()
    for kolom in (ibis.KOLOM_BRUTO, ibis.KOLOM_IBIS_NETTO, ibis.KOLOM_REB_NETTO, ibis.KOLOM_VERSCHIL):
        getoond[kolom] = [fmt.getal(v, 1) for v in tabel[kolom]]
    return getoond, noot


def zoekgebieden_parken(laag: Laag, koppeling: dict[str, str] | None = None) -> gpd.GeoDataFrame:
    return ibis.parken_voor_zoekgebieden(ibis.koppel_kolommen(laag.resultaat.analyse, koppeling))


# ---------- herontwikkeling ----------


def parken_melding(parken: gpd.GeoDataFrame) -> str:
    return (
        f"Bestaande bedrijventerreinen komen uit uw eigen IBIS-bestand ({fmt.getal(len(parken))} terreinen, alleen "
        "in deze sessie): zowel het masker als de clusteringsfactor. Zet dit uit op de pagina Eigen data."
    )


def vlak_lagen(lagen: dict[str, Laag]) -> list[str]:
    """Layers with polygons that can serve as parks; IBIS layers first."""
    vlakken = [
        k for k, laag in lagen.items() if any("Polygon" in t for t in laag.resultaat.samenvatting.geometrietypen)
    ]
    return sorted(vlakken, key=lambda k: not lagen[k].resultaat.is_ibis)


def panden_lagen(lagen: dict[str, Laag], parken: str) -> list[str]:
    """Choices for the buildings: layers with a building year first, then (geen), then the rest."""

    def heeft_bouwjaar(k: str) -> bool:
        return any(c.lower() in herontwikkeling.BOUWJAAR_KOLOMMEN for c in lagen[k].resultaat.samenvatting.kolommen)

    overige = [k for k in lagen if k != parken]
    return [*[k for k in overige if heeft_bouwjaar(k)], GEEN, *[k for k in overige if not heeft_bouwjaar(k)]]


def score(lagen: dict[str, Laag], parken: str, panden: str | None) -> gpd.GeoDataFrame:
    return herontwikkeling.scoor(lagen[parken].resultaat.analyse, lagen[panden].resultaat.analyse if panden else None)


def _score_weergave(resultaat: gpd.GeoDataFrame) -> pd.DataFrame:
    """Verdicts as ja / nee / onbekend and figures in Dutch notation (columns still keyed by their names)."""
    tabel = herontwikkeling.als_tabel(resultaat)
    for kolom in herontwikkeling.SCORE_KOLOMMEN:
        tabel[kolom] = tabel[kolom].map({1: "ja (1)", 0: "nee (0)"}).fillna(herontwikkeling.ONBEKEND)
    for kolom in ("milieucategorie", "gsi_pct", "gemiddeld_bouwjaar", "bruto_ha"):
        tabel[kolom] = [v if isinstance(v, str) else fmt.getal(v, 1) for v in tabel[kolom]]
    tabel["revitalisatie"] = tabel["revitalisatie"].astype(str)
    return tabel


def score_tabel(resultaat: gpd.GeoDataFrame):
    """The ranked parks (all six criteria known) with Dutch headers, the top 10 highlighted (Styler)."""
    tabel = _score_weergave(resultaat)
    tabel = tabel[resultaat["rang"].notna().to_numpy()].drop(columns=["beoordeling", "ontbreekt", "onbekend",
                                                                      "max_score"])  # fmt: skip
    tabel["rang"] = tabel["rang"].astype(int)
    tabel = tabel.rename(columns=herontwikkeling.KOLOM_LABELS)
    rang = herontwikkeling.KOLOM_LABELS["rang"]
    return tabel.style.apply(
        lambda rij: [f"background-color:{KLEUR_TOP}" if rij[rang] <= TOP else ""] * len(rij), axis=1
    )


def niet_te_beoordelen(resultaat: gpd.GeoDataFrame) -> pd.DataFrame:
    """Parks without a rank: what they lack first, then the points so far and the verdicts."""
    tabel = _score_weergave(resultaat)
    tabel = tabel[resultaat["rang"].isna().to_numpy()].drop(columns=["rang", "beoordeling"])
    voorop = ["naam", "ontbreekt", "score", "max_score"]
    tabel = tabel[voorop + [k for k in tabel.columns if k not in voorop]]
    return tabel.rename(columns=herontwikkeling.KOLOM_LABELS | {"score": "Punten tot nu toe"})


def score_kaart(resultaat: gpd.GeoDataFrame, achtergrond: str) -> folium.Map:
    wgs = resultaat.to_crs(WGS84)
    tabel = herontwikkeling.als_tabel(resultaat)
    props = []
    for _, rij in tabel.iterrows():
        # an empty rank or 'ontbrekende invoer' says nothing: left out of the popup
        rijen = [(herontwikkeling.KOLOM_LABELS[k], rij[k]) for k in herontwikkeling.KOLOM_LABELS
                 if k != "naam" and rij[k] is not None and rij[k] != ""]  # fmt: skip
        beoordeeld = rij["beoordeling"] == herontwikkeling.GERANGSCHIKT
        tip = f"{rij['score']} van 6" if beoordeeld else f"niet te beoordelen, ontbreekt: {rij['ontbreekt']}"
        props.append(
            {
                "popup": popup_html(rij["naam"], rijen, herontwikkeling.BRON),
                "tip": html.escape(f"{rij['naam']}: {tip}"),
                "kleur": SCORE_KLEUREN[int(rij["score"])] if beoordeeld else KLEUR_NIET_TE_BEOORDELEN,
            }
        )
    data = {"type": "FeatureCollection", "features": []}
    for i, (geom, p) in enumerate(zip(wgs.geometry.values, props, strict=True)):
        data["features"].append({"type": "Feature", "id": str(i), "geometry": geom.__geo_interface__, "properties": p})
    m = _basis(achtergrond, [wgs])
    geojson_laag(data, "Herontwikkelingsscore (§4.1)").add_to(m)
    legenda = [(f"Score {s}", SCORE_KLEUREN[s]) for s in range(7)]
    legenda.append(("Niet te beoordelen", KLEUR_NIET_TE_BEOORDELEN))
    m.get_root().html.add_child(folium.Element(_legenda_html([("Score (0–6)", legenda)])))
    return kaart.finish(m)


def kolom_keuzes(laag: Laag) -> list[str]:
    return [GEEN, *attribuut_kolommen(laag.resultaat.weergave)]


def keuze_index(keuzes: list[str], kolom: str | None) -> int:
    return keuzes.index(kolom) if kolom in keuzes else 0


def bestand_lagen(data: bytes, bestandsnaam: str) -> list[str]:
    """Layers to choose from before reading; [] when there is nothing to choose or the file is refused
    (reading it then gives the Dutch message)."""
    try:
        return lagen_van(data, bestandsnaam)
    except EigenDataFout:
        return []
