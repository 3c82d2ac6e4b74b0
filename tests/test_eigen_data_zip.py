"""Uploads that cost what they declare: a zip whose headers lie, a bomb with honest headers and a bad CRC are
refused with a Dutch message — on the page's reader and in the command line — without inflating into memory."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from reb_maps.eigen_data import EigenDataFout, lees
from reb_maps.eigen_data import meldingen as m
from reb_maps.tekst import zichtbaar

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024


def _zip_met_nullen(mb: int, gelogen_grootte: int | None = None) -> bytes:
    """A Shapefile zip whose .shp is `mb` MB of zeros (written in blocks, never whole in memory); with
    `gelogen_grootte`, both headers declare that size instead of the real one."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("laag.shp", "w", force_zip64=True) as shp:
            blok = b"\0" * MB
            for _ in range(mb):
                shp.write(blok)
        z.writestr("laag.shx", b"\0" * 100)
        z.writestr("laag.dbf", b"\0" * 100)
    data = bytearray(buffer.getvalue())
    if gelogen_grootte is not None:
        for handtekening, naam_lengte, naam_begin, grootte in (
            (b"PK\x01\x02", 28, 46, 24),
            (b"PK\x03\x04", 26, 30, 22),
        ):
            i = data.find(handtekening)
            while i >= 0:
                lengte = struct.unpack_from("<H", data, i + naam_lengte)[0]
                if bytes(data[i + naam_begin : i + naam_begin + lengte]) == b"laag.shp":
                    struct.pack_into("<I", data, i + grootte, gelogen_grootte)
                    # zip64: the real sizes sit in the extra field; make the classic fields authoritative
                    struct.pack_into("<I", data, i + grootte - 4, 1_000_000)
                i = data.find(handtekening, i + 4)
    return bytes(data)


def _piek_in_eigen_proces(pad: Path) -> dict:
    """Read the zip in a fresh process: its peak RSS above idle (MB) and the message."""
    code = textwrap.dedent(
        f"""
        import json, resource
        from reb_maps.eigen_data import EigenDataFout, lees
        data = open({str(pad)!r}, "rb").read()
        rust = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        try:
            lees(data, "laag.zip")
            melding = None
        except EigenDataFout as fout:
            melding = str(fout)
        piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({{"boven_rust_mb": piek - rust, "melding": melding}}))
        """
    )
    uit = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert uit.returncode == 0, uit.stderr
    return json.loads(uit.stdout)


def test_a_zip_whose_headers_lie_is_refused_without_inflating_it(tmp_path):
    pad = tmp_path / "laag.zip"
    pad.write_bytes(_zip_met_nullen(400, gelogen_grootte=1000))
    uitkomst = _piek_in_eigen_proces(pad)
    assert uitkomst["melding"] is not None and ("beschadigd" in uitkomst["melding"] or "groter" in uitkomst["melding"])
    assert uitkomst["boven_rust_mb"] <= 300, uitkomst


def test_a_bomb_with_honest_headers_is_stopped_by_the_bytes_it_inflates(tmp_path):
    pad = tmp_path / "bom.zip"
    pad.write_bytes(_zip_met_nullen(600))  # declared 600 MB (under the 1.000 MB limit), ratio ~1000:1
    uitkomst = _piek_in_eigen_proces(pad)
    assert uitkomst["melding"] == m.ZIP_BOM.format(mb=m.MAX_UITGEPAKT_MB)
    assert uitkomst["boven_rust_mb"] <= 300, uitkomst


def _kapotte_crc() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
        z.writestr("laag.shp", b"shapefile-inhoud" * 100)
        z.writestr("laag.shx", b"\0" * 100)
        z.writestr("laag.dbf", b"\0" * 100)
    data = bytearray(buffer.getvalue())
    data[data.find(b"shapefile-inhoud") + 5] ^= 0xFF  # one byte changed: the CRC no longer matches
    return bytes(data)


def test_a_bad_crc_gives_the_same_dutch_message_in_the_app_and_the_command_line(tmp_path):
    with pytest.raises(EigenDataFout) as fout:
        lees(_kapotte_crc(), "laag.zip")
    assert str(fout.value) == m.ZIP_KAPOT.format(naam="laag.shp")
    pad = tmp_path / "kapot.zip"
    pad.write_bytes(_kapotte_crc())
    uit = subprocess.run([sys.executable, "-m", "reb_maps.eigen_data", str(pad)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)  # fmt: skip
    assert uit.returncode == 2 and "Traceback" not in uit.stderr
    assert m.ZIP_KAPOT.format(naam="laag.shp") in uit.stderr


def test_bidi_controls_in_names_are_shown_as_escapes():
    assert zichtbaar("kaart\u202egpj.zip") == "kaart\\u202egpj.zip"
    assert zichtbaar("Enschede – Kennispark") == "Enschede – Kennispark"
    with pytest.raises(EigenDataFout) as fout:
        lees(b"data", "kaart\u202egpj.exe\u202e")
    assert "\u202e" not in str(fout.value)
