"""The schaalsprong calculator against the figures printed in Bijlage III of the REB Twente 2040."""

import dataclasses
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reb_maps.schaalsprong import (
    STUWENDE_SECTOREN,
    Aannames,
    OngeldigeInvoer,
    bereken,
    default_aannames,
    main,
    validate,
    vergelijk_met_rapport,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def standaard():
    return bereken(default_aannames())


def test_stap_1_banen_zoals_het_rapport(standaard):
    # "55.000 banen ... vraagt nog ruimte voor 45.000 banen"; "30% van 45.000 banen bedraagt 13.500"
    assert standaard.banen_extra == 45_000
    assert standaard.banen_bedrijventerrein == pytest.approx(13_500)
    assert standaard.banen_mkb == pytest.approx(6_750)
    assert standaard.banen_stuwend == pytest.approx(6_750)
    assert dict(standaard.banen_per_sector) == pytest.approx(
        {"maakindustrie": 2_750, "logistiek": 2_000, "bouw": 2_000, "mkb": 6_750}
    )


def test_stap_2_tot_4_hectares_zoals_het_rapport(standaard):
    # Printed: 369 ha total, more than 216 ha stuwend, about 153 ha MKB, about 74 ha intensification,
    # 295 ha extra. The report truncates; the engine keeps exact values.
    assert math.floor(standaard.ha_totaal) == 369
    assert math.floor(standaard.ha_stuwend) == 216
    assert round(standaard.ha_mkb) == 153
    assert round(standaard.ha_intensivering) == 74
    assert math.floor(standaard.ha_extra) == 295
    assert standaard.ha_totaal == pytest.approx(369.85)
    assert standaard.ha_stuwend == pytest.approx(216.625)
    assert standaard.ha_mkb == pytest.approx(153.225)
    assert standaard.ha_intensivering == pytest.approx(73.97)
    assert standaard.ha_extra == pytest.approx(295.88)
    # jobs × TQ: 2.750 × 363, 2.000 × 354, 2.000 × 230 and 6.750 × 227 m², in hectares
    assert dict(standaard.ha_per_sector) == pytest.approx(
        {"maakindustrie": 99.825, "logistiek": 70.8, "bouw": 46.0, "mkb": 153.225}
    )
    assert sum(standaard.ha_per_sector.values()) == pytest.approx(standaard.ha_totaal)


def test_ruimte_buiten_bedrijventerreinen_zoals_het_rapport(standaard):
    assert standaard.m2_innovatie == 276_000  # 4.600 jobs × 60 m² bvo
    assert standaard.m2_kantoor == 60_000  # (29.100 − 26.100) × 20 m²
    assert standaard.kennisintensief_extra_banen == 3_000


def test_speerpunten_discrepantie_blijft_zichtbaar(standaard):
    # The report prints "about 17.300" but 13.300 + 4.600 = 17.900; the 4.600 stays the default.
    assert standaard.speerpunten_extra_banen == 4_600
    assert standaard.speerpunten_banen_eind == 17_900
    assert standaard.speerpunten_banen_eind != 17_300
    # 2% a year from 2023 to 2040 gives more than 4.600 …
    assert standaard.speerpunten_groeijaren == 17
    assert standaard.groei_speerpunten_berekend == pytest.approx(13_300 * (1.02**17 - 1))
    assert round(standaard.groei_speerpunten_berekend) == 5_323
    # … and 4.600 corresponds to 15 years of 2% growth.
    assert standaard.speerpunten_groeijaren_impliciet == pytest.approx(15, abs=0.01)


def test_stappen_volgen_bijlage_iii(standaard):
    stappen = standaard.stappen()
    assert [s.nummer for s in stappen] == [1, 2, 3, 4]
    assert [s.eenheid for s in stappen] == ["banen", "ha", "ha", "ha"]
    assert stappen[1].waarde == standaard.ha_totaal
    assert stappen[3].waarde == pytest.approx(stappen[1].waarde - stappen[2].waarde)


@settings(max_examples=60, deadline=None)
@given(factor=st.floats(min_value=0.0, max_value=20.0, allow_nan=False))
def test_hectares_schalen_lineair_met_de_banen(factor):
    basis = default_aannames()
    base = bereken(basis)
    scaled = bereken(
        dataclasses.replace(
            basis, banen_doel=basis.banen_doel * factor, banen_autonoom=basis.banen_autonoom * factor
        )
    )
    for name in ("ha_totaal", "ha_stuwend", "ha_mkb", "ha_intensivering", "ha_extra"):
        assert getattr(scaled, name) == pytest.approx(getattr(base, name) * factor, abs=1e-9)
    for sector, ha in base.ha_per_sector.items():
        assert scaled.ha_per_sector[sector] == pytest.approx(ha * factor, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(doel=st.floats(min_value=10_000, max_value=500_000, allow_nan=False))
def test_stuwende_verdeling_blijft_een_verhouding(doel):
    uit = bereken(default_aannames(banen_doel=doel))
    banen = uit.banen_per_sector
    assert sum(banen[s] for s in STUWENDE_SECTOREN) == pytest.approx(uit.banen_stuwend)
    if uit.banen_stuwend > 0:
        assert banen["maakindustrie"] / uit.banen_stuwend == pytest.approx(2_750 / 6_750)
        assert banen["logistiek"] == pytest.approx(banen["bouw"])


def test_zonder_intensivering_is_extra_gelijk_aan_totaal():
    uit = bereken(default_aannames(intensivering=0.0))
    assert uit.ha_intensivering == 0
    assert uit.ha_extra == uit.ha_totaal


def test_volledige_intensivering_laat_niets_extra():
    assert bereken(default_aannames(intensivering=1.0)).ha_extra == pytest.approx(0)


def test_alleen_mkb_geeft_geen_stuwende_ruimtevraag():
    uit = bereken(default_aannames(aandeel_mkb=1.0))
    assert uit.ha_stuwend == 0
    assert uit.ha_totaal == pytest.approx(13_500 * 227 / 10_000)


def test_beleidsneutraal_aandeel_vergroot_de_vraag():
    assert bereken(default_aannames(aandeel_bedrijventerrein=0.35)).ha_totaal == pytest.approx(
        369.85 * 35 / 30
    )


@pytest.mark.parametrize(
    ("wijziging", "fragment"),
    [
        ({"banen_doel": -1.0}, "mag niet negatief zijn"),
        ({"stuwend_bouw": -5.0}, "mag niet negatief zijn"),
        ({"aandeel_bedrijventerrein": 1.2}, "moet tussen 0 en 1 liggen"),
        ({"aandeel_mkb": -0.1}, "moet tussen 0 en 1 liggen"),
        ({"intensivering": 20.0}, "moet tussen 0 en 1 liggen"),
        ({"tq_maakindustrie": 0.0}, "moet groter dan 0 m² zijn"),
        ({"tq_mkb": -227.0}, "moet groter dan 0 m² zijn"),
        ({"banen_autonoom": 60_000.0}, "minstens zo groot zijn als de autonome groei"),
        ({"banen_doel": math.nan}, "moet een getal zijn"),
        (
            {"stuwend_maakindustrie": 0.0, "stuwend_logistiek": 0.0, "stuwend_bouw": 0.0},
            "minstens één sector",
        ),
        ({"speerpunten_eindjaar": 2000.0}, "eindjaar"),
    ],
)
def test_ongeldige_invoer_geeft_nederlandse_melding(wijziging, fragment):
    aannames = default_aannames(**wijziging)
    with pytest.raises(OngeldigeInvoer, match=fragment):
        bereken(aannames)
    with pytest.raises(ValueError):
        validate(aannames)


def test_melding_noemt_de_aanname_en_de_waarde():
    with pytest.raises(OngeldigeInvoer) as info:
        validate(default_aannames(aandeel_mkb=1.5))
    assert (
        str(info.value)
        == "Het aandeel MKB moet tussen 0 en 1 liggen, bijvoorbeeld 0,3 voor 30% (ingevoerd: 1,5)."
    )


def test_aannames_zijn_onveranderlijk_en_met_trefwoorden_te_maken():
    basis = default_aannames()
    with pytest.raises(dataclasses.FrozenInstanceError):
        basis.banen_doel = 1  # type: ignore[misc]
    eigen = Aannames(**{**dataclasses.asdict(basis), "tq_bouw": 300.0})
    assert bereken(eigen).ha_per_sector["bouw"] == pytest.approx(2_000 * 300 / 10_000)


def test_to_dict_is_json(standaard):
    data = json.loads(json.dumps(standaard.to_dict()))
    assert data["ha_per_sector"]["logistiek"] == pytest.approx(70.8)
    assert data["aannames"]["aandeel_bedrijventerrein"] == pytest.approx(0.30)
    assert data["ha_extra"] == pytest.approx(295.88)


def test_vergelijking_met_rapport(standaard):
    tabel = vergelijk_met_rapport(standaard).set_index("sleutel")
    assert tabel.loc["ha_totaal", "rapport"] == 369
    assert tabel.loc["ha_totaal", "berekend"] == pytest.approx(369.85)
    assert tabel.loc["speerpunten_banen_eind", "verschil"] == pytest.approx(600)  # 17.900 vs 17.300
    assert tabel.loc["ha_maakindustrie", "berekend"] == pytest.approx(99.825)
    assert tabel["berekend"].notna().all()
    for sleutel in ("ha_stuwend", "ha_mkb", "ha_totaal", "ha_intensivering", "ha_extra"):
        assert abs(tabel.loc[sleutel, "verschil"]) < 1


# --- command line -------------------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reb_maps.schaalsprong", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip


CLI_KEYS = ("ha_stuwend", "ha_mkb", "ha_totaal", "ha_intensivering", "ha_extra", "m2_innovatie", "m2_kantoor")


def test_cli_json_geeft_dezelfde_getallen_als_de_functie(standaard):
    result = _cli("--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    for key in CLI_KEYS:
        assert data[key] == pytest.approx(getattr(standaard, key))
    assert data["ha_per_sector"] == pytest.approx(dict(standaard.ha_per_sector))


EIGEN_AANNAMES = {  # flag: (field, value) — the comma decimal checks Dutch input
    "--banen-doel": ("banen_doel", "65000"),
    "--autonoom": ("banen_autonoom", "5000"),
    "--aandeel-bedrijventerrein": ("aandeel_bedrijventerrein", "0,35"),
    "--aandeel-mkb": ("aandeel_mkb", "0.4"),
    "--intensivering": ("intensivering", "0.1"),
    "--tq-maak": ("tq_maakindustrie", "400"),
    "--tq-logistiek": ("tq_logistiek", "300"),
    "--tq-bouw": ("tq_bouw", "250"),
    "--tq-mkb": ("tq_mkb", "200"),
}


def test_cli_met_eigen_aannames():
    args = [part for flag, (_, value) in EIGEN_AANNAMES.items() for part in (flag, value)]
    result = _cli(*args, "--json")
    assert result.returncode == 0, result.stderr
    waarden = {field: float(value.replace(",", ".")) for field, value in EIGEN_AANNAMES.values()}
    verwacht = bereken(default_aannames(**waarden))
    assert verwacht.ha_totaal != pytest.approx(369.85)
    data = json.loads(result.stdout)
    for key in CLI_KEYS:
        assert data[key] == pytest.approx(getattr(verwacht, key))
    assert data["ha_per_sector"] == pytest.approx(dict(verwacht.ha_per_sector))


def test_cli_samenvatting_in_het_nederlands():
    result = _cli()
    assert result.returncode == 0, result.stderr
    assert "Stap 2  ruimtevraag 369,9 ha" in result.stdout
    assert "295,9 ha" in result.stdout
    assert "276.000 m²" in result.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("--banen-doel", "-100"), "mag niet negatief zijn"),
        (("--aandeel-bedrijventerrein", "30"), "moet tussen 0 en 1 liggen"),
        (("--tq-bouw", "0"), "moet groter dan 0"),
        (("--banen-doel", "veel"), "is geen getal"),
        (("--onbekend",), "onbekende opties"),
    ],
)
def test_cli_ongeldige_invoer(args, fragment):
    result = _cli(*args, "--json")
    assert result.returncode == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_main_in_process(capsys):
    assert main(["--intensivering", "0", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ha_extra"] == pytest.approx(data["ha_totaal"])
