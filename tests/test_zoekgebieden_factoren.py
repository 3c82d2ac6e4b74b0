"""Factor normalisation and the handling of a factor whose source layer is empty."""

import numpy as np
import pytest

from reb_maps.zoekgebieden import factoren, zones
from reb_maps.zoekgebieden.profielen import FACTOREN, standaard_parameters


def test_lineair_verval_tussen_d0_en_d1():
    uit = factoren.lineair(np.array([0, 1000, 2500, 4000, 9000]), 1000, 4000)
    assert uit.tolist() == pytest.approx([1, 1, 0.5, 0, 0])


def test_factorwaarden_liggen_tussen_0_en_1_en_dichterbij_is_beter():
    params = standaard_parameters("grootschalig", resolutie_m=250)
    for naam, waarden in factoren.factor_waarden(params).items():
        assert waarden.min() >= 0 and waarden.max() <= 1, naam
        d0, d1 = params.afstand(naam)
        afstand = factoren.grid.afstand(naam, 250)
        assert (waarden[afstand <= d0] == 1).all() and (waarden[afstand >= d1] == 0).all()


def test_lege_laag_telt_niet_mee_en_de_rest_wordt_herschaald(monkeypatch):
    zonder = tuple(n for n in FACTOREN if n != "bedrijventerrein")
    monkeypatch.setattr(zones, "beschikbaar", lambda resolutie, eigen_parken=None: zonder)
    params = standaard_parameters("grootschalig", resolutie_m=250)
    gewichten, waarschuwingen = zones.effectieve_gewichten(params)
    assert set(gewichten) == set(zonder)
    assert sum(gewichten.values()) == pytest.approx(1)
    rest = 1 - params.gewicht("bedrijventerrein")
    assert gewichten["afrit"] == pytest.approx(params.gewicht("afrit") / rest)
    assert len(waarschuwingen) == 1 and "bedrijventerreinen" in waarschuwingen[0]


def test_alleen_gewicht_op_een_lege_laag_is_een_fout(monkeypatch):
    monkeypatch.setattr(zones, "beschikbaar", lambda resolutie, eigen_parken=None: ("afrit",))
    params = standaard_parameters("grootschalig", resolutie_m=250, gewichten={"station": 1})
    with pytest.raises(zones.OngeldigeInvoer, match="Geen enkele factor"):
        zones.effectieve_gewichten(params)
