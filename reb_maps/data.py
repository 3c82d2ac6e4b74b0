"""The report's tables: load, validate and cache them once per process.

Each table is `data/tabellen/<naam>.csv` plus `<naam>.json` (see data/tabellen/README.md).
`python -m reb_maps.data --list` lists the tables, `python -m reb_maps.data NAAM` prints one as CSV.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import pandas as pd

from reb_maps.cellen import csv_tekst
from reb_maps.fouten import DataFout

# REB_DATA_DIR points the app (and the tests with corrupted copies) at another data folder.
DATA_DIR = Path(os.environ.get("REB_DATA_DIR") or Path(__file__).resolve().parent.parent / "data")
TABLE_DIR = DATA_DIR / "tabellen"

# The 14 municipalities of Twente as the REB report spells them, with their CBS codes (CBS Gebiedsindelingen 2026,
# where Hengelo is "Hengelo (O.)"): the one list the code knows. Tables marked `alle_gemeenten` are checked against
# it, and their `cbs_code` column too where they have one.
GEMEENTE_CODES = {
    "GM0141": "Almelo", "GM0147": "Borne", "GM1774": "Dinkelland", "GM0153": "Enschede", "GM0158": "Haaksbergen",
    "GM0163": "Hellendoorn", "GM0164": "Hengelo", "GM1735": "Hof van Twente", "GM0168": "Losser",
    "GM0173": "Oldenzaal", "GM1742": "Rijssen-Holten", "GM0183": "Tubbergen", "GM1700": "Twenterand",
    "GM0189": "Wierden",
}  # fmt: skip
GEMEENTEN = tuple(sorted(GEMEENTE_CODES.values()))  # alphabetical, as the report's tables list them

_DTYPES = {"int": "Int64", "float": "Float64", "str": "string", "bool": "boolean"}
_ROW_PROVENANCE = ("bron", "verwijzing")


def table_names() -> list[str]:
    return sorted(p.stem for p in TABLE_DIR.glob("*.json") if p.with_suffix(".csv").exists())


@functools.cache
def table_meta(naam: str) -> dict:
    path = TABLE_DIR / f"{naam}.json"
    if not path.exists():
        raise DataFout(f"Onbekende tabel '{naam}'. Beschikbaar: {', '.join(table_names())}")
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataFout(f"{path.name}: geen geldige JSON ({exc})") from exc
    for key in ("titel", "kolommen"):
        if key not in meta:
            raise DataFout(f"{path.name}: sleutel '{key}' ontbreekt")
    return meta


@functools.cache
def _load_validated(naam: str) -> pd.DataFrame:
    meta = table_meta(naam)
    path = TABLE_DIR / f"{naam}.csv"
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise DataFout(f"{path.name}: bestand ontbreekt") from None
    except UnicodeDecodeError:
        raise DataFout(f"{path.name}: geen UTF-8-tekst") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        reden = str(exc).strip().splitlines()[-1] if str(exc).strip() else "leeg bestand"
        raise DataFout(f"{path.name}: geen geldige CSV ({reden})") from None
    columns = meta["kolommen"]
    if list(raw.columns) != list(columns):
        raise DataFout(f"{path.name}: kolommen {list(raw.columns)} wijken af van {naam}.json {list(columns)}")
    frame = pd.DataFrame(index=raw.index)
    for col, spec in columns.items():
        frame[col] = _convert_column(path.name, raw[col], col, spec)
    _check_provenance(path.name, meta, frame)
    _check_keys(path.name, meta, frame)
    _check_gemeenten(path.name, meta, frame)
    _check_totals(path.name, meta, frame)
    frame.attrs["naam"] = naam
    return frame


def load_table(naam: str) -> pd.DataFrame:
    """The validated table; a copy, so callers cannot change the cached one."""
    return _load_validated(naam).copy()


def _convert_column(fname: str, values: pd.Series, col: str, spec: dict) -> pd.Series:
    kind = spec.get("type")
    if kind not in _DTYPES:
        raise DataFout(f"{fname}: kolom '{col}' heeft onbekend type {kind!r}")
    required = spec.get("verplicht", True)
    if not required and not spec.get("leeg"):
        raise DataFout(f"{fname}: kolom '{col}' mag leeg zijn maar zegt niet wat leeg betekent ('leeg')")
    empty = values.str.strip() == ""
    if required and empty.any():
        row = int(empty.idxmax()) + 2  # header is line 1
        raise DataFout(f"{fname}, regel {row}, kolom '{col}': waarde ontbreekt")
    if kind == "str":
        converted = values.where(~empty, None).astype("string")
    elif kind == "bool":
        mapping = {"true": True, "false": False, "ja": True, "nee": False, "1": True, "0": False}
        lowered = values.str.strip().str.lower()
        bad = ~empty & ~lowered.isin(list(mapping))
        _raise_first(fname, bad, col, values, "geen ja/nee-waarde")
        converted = lowered.map(mapping).where(~empty, None).astype("boolean")
    else:
        numeric = pd.to_numeric(values.where(~empty, None), errors="coerce")
        bad = ~empty & numeric.isna()
        _raise_first(fname, bad, col, values, "geen getal")
        if kind == "int":
            fractional = numeric.notna() & (numeric % 1 != 0)
            _raise_first(fname, fractional, col, values, "geen geheel getal")
        converted = numeric.astype(_DTYPES[kind])
        for bound, fails in (("min", lambda v, b: v < b), ("max", lambda v, b: v > b)):
            if bound in spec:
                outside = fails(converted, spec[bound]).fillna(False)
                _raise_first(fname, outside, col, values, f"buiten bereik ({bound} {spec[bound]})")
    if "waarden" in spec:
        allowed = {str(v) for v in spec["waarden"]}
        bad = ~empty & ~values.isin(allowed)
        _raise_first(fname, bad, col, values, f"niet een van {sorted(allowed)}")
    return converted


def _raise_first(fname: str, mask: pd.Series, col: str, values: pd.Series, why: str) -> None:
    if mask.any():
        idx = mask.idxmax()
        raise DataFout(f"{fname}, regel {int(idx) + 2}, kolom '{col}': {values[idx]!r} is {why}")


def _check_provenance(fname: str, meta: dict, frame: pd.DataFrame) -> None:
    """Every value must trace to a source and a place in the report (table, column or row level)."""
    for key in _ROW_PROVENANCE:
        # a source the report does not give counts when a sentence says so (`bron_ontbreekt`)
        gegeven = (key, "bron_ontbreekt") if key == "bron" else (key,)
        if any(meta.get(k) for k in gegeven):
            continue
        if all(any(spec.get(k) for k in gegeven) for spec in meta["kolommen"].values()):
            continue
        if key in frame.columns and frame[key].notna().all():
            continue
        raise DataFout(f"{fname}: '{key}' ontbreekt (op tabel-, kolom- of rijniveau)")


def _check_keys(fname: str, meta: dict, frame: pd.DataFrame) -> None:
    keys = meta.get("sleutel") or []
    missing = [k for k in keys if k not in frame.columns]
    if missing:
        raise DataFout(f"{fname}: sleutelkolom(men) {missing} bestaan niet")
    if keys:
        dup = frame.duplicated(subset=keys, keep=False)
        if dup.any():
            row = int(dup.idxmax()) + 2
            raise DataFout(f"{fname}, regel {row}: sleutel {keys} is niet uniek")


def _check_gemeenten(fname: str, meta: dict, frame: pd.DataFrame) -> None:
    """Tables marked `"alle_gemeenten": true` hold exactly one row per Twente municipality."""
    if not meta.get("alle_gemeenten"):
        return
    found = list(frame["gemeente"])
    unknown = sorted(set(found) - set(GEMEENTEN))
    missing = sorted(set(GEMEENTEN) - set(found))
    if unknown or missing or len(found) != len(GEMEENTEN):
        raise DataFout(
            f"{fname}, kolom 'gemeente': verwacht precies de 14 Twentse gemeenten; "
            f"onbekend {unknown}, ontbrekend {missing}, {len(found)} rijen"
        )
    if "cbs_code" in frame.columns:
        fout = sorted(
            f"{naam} {code}" for naam, code in zip(frame["gemeente"], frame["cbs_code"], strict=True)
            if GEMEENTE_CODES.get(str(code)) != naam
        )  # fmt: skip
        if fout:
            raise DataFout(f"{fname}, kolom 'cbs_code': hoort niet bij de gemeente: {', '.join(fout)}")


def _check_totals(fname: str, meta: dict, frame: pd.DataFrame) -> None:
    for col, total in (meta.get("totalen") or {}).items():
        if col not in frame.columns:
            raise DataFout(f"{fname}: totaal voor onbekende kolom '{col}'")
        summed = float(frame[col].sum())
        if abs(summed - float(total["waarde"])) > float(total.get("tolerantie", 0)):
            raise DataFout(
                f"{fname}, kolom '{col}': som {summed:g} wijkt meer dan {total.get('tolerantie', 0)} af "
                f"van het totaal in het rapport ({total['waarde']:g})"
            )


def bron_tekst(naam: str, kolom: str | None = None) -> str:
    """The source of a table or one of its columns without the word 'Bron:': "<original source>; <where in the
    report>", or, where the report names no source for the table, "<where in the report>. <A sentence saying so.>"."""
    meta = table_meta(naam)
    spec = meta["kolommen"].get(kolom, {}) if kolom else {}
    ref = spec.get("verwijzing") or meta.get("verwijzing") or "REB Twente 2040"
    for niveau in (spec, meta):  # the column's own word first, then the table's
        if niveau.get("bron"):
            return f"{niveau['bron']}; {ref}"
        if niveau.get("bron_ontbreekt"):
            return f"{ref}. {niveau['bron_ontbreekt']}"
    return f"zie per rij; {ref}"


