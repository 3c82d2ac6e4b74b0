"""Dutch number formatting as the report prints it."""

import pandas as pd
import pytest

from reb_maps import fmt


@pytest.mark.parametrize(
    ("value", "expected"),
    [(3380, "3.380"), (18.04, "18,04"), (346500, "346.500"), (0.79, "0,79"), (620, "620"), (0, "0")],
)
def test_getal_uses_dutch_separators(value, expected):
    assert fmt.getal(value) == expected


def test_units_ranges_and_missing_values():
    assert fmt.met_eenheid(3380, "ha") == "3.380 ha"
    assert fmt.met_eenheid(12.3, "%") == "12,3%"
    assert fmt.met_eenheid(276000, "m2") == "276.000 m²"
    assert fmt.bandbreedte(121, 199) == "121–199 ha"
    assert fmt.fractie(0.3) == "30%"
    assert fmt.getal(369.85, 0) == "370"
    for missing in (None, float("nan"), pd.NA):
        assert fmt.getal(missing) == "–"
    assert fmt.met_eenheid(pd.NA, "ha", missing="geen opgave") == "geen opgave"


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (216.625, 2, "216,63"),
        (2.5, 0, "3"),
        (0.125, 2, "0,13"),
        (73.97, 0, "74"),
        (-0.5, 0, "-1"),
        (18.04, None, "18,04"),
    ],
)
def test_rounding_is_half_up_as_readers_expect(value, decimals, expected):
    assert fmt.getal(value, decimals) == expected


def test_met_teken_gives_a_change_its_sign():
    from reb_maps.fmt import met_teken

    assert met_teken(12.5, "ha", 2) == "+12,50 ha"
    assert met_teken(-580, "ha", 2) == "-580,00 ha"
    assert met_teken(-3.456, "%", 1, minus="−") == "−3,5%"
    assert met_teken(0, "ha", 2, nul="±") == "±0,00 ha"
    assert met_teken(1000, None, 0) == "+1.000"
    assert met_teken(None, "ha", missing="geen opgave") == "geen opgave"


def test_aantal_takes_the_singular_for_one():
    assert fmt.aantal(1, "terrein", "terreinen") == "1 terrein"
    assert fmt.aantal(2, "terrein", "terreinen") == "2 terreinen"
    assert fmt.aantal(1200, "pand", "panden") == "1.200 panden"
