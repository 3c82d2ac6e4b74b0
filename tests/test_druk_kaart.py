"""The print map: catalogue-styled layers, legend by theme, choropleth classes as on screen, outputs."""

from __future__ import annotations

import dataclasses
import io
import itertools

import matplotlib.colors as mcolors
import pypdf
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib_scalebar.scalebar import ScaleBar
from PIL import Image

from reb_maps import klassen, labels, lagen
from reb_maps.lagen import catalogus
from reb_maps.weergave.druk import kaart
from reb_maps.weergave.druk.kaart import KaartVraag


def _teksten(fig) -> list[str]:
    uit = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        uit += [t.get_text() for t in ax.texts]
        legend = ax.get_legend()
        if legend:
            uit += [t.get_text().replace("\n", " ") for t in legend.get_texts()]
    return uit


@pytest.fixture(scope="module")
def twente_banen():
    return kaart.teken_kaart(KaartVraag(indicator="hard_aanbod"))


def test_legend_groups_every_drawn_layer_by_theme(twente_banen):
    teksten = _teksten(twente_banen)
    for item in lagen.kaartlagen():
        if item.zichtbaar and item.sleutel != "gemeenten" and not item.uit_werkruimte:  # a meeting's, not print
            verwacht = [regel[0] for regel in item.legenda] or [item.label]
            for tekst in verwacht:
                assert tekst in teksten, tekst
    koppen = [t for t in lagen.THEMAS if t in teksten]
    assert koppen[:3] == [lagen.model.THEMA_GEMEENTEN, lagen.model.THEMA_WERKLOCATIES,
                          lagen.model.THEMA_BEREIKBAARHEID]  # fmt: skip
    assert "Buurgemeenten" in teksten  # drawn faded, though the screen map leaves it out


def test_choropleth_uses_the_screen_classes_and_names_the_method(twente_banen):
    ind = labels.indicator("hard_aanbod")
    kl = klassen.klassen(kaart.indicator_waarden("hard_aanbod"), ind.eenheid, ind.schaal)
    teksten = _teksten(twente_banen)
    for tekst in kl.labels:
        assert tekst in teksten
    assert klassen.LABEL_ONBEKEND in teksten  # Losser and Tubbergen
    assert any(klassen.METHODE in t for t in teksten)
    faces = {mcolors.to_hex(c) for coll in twente_banen.axes[0].collections for c in coll.get_facecolors()}
    assert mcolors.to_hex(klassen.KLEUR_ONBEKEND) in faces
    assert mcolors.to_hex(kl.kleur(16.58)) in faces  # Almelo's class colour


def test_municipality_names_and_schematic_labels(twente_banen):
    teksten = _teksten(twente_banen)
    zichtbaar = {t.get_text() for t in twente_banen.axes[0].texts if t.get_visible()}
    for naam in kaart.gemeente_namen():
        assert naam in zichtbaar  # the collision pass keeps every municipality's name on the Twente map
    assert any(t.endswith("(schematisch)") for t in teksten)
    dashed = [
        ls for coll in twente_banen.axes[0].collections for ls in coll.get_linestyles() if ls[1] is not None
    ]
    assert dashed, "schematic roads and rail are drawn dashed"


def test_attribution_and_title(twente_banen):
    teksten = _teksten(twente_banen)
    assert any(lagen.attributie([lagen.laag("gemeenten")]).removeprefix("Kaartlagen: ") in t for t in teksten)
    assert any(t.startswith("Kaartlagen:") and "OpenStreetMap" in t for t in teksten)
    assert "Twente: hard aanbod per 1-1-2023 en werklocaties" in teksten


def test_plans_keep_their_status_colours():
    fig = kaart.teken_kaart(KaartVraag())
    edges = {mcolors.to_hex(c) for coll in fig.axes[0].collections for c in coll.get_edgecolors()}
    for status, kleur in lagen.STATUS_KLEUREN.items():
        if status != "bestaand":
            assert kleur.lower() in edges, status


def test_zoom_to_a_municipality():
    fig = kaart.teken_kaart(KaartVraag(gemeente="Almelo"))
    ax = fig.axes[0]
    minx, miny, maxx, maxy = kaart.gemeenten_rd().set_index("gemeente").geometry["Almelo"].bounds
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    assert x0 < minx and x1 > maxx and y0 < miny and y1 > maxy
    assert (x1 - x0) < 3 * (maxx - minx)  # zoomed in (a margin of 20 % for the neighbours' names), not all Twente
    assert "Bedrijvenpark Twente" in _teksten(fig)  # a Tabel 3 park named at this zoom


def test_a_layer_added_to_the_catalogue_is_drawn_and_in_the_legend(monkeypatch):
    extra = dataclasses.replace(lagen.laag("stations"), sleutel="testlaag", label="Testlaag uit de catalogus",
                                thema="Proef", volgorde=99)  # fmt: skip
    monkeypatch.setattr(catalogus, "CATALOGUS", (*catalogus.CATALOGUS, extra))
    kaart.laag_frame.cache_clear()
    try:
        fig = kaart.teken_kaart(KaartVraag())
        assert "Testlaag uit de catalogus" in _teksten(fig)
        assert "Proef" in _teksten(fig)
    finally:
        kaart.laag_frame.cache_clear()


