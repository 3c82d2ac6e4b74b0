"""The accessibility statement: the page shows the standard, the check, every known shortcoming and where to report,
and it names the axe-core version the browser test really runs."""

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from reb_maps import toegankelijkheid as tg

PAGINA = str(Path(__file__).resolve().parent.parent / "app_pages" / "toegankelijkheid.py")
AXE = Path(__file__).resolve().parent / "assets" / "axe-core" / "axe.min.js"


def _open(monkeypatch, contact: str | None) -> AppTest:
    if contact is None:
        monkeypatch.delenv(tg.CONTACT_OMGEVING, raising=False)
    else:
        monkeypatch.setenv(tg.CONTACT_OMGEVING, contact)
    at = AppTest.from_file(PAGINA, default_timeout=30).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_statement_names_standard_status_check_and_every_shortcoming(monkeypatch):
    at = _open(monkeypatch, "toegankelijkheid@voorbeeld.nl")
    koppen = [h.value for h in at.header]
    assert koppen == ["Status", "Hoe is dit onderzocht", "Wat nog niet voldoet", "Een probleem melden"]
    tekst = "\n".join(m.value for m in at.markdown)
    assert "WCAG 2.1, niveau AA" in tekst and "EN 301 549" in tekst and "voldoet gedeeltelijk" in tekst
    assert f"axe-core {tg.AXE_VERSIE}" in tekst and "4 december 2026" in tekst
    tabel = at.table[0].value
    assert list(tabel.index) == [a.onderdeel for a in tg.BEKENDE_AFWIJKINGEN]
    assert all(re.match(r"\d\.\d\.\d+ ", c) for c in tabel["Succescriterium"])  # every row names a WCAG criterion
    assert [t.value for t in at.text] == ["toegankelijkheid@voorbeeld.nl"]
    assert not at.warning


def test_without_a_contact_the_page_says_so_and_names_the_setting(monkeypatch):
    at = _open(monkeypatch, None)
    assert not at.text
    assert tg.CONTACT_OMGEVING in at.warning[0].value


@pytest.mark.parametrize("contact", ["<b>klik</b> [hier](javascript:alert(1))", "**vet**"])
def test_the_host_contact_is_plain_text(monkeypatch, contact):
    at = _open(monkeypatch, contact)
    assert [t.value for t in at.text] == [contact]  # st.text: neither Markdown nor HTML
    assert all(contact not in m.value for m in at.markdown)


def test_the_statement_names_the_vendored_axe_core():
    kop = AXE.read_text(encoding="utf-8")[:200]
    assert re.search(r"axe v(\S+)", kop).group(1) == tg.AXE_VERSIE
