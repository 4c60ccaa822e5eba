"""Wide & Deep: page config and navigation. No domain logic here."""

import streamlit as st

from ui import language, press, resources
from ui.navigation import PAGES, close_menu_after_tap
from ui.text import t

st.set_page_config(page_title=t("common.app_title"), page_icon="🕸️", layout="centered")
press.run_pending()  # a press that reached this session before it drew the button (ui/press.py): before any page

# The app's own CSS, in one place; static, no text from any person is ever part of it.
# A focus ring on every radio option and checkbox reached by keyboard (Streamlit's own mark is a
# faint grey): the app's blue, 5.1:1 against the light background and 3.7:1 against the dark one.
st.html("""<style>
[data-testid="stRadioOption"]:has(input:focus-visible), [data-testid="stCheckbox"] label:has(input:focus-visible) {
  outline: 3px solid #0072B2; outline-offset: 2px; border-radius: 0.375rem;
}
/* Answer scales (issue 13 §1): each reads as one ordered line, options side by side in equal cells (a long label
   wraps inside its cell, never onto a second row of options), every option a tap target of at least 44 x 44 px.
   On a phone (Streamlit's own breakpoint, 640 px) a question's options become a full-width vertical list, except
   the segment grid's short bands (None ... 51+), which stay one line: 5 cells of about 70 px at 390. */
.st-key-answers [data-testid="stRadioGroup"] {
  display: grid; grid-auto-flow: column; grid-auto-columns: minmax(0, 1fr); gap: 0.25rem; width: 100%; align-items: stretch;
}
.st-key-answers [data-testid="stElementContainer"]:has(> [data-testid="stRadio"]), .st-key-answers [data-testid="stRadio"] { width: 100%; }
.st-key-answers [data-testid="stRadioGroup"] > div { display: flex; align-items: stretch; min-width: 0; }
.st-key-answers [data-testid="stRadioOption"] {
  box-sizing: border-box; width: 100%; min-height: 44px; margin: 0; padding: 0.25rem 0.5rem;
  display: flex; align-items: center; border-radius: 0.375rem;
}
.st-key-answers [data-testid="stRadioOption"] > div { align-items: center; }
.st-key-answers [data-testid="stRadioOption"] p { margin: 0; }
.st-key-answers [data-testid="stRadioOption"]:hover { background: rgba(128, 128, 128, 0.12); }
.st-key-answers [data-testid="stRadioOption"]:has(input:checked) { background: rgba(0, 114, 178, 0.12); border-color: #0072B2; }
@media (max-width: 640px) {
  .st-key-answers [data-testid="stRadioGroup"] { grid-auto-flow: row; grid-template-columns: 1fr; gap: 0.375rem; }
  .st-key-answers [data-testid="stRadioOption"] { border: 1px solid rgba(128, 128, 128, 0.45); }
  .st-key-answers .st-key-answers-grid [data-testid="stRadioGroup"] {
    grid-auto-flow: column; grid-template-columns: none; gap: 0.25rem;
  }
  .st-key-answers .st-key-answers-grid [data-testid="stRadioOption"] { padding: 0.375rem 0.125rem; justify-content: center; }
  .st-key-answers .st-key-answers-grid [data-testid="stRadioOption"] > div { flex-direction: column; gap: 0.25rem; text-align: center; }
}
/* The step's buttons: the primary one comes first in the page (first for a screen reader and the Tab key, on top
   on a phone, where Streamlit stacks columns); reversed on a wider screen, so "Back" sits on the left there. */
.st-key-step-nav [data-testid="stHorizontalBlock"] { flex-direction: row-reverse; }
/* Page links wrap instead of being cut off with an ellipsis at 390 px (home's "Or map your network" link). */
[data-testid="stPageLink"] a, [data-testid="stPageLink"] p { white-space: normal; overflow: visible; text-overflow: clip; line-height: 1.4; }
/* Expander titles wrap instead of being cut off with an ellipsis at 390 px (the network map's long Portuguese
   "Já mapeou antes? Carregue o mapa que você baixou"). */
[data-testid="stExpander"] summary p { white-space: normal; overflow: visible; text-overflow: clip; }
/* ui/uploads.py: Streamlit's "1MB per file" is not the limit of a results file; the caption under it says the real one. */
[class*="st-key-results-file-"] [data-testid="stFileUploaderDropzoneInstructions"] { display: none; }
/* Pills (the network map's chips): Streamlit draws a chosen chip as its blue text on a blue tint, under 4.5:1 in the
   dark theme and when hovered in light (axe). Chosen: dark text on pale blue in both themes (about 12:1), hovered or
   not. On a phone each chip is a 44 px tap target. */
[data-testid="stButtonGroup"] button[data-selected] { background: #E6F1F8 !important; border-color: #0072B2 !important; }
[data-testid="stButtonGroup"] button[data-selected], [data-testid="stButtonGroup"] button[data-selected] * { color: #0B2E45 !important; }
@media (max-width: 640px) { [data-testid="stButtonGroup"] button { min-height: 44px; } }
/* ui/focus.py, ui/navigation.py: scripts with nothing to show take no room */
[class*="st-key-page-script-"] { display: none; }
/* ui/chart_preload.py: laid out (so Plotly draws and its script loads) but unseen, unheard, out of the flow */
.st-key-chart-preload { position: absolute; visibility: hidden; height: 0; overflow: hidden; pointer-events: none; }
</style>""")

problems = resources.content_problems()  # the questionnaire and the network map, checked at start
if problems:
    st.error(t("common.content_problems"))
    st.code("\n".join(problems), language=None)
    st.stop()

pages = [
    st.Page(p.script, title=t(p.title_key), icon=p.icon, url_path=p.url_path, default=n == 0,
            visibility="hidden" if p.hidden else "visible")
    for n, p in enumerate(PAGES)
]
page = st.navigation(pages, position="top")
# English or Português, top right of every page (ui/language.py); the projector's language is the
# facilitator's (its link carries it), and the wall has no room to spare: no switch there.
language.switch(shown=page.url_path != "projector")
close_menu_after_tap()
page.run()
