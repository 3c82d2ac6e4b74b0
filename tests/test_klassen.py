"""Choropleth classes: natural breaks rounded to numbers a person would print."""

import pandas as pd
import pytest

from reb_maps import klassen
from reb_maps.data import load_table


@pytest.mark.parametrize(
    ("waarde", "mooi"),
    [(29_925, 30_000), (51_750, 50_000), (73_575, 75_000), (8_100, 8_000), (0.46, 0.5), (14, 15), (-3.2, -3), (0, 0)],
)
def test_round_to_a_number_a_person_would_print(waarde, mooi):
    assert klassen.afronden(waarde) == pytest.approx(mooi)


def test_jobs_classes_from_the_report():
    banen = load_table("gemeenten")["banen_2023"]
    k = klassen.klassen(banen, "banen", "Blues")
    assert k.grenzen == (10_000, 15_000, 25_000, 50_000)
    assert k.labels[0] == "minder dan 10.000 banen" and k.labels[-1] == "50.000 banen of meer"
    assert k.klasse(9_999) == 0 and k.klasse(10_000) == 1 and k.klasse(95_400) == 4
    assert len(k.kleuren) == len(k.labels) == 5


def test_missing_values_are_their_own_class_never_zero():
    aanbod = load_table("gemeenten")["hard_aanbod_ha"]  # Losser and Tubbergen: '-' in Tabel 10
    k = klassen.klassen(aanbod, "ha", "Oranges")
    assert k.klasse(pd.NA) is None and k.kleur(pd.NA) == klassen.KLEUR_ONBEKEND
    assert k.klasse(0.46) == 0


def test_every_limit_is_nice_and_strictly_increasing():
    gemeenten = load_table("gemeenten")
    for kolom in ("banen_2023", "banen_groei_2014_2023_pct", "netto_areaal_ha", "hard_aanbod_ha", "inwoners_2023"):
        grenzen = klassen.klassen(gemeenten[kolom], "", "Blues").grenzen
        assert list(grenzen) == sorted(set(grenzen))
        assert all(klassen.afronden(g) == g for g in grenzen)


def test_one_value_gives_one_class():
    k = klassen.klassen([5, 5, None], "ha", "Greens")
    assert k.grenzen == () and len(k.labels) == 1 and k.kleur(5) == k.kleuren[0]
