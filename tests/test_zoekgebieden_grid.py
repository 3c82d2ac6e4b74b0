"""Grid, rasterised masks and distance grids against exact shapely computations."""

import numpy as np
import pytest
import shapely

from reb_maps.geodata import load_analysis_layer
from reb_maps.zoekgebieden import grid
from reb_maps.zoekgebieden.profielen import BUFFER_WEGEN_M

RES = 250


def test_raster_dekt_twente_en_cellen_liggen_op_het_rd_raster():
    r = grid.raster(RES)
    minx, miny, maxx, maxy = grid.regio_geometrie().bounds
    x0, y0, x1, y1 = r.bounds
    assert x0 <= minx and y0 <= miny and x1 >= maxx and y1 >= maxy
    assert x0 % RES == 0 and y0 % RES == 0
    assert r.cel_ha == 6.25


def test_oppervlak_binnen_twente_klopt_met_de_regio():
    r = grid.raster(RES)
    binnen_ha = grid.binnen_regio(RES).sum() * r.cel_ha
    regio_ha = load_analysis_layer("regio").area.sum() / 10_000
    assert binnen_ha == pytest.approx(regio_ha, rel=0.01)


def _brute_force(resolutie, geometrie):
    r = grid.raster(resolutie)
    return shapely.intersects(r.boxen(np.arange(r.size)), geometrie)


@pytest.mark.parametrize(
    "geometrie",
    [
        shapely.Polygon([(240_010, 478_020), (243_333, 479_100), (241_100, 481_777)]),
        shapely.LineString([(236_000, 470_000), (236_000, 472_500), (239_123, 475_432)]),  # runs along cell edges
        shapely.Polygon(
            [(245_000, 480_000), (248_000, 480_000), (248_000, 483_000), (245_000, 483_000)],
            holes=[[(246_000, 481_000), (247_000, 481_000), (247_000, 482_000), (246_000, 482_000)]],
        ),
    ],
)
def test_raakmasker_markeert_precies_de_cellen_die_de_geometrie_raken(geometrie):
    masker = grid.raak_masker(RES, [geometrie])
    assert np.array_equal(masker, _brute_force(RES, geometrie))


def test_raakmasker_op_een_echte_laag_is_conservatief():
    natura = np.asarray(load_analysis_layer("natura2000").geometry.values, dtype=object)
    masker = grid.masker("natura2000", RES)
    r = grid.raster(RES)
    vrij = r.boxen(np.flatnonzero(~masker))
    assert not shapely.intersects(vrij[:, None], natura[None, :]).any()


def test_lege_laag_geeft_leeg_masker():
    assert not grid.raak_masker(RES, []).any()


@pytest.mark.parametrize("factor", ["afrit", "nweg", "vaarweg", "station", "hoogspanning", "bedrijventerrein"])
def test_afstandsgrid_klopt_met_shapely(factor):
    afstand = grid.afstand(factor, RES)
    bron = grid.bron(factor)
    if bron.empty:
        assert afstand is None
        return
    xc, yc = grid.middelpunten(RES)
    cellen = np.random.default_rng(1).choice(xc.size, 400, replace=False)
    exact = shapely.distance(shapely.points(xc[cellen], yc[cellen]), shapely.union_all(bron.geometry.values))
    assert np.abs(afstand[cellen] - exact).max() <= grid.STAP_M / 2 + 1e-6


def test_knooppunten_tellen_niet_als_afrit():
    namen = set(grid.bron("afrit")["naam"])
    assert not any(n.startswith("Knooppunt") for n in namen)
    assert "Borne-West (29)" in namen


def test_nweg_bevat_alleen_n18_n35_n36_en_markeert_schematische_delen():
    nweg = grid.bron("nweg")
    assert set(nweg["naam"]) == {"N18", "N35", "N36"}
    assert dict(zip(nweg["naam"], nweg["schematisch"], strict=True)) == {"N18": True, "N35": False, "N36": True}


def test_gecachte_grids_zijn_alleen_lezen_en_hergebruikt():
    assert grid.masker("nnn", RES) is grid.masker("nnn", RES)
    with pytest.raises(ValueError):
        grid.masker("nnn", RES)[0] = True
    with pytest.raises(ValueError):
        grid.afstand("afrit", RES)[0] = 0.0


def test_bebouwingsbuffer_groeit_met_de_afstand():
    klein, groot = grid.bebouwing_masker(RES, 100), grid.bebouwing_masker(RES, 500)
    assert not (klein & ~groot).any()
    assert groot.sum() > klein.sum()


def test_gemeente_index_dekt_de_regio():
    index = grid.gemeente_index(RES)
    binnen = grid.binnen_regio(RES)
    assert (index[binnen] >= 0).mean() > 0.999
    assert len(np.unique(index[index >= 0])) == 14


def _wegen(schematisch: bool) -> shapely.Geometry:
    frame = load_analysis_layer("corridors")
    return shapely.union_all(frame.geometry.values[frame["schematisch"].astype(bool).to_numpy() == schematisch])


def test_wegenmasker_dekt_de_strook_rond_de_echte_wegen_en_niet_meer():
    r = grid.raster(RES)
    boxen = r.boxen(np.arange(r.size))
    echt = _wegen(schematisch=False)
    masker = grid.masker("wegen", RES)
    # Conservative: every cell within the strip is excluded ...
    assert not (shapely.dwithin(boxen, echt, BUFFER_WEGEN_M) & ~masker).any()
    # ... and only those (the drawn buffer is a fraction of a metre wider than the true one).
    assert shapely.distance(boxen[masker], echt).max() <= BUFFER_WEGEN_M + 0.5


def test_schematische_tracés_vallen_niet_onder_het_wegenmasker():
    r = grid.raster(RES)
    boxen = r.boxen(np.arange(r.size))
    op_schema = shapely.intersects(boxen, _wegen(schematisch=True))
    ver_van_echt = shapely.distance(boxen, _wegen(schematisch=False)) > BUFFER_WEGEN_M + 1
    assert (op_schema & ver_van_echt & grid.binnen_regio(RES)).sum() > 50  # N18, N36 and A1 stretches
    assert not grid.masker("wegen", RES)[op_schema & ver_van_echt].any()
