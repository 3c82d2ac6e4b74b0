"""Programmering 2027–2030: the balance of a hand-made variant (computed by hand below, not by the engine), the
report's starting rows, and the variants in the workspace (both backends)."""

from __future__ import annotations

import pytest

from reb_maps.fouten import OngeldigeInvoer, VersieConflict
from reb_maps.programmering import varianten
from reb_maps.programmering.balans import balans, schaalsprong_extra_ha
from reb_maps.programmering.regels import FASEN, HA_ONBEKEND, Regel, gemeente, hectares, keuze, uit_rapport
from reb_maps.werkruimte import Auteur, Werkruimte

JAN = Auteur("Jan Jansen")
PIET = Auteur("Piet de Vries")

HANDWERK = [
    Regel("Almelo", "XL Businesspark 2", "grootschalig", 30.0, "hard", "2027–2030"),
    Regel("Almelo", "Kavels MKB Almelo", "lokaal/regionaal MKB", 5.0, "zacht", "2031–2040"),
    Regel("Almelo", "Reserve na 2040", "overig", 50.0, "hard", "na 2040"),  # does not count to 2040
    Regel("Borne", "Zenderen", "lokaal/regionaal MKB", 12.0, "zacht", "2031–2040"),
    Regel("Enschede", "Nieuw terrein Enschede", "grootschalig", 10.0, "hard", "2031–2040"),
    Regel("Enschede", "Nog te bepalen", "overig", None, "zacht", "2027–2030"),  # ha onbekend: counts as 0
    Regel("Haaksbergen", "Stepelerveld", "lokaal/regionaal MKB", 15.0, "hard", "2027–2030"),
    Regel("Hengelo", "Kanaalzone grootschalig", "grootschalig", 100.0, "zacht", "2031–2040"),
    Regel("Hengelo", "Hengelo MKB", "lokaal/regionaal MKB", 3.0, "hard", "2027–2030"),
]
# By hand, with Tabel 10's demand (vraag_min–vraag_max ha): Almelo 10–40, Borne 0–10, Enschede 15–45,
# Haaksbergen 5–15, Hengelo 10–50.
VERWACHT = {
    #             hard   zacht  aanbod  licht
    "Almelo": (30.0, 5.0, 35.0, "oranje"),  # 10 ≤ 35 < 40
    "Borne": (0.0, 12.0, 12.0, "groen"),  # 12 ≥ 10
    "Enschede": (10.0, 0.0, 10.0, "rood"),  # 10 < 15
    "Haaksbergen": (15.0, 0.0, 15.0, "groen"),  # 15 ≥ 15: at the maximum is green
    "Hengelo": (3.0, 100.0, 103.0, "groen"),
}


def test_the_balance_of_a_hand_made_variant():
    b = balans(HANDWERK)
    for naam, (hard, zacht, aanbod, licht) in VERWACHT.items():
        g = b.gemeente(naam)
        assert (g.hard_ha, g.zacht_ha, g.aanbod_ha, g.stoplicht) == (hard, zacht, aanbod, licht), naam
    assert b.gemeente("Enschede").ha_onbekend == 1
    assert b.gemeente("Almelo").regels == 3
    for naam in ("Tubbergen", "Losser", "Wierden"):  # no rows in the variant
        g = b.gemeente(naam)
        assert (g.stoplicht, g.aanbod_ha, g.hard_ha) == ("geen opgave", None, None)
    # 2027–2030: linear share 4/17 of the demand to 2040; supply = rows with that fase
    almelo = b.gemeente("Almelo")
    assert almelo.periode_aanbod_ha == 30.0
    assert almelo.periode_vraag_min_ha == pytest.approx(10 * 4 / 17)
    assert almelo.periode_vraag_max_ha == pytest.approx(40 * 4 / 17)


def test_the_regional_large_scale_row_with_and_without_the_schaalsprong():
    zonder = balans(HANDWERK).grootschalig
    # grootschalig to 2040: Almelo 30 + Enschede 10 + Hengelo 100 = 140 against 121–199 ha (Tabel 10)
    assert (zonder.aanbod_ha, zonder.vraag_min_ha, zonder.vraag_max_ha) == (140.0, 121, 199)
    assert zonder.stoplicht == "oranje"
    assert zonder.schaalsprong_extra_ha is None
    met = balans(HANDWERK, schaalsprong_extra_ha=295.88).grootschalig
    # 121 + 295,88 = 416,88 > 140: red against the band raised by the schaalsprong
    assert (met.stoplicht, met.stoplicht_met_schaalsprong) == ("oranje", "rood")
    groot = [*HANDWERK, Regel("Wierden", "XXL", "grootschalig", 300.0, "hard", "2031–2040")]
    assert balans(groot, schaalsprong_extra_ha=295.88).grootschalig.stoplicht_met_schaalsprong == "oranje"  # 440
    assert schaalsprong_extra_ha() == pytest.approx(295.88)  # Bijlage III with the report's assumptions


