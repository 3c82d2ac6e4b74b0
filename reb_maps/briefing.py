"""`python -m reb_maps.briefing --gemeente Almelo --uit almelo.pdf`: a thin entry to reb_maps.documenten.briefing."""

from __future__ import annotations

import sys

from reb_maps.documenten.briefing import main

if __name__ == "__main__":
    sys.exit(main())
