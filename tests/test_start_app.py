"""deploy/start_app.py: every app process starts with the memory settings that hand a closed session's memory back
(issue "In production", item 4; measured in bench/bench_geheugen.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from deploy import serve, start_app

ROOT = Path(__file__).resolve().parents[1]
JE = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"
STATISTIEK = "import sys; sys._debugmallocstats()"


def test_the_settings_without_and_with_jemalloc():
    assert start_app.omgeving({}, None) == {"PYTHONMALLOC": "malloc", "MALLOC_ARENA_MAX": "2"}
    met = start_app.omgeving({}, JE)
    assert met["LD_PRELOAD"] == JE and "background_thread:true" in met["MALLOC_CONF"]


def test_an_operators_own_choice_wins_and_a_preload_is_kept():
    eigen = start_app.omgeving({"PYTHONMALLOC": "pymalloc", "LD_PRELOAD": "/opt/iets.so"}, JE)
    assert "PYTHONMALLOC" not in eigen  # already set: left as the operator chose
    assert eigen["LD_PRELOAD"] == f"/opt/iets.so:{JE}"
    assert "LD_PRELOAD" not in start_app.omgeving({"LD_PRELOAD": JE}, JE)  # not twice


def test_jemalloc_is_found_by_its_pattern(tmp_path):
    assert start_app.jemalloc((str(tmp_path / "*" / "libjemalloc.so.2"),)) is None
    (tmp_path / "aarch64-linux-gnu").mkdir()
    (tmp_path / "aarch64-linux-gnu" / "libjemalloc.so.2").touch()
    assert start_app.jemalloc((str(tmp_path / "*" / "libjemalloc.so.2"),)).endswith(
        "aarch64-linux-gnu/libjemalloc.so.2"
    )


def test_the_started_process_runs_without_pymalloc_under_the_same_process_id():
    """The launcher replaces itself (exec): a supervisor tracks the same process, and that process's Python has
    no pymalloc (its statistics then have no small-block table)."""
    code = (
        "import json, os, sys, io, contextlib; "
        "print(json.dumps({'pid': os.getpid(), 'malloc': os.environ.get('PYTHONMALLOC')}))"
    )
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "deploy" / "start_app.py"), sys.executable, "-c", code],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={"PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    uit, fout = proc.communicate(timeout=60)
    assert proc.returncode == 0, fout
    gegevens = json.loads(uit)
    assert gegevens == {"pid": proc.pid, "malloc": "malloc"}
    statistiek = subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "start_app.py"), sys.executable, "-c", STATISTIEK],
        capture_output=True, text=True, timeout=60, env={"PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert statistiek.returncode == 0 and "Small block threshold" not in statistiek.stderr


def test_a_command_that_cannot_start_gives_one_dutch_line():
    uit = subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "start_app.py"), "/bestaat/niet"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert (
        uit.returncode == 2
        and uit.stderr.startswith("Kan '/bestaat/niet' niet starten")
        and "Traceback" not in uit.stderr
    )


def test_make_run_make_serve_and_the_container_all_start_the_app_this_way(tmp_path):
    opwarmen, run = re.search(r"^run:.*\n\t(.+) & \\\n\t(.+)$", (ROOT / "Makefile").read_text(), re.M).groups()
    assert opwarmen.startswith("$(BIN)/python deploy/opwarmen.py $(PORT)")  # in the background, as make serve does
    assert run.startswith("$(BIN)/python deploy/start_app.py $(BIN)/streamlit run app.py")
    cmd = re.search(r"^CMD (\[.*\])$", (ROOT / "Dockerfile").read_text(), re.M).group(1)
    assert json.loads(cmd)[:5] == ["python", "deploy/start_app.py", "streamlit", "run", "app.py"]
    config = serve.supervisord_config(tmp_path, [8601, 8602], 8600, "127.0.0.1")
    werkers = re.findall(r"\[program:werker-\d\]\n(?:.+\n)+", config)
    assert len(werkers) == 2 and all('PYTHONMALLOC="malloc"' in w for w in werkers)
    nginx = re.search(r"\[program:nginx\]\n(?:.+\n)+", config).group(0)
    assert "PYTHONMALLOC" not in nginx and "LD_PRELOAD" not in nginx  # nginx keeps its own allocator