def source_of(naam: str, kolom: str | None = None) -> str:
    """'Bron: …' line for a table or one of its columns, for captions under charts."""
    return f"Bron: {bron_tekst(naam, kolom)}"


def bronnen_regel(*delen: str) -> str:
    """One 'Bron: …' line for several sources (each with or without its own 'Bron: '), without repeats."""
    kaal = dict.fromkeys(deel.removeprefix("Bron: ").strip() for deel in delen if deel)
    return "Bron: " + " · ".join(kaal)


def table_csv(naam: str) -> str:
    """The table as CSV text with a header row: what the CLI prints and the app offers for download."""
    frame = load_table(naam)
    for col in frame.columns:
        if str(frame[col].dtype) == "Float64":  # 620 stays '620', as the report prints it, not '620.0'
            frame[col] = [None if pd.isna(v) else _plain_number(v) for v in frame[col]]
    return csv_tekst(frame, index=False, lineterminator="\n")


def _plain_number(value: float) -> str:
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def validate_all() -> dict[str, int]:
    """Load every table; returns row counts. Raises DataFout on the first broken file."""
    return {naam: len(load_table(naam)) for naam in table_names()}


def main(argv: list[str] | None = None) -> int:
    from reb_maps.cli import opdrachtregel  # late: cli is only needed on the command line

    parser = opdrachtregel("reb_maps.data", "Tabellen uit de REB Twente 2040 als CSV.")
    parser.add_argument("naam", nargs="?", help="naam van de tabel")
    parser.add_argument("--list", action="store_true", help="toon de beschikbare tabellen")
    args = parser.parse_args(argv)
    try:
        if args.list or not args.naam:
            for naam in table_names():
                meta = table_meta(naam)
                rows = len(load_table(naam))
                print(f"{naam}\t{rows} {'rij' if rows == 1 else 'rijen'}\t{meta['titel']}")
            return 0
        sys.stdout.write(table_csv(args.naam))
        return 0
    except DataFout as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
