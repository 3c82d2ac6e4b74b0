"""The settings form of the page Zoekgebieden as plain data: widget values ↔ Parameters, presets, Saaty."""

import pytest

from reb_maps.zoekgebieden.profielen import (
    BUFFER_BEREIK,
    FACTOREN,
    MASKERS,
    PROFIELEN,
    RESOLUTIES,
    OngeldigeInvoer,
    standaard_parameters,
)
from ui.zoekgebieden import formulier as fm


def _op_de_widgets(waarden: dict) -> None:
    """Every value is one the widget can show."""
    assert waarden[fm.K_PROFIEL] in PROFIELEN
    assert waarden[fm.K_RESOLUTIE] in RESOLUTIES
    assert BUFFER_BEREIK[0] <= waarden[fm.K_BUFFER] <= BUFFER_BEREIK[1] and waarden[fm.K_BUFFER] % 50 == 0
    assert waarden[fm.K_DREMPEL] in fm.DREMPELS
    assert waarden[fm.K_AFRIT] in fm.MAX_AFRIT_M
    laag, hoog = waarden[fm.K_OPP]
    assert fm.OPPERVLAKTE_HA[0] <= laag <= hoog <= fm.OPPERVLAKTE_HA[1]
    assert waarden[fm.K_CONN] in fm.BUREN
    for naam in FACTOREN:
        assert 0 <= waarden[fm.k_gewicht(naam)] <= 100 and isinstance(waarden[fm.k_gewicht(naam)], int)
        assert set(waarden[fm.k_afstand(naam)]) <= set(fm.AFSTANDEN_M)
    for a, b in fm.PAREN:
        assert waarden[fm.k_ahp(a, b)] in fm.SAATY


@pytest.mark.parametrize("naam", list(PROFIELEN))
def test_rondgang_parameters_widgetwaarden_parameters(naam):
    params = standaard_parameters(naam)
    waarden = fm.widget_waarden(params)
    _op_de_widgets(waarden)
    assert fm.parameters_uit(waarden) == params


def test_rondgang_met_alle_velden_afwijkend():
    params = standaard_parameters(
        "regionaal-mkb",
        resolutie_m=250,
        buffer_bebouwing_m=450,
        max_afstand_afrit_m=6500,
        stikstofzone=True,
        drempel=0.55,
        min_ha=35,
        max_ha=120,
        connectiviteit=4,
        gewichten={"afrit": 0.4, "nweg": 0, "station": 0.07, "vaarweg": 0.33, "hoogspanning": 0.01},
        afstanden={n: (250 * i, 5000 + 250 * i) for i, n in enumerate(FACTOREN)},
        gemeenten=("Tubbergen", "Almelo"),
    )
    waarden = fm.widget_waarden(params)
    _op_de_widgets(waarden)
    assert waarden[fm.K_GEMEENTEN] == ["Almelo", "Tubbergen"]
    assert waarden[fm.k_gewicht("station")] == 7 and waarden[fm.k_gewicht("bedrijventerrein")] == 0
    assert fm.parameters_uit(waarden) == params
    assert fm.widget_waarden(fm.parameters_uit(waarden)) == waarden


def test_widgetwaarden_naar_parameters_rekent_punten_om_naar_gewichten():
    waarden = fm.startwaarden() | {fm.k_gewicht("afrit"): 60, fm.K_OPP: (100, 250), fm.K_GEMEENTEN: ["Losser"]}
    params = fm.parameters_uit(waarden)
    assert params.gewicht("afrit") == 0.6 and params.gewicht("nweg") == 0.1
    assert (params.min_ha, params.max_ha) == (100.0, 250.0)
    assert params.gemeenten == ("Losser",)


def test_ongeldige_widgetwaarden_geven_de_nederlandse_melding_van_de_engine():
    waarden = fm.startwaarden() | {fm.k_gewicht(n): 0 for n in FACTOREN}
    with pytest.raises(OngeldigeInvoer, match="Alle gewichten zijn 0"):
        fm.parameters_uit(waarden)
    assert fm.genormaliseerd_tekst(waarden) is None


def test_startwaarden_zijn_het_grootschalige_profiel_op_100_m():
    waarden = fm.startwaarden()
    assert fm.STANDAARD_PROFIEL == "grootschalig"
    assert waarden[fm.K_PROFIEL] == "grootschalig" and waarden[fm.K_RESOLUTIE] == 100
    # The page tests and saved sessions rely on these key names.
    assert {fm.K_PROFIEL, fm.K_RESOLUTIE, fm.K_OPP, fm.k_gewicht("afrit"), fm.k_ahp("afrit", "nweg")} == {
        "zg_profiel", "zg_resolutie", "zg_opp", "zg_gewicht_afrit", "zg_ahp_afrit_nweg",
    }  # fmt: skip


