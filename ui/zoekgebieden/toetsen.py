"""Page adapter of "Toets een locatie": drawing tool, card rows, comparison table, CSV, small maps and PDF.

No Streamlit here: everything takes `Toets` results (reb_maps.zoekgebieden.toets) and returns folium
elements, DataFrames, text or file bytes, so it is tested without a browser. The small maps are drawn
in RD New with matplotlib from the layer catalogue's colours.
"""

from __future__ import annotations

from collections.abc import Sequence

import folium
import folium.plugins
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from reb_maps import fmt
from reb_maps.cellen import csv_tekst
from reb_maps.weergave import assets, kaart_nl
from reb_maps.weergave.druk import kaartjes
from reb_maps.weergave.druk.kaartjes import KLEUR_GEBIED
from reb_maps.zoekgebieden.gebied import Gebied
from reb_maps.zoekgebieden.profielen import KOLOMMEN, PROFIELEN
from reb_maps.zoekgebieden.toets import (
    AFSTAND_FACTOREN,
    NIET_VOLDAAN,
    OVERLAP_LABELS,
    VOETNOOT_PRINCIPES,
    VOLDAAN,
    Toets,
)

LAAG_GEBIEDEN = "Getoetste gebieden"
BRON = (
    "Berekening: dit dashboard (toets van één gebied, indicatief); kaartgegevens: CBS/Kadaster (PDOK), "
    "OpenStreetMap, RVO/provincies"
)
_NAAR_RD = Transformer.from_crs(4326, 28992, always_xy=True)
_NAAR_WGS = Transformer.from_crs(28992, 4326, always_xy=True)


BEWAARD = "Bewaard: "


def gebied_naam(naam: str) -> str:
    """'T2' → 'Getekend gebied 2'; candidate ids stay as they are ('Zoekgebied G01')."""
    if naam.startswith(BEWAARD):  # a saved location: the test carries its display name
        return naam
    return f"Getekend gebied {naam[1:]}" if naam.startswith("T") else f"Zoekgebied {naam}"


# ---------- The drawing tool and the drawn areas on the map ----------


def teken_gereedschap() -> folium.plugins.Draw:
    """Leaflet.draw with polygon, rectangle and marker (a point + an area in ha); served locally."""
    vorm = {"shapeOptions": {"color": KLEUR_GEBIED, "weight": 3, "fillOpacity": 0.1}}
    return folium.plugins.Draw(
        export=False,
        position="topleft",
        draw_options={
            "polyline": False,
            "circle": False,
            "circlemarker": False,
            "polygon": {**vorm, "allowIntersection": False, "showArea": False},
            "rectangle": {**vorm, "showArea": False},
            "marker": True,
        },
        edit_options={"edit": False, "remove": True},
    )


def voeg_teken_gereedschap_toe(m: folium.Map) -> folium.Map:
    kaart_nl.TekenTeksten().add_to(m)  # before the tool: Leaflet.draw reads its texts when it builds the buttons
    teken_gereedschap().add_to(m)
    return assets.localize(m)


def uit_tekening(feature: dict, ha: float) -> Gebied | None:
    """A drawn feature (GeoJSON, EPSG:4326) as an area on the 10 m grid; a marker becomes a circle of `ha`."""
    geometrie = (feature or {}).get("geometry") or {}
    try:
        vorm = shapely.geometry.shape(geometrie)
    except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.GEOSException):
        return None
    if vorm.is_empty:
        return None
    vorm = shapely.transform(vorm, lambda xy: np.column_stack(_NAAR_RD.transform(*xy.T)))
    if vorm.geom_type == "Point":
        return Gebied(cirkel=(int(round(vorm.x, -1)), int(round(vorm.y, -1)), float(ha)))
    if vorm.geom_type in ("Polygon", "MultiPolygon"):
        return Gebied.van(vorm)
    return None


def gebieden_groep(gebieden: dict[str, shapely.Geometry], actief: str | None) -> folium.FeatureGroup:
    """The saved drawn areas (EPSG:28992) as outlines with their name; the tested one drawn heavier."""
    groep = folium.FeatureGroup(name=LAAG_GEBIEDEN, show=True)
    for naam, geometrie in gebieden.items():
        wgs = shapely.transform(geometrie, lambda xy: np.column_stack(_NAAR_WGS.transform(*xy.T)))
        folium.GeoJson(
            shapely.geometry.mapping(wgs),
            style_function=lambda _f, zwaar=naam == actief: {
                "color": KLEUR_GEBIED, "weight": 4 if zwaar else 2, "fillOpacity": 0.12 if zwaar else 0.04,
            },
            tooltip=gebied_naam(naam),  # folium escapes a plain tooltip string
        ).add_to(groep)
    return assets.localize(groep)


# ---------- Card ----------


def _afstand_tekst(meter) -> str:
    if meter is None:
        return "–"
    return f"{fmt.getal(round(meter, -1), 0)} m" if meter < 1000 else f"{fmt.getal(meter / 1000, 1)} km"


def afstand_regel(t: Toets, factor: str) -> str:
    a = t.afstanden[factor]
    if a.meter is None:
        return "geen gegevens"
    tekst = f"{_afstand_tekst(a.meter)} ({a.naam}"
    return tekst + (", schematisch tracé: bij benadering)" if a.schematisch else ")")


def gemeenten_tekst(t: Toets) -> str:
    tekst = ", ".join(f"{n} {fmt.fractie(a) if a >= 0.005 else '< 1%'}" for n, a in t.gemeenten.items())
    buiten = 1 - sum(t.gemeenten.values())
    return tekst + (f", buiten Twente {fmt.fractie(buiten)}" if buiten >= 0.005 else "")


