"""Faults: a corrupted copy of data/ or a read-only static folder, every page run through AppTest.

Each scenario runs in a fresh Python process (REB_DATA_DIR / REB_STATIC_DIR are read at import, and the
loaders cache per process), which runs all six pages through app.py and reports what each page showed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reb_maps import labels

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("kaart", "gemeenten", "regio", "zoekgebieden", "schaalsprong", "bronnen")

_RUN_PAGES = """
import json, sys
from streamlit.testing.v1 import AppTest

out = {}
for name in sys.argv[1:]:
    at = AppTest.from_file("app.py", default_timeout=180)
    at.run()
    if name != "kaart":
        at.switch_page(f"app_pages/{name}.py").run()
    components = [c for c in at.get("component_instance") if "folium" in str(c.proto.component_name)]
    out[name] = {
        "exception": [e.value for e in at.exception],
        "error": [e.value for e in at.error],
        "text": [t.value for t in at.text],
        "titles": [t.value for t in at.title],
        "map_args": [c.proto.json_args for c in components],
    }
print(json.dumps(out))
"""


def run_pages(env: dict[str, str], pages=PAGES) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", _RUN_PAGES, *pages], cwd=ROOT, env={**os.environ, **env},
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def _assert_ok(page: dict) -> None:
    assert not page["exception"], page["exception"]
    assert not page["error"], page["error"]


def _assert_file_message(page: dict, detail: str) -> None:
    assert not page["exception"], page["exception"]
    assert labels.FOUTMELDING not in page["error"]
    assert len(page["error"]) == 1 and "gegevensbestand" in page["error"][0], page["error"]
    assert [t for t in page["text"] if detail in t], page["text"]


def test_letter_in_getalkolom_noemt_bestand_regel_en_waarde(data_copy):
    csv = data_copy / "tabellen" / "gemeenten.csv"
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].strip().split(",")
    col = header.index("banen_2023")
    cells = lines[2].rstrip("\n").split(",")
    cells[col] = cells[col][:-2] + "OO"  # 81.00 → 81OO: a letter O where a zero belongs
    lines[2] = ",".join(cells) + "\n"
    csv.write_text("".join(lines), encoding="utf-8")
    detail = f"gemeenten.csv, regel 3, kolom 'banen_2023': '{cells[col]}' is geen getal"

    shown = run_pages({"REB_DATA_DIR": str(data_copy)})
    for name in ("kaart", "gemeenten", "schaalsprong"):  # they need the municipal figures
        _assert_file_message(shown[name], detail)
    _assert_ok(shown["regio"])  # does not need them: keeps working
    for name, page in shown.items():  # never the generic message, never a traceback
        assert not page["exception"] and labels.FOUTMELDING not in page["error"], name
    bronnen = shown["bronnen"]  # works, with the one broken table marked where its download would be
    assert bronnen["titles"] == [labels.PAGINA_BRONNEN]
    assert len(bronnen["error"]) == 1 and bronnen["error"][0].startswith("Deze tabel")
    assert detail in bronnen["text"]


def test_afgekapte_geojson_noemt_het_bestand(data_copy):
    layer = data_copy / "geo" / "gemeenten.geojson"
    layer.write_bytes(layer.read_bytes()[:5000])
    shown = run_pages({"REB_DATA_DIR": str(data_copy)}, ("kaart", "gemeenten", "schaalsprong"))
    _assert_file_message(shown["kaart"], "gemeenten.geojson: de kaartlaag kan niet worden gelezen")
    for name in ("gemeenten", "schaalsprong"):  # charts and tables only
        _assert_ok(shown[name])


def test_alleen_lezen_static_map_kaart_werkt_met_ingebedde_bestanden(tmp_path):
    blocker = tmp_path / "een-bestand"
    blocker.write_text("x")  # a folder inside a file cannot be made, also not by root
    shown = run_pages({"REB_STATIC_DIR": str(blocker / "static")}, ("kaart", "zoekgebieden", "bronnen"))
    for name, page in shown.items():
        _assert_ok(page)
        assert page["titles"], name
    (args,) = shown["kaart"]["map_args"]
    assert "/app/static/" not in args  # nothing the server cannot serve
    assert "data:text/javascript;base64," in args and "data:application/json;base64," in args
