"""Wide & Deep: page config and navigation. No domain logic here."""

import streamlit as st

from ui import language, resources
from ui.navigation import PAGES
from ui.text import t

st.set_page_config(page_title=t("common.app_title"), page_icon="🕸️", layout="centered")

# The app's own CSS, in one place; static, no text from any person is ever part of it.
# A focus ring on every radio option and checkbox reached by keyboard (Streamlit's own mark is a
# faint grey): the app's blue, 5.1:1 against the light background and 3.7:1 against the dark one.
st.html("""<style>
[data-testid="stRadioOption"]:has(input:focus-visible), [data-testid="stCheckbox"] label:has(input:focus-visible) {
  outline: 3px solid #0072B2; outline-offset: 2px; border-radius: 0.375rem;
}
/* ui/chart_preload.py: laid out (so Plotly draws and its script loads) but unseen, unheard, out of the flow */
.st-key-chart-preload { position: absolute; visibility: hidden; height: 0; overflow: hidden; pointer-events: none; }
</style>""")

problems = resources.content_problems()  # the questionnaire and the network map, checked at start
if problems:
    st.error(t("common.content_problems"))
    st.code("\n".join(problems), language=None)
    st.stop()

language.switch()  # English or Português, top right of every page (ui/language.py)

pages = [
    st.Page(p.script, title=t(p.title_key), icon=p.icon, url_path=p.url_path, default=n == 0,
            visibility="hidden" if p.hidden else "visible")
    for n, p in enumerate(PAGES)
]
st.navigation(pages, position="top").run()
