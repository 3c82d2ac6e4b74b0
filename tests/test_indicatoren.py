"""Shortfall of hard supply against the minimum indicative demand (Tabel 10); the traffic light: test_kerncijfers."""

import pandas as pd
import pytest

from reb_maps.indicatoren import tekort


def test_tekort_is_shortfall_to_minimum_demand():
    assert tekort(0.58, 5) == pytest.approx(4.42)
    assert tekort(16.58, 10) == 0
    assert tekort(None, 10) is pd.NA