def kerncijfers(t: Toets) -> list[tuple[str, str, str | None]]:
    """The headline metrics of the card: label, value, help."""
    return [
        ("Oppervlakte", fmt.met_eenheid(t.oppervlakte_ha, "ha", 1), None),
        (
            "Geschiktheid gemiddeld",
            fmt.getal(t.score_gemiddeld, 2),
            "Gemiddelde score (0–1) van de rastercellen met hun middelpunt in het gebied, bij de huidige "
            "instellingen; alleen cellen die geen harde beperking raakt.",
        ),
        ("Geschiktheid minimum", fmt.getal(t.score_minimum, 2), None),
        (
            "Toegestane cellen",
            fmt.fractie(t.toegestaan_aandeel),
            f"Aandeel van de {t.cellen} rastercellen in het gebied dat geen harde beperking raakt.",
        ),
    ]


def maten(t: Toets) -> dict[str, str]:
    """Every measure of the card as formatted text (label → value): the card's table and the comparison."""
    rijen = {
        "Oppervlakte": fmt.met_eenheid(t.oppervlakte_ha, "ha", 1),
        "Gemeenten (aandeel)": gemeenten_tekst(t),
    }
    for factor in AFSTAND_FACTOREN:
        rijen[KOLOMMEN[f"afstand_{factor}_m"][0]] = afstand_regel(t, factor)
    for sleutel, o in t.overlap.items():
        rijen[f"Overlap {OVERLAP_LABELS[sleutel]}"] = (
            f"{fmt.met_eenheid(o.ha, 'ha', 1)} ({fmt.fractie(o.aandeel, 1)})"
        )
    rijen["Geschiktheid gemiddeld"] = fmt.getal(t.score_gemiddeld, 2)
    rijen["Geschiktheid minimum"] = fmt.getal(t.score_minimum, 2)
    rijen["Toegestane cellen"] = fmt.fractie(t.toegestaan_aandeel)
    for p in t.principes:
        rijen[f"{p.paragraaf} {p.naam}"] = f"{VOLDAAN if p.voldaan else NIET_VOLDAAN}: {p.waarde}"
    return rijen


def maten_tabel(t: Toets) -> pd.DataFrame:
    return pd.DataFrame({"Maat": list(maten(t)), "Waarde": list(maten(t).values())}).set_index("Maat")


def principes_tabel(t: Toets) -> pd.DataFrame:
    """One row per principle (its paragraph and name as the row's header), verdict and value."""
    return pd.DataFrame(
        {
            "Principe": [f"{p.paragraaf} {p.naam}" for p in t.principes],
            "Voldaan": [VOLDAAN if p.voldaan else NIET_VOLDAAN for p in t.principes],
            "Waarde": [p.waarde for p in t.principes],
        }
    ).set_index("Principe")


# ---------- Comparison ----------


def vergelijk_tabel(toetsen: Sequence[Toets]) -> pd.DataFrame:
    """Measures as rows, one column per area (formatted text)."""
    kolommen = {gebied_naam(t.naam): maten(t) for t in toetsen}
    frame = pd.DataFrame(kolommen)
    frame.index.name = "Maat"
    return frame


def vergelijk_csv(toetsen: Sequence[Toets]) -> str:
    """The comparison as CSV with plain numbers (one row per area, the command line's keys as columns)."""
    rijen = []
    for t in toetsen:
        d = t.to_dict()
        rij = {"gebied": t.naam, "profiel": t.profiel, "oppervlakte_ha": d["oppervlakte_ha"]}
        rij["gemeenten"] = "; ".join(f"{n} {a:.3f}" for n, a in d["gemeenten"].items())
        for factor in AFSTAND_FACTOREN:
            rij[f"afstand_{factor}_m"] = d[f"afstand_{factor}_m"]
            rij[f"{factor}_naam"] = t.afstanden[factor].naam
        rij["nweg_schematisch"] = t.afstanden["nweg"].schematisch
        rij |= {f"overlap_{k}_ha": v for k, v in d["overlap_ha"].items()}
        rij |= {"score_gemiddeld": d["score_gemiddeld"], "score_minimum": d["score_minimum"]}
        rij |= {f"principe_{i}_{p.naam}": p.voldaan for i, p in enumerate(t.principes, 1)}
        rijen.append(rij)
    return csv_tekst(pd.DataFrame(rijen), index=False)


def kaartjes_png(toetsen: Sequence[Toets], dpi: int = 150, per_rij: int | None = None) -> bytes:
    """The small maps of the compared areas with their names (`reb_maps.weergave.druk.kaartjes`)."""
    return kaartjes.kaartjes_png([(gebied_naam(t.naam), t.geometrie) for t in toetsen], dpi, per_rij)


def vergelijk_pdf(toetsen: Sequence[Toets], profiel: str,
                  opmerkingen: Sequence[tuple[str, Sequence[str]]] = ()) -> bytes:  # fmt: skip
    """The comparison on one A4 landscape page, then the saved locations' comments (`kaartjes.vergelijking_pdf`)."""
    return kaartjes.vergelijking_pdf(
        [(gebied_naam(t.naam), t.geometrie) for t in toetsen],
        vergelijk_tabel(toetsen).reset_index(),
        f"Profiel: {PROFIELEN[profiel].label}. Indicatief, geen beleid.",
        f"{VOETNOOT_PRINCIPES} {BRON}.",
        opmerkingen,
    )
