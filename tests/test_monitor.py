"""Monitor: a hand-made two-year IBIS fixture read, checked and stored (both backends); sums computed in the test
from the fixture table, the REB row equal to Tabel 8, a replaced year kept in the history, bad files refused whole."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from reb_maps.data import load_table
from reb_maps.monitor import invoer, opslag, parken, reeks, regels
from reb_maps.monitor.invoer import MonitorFout, lees_peilbestand
from reb_maps.werkruimte import Auteur, Werkruimte
from tests import fixtures_monitor as fx

ANNE = Auteur("Anne de Boer")


@pytest.fixture
def ruimte(werkruimte_url):
    r = Werkruimte.open(werkruimte_url)
    yield r
    r.sluit()


@pytest.fixture(scope="module")
def gpkg(tmp_path_factory) -> bytes:
    return fx.gpkg_bytes(fx.ibis_tabel(), tmp_path_factory.mktemp("ibis"))


def _per_gemeente(r: Werkruimte, jaar: int) -> pd.DataFrame:
    frame = reeks.reeks(r)
    frame = frame[(frame["jaar"] == jaar) & (frame["gemeente"] != regels.TWENTE)]
    return frame.set_index("gemeente")


# ---------- reading and checking ----------


def test_a_two_year_geopackage_is_read_per_year_with_twente_parks_only(gpkg):
    bestand = lees_peilbestand(gpkg, "ibis.gpkg")
    assert bestand.soort == invoer.IBIS and bestand.geometrie
    assert sorted(bestand.jaren) == [2024, 2025]
    tabel = fx.ibis_tabel()
    for jaar in fx.JAREN:  # every row but Zwolle's
        assert len(bestand.jaren[jaar]) == int(((tabel["JAAR"] == jaar) & (tabel["GEM_CODES"] != "0193")).sum())
    assert any("buiten Twente" in n and "GM0193" in n for n in bestand.notities)
    assert any("meer dan één gemeente" in n for n in bestand.notities)
    # the park in Hengelo and Borne counts in Hengelo (the first code), once
    jaar = bestand.jaren[2025]
    twee = jaar[jaar["naam"] == "Synthetisch terrein Hengelo 2"].iloc[0]
    assert twee["gemeente"] == "GM0164" and twee["gem_codes"] == "GM0164,GM0153"


def test_an_attribute_table_without_shapes_reads_the_same_figures(gpkg):
    met = lees_peilbestand(gpkg, "ibis.gpkg")
    zonder = lees_peilbestand(fx.csv_bytes(fx.ibis_tabel()), "ibis.csv")
    assert not zonder.geometrie
    for jaar in fx.JAREN:
        a = met.jaren[jaar].drop(columns="geometry").set_index("rin_nummer").sort_index()
        b = zonder.jaren[jaar].drop(columns="geometry").set_index("rin_nummer").sort_index()
        pd.testing.assert_frame_equal(a, b, check_dtype=False)


@pytest.mark.parametrize(
    ("wijzig", "verwacht"),
    [
        ({"GEM_CODES": "abc"}, "regel 3: onbekende gemeentecode 'abc'"),
        ({"GEM_CODES": "GM9999"}, "regel 3: onbekende gemeentecode 'GM9999'"),
        ({"HA_NETTO": -3.5}, "regel 3: HA_NETTO is negatief"),
        ({"HA_TOTTUIT": "veel"}, "regel 3: HA_TOTTUIT 'veel' is geen getal"),
        ({"JAAR": 1999}, "regel 3: JAAR '1999' ligt niet tussen 2000 en 2100"),
        ({"JAAR": 2101}, "regel 3: JAAR '2101' ligt niet tussen 2000 en 2100"),
        (
            {"RIN_NUMMER": 100, "JAAR": 2024},
            "regel 3: terrein RIN 100 staat in 2024 twee keer in het bestand (ook regel 2)",
        ),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_read(wijzig, verwacht):
    tabel = pd.DataFrame(fx.ibis_tabel().drop(columns="geometry"))
    tabel["RIN_NUMMER"] = tabel["RIN_NUMMER"].astype(object)
    tabel["HA_TOTTUIT"] = tabel["HA_TOTTUIT"].astype(object)
    for kolom, waarde in wijzig.items():
        tabel.loc[1, kolom] = waarde  # the second data row: line 3 with the header as line 1
    with pytest.raises(MonitorFout) as fout:
        lees_peilbestand(fx.csv_bytes(tabel), "ibis.csv")
    assert verwacht in str(fout.value)
    assert "niet opgeslagen" in str(fout.value)


def test_a_file_without_ibis_columns_says_which_are_missing_and_a_mapping_reads_it():
    tabel = pd.DataFrame(fx.ibis_tabel().drop(columns="geometry")).rename(
        columns={"RIN_NUMMER": "nummer", "HA_NETTO": "netto"}
    )
    data = fx.csv_bytes(tabel)
    with pytest.raises(MonitorFout, match="RIN_NUMMER, HA_NETTO ontbreken"):
        lees_peilbestand(data, "eigen.csv")
    bestand = lees_peilbestand(data, "eigen.csv", koppeling={"rin_nummer": "nummer", "ha_netto": "netto"})
    assert sorted(bestand.jaren) == [2024, 2025]


def test_municipal_figures_are_read_and_checked():
    bestand = lees_peilbestand(fx.cijfers_csv(2025), "cijfers.csv")
    assert bestand.soort == invoer.GEMEENTECIJFERS and list(bestand.jaren) == [2025]
    assert len(bestand.jaren[2025]) == 14
    slecht = fx.cijfers_csv(2025).decode().replace("Almelo;", "Zwolle;").encode()
    with pytest.raises(MonitorFout, match="regel 2: 'Zwolle' is geen Twentse gemeente"):
        lees_peilbestand(slecht, "cijfers.csv")


# ---------- storing, the series, history ----------


def test_import_sums_per_municipality_as_computed_from_the_fixture(ruimte, gpkg):
    opgeslagen = opslag.importeer(ruimte, lees_peilbestand(gpkg, "ibis.gpkg"), ANNE, "Synthetisch IBIS")
    assert [p.jaar for p in opgeslagen] == [2024, 2025]
    for jaar in fx.JAREN:
        verwacht = fx.verwacht(jaar)
        gezien = _per_gemeente(ruimte, jaar)
        for gemeente, rij in verwacht.iterrows():
            assert gezien.loc[gemeente, "netto_ha"] == pytest.approx(rij["netto"], abs=0.005)
            assert gezien.loc[gemeente, "uitgeefbaar_ha"] == pytest.approx(rij["uit"], abs=0.005)
            assert gezien.loc[gemeente, "terreinen"] == rij["terreinen"]
        twente = reeks.reeks(ruimte, regels.TWENTE).set_index("jaar").loc[jaar]
        assert twente["netto_ha"] == pytest.approx(verwacht["netto"].sum(), abs=0.005)
    # the 2025 change in Almelo: +12,5 ha on one park
    almelo = reeks.reeks(ruimte, "Almelo").set_index("jaar")
    assert almelo.loc[2025, "netto_ha"] - almelo.loc[2024, "netto_ha"] == pytest.approx(12.5)


def test_the_reb_row_is_tabel_8_with_its_source(ruimte):
    frame = reeks.reeks(ruimte)
    reb = frame[frame["jaar"] == regels.REB_JAAR].set_index("gemeente")
    tabel = load_table("gemeenten").set_index("gemeente")
    for gemeente, rij in tabel.iterrows():
        assert reb.loc[gemeente, "netto_ha"] == rij["netto_areaal_ha"]
        assert reb.loc[gemeente, "banen"] == rij["banen_2023"]
        assert "Tabel 8" in reb.loc[gemeente, "bron"] and "IBIS, 2024" in reb.loc[gemeente, "bron"]
        assert reb.loc[gemeente, "uitgeefbaar_ha"] is None  # the report has no IBIS 'uitgeefbaar'
    assert reb.loc["Almelo", "netto_ha"] == 620 and reb.loc["Losser", "hard_aanbod_ha"] is None
    assert reb.loc[regels.TWENTE, "netto_ha"] == 3380  # the total line of Tabel 8
    assert reb.loc[regels.TWENTE, "banen"] == 346_500  # Tabel 1


def test_an_existing_year_is_only_replaced_on_purpose_and_the_old_version_stays(ruimte, gpkg):
    opslag.importeer(ruimte, lees_peilbestand(gpkg, "ibis.gpkg"), ANNE, "Eerste levering")
    gewijzigd = fx.ibis_tabel()
    gewijzigd.loc[gewijzigd["JAAR"] == 2025, "HA_NETTO"] += 1.0
    nieuw = lees_peilbestand(fx.csv_bytes(gewijzigd[gewijzigd["JAAR"] == 2025]), "ibis_2025_herzien.csv")
    with pytest.raises(MonitorFout, match="staan al in de werkruimte; er is niets opgeslagen"):
        opslag.importeer(ruimte, nieuw, ANNE, "Herzien")
    voor = _per_gemeente(ruimte, 2025)
    opslag.importeer(ruimte, nieuw, Auteur("Piet"), "Herziene levering", vervang=True)
    na = _per_gemeente(ruimte, 2025)
    for gemeente in fx.verwacht(2025).index:
        aantal = fx.verwacht(2025).loc[gemeente, "terreinen"]
        assert na.loc[gemeente, "netto_ha"] == pytest.approx(voor.loc[gemeente, "netto_ha"] + aantal, abs=0.005)
    jaar = next(p for p in opslag.peiljaren(ruimte) if p.jaar == 2025)
    assert jaar.versie == 2 and jaar.bron == "Herziene levering"
    historie = ruimte.geschiedenis(item_id=jaar.id)
    assert [w.versie for w in historie] == [2, 1]
    assert historie[0].voor["bron"] == "Eerste levering" and historie[0].auteur == "Piet"
    # the replaced version's parks are still there, with their shapes
    oud = opslag.terreinen(ruimte, jaar, versie=1)
    assert len(oud) == len(opslag.terreinen(ruimte, jaar)) and oud.geometry.notna().all()
    # 2024 untouched
    assert next(p for p in opslag.peiljaren(ruimte) if p.jaar == 2024).versie == 1


def test_parks_without_shapes_take_the_shape_of_another_year_and_changes_are_marked(ruimte, gpkg):
    tabel = fx.ibis_tabel()
    opslag.importeer(ruimte, lees_peilbestand(fx.gpkg_bytes(tabel[tabel["JAAR"] == 2024], _tmp(ruimte)), "a.gpkg"),
                     ANNE, "2024 met vormen")  # fmt: skip
    opslag.importeer(ruimte, lees_peilbestand(fx.csv_bytes(tabel[tabel["JAAR"] == 2025]), "b.csv"), ANNE, "2025 tabel")
    frame = parken.parken_met_verandering(ruimte, 2025)
    assert frame.set_index("naam").loc["Synthetisch terrein Almelo 1", "vorm_uit"].startswith("uit IBIS 2024")
    nieuw = frame.set_index("rin_nummer").loc["900"]
    assert nieuw["veranderd"] and nieuw["verandering"] == "nieuw sinds 2024" and nieuw.geometry is None
    veranderd = set(frame.loc[frame["veranderd"], "rin_nummer"])
    rin = {n: r for n, r in zip(frame["naam"], frame["rin_nummer"], strict=True)}
    assert veranderd == {rin["Synthetisch terrein Almelo 1"], rin["Synthetisch terrein Enschede 2"], "900"}


def _tmp(ruimte) -> object:
    import tempfile
    from pathlib import Path

    return Path(tempfile.mkdtemp(prefix="reb-monitor-"))


def test_a_peildatum_holds_one_years_figures_and_is_hashable(ruimte, gpkg):
    opslag.importeer(ruimte, lees_peilbestand(gpkg, "ibis.gpkg"), ANNE, "Synthetisch")
    opslag.importeer(ruimte, lees_peilbestand(fx.cijfers_csv(2025), "c.csv"), ANNE, "Synthetische cijfers")
    peil = reeks.peildatum(ruimte, 2025)
    assert hash(peil) == hash(reeks.peildatum(ruimte, 2025))
    almelo = peil.van("Almelo")
    assert almelo["netto_ha"] == pytest.approx(fx.verwacht(2025).loc["Almelo", "netto"])
    assert almelo["banen"] == load_table("gemeenten").set_index("gemeente").loc["Almelo", "banen_2023"] + 1000
    assert reeks.peildatum(ruimte, 2024).van("Almelo")["banen"] is None  # no figures imported for 2024
    assert reeks.peildatum(ruimte, 2031) is None
    sinds = reeks.sinds_reb(reeks.reeks(ruimte)).set_index("gemeente")
    assert sinds.loc["Almelo", "netto_verschil_ha"] == pytest.approx(fx.verwacht(2025).loc["Almelo", "netto"] - 620)
    assert sinds.loc["Almelo", "banen_verschil"] == 1000


# ---------- the command line ----------


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reb_maps.monitor", *args], capture_output=True, text=True, timeout=120
    )


def test_cli_import_series_and_refusals(tmp_path, gpkg):
    db = f"sqlite:///{tmp_path}/w.sqlite"
    bestand = tmp_path / "ibis.gpkg"
    bestand.write_bytes(gpkg)
    uit = _cli("--db", db, "importeer", str(bestand), "--bron", "Synthetisch", "--json")
    assert uit.returncode == 0, uit.stderr
    data = json.loads(uit.stdout)
    assert data["peiljaren"] == [2024, 2025] and data["gemeenten"] == 14
    assert data["terreinen"] == len(fx.ibis_tabel()) - 2  # both years, without Zwolle
    nogmaals = _cli("--db", db, "importeer", str(bestand), "--json")
    assert nogmaals.returncode == 2 and "--vervang" in json.loads(nogmaals.stdout)["fout"]
    assert len(nogmaals.stderr.strip().splitlines()) == 1 and "Traceback" not in nogmaals.stderr
    assert _cli("--db", db, "importeer", str(bestand), "--vervang").returncode == 0
    reeks_uit = json.loads(_cli("--db", db, "reeks", "--gemeente", "almelo", "--json").stdout)["reeks"]
    assert [r["jaar"] for r in reeks_uit] == [2023, 2024, 2025]
    assert reeks_uit[0]["netto_ha"] == 620 and "Tabel 8" in reeks_uit[0]["bron"]
    assert reeks_uit[2]["netto_ha"] == round(fx.verwacht(2025).loc["Almelo", "netto"], 2)
    assert reeks_uit[1]["banen"] is None
    slecht = tmp_path / "slecht.csv"
    slecht.write_text("naam;waarde\nx;1\n")
    fout = _cli("--db", db, "importeer", str(slecht))
    assert fout.returncode == 2 and "ontbreken" in fout.stderr and len(fout.stderr.strip().splitlines()) == 1
    assert _cli("--db", db, "reeks", "--gemeente", "Zwolle").returncode == 2


def test_a_users_own_ibis_layer_gives_shapes_to_an_attribute_only_year(ruimte):
    tabel = fx.ibis_tabel()
    jaar_2025 = tabel[tabel["JAAR"] == 2025]
    opslag.importeer(ruimte, lees_peilbestand(fx.csv_bytes(jaar_2025), "b.csv"), ANNE, "2025 tabel")
    zonder = parken.parken_met_verandering(ruimte, 2025)
    assert zonder.geometry.isna().all()  # no year with shapes in the workspace
    eigen = jaar_2025.rename(columns=str.lower)[["rin_nummer", "geometry"]].iloc[:5]
    met = parken.parken_met_verandering(ruimte, 2025, ("mijn_ibis.gpkg", eigen))
    gevuld = met[met.geometry.notna()]
    assert set(gevuld["rin_nummer"]) == {str(r) for r in eigen["rin_nummer"]}
    assert set(gevuld["vorm_uit"]) == {"uit uw eigen laag mijn_ibis.gpkg (zelfde RIN-nummer)"}


def test_two_imports_of_the_same_year_at_once_store_it_once(werkruimte_url, gpkg):
    """Two people import the same new year at the same moment: one wins, the other is told; never two items."""
    from concurrent.futures import ThreadPoolExecutor

    bestand = lees_peilbestand(gpkg, "ibis.gpkg")
    ruimtes = [Werkruimte.open(werkruimte_url) for _ in range(2)]
    try:

        def poging(r):
            try:
                opslag.importeer(r, bestand, ANNE, "gelijktijdig")
                return "bewaard"
            except MonitorFout as fout:
                return str(fout)

        with ThreadPoolExecutor(2) as pool:
            uitkomsten = list(pool.map(poging, ruimtes))
        assert uitkomsten.count("bewaard") == 1, uitkomsten
        assert any("staan al in de werkruimte" in u for u in uitkomsten)
        assert [(p.jaar, p.versie) for p in opslag.peiljaren(ruimtes[0])] == [(2024, 1), (2025, 1)]
    finally:
        for r in ruimtes:
            r.sluit()
