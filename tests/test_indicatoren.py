"""Traffic light of hard supply against the indicative demand (Tabel 10)."""

import pandas as pd
import pytest

from reb_maps.indicatoren import stoplicht, tekort


@pytest.mark.parametrize(
    ("aanbod", "lo", "hi", "kleur"),
    [
        (0.58, 5, 15, "rood"),  # Haaksbergen: 0,58 ha against 5–15 ha
        (16.58, 10, 40, "oranje"),  # Almelo: 16,58 ha against 10–40 ha
        (12.85, 0, 10, "groen"),  # Twenterand: 12,85 ha against 0–10 ha
        (10, 0, 10, "groen"),  # exactly the maximum counts as enough
        (5, 5, 15, "oranje"),  # exactly the minimum is within the range
        (pd.NA, 0, 10, "geen opgave"),  # Losser: '-' is no figure, not zero
    ],
)
def test_stoplicht(aanbod, lo, hi, kleur):
    assert stoplicht(aanbod, lo, hi) == kleur


def test_tekort_is_shortfall_to_minimum_demand():
    assert tekort(0.58, 5) == pytest.approx(4.42)
    assert tekort(16.58, 10) == 0
    assert tekort(None, 10) is pd.NA
