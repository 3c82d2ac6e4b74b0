"""Chart builders: the figures carry the report's numbers, the selection is highlighted, no Streamlit.

Every expected number below is typed in from the report (REB Twente 2040), not read from data/.
"""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reb_maps import labels
from reb_maps.data import load_table, table_meta
from reb_maps.weergave import charts


@pytest.fixture(scope="module")
def gemeenten():
    return load_table("gemeenten")


def _punten(trace) -> dict:
    """{category: value} of a horizontal bar or scatter trace."""
    return dict(zip(trace.y, trace.x, strict=True))


def _bereik(trace) -> dict:
    """{category: (min, max)} of a range bar drawn as base + length."""
    return {
        n: (b, None if b is None or x is None else b + x)
        for n, b, x in zip(trace.y, trace.base, trace.x, strict=True)
    }


def _trace(fig, begint_met: str):
    return next(t for t in fig.data if t.name and t.name.startswith(begint_met))


# ---------- Gemeenten ----------


def test_banen_carry_tabel_2(gemeenten):
    fig = charts.banen(gemeenten)
    aantal, groei = _punten(fig.data[0]), _punten(fig.data[1])
    assert aantal["Enschede"] == 95400
    assert aantal["Almelo"] == 47300
    assert groei["Wierden"] == 38
    assert groei["Haaksbergen"] == 20  # banen +20%; the +0,2% is inhabitants
    assert "95.400" in fig.data[0].text
    assert "+38%" in fig.data[1].text
    assert list(fig.data[0].y[:3]) == ["Enschede", "Hengelo", "Almelo"]  # largest first


def test_netto_areaal_carries_tabel_8(gemeenten):
    fig = charts.netto_areaal(gemeenten, totaal=3380)
    ha = _punten(fig.data[0])
    assert ha["Almelo"] == 620
    assert ha["Enschede"] == 689
    assert ha["Losser"] == 46
    assert "620 ha (18%)" in fig.data[0].text
    assert "3.380 ha" in fig.layout.title.text


def test_vraag_aanbod_traffic_light_tabel_10(gemeenten):
    fig = charts.vraag_aanbod(gemeenten)
    vraag = _bereik(fig.data[0])
    assert vraag["Almelo"] == (10, 40)
    assert vraag["Hengelo"] == (10, 50)
    assert vraag["Losser"] == (0, 10)
    groen = _trace(fig, labels.STOPLICHTEN["groen"].kort)
    assert _punten(groen) == {"Twenterand": 12.85}
    assert groen.marker.color == labels.STOPLICHTEN["groen"].kleur
    rood = _punten(_trace(fig, labels.STOPLICHTEN["rood"].kort))
    assert rood["Haaksbergen"] == 0.58
    assert rood["Wierden"] == 0.46
    oranje = _punten(_trace(fig, labels.STOPLICHTEN["oranje"].kort))
    assert oranje["Almelo"] == 16.58
    geen = _trace(fig, labels.STOPLICHTEN["geen opgave"].kort)
    assert set(geen.y) == {"Losser", "Tubbergen"}
    assert all(labels.GEEN_OPGAVE in t for t in geen.text)
    assert len(fig.data[0].y) == 14  # the regional large-scale line is not a 15th municipality


def test_grootschalig_stands_alone():
    fig = charts.grootschalig(load_table("grootschalige_vraag"))
    assert list(_bereik(fig.data[0]).values()) == [(121, 199)]
    rood = _trace(fig, labels.STOPLICHTEN["rood"].kort)  # 18,04 ha against at least 121 ha
    assert list(rood.x) == [18.04]
    assert "18,04 ha" in rood.text[0]


@pytest.mark.parametrize("builder", [charts.banen, charts.netto_areaal])
def test_selected_bar_gets_highlight_colour(gemeenten, builder):
    fig = builder(gemeenten, "Almelo")
    for trace in fig.data:
        kleur = dict(zip(trace.y, trace.marker.color, strict=True))
        assert kleur["Almelo"] == labels.KLEUR_SELECTIE
        assert kleur["Enschede"] != labels.KLEUR_SELECTIE
    assert "<b>Almelo</b>" in fig.layout.yaxis.ticktext
    zonder = builder(gemeenten, None)
    assert labels.KLEUR_SELECTIE not in zonder.data[0].marker.color


