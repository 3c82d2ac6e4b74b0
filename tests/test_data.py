"""The table loader: contract checks that name file, row and column."""

import json
import subprocess
import sys

import pytest

from reb_maps import data

META = {
    "titel": "Test",
    "bron": "BIRO, 2024",
    "verwijzing": "REB Twente 2040, Tabel 8",
    "sleutel": ["gemeente"],
    "kolommen": {
        "gemeente": {"label": "Gemeente", "type": "str"},
        "netto_ha": {"label": "Netto", "type": "float", "min": 0},
        "aanbod_ha": {"label": "Aanbod", "type": "float", "verplicht": False, "leeg": "geen opgave"},
    },
    "totalen": {"netto_ha": {"waarde": 1000, "tolerantie": 1}},
}


@pytest.fixture
def table_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "TABLE_DIR", tmp_path)
    data.table_meta.cache_clear()
    data._load_validated.cache_clear()
    yield tmp_path
    data.table_meta.cache_clear()
    data._load_validated.cache_clear()


def write(table_dir, csv, meta=META):
    (table_dir / "t.json").write_text(json.dumps(meta), encoding="utf-8")
    (table_dir / "t.csv").write_text(csv, encoding="utf-8")


def test_valid_table_gets_nullable_types(table_dir):
    write(table_dir, "gemeente,netto_ha,aanbod_ha\nA,620,\nB,380.5,18.04\n")
    frame = data.load_table("t")
    assert str(frame["netto_ha"].dtype) == "Float64"
    assert frame["aanbod_ha"].isna().tolist() == [True, False]
    assert frame.loc[1, "aanbod_ha"] == pytest.approx(18.04)


@pytest.mark.parametrize(
    ("csv", "fragment"),
    [
        ("gemeente,netto_ha,aanbod_ha\nA,abc,\nB,999,\n", "regel 2, kolom 'netto_ha'"),
        ("gemeente,netto_ha,aanbod_ha\nA,,\nB,999,\n", "regel 2, kolom 'netto_ha': waarde ontbreekt"),
        ("gemeente,netto_ha,aanbod_ha\nA,-1,\nB,1001,\n", "buiten bereik"),
        ("gemeente,netto_ha,aanbod_ha\nA,500,\nA,500,\n", "niet uniek"),
        ("gemeente,netto_ha,aanbod_ha\nA,500,\nB,400,\n", "wijkt meer dan 1 af"),
        ("gemeente,netto,aanbod_ha\nA,500,\nB,500,\n", "kolommen"),
    ],
)
def test_broken_table_names_file_row_and_column(table_dir, csv, fragment):
    write(table_dir, csv)
    with pytest.raises(data.DataFout, match=r"t\.csv") as err:
        data.load_table("t")
    assert fragment in str(err.value)


def test_missing_source_is_rejected(table_dir):
    meta = {k: v for k, v in META.items() if k != "bron"}
    write(table_dir, "gemeente,netto_ha,aanbod_ha\nA,500,\nB,500,\n", meta)
    with pytest.raises(data.DataFout, match="'bron' ontbreekt"):
        data.load_table("t")


def test_cached_table_cannot_be_changed_by_a_caller(table_dir):
    write(table_dir, "gemeente,netto_ha,aanbod_ha\nA,500,\nB,500,\n")
    frame = data.load_table("t")
    frame.loc[0, "netto_ha"] = 0
    assert data.load_table("t").loc[0, "netto_ha"] == 500


def test_every_committed_table_validates():
    counts = data.validate_all()
    assert counts, "no tables found in data/tabellen"
    for naam in counts:
        assert data.source_of(naam).startswith("Bron: ")


