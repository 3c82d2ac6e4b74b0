"""Shared pieces for the Dutch command lines (`reb_maps.schaalsprong`, `reb_maps.zoekgebieden`)."""

from __future__ import annotations

import argparse
import math
import sys

# argparse builds its messages in English; these replacements keep what the user sees Dutch.
_ARGPARSE_NL = (
    ("the following arguments are required:", "verplichte opties ontbreken:"),
    ("unrecognized arguments:", "onbekende opties:"),
    ("expected one argument", "verwacht één waarde"),
    ("invalid choice:", "ongeldige keuze:"),
    ("choose from", "kies uit"),
    ("ambiguous option:", "dubbelzinnige optie:"),
    ("could match", "kan passen bij"),
    ("argument ", "optie "),
)


class DutchParser(argparse.ArgumentParser):
    """Errors in Dutch, on stderr, exit code 2 — never a traceback."""

    def error(self, message: str):
        for english, dutch in _ARGPARSE_NL:
            message = message.replace(english, dutch)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")


class DutchFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="gebruik: " if prefix is None else prefix)


def getal(text: str) -> float:
    """A number as a Dutch user types it: '0,35' and '0.35' both work."""
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen getal") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"'{text}' is geen eindig getal")
    return value
