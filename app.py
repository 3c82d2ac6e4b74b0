"""Entry point: page list, page config and the sidebar shared by every page."""

import logging

import streamlit as st

from reb_maps import assets, labels, state

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("reb_maps.app")
# The Zoekgebieden page's range sliders need `value=` and a Session State key together (a select_slider only
# returns a range when given one); Streamlit logs a warning with a stack for that on every first use.
logging.getLogger("streamlit.elements.lib.policies").setLevel(logging.ERROR)

st.set_page_config(page_title=labels.APP_TITEL, page_icon="assets/favicon.png", layout="wide")
assets.ensure_static()
state.init()

PAGES = [
    st.Page("app_pages/kaart.py", title=labels.PAGINA_KAART, icon=":material/map:", default=True, url_path="kaart"),
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
        "app_pages/eigen_data.py", title=labels.PAGINA_EIGEN_DATA, icon=":material/upload_file:", url_path="eigen-data"
    ),
    st.Page("app_pages/bronnen.py", title=labels.PAGINA_BRONNEN, icon=":material/menu_book:", url_path="bronnen"),
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
state.sync_url()

try:
    page.run()
except Exception:  # never show a traceback to a wethouder; log it for us
    log.exception("page %s failed", page.title)
    st.error(labels.FOUTMELDING)
