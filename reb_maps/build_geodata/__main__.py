"""Command line: python -m reb_maps.build_geodata [--shared PATH] [--out PATH] [--koppeling PATH] (Dutch, as every
command line of the project: `reb_maps.cli`)."""

from __future__ import annotations

import sys
from pathlib import Path

from reb_maps.cli import opdrachtregel

from . import DEFAULT_KOPPELING, DEFAULT_OUT, DEFAULT_SHARED, DISPLAY_BUDGET_BYTES, build, display_bytes


def main(argv: list[str] | None = None) -> int:
    parser = opdrachtregel(
        "reb_maps.build_geodata", "Leid de kaartlagen in data/geo reproduceerbaar af uit de open geodata in ../shared."
    )
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="map met de ruwe geodata")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="uitvoermap (data/geo)")
    parser.add_argument("--koppeling", type=Path, default=DEFAULT_KOPPELING, help="locaties_top10nl.csv")
    args = parser.parse_args(argv)
    if not args.shared.is_dir():
        print(f"fout: de map met ruwe geodata bestaat niet: {args.shared}", file=sys.stderr)
        return 2
    try:
        sizes = build(args.shared, args.out, args.koppeling)
    except ValueError as error:  # includes KoppelingError: a clear message, no traceback
        print(f"fout: {error}", file=sys.stderr)
        return 1
    for rel, size in sorted(sizes.items()):
        print(f"{size / 1000:8.1f} kB  {rel}")
    total = display_bytes(sizes)
    print(f"{total / 1000:8.1f} kB  schermlagen samen (budget {DISPLAY_BUDGET_BYTES / 1000:.0f} kB)")
    if total > DISPLAY_BUDGET_BYTES:
        print("fout: de schermlagen zijn groter dan het budget", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
