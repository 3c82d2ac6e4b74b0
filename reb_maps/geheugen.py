"""Handing freed memory back to the operating system after a large release (a session that ended, a removed layer).

CPython frees the objects of a closed upload session, but glibc's malloc keeps the freed pages inside its arenas
for later reuse: a process that read a 25 MB upload kept ~60 MB of resident memory per closed session, so a day
of meetings grew one worker until it was killed. `malloc_trim(0)` returns the free pages of every arena (also
those in the middle of a heap, which the automatic top-of-heap trim never reaches). Measured in
bench/bench_geheugen.py. On a C library without malloc_trim (musl, macOS) only the garbage collection runs.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import threading

log = logging.getLogger(__name__)

WACHTTIJD_S = 2.0  # several sessions ending together (a meeting closes its tabs) give one trim, not one each


def _malloc_trim():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):
        return None


_TRIM = _malloc_trim()
_lock = threading.Lock()
_gepland: threading.Timer | None = None


def geef_terug() -> None:
    """Collect unreachable cycles, then hand malloc's free pages back (now, in the calling thread)."""
    global _gepland
    with _lock:
        _gepland = None
    gc.collect()
    if _TRIM is not None:
        _TRIM(0)


def geef_terug_later(wachttijd: float = WACHTTIJD_S) -> None:
    """Plan one `geef_terug` shortly, in a background thread; calls before it runs share it.

    Safe to call from a finalizer: it only starts a timer."""
    global _gepland
    with _lock:
        if _gepland is not None:
            return
        _gepland = threading.Timer(wachttijd, _veilig)
        _gepland.daemon = True
        _gepland.start()


def _veilig() -> None:
    try:
        geef_terug()
    except Exception:  # a failed trim costs memory, never a page
        log.exception("geheugen teruggeven mislukt")


# ---------- the shared data out of the garbage collector's way ----------

# The warm-up (deploy/opwarmen.py: Kaart and Gemeenten of every municipality, ~11 s; `make serve` and the Kubernetes
# postStart hook run it) ends with a page run with this parameter: the shared data is built by then and no
# visitor's session holds anything yet.
OPGEWARMD_PARAM = "opgewarmd"
_bevroren = False


def bevries() -> None:
    """Once per process: a collection, then `gc.freeze()`: everything alive now (the shared data) is left out of
    later collections.

    Why: a full collection walks every tracked object. With the data loaded that is ~400.000 objects; in an overleg
    round (20 sessions at once) one such collection stopped every session for 0,22 s (gc.callbacks, measured with
    bench_load); after the freeze a round's collections walk ~20.000. Frozen objects are never collected, so this
    runs once, when no visitor's session holds anything (what it held could otherwise stay after it ended). A
    process started without the warm-up (`make run`, one user) is not frozen."""
    global _bevroren
    with _lock:
        if _bevroren:
            return
        _bevroren = True
    try:
        gc.collect()
        gc.freeze()
        log.info("gedeelde gegevens buiten de garbage collector: %d objecten", gc.get_freeze_count())
    except Exception:  # a missed freeze costs time, never a page
        log.exception("bevriezen mislukt")
