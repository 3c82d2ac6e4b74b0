"""Shared pieces for the Dutch command lines (`reb_maps.data`, `reb_maps.schaalsprong`, `reb_maps.zoekgebieden`).

A bad option gives one Dutch line on stderr and exit code 2, never a traceback; `--help` is Dutch throughout.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from typing import TypeVar

from reb_maps.fouten import DataFout, GeoFout, OngeldigeInvoer, WerkruimteFout

T = TypeVar("T")

# argparse builds its messages in English; these replacements keep what the user sees Dutch.
_ARGPARSE_NL = (
    ("the following arguments are required:", "verplichte opties ontbreken:"),
    ("unrecognized arguments:", "onbekende opties:"),
    ("expected one argument", "verwacht één waarde"),
    ("expected at least one argument", "verwacht minstens één waarde"),
    ("expected at most one argument", "verwacht hooguit één waarde"),
    ("ignored explicit argument", "overbodige waarde"),
    ("not allowed with argument", "gaat niet samen met"),
    ("invalid choice:", "ongeldige keuze:"),
    ("choose from", "kies uit"),
    ("ambiguous option:", "dubbelzinnige optie:"),
    ("could match", "kan passen bij"),
    ("invalid int value:", "geen geheel getal:"),
    ("invalid float value:", "geen getal:"),
    ("value:", "waarde:"),
    ("argument ", "optie "),
)


class DutchFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="gebruik: " if prefix is None else prefix)


class DutchParser(argparse.ArgumentParser):
    """Help in Dutch; errors as one Dutch line on stderr with exit code 2 — never a traceback."""

    def __init__(self, *args, add_help: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", DutchFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        if add_help:
            hulp_optie(self)

    def error(self, message: str):
        for english, dutch in _ARGPARSE_NL:
            message = message.replace(english, dutch)
        self.exit(2, f"{self.prog}: fout: {message} (zie --help)\n")


def opdrachtregel(module: str, beschrijving: str, *, hulp: bool = True) -> DutchParser:
    """The parser of `python -m <module>`; `hulp=False` when the command puts -h/--help in a group of its own
    (`hulp_optie`)."""
    return DutchParser(prog=f"python -m {module}", description=beschrijving, add_help=hulp)


def hulp_optie(groep) -> None:
    groep.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")


def poort(text: str) -> int:
    """A TCP port number (1–65535), for the deploy tools."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen poortnummer") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}': een poort ligt tussen 1 en 65535")
    return value


def getal(text: str) -> float:
    """A number as a Dutch user types it: '0,35' and '0.35' both work."""
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen getal") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"'{text}' is geen eindig getal")
    return value



def start(main) -> None:
    """Run a command line's `main()` and exit with its code; a closed pipe (`… | head`) is not an error."""
    try:
        code = main()
    except BrokenPipeError:
        sys.stderr.close()
        code = 0
    sys.exit(code)


def met_foutcode(stap: Callable[[], T]) -> tuple[T | None, int]:
    """Run `stap()`: (its result, 0); a user's bad input → one Dutch line and exit code 2; broken data files of
    the project → one Dutch line and exit code 1 (our fault, not the user's)."""
    try:
        return stap(), 0
    except OngeldigeInvoer as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return None, 2
    except (GeoFout, DataFout) as exc:
        print(f"Fout in de gegevens: {exc}", file=sys.stderr)
        return None, 1


def lees_bestand(pad, maximum_mb: int) -> bytes:
    """A file's bytes for a command line, refused (OngeldigeInvoer) when missing or bigger than `maximum_mb`;
    the limit counts the bytes actually read, not a size the file system reports."""
    from pathlib import Path

    pad = Path(pad)
    if not pad.is_file():
        raise OngeldigeInvoer(f"bestand '{str(pad)[:120]}' bestaat niet of is geen bestand")
    with open(pad, "rb") as f:
        data = f.read(maximum_mb * 1024 * 1024 + 1)
    if len(data) > maximum_mb * 1024 * 1024:
        raise OngeldigeInvoer(f"het bestand is groter dan {maximum_mb} MB")
    return data


def met_werkruimte_fouten(stap: Callable[[], T]) -> tuple[T | None, int, str | None]:
    """`met_foutcode` for a command on the workspace: a workspace fault (unreachable, read-only, a conflict) is the
    user's situation, not our bug — exit 2 with one Dutch line. Also returns that line, for a --json answer."""
    melding: list[str] = []

    def binnen():
        try:
            return stap()
        except WerkruimteFout as exc:
            melding.append(str(exc))
            raise OngeldigeInvoer(str(exc)) from exc
        except OngeldigeInvoer as exc:
            melding.append(str(exc))
            raise

    uitkomst, code = met_foutcode(binnen)
    return uitkomst, code, (melding[-1] if melding else None)


def werkruimte_opdrachtregel(module: str, beschrijving: str):
    """The shared start of a command line on the workspace: its parser with `--db`, and the sub-commands."""
    parser = opdrachtregel(module, beschrijving)
    return parser, werkruimte_opdrachten(parser)


def werkruimte_opdrachten(parser: DutchParser):
    """`--db` and the sub-commands of a workspace command line; returns the latter."""
    parser.add_argument("--db", metavar="URL", help="werkruimte: bestand of SQLAlchemy-URL (standaard: "
                        "$REB_WERKRUIMTE, anders var/werkruimte.sqlite)")  # fmt: skip
    return parser.add_subparsers(dest="opdracht", required=True, title="opdrachten", metavar="OPDRACHT",
                                 parser_class=DutchParser)  # fmt: skip
