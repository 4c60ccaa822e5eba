"""Wide & Deep: page config and navigation. No domain logic here."""

import streamlit as st

from assessment.errors import ContentError
from ui import resources

st.set_page_config(page_title="Wide & Deep", page_icon="🕸️", layout="centered")

try:
    resources.questionnaire()
except ContentError as error:
    st.error("The questionnaire content has problems, so the app cannot start. Fix these in content/ and reload:")
    st.code("\n".join(str(issue) for issue in error.issues), language=None)
    st.stop()

pages = [
    st.Page("pages/home.py", title="Home", icon=":material/home:", url_path="home", default=True),
    st.Page("pages/questionnaire.py", title="Questionnaire", icon=":material/edit_note:", url_path="questionnaire"),
    st.Page("pages/results.py", title="Results", icon=":material/insights:", url_path="results"),
    st.Page("pages/method.py", title="Method", icon=":material/menu_book:", url_path="method"),
    st.Page("pages/network.py", title="Network map", icon=":material/hub:", url_path="network"),
    st.Page("pages/join.py", title="Join a workshop", icon=":material/qr_code_2:", url_path="join"),
    st.Page("pages/workshop.py", title="Run a workshop", icon=":material/groups:", url_path="workshop"),
    st.Page("pages/projector.py", title="Projector", icon=":material/tv:", url_path="projector", visibility="hidden"),
]
st.navigation(pages, position="top").run()