def test_profielwaarden_per_profiel_laten_de_celgrootte_staan():
    groot, mkb = fm.profiel_waarden("grootschalig"), fm.profiel_waarden("regionaal-mkb")
    assert fm.K_RESOLUTIE not in groot and fm.K_RESOLUTIE not in mkb
    # §4.3: about 200 ha (this tool: 150–300 ha); §4.2: 20 to 50 ha bruto.
    assert groot[fm.K_OPP] == (150, 300) and mkb[fm.K_OPP] == (20, 50)
    assert [groot[fm.k_gewicht(n)] for n in FACTOREN] == [30, 10, 5, 15, 20, 20]
    assert [mkb[fm.k_gewicht(n)] for n in FACTOREN] == [25, 20, 10, 5, 15, 25]
    assert (groot[fm.K_BUFFER], mkb[fm.K_BUFFER]) == (300, 100)
    assert (groot[fm.K_AFRIT], mkb[fm.K_AFRIT]) == (4000, 8000)
    assert groot[fm.K_DREMPEL] == mkb[fm.K_DREMPEL] == 0.6
    assert groot[fm.K_GEMEENTEN] == [] and groot[fm.K_STIKSTOF] is False
    for naam in PROFIELEN:
        assert fm.parameters_uit({**fm.profiel_waarden(naam), fm.K_RESOLUTIE: 250}) == standaard_parameters(
            naam, resolutie_m=250
        )


@pytest.mark.parametrize(
    ("verhouding", "saaty"),
    [(1, 1), (1.2, 1), (1.6, 2), (3, 3), (3.4, 3), (6, 6), (8.6, 9), (40, 9),
     (1 / 1.2, 1), (1 / 3, 1 / 3), (0.3, 1 / 3), (0.45, 1 / 2), (1 / 6, 1 / 6), (1 / 40, 1 / 9)],
)  # fmt: skip
def test_saaty_kiest_de_dichtstbijzijnde_waarde_aan_beide_kanten_van_1(verhouding, saaty):
    assert fm.saaty(verhouding) == pytest.approx(saaty)


def test_ahp_start_bij_de_verhouding_van_de_gewichten():
    waarden = fm.widget_waarden(standaard_parameters("grootschalig"))  # afrit 0,30 nweg 0,10 station 0,05 …
    assert waarden[fm.k_ahp("afrit", "nweg")] == 3
    assert waarden[fm.k_ahp("afrit", "station")] == 6
    assert waarden[fm.k_ahp("station", "vaarweg")] == pytest.approx(1 / 3)
    zonder_station = fm.widget_waarden(standaard_parameters("grootschalig").met_gewichten(station=0))
    assert zonder_station[fm.k_ahp("afrit", "station")] == 1  # no ratio to a zero weight: start equal


@pytest.mark.parametrize("naam", list(PROFIELEN))
def test_ahp_van_de_startwaarden_is_consistent_en_volgt_de_gewichten(naam):
    uitkomst = fm.ahp_uit(fm.profiel_waarden(naam))
    assert uitkomst.consistent
    params = standaard_parameters(naam)
    for factor, gewicht in uitkomst.gewichten.items():
        assert gewicht == pytest.approx(params.gewicht(factor), abs=0.035)
    overname = fm.gewicht_waarden(uitkomst.gewichten)
    assert set(overname) == {fm.k_gewicht(n) for n in FACTOREN} and 99 <= sum(overname.values()) <= 101


def test_ahp_met_tegenstrijdige_oordelen_is_inconsistent():
    waarden = fm.startwaarden() | {
        fm.k_ahp("afrit", "nweg"): 9, fm.k_ahp("nweg", "station"): 9, fm.k_ahp("afrit", "station"): 1 / 9,
    }  # fmt: skip
    uitkomst = fm.ahp_uit(waarden)
    assert not uitkomst.consistent
    assert "0,10" in fm.cr_tekst(uitkomst)


def test_teksten_van_het_formulier():
    assert fm.saaty_tekst(1, "afrit", "nweg") == "even belangrijk"
    assert fm.saaty_tekst(3, "afrit", "nweg") == "Afrit 3×"
    assert fm.saaty_tekst(1 / 5, "afrit", "station") == "Station 5×"
    assert fm.drempel_tekst(0.6) == "0,60"
    assert fm.BUREN == {8: "ook via hoeken", 4: "alleen via zijden"}
    assert fm.genormaliseerd_tekst(fm.startwaarden() | {fm.k_gewicht("afrit"): 60}) == (
        "Genormaliseerd: Afrit 46%, N-weg 8%, Station 4%, Vaarweg 12%, Hoogspanning 15%, Bedrijventerrein 15%"
    )  # 60 / 130, 10 / 130, …
    assert fm.gewicht_waarden({"afrit": 0.2345, "nweg": 0.004}) == {"zg_gewicht_afrit": 23, "zg_gewicht_nweg": 0}


def test_vaste_maskers_zijn_bekend_en_omvatten_de_wegen():
    assert "wegen" in fm.VASTE_MASKERS and "natura2000" in fm.VASTE_MASKERS
    assert set(fm.VASTE_MASKERS) <= set(MASKERS)
    assert "stikstofzone" not in fm.VASTE_MASKERS  # switchable, has its own checkbox
