"""Memory handed back after a large release: the trim itself, its debounce, and the session-end guard."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from streamlit.testing.v1 import AppTest

from reb_maps import geheugen
from ui import sessie_sleutels


@pytest.mark.skipif(geheugen._TRIM is None, reason="alleen met glibc (malloc_trim)")
def test_geef_terug_returns_freed_small_blocks_to_the_os():
    # In a fresh process: many blocks too big for Python's own small-object arenas and too small for their own
    # mmap (as the buffers of a read upload), freed; one survivor above them at the top of the heap keeps glibc's
    # automatic top-of-heap trim from releasing anything.
    script = textwrap.dedent(
        """
        import gc
        from reb_maps import geheugen

        def rss():
            with open("/proc/self/status") as f:
                return next(int(r.split()[1]) for r in f if r.startswith("VmRSS")) / 1024

        rommel = [b"x" * 10_000 for _ in range(20_000)]
        blijft = b"y" * 10_000
        del rommel
        gc.collect()
        voor = rss()
        geheugen.geef_terug()
        print(voor, rss())
        """
    )
    uit = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    voor, na = map(float, uit.stdout.split())
    assert voor - na > 100, (voor, na)  # 200 MB freed: most of it goes back


def test_geef_terug_later_plans_one_trim_for_many_calls(monkeypatch):
    aantal = []
    klaar = threading.Event()

    def tel():
        aantal.append(1)
        monkeypatch.setattr(geheugen, "_gepland", None)
        klaar.set()

    monkeypatch.setattr(geheugen, "_veilig", tel)
    monkeypatch.setattr(geheugen, "_gepland", None)
    for _ in range(5):
        geheugen.geef_terug_later(0.05)
    assert klaar.wait(5)
    time.sleep(0.2)
    assert aantal == [1]


def test_a_dropped_session_plans_the_trim(monkeypatch):
    gepland = []
    monkeypatch.setattr(geheugen, "geef_terug_later", lambda: gepland.append(1))

    def app():
        from ui import geheugen as ui_geheugen

        ui_geheugen.bewaak_sessie()
        ui_geheugen.bewaak_sessie()  # a rerun keeps the same guard

    at = AppTest.from_function(app).run()
    assert sessie_sleutels.GEHEUGEN_WACHT in at.session_state
    at.run()
    assert gepland == []  # the session lives: nothing yet
    del at
    gc.collect()
    assert gepland == [1]


def test_bevries_takes_what_lives_out_of_later_collections_once():
    """In a fresh interpreter (freezing this one would change every later test's collections)."""
    code = textwrap.dedent(
        """
        import gc
        from reb_maps import geheugen
        gedeeld = [[i] for i in range(50_000)]  # stands for the shared data: lists are tracked by the collector
        geheugen.bevries()
        bevroren = gc.get_freeze_count()
        nieuw = [[i] for i in range(10)]
        geheugen.bevries()  # once per process: a second call freezes nothing more
        print(bevroren, gc.get_freeze_count(), len(gc.get_objects(generation=2)) < bevroren)
        """
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    bevroren, daarna, gen2_klein = uit.stdout.split()
    assert int(bevroren) >= 50_000 and daarna == bevroren and gen2_klein == "True"


def test_the_warm_ups_last_request_freezes_and_a_visitor_does_not(monkeypatch):
    bevroren = []
    monkeypatch.setattr(geheugen, "bevries", lambda: bevroren.append(1))

    def app():
        from ui import geheugen as ui_geheugen

        ui_geheugen.bewaak_sessie()

    AppTest.from_function(app).run()
    assert bevroren == []
    at = AppTest.from_function(app)
    at.query_params[geheugen.OPGEWARMD_PARAM] = "1"
    at.run()
    assert bevroren == [1]
