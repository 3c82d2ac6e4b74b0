"""`python -m reb_maps.briefing --gemeente Almelo --uit almelo.pdf`: thin entry to `weergave.documenten.briefing`."""

from __future__ import annotations

import sys

from reb_maps.weergave.documenten.briefing import main

if __name__ == "__main__":
    sys.exit(main())
