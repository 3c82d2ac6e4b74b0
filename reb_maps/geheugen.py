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
