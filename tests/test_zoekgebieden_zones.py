"""The search engine: hard constraints hold, areas fit the profile, results are reproducible."""

import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import ndimage

from reb_maps.data import GEMEENTEN
from reb_maps.geodata import load_analysis_layer
from reb_maps.zoekgebieden import grid, zones
from reb_maps.zoekgebieden.profielen import BUFFER_WEGEN_M, standaard_parameters

PROFIELEN = ("grootschalig", "regionaal-mkb")


@pytest.fixture(scope="module", params=[(p, r) for p in PROFIELEN for r in (100, 250)], ids=str)
def resultaat(request):
    profiel, resolutie = request.param
    return zones.bereken(standaard_parameters(profiel, resolutie_m=resolutie))


@pytest.fixture(scope="module")
def met_stikstof():
    return zones.bereken(standaard_parameters("regionaal-mkb", stikstofzone=True, resolutie_m=100))


def _geoms(laag):
    return np.asarray(load_analysis_layer(laag).geometry.values, dtype=object)


def test_standaardrun_vindt_kandidaten(resultaat):
    assert resultaat.aantal > 0
    assert resultaat.toegestaan_ha > resultaat.geschikt_ha >= resultaat.kandidaten_ha > 0


def test_kandidaten_liggen_alleen_op_toegestane_cellen(resultaat):
    in_zone = resultaat.zones > 0
    assert not (in_zone & ~resultaat.toegestaan).any()
    assert not (in_zone & ~resultaat.geschikt).any()
    for naam, masker in resultaat.maskers.items():
        assert not (in_zone & masker).any(), naam


@pytest.mark.parametrize("laag", ["natura2000", "nnn", "waterwegen", "waterwegen_lijnen", "bedrijventerreinen"])
def test_kandidaten_overlappen_de_echte_polygonen_niet(resultaat, laag):
    kandidaten = np.asarray(resultaat.kandidaten.geometry.values, dtype=object)
    beperking = _geoms(laag)
    if beperking.size == 0:
        pytest.skip(f"laag {laag} is (nog) leeg")
    overlap = shapely.area(shapely.intersection(kandidaten[:, None], beperking[None, :])).sum()
    assert overlap <= 0.01 * resultaat.raster.resolutie**2  # touching borders only


def test_kandidaten_houden_de_hinderafstand_tot_de_bebouwde_kom(resultaat):
    kom = shapely.union_all(_geoms("bebouwde_kom"))
    afstand = shapely.distance(np.asarray(resultaat.kandidaten.geometry.values, dtype=object), kom)
    assert afstand.min() >= resultaat.parameters.buffer_bebouwing_m - 1e-6


def test_geen_kandidaatcel_ligt_in_de_strook_rond_een_echte_weg(resultaat):
    corridors = load_analysis_layer("corridors")
    echt = corridors.geometry.values[~corridors["schematisch"].astype(bool).to_numpy()]
    assert set(corridors.loc[~corridors["schematisch"].astype(bool), "corridor"]) == {"A1", "A35", "N35"}
    cellen = resultaat.raster.boxen(np.flatnonzero(resultaat.zones))
    assert not shapely.dwithin(cellen[:, None], np.asarray(echt, dtype=object)[None, :], BUFFER_WEGEN_M).any()
    kandidaten = np.asarray(resultaat.kandidaten.geometry.values, dtype=object)
    assert shapely.distance(kandidaten, shapely.union_all(echt)).min() >= BUFFER_WEGEN_M


