"""Wide & Deep: page config and navigation. No domain logic here."""

import streamlit as st

from assessment.errors import ContentError
from ui import resources
from ui.navigation import PAGES

st.set_page_config(page_title="Wide & Deep", page_icon="🕸️", layout="centered")

try:
    resources.questionnaire()
except ContentError as error:
    st.error("The questionnaire content has problems, so the app cannot start. Fix these in content/ and reload:")
    st.code("\n".join(str(issue) for issue in error.issues), language=None)
    st.stop()

pages = [
    st.Page(p.script, title=p.title, icon=p.icon, url_path=p.url_path, default=n == 0,
            visibility="hidden" if p.hidden else "visible")
    for n, p in enumerate(PAGES)
]
st.navigation(pages, position="top").run()