def test_outputs_png_200_dpi_svg_and_pdf_vector():
    vraag = KaartVraag(gemeente="Hengelo", indicator="banen", natuur=True)
    png = kaart.kaart_bytes(vraag, "png")
    beeld = Image.open(io.BytesIO(png))
    assert round(beeld.info["dpi"][0]) >= 200
    svg = kaart.kaart_bytes(vraag, "svg")
    assert b"<svg" in svg and b"<path" in svg and b"<image" not in svg
    pdf = pypdf.PdfReader(io.BytesIO(kaart.kaart_bytes(vraag, "pdf")))
    xobjects = pdf.pages[0]["/Resources"].get("/XObject", {})
    assert not any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values())
    assert pdf.metadata.title.startswith("Hengelo")
    with pytest.raises(ValueError, match="kaartformaat"):
        kaart.kaart_bytes(vraag, "gif")


def test_file_name():
    assert kaart.bestandsnaam(KaartVraag("Hof van Twente", "banen"), "pdf") == \
        "kaart-werklocaties-hof-van-twente-banen.pdf"  # fmt: skip
    assert kaart.bestandsnaam(KaartVraag(), "png") == "kaart-werklocaties-twente.png"


def _getekende_schaalbalk(fig):
    """The box the scale bar really occupies, as it reports after drawing (its get_window_extent is empty)."""
    schaal = next(a for a in fig.axes[0].artists if isinstance(a, ScaleBar))
    fig.canvas.draw()
    return schaal.info.window_extent


@pytest.mark.parametrize(
    "vraag",
    [KaartVraag(gemeente="Hengelo", indicator="banen"), KaartVraag(gemeente="Oldenzaal"),
     KaartVraag(gemeente="Losser"), KaartVraag(indicator="hard_aanbod"),
     KaartVraag(gemeente="Almelo", breedte_cm=14, hoogte_cm=9.4, legenda_deel=0.31)],  # a slide's small sheet
    ids=["hengelo", "oldenzaal", "losser", "twente", "almelo-dia"],
)  # fmt: skip
def test_labels_never_touch_each_other_the_north_arrow_the_scale_bar_or_the_frame(vraag):
    fig = kaart.teken_kaart(vraag)
    ax = fig.axes[0]
    canvas = FigureCanvasAgg(fig)
    canvas.draw()  # the north arrow's frame and arrow have their place only once drawn
    renderer = canvas.get_renderer()
    kader = ax.get_window_extent(renderer)
    pijl = next(t for t in ax.texts if t.get_text() == "N")
    schaal = _getekende_schaalbalk(fig)
    assert schaal.width > 20 and schaal.height > 5  # the bar really drawn, not an empty box
    noord = pijl.get_bbox_patch().get_window_extent(renderer)
    assert noord.width > 10 and noord.y0 > kader.y0 + kader.height / 2  # the arrow's frame really measured
    vrij = [noord, pijl.arrow_patch.get_window_extent(renderer), schaal]
    # the legend ends above the source lines under the map, however small the sheet
    legenda = fig.axes[1].get_legend().get_window_extent(renderer)
    assert legenda.y0 >= fig.axes[1].get_window_extent(renderer).y0 - 1
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    # drawn: visible, with text, and anchored inside the frame (matplotlib skips an annotation whose point is not)
    labels_ = [t for t in ax.texts if t is not pijl and t.get_visible() and t.get_text()
               and x0 <= t.xy[0] <= x1 and y0 <= t.xy[1] <= y1]  # fmt: skip
    assert len(labels_) >= 3
    vakken = [(t.get_text(), t.get_window_extent(renderer)) for t in labels_]
    for naam, vak in vakken:
        assert kader.x0 <= vak.x0 and vak.x1 <= kader.x1 and kader.y0 <= vak.y0 and vak.y1 <= kader.y1, naam
        assert not any(vak.overlaps(v) for v in vrij), naam
    for (a, vak_a), (b, vak_b) in itertools.combinations(vakken, 2):
        assert not vak_a.overlaps(vak_b), (a, b)
    if vraag.gemeente:
        assert vraag.gemeente in {naam for naam, _ in vakken}  # the chosen municipality is always named


def test_neighbours_keep_the_legend_colours_and_the_selection_has_a_halo():
    fig = kaart.teken_kaart(KaartVraag(gemeente="Hengelo", indicator="banen"))
    ind = labels.indicator("banen")
    kl = klassen.klassen(kaart.indicator_waarden("banen"), ind.eenheid, ind.schaal)
    legenda = {mcolors.to_hex(k) for k in kl.kleuren}
    vlakken = [c for coll in fig.axes[0].collections for c in coll.get_facecolors() if mcolors.to_hex(c) in legenda]
    assert len(vlakken) >= 14 and all(c[3] == 1 for c in vlakken)  # every municipality, none faded
    selectie = [coll for coll in fig.axes[0].collections if coll.get_path_effects()]
    assert selectie and mcolors.to_hex(selectie[0].get_edgecolor()[0]) == kaart.KLEUR_SELECTIE
    assert "Hengelo (gekozen)" in _teksten(fig)
