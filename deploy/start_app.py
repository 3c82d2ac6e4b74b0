"""Start one app process with the memory settings of every deployment (`make run`, `make serve`, the container).

Why: Python's own small-object allocator (pymalloc) gives a 1 MiB arena back only when every object in it is gone.
After twenty upload sessions had ended, a few long-lived objects made during them pinned 81 extra arenas: 77 MB of
empty pools (`sys._debugmallocstats`), while the live Python objects had grown by 0,3 MB (tracemalloc). With
`PYTHONMALLOC=malloc` every allocation goes to the C allocator, which hands freed pages back; jemalloc, when
installed (Debian `libjemalloc2`; the container has it), does that best. Measured with bench/bench_geheugen.py:
growth after 20 closed upload sessions +71 MB as before, +46 MB with `PYTHONMALLOC=malloc`, +14 MB with jemalloc too.
These settings only work when set before the interpreter starts, hence this launcher: it sets them and replaces
itself with the command (same process id, so a supervisor keeps tracking it).

Run: python deploy/start_app.py streamlit run app.py [options]
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Mapping, Sequence

GEHEUGEN = {
    "PYTHONMALLOC": "malloc",  # no pymalloc arenas pinned by a few survivors (see above)
    "MALLOC_ARENA_MAX": "2",  # glibc (without jemalloc): two arenas instead of 16 keep less freed memory
}
# jemalloc: a background thread returns freed pages two seconds after their last use, also when the process is idle.
JEMALLOC_CONF = "background_thread:true,dirty_decay_ms:2000,muzzy_decay_ms:0"
# The container links it here (Dockerfile); Debian installs it under its architecture's folder.
JEMALLOC_PATRONEN = ("/usr/local/lib/libjemalloc.so.2", "/usr/lib/*/libjemalloc.so.2")


def jemalloc(patronen: Sequence[str] = JEMALLOC_PATRONEN) -> str | None:
    """The path of jemalloc's shared library, or None when it is not installed."""
    for patroon in patronen:
        gevonden = sorted(glob.glob(patroon))
        if gevonden:
            return gevonden[0]
    return None


def omgeving(huidig: Mapping[str, str] | None = None, bibliotheek: str | None = None) -> dict[str, str]:
    """The settings to add to the environment `huidig` (default: this process's). A value already set there wins,
    so an operator can still choose otherwise (e.g. PYTHONMALLOC=pymalloc to compare)."""
    huidig = os.environ if huidig is None else huidig
    extra = dict(GEHEUGEN)
    if bibliotheek and bibliotheek not in huidig.get("LD_PRELOAD", "").split(":"):
        extra["LD_PRELOAD"] = ":".join(filter(None, (huidig.get("LD_PRELOAD"), bibliotheek)))
        extra["MALLOC_CONF"] = JEMALLOC_CONF
    return {k: v for k, v in extra.items() if k not in huidig or k == "LD_PRELOAD"}


def main(argv: Sequence[str]) -> int:
    if not argv:
        print("Gebruik: python deploy/start_app.py <opdracht> [argumenten]  (bijv. streamlit run app.py)")
        return 2
    env = {**os.environ, **omgeving(bibliotheek=jemalloc())}
    try:
        os.execvpe(argv[0], list(argv), env)
    except OSError as fout:
        print(f"Kan '{argv[0]}' niet starten: {fout.strerror}.", file=sys.stderr)
        return 2
    return 0  # not reached: exec replaces this process


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
