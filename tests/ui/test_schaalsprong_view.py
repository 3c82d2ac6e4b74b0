"""Helpers of the page Schaalsprong: scenario ↔ URL, texts, tables and figures, against Bijlage III."""

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reb_maps import labels
from reb_maps.schaalsprong import Aannames, bereken, default_aannames
from reb_maps.weergave.charts import schaalsprong as grafieken
from ui import schaalsprong as view


@pytest.fixture(scope="module")
def standaard():
    return bereken(default_aannames())


# --- inputs and the scenario ------------------------------------------------------------------------


def test_elke_aanname_heeft_een_invoer_met_label():
    velden = [f.name for f in dataclasses.fields(Aannames)]
    assert sorted(view.INVOER_PER_VELD) == sorted(velden)
    assert set(labels.SCHAALSPRONG_INVOER) == set(velden)
    keys = [spec.url for spec in view.INVOER]
    assert len(set(keys)) == len(keys)
    assert "gemeente" not in view.QUERY_KEYS  # the shared municipality parameter belongs to ui.state


def test_standaardwaarden_zijn_die_van_het_rapport():
    waarden = view.standaard_waarden()
    # Bijlage III: 55.000 jobs, 10.000 autonomous, 30% on bedrijventerreinen, half MKB, TQ 363/354/230/227 m²,
    # 20% intensification, 13.300 spearhead jobs growing 2% a year, 4.600 extra at 60 m² bvo, 26.100 → 29.100 at 20 m².
    assert waarden["banen_doel"] == 55_000
    assert waarden["banen_autonoom"] == 10_000
    assert waarden["aandeel_bedrijventerrein"] == 30
    assert waarden["aandeel_mkb"] == 50
    assert (waarden["stuwend_maakindustrie"], waarden["stuwend_logistiek"], waarden["stuwend_bouw"]) == (
        2_750, 2_000, 2_000,
    )  # fmt: skip
    assert [waarden[f"tq_{s}"] for s in ("maakindustrie", "logistiek", "bouw", "mkb")] == [363, 354, 230, 227]
    assert waarden["intensivering"] == 20
    assert waarden["speerpunten_banen"] == 13_300
    assert waarden["speerpunten_groei"] == 2.0
    assert waarden["speerpunten_extra_banen"] == 4_600
    assert waarden["speerpunten_m2_per_baan"] == 60
    assert (waarden["kennisintensief_banen"], waarden["kennisintensief_banen_eind"]) == (26_100, 29_100)
    assert waarden["kennisintensief_m2_per_baan"] == 20
    for spec in view.INVOER:
        assert spec.minimum <= waarden[spec.veld] <= spec.maximum, spec.veld
        assert isinstance(waarden[spec.veld], int if spec.decimalen == 0 else float)


def test_widgetwaarden_geven_precies_de_rapportberekening(standaard):
    uit = bereken(view.naar_aannames(view.standaard_waarden()))
    assert uit.ha_totaal == standaard.ha_totaal == pytest.approx(369.85)
    assert uit.ha_extra == standaard.ha_extra == pytest.approx(295.88)
    assert view.afwijkingen(view.standaard_waarden()) == {}


def test_procenten_worden_fracties():
    aannames = view.naar_aannames({**view.standaard_waarden(), "intensivering": 10, "speerpunten_groei": 2.5})
    assert aannames.intensivering == pytest.approx(0.10)
    assert aannames.speerpunten_groei == pytest.approx(0.025)
    assert bereken(aannames).ha_extra == pytest.approx(369.85 * 0.9)


def test_ongeldig_scenario_geeft_de_melding_van_de_rekenmodule():
    uit, melding = view.probeer_bereken({**view.standaard_waarden(), "banen_autonoom": 60_000})
    assert uit is None
    assert "minstens zo groot zijn als de autonome groei" in melding
    uit, melding = view.probeer_bereken(view.standaard_waarden())
    assert melding is None
    assert uit.ha_totaal == pytest.approx(369.85)


# --- URL ------------------------------------------------------------------------------------------


def test_standaardscenario_geeft_een_lege_link():
    assert view.naar_query(view.standaard_waarden()) == {}


def test_link_bevat_alleen_afwijkingen_onder_korte_sleutels():
    waarden = {**view.standaard_waarden(), "intensivering": 10, "tq_bouw": 300, "speerpunten_groei": 2.5}
    assert view.naar_query(waarden, "banen") == {"int": "10", "tq_bouw": "300", "sp_groei": "2.5", "verdeel": "banen"}


