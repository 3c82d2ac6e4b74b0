"""One builder of key figures and one traffic light (Tabel 1, 2, 8 and 10 of REB Twente 2040)."""

import dataclasses
import re

import pandas as pd
import pytest

from reb_maps import labels
from reb_maps.kerncijfers import Kerncijfer, kerncijfers, lezing, licht, stoplicht

NUL_HA = re.compile(r"(?<![\d,–])0 ha")  # "0 ha" on its own, not the end of "10 ha" or "0–10 ha"
SLEUTELS = ["inwoners", "banen", "netto", "vraag", "aanbod"]


def _per_sleutel(gemeente):
    return {k.sleutel: k for k in kerncijfers(gemeente)}


# ---------- traffic light ----------


@pytest.mark.parametrize(
    ("aanbod", "lo", "hi", "kleur"),
    [
        (0.58, 5, 15, "rood"),  # Haaksbergen: 0,58 ha against 5–15 ha
        (16.58, 10, 40, "oranje"),  # Almelo: 16,58 ha against 10–40 ha
        (12.85, 0, 10, "groen"),  # Twenterand: 12,85 ha against 0–10 ha
        (10, 0, 10, "groen"),  # exactly the maximum counts as enough
        (5, 5, 15, "oranje"),  # exactly the minimum is within the range
        (pd.NA, 0, 10, "geen opgave"),  # Losser: '-' is no figure, not zero
        (None, 0, 10, "geen opgave"),
        (3.0, pd.NA, 10, "geen opgave"),  # no demand: nothing to compare with
    ],
)
def test_stoplicht(aanbod, lo, hi, kleur):
    assert licht(aanbod, lo, hi) == kleur
    s = stoplicht(aanbod, lo, hi)
    assert s is labels.STOPLICHTEN[kleur]
    assert s.licht == kleur


def test_every_light_has_every_text():
    assert list(labels.STOPLICHTEN) == ["rood", "oranje", "groen", "geen opgave"]
    for s in labels.STOPLICHTEN.values():
        assert all(getattr(s, f.name) for f in dataclasses.fields(s))
        assert s.kleur.startswith("#") and len(s.kleur) == 7
        assert s.label == f"{s.symbool} {s.kort}"
    assert {s.streamlit_kleur for s in labels.STOPLICHTEN.values()} == {"red", "orange", "green", "gray"}


def test_lezing_per_light():
    assert lezing(16.58, 10, 40) == "Het harde aanbod (16,58 ha) ligt binnen de bandbreedte van de vraag (10–40 ha)."
    assert lezing(0.46, 5, 15) == (
        "Het harde aanbod (0,46 ha) ligt onder de minimale vraag tot 2040 (5–15 ha); er ontbreekt ten minste 4,54 ha."
    )
    assert lezing(12.85, 0, 10) == "Het harde aanbod (12,85 ha) dekt ook de maximale vraag tot 2040 (0–10 ha)."
    geen = lezing(pd.NA, 0, 10)
    assert geen.startswith("Het rapport geeft geen cijfer voor het harde aanbod")
    assert not NUL_HA.search(geen) and "(0–10 ha)" in geen


# ---------- key figures ----------


def test_almelo_as_printed_in_the_report():
    k = _per_sleutel("Almelo")
    assert list(k) == SLEUTELS
    assert k["inwoners"].waarde == "74.000"
    assert k["inwoners"].delta == "+3% sinds 2014"
    assert k["banen"].waarde == "47.300"
    assert k["banen"].delta == "+14% sinds 2014"
    assert k["netto"].waarde == "620 ha"
    assert "18%" in k["netto"].uitleg
    assert k["vraag"].waarde == "10–40 ha"
    aanbod = k["aanbod"]
    assert aanbod.waarde == "16,58 ha"
    assert aanbod.stoplicht.licht == "oranje"
    assert aanbod.delta == "● Oranje"  # a circle every font has, not an emoji
    assert aanbod.delta_kleur == "orange" and aanbod.pijl == "off"
    assert aanbod.lezing == "Het harde aanbod (16,58 ha) ligt binnen de bandbreedte van de vraag (10–40 ha)."
    assert labels.STOPLICHTEN["oranje"].lang in aanbod.uitleg


