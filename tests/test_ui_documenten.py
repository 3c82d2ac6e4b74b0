"""The document buttons' adapters: session → scenario and candidates, failures → a Dutch file."""

from __future__ import annotations

import io

import pypdf

from reb_maps.schaalsprong import default_aannames
from ui import documenten
from ui import schaalsprong as view


def test_scenario_from_the_schaalsprong_page():
    assert documenten.scenario_uit({}) is None
    waarden = view.standaard_waarden() | {"banen_doel": 60_000}
    aannames = documenten.scenario_uit({documenten.SCHAALSPRONG_SCENARIO: {"waarden": waarden, "verdeel": "x"}})
    assert aannames.banen_doel == 60_000
    assert aannames != default_aannames()
    assert documenten.scenario_uit({documenten.SCHAALSPRONG_SCENARIO: {"waarden": {}}}) == default_aannames()
    assert documenten.scenario_uit({documenten.SCHAALSPRONG_SCENARIO: "kapot"}) is None


def test_candidates_from_the_last_search_area_run():
    assert documenten.kandidaten_uit({}) is None
    csv = "rang,id,oppervlakte_ha,score,gemeenten\n1,G01,212.5,0.81,\"Almelo, Wierden\"\n"
    frame = documenten.kandidaten_uit({documenten.ZOEKGEBIEDEN_KANDIDATEN: csv})
    assert frame.loc[0, "id"] == "G01" and frame.loc[0, "gemeenten"] == "Almelo, Wierden"


def test_a_failing_builder_gives_a_dutch_file_not_a_traceback(caplog):
    def kapot() -> bytes:
        raise RuntimeError("stuk")

    inhoud = documenten.veilig(kapot, documenten.fout_pdf)()
    tekst = pypdf.PdfReader(io.BytesIO(inhoud)).pages[0].extract_text()
    assert "Het document kon niet worden gemaakt" in " ".join(tekst.split())
    assert "stuk" in caplog.text  # logged for the maintainers
    assert documenten.veilig(kapot, lambda: documenten.fout_beeld("png"))().startswith(b"\x89PNG")
