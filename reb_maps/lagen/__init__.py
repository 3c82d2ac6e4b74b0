"""The layer catalogue (see `catalogus.py`) and look-ups on it."""

from __future__ import annotations

from reb_maps.lagen import catalogus, ondergrond
from reb_maps.lagen.catalogus import STATUS_KLEUREN
from reb_maps.lagen.model import LIJN, PUNT, THEMAS, VLAK, Laag, Stijl

__all__ = ["LIJN", "PUNT", "STATUS_KLEUREN", "THEMAS", "VLAK", "Laag", "Stijl", "alle", "attributie", "herkomst",
           "kaartlagen", "laag",
           "met_factor", "met_masker", "ondergrond", "ondergrond_attributie", "op_thema"]  # fmt: skip


WERKRUIMTE_HERKOMST = {
    "bron": "Werkruimte van het overleg (door gebruikers getekend of bewaard)",
    "licentie": "eigen invoer van de gebruikers",
    "peildatum": "bij elke locatie vermeld",
    "nauwkeurigheid": "zoals getekend; indicatief, geen beleid",
}
PEILDATA_HERKOMST = {
    "bron": "IBIS-jaren die gebruikers in de werkruimte inlazen (bron per jaar in de popup)",
    "licentie": "zoals de leverancier van het IBIS-bestand aangeeft",
    "peildatum": "het gekozen jaar",
    "nauwkeurigheid": "zoals in het ingelezen bestand",
}


def alle() -> tuple[Laag, ...]:
    """Every declared layer (read at call time, so a test can swap the catalogue)."""
    return catalogus.CATALOGUS


def laag(sleutel: str) -> Laag:
    for item in alle():
        if item.sleutel == sleutel:
            return item
    raise KeyError(f"Onbekende kaartlaag '{sleutel}'")


def kaartlagen() -> list[Laag]:
    """The layers a map draws, in drawing order."""
    return sorted((item for item in alle() if item.kaart), key=lambda item: item.volgorde)


def op_thema() -> dict[str, list[Laag]]:
    """Drawn layers grouped by theme, themes in their fixed order, layers in drawing order."""
    groepen: dict[str, list[Laag]] = {}
    for thema in THEMAS:
        leden = [item for item in kaartlagen() if item.thema == thema]
        if leden:
            groepen[thema] = leden
    for item in kaartlagen():  # a theme not in THEMAS still shows, at the end
        groepen.setdefault(item.thema, [])
        if item not in groepen[item.thema]:
            groepen[item.thema].append(item)
    return groepen


def met_masker(masker: str) -> Laag:
    """The layer that feeds one hard constraint of the search-area engine."""
    for item in alle():
        if item.masker == masker:
            return item
    raise KeyError(f"Geen kaartlaag voor masker '{masker}'")


def met_factor(factor: str) -> Laag:
    """The layer that feeds one distance factor of the search-area engine."""
    for item in alle():
        if item.factor == factor:
            return item
    raise KeyError(f"Geen kaartlaag voor factor '{factor}'")


def herkomst(item: Laag) -> dict:
    """Source, licence, date and accuracy of a layer's file (data/geo/lagen.json, written by build_geodata)."""
    from reb_maps.geodata import layer_catalogue

    if item.bron == "werkruimte":  # no file: what users saved
        return dict(WERKRUIMTE_HERKOMST)
    if item.bron == "peildata":
        return dict(PEILDATA_HERKOMST)
    return dict(layer_catalogue().get(f"{item.bestand}.geojson", {}))


def attributie(items=None) -> str:
    """One attribution line for the given layers (default: all drawn layers), each source once, in order."""
    bronnen: list[str] = []
    # The workspace's layer has no file source; its popups name who saved each location.
    for item in items if items is not None else [k for k in kaartlagen() if not k.uit_werkruimte]:
        for deel in str(herkomst(item).get("bron", "")).split("; "):
            deel = deel.removeprefix("Bron: ")
            if deel and deel not in bronnen:
                bronnen.append(deel)
    return "Kaartlagen: " + "; ".join(bronnen) if bronnen else ""


def ondergrond_attributie(bestanden) -> str:
    """The basemap's attribution for the files drawn (e.g. 'Ondergrond — Bron: CBS/Kadaster via PDOK (CC BY 4.0)'),
    each source once; empty when nothing of it was drawn."""
    from reb_maps.geodata import layer_catalogue

    bronnen: list[str] = []
    for bestand in bestanden:
        for deel in str(layer_catalogue().get(f"{bestand}.geojson", {}).get("bron", "")).split("; "):
            if deel and deel not in bronnen:
                bronnen.append(deel)
    return "Ondergrond — " + "; ".join(bronnen) if bronnen else ""
