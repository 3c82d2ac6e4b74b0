"""A user's own NWB wegvakken or rail file as the corridor and rail layers of one session.

All road and rail files here are SYNTHETIC TEST FIXTURES (tests/fixtures_netwerk.py), not real NWB or rail data.
"""

from __future__ import annotations

import contextvars
from pathlib import Path

import folium
import geopandas as gpd
import pytest
import shapely
from streamlit.testing.v1 import AppTest

from reb_maps import labels, lagen
from reb_maps.eigen_data import EigenDataFout, lees, netwerk
from reb_maps.eigen_data import meldingen as m
from reb_maps.weergave import assets, kaart
from reb_maps.weergave.documenten import briefing, presentatie
from reb_maps.weergave.druk import dia as druk_dia
from reb_maps.weergave.druk import kaart as drukkaart
from tests import fixtures_netwerk as fx
from ui import documenten
from ui import eigen_data as ui
from ui import presentatie as presentatie_view

ROOT = Path(__file__).resolve().parent.parent
GEDEKT = ("A1", "N18", "N36")  # the roads whose schematic stretches the synthetic file covers
BESTAND = "wegvakken.gpkg"


@pytest.fixture(scope="module")
def wegen() -> netwerk.NetwerkDeel:
    return netwerk.uit_bestand(fx.nwb_wegvakken(), BESTAND)


@pytest.fixture(scope="module")
def spoor() -> netwerk.NetwerkDeel:
    return netwerk.uit_bestand(fx.spoorbaandelen(), "spoor.gpkg")


@pytest.fixture(scope="module")
def net(wegen, spoor) -> netwerk.EigenNetwerk:
    return netwerk.bouw([wegen, spoor])


@pytest.fixture
def sessie_lagen(tmp_path) -> dict:
    """A session's own layers holding the synthetic NWB file, as the upload leaves them."""
    lagen_: dict = {}
    ui.voeg_toe(lagen_, fx.gpkg_bytes(fx.nwb_wegvakken(), tmp_path / BESTAND, "wegvakken"), BESTAND)
    return lagen_


