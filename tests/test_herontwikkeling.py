"""§4.1: the synthetic parks score exactly as designed per criterion, 'onbekend' included; CLI and exports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from reb_maps import herontwikkeling as h
from reb_maps.eigen_data import ibis
from reb_maps.zoekgebieden import grid
from tests import fixtures_eigen_data as fx

ROOT = Path(__file__).resolve().parents[1]


def verdict(waarde):
    return None if pd.isna(waarde) else int(waarde)


@pytest.fixture(scope="module")
def resultaat():
    return h.scoor(fx.ibis_parken(), fx.bag_panden())


def test_every_criterion_as_designed(resultaat):
    per_park = resultaat.set_index("naam")
    for naam, verwacht in fx.VERWACHT.items():
        gevonden = {c.sleutel: verdict(per_park.loc[naam, f"{c.sleutel}_score"]) for c in h.CRITERIA}
        assert gevonden == verwacht, naam
        enen = sum(v == 1 for v in verwacht.values())
        onbekend = sum(v is None for v in verwacht.values())
        assert per_park.loc[naam, "score"] == enen
        assert per_park.loc[naam, "max_score"] == enen + onbekend
        assert per_park.loc[naam, "onbekend"] == onbekend


def test_values_behind_the_verdicts(resultaat):
    p = resultaat.set_index("naam")
    assert p.loc["Synthetisch terrein A", "panden_voor_1970"] == 12
    assert p.loc["Synthetisch terrein A", "gsi_pct"] == pytest.approx(12 * 400 / 200_000 * 100, abs=0.05)
    assert p.loc["Synthetisch terrein B", "gsi_pct"] == 45.0  # 5 × 9.000 m² on 10 ha
    assert p.loc["Synthetisch terrein C", "panden_voor_1990"] == 31 and p.loc["Synthetisch terrein C", "bruto_ha"] == 15
    assert p.loc["Synthetisch terrein D", "panden_bouwjaar_onbekend"] == 5  # BAG's 9999
    assert p.loc["Synthetisch terrein D", "bruto_ha"] == pytest.approx(16.0)  # no HA_BRUTO: the polygon's area
    assert p.loc["Synthetisch terrein F", "panden"] == 0 and p.loc["Synthetisch terrein F", "gsi_pct"] == 0
    assert np.isnan(p.loc["Synthetisch terrein E", "gsi_pct"])  # points have no footprint
    assert p["panden"].sum() == len(fx.bag_panden()) - 1  # the one outside every park is not counted


def test_only_parks_with_all_six_criteria_are_ranked_the_rest_name_what_they_lack(resultaat):
    assert resultaat["naam"].tolist() == fx.VOLGORDE
    rangen = resultaat["rang"].tolist()
    assert rangen[: fx.GERANGSCHIKT] == list(range(1, fx.GERANGSCHIKT + 1))
    assert all(pd.isna(r) for r in rangen[fx.GERANGSCHIKT :])
    per_park = resultaat.set_index("naam")
    for naam, verwacht in fx.VERWACHT.items():  # what is missing follows from the designed unknown verdicts
        ontbreekt = {h.ONTBREKENDE_INVOER[c] for c, v in verwacht.items() if v is None}
        assert set(filter(None, per_park.loc[naam, "ontbreekt"].split(", "))) == ontbreekt, naam
    assert per_park.loc["Synthetisch terrein D", "ontbreekt"] == "milieucategorie, bouwjaren van de panden"
    tabel = h.als_tabel(resultaat)
    assert tabel["rang"].tolist() == [1, 2, 3, 4, None, None]  # numbers, or empty: never text among the ranks
    assert tabel["beoordeling"].tolist() == [h.GERANGSCHIKT] * 4 + [h.NIET_TE_BEOORDELEN] * 2


def test_without_buildings_the_building_criteria_are_unknown_not_zero():
    zonder = h.scoor(fx.ibis_parken(), None).set_index("naam")
    for kolom in ("oude_panden_score", "gsi_score", "leeftijd_score"):
        assert zonder[kolom].isna().all()
    assert zonder.loc["Synthetisch terrein A", "score"] == 3  # milieucategorie, grootte, revitalisatie
    assert zonder.loc["Synthetisch terrein A", "max_score"] == 6
    assert zonder["rang"].isna().all()  # three criteria unknown everywhere: no park can be ranked
    assert zonder.loc["Synthetisch terrein A", "ontbreekt"] == (
        "bouwjaren van de panden, oppervlakte van de panden (vlakken)"
    )


def test_without_milieucategorie_or_revitalisation_columns_unknown():
    parken = fx.ibis_parken().drop(columns=["MILIEUCAT", "HA_REVITAL"])
    uit = h.scoor(parken, fx.bag_panden())
    assert uit["milieucategorie_score"].isna().all() and uit["revitalisatie_score"].isna().all()


def test_oorspronkelijkbouwjaar_is_accepted():
    panden = fx.bag_panden().rename(columns={"bouwjaar": "oorspronkelijkBouwjaar"})
    assert h.scoor(fx.ibis_parken(), panden)["naam"].tolist() == fx.VOLGORDE


def test_parks_without_polygons_refused():
    punten = fx.ibis_parken().set_geometry(fx.ibis_parken().centroid)
    with pytest.raises(h.HerontwikkelingFout):
        h.scoor(punten, None)


def test_exports_say_onbekend(resultaat):
    csv = h.als_csv(resultaat)
    assert csv.splitlines()[0].startswith("Rang;Beoordeling;Terrein;Score (0–6);Hoogst haalbaar")
    assert csv.splitlines()[5].startswith(";niet te beoordelen;Synthetisch terrein D;")
    assert "onbekend" in csv
    geo = json.loads(h.als_geojson(resultaat))
    assert len(geo["features"]) == 6 and geo["features"][4]["properties"]["milieucategorie_score"] == "onbekend"
    assert geo["features"][4]["properties"]["rang"] is None
    assert geo["features"][4]["properties"]["beoordeling"] == h.NIET_TE_BEOORDELEN


def test_method_text_quotes_the_six_criteria():
    for criterium in h.CRITERIA:
        assert criterium.regel in h.METHODE
    assert "meer dan 10 panden voor 1970" in h.METHODE and "minder dan 40%" in h.METHODE


def test_cli_writes_csv_and_geojson_and_prints_json(tmp_path):
    parken = fx.schrijf_gpkg(fx.ibis_parken(), tmp_path / "parks.gpkg")
    panden = fx.schrijf_gpkg(fx.bag_panden(), tmp_path / "panden.gpkg")
    uit = subprocess.run(
        [sys.executable, "-m", "reb_maps.herontwikkeling", "--terreinen", parken, "--panden", panden,
         "--uit", tmp_path / "uit", "--json"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert uit.returncode == 0, uit.stderr
    rijen = json.loads(uit.stdout)["terreinen"]
    assert [r["naam"] for r in rijen] == fx.VOLGORDE and rijen[0]["score"] == 6
    assert rijen[4]["oude_panden_score"] == "onbekend" and rijen[4]["rang"] is None
    assert rijen[4]["beoordeling"] == h.NIET_TE_BEOORDELEN
    assert {p.name for p in (tmp_path / "uit").iterdir()} == {"herontwikkeling.csv", "herontwikkeling.geojson"}
    cli = [sys.executable, "-m", "reb_maps.herontwikkeling", "--terreinen", parken, "--panden", panden]
    tekst = subprocess.run(cli, cwd=ROOT, capture_output=True, text=True).stdout.splitlines()
    assert tekst[0] == "  1. Synthetisch terrein A: 6 van 6"
    assert tekst[4].startswith("  –  Synthetisch terrein D: niet te beoordelen, ontbreekt: milieucategorie")
    fout = subprocess.run(
        [sys.executable, "-m", "reb_maps.herontwikkeling", "--terreinen", tmp_path / "weg.gpkg", "--json"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert fout.returncode == 2 and "fout: Bestand niet gevonden" in fout.stderr and "Traceback" not in fout.stderr


def test_uploaded_ibis_parks_change_the_search_area_mask():
    standaard = grid.masker("bedrijventerrein", 250).copy()
    parken = ibis.parken_voor_zoekgebieden(fx.ibis_parken())
    eigen_parken = grid.EigenParken.van(parken)
    eigen = grid.masker("bedrijventerrein", 250, eigen_parken)
    assert grid.bron("bedrijventerrein", eigen_parken)["naam"].tolist()[0] == "Synthetisch terrein A"
    afstand = grid.afstand("bedrijventerrein", 250, eigen_parken)
    assert not np.array_equal(standaard, eigen)
    cel = grid.raster(250)
    xc, yc = grid.middelpunten(250)
    binnen_a = np.flatnonzero((abs(xc - (fx.X0 + 200)) < 125) & (abs(yc - (fx.Y0 + 200)) < 125))
    assert eigen[binnen_a].all() and cel.size == eigen.size
    assert afstand[binnen_a].max() == 0.0
    assert np.array_equal(grid.masker("bedrijventerrein", 250), standaard)  # without the argument: data/ again
