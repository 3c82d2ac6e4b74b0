"""Bytes + file name → a raw GeoDataFrame (CRS as found, maybe none) — one reader per format.

GeoPackage, GeoJSON and FlatGeobuf are read from memory; a zipped Shapefile is checked (size, paths) before
anything is extracted, and only its own parts go into a temporary directory that is removed afterwards.
Nothing is written anywhere else.
"""

from __future__ import annotations

import io
import logging
import re
import tempfile
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import geopandas as gpd
import pandas as pd
import pyogrio

from reb_maps.eigen_data import meldingen as m
from reb_maps.eigen_data.meldingen import EigenDataFout, LaagKeuzeNodig
from reb_maps.tekst import zichtbaar

log = logging.getLogger(__name__)

# Column pairs (x, y) that hold coordinates in a table, lower case; the first match wins.
COORDINAAT_PAREN = (
    ("x", "y"), ("x_rd", "y_rd"), ("rd_x", "rd_y"), ("xcoord", "ycoord"), ("x_coord", "y_coord"),
    ("lon", "lat"), ("lng", "lat"), ("longitude", "latitude"), ("lengtegraad", "breedtegraad"),
)  # fmt: skip
_SHP_DELEN = (".shp", ".shx", ".dbf", ".prj", ".cpg")
_LEIDENDE_NUL = re.compile(r"^0\d")


@dataclass
class Ruw:
    frame: gpd.GeoDataFrame  # CRS as in the file; None when the file has none
    formaat: str
    laag: str | None = None
    notes: list[str] = field(default_factory=list)
    geen_prj: bool = False


def extensie(bestandsnaam: str) -> str:
    return Path(str(bestandsnaam)).suffix.lower()


def formaat(bestandsnaam: str) -> str:
    ext = extensie(bestandsnaam)
    if ext == ".shp":
        raise EigenDataFout(m.LOSSE_SHP)
    if ext not in m.FORMATEN:
        raise EigenDataFout(m.EXTENSIE.format(ext=zichtbaar(ext) if ext else "(geen extensie)"))
    return m.FORMATEN[ext]


def lagen(data: bytes, bestandsnaam: str) -> list[str]:
    """The layers a user can choose from (GeoPackage layers, Shapefiles in a zip, Excel sheets); else []."""
    soort = formaat(bestandsnaam)
    if soort == "GeoPackage":
        return _gpkg_lagen(data)
    if soort == "Shapefile (zip)":
        with _open_zip(data) as archief:
            return sorted(_shapefiles(archief))
    if soort == "Excel":
        return _excel_bladen(data)
    return []


def lees_ruw(data: bytes, bestandsnaam: str, laag: str | None = None) -> Ruw:
    soort = formaat(bestandsnaam)
    if not data:
        raise EigenDataFout(m.LEEG)
    if len(data) > m.MAX_UPLOAD_MB * 1024 * 1024:
        raise EigenDataFout(m.TE_GROOT.format(mb=m.MAX_UPLOAD_MB))
    if soort == "Shapefile (zip)":
        return _lees_zip(data, laag)
    if soort in ("CSV", "Excel"):
        return _lees_tabel(data, soort, laag)
    gekozen = None
    if soort == "GeoPackage":
        gekozen = _kies(_gpkg_lagen(data), laag)
    return Ruw(_ogr(io.BytesIO(data), soort, layer=gekozen), soort, gekozen)


def _kies(beschikbaar: list[str], laag: str | None) -> str | None:
    if laag is not None:
        if laag not in beschikbaar:
            raise EigenDataFout(
                m.ONBEKENDE_LAAG.format(laag=zichtbaar(laag), lagen=", ".join(map(zichtbaar, beschikbaar)) or "geen")
            )
        return laag
    if len(beschikbaar) > 1:
        raise LaagKeuzeNodig(beschikbaar)
    return beschikbaar[0] if beschikbaar else None


def _ogr(bron, soort: str, **kwargs) -> gpd.GeoDataFrame:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # "non conformant file extension" of /vsimem/
            return pyogrio.read_dataframe(bron, **kwargs)
    except Exception as fout:  # pyogrio raises several classes for a broken file; all mean the same to a user
        log.info("unreadable %s: %s", soort, fout)
        raise EigenDataFout(m.ONLEESBAAR.format(formaat=soort)) from None


def _gpkg_lagen(data: bytes) -> list[str]:
    if not data:
        raise EigenDataFout(m.LEEG)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            gevonden = pyogrio.list_layers(io.BytesIO(data))
    except Exception:
        raise EigenDataFout(m.ONLEESBAAR.format(formaat="GeoPackage")) from None
    return [str(naam) for naam, geometrie in gevonden if geometrie is not None]  # skip attribute-only tables