def test_labels_and_sources_of_a_municipality():
    k = _per_sleutel("Almelo")
    assert [c.label for c in k.values()] == [
        labels.METRIC_INWONERS, labels.METRIC_BANEN, labels.METRIC_NETTO, labels.METRIC_VRAAG, labels.METRIC_AANBOD,
    ]  # fmt: skip
    assert k["banen"].bron == "Bron: BIRO, 2024; REB Twente 2040, Tabel 2"
    assert k["netto"].bron == "Bron: IBIS, 2024; REB Twente 2040, Tabel 8"
    assert k["aanbod"].bron.startswith("Bron: REB Twente 2040, Tabel 10. Het rapport noemt onder de tabel geen")
    assert all(c.bron.startswith("Bron: ") for c in k.values())
    assert all(c.uitleg for c in k.values())
    # only the supply carries a traffic light and its reading
    assert [c.sleutel for c in k.values() if c.stoplicht or c.lezing] == ["aanbod"]


@pytest.mark.parametrize("gemeente", ["Losser", "Tubbergen"])
def test_missing_supply_is_geen_opgave_never_zero(gemeente):
    aanbod = _per_sleutel(gemeente)["aanbod"]
    assert aanbod.waarde == labels.GEEN_OPGAVE
    assert aanbod.stoplicht.licht == "geen opgave"
    assert aanbod.delta_kleur == "gray"
    assert not NUL_HA.search(aanbod.lezing) and "(0–10 ha)" in aanbod.lezing


@pytest.mark.parametrize(
    ("gemeente", "kleur", "waarde"),
    [("Wierden", "rood", "0,46 ha"), ("Twenterand", "groen", "12,85 ha"), ("Hengelo", "oranje", "18,39 ha")],
)
def test_traffic_light_of_each_municipality(gemeente, kleur, waarde):
    aanbod = _per_sleutel(gemeente)["aanbod"]
    assert (aanbod.waarde, aanbod.stoplicht.licht) == (waarde, kleur)


def test_twenterand_half_percent_growth():
    assert _per_sleutel("Twenterand")["inwoners"].delta == "+0,5% sinds 2014"


def test_twente_totals():
    k = _per_sleutel(None)
    assert list(k) == SLEUTELS
    assert (k["inwoners"].label, k["inwoners"].waarde, k["inwoners"].delta) == (
        labels.METRIC_INWONERS, "639.000", "+2% sinds 2014",
    )  # fmt: skip
    assert (k["banen"].waarde, k["banen"].delta) == ("346.500", "+12% sinds 2014")
    assert k["banen"].bron.endswith("Tabel 1")
    assert (k["netto"].label, k["netto"].waarde) == (labels.METRIC_TWENTE_NETTO, "3.380 ha")
    assert (k["vraag"].label, k["vraag"].waarde) == (labels.METRIC_TWENTE_VRAAG, "121–199 ha")
    aanbod = k["aanbod"]
    assert (aanbod.label, aanbod.waarde) == (labels.METRIC_TWENTE_AANBOD, "18,04 ha")
    assert aanbod.stoplicht.licht == "rood"  # 18,04 ha against at least 121 ha
    assert aanbod.lezing == (
        "Het harde aanbod voor grootschalige bedrijven (18,04 ha) ligt onder de minimale vraag tot 2040 "
        "(121–199 ha); er ontbreekt ten minste 102,96 ha."
    )
    assert aanbod.bron.startswith("Bron: REB Twente 2040, Tabel 10 (regionale regel). Het rapport noemt")


def test_one_return_type_for_every_consumer():
    for gemeente in (None, "Almelo", "Losser"):
        assert all(type(k) is Kerncijfer for k in kerncijfers(gemeente))


def test_unknown_municipality_is_an_error():
    with pytest.raises(KeyError):
        kerncijfers("Amsterdam")