def test_link_heen_en_terug():
    waarden = {**view.standaard_waarden(), "banen_doel": 60_000, "aandeel_mkb": 40, "speerpunten_groei": 1.5}
    scenario = view.uit_query(view.naar_query(waarden, "banen"))
    assert scenario.waarden == waarden
    assert scenario.verdeelsleutel == "banen"
    assert scenario.meldingen == []


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_link_heen_en_terug_voor_willekeurige_geldige_scenarios(data):
    waarden = view.standaard_waarden()
    for spec in data.draw(st.lists(st.sampled_from(view.INVOER), max_size=6, unique_by=lambda s: s.veld)):
        if spec.decimalen == 0:
            waarden[spec.veld] = data.draw(st.integers(int(spec.minimum), int(spec.maximum)))
        else:
            stappen = round((spec.maximum - spec.minimum) * 10**spec.decimalen)
            waarden[spec.veld] = round(spec.minimum + data.draw(st.integers(0, stappen)) / 10**spec.decimalen, 1)
    sleutel = data.draw(st.sampled_from(list(view.VERDEEL_KOLOM)))
    scenario = view.uit_query(view.naar_query(waarden, sleutel))
    assert scenario.waarden == waarden
    assert scenario.verdeelsleutel == sleutel
    assert scenario.meldingen == []


@pytest.mark.parametrize(
    ("key", "tekst", "veld"),
    [
        ("doel", "abc", "banen_doel"),
        ("doel", "", "banen_doel"),
        ("doel", "-5", "banen_doel"),
        ("doel", "1e9", "banen_doel"),
        ("bt", "150", "aandeel_bedrijventerrein"),
        ("int", "nan", "intensivering"),
        ("int", "inf", "intensivering"),
        ("mkb", "33.3", "aandeel_mkb"),  # the widget holds whole percentages
        ("sp_groei", "2.25", "speerpunten_groei"),  # one decimal at most
        ("tq_mkb", "0", "tq_mkb"),
    ],
)
def test_ongeldige_linkwaarde_valt_terug_op_het_rapport_met_melding(key, tekst, veld):
    scenario = view.uit_query({key: tekst, "int": "10"} if key != "int" else {key: tekst})
    assert scenario.waarden[veld] == view.standaard_waarden()[veld]
    assert len(scenario.meldingen) == 1
    melding = scenario.meldingen[0].tekst
    assert f"In de link: {key}={tekst}".strip() in melding
    assert "ongeldige waarde" in melding
    assert view.INVOER_PER_VELD[veld].label in melding
    if key != "int":
        assert scenario.waarden["intensivering"] == 10  # the good value next to it still counts


def test_link_leest_komma_herhaling_en_negeert_onbekende_sleutels():
    scenario = view.uit_query({"sp_groei": "2,5", "doel": ["50000", "65000"], "gemeente": "Almelo", "x": "1"})
    assert scenario.waarden["speerpunten_groei"] == 2.5
    assert scenario.waarden["banen_doel"] == 65_000
    assert scenario.meldingen == []


def test_onbekende_verdeelsleutel_geeft_melding():
    scenario = view.uit_query({"verdeel": "inwoners"})
    assert scenario.verdeelsleutel == view.VERDEEL_STANDAARD
    assert len(scenario.meldingen) == 1 and "verdeel=inwoners" in scenario.meldingen[0].tekst


def test_schrijf_query_raakt_alleen_eigen_sleutels():
    params = {"gemeente": "Almelo", "int": "10", "doel": "abc", "bt": "35"}
    view.schrijf_query(params, {"bt": "40", "tq_mkb": "200"})
    assert params == {"gemeente": "Almelo", "bt": "40", "tq_mkb": "200"}


# --- numbers and texts ------------------------------------------------------------------------------


def test_getallen_in_nederlandse_notatie_en_half_omhoog():
    assert view.getal(216.625, 2) == "216,63"  # banker's rounding would give 216,62
    assert view.getal(153.225, 2) == "153,23"
    assert view.ha(369.85) == "369,85 ha"
    assert view.getal(13_500) == "13.500"
    assert view.getal(-43.17, 2) == "−43,17"
    assert view.jaar(2023) == "2023"
    assert view.procent(0.3) == "30%"
    assert view.procent(0.025) == "2,5%"


