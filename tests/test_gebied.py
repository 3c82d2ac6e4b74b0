"""A drawn area (reb_maps.zoekgebieden.gebied): its allowed values and its validation, in plain Dutch."""

import pickle

import pytest
import shapely

from reb_maps.fouten import OngeldigeInvoer
from reb_maps.zoekgebieden.gebied import (
    EENHEID_M,
    MAX_GEBIEDEN,
    MAX_HA,
    MAX_PUNTEN,
    MIN_HA,
    MIN_PUNTEN,
    Gebied,
    cirkel,
    controleer,
)
from ui.zoekgebieden.link import decodeer

VIERKANT = Gebied(((245_000, 478_000), (246_000, 478_000), (246_000, 479_000), (245_000, 479_000)))


def test_the_allowed_values():
    assert (EENHEID_M, MIN_HA, MAX_HA) == (10, 0.5, 5000.0)
    assert (MIN_PUNTEN, MAX_PUNTEN, MAX_GEBIEDEN) == (3, 1000, 8)


def test_a_valid_area_passes_and_is_returned():
    assert VIERKANT.controleer() is VIERKANT
    assert VIERKANT.geometrie().area == pytest.approx(1_000_000)
    rond = Gebied(cirkel=(245_000, 478_000, 200.0))
    assert rond.controleer() is rond
    assert rond.geometrie().area / 10_000 == pytest.approx(200, rel=0.002)


def test_van_snaps_to_the_grid_and_drops_repeated_points_holes_and_small_parts():
    vlak = shapely.Polygon(
        [(245_001, 478_004), (245_003, 478_002), (246_006, 478_000), (246_000, 478_996)],
        holes=[[(245_400, 478_200), (245_500, 478_200), (245_500, 478_300)]],
    )
    klein = shapely.box(250_000, 480_000, 250_100, 480_100)
    gebied = Gebied.van(shapely.MultiPolygon([vlak, klein]))
    assert gebied.punten == ((245_000, 478_000), (246_010, 478_000), (246_000, 479_000))
    assert gebied.cirkel is None


@pytest.mark.parametrize(
    "gebied, woord",
    [
        (Gebied(((245_000, 478_000), (246_000, 478_000))), "3 tot 1.000 hoekpunten"),
        (Gebied(tuple((245_000 + i, 478_000 + i * i) for i in range(MAX_PUNTEN + 1))), "hoekpunten"),
        (Gebied(cirkel=(245_000, 478_000, MAX_HA + 1)), "Kies een oppervlakte tussen 0,5 en 5.000 ha"),
        (Gebied(cirkel=(245_000, 478_000, MIN_HA / 2)), "Kies een oppervlakte"),
        (Gebied(cirkel=(245_000, 478_000, float("nan"))), "Kies een oppervlakte"),
        (Gebied(((100_000, 400_000), (101_000, 400_000), (101_000, 401_000))), "buiten Twente"),
        (Gebied(((245_000, 478_000), (246_000, 479_000), (246_000, 478_000), (245_000, 479_000))), "snijden"),
        (Gebied(((245_000, 478_000), (245_010, 478_000), (245_010, 478_010))), "toetsen kan van 0,5"),
    ],
)  # fmt: skip
def test_an_area_that_cannot_be_tested_is_named_in_one_dutch_sentence(gebied, woord):
    with pytest.raises(OngeldigeInvoer, match=woord):
        gebied.controleer()


def test_controleer_takes_geometries_too():
    for leeg in (None, shapely.Polygon()):
        with pytest.raises(OngeldigeInvoer, match="leeg"):
            controleer(leeg)
    with pytest.raises(OngeldigeInvoer, match="geen vlak"):
        controleer(shapely.LineString([(245_000, 478_000), (246_000, 478_000)]))
    vlak = cirkel(245_000, 478_000, 100)
    assert controleer(vlak) is vlak


def test_an_area_is_a_value_kept_in_session_state_and_cache_keys():
    kopie = pickle.loads(pickle.dumps(VIERKANT))
    assert kopie == VIERKANT and hash(kopie) == hash(VIERKANT)
    with pytest.raises(AttributeError):
        VIERKANT.punten = ()  # frozen


def test_the_link_refuses_an_area_outside_the_allowed_values_with_a_notice():
    weergave, meldingen = decodeer({"p": "g", "v": "c24500.47800.6000~24500.47800.100.0"})
    assert weergave.gebieden == ()
    assert len(meldingen) == 2 and all("getekend gebied" in m for m in meldingen)
