"""The questionnaire: one short step at a time, with progress, back and next.

No form: every answer is kept and saved as a draft as it is given (``items.answer_given``), so a
reload or a dropped connection loses nothing. The cost is one rerun per answer (bench/core.py).
"""

import streamlit as st

from assessment import links
from assessment.pace import pace
from ui import drafts, flow, resources, results_flow, workshops
from ui.chart_preload import preload_chart_script
from ui.focus import focus_step_heading, kept_place
from ui.items import show_item
from ui.press import action_button
from ui.session import current
from ui.sharing import sharing_options
from ui.text import t

session = current()
if session.take_finished():  # "See my results" scored and saved in its callback: nothing to draw here
    st.switch_page("pages/results.py")

links.blank_overlong_params(st.query_params)  # before anything reads them
q = resources.questionnaire()
drafts.restore_draft(q)
if drafts.show_offer(q):  # another browser's draft: asked first, nothing adopted yet
    st.stop()
if session.result is not None:  # finished: the results, or take it again, never the old last step
    st.header(t("questionnaire.finished.title"))
    st.page_link("pages/results.py", label=t("questionnaire.finished.see"), icon=":material/insights:")
    results_flow.take_again_section()
    st.stop()
with kept_place("draft-cookie"):  # the script appears on the first answer's run: the answers keep their place
    drafts.remember_browser()
n = min(session.step, len(q.steps) - 1)
step = q.steps[n]
last = n == len(q.steps) - 1

workshops.show_taking_part()
so_far = pace(q, session.answers)
st.progress(so_far.share, text=t("questionnaire.progress", answered=so_far.answered, total=so_far.total,
                                 n=so_far.minutes_left, step=n + 1, steps=len(q.steps)))
st.header(step.title, anchor=False)  # no link icon: one tab stop less before the answers
focus_step_heading(n)  # after Next or Back, the keyboard focus lands on this heading
st.caption(step.intro)
with kept_place("draft-notice"):  # it goes with the first answer: the answers keep their place (and the focus)
    if session.draft_notice:
        st.info(session.draft_notice)

with st.container(key="answers"):  # app.py's CSS lays its scales out for a phone
    for item_id in step.items:
        show_item(q.item(item_id), q)
if last:
    sharing_options()
with kept_place("step-notice"):  # it comes with Next on a step not done: the buttons keep their place
    if session.notice:
        st.warning(session.notice)

with st.container(key="step-nav"):  # the primary button first (app.py's CSS puts Back on its left when wide)
    forward, back = st.columns(2)
if not last:
    action_button(forward, t("questionnaire.next"), on_click=flow.go_next, args=(q,), type="primary", width="stretch",
                  key="nav.next")
else:
    action_button(forward, t("questionnaire.finish"), on_click=flow.finish, args=(q,), type="primary",
                  width="stretch", key="nav.finish")
action_button(back, t("questionnaire.back"), on_click=flow.go_back, args=(q,), disabled=n == 0, width="stretch",
              key="nav.back")
if last:  # the results page's charts need Plotly's script: the browser fetches it while the person answers
    preload_chart_script()
