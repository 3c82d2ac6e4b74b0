"""The quiet context basemap (reb_maps.lagen.ondergrond): its derived files, the print map and the offline map."""

from __future__ import annotations

import itertools
import json
import re

import matplotlib.colors as mcolors
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg

from reb_maps import labels, lagen
from reb_maps.build_geodata import ondergrond as bouw
from reb_maps.geodata import GEO_DIR, layer_catalogue, load_analysis_layer, load_layer
from reb_maps.lagen import ondergrond
from reb_maps.weergave import kaart
from reb_maps.weergave.druk import kaart as druk
from reb_maps.weergave.druk.kaart import KaartVraag

CLIP_M = 5_000  # the raw inputs are clipped to Twente + 5 km


def test_place_names_file_holds_the_towns_above_the_threshold_inside_the_clip():
    namen = load_layer(ondergrond.PLAATSNAMEN)
    assert 15 <= len(namen) <= 30
    assert (namen["aantal_inwoners"] >= bouw.PLAATS_DREMPEL).all()
    assert namen["naam"].is_unique
    assert namen.geom_type.eq("Point").all()
    for plaats in ("Enschede", "Hengelo", "Almelo", "Rijssen", "Nijverdal", "Glanerbrug", "Ootmarsum"):
        assert plaats in set(namen["naam"]), plaats
    assert list(namen["aantal_inwoners"]) == sorted(namen["aantal_inwoners"], reverse=True)
    rd = load_analysis_layer(ondergrond.PLAATSNAMEN)
    twente = load_analysis_layer("regio").geometry.iloc[0].buffer(CLIP_M + 50)
    assert rd.within(twente).all()
    assert f"{bouw.PLAATS_DREMPEL:,}".replace(",", ".") in layer_catalogue()["plaatsnamen.geojson"]["titel"]


def test_basemap_files_are_light_and_named_in_the_layer_list():
    grootte = sum((GEO_DIR / f"{b}.geojson").stat().st_size for b in ondergrond.BESTANDEN)
    assert grootte < 140_000  # the offline map may add about 150 kB
    vlakken = load_layer("ondergrond_vlakken")
    assert set(vlakken["soort"]) == {"bebouwing", "water"}
    assert set(load_layer("ondergrond_lijnen")["soort"]) == {"water", "weg"}
    for bestand in ondergrond.BESTANDEN:
        assert "CBS/Kadaster" in layer_catalogue()[f"{bestand}.geojson"]["bron"]


def _zichtbare_labels(fig):
    ax = fig.axes[0]
    renderer = FigureCanvasAgg(fig).get_renderer()
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    return [(t, t.get_window_extent(renderer)) for t in ax.texts
            if t.get_visible() and t.get_text() and t.get_text() != "N"
            and x0 <= t.xy[0] <= x1 and y0 <= t.xy[1] <= y1]  # fmt: skip


def test_print_map_draws_the_basemap_with_place_names_that_touch_no_other_label():
    fig = druk.teken_kaart(KaartVraag())
    labels_ = _zichtbare_labels(fig)
    plaatsen = [(t, vak) for t, vak in labels_ if getattr(t, "voorrang", None) == druk.VOORRANG_PLAATS]
    namen = {t.get_text() for t, _ in plaatsen}
    assert {"Rijssen", "Nijverdal", "Vriezenveen"} <= namen
    assert not namen & set(druk.gemeente_namen())  # a municipality's label names its town
    for (a, vak_a), (b, vak_b) in itertools.combinations(labels_, 2):
        assert not vak_a.overlaps(vak_b), (a.get_text(), b.get_text())
    # built-up areas in the basemap's grey beneath the thematic layers
    vlakken = [c for c in fig.axes[0].collections
               if any(mcolors.to_hex(k) == ondergrond.KLEUR_BEBOUWING for k in c.get_facecolors())]  # fmt: skip
    assert vlakken and all(c.get_zorder() < lagen.laag("natura2000").volgorde for c in vlakken)
    bron = " ".join(t.get_text() for t in fig.texts)
    assert "Ondergrond — Bron: CBS/Kadaster via PDOK (CC BY 4.0)" in bron


def test_print_map_leaves_out_basemap_parts_a_thematic_layer_shows():
    fig = druk.teken_kaart(KaartVraag(gemeente="Hengelo"))
    kleuren = {mcolors.to_hex(c) for coll in fig.axes[0].collections for c in coll.get_edgecolors()}
    assert ondergrond.KLEUR_WATER not in kleuren  # the Vaarwegen layer draws the water, in its legend colour
    assert ondergrond.KLEUR_WEG not in kleuren


def _offline_html() -> str:
    return kaart.dashboard_map("banen", labels.ACHTERGROND_OFFLINE, None).get_root().render()


def test_offline_choice_draws_the_basemap_without_any_tiles():
    assert labels.ACHTERGROND_OFFLINE == "Eenvoudige kaart (offline)"
    assert labels.achtergrond("geen").naam == labels.ACHTERGROND_OFFLINE  # old links keep working
    m = kaart.dashboard_map("banen", labels.ACHTERGROND_OFFLINE, None)
    html = m.get_root().render()
    for bestand in ("ondergrond_vlakken", "ondergrond_lijnen"):
        assert re.search(rf"/geo/{bestand}-[0-9a-f]{{12}}\.geojson", html) or "data:application/json" in html
    assert '"ondergrond"' in html and '"ondergrond-namen"' in html  # its panes beneath the layers
    assert "Rijssen" in html and "plaatsnaam" in html
    assert "Ondergrond" in html and "CBS/Kadaster via PDOK (CC BY 4.0)" in html  # attribution
    # no tiles: no tile layer, no {z}/{x}/{y} template, no link to any other host
    assert "tileLayer" not in html and "{z}" not in html
    assert not any(a.tiles and a.tiles.split("{")[0] in html for a in labels.ACHTERGRONDEN)
    assert kaart.assets.remote_links(m) == []


def test_basemap_is_beneath_every_layer_and_only_with_the_offline_choice():
    assert kaart.Z_ONDERGROND < kaart.PANE_BASIS and kaart.Z_ONDERGROND > 200  # above the tiles' pane
    assert kaart.Z_PLAATSNAMEN < 600  # below markers and the municipalities' names
    online = kaart.dashboard_map("banen", labels.ACHTERGROND_STANDAARD, None).get_root().render()
    assert "ondergrond_vlakken" not in online and "plaatsnaam" not in online
    data = kaart.ondergrond_data("ondergrond_vlakken")
    assert {tuple(f["properties"]) for f in data["features"]} == {("soort",)}  # nothing else reaches the browser
    assert len(json.dumps(data, separators=(",", ":"))) < 120_000


def test_place_names_on_the_offline_map_skip_municipality_names():
    namen = {naam for naam, _lat, _lon in kaart.plaatsnamen()}
    assert "Glanerbrug" in namen and "Enschede" not in namen
    punten = [shapely.Point(lon, lat) for _n, lat, lon in kaart.plaatsnamen()]
    assert all(6.0 < p.x < 7.3 and 52.0 < p.y < 52.6 for p in punten)
