"""Excel in and out for the programming: the template, an all-or-nothing import, and the export.

The template has exactly the columns `Gemeente, Naam, Segment, Netto ha, Hard/zacht, Fase, Status, Toelichting`,
drop-down lists for the closed lists, and an instruction sheet. An import accepts those headers in any case,
Dutch decimal commas and dots and 'Hengelo (O.)'; one invalid row refuses the whole file, and every problem is
listed as the row number the spreadsheet shows (the header is row 1), the column and a Dutch reason.
Exports never write a cell a spreadsheet would run: text starting with = + - @ is stored as text.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from python_calamine import CalamineError, CalamineWorkbook

from reb_maps.cellen import veilige_cel
from reb_maps.data import GEMEENTEN
from reb_maps.programmering import regels as rg
from reb_maps.programmering.regels import KOLOMMEN, Regel

MAX_RIJEN = 10_000
MAX_BYTES = 10 * 1024 * 1024
BLAD = "Programmering"
LOCATIE = "Locatie (id)"  # an optional column of the page's table (not in the template)
KOP_VULLING = PatternFill("solid", fgColor="DDE6F0")


@dataclass(frozen=True)
class Fout:
    rij: int  # as the spreadsheet shows it: the header is row 1
    kolom: str
    melding: str

    def to_dict(self) -> dict[str, Any]:
        return {"rij": self.rij, "kolom": self.kolom, "melding": self.melding}


@dataclass
class Import:
    regels: list[Regel] = field(default_factory=list)
    fouten: list[Fout] = field(default_factory=list)

    @property
    def geldig(self) -> bool:
        return not self.fouten

    def to_dict(self) -> dict[str, Any]:
        if self.fouten:
            return {"geldig": False, "fouten": [f.to_dict() for f in self.fouten]}
        return {"geldig": True, "regels": len(self.regels)}


class ImportGeweigerd(ValueError):
    """The file as a whole cannot be read (not an xlsx, too large, no such sheet or headers)."""


# ---------- template ----------


def sjabloon() -> bytes:
    boek = Workbook()
    blad = boek.active
    blad.title = BLAD
    blad.append(list(KOLOMMEN))
    for cel in blad[1]:
        cel.font = Font(bold=True)
        cel.fill = KOP_VULLING
    breedtes = (16, 36, 22, 10, 11, 11, 26, 50)
    for i, breedte in enumerate(breedtes, 1):
        blad.column_dimensions[get_column_letter(i)].width = breedte
    blad.freeze_panes = "A2"
    lijsten = boek.create_sheet("Lijsten")
    for kolom, (titel, waarden) in enumerate(
        (("Gemeente", GEMEENTEN), ("Segment", rg.SEGMENTEN), ("Hard/zacht", rg.HARDHEDEN), ("Fase", rg.FASEN)), 1
    ):
        lijsten.cell(1, kolom, titel).font = Font(bold=True)
        for rij, waarde in enumerate(waarden, 2):
            lijsten.cell(rij, kolom, waarde)
        letter = get_column_letter(kolom)
        doel = {"Gemeente": "A", "Segment": "C", "Hard/zacht": "E", "Fase": "F"}[titel]
        validatie = DataValidation(
            type="list",
            formula1=f"=Lijsten!${letter}$2:${letter}${len(waarden) + 1}",
            allow_blank=False,
            showErrorMessage=True,
            errorTitle="Kies uit de lijst",
            error=f"Kies een waarde uit de lijst '{titel}'.",
        )
        validatie.add(f"{doel}2:{doel}{MAX_RIJEN + 1}")
        blad.add_data_validation(validatie)
    getal = DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Netto ha",
        error="Netto ha is een getal van 0 of meer.",
    )
    getal.add(f"D2:D{MAX_RIJEN + 1}")
    blad.add_data_validation(getal)
    uitleg = boek.create_sheet("Uitleg", 0)
    for regel in _UITLEG:
        uitleg.append([regel])
    uitleg["A1"].font = Font(bold=True, size=13)
    uitleg.column_dimensions["A"].width = 110
    boek.active = 1
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


_UITLEG = (
    "Programmeringsafspraken bedrijventerreinen Twente 2027–2030 — invulblad",
    "",
    "Vul op het blad 'Programmering' één regel per plan in. Rij 1 bevat de kolomnamen; laat die staan.",
    f"Gemeente: een van de veertien Twentse gemeenten ({', '.join(GEMEENTEN)}); 'Hengelo (O.)' mag ook.",
    "Naam: de naam van het plan of terrein; binnen één gemeente komt elke naam één keer voor.",
    "Segment: " + "; ".join(f"{s} ({u})" for s, u in rg.SEGMENT_UITLEG.items()) + ".",
    "Netto ha: uitgeefbare hectares, 0 of meer; een komma of punt als decimaalteken mag. Leeg = onbekend.",
    "Hard/zacht: hard (planologisch vastgelegd) of zacht (nog niet vastgelegd).",
    "Fase: 2027–2030, 2031–2040 of na 2040. Tot 2040 telt mee tegen de vraag van de REB (Tabel 10).",
    "Status en Toelichting: vrije tekst, bijvoorbeeld 'bestemmingsplan vastgesteld'.",
    "",
    "Bij inlezen wordt het hele bestand geweigerd als één regel niet klopt; u krijgt dan een lijst met rij,",
    "kolom en reden van elk probleem. Formules worden niet ingelezen: vul waarden in.",
    f"Hoogstens {MAX_RIJEN:,} regels en {MAX_BYTES // (1024 * 1024)} MB per bestand.".replace(",", "."),
)


# ---------- import ----------


def lees(bron: bytes | str | Path) -> Import:
    """Read and check a filled-in template; all-or-nothing (`Import.fouten` lists every problem).

    Values come from calamine (fast: 10.000 rows in a fraction of a second); which cells hold a formula is read
    from the sheet's own XML, because a computed value must not pass for a typed one.
    """
    data = Path(bron).read_bytes() if isinstance(bron, str | Path) else bron
    if len(data) > MAX_BYTES:
        raise ImportGeweigerd(f"Het bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB.")
    try:
        boek = CalamineWorkbook.from_filelike(io.BytesIO(data))
        _controleer_zip(data)
    except (zipfile.BadZipFile, CalamineError, ValueError, OSError) as exc:
        raise ImportGeweigerd("Het bestand is geen Excel-werkmap (.xlsx).") from exc
    namen = boek.sheet_names
    blad = BLAD if BLAD in namen else namen[0] if len(namen) == 1 else None
    if blad is None:
        raise ImportGeweigerd(f"De werkmap heeft geen blad '{BLAD}'.")
    rijen = boek.get_sheet_by_name(blad).to_python(skip_empty_area=False)
    if len(rijen) - 1 > MAX_RIJEN:
        raise ImportGeweigerd(f"Het bestand heeft meer dan {MAX_RIJEN:,} regels.".replace(",", "."))
    if not rijen:
        raise ImportGeweigerd("Het blad is leeg: rij 1 moet de kolomnamen bevatten.")
    koppen = [str(c).strip().casefold() for c in rijen[0]]
    plek = {}
    for kolom in KOLOMMEN:
        if kolom.casefold() not in koppen:
            raise ImportGeweigerd(f"Kolom '{kolom}' ontbreekt in rij 1 (verwacht: {', '.join(KOLOMMEN)}).")
        plek[kolom] = koppen.index(kolom.casefold())
    formules = _formulecellen(data, blad)
    uit = Import()
    rijen_met_waarden = []
    for nummer, rij in enumerate(rijen[1:], start=2):
        formule = [k for k, i in plek.items() if (nummer, i) in formules]
        for kolom in formule:
            uit.fouten.append(Fout(nummer, kolom, "een formule wordt niet ingelezen; vul de waarde zelf in"))
        if not formule:
            rijen_met_waarden.append((nummer, {k: (rij[i] if i < len(rij) else None) for k, i in plek.items()}))
    gecontroleerd = controleer(rijen_met_waarden)
    uit.fouten = sorted(uit.fouten + gecontroleerd.fouten, key=lambda f: f.rij)
    uit.regels = [] if uit.fouten else gecontroleerd.regels
    return uit


def controleer(rijen: Iterable[tuple[int, dict[str, Any]]]) -> Import:
    """Rows as (number as the user sees it, {column: value}) → checked rows, or every problem (all-or-nothing).

    One check for both ways in: an Excel file and the page's editable table."""
    uit = Import()
    gezien: dict[tuple[str, str], int] = {}
    for nummer, waarden in rijen:
        if all(v is None or str(v).strip() == "" for v in waarden.values()):
            continue  # an empty row between rows is no error
        regel = _regel(nummer, waarden, uit.fouten)
        if regel is None:
            continue
        sleutel = (regel.gemeente, regel.naam.casefold())
        if sleutel in gezien:
            uit.fouten.append(Fout(nummer, "Naam", f"'{regel.naam}' staat al in rij {gezien[sleutel]} bij "
                                                  f"{regel.gemeente}; elke naam één keer per gemeente"))  # fmt: skip
            continue
        gezien[sleutel] = nummer
        uit.regels.append(regel)
    if uit.fouten:
        uit.regels = []
    return uit