# ---------- zipped Shapefile ----------


def _open_zip(data: bytes) -> zipfile.ZipFile:
    """Open and vet a zip from its directory alone: no member is decompressed here."""
    if not data:
        raise EigenDataFout(m.LEEG)
    try:
        archief = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise EigenDataFout(m.GEEN_ZIP) from None
    leden = archief.infolist()
    for info in leden:
        naam = info.filename.replace("\\", "/")
        if naam.startswith("/") or re.match(r"^[A-Za-z]:", naam) or ".." in PurePosixPath(naam).parts:
            raise EigenDataFout(m.ZIP_PAD.format(pad=zichtbaar(info.filename)))
    # Declared sizes bound what zipfile will decompress (it stops at file_size), so this refuses a bomb.
    if len(leden) > m.MAX_ZIP_LEDEN or sum(i.file_size for i in leden) > m.MAX_UITGEPAKT_MB * 1024 * 1024:
        raise EigenDataFout(m.ZIP_BOM.format(mb=m.MAX_UITGEPAKT_MB))
    return archief


def _shapefiles(archief: zipfile.ZipFile) -> dict[str, dict[str, zipfile.ZipInfo]]:
    """Per Shapefile (by its base name) its parts by extension; macOS resource forks left out."""
    per_stam: dict[str, dict[str, zipfile.ZipInfo]] = {}
    for info in archief.infolist():
        pad = PurePosixPath(info.filename.replace("\\", "/"))
        if info.is_dir() or "__MACOSX" in pad.parts or pad.name.startswith("._"):
            continue
        ext = pad.suffix.lower()
        if ext in _SHP_DELEN:
            per_stam.setdefault(str(pad.with_suffix("")), {})[ext] = info
    return {PurePosixPath(stam).name: delen for stam, delen in per_stam.items() if ".shp" in delen}


def _lees_zip(data: bytes, laag: str | None) -> Ruw:
    with _open_zip(data) as archief:
        shapefiles = _shapefiles(archief)
        if not shapefiles:
            raise EigenDataFout(m.ZIP_GEEN_SHP)
        gekozen = _kies(sorted(shapefiles), laag)
        delen = shapefiles[gekozen]
        for nodig in (".shx", ".dbf"):
            if nodig not in delen:
                raise EigenDataFout(m.SHP_ONVOLLEDIG.format(naam=gekozen, ontbreekt=nodig))
        ruw = Ruw(gpd.GeoDataFrame(), "Shapefile (zip)", gekozen)
        with tempfile.TemporaryDirectory(prefix="reb-eigen-data-") as tmp:
            budget = [m.MAX_UITGEPAKT_MB * 1024 * 1024]
            for ext, info in delen.items():  # fixed safe names: the member names never reach the file system
                _pak_uit(archief, info, Path(tmp) / f"laag{ext}", budget)
            kwargs = {}
            if ".cpg" not in delen:
                kwargs["encoding"] = _dbf_codering((Path(tmp) / "laag.dbf").read_bytes())
                if kwargs["encoding"] == "cp1252":
                    ruw.notes.append(m.NOTE_GEEN_CPG)
            ruw.frame = _ogr(str(Path(tmp) / "laag.shp"), "Shapefile", **kwargs)
    if ".prj" not in delen:
        ruw.frame = ruw.frame.set_crs(None, allow_override=True)
        ruw.geen_prj = True
    return ruw


def _pak_uit(archief: zipfile.ZipFile, info: zipfile.ZipInfo, doel: Path, budget: list[int]) -> None:
    """Inflate one member into `doel` block by block, counting the bytes actually produced (a zip's declared
    sizes can lie): over the budget of the whole zip, or over MAX_ZIP_VERHOUDING times its compressed size, it is
    refused at once; a bad CRC or length is refused with its own message."""
    grens = max(info.compress_size, 1) * m.MAX_ZIP_VERHOUDING
    geschreven = 0
    try:
        with archief.open(info) as bron, open(doel, "wb") as uit:
            while blok := bron.read(m.ZIP_BLOK):  # read(n) inflates at most n bytes; read() would inflate it all
                geschreven += len(blok)
                budget[0] -= len(blok)
                if budget[0] < 0 or geschreven > max(grens, m.ZIP_BLOK):
                    raise EigenDataFout(m.ZIP_BOM.format(mb=m.MAX_UITGEPAKT_MB))
                uit.write(blok)
    except (zipfile.BadZipFile, zlib.error, EOFError):
        raise EigenDataFout(m.ZIP_KAPOT.format(naam=zichtbaar(PurePosixPath(info.filename).name))) from None