def test_the_json_rounds_hectares_to_two_decimals():
    d = balans([Regel("Almelo", "A", "overig", 1.23456, "hard", "2027–2030")]).to_dict()
    almelo = next(g for g in d["gemeenten"] if g["gemeente"] == "Almelo")
    assert almelo == {
        "gemeente": "Almelo",
        "vraag_min_ha": 10.0,
        "vraag_max_ha": 40.0,
        "hard_ha": 1.23,
        "zacht_ha": 0.0,
        "aanbod_ha": 1.23,
        "stoplicht": "rood",
        "regels": 1,
        "regels_zonder_ha": 0,
    }
    assert set(d["grootschalig"]) >= {"vraag_min_ha", "vraag_max_ha", "aanbod_ha", "schaalsprong_extra_ha"}


def test_a_new_variant_can_start_from_the_report_without_inventing_hectares():
    rijen = uit_rapport()
    tabel_10 = {r.gemeente: r.netto_ha for r in rijen if r.naam == "Hard aanbod 1-1-2023 (REB)"}
    assert len(tabel_10) == 14
    assert tabel_10["Almelo"] == 16.58 and tabel_10["Hengelo"] == 18.39
    assert tabel_10["Losser"] is None and tabel_10["Tubbergen"] is None  # '-' in Tabel 10
    plannen = [r for r in rijen if r.naam != "Hard aanbod 1-1-2023 (REB)"]
    assert plannen and all(r.netto_ha is None and HA_ONBEKEND in r.toelichting for r in plannen)
    assert any(r.naam == "XL Businesspark 2" and r.gemeente == "Almelo" for r in plannen)
    # the report's hard supply as a variant reproduces Tabel 10's traffic light for Almelo (16,58 in 10–40)
    assert balans(rijen).gemeente("Almelo").stoplicht == "oranje"


@pytest.mark.parametrize(("tekst", "verwacht"), [("Hengelo (O.)", "Hengelo"), ("  hof van  twente ", "Hof van Twente"),
                                                 ("Amsterdam", None), (None, None)])  # fmt: skip
def test_municipality_names_as_people_type_them(tekst, verwacht):
    assert gemeente(tekst) == verwacht


def test_hectares_and_closed_lists_as_people_type_them():
    assert hectares("12,5") == 12.5 and hectares("12.5") == 12.5 and hectares("1.234,5") == 1234.5
    assert hectares("") is None and hectares(None) is None and hectares(3) == 3.0
    for fout in ("-1", "abc", "nan", "inf"):
        with pytest.raises(ValueError):
            hectares(fout)
    assert keuze("2027-2030", FASEN) == "2027–2030" and keuze("NA 2040", FASEN) == "na 2040"


# ---------- variants in the workspace ----------


@pytest.fixture
def ruimte(werkruimte_url):
    r = Werkruimte.open(werkruimte_url)
    yield r
    r.sluit()


def test_a_variant_keeps_its_rows_history_and_versions(ruimte):
    v = varianten.nieuw(ruimte, "Voorstel AO november 2026", HANDWERK, JAN)
    assert (v.versie, v.status, len(v.regels)) == (1, "concept", len(HANDWERK))
    assert varianten.variant(ruimte, "voorstel ao november 2026").regels == tuple(HANDWERK)
    minder = HANDWERK[:3]
    v2 = varianten.wijzig_regels(ruimte, v, minder, PIET)
    assert (v2.versie, len(v2.regels), v2.gewijzigd_door) == (2, 3, "Piet de Vries")
    with pytest.raises(VersieConflict, match="Piet de Vries"):
        varianten.wijzig_regels(ruimte, v, HANDWERK, JAN)  # Jan still edits version 1
    historie = ruimte.geschiedenis(item_id=v.id)
    assert [w.actie for w in historie] == ["gewijzigd", "aangemaakt"]
    assert len(historie[0].voor["regels"]) == len(HANDWERK) and len(historie[0].na["regels"]) == 3
    assert ruimte.zet_terug("variant", v.id, 1, 2, JAN) == 3
    assert len(varianten.variant(ruimte, v.id).regels) == len(HANDWERK)


def test_copy_and_a_variant_that_is_vastgesteld_is_read_only(ruimte):
    v = varianten.nieuw(ruimte, "Basis", HANDWERK, JAN)
    kopie = varianten.kopieer(ruimte, v, "Basis (kopie)", PIET)
    assert kopie.regels == v.regels and kopie.bron_variant == v.id and kopie.id != v.id
    vast = varianten.stel_vast(ruimte, v, JAN)
    assert vast.vastgesteld and vast.versie == 2
    with pytest.raises(OngeldigeInvoer, match="vastgesteld"):
        varianten.wijzig_regels(ruimte, vast, [], JAN)
    with pytest.raises(OngeldigeInvoer, match="al een variant"):
        varianten.nieuw(ruimte, "basis", [], JAN)
    assert [x.naam for x in varianten.varianten(ruimte)] == ["Basis", "Basis (kopie)"]