@pytest.mark.parametrize("profiel", PROFIELEN)
def test_wegenmasker_verkleint_alleen_het_toegestane_gebied(profiel, monkeypatch):
    params = standaard_parameters(profiel, resolutie_m=250)
    met = zones.bereken(params)
    echt_masker = grid.masker

    def zonder_wegen(naam, resolutie, eigen_parken=None):
        leeg = np.zeros(grid.raster(resolutie).size, dtype=bool)
        return leeg if naam == "wegen" else echt_masker(naam, resolutie, eigen_parken)

    monkeypatch.setattr(grid, "masker", zonder_wegen)
    zonder = zones.bereken(params)
    assert not (met.toegestaan & ~zonder.toegestaan).any()
    assert not (met.geschikt & ~zonder.geschikt).any()
    assert met.toegestaan_ha < zonder.toegestaan_ha  # the roads do run through otherwise allowed land
    assert np.array_equal(met.toegestaan, zonder.toegestaan & ~met.maskers["wegen"])
    beide = met.toegestaan & zonder.toegestaan
    assert np.array_equal(met.score[beide], zonder.score[beide])  # a mask never changes a score


def test_stikstofzone_als_extra_masker(met_stikstof):
    zone = shapely.union_all(_geoms("stikstofzone"))
    kandidaten = np.asarray(met_stikstof.kandidaten.geometry.values, dtype=object)
    assert shapely.area(shapely.intersection(kandidaten, zone)).sum() <= 0.01 * 100**2


def test_elke_kandidaat_valt_binnen_de_bandbreedte_van_het_profiel(resultaat):
    p = resultaat.parameters
    k = resultaat.kandidaten
    assert ((k["oppervlakte_ha"] >= p.min_ha) & (k["oppervlakte_ha"] <= p.max_ha)).all()
    assert shapely.area(k.geometry.values) / 10_000 == pytest.approx(k["oppervlakte_ha"].to_numpy())
    assert (k["gebied_ha"] >= k["oppervlakte_ha"]).all()
    assert (k["kern_van_groter_gebied"] == (k["gebied_ha"] > k["oppervlakte_ha"])).all()


def test_geen_cel_ligt_verder_van_een_afrit_dan_de_harde_grens(resultaat):
    r = resultaat.raster
    cellen = np.flatnonzero(resultaat.zones)
    hoeken = shapely.get_coordinates(r.boxen(cellen)).reshape(len(cellen), 5, 2)[:, :4]
    afritten = shapely.get_coordinates(grid.bron("afrit").geometry.values)
    afstand = np.linalg.norm(hoeken[:, :, None, :] - afritten[None, None, :, :], axis=-1)
    # per cell: the nearest exit that covers all four corners
    assert afstand.max(axis=1).min(axis=1).max() <= resultaat.parameters.max_afstand_afrit_m
    assert (resultaat.kandidaten["afstand_afrit_m"] <= resultaat.parameters.max_afstand_afrit_m).all()


def test_rangorde_op_gemiddelde_score(resultaat):
    k = resultaat.kandidaten
    assert k["rang"].tolist() == list(range(1, len(k) + 1))
    assert k["score"].is_monotonic_decreasing
    assert k["id"].is_unique
    for rang, score in zip(k["rang"], k["score"], strict=True):
        assert resultaat.score[resultaat.zones == rang].mean() == pytest.approx(score)


def test_gemeenten_en_hun_aandelen(resultaat):
    for namen, aandeel in zip(
        resultaat.kandidaten["gemeenten"], resultaat.kandidaten["gemeenten_aandeel"], strict=True
    ):
        lijst = namen.split(", ")
        assert set(lijst) <= set(GEMEENTEN)
        procenten = [int(deel.rsplit(" ", 1)[1].rstrip("%")) for deel in aandeel.split(", ")]
        assert procenten == sorted(procenten, reverse=True)
        assert abs(sum(procenten) - 100) <= len(procenten)


def test_afstanden_en_namen_per_kandidaat(resultaat):
    k = resultaat.kandidaten
    for factor in ("afrit", "nweg", "station", "vaarweg", "hoogspanning"):
        assert (k[f"afstand_{factor}_m"] >= 0).all()
    assert k["nweg"].isin(["N18", "N35", "N36"]).all()
    assert k["afrit"].notna().all() and k["station"].notna().all()


