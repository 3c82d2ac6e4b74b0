"""Every Dutch message of `reb_maps.eigen_data`, defined once: the engine raises them, pages and tests import them.

A refusal is one `EigenDataFout` whose text is the whole message a user sees; notes are plain sentences.
"""

from __future__ import annotations

MAX_UPLOAD_MB = 200  # keep equal to server.maxUploadSize in .streamlit/config.toml
MAX_UITGEPAKT_MB = 1_000  # all members of a zip together, before anything is extracted
MAX_ZIP_LEDEN = 2_000
MAX_ZIP_VERHOUDING = 200  # inflated ÷ compressed per member: real Shapefiles stay far below, a zip bomb far above
ZIP_BLOK = 1024 * 1024  # members are inflated in blocks of this size, never whole in memory
MAX_WEERGAVE_BYTES = 2_000_000  # one uploaded layer's GeoJSON payload in the browser

FORMATEN = {
    ".gpkg": "GeoPackage",
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".zip": "Shapefile (zip)",
    ".fgb": "FlatGeobuf",
    ".csv": "CSV",
    ".txt": "CSV",
    ".xlsx": "Excel",
}


class EigenDataFout(ValueError):
    """A file the app refuses; str(fout) is the one Dutch message for the user."""


class LaagKeuzeNodig(EigenDataFout):
    """A GeoPackage (or zip, or workbook) with several layers and none chosen; `lagen` lists them."""

    def __init__(self, lagen: list[str]):
        self.lagen = lagen
        super().__init__(f"Dit bestand heeft {len(lagen)} lagen ({', '.join(lagen)}). Kies er één (--laag NAAM).")


LEEG = "Het bestand is leeg (0 bytes)."
TE_GROOT = "Het bestand is groter dan {mb} MB; dat is de grens voor uploads."
EXTENSIE = (
    "Bestandstype '{ext}' wordt niet ondersteund. Gebruik: GeoPackage, GeoJSON, Shapefile (zip), FlatGeobuf, "
    "CSV of Excel."
)
LOSSE_SHP = "Een Shapefile bestaat uit meerdere bestanden: zip .shp, .shx, .dbf en .prj samen en upload de zip."
GEEN_ZIP = "Het bestand is geen geldige zip."
ZIP_PAD = "De zip bevat een onveilig pad ('{pad}'); zo'n zip wordt niet uitgepakt."
ZIP_BOM = "De zip is uitgepakt groter dan {mb} MB (of bevat te veel bestanden); zo'n zip wordt niet uitgepakt."
ZIP_GEEN_SHP = "De zip bevat geen .shp-bestand."
ZIP_KAPOT = (
    "De zip is beschadigd: '{naam}' klopt niet met zijn controlegetal of lengte (CRC). Pak de zip opnieuw in of "
    "vraag de leverancier om een nieuw bestand."
)
SHP_ONVOLLEDIG = "De Shapefile '{naam}' mist het bestand {ontbreekt}."
ONBEKENDE_LAAG = "Laag '{laag}' bestaat niet in dit bestand. Lagen: {lagen}."
ONLEESBAAR = "Het bestand kon niet gelezen worden als {formaat}. Is het beschadigd of van een ander type?"
GEEN_OBJECTEN = "Het bestand bevat geen objecten met een geometrie."
GEEN_COORDINATEN = (
    "Geen coördinaatkolommen gevonden. Gebruik x en y (RD New) of lat en lon (WGS84). Gevonden kolommen: {kolommen}."
)
COORDINATEN_ONGELDIG = "De coördinaatkolommen '{x}' en '{y}' bevatten geen getallen."
CRS_ONBEKEND = (
    "Het coördinatenstelsel is niet herkend: de coördinaten liggen tussen {grenzen}; dat past niet bij "
    "RD New (EPSG:28992) of WGS84 (EPSG:4326)."
)
CRS_ONGELDIG = "Het coördinatenstelsel van het bestand ({crs}) kan niet worden omgerekend."
BUITEN_NL = "De gegevens liggen buiten Nederland: gevonden grenzen {grenzen} (lengte/breedte in graden, WGS84)."

NOTE_CRS_AANGENOMEN = (
    "Geen coördinatenstelsel in het bestand: {crs} aangenomen op grond van het bereik van de coördinaten."
)
NOTE_GEEN_PRJ = "De Shapefile heeft geen .prj: het stelsel is afgeleid uit het bereik van de coördinaten."
NOTE_VERWISSELD = "Lengte- en breedtegraad stonden verwisseld; ze zijn omgedraaid."
NOTE_GEREPAREERD = "{n} ongeldige vlakken hersteld (make_valid)."
NOTE_VERWIJDERD = "{n} objecten zonder geometrie weggelaten."
NOTE_PLAT = "{n} objecten hadden hoogte- of M-waarden; die zijn weggelaten (2D)."
NOTE_GEMENGD = "Gemengde geometrieën: gesplitst in {delen}."
NOTE_VEREENVOUDIGD = "Voor de kaart vereenvoudigd (tolerantie {m} m); de analyse gebruikt de volledige geometrie."
NOTE_STEEKPROEF = "De kaart toont {getoond} van de {totaal} objecten (gelijkmatig gekozen); de analyse gebruikt alle."
NOTE_CP1252 = "Tekst gelezen als Windows-1252 (geen UTF-8)."
NOTE_GEEN_CPG = "De Shapefile heeft geen .cpg: tekst gelezen als Windows-1252."
NOTE_DECIMAALKOMMA = "Getallen met een decimale komma omgezet."
