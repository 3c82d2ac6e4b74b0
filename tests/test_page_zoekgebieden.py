"""The page Zoekgebieden in Streamlit's AppTest, run through app.py (250 m cells to stay quick)."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from reb_maps import fmt, labels
from reb_maps.zoekgebieden import bereken, standaard_parameters

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = "app_pages/zoekgebieden.py"
FACTOREN = ("afrit", "nweg", "station", "vaarweg", "hoogspanning", "bedrijventerrein")


def open_page(**state) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["zg_resolutie"] = 250
    for key, value in state.items():
        at.session_state[key] = value
    at.switch_page(PAGE)
    return at.run()


def assert_ok(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert labels.FOUTMELDING not in [e.value for e in at.error]


def kandidaten(at: AppTest) -> pd.DataFrame:
    tabellen = [df.value for df in at.dataframe if "Zoekgebied" in df.value.columns]
    assert len(tabellen) == 1
    return tabellen[0]


def engine_ids_and_areas(profiel: str, **changes) -> list[tuple[str, str]]:
    res = bereken(standaard_parameters(profiel, resolutie_m=250, **changes))
    return [
        (i, fmt.met_eenheid(a, "ha", 0))
        for i, a in zip(res.kandidaten["id"], res.kandidaten["oppervlakte_ha"], strict=True)
    ]


def ids_and_areas(tabel: pd.DataFrame) -> list[tuple[str, str]]:
    return list(zip(tabel["Zoekgebied"], tabel["Oppervlakte"], strict=True))


@pytest.fixture(scope="module")
def standaard() -> AppTest:
    return open_page()


def test_grootschalig_by_default_with_caveat_map_and_table(standaard):
    assert_ok(standaard)
    assert standaard.title[0].value == "Zoekgebieden voor nieuwe bedrijventerreinen"
    assert any("Indicatief, geen beleid" in w.value and "geen locaties" in w.value for w in standaard.warning)
    tabel = kandidaten(standaard)
    assert ids_and_areas(tabel) == engine_ids_and_areas("grootschalig")
    assert tabel["Zoekgebied"].iloc[0] == "G01"
    metrics = {m.label: m.value for m in standaard.metric}
    assert metrics["Kandidaten"] == str(len(tabel))
    assert any("streamlit_folium" in str(getattr(e, "proto", "")) for e in standaard.main)  # the map
    assert "python -m reb_maps.zoekgebieden --parameters parameters.json" in standaard.code[0].value
    assert standaard.slider(key="zg_gewicht_afrit").value == 30  # preset shown as whole points


def test_regionaal_mkb_profile_sets_its_preset(standaard):
    at = open_page()
    at.radio(key="zg_profiel").set_value("regionaal-mkb").run()
    assert_ok(at)
    tabel = kandidaten(at)
    assert ids_and_areas(tabel) == engine_ids_and_areas("regionaal-mkb")
    assert tabel["Zoekgebied"].iloc[0] == "M01"
    assert at.slider(key="zg_opp").value == (20, 50)
    assert at.select_slider(key="zg_resolutie").value == 250  # the cell size is kept


def test_changing_a_weight_changes_the_result(standaard):
    at = open_page()
    voor = ids_and_areas(kandidaten(at))
    at.slider(key="zg_gewicht_afrit").set_value(0).run()
    assert_ok(at)
    na = ids_and_areas(kandidaten(at))
    assert na != voor
    assert na == engine_ids_and_areas(
        "grootschalig", gewichten={**dict(standaard_parameters("grootschalig").gewichten), "afrit": 0.0}
    )
    assert json.loads(at.session_state["zg_parameters"])["gewichten"]["afrit"] == 0.0


def test_all_weights_zero_gives_the_engine_message_not_a_traceback():
    at = open_page(**{f"zg_gewicht_{f}": 0 for f in FACTOREN})
    assert_ok(at)
    assert any("Alle gewichten zijn 0" in w.value for w in at.warning)
    assert not [df for df in at.dataframe if "Zoekgebied" in df.value.columns]


def test_exported_parameters_reproduce_the_candidates_on_the_command_line(tmp_path):
    at = open_page(zg_drempel=0.55, zg_gewicht_vaarweg=40, zg_buffer=250, zg_opp=(100, 250))
    assert_ok(at)
    pagina = ids_and_areas(kandidaten(at))
    assert pagina
    parameters = tmp_path / "parameters.json"
    parameters.write_text(at.session_state["zg_parameters"], encoding="utf-8")
    gelezen = json.loads(parameters.read_text(encoding="utf-8"))
    assert gelezen["drempel"] == 0.55 and gelezen["buffer_bebouwing_m"] == 250 and gelezen["resolutie_m"] == 250
    uit = tmp_path / "uit"
    proces = subprocess.run(
        [sys.executable, "-m", "reb_maps.zoekgebieden", "--parameters", str(parameters), "--uit", str(uit)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proces.returncode == 0, proces.stderr
    csv = pd.read_csv(uit / "kandidaten.csv")
    assert list(zip(csv["id"], [fmt.met_eenheid(a, "ha", 0) for a in csv["oppervlakte_ha"]], strict=True)) == pagina
    assert (uit / "parameters.json").read_text(encoding="utf-8") == parameters.read_text(encoding="utf-8")


def test_sensitivity_on_request():
    at = open_page()
    assert not [df for df in at.dataframe if "Factor" in df.value.columns and "Gewicht gewijzigd" in df.value.columns]
    at.button(key="zg_gevoeligheid_knop").click().run()
    assert_ok(at)
    tabel = next(df.value for df in at.dataframe if "Gewicht gewijzigd" in df.value.columns)
    assert tabel.iloc[0]["Factor"] == "Uitgangspunt"
    assert len(tabel) == 1 + 2 * len(FACTOREN)  # every preset weight is above 0: ±20 % each
    assert set(tabel["Gewicht gewijzigd"][1:]) == {"+20%", "−20%"}


def test_ahp_warns_when_inconsistent_and_hands_over_its_weights():
    at = open_page(zg_ahp_afrit_nweg=9, zg_ahp_nweg_station=9, zg_ahp_afrit_station=1 / 9)  # circular judgements
    assert_ok(at)
    assert any("consistentieratio" in w.value.lower() and "0,10" in w.value for w in at.warning)
    knop = next(b for b in at.button if b.label == "Neem de AHP-gewichten over")
    knop.click().run()
    assert_ok(at)
    gewichten = [at.slider(key=f"zg_gewicht_{f}").value for f in FACTOREN]
    assert gewichten != [30, 10, 5, 15, 20, 20] and 95 <= sum(gewichten) <= 105


def test_settings_survive_a_page_switch():
    at = open_page(zg_gewicht_station=55)
    at.switch_page("app_pages/bronnen.py").run()
    assert_ok(at)
    at.switch_page(PAGE).run()
    assert_ok(at)
    assert at.slider(key="zg_gewicht_station").value == 55
    assert json.loads(at.session_state["zg_parameters"])["gewichten"]["station"] == 0.55


def test_real_motorways_are_a_fixed_constraint_schematic_roads_are_not(standaard):
    vinkje = standaard.checkbox(key="zg_vast_wegen")
    assert vinkje.label == "Snelwegen en hoofdwegen" and vinkje.value and vinkje.disabled
    assert "50 m" in vinkje.help and "schematische" in vinkje.help and "NIET uitgesloten" in vinkje.help
    assert any("N18" in w.value and "niet uitgesloten" in w.value for w in standaard.warning)
    beperkingen = next(df.value for df in standaard.dataframe if "Harde beperking" in df.value.columns)
    assert "Snelwegen en hoofdwegen" in set(beperkingen["Harde beperking"])