def test_selected_range_gets_highlight_outline(gemeenten):
    fig = charts.vraag_aanbod(gemeenten, "Losser")
    rand = dict(zip(fig.data[0].y, fig.data[0].marker.line.color, strict=True))
    assert rand["Losser"] == labels.KLEUR_SELECTIE
    assert rand["Almelo"] != labels.KLEUR_SELECTIE
    assert "<b>Losser</b>" in fig.layout.yaxis.ticktext


def test_vergelijkingstabel_is_formatted_in_dutch(gemeenten):
    tabel = charts.vergelijkingstabel(gemeenten, table_meta("gemeenten")["kolommen"]).set_index("Gemeente")
    assert tabel.loc["Almelo", "Netto areaal bedrijventerrein"] == "620 ha"
    assert tabel.loc["Enschede", "Banen 2023"] == "95.400"
    assert tabel.loc["Twenterand", "Hard aanbod per 1-1-2023"] == "12,85 ha"
    assert tabel.loc["Oldenzaal", "Groei inwoners 2014–2023"] == "-1%"
    assert tabel.loc["Haaksbergen", "Groei inwoners 2014–2023"] == "+0,2%"
    assert tabel.loc["Hengelo", labels.TABEL_VRAAG] == "10–50 ha"
    assert tabel.loc["Losser", "Hard aanbod per 1-1-2023"] == labels.GEEN_OPGAVE
    assert labels.STOPLICHTEN["groen"].kort in tabel.loc["Twenterand", labels.TABEL_STOPLICHT]
    assert tabel.loc["Haaksbergen", labels.TABEL_TEKORT] == "4,42 ha"  # 5 − 0,58


def test_markeer_selectie_tints_one_row(gemeenten):
    tabel = charts.vergelijkingstabel(gemeenten, table_meta("gemeenten")["kolommen"])
    html = charts.markeer_selectie(tabel, "Almelo").to_html()
    assert html.count("background-color: #fde0e4") == 1  # one CSS rule shared by the row's cells
    assert "background-color" not in charts.markeer_selectie(tabel, None).to_html()


# ---------- Regio & economie ----------


def test_regio_carries_tabel_1():
    fig = charts.regio_vergelijking(load_table("regio"))
    inwoners, inwoners_groei, banen, banen_groei = fig.data
    assert dict(zip(banen.x, banen.y, strict=True))["Twente"] == 346500
    assert dict(zip(inwoners.x, inwoners.y, strict=True))["Regio Zwolle"] == 803000
    assert dict(zip(banen_groei.x, banen_groei.y, strict=True))["Regio Zwolle"] == 27
    assert dict(zip(inwoners_groei.x, inwoners_groei.y, strict=True))["Nederland"] == 6
    assert dict(zip(banen.x, banen.y, strict=True))["Nederland"] is None  # not in the text: no bar
    assert any(labels.NIET_IN_BRONTEKST.split()[0] in a.text for a in fig.layout.annotations)


def test_economisch_profiel_shows_known_numbers_only():
    fig = charts.economisch_profiel(load_table("profiel"))
    tree = fig.data[0]
    waarde = dict(zip(tree.ids, tree.values, strict=True))
    assert waarde["twente"] == 346500
    assert waarde["kennisspeerpunten"] == 13300
    assert waarde["stuwende_basis"] == 122500
    assert waarde["breed_mkb"] == 210700
    assert waarde["logistiek_groothandel"] == 35600
    assert "chiptech" not in waarde  # no number in the text, so no area
    tekst = dict(zip(tree.ids, tree.text, strict=True))
    assert "Chiptech" in tekst["kennisspeerpunten"]
    assert labels.NIET_IN_BRONTEKST in tekst["kennisspeerpunten"]
    assert tekst["kennisspeerpunten"].startswith("ruim 13.300")
    ouder = dict(zip(tree.ids, tree.parents, strict=True))
    for node, value in waarde.items():  # branchvalues='total' needs children within their parent
        kinderen = sum(v for n, v in waarde.items() if ouder[n] == node)
        assert kinderen <= value