def test_zelfde_parameters_geven_hetzelfde_resultaat(resultaat):
    opnieuw = zones.bereken(resultaat.parameters)
    pd.testing.assert_frame_equal(
        pd.DataFrame(opnieuw.kandidaten.drop(columns="geometry")),
        pd.DataFrame(resultaat.kandidaten.drop(columns="geometry")),
    )
    assert opnieuw.kandidaten.geometry.geom_equals(resultaat.kandidaten.geometry).all()
    assert np.array_equal(opnieuw.zones, resultaat.zones)


def test_gemeentefilter_houdt_kandidaten_binnen_de_gekozen_gemeenten():
    params = standaard_parameters("regionaal-mkb", gemeenten=("Almelo", "Wierden"), drempel=0.5)
    uit = zones.bereken(params)
    assert uit.aantal > 0
    for namen in uit.kandidaten["gemeenten"]:
        assert set(namen.split(", ")) <= {"Almelo", "Wierden"}


def test_vier_buren_geeft_enkelvoudige_vlakken():
    uit = zones.bereken(standaard_parameters("regionaal-mkb", connectiviteit=4))
    assert uit.aantal > 0
    assert (uit.kandidaten.geom_type == "Polygon").all()


# --- monotonicity: tightening a constraint never adds allowed or geschikt cells --------------------
# (the CANDIDATE area is not monotone: a too large area may split into cores that fit the range)

strenger = st.tuples(
    st.sampled_from(PROFIELEN),
    st.sampled_from([100, 200, 300, 500]),
    st.sampled_from([0, 100, 200]),
    st.sampled_from([3000, 5000, 8000]),
    st.sampled_from([0, 1000, 2000]),
    st.booleans(),
    st.booleans(),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strenger)
def test_aanscherpen_vergroot_toegestaan_en_geschikt_gebied_nooit(waarden):
    profiel, buffer, extra_buffer, afrit, minder_afrit, stikstof, extra_stikstof = waarden
    los = standaard_parameters(
        profiel, resolutie_m=250, buffer_bebouwing_m=buffer, max_afstand_afrit_m=afrit, stikstofzone=stikstof
    )
    streng = los.replace(
        buffer_bebouwing_m=buffer + extra_buffer,
        max_afstand_afrit_m=afrit - minder_afrit,
        stikstofzone=stikstof or extra_stikstof,
    )
    a, b = zones.bereken(los), zones.bereken(streng)
    assert not (b.toegestaan & ~a.toegestaan).any()
    assert not (b.geschikt & ~a.geschikt).any()
    assert b.toegestaan_ha <= a.toegestaan_ha and b.geschikt_ha <= a.geschikt_ha


# --- the zone step on synthetic grids ---------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.integers(1, 6),
    st.integers(0, 30),
    st.sampled_from([4, 8]),
    st.floats(0.2, 0.8),
)
def test_zones_passen_altijd_in_de_bandbreedte(seed, min_c, extra, connectiviteit, drempel):
    rng = np.random.default_rng(seed)
    score = ndimage.gaussian_filter(rng.random((40, 40)), 2)
    score = (score - score.min()) / (score.max() - score.min())
    r = grid.Raster(100, 0, 0, 40, 40)
    params = standaard_parameters(
        "regionaal-mkb",
        min_ha=float(min_c),
        max_ha=float(min_c + extra),
        connectiviteit=connectiviteit,
        drempel=drempel,
    )
    geschikt = score >= drempel
    uit, gebied = zones._zones(geschikt, score, params, r)
    assert not (uit > 0)[~geschikt].any()
    grootte = np.bincount(uit.ravel())[1:]
    assert len(gebied) == len(grootte) + 1
    assert ((grootte >= min_c) & (grootte <= min_c + extra)).all()
    structuur = zones._structuur(connectiviteit)
    for label in range(1, len(grootte) + 1):
        assert ndimage.label(uit == label, structuur)[1] == 1  # every candidate is connected
