"""The sidebar's 'Bewaar deze weergave' in a real browser: its form is built only once the expander is opened (every
page of every session runs the sidebar, so a closed form costs nothing), and then saves the page with its link."""

from __future__ import annotations

from reb_maps.werkruimte import Werkruimte
from tests.browser.conftest import running_app
from tests.browser.helpers import wait_idle

TITEL = "AO 12 december: Borne naast Hengelo"


def test_a_view_is_saved_from_the_sidebar_once_its_expander_is_opened(browser, tmp_path):
    database = tmp_path / "werkruimte.sqlite"
    with running_app(tmp_path / "app.log", env={"REB_WERKRUIMTE": str(database)}) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
        page = context.new_page()
        page.set_default_timeout(90_000)
        page.goto(url + "/gemeenten?gemeente=Borne")
        wait_idle(page, timeout=120_000)
        zijbalk = page.locator('[data-testid="stSidebar"]')
        naam = zijbalk.get_by_role("textbox", name="Uw naam (om te bewaren)")
        naam.fill("Marie Maas")
        naam.press("Enter")
        wait_idle(page)
        titel = zijbalk.get_by_role("textbox", name="Titel")
        assert titel.count() == 0  # closed: the form was not built, nothing of it was sent

        zijbalk.get_by_text("Bewaar deze weergave").click()
        titel.wait_for()
        titel.fill(TITEL)
        zijbalk.get_by_role("button", name="Bewaar weergave").click()
        page.get_by_text("Weergave bewaard.").first.wait_for()
        context.close()

    (weergave,) = Werkruimte.open(str(database)).weergaven()
    assert (weergave.titel, weergave.pagina, weergave.auteur) == (TITEL, "gemeenten", "Marie Maas")
    assert "gemeente=Borne" in weergave.link