def test_vier_stappen_met_de_getallen_van_bijlage_iii(standaard):
    stappen = view.stappen_teksten(standaard)
    assert [s.nummer for s in stappen] == [1, 2, 3, 4]
    assert [s.waarde for s in stappen] == ["13.500", "369,85 ha", "73,97 ha", "295,88 ha"]
    assert stappen[0].label == "Stap 1 · banen"
    assert "55.000" in stappen[0].uitleg and "45.000" in stappen[0].uitleg and "30%" in stappen[0].uitleg
    for fragment in ("6.750 × 227 m² = 153,23 ha", "2.750 × 363 m² = 99,83 ha", "216,63 ha"):
        assert fragment in stappen[1].uitleg
    assert "20%" in stappen[2].uitleg
    assert "369,85 ha − 73,97 ha = 295,88 ha" in stappen[3].uitleg


def test_vergelijking_zet_gedrukt_naast_exact(standaard):
    tabel = view.vergelijking(standaard).set_index("Uitkomst")
    totaal = tabel.loc["Extra ruimtevraag op bedrijventerreinen door de schaalsprong"]
    assert (totaal["Rapport"], totaal["Berekend (exact)"], totaal["Verschil"]) == (
        "ongeveer 369 ha", "369,85 ha", "+0,85 ha",
    )  # fmt: skip
    stuwend = tabel.loc["Ruimtevraag stuwende basis op bedrijventerreinen"]
    assert (stuwend["Rapport"], stuwend["Berekend (exact)"]) == ("meer dan 216 ha", "216,63 ha")
    extra = tabel.loc["Extra bedrijventerrein nodig na intensivering"]
    assert (extra["Rapport"], extra["Berekend (exact)"]) == ("zeer indicatief 295 ha", "295,88 ha")
    assert tabel.loc["Op te vangen door herontwikkeling en intensivering", "Verschil"] == "−0,03 ha"
    assert tabel.loc["Ruimtevraag maakindustrie", "Rapport"] == labels.NIET_IN_BRONTEKST
    assert tabel.loc["Ruimtevraag maakindustrie", "Berekend (exact)"] == "99,83 ha"
    speerpunten = tabel.loc["Banen in de kennisspeerpunten na de groei"]
    assert (speerpunten["Rapport"], speerpunten["Berekend (exact)"], speerpunten["Verschil"]) == (
        "ongeveer 17.300 banen", "17.900 banen", "+600 banen",
    )  # fmt: skip


def test_toelichting_afronding_noemt_beide_getallen():
    tekst = view.afronding_toelichting()
    assert "369 voor 369,85 ha" in tekst
    assert "216 voor 216,63 ha" in tekst
    assert "74 voor 73,97 ha" in tekst


def test_speerpunten_discrepantie_wordt_getoond(standaard):
    tekst = view.speerpunten_toelichting(standaard)
    assert "ongeveer 17.300" in tekst
    assert "13.300 + 4.600 = 17.900" in tekst
    assert "600 banen meer" in tekst
    assert "van 2023 tot 2040 (17 jaar)" in tekst
    assert "5.323" in tekst  # 13.300 × (1,02^17 − 1)
    assert "15,0 jaar" in tekst


# --- forecast band and hard supply -----------------------------------------------------------------


def test_context_uit_de_tabellen():
    c = view.context()
    assert c.raming == (221, 443)  # §3.3 / Bijlage II: 221–443 ha netto to 2040
    assert c.raming_3ha == (122, 199)  # of which plots ≥ 3 ha
    assert c.aanbod_gemeenten == pytest.approx(99.17)  # sum of Tabel 10's municipal rows
    assert c.aanbod_regionaal == pytest.approx(18.04)  # the regional grootschalig row
    assert c.zonder_opgave == ("Losser", "Tubbergen")


def test_context_toelichting(standaard):
    tekst = view.context_toelichting(standaard, view.context())
    for fragment in ("221–443 ha", "122–199 ha", "295,88 ha", "516,88 ha tot 738,88 ha", "99,17 ha", "18,04 ha",
                     "Losser en Tubbergen"):  # fmt: skip
        assert fragment in tekst


# --- figures --------------------------------------------------------------------------------------


