"""Entry point: page list, page config and the sidebar shared by every page."""

import logging

import streamlit as st

from reb_maps import labels
from reb_maps.data import DataFout
from reb_maps.fouten import WerkruimteFout
from reb_maps.geodata import GeoFout
from reb_maps.weergave import assets
from ui import geheugen, meldingen, state, werkruimte, werkruimte_pagina

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("reb_maps.app")
# The Zoekgebieden page's range sliders need `value=` and a Session State key together (a select_slider only
# returns a range when given one); Streamlit logs a warning with a stack for that on every first use.
logging.getLogger("streamlit.elements.lib.policies").setLevel(logging.ERROR)

st.set_page_config(page_title=labels.APP_TITEL, page_icon="assets/favicon.png", layout="wide")
assets.ensure_static()
state.init()
geheugen.bewaak_sessie()

PAGES = [
    st.Page("app_pages/kaart.py", title=labels.PAGINA_KAART, icon=":material/map:", default=True, url_path="start"),
    st.Page("app_pages/gemeenten.py", title=labels.PAGINA_GEMEENTEN, icon=":material/bar_chart:", url_path="gemeenten"),
    st.Page("app_pages/regio.py", title=labels.PAGINA_REGIO, icon=":material/factory:", url_path="regio"),
    st.Page(
        "app_pages/zoekgebieden.py",
        title=labels.PAGINA_ZOEKGEBIEDEN,
        icon=":material/travel_explore:",
        url_path="zoekgebieden",
    ),
    st.Page(
        "app_pages/schaalsprong.py",
        title=labels.PAGINA_SCHAALSPRONG,
        icon=":material/trending_up:",
        url_path="schaalsprong",
    ),
    st.Page(
        "app_pages/programmering.py",
        title=labels.PAGINA_PROGRAMMERING,
        icon=":material/table_chart:",
        url_path="programmering",
    ),
    st.Page("app_pages/monitor.py", title=labels.PAGINA_MONITOR, icon=":material/timeline:", url_path="monitor"),
    st.Page(
        "app_pages/eigen_data.py", title=labels.PAGINA_EIGEN_DATA, icon=":material/upload_file:", url_path="eigen-data"
    ),
    st.Page(
        "app_pages/presentatie.py",
        title=labels.PAGINA_PRESENTATIE,
        icon=":material/slideshow:",
        url_path="presentatie",
    ),
    st.Page(
        "app_pages/werkruimte.py",
        title=labels.PAGINA_WERKRUIMTE,
        icon=":material/folder_shared:",
        url_path="werkruimte",
    ),
    st.Page("app_pages/bronnen.py", title=labels.PAGINA_BRONNEN, icon=":material/menu_book:", url_path="bronnen"),
    st.Page(
        "app_pages/toegankelijkheid.py",
        title=labels.PAGINA_TOEGANKELIJKHEID,
        icon=":material/accessibility:",
        url_path="toegankelijkheid",
    ),
    # The default page answers at / only (its url_path is reserved but not served); this hidden twin lets a link
    # by the page's name, /kaart?gemeente=…, open the map too instead of Streamlit's "Page not found".
    st.Page("app_pages/kaart.py", title=labels.PAGINA_KAART, url_path="kaart", visibility="hidden"),
]
page = st.navigation(PAGES)

with st.sidebar:
    st.markdown(f"**{labels.APP_TITEL}**  \n{labels.APP_ONDERTITEL}")
    st.selectbox(labels.WIDGET_GEMEENTE, state.KEUZES, key=state.KEY)
    st.selectbox(
        labels.WIDGET_ACHTERGROND,
        [a.naam for a in labels.ACHTERGRONDEN],
        key=state.ACHTERGROND_KEY,
        help="Kies 'Geen (offline)' als er geen internet is: de kaartlagen blijven zichtbaar.",
    )
    st.caption(f"Cijfers: {labels.REB}, tenzij anders vermeld. Zie '{labels.PAGINA_BRONNEN}'.")
    if page.url_path != "presentatie":  # the beamer page hides the sidebar; nothing there may take the keyboard
        werkruimte.zijbalk()
    if page.url_path not in {"werkruimte", "presentatie"}:
        # the default page answers at / and, by its name, at /kaart (the hidden twin below)
        pagina = "kaart" if page.url_path in {"", "start"} else page.url_path
        werkruimte_pagina.bewaar_weergave(pagina, st.query_params.to_dict())
state.sync_url()
state.toon_url_meldingen()

try:
    page.run()
except (DataFout, GeoFout, assets.AssetFout) as exc:  # a broken file: say which and what, as in the log
    log.error("page %s: %s", page.title, exc, exc_info=exc.__cause__ is not None)
    meldingen.gegevensfout(exc)
except WerkruimteFout as exc:  # the database went away while the page read it: the rest keeps working
    log.warning("page %s: werkruimte: %s", page.title, exc)
    werkruimte.meld_fout(exc)
    st.warning(f"De werkruimte is niet bereikbaar: {exc}", icon=":material/cloud_off:")
except Exception:  # never show a traceback to a wethouder; log it for us
    log.exception("page %s failed", page.title)
    st.error(labels.FOUTMELDING)
