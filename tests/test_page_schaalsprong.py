"""The page Schaalsprong in Streamlit's AppTest: defaults, sliders, the URL scenario and bad input."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from reb_maps import labels

APP = Path(__file__).resolve().parent.parent / "app.py"
PAGE = "app_pages/schaalsprong.py"


def open_page(**query: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(PAGE)
    return at.run()


def assert_ok(at: AppTest) -> None:
    assert not at.exception
    assert labels.FOUTMELDING not in [e.value for e in at.error]


def stappen(at: AppTest) -> list[str]:
    return [m.value for m in at.metric if m.label.startswith("Stap")]


def all_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.metric] + [c.value for c in at.caption]
    parts += [df.value.to_csv() for df in at.dataframe]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def standaard() -> AppTest:
    return open_page()


def test_standaard_zonder_fouten_met_369_en_295(standaard):
    assert_ok(standaard)
    assert standaard.title[0].value == labels.SCHAALSPRONG_TITEL
    assert stappen(standaard) == ["13.500", "369,85 ha", "73,97 ha", "295,88 ha"]
    text = all_text(standaard)
    assert "ongeveer 369 ha" in text and "zeer indicatief 295 ha" in text  # as printed, beside the exact ones
    assert "13.300 + 4.600 = 17.900" in "\n".join(i.value for i in standaard.info)
    assert [w for w in standaard.warning if "Illustratief" in w.value]  # the spread says what it is
    assert not standaard.query_params.get("int")


def test_schuif_verandert_de_uitkomst_en_de_link():
    at = open_page()
    at.slider(key="ss_int").set_value(10).run()
    assert_ok(at)
    assert stappen(at)[2:] == ["36,99 ha", "332,87 ha"]  # 10% of 369,85 ha; the rest
    assert at.query_params["int"] == "10"
    assert any("≠ rapport" in m.value and "**20%**" in m.value for m in at.markdown)
    at.button[0].click().run()  # back to the report
    assert stappen(at)[3] == "295,88 ha"
    assert "int" not in at.query_params


def test_link_reproduceert_het_scenario():
    at = open_page(bt="35", tq_bouw="300", verdeel="banen", gemeente="Hengelo")
    assert_ok(at)
    # 45.000 × 35% = 15.750 jobs; the same ratios otherwise; bouw at 300 m²
    assert stappen(at)[0] == "15.750"
    assert at.slider(key="ss_bt").value == 35
    assert at.slider(key="ss_tq_bouw").value == 300
    assert at.radio(key="ss_verdeel").value == "banen"
    assert not [w for w in at.warning if "ongeldige" in w.value]


def test_ongeldige_link_geeft_melding_en_standaardwaarde():
    at = open_page(doel="veel", int="10")
    assert_ok(at)
    meldingen = [w.value for w in at.warning if "ongeldige waarde" in w.value]
    assert len(meldingen) == 1
    assert [t.value for t in at.text] == ["In de link: doel=veel"]  # the link's own text only as plain text
    assert stappen(at)[0] == "13.500"  # the report's 55.000 jobs
    assert stappen(at)[3] == "332,87 ha"  # the valid part of the link still counts
    assert "doel" not in at.query_params


def test_ongeldige_invoer_geeft_nederlandse_melding():
    at = open_page()
    at.slider(key="ss_auto").set_value(60_000).run()
    assert_ok(at)
    assert any("minstens zo groot zijn als de autonome groei" in w.value for w in at.warning)
    assert stappen(at) == []
