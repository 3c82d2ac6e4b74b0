"""What leaves the room lists the workspace's comments: the briefing (saved locations in the municipality) and
the comparison PDF (the saved locations it compares), read back with pypdf; and the Kaart's saved-locations layer."""

from __future__ import annotations

import io
import json

import pypdf
import shapely

from reb_maps.weergave import kaart
from reb_maps.weergave.documenten.briefing import BewaardeLocatie, briefing_pdf
from reb_maps.werkruimte import Auteur, Werkruimte
from reb_maps.zoekgebieden import standaard_parameters
from reb_maps.zoekgebieden.toets import toets
from ui.zoekgebieden.toetsen import BEWAARD, vergelijk_pdf

OPMERKING = "04-12-2026 10:00, Piet: Borne wil dit alleen met Hengelo samen"


def _tekst(inhoud: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(io.BytesIO(inhoud)).pages)


def test_the_briefing_lists_saved_locations_with_their_comments():
    bewaard = (BewaardeLocatie("Zoekgebied A1 <script>", "Borne, Hengelo", "100,0 ha", "Piet", (OPMERKING,)),)
    tekst = _tekst(briefing_pdf("Borne", bewaard=bewaard))
    assert "Bewaarde locaties in de werkruimte" in tekst
    assert "Zoekgebied A1 <script>" in tekst and "Borne wil dit alleen met Hengelo samen" in tekst
    assert "Bewaarde locaties" not in _tekst(briefing_pdf("Borne"))


def test_the_comparison_pdf_lists_the_comments_of_saved_locations():
    params = standaard_parameters("grootschalig", resolutie_m=250)
    a = toets(shapely.box(250_000, 480_000, 251_000, 481_000), params, f"{BEWAARD}Zoekgebied A1")
    b = toets(shapely.box(236_000, 490_000, 237_000, 491_000), params, "T1")
    tekst = _tekst(vergelijk_pdf([a, b], "grootschalig", (("Zoekgebied A1", (OPMERKING,)),)))
    assert "Bewaard: Zoekgebied A1" in tekst
    assert "Opmerkingen bij de bewaarde locaties" in tekst and "Borne wil dit alleen met Hengelo samen" in tekst


def test_the_kaart_layer_carries_escaped_popups_with_the_comments(tmp_path):
    r = Werkruimte.open(tmp_path / "w.sqlite")
    loc = r.bewaar_locatie("<img src=x onerror=alert(1)>", shapely.box(250_000, 480_000, 251_000, 481_000),
                           Auteur("Piet"))  # fmt: skip
    r.opmerking_toevoegen(loc.id, "Borne wil dit alleen met Hengelo samen", Auteur("Marie"))
    per = {}
    for o in r.opmerkingen():
        per.setdefault(o.locatie_id, []).append(o)
    laag = kaart.bewaarde_locaties(r.stempel(), r.locaties(), per)
    data = json.loads(laag.geojson)
    (feature,) = data["features"]
    popup = feature["properties"]["popup"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in popup and "<img" not in popup
    assert "Marie: Borne wil dit alleen met Hengelo samen" in popup
    lon, lat = shapely.geometry.shape(feature["geometry"]).centroid.coords[0]
    assert 6.6 < lon < 6.8 and 52.2 < lat < 52.35  # WGS84, near Borne/Hengelo
    html = kaart.dashboard_map("banen", "geen", None, None, bewaard=laag).get_root().render()
    assert "Bewaarde locaties (werkruimte)" in html
    leeg = kaart.bewaarde_locaties("0", [], {})
    assert "Bewaarde locaties (werkruimte)" not in kaart.dashboard_map("banen", "geen", None, None,
                                                                       bewaard=leeg).get_root().render()  # fmt: skip
    r.sluit()
