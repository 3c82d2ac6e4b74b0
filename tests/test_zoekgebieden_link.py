"""The Zoekgebieden view in the link: round trip, compact, and tampered values named as plain notices."""

import pytest
import shapely

from reb_maps.zoekgebieden.gebied import Gebied
from reb_maps.zoekgebieden.profielen import PROFIELEN
from ui.zoekgebieden import formulier as fm
from ui.zoekgebieden.link import MAX_LINK, Weergave, codeer, decodeer

RECHTHOEK = Gebied(((245_000, 478_000), (246_500, 478_000), (246_500, 479_200), (245_000, 479_200)))
CIRKEL = Gebied(cirkel=(250_000, 478_000, 200.0))


def _params(**widgets):
    waarden = fm.widget_waarden(PROFIELEN["regionaal-mkb"].parameters) | widgets
    return fm.parameters_uit(waarden)


def test_round_trip_of_a_changed_view():
    params = _params(**{
        fm.K_RESOLUTIE: 50, fm.K_BUFFER: 250, fm.K_STIKSTOF: True, fm.K_GEMEENTEN: ["Hof van Twente", "Borne"],
        fm.K_DREMPEL: 0.47, fm.K_AFRIT: 5500, fm.K_OPP: (25, 60), fm.K_CONN: 4,
        fm.k_gewicht("station"): 33, fm.k_afstand("vaarweg"): (750, 6250),
    })  # fmt: skip
    weergave = Weergave(params, (RECHTHOEK, CIRKEL), "T2", ("M01", "T1", "T2"), (52.2653, 6.7931, 13))
    query = codeer(weergave)
    assert query["kz"] == "52.2653,6.7931,13"  # the map's view: the comparison opens where it was looked at
    terug, meldingen = decodeer(query)
    assert meldingen == []
    assert terug == weergave


def test_the_preset_is_one_short_parameter():
    weergave = Weergave(PROFIELEN["grootschalig"].parameters)
    assert codeer(weergave) == {"p": "g"}
    assert decodeer({"p": "g"}) == (weergave, [])
    assert decodeer({"gemeente": "Almelo"}) == (None, [])  # not a Zoekgebieden link


def test_a_detailed_polygon_is_simplified_until_the_link_fits():
    rand = shapely.Point(245_000, 478_000).buffer(900, quad_segs=300)  # 1200 vertices
    weergave = Weergave(PROFIELEN["grootschalig"].parameters, (Gebied.van(rand),), "T1")
    query = codeer(weergave, basis_lengte=120)
    lengte = 120 + sum(len(k) + len(v) + 2 for k, v in query.items())
    assert lengte < MAX_LINK
    terug, meldingen = decodeer(query)
    assert meldingen == []
    assert terug.gebieden[0].geometrie().area == pytest.approx(rand.area, rel=0.02)


@pytest.mark.parametrize(
    "sleutel, waarde, wat",
    [
        ("w", "30.10.5.15.20", "gewichten"),
        ("w", "0.0.0.0.0.0", "gewichten"),
        ("dr", "150", "drempel"),
        ("hb", "333", "hinderafstand"),
        ("r", "75", "celgrootte"),
        ("gm", "Almelo,Amsterdam", "gemeenten"),
        ("p", "x", "profiel"),
        ("v", "1.2.3", "getekend gebied"),
        ("v", "c100.100.200", "getekend gebied"),  # far outside Twente
        ("t", "T9", "getoetst gebied"),
        ("ha", "<script>alert(1)</script>", "oppervlakte"),
        ("kz", "48.85,2.35,12", "kaartbeeld"),  # Paris: not a view of Twente
        ("kz", "52.27,6.79,25", "kaartbeeld"),  # no such zoom
        ("kz", "52.27,6.79", "kaartbeeld"),
        ("kz", "52.27,6.79,-1", "kaartbeeld"),
    ],
)
def test_a_tampered_value_is_named_and_the_rest_still_applies(sleutel, waarde, wat):
    query = {"p": "g", "af": "6000", sleutel: waarde}
    weergave, meldingen = decodeer(query)
    assert len(meldingen) == 1
    assert wat in meldingen[0] and waarde[:50] in meldingen[0]
    assert weergave.params.max_afstand_afrit_m == 6000  # the good value still counts


def test_a_long_bad_value_is_shortened():
    _, meldingen = decodeer({"p": "g", "w": "9" * 500})
    assert len(meldingen[0]) < 140 and "…" in meldingen[0]