def _dbf_codering(dbf: bytes) -> str:
    """UTF-8 when the records decode as such, else Windows-1252 (the usual encoding of Dutch Shapefiles)."""
    kop = int.from_bytes(dbf[8:10], "little") if len(dbf) >= 10 else 0
    try:
        dbf[kop:].decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


# ---------- tables with coordinates ----------


def _excel_bladen(data: bytes) -> list[str]:
    try:
        return list(pd.ExcelFile(io.BytesIO(data), engine="openpyxl").sheet_names)
    except Exception:
        raise EigenDataFout(m.ONLEESBAAR.format(formaat="Excel")) from None


def lees_attribuuttabel(data: bytes, bestandsnaam: str, laag: str | None = None) -> tuple[pd.DataFrame, list[str]]:
    """A CSV or Excel file as a plain table (no coordinates needed), with notes on what was assumed."""
    soort = formaat(bestandsnaam)
    if soort not in ("CSV", "Excel"):
        raise EigenDataFout(m.EXTENSIE.format(ext=extensie(bestandsnaam)))
    if not data:
        raise EigenDataFout(m.LEEG)
    if len(data) > m.MAX_UPLOAD_MB * 1024 * 1024:
        raise EigenDataFout(m.TE_GROOT.format(mb=m.MAX_UPLOAD_MB))
    notes: list[str] = []
    return _tabel(data, soort, laag, notes), notes


def _tabel(data: bytes, soort: str, laag: str | None, notes: list[str]) -> pd.DataFrame:
    if soort != "Excel":
        return _lees_csv(data, notes)
    blad = _kies(_excel_bladen(data), laag) if laag else 0
    try:
        tabel = pd.read_excel(io.BytesIO(data), sheet_name=blad, engine="openpyxl")
    except Exception:
        raise EigenDataFout(m.ONLEESBAAR.format(formaat="Excel")) from None
    tabel.columns = [str(c) for c in tabel.columns]
    return tabel


def _lees_tabel(data: bytes, soort: str, laag: str | None) -> Ruw:
    notes: list[str] = []
    tabel = _tabel(data, soort, laag, notes)
    x, y = _coordinaat_kolommen(tabel)
    xs, ys = (pd.to_numeric(_punt_decimaal(tabel[k]), errors="coerce") for k in (x, y))
    if xs.notna().sum() == 0 or ys.notna().sum() == 0:
        raise EigenDataFout(m.COORDINATEN_ONGELDIG.format(x=x, y=y))
    geometrie = gpd.points_from_xy(xs, ys)
    geometrie[(xs.isna() | ys.isna()).to_numpy()] = None  # counted as "zonder geometrie" later
    frame = gpd.GeoDataFrame(tabel.drop(columns=[x, y]), geometry=geometrie, crs=None)
    return Ruw(frame, soort, str(laag) if laag and soort == "Excel" else None, notes)  # _tabel checked it


def _lees_csv(data: bytes, notes: list[str]) -> pd.DataFrame:
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        tekst = data.decode("cp1252", errors="replace")
        notes.append(m.NOTE_CP1252)
    eerste = tekst.split("\n", 1)[0]
    scheiding = max((";", ",", "\t"), key=eerste.count)
    try:
        tabel = pd.read_csv(io.StringIO(tekst), sep=scheiding, dtype=str, skipinitialspace=True)
    except Exception:
        raise EigenDataFout(m.ONLEESBAAR.format(formaat="CSV")) from None
    tabel.columns = [str(c).strip() for c in tabel.columns]
    komma = False
    for kolom in tabel.columns:
        waarden = tabel[kolom].dropna()
        if waarden.empty or waarden.str.match(_LEIDENDE_NUL).any():  # codes such as '0153' stay text
            continue
        getallen = pd.to_numeric(_punt_decimaal(tabel[kolom]) if scheiding != "," else tabel[kolom], errors="coerce")
        if getallen.notna().sum() == len(waarden):
            komma |= bool(waarden.str.contains(",", regex=False).any())
            tabel[kolom] = getallen
    if komma:
        notes.append(m.NOTE_DECIMAALKOMMA)
    return tabel


def _punt_decimaal(waarden: pd.Series) -> pd.Series:
    if pd.api.types.is_numeric_dtype(waarden):
        return waarden
    return waarden.astype(str).str.strip().str.replace(",", ".", regex=False)


def _coordinaat_kolommen(tabel: pd.DataFrame) -> tuple[str, str]:
    namen = {str(k).strip().lower(): k for k in tabel.columns}
    for x, y in COORDINAAT_PAREN:
        if x in namen and y in namen:
            return namen[x], namen[y]
    raise EigenDataFout(m.GEEN_COORDINATEN.format(kolommen=", ".join(map(str, tabel.columns)) or "geen"))