MAX_UITGEPAKT = 200 * 1024 * 1024  # a 10 MB workbook that unpacks to more is no spreadsheet but a zip bomb
_CEL_MET_FORMULE = re.compile(rb"<(?:\w+:)?c r=\"([A-Z]+)(\d+)\"[^>]*>\s*<(?:\w+:)?f[\s>/]")


def _controleer_zip(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        if sum(i.file_size for i in z.infolist()) > MAX_UITGEPAKT:
            raise ValueError("te groot uitgepakt")


def _formulecellen(data: bytes, blad: str) -> set[tuple[int, int]]:
    """(row, 0-based column) of every cell of `blad` that holds a formula, from the workbook's XML."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        werkmap = z.read("xl/workbook.xml").decode("utf-8", "replace")
        relaties = z.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
        rid = next((m.group(2) for m in re.finditer(r'<(?:\w+:)?sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]+)"', werkmap)
                    if html.unescape(m.group(1)) == blad), None)  # fmt: skip
        doel = next((m.group(1) for m in re.finditer(r'<Relationship [^>]*Target="([^"]+)"[^>]*/?>', relaties)
                     if f'Id="{rid}"' in m.group(0)), None)  # fmt: skip
        if doel is None:
            return set()
        pad = doel.lstrip("/") if doel.startswith("/") else f"xl/{doel}"
        with z.open(pad) as f:
            xml = f.read(MAX_UITGEPAKT + 1)
    return {(int(rij), column_index_from_string(kolom.decode()) - 1) for kolom, rij in _CEL_MET_FORMULE.findall(xml)}


def _regel(nummer: int, waarden: dict[str, Any], fouten: list[Fout]) -> Regel | None:
    start = len(fouten)
    gemeente = rg.gemeente(waarden.get("Gemeente"))
    if gemeente is None:
        fouten.append(Fout(nummer, "Gemeente", f"'{_kort(waarden.get('Gemeente'))}' is geen Twentse gemeente"))
    naam = rg.tekst(waarden.get("Naam"), 200)
    if not naam:
        fouten.append(Fout(nummer, "Naam", "de naam is leeg"))
    segment = rg.keuze(waarden.get("Segment"), rg.SEGMENTEN)
    if segment is None:
        fouten.append(
            Fout(
                nummer,
                "Segment",
                f"'{_kort(waarden.get('Segment'))}' is geen segment (kies uit: {', '.join(rg.SEGMENTEN)})",
            )
        )
    try:
        ha = rg.hectares(waarden.get("Netto ha"))
    except (ValueError, TypeError) as exc:
        reden = "negatief" if "negatief" in str(exc) else "geen getal"
        fouten.append(Fout(nummer, "Netto ha", f"'{_kort(waarden.get('Netto ha'))}' is {reden}: vul 0 of meer in"))
        ha = None
    hardheid = rg.keuze(waarden.get("Hard/zacht"), rg.HARDHEDEN)
    if hardheid is None:
        fouten.append(Fout(nummer, "Hard/zacht", f"'{_kort(waarden.get('Hard/zacht'))}' is niet 'hard' of 'zacht'"))
    fase = rg.keuze(waarden.get("Fase"), rg.FASEN)
    if fase is None:
        fouten.append(
            Fout(nummer, "Fase", f"'{_kort(waarden.get('Fase'))}' is geen fase (kies uit: {', '.join(rg.FASEN)})")
        )
    if len(fouten) > start:
        return None
    return Regel(
        gemeente,
        naam,
        segment,
        ha,
        hardheid,
        fase,
        rg.tekst(waarden.get("Status")),
        rg.tekst(waarden.get("Toelichting")),
    )


def _kort(waarde: Any) -> str:
    tekst = "" if waarde is None else str(waarde)
    return tekst if len(tekst) <= 40 else tekst[:37] + "…"


# ---------- export ----------


def werkmap(
    regels: Sequence[Regel], bladen: Iterable[tuple[str, Sequence[str], Iterable[Sequence[Any]]]] = ()
) -> bytes:
    """The rows (sheet 'Programmering', the template's columns) plus any further sheets (title, headers, rows)."""
    boek = Workbook()
    blad = boek.active
    blad.title = BLAD
    _vul(
        blad,
        KOLOMMEN,
        ((r.gemeente, r.naam, r.segment, r.netto_ha, r.hardheid, r.fase, r.status, r.toelichting) for r in regels),
    )
    for titel, koppen, rijen in bladen:
        _vul(boek.create_sheet(titel[:31]), koppen, rijen)
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def _vul(blad, koppen: Sequence[str], rijen: Iterable[Sequence[Any]]) -> None:
    for kolom, kop in enumerate(koppen, 1):
        cel = blad.cell(1, kolom)
        veilige_cel(cel, kop)
        cel.font = Font(bold=True)
        cel.fill = KOP_VULLING
        blad.column_dimensions[get_column_letter(kolom)].width = max(12, min(50, len(str(kop)) + 4))
    for nummer, rij in enumerate(rijen, 2):
        for kolom, waarde in enumerate(rij, 1):
            veilige_cel(blad.cell(nummer, kolom), waarde)
    blad.freeze_panes = "A2"