def test_waterval_draagt_de_berekende_hectares(standaard):
    fig = grafieken.figuur_sectoren(standaard)
    assert fig.layout.separators == ",."
    trace = fig.data[0]
    assert list(trace.measure) == ["relative"] * 4 + ["total", "relative", "total"]
    assert list(trace.y) == pytest.approx([99.825, 70.8, 46.0, 153.225, 369.85, -73.97, 295.88])
    assert "369,85 ha" in trace.text and "295,88 ha" in trace.text and "−73,97 ha" in trace.text


def test_waterval_volgt_het_scenario():
    uit = bereken(view.naar_aannames({**view.standaard_waarden(), "intensivering": 0}))
    y = list(grafieken.figuur_sectoren(uit).data[0].y)
    assert y[-1] == pytest.approx(369.85) and y[-2] == 0


def test_ramingenfiguur(standaard):
    fig = grafieken.figuur_ramingen(standaard, view.context())
    assert fig.layout.separators == ",."
    per_naam = {trace.name: trace for trace in fig.data}
    band = per_naam[labels.REEKS_RAMING]
    assert list(band.base) == pytest.approx([221, 122, 221 + 295.88])
    assert list(band.x) == pytest.approx([222, 77, 222])
    assert list(per_naam[labels.REEKS_SCHAALSPRONG_EXTRA].x) == pytest.approx([295.88])
    assert list(per_naam[labels.REEKS_AANBOD_GEMEENTEN].x) == pytest.approx([99.17])
    regionaal = per_naam[labels.REEKS_AANBOD_REGIONAAL]
    assert list(regionaal.x) == pytest.approx([18.04]) and list(regionaal.base) == pytest.approx([99.17])


# --- illustrative spread ----------------------------------------------------------------------------


@pytest.mark.parametrize("sleutel", list(view.VERDEEL_KOLOM))
def test_spreiding_telt_op_tot_de_extra_hectares(standaard, sleutel):
    frame = view.spreiding(standaard.ha_extra, sleutel)
    assert len(frame) == 14
    assert float(frame["toegedeeld_ha"].sum()) == pytest.approx(295.88)
    assert float(frame["aandeel"].sum()) == pytest.approx(1)


def test_spreiding_naar_areaal_en_banen(standaard):
    areaal = view.spreiding(standaard.ha_extra, "areaal").set_index("gemeente")
    # Tabel 8: Almelo 620 of 3.380 ha netto; Tabel 2: Enschede 95.400 of 346.400 jobs (sum of the 14 rows)
    assert areaal.loc["Almelo", "toegedeeld_ha"] == pytest.approx(295.88 * 620 / 3380)
    banen = view.spreiding(standaard.ha_extra, "banen").set_index("gemeente")
    assert banen.loc["Enschede", "toegedeeld_ha"] == pytest.approx(295.88 * 95_400 / 346_400)
    # Tabel 10: Borne 6,91 ha hard supply; Losser gave no figure, which stays missing (not 0)
    assert areaal.loc["Borne", "aanbod_min_toegedeeld_ha"] == pytest.approx(6.91 - 295.88 * 71 / 3380)
    assert areaal["hard_aanbod_ha"].isna().sum() == 2
    assert areaal.loc[["Losser", "Tubbergen"], "hard_aanbod_ha"].isna().all()


def test_spreidingstabel_en_figuur(standaard):
    frame = view.spreiding(standaard.ha_extra, "areaal")
    tabel = view.spreiding_tabel(frame, "areaal").set_index("Gemeente")
    assert tabel.loc["Losser", labels.REEKS_AANBOD] == labels.GEEN_OPGAVE
    assert tabel.loc["Almelo", labels.REEKS_AANBOD] == "16,58 ha"
    assert tabel.loc["Almelo", labels.SCHAALSPRONG_VERDEELSLEUTELS["areaal"]] == "620 ha"
    fig = grafieken.figuur_spreiding(frame, selectie="Hengelo")
    assert "<b>Hengelo</b>" in fig.layout.yaxis.ticktext
    toegedeeld = next(t for t in fig.data if t.name == labels.REEKS_TOEGEDEELD)
    assert sum(toegedeeld.x) == pytest.approx(295.88)
    aanbod = next(t for t in fig.data if t.name == labels.REEKS_AANBOD)
    assert list(aanbod.text).count(labels.GEEN_OPGAVE) == 2