def test_cli_list_and_unknown_table():
    out = subprocess.run(
        [sys.executable, "-m", "reb_maps.data", "--list"], capture_output=True, text=True, check=True
    )
    assert "gemeenten" in out.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "reb_maps.data", "bestaatniet"], capture_output=True, text=True
    )
    assert bad.returncode == 2
    assert "Onbekende tabel" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_cli_prints_gemeenten_exactly_as_the_report():
    out = subprocess.run(
        [sys.executable, "-m", "reb_maps.data", "gemeenten"], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0].startswith("gemeente,cbs_code,")
    assert len(out) == 15
    assert "Almelo,GM0141,74000,3,47300,14,620,18,10,40,16.58" in out
    assert "Losser,GM0168,23400,4,8800,18,46,1,0,10," in out  # '-' in Tabel 10: no value, not 0


def test_table_marked_all_municipalities_needs_exactly_the_14(table_dir):
    meta = {**META, "alle_gemeenten": True, "totalen": {}}
    write(table_dir, "gemeente,netto_ha,aanbod_ha\nAlmelo,500,\nAmsterdam,500,\n", meta)
    with pytest.raises(data.DataFout, match="precies de 14") as err:
        data.load_table("t")
    assert "Amsterdam" in str(err.value) and "Wierden" in str(err.value)


def test_a_cbs_code_that_belongs_to_another_municipality_is_refused(table_dir):
    """One list of the 14 with their CBS codes (data.GEMEENTE_CODES); a table's cbs_code column must agree."""
    codes = {"Almelo": "GM0141", "Borne": "GM0147", "Dinkelland": "GM1774", "Enschede": "GM0153",
             "Haaksbergen": "GM0158", "Hellendoorn": "GM0163", "Hengelo": "GM0164", "Hof van Twente": "GM1735",
             "Losser": "GM0168", "Oldenzaal": "GM0173", "Rijssen-Holten": "GM1742", "Tubbergen": "GM0183",
             "Twenterand": "GM1700", "Wierden": "GM0189"}  # fmt: skip (CBS Gebiedsindelingen 2026)
    assert {code: naam for naam, code in codes.items()} == data.GEMEENTE_CODES
    assert tuple(sorted(codes)) == data.GEMEENTEN
    meta = {**META, "alle_gemeenten": True, "totalen": {}}
    meta["kolommen"] = {"gemeente": META["kolommen"]["gemeente"], "cbs_code": {"label": "CBS-code", "type": "str"},
                        **{k: v for k, v in META["kolommen"].items() if k != "gemeente"}}  # fmt: skip
    rijen = [f"{naam},{code},1," for naam, code in codes.items()]
    write(table_dir, "gemeente,cbs_code,netto_ha,aanbod_ha\n" + "\n".join(rijen) + "\n", meta)
    assert len(data.load_table("t")) == 14
    data._load_validated.cache_clear()
    write(table_dir, "gemeente,cbs_code,netto_ha,aanbod_ha\n" + "\n".join(rijen).replace("GM0164", "GM0163") + "\n",
          meta)  # fmt: skip
    with pytest.raises(data.DataFout, match="cbs_code") as err:
        data.load_table("t")
    assert "Hengelo GM0163" in str(err.value)


def test_a_column_without_a_source_in_the_report_says_so_in_its_source_line():
    """Tabel 10 names no original source: the line gives the place in the report and a sentence, the column's own
    word before the table's (the table 'gemeenten' has a source per column)."""
    for naam, kolom in (("gemeenten", "vraag_min_ha"), ("gemeenten", "hard_aanbod_ha"), ("grootschalige_vraag", None)):
        regel = data.source_of(naam, kolom)
        assert regel.startswith("Bron: REB Twente 2040, Tabel 10"), regel
        assert "geen oorspronkelijke bron" in regel and "Bijlage II" in regel
    assert data.source_of("gemeenten", "banen_2023") == "Bron: BIRO, 2024; REB Twente 2040, Tabel 2"
    assert data.bronnen_regel("Bron: A; Tabel 1", "B", "Bron: A; Tabel 1") == "Bron: A; Tabel 1 · B"
