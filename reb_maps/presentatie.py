"""`python -m reb_maps.presentatie --uit reb-twente.pptx [--gemeente Almelo]`: thin entry to the deck builder."""

from __future__ import annotations

import sys

from reb_maps.weergave.documenten.presentatie import main

if __name__ == "__main__":
    sys.exit(main())
