"""Reference for the bench: a minimal st.navigation app with a sidebar widget, like app.py but empty."""

import streamlit as st

st.set_page_config(page_title="x", layout="wide")


def a():
    st.title("A")


def b():
    st.title("B")


pg = st.navigation([st.Page(a, title="A", url_path="a", default=True), st.Page(b, title="B", url_path="b")])
with st.sidebar:
    st.selectbox("Gemeente", ["x", "y"], key="g")
pg.run()
