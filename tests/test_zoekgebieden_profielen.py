"""Profiles and parameters of the search engine: presets from the report, validation, JSON round trip."""

import dataclasses
import json

import pytest

from reb_maps.data import GEMEENTEN
from reb_maps.geodata import layer_catalogue, load_analysis_layer
from reb_maps.zoekgebieden.profielen import (
    BUFFER_WEGEN_M,
    FACTOREN,
    KOLOMMEN,
    MASKERS,
    PROFIELEN,
    RESOLUTIES,
    OngeldigeInvoer,
    Parameters,
    profiel,
    standaard_parameters,
)


def test_mkb_profiel_volgt_20_tot_50_ha_uit_het_rapport():
    # §4.2: "zoekgebieden van 20 tot 50 ha bruto"
    p = standaard_parameters("regionaal-mkb")
    assert (p.min_ha, p.max_ha) == (20, 50)
    assert PROFIELEN["regionaal-mkb"].label == "Regionaal MKB"


def test_grootschalig_profiel_omvat_ongeveer_200_ha():
    # §4.3: "een omvang van ongeveer 200 ha bruto"; the range around it is this tool's choice.
    p = standaard_parameters("grootschalig")
    assert p.min_ha < 200 < p.max_ha
    assert (p.min_ha, p.max_ha) == (150, 300)
    assert "200 ha" in PROFIELEN["grootschalig"].omschrijving


def test_grootschalig_weegt_de_netwerken_uit_het_rapport():
    # Principles: A1/A35/N-roads, energy and water all carry weight in the preset.
    p = standaard_parameters("grootschalig")
    for naam in ("afrit", "nweg", "hoogspanning", "vaarweg"):
        assert p.gewicht(naam) > 0
    assert "N18" in FACTOREN["nweg"].label and "N35" in FACTOREN["nweg"].label and "N36" in FACTOREN["nweg"].label


def test_elke_factor_en_elk_masker_heeft_label_bron_en_nauwkeurigheid():
    catalogus = layer_catalogue()
    for info in (*FACTOREN.values(), *MASKERS.values()):
        assert info.label and info.nauwkeurigheid
        assert f"analyse/{info.laag}.geojson" in catalogus
    assert "schematisch" in FACTOREN["nweg"].nauwkeurigheid
    assert all(KOLOMMEN[k][1] == "m" for k in KOLOMMEN if k.startswith("afstand_"))


def test_wegenmasker_is_vast_en_noemt_wat_niet_is_uitgesloten():
    info = MASKERS["wegen"]
    assert info.label == "Snelwegen en hoofdwegen" and info.laag == "corridors"
    assert BUFFER_WEGEN_M == 50
    tekst = info.nauwkeurigheid
    assert "50 m" in tekst and "niet uit het rapport" in tekst and "NIET uitgesloten" in tekst
    corridors = load_analysis_layer("corridors")
    for weg in corridors["corridor"]:  # every road of the layer, real or schematic, is accounted for
        assert weg in tekst
    # A fixed mask: nothing to set, so nothing in parameters.json.
    assert not [f.name for f in dataclasses.fields(Parameters) if "weg" in f.name]


def test_parameters_zijn_hashbaar_en_gewichten_staan_in_vaste_volgorde():
    p = standaard_parameters("grootschalig")
    assert hash(p) == hash(standaard_parameters("grootschalig"))
    assert [n for n, _ in p.gewichten] == list(FACTOREN)
    q = p.replace(gewichten={"station": 2, "afrit": 1})
    assert dict(q.gewichten) == {"afrit": 1, "nweg": 0, "station": 2, "vaarweg": 0, "hoogspanning": 0,
                                 "bedrijventerrein": 0}  # fmt: skip
    assert p.met_gewichten(afrit=0.9).gewicht("nweg") == p.gewicht("nweg")


@pytest.mark.parametrize("naam", list(PROFIELEN))
def test_json_rondgang_geeft_dezelfde_parameters(naam):
    p = standaard_parameters(naam, gemeenten=("Losser", "Almelo"), stikstofzone=True)
    terug = Parameters.from_json(p.to_json())
    assert terug == p
    assert json.loads(p.to_json())["gemeenten"] == ["Almelo", "Losser"]


@pytest.mark.parametrize(
    ("wijziging", "fragment"),
    [
        ({"resolutie_m": 75}, "Resolutie 75 m"),
        ({"buffer_bebouwing_m": -1}, "hinderafstand"),
        ({"max_afstand_afrit_m": 0}, "afrit"),
        ({"drempel": 1.5}, "drempel"),
        ({"min_ha": 60, "max_ha": 50}, "minimum"),
        ({"connectiviteit": 6}, "Aaneengesloten betekent 4"),
        ({"gemeenten": ("Zwolle",)}, "Onbekende gemeente: Zwolle"),
        ({"gewichten": {"afrit": -1}}, "negatief"),
        ({"gewichten": {"snelweg": 1}}, "Onbekende factor 'snelweg'"),
        ({"gewichten": dict.fromkeys(FACTOREN, 0)}, "Alle gewichten zijn 0"),
        ({"afstanden": {n: (1000, 500) for n in FACTOREN}}, "d0 < d1"),
        ({"drempel": float("nan")}, "geen eindig getal"),
        ({"stikstofzone": "ja"}, "true of false"),
    ],
)
def test_ongeldige_invoer_geeft_nederlandse_melding(wijziging, fragment):
    with pytest.raises(OngeldigeInvoer, match=fragment):
        standaard_parameters("grootschalig", **wijziging)


def test_from_json_meldt_onbekende_en_ontbrekende_velden():
    data = standaard_parameters("regionaal-mkb").to_dict()
    with pytest.raises(OngeldigeInvoer, match="Onbekende parameter"):
        Parameters.from_dict({**data, "kleur": "rood"})
    del data["drempel"]
    with pytest.raises(OngeldigeInvoer, match="onvolledig"):
        Parameters.from_dict(data)
    with pytest.raises(OngeldigeInvoer, match="Geen geldige JSON"):
        Parameters.from_json("{niet json")


def test_onbekend_profiel_en_bevroren_dataclass():
    with pytest.raises(OngeldigeInvoer, match="Onbekend profiel"):
        profiel("xl")
    with pytest.raises(dataclasses.FrozenInstanceError):
        standaard_parameters("grootschalig").drempel = 0.1  # type: ignore[misc]
    assert 100 in RESOLUTIES and standaard_parameters("grootschalig").resolutie_m == 100
    assert set(GEMEENTEN) >= set(standaard_parameters("grootschalig", gemeenten=("Borne",)).gemeenten)
