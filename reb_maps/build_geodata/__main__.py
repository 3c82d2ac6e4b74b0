"""Command line: python -m reb_maps.build_geodata [--shared PATH] [--out PATH] [--koppeling PATH]."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import DEFAULT_KOPPELING, DEFAULT_OUT, DEFAULT_SHARED, DISPLAY_BUDGET_BYTES, build, display_bytes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reb_maps.build_geodata", description=__doc__)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="raw geodata folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (data/geo)")
    parser.add_argument("--koppeling", type=Path, default=DEFAULT_KOPPELING, help="locaties_top10nl.csv")
    args = parser.parse_args(argv)
    if not args.shared.is_dir():
        print(f"ERROR: raw geodata folder not found: {args.shared}", file=sys.stderr)
        return 2
    try:
        sizes = build(args.shared, args.out, args.koppeling)
    except ValueError as error:  # includes KoppelingError: a clear message, no traceback
        print(f"ERROR: {error}", file=sys.stderr)
        return 1
    for rel, size in sorted(sizes.items()):
        print(f"{size / 1000:8.1f} kB  {rel}")
    total = display_bytes(sizes)
    print(f"{total / 1000:8.1f} kB  display layers in total (budget {DISPLAY_BUDGET_BYTES / 1000:.0f} kB)")
    if total > DISPLAY_BUDGET_BYTES:
        print("ERROR: display layers exceed the size budget", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