@pytest.fixture
def app_met_wegen(sessie_lagen) -> AppTest:
    """The app after its first run (the Kaart page) in a session that holds the NWB file."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.session_state[ui.LAGEN_KEY] = sessie_lagen
    at.run()
    return at


# ---------- recognition ----------


def test_nwb_and_rail_files_are_recognised_by_their_columns_in_any_case():
    nwb = fx.nwb_wegvakken()
    assert netwerk.herken_schema(nwb.columns) == netwerk.SCHEMA_NWB
    assert netwerk.herken_schema([c.lower() for c in nwb.columns]) == netwerk.SCHEMA_NWB  # the WFS spells them so
    assert netwerk.herken_schema(["wegnummer", "WVK_ID", "geometry"]) == netwerk.SCHEMA_NWB
    assert netwerk.herken_schema(["typeSpoorbaan", "geometry"]) == netwerk.SCHEMA_SPOOR
    assert netwerk.herken_schema(["RAILWAY", "name", "geometry"]) == netwerk.SCHEMA_SPOOR  # OpenStreetMap
    assert netwerk.herken_schema(["wegnummer", "geometry"]) is None  # a road number alone is not NWB
    assert netwerk.herken_schema(["RIN_NUMMER", "PLAN_NAAM", "geometry"]) is None


def test_an_uploaded_nwb_geopackage_is_read_and_named_in_the_summary(tmp_path):
    data = fx.gpkg_bytes(fx.nwb_wegvakken(), tmp_path / BESTAND, "wegvakken")
    resultaat = lees(data, BESTAND)
    assert resultaat.samenvatting.schema == netwerk.SCHEMA_NWB and resultaat.is_netwerk and not resultaat.is_ibis
    tabel = ui.samenvatting_tabel(resultaat).set_index("Eigenschap")["Waarde"]
    assert tabel["Herkend schema"] == "NWB wegvakken"


# ---------- road numbers ----------


@pytest.mark.parametrize(
    ("waarde", "route", "naam"),
    [
        ("001", None, "A1"), ("1", None, "A1"), ("A1", None, "A1"), ("a001", None, "A1"), (1.0, None, "A1"),
        (" 018 ", None, "N18"), ("036", None, "N36"), ("342", None, "N342"), ("N343", None, "N343"),
        ("347", None, "N347"), ("035", None, "A35/N35"), ("035", "N", "N35"), ("035", "a", "A35"),
        ("A35", None, "A35"), ("001", "N", None), ("N1", None, None), ("A18", None, None),
        ("002", None, None), ("350", None, None), ("", None, None), (None, None, None), ("000", None, None),
        ("abc", None, None), ("1000", None, None),
    ],
)  # fmt: skip
def test_road_numbers_map_to_the_corridor_names(waarde, route, naam):
    assert netwerk.wegnaam(waarde, route) == naam


def test_lines_per_corridor_without_slip_roads_clipped_to_twente(wegen):
    assert wegen.soort == netwerk.WEGEN
    assert wegen.namen == ["A1", "A35", "N18", "N35", "N36", "N342"]  # in the order of CORRIDORS
    assert wegen.genegeerd == 1  # the synthetic AFR slip road
    gebied = netwerk.clipgebied()
    assert all(shapely.covers(gebied.buffer(1), g) for g in wegen.frame.geometry)
    assert wegen.frame.total_bounds[0] > 200_000  # the A1 section near Amersfoort is cut away
    per_naam = wegen.frame.set_index("corridor")
    assert per_naam.loc["N342", "beheer"] == "gemeente, provincie"  # 'N342' as text, managed in part by a town
    assert per_naam.loc["A1", "beheer"] == "Rijk"


def test_rijksweg_35_without_route_letter_is_split_by_position(wegen):
    basis = netwerk._catalogus_rd(netwerk.WEGEN)
    echt = {n: basis[(basis["corridor"] == n) & ~basis["schematisch"].astype(bool)].union_all() for n in ("A35", "N35")}
    per_naam = wegen.frame.set_index("corridor").geometry
    for naam, ander in (("A35", "N35"), ("N35", "A35")):  # drawn 20 m beside its own OSM line
        midden = per_naam[naam].interpolate(0.5, normalized=True)
        assert midden.distance(echt[naam]) < 50 < 1_000 < midden.distance(echt[ander])


def test_rail_keeps_trains_only(spoor):
    assert spoor.soort == netwerk.SPOOR and len(spoor.frame) == 1
    assert not shapely.intersects(spoor.frame.geometry.iloc[0], shapely.box(240_200, 470_000, 240_800, 470_500))
    assert "Herkend als spoorbestand" in spoor.uitleg()


# ---------- the corridor and rail layers of the session ----------


def test_covered_roads_have_no_schematic_stretch_left(net):
    frame = net.frames[netwerk.WEGEN]
    schematisch = frame[frame["schematisch"]]
    assert not set(schematisch["corridor"]) & set(GEDEKT)
    eigen = frame[frame["bron"] == f"NWB (eigen bestand, {BESTAND})"]
    assert list(eigen["corridor"]) == ["A1", "A35", "N18", "N35", "N36", "N342"]
    assert not eigen["schematisch"].any()
    assert {"A1", "A35", "N35"} <= set(frame.loc[frame["bron"].str.contains("OpenStreetMap"), "corridor"])  # kept
    assert not net.frames[netwerk.SPOOR]["schematisch"].any()  # every schematic rail line is covered
    assert net.bronzin() == f"wegen: NWB (eigen bestand, {BESTAND}); spoor: eigen bestand, spoor.gpkg"


def test_what_the_file_does_not_cover_stays_schematic_and_labelled():
    nwb = fx.nwb_wegvakken()
    alleen_n18 = netwerk.bouw([netwerk.uit_bestand(nwb[nwb["WEGNUMMER"] == "018"], "n18.gpkg")])
    frame = alleen_n18.frames[netwerk.WEGEN]
    schematisch = frame[frame["schematisch"]]
    assert sorted(schematisch["corridor"]) == ["A1", "A1", "N36"]
    assert "N18" in set(frame["corridor"]) and "N18" not in set(schematisch["corridor"])
    assert "wegen: NWB (eigen bestand, n18.gpkg)" in drukkaart.bronregel(drukkaart.KaartVraag(netwerk=alleen_n18), [])
    wegen = netwerk.laag_voor(lagen.laag("wegen"), alleen_n18)
    assert "Weg, schematisch tracé" in [r[0] for r in wegen.legenda]
    m = folium.Map()
    kaart.catalogus_laag("wegen", netwerk=alleen_n18).add_to(m)
    html = m.get_root().render()
    assert "A1 (schematisch)" in html and "N36 (schematisch)" in html and "N18 (schematisch)" not in html


def test_without_a_network_the_app_draws_its_own_layers(net):
    basis = kaart.laag_frame("wegen")
    assert netwerk.frame_voor("wegen", basis, None) is basis and not netwerk.vervangt("wegen", None)
    assert netwerk.vervangt("wegen", net) and netwerk.vervangt("spoor", net) and not netwerk.vervangt("stations", net)
    eigen = kaart.laag_frame("wegen", net)
    assert eigen.crs == basis.crs and "NWB (eigen bestand, wegvakken.gpkg)" in set(eigen["bron"])
    spoor = netwerk.laag_voor(lagen.laag("spoor"), net)
    assert spoor.label == "Spoor" and [r[0] for r in spoor.legenda] == ["Spoor (eigen bestand)"]
    wegen = netwerk.laag_voor(lagen.laag("wegen"), net)
    assert [r[0] for r in wegen.legenda] == ["Snelweg / N-weg"]  # no schematic road left
    assert netwerk.laag_voor(lagen.laag("spoor"), None) == lagen.laag("spoor")


# ---------- files that cannot serve ----------


def test_unusable_road_and_rail_files_get_one_dutch_message(tmp_path):
    nwb = fx.nwb_wegvakken()
    punten = nwb.set_geometry(nwb.geometry.centroid)
    with pytest.raises(EigenDataFout, match="bevat geen lijnen"):
        netwerk.uit_bestand(punten, "punten.gpkg")
    ver_weg = nwb.set_geometry(nwb.geometry.translate(xoff=-100_000))
    with pytest.raises(EigenDataFout, match="geen van de wegen A1, A35, N18"):
        netwerk.uit_bestand(ver_weg, "elders.gpkg")
    trams = fx.spoorbaandelen().tail(1)
    with pytest.raises(EigenDataFout, match="geen spoor voor treinen in Twente"):
        netwerk.uit_bestand(trams, "tram.gpkg")
    with pytest.raises(EigenDataFout, match="geen NWB-wegenbestand en geen spoorbestand"):
        netwerk.uit_bestand(gpd.GeoDataFrame({"naam": ["x"]}, geometry=[shapely.Point(0, 0)], crs=fx.RD), "x.gpkg")


def test_the_page_adapter_explains_a_usable_and_an_unusable_file(tmp_path):
    lagen_: dict = {}
    ver_weg = fx.nwb_wegvakken()
    ver_weg = ver_weg.set_geometry(ver_weg.geometry.translate(xoff=-100_000))
    sleutel, fout, _ = ui.lees_veilig(lagen_, fx.gpkg_bytes(ver_weg, tmp_path / "elders.gpkg", "w"), "elders.gpkg")
    assert fout is None  # the file itself is fine: it stays as an own layer …
    bruikbaar, tekst = ui.netwerk_uitleg(lagen_[sleutel])
    assert not bruikbaar and "geen van de wegen" in tekst and "WEGNUMMER" in tekst  # … but cannot be the roads
    assert ui.sessie_netwerk({ui.LAGEN_KEY: lagen_}) is None
    kapot = b"SQLite format 3\x00" + b"\x00" * 200
    assert ui.lees_veilig({}, kapot, "wegvakken.gpkg")[1] == m.ONLEESBAAR.format(formaat="GeoPackage")


# ---------- renderers: print, screen, slides ----------


def _teksten(fig) -> set[str]:
    return {t.get_text() for t in fig.axes[0].texts if t.get_visible()}


def test_the_print_map_draws_the_roads_from_the_file(net):
    zonder = drukkaart.teken_kaart(drukkaart.KaartVraag())
    assert {"A1 (schematisch)", "N18 (schematisch)"} <= _teksten(zonder)
    fig = drukkaart.teken_kaart(drukkaart.KaartVraag(netwerk=net))
    regel = fig.texts[-2].get_text()
    assert not any("(schematisch)" in t for t in _teksten(fig))
    assert f"wegen: NWB (eigen bestand, {BESTAND})" in regel and "spoor: eigen bestand, spoor.gpkg" in regel
    legenda = [t.get_text() for t in fig.axes[1].get_legend().get_texts()]
    assert "Spoor (eigen bestand)" in legenda and "Weg, schematisch tracé" not in legenda
    assert drukkaart.kaart_bytes(drukkaart.KaartVraag(gemeente="Oldenzaal", netwerk=net), "png")[:4] == b"\x89PNG"


def test_the_screen_map_embeds_the_roads_and_never_publishes_them(net):
    with_ = kaart.dashboard_map("banen", labels.ACHTERGROND_OFFLINE, None, netwerk=net).get_root().render()
    assert "NWB (eigen bestand, wegvakken.gpkg)" in with_ and "Spoor (eigen bestand)" in with_
    assert "N18 (schematisch)" not in with_ and "A1 (schematisch)" not in with_
    for pad in (assets.STATIC_DIR / "geo").glob("*.geojson"):
        assert "eigen bestand" not in pad.read_text(encoding="utf-8"), pad
    zonder = kaart.dashboard_map("banen", labels.ACHTERGROND_OFFLINE, None).get_root().render()
    assert "N18 (schematisch)" in zonder and "NWB (eigen bestand" not in zonder
    assert "wegen: NWB (eigen bestand, wegvakken.gpkg)" in kaart.dashboard_attributie(net)


def test_session_network_is_built_once_and_its_file_is_not_drawn_twice(sessie_lagen):
    lagen_ = sessie_lagen
    sessie = {ui.LAGEN_KEY: lagen_}
    eerste = ui.sessie_netwerk(sessie)
    assert eerste is not None and ui.sessie_netwerk(sessie) is eerste
    assert ui.kaart_lagen(lagen_) == ()  # drawn in the corridor layer, not again as an own layer
    bruikbaar, tekst = ui.netwerk_uitleg(next(iter(lagen_.values())))
    assert bruikbaar and "A1" in tekst and "Niet in het bestand: N343, N347" in tekst
    vraag = documenten.kaart_vraag("banen", None, None, sessie)  # the download's request carries the network
    assert vraag.netwerk is eerste and vraag == drukkaart.KaartVraag(indicator="banen", netwerk=eerste)
    assert documenten.kaart_vraag("banen", None, None, {}).netwerk is None


def test_the_presentation_map_step_uses_the_session_roads(net):
    sessie: dict = {}
    beeld = presentatie_view.sessie_beeld("werklocaties", 0, net, sessie)
    assert beeld[1][:4] == b"\x89PNG"
    assert sessie[presentatie_view.SESSIE_BEELD_KEY][0] == ("werklocaties", 0, net.sleutel)
    assert presentatie_view.sessie_beeld("werklocaties", 0, net, sessie) is beeld  # kept for this session


def test_eigen_data_page_explains_the_recognised_road_file(app_met_wegen):
    at = app_met_wegen
    at.switch_page("app_pages/eigen_data.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Herkend als NWB" in i.value for i in at.info)


def test_kaart_page_names_the_road_file_under_the_map(app_met_wegen):
    at = app_met_wegen
    assert not at.exception, [e.value for e in at.exception]
    onder_kaart = " ".join(c.value for c in at.caption)
    assert f"wegen: NWB (eigen bestand, {BESTAND})" in onder_kaart


def test_the_deck_draws_its_map_slides_anew_with_the_session_roads(net, monkeypatch):
    gezien = {}

    def deck(gemeente, klaar, eigen_netwerk):
        gezien["klaar"], gezien["actief"] = set(klaar), eigen_netwerk
        return b"pptx"

    monkeypatch.setattr(presentatie_view, "beeld", lambda sleutel, index: b"png")
    monkeypatch.setattr(presentatie_view.presentatie, "deck", deck)
    assert presentatie_view.deck(None, net) == b"pptx" and gezien["actief"] is net
    assert gezien["klaar"] == set()  # every map drawn anew with the session's roads; charts are native anyway
    presentatie_view.deck(None)
    kaarten = {s for s, _ in gezien["klaar"]}
    assert {"werklocaties", "vraag_aanbod", "zoekgebieden"} <= kaarten and "cijfers" not in kaarten
    assert gezien["actief"] is None


# ---------- explicit inputs (issue 23): the network is an argument, never a context ----------


def test_renderers_alternate_with_and_without_the_network_in_one_thread(net):
    for eigen in (net, None, net, None, net):
        m = folium.Map()
        kaart.catalogus_laag("wegen", netwerk=eigen).add_to(m)  # the screen map's corridor layer
        html = m.get_root().render()
        assert ("NWB (eigen bestand, wegvakken.gpkg)" in html) is (eigen is not None)
        assert ("N18 (schematisch)" in html) is (eigen is None)
        vraag = drukkaart.KaartVraag(netwerk=eigen)  # the print map's layer frames, legend and source line
        frame = netwerk.frame_voor("wegen", drukkaart.laag_frame("wegen"), eigen)
        assert ("NWB (eigen bestand, wegvakken.gpkg)" in set(frame.get("bron", ()))) is (eigen is not None)
        spoor = next(item for item in drukkaart._te_tekenen(vraag) if item.sleutel == "spoor")
        assert ("Spoor (eigen bestand)" in [r[0] for r in spoor.legenda]) is (eigen is not None)
        assert ("wegen: NWB (eigen bestand" in drukkaart.bronregel(vraag, [])) is (eigen is not None)


def test_a_network_counts_by_its_fingerprint_and_no_context_variable_is_left(wegen, spoor, net):
    opnieuw = netwerk.bouw([wegen, spoor])
    assert opnieuw is not net and opnieuw == net and hash(opnieuw) == hash(net)  # a cache hit, keyed on a string
    assert drukkaart.KaartVraag(netwerk=opnieuw) == drukkaart.KaartVraag(netwerk=net) != drukkaart.KaartVraag()
    hernoemd = netwerk.bouw([wegen, netwerk.uit_bestand(fx.spoorbaandelen(), "ander.gpkg")])
    assert hernoemd != net  # the file name is in the legend and the source line: another key
    assert "frames" not in repr(net)  # the frames never count
    assert not hasattr(netwerk, "gebruik") and not hasattr(netwerk, "actief")
    for module in (netwerk, kaart, drukkaart, druk_dia, briefing, presentatie):
        assert not [n for n, v in vars(module).items() if isinstance(v, contextvars.ContextVar)], module.__name__


class _Gevraagd(Exception):
    """Raised by a stand-in renderer with the request it was given: the plumbing, without drawing."""


def _vang(vraag, *_args):
    raise _Gevraagd(vraag)


def test_the_briefing_and_the_slide_maps_pass_the_network_to_the_print_map(net, monkeypatch):
    monkeypatch.setattr(briefing, "kaart_bytes", _vang)
    monkeypatch.setattr(druk_dia, "teken_kaart", _vang)
    for eigen in (net, None):
        with pytest.raises(_Gevraagd) as gevraagd:
            briefing.briefing_pdf("Almelo", netwerk=eigen)
        assert gevraagd.value.args[0].netwerk is eigen
        for sleutel in ("werklocaties", "vraag_aanbod"):
            with pytest.raises(_Gevraagd) as gevraagd:
                presentatie.BOUWERS[sleutel]().beelden[0].maak(netwerk=eigen)
            assert gevraagd.value.args[0].netwerk is eigen, sleutel
