"""Wide & Deep: page config and navigation. No domain logic here."""

import streamlit as st

from assessment.errors import ContentError
from ui import resources
from ui.navigation import PAGES

st.set_page_config(page_title="Wide & Deep", page_icon="🕸️", layout="centered")

# The app's own CSS, in one place; static, no text from any person is ever part of it.
# A focus ring on every radio option and checkbox reached by keyboard (Streamlit's own mark is a
# faint grey): the app's blue, 5.1:1 against the light background and 3.7:1 against the dark one.
st.html("""<style>
[data-testid="stRadioOption"]:has(input:focus-visible), [data-testid="stCheckbox"] label:has(input:focus-visible) {
  outline: 3px solid #0072B2; outline-offset: 2px; border-radius: 0.375rem;
}
</style>""")

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