def test_eib_scenarios_carry_bijlage_ii():
    fig = charts.eib_scenarios(load_table("eib_scenarios"))
    lijnen = {t.name: dict(zip(t.x, t.y, strict=True)) for t in fig.data}
    assert lijnen[labels.REEKS_SCENARIO["laag"]] == {2022: 322400, 2031: 318300, 2041: 312600}
    assert lijnen[labels.REEKS_SCENARIO["hoog"]] == {2022: 325300, 2031: 330700, 2041: 335300}


def test_ruimtevraag_ranges_tabel_5_and_6():
    fig = charts.ruimtevraag(load_table("ruimtevraag"))
    bereik = {}
    for trace in fig.data:
        if trace.type == "bar":
            bereik |= {n.split("↳ ")[-1]: r for n, r in _bereik(trace).items()}
    assert bereik["Totale uitbreidingsvraag"] == (221, 443)
    assert bereik["Productie"] == (39, 104)
    assert bereik["Distributie"] == (108, 162)
    assert bereik["Kavels vanaf 3 ha"] == (122, 199)
    missend = [t for t in fig.data if t.type == "scatter"]
    assert missend and all(labels.NIET_IN_BRONTEKST in t.text[0] for t in missend)


def test_campusgroei_carries_tabel_9():
    fig = charts.campusgroei(load_table("campussen"), "Hengelo")
    campus, gemeente = (dict(zip(t.y, t.x, strict=True)) for t in fig.data)
    assert (campus["Hengelo"], gemeente["Hengelo"]) == (100, 11)
    assert (campus["Enschede"], gemeente["Enschede"]) == (64, 14)
    assert campus["Noordwijk"] == -33
    assert fig.data[0].y[-1] == "Totaal" and campus["Totaal"] == 48 and gemeente["Totaal"] == 17
    kleur = dict(zip(fig.data[0].y, fig.data[0].marker.color, strict=True))
    assert kleur["Hengelo"] == labels.KLEUR_SELECTIE
    assert kleur["Enschede"] == labels.KLEUR_ACCENT  # the other Twente campus
    assert kleur["Groningen"] == labels.KLEUR_BALK


def test_every_figure_prints_dutch_numbers(gemeenten):
    figuren = [
        charts.banen(gemeenten), charts.netto_areaal(gemeenten), charts.vraag_aanbod(gemeenten),
        charts.grootschalig(load_table("grootschalige_vraag")), charts.regio_vergelijking(load_table("regio")),
        charts.economisch_profiel(load_table("profiel")), charts.eib_scenarios(load_table("eib_scenarios")),
        charts.ruimtevraag(load_table("ruimtevraag")), charts.campusgroei(load_table("campussen")),
    ]
    for fig in figuren:
        assert fig.layout.separators == ",."
        fig.to_json()  # serialisable: no pandas.NA left in the traces


def test_builders_do_not_touch_streamlit():
    code = textwrap.dedent(
        """
        import sys
        from reb_maps import kerncijfers
        from reb_maps.weergave import charts
        from reb_maps.data import load_table, table_meta
        g = load_table("gemeenten")
        charts.banen(g, "Almelo"); charts.netto_areaal(g, "Almelo"); charts.vraag_aanbod(g, "Almelo")
        charts.grootschalig(load_table("grootschalige_vraag")); kerncijfers.kerncijfers("Almelo")
        charts.vergelijkingstabel(g, table_meta("gemeenten")["kolommen"])
        charts.regio_vergelijking(load_table("regio")); charts.economisch_profiel(load_table("profiel"))
        charts.eib_scenarios(load_table("eib_scenarios")); charts.ruimtevraag(load_table("ruimtevraag"))
        charts.campusgroei(load_table("campussen"), "Enschede")
        assert "streamlit" not in sys.modules, "a chart builder imported streamlit"
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parent.parent)
