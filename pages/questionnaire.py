"""The questionnaire: one short step at a time, with progress, back and next."""

import streamlit as st

from assessment import links
from assessment.pace import pace
from ui import drafts, flow, resources, workshops
from ui.chart_preload import preload_chart_script
from ui.items import show_item
from ui.session import current
from ui.sharing import sharing_options
from ui.text import t

session = current()
if session.take_finished():  # "See my results" scored and saved in its callback: nothing to draw here
    st.switch_page("pages/results.py")

links.blank_overlong_params(st.query_params)  # before anything reads them
q = resources.questionnaire()
drafts.restore_draft(q)
n = min(session.step, len(q.steps) - 1)
step = q.steps[n]
last = n == len(q.steps) - 1

workshops.show_taking_part()
so_far = pace(q, session.answers)
st.progress(so_far.share, text=t("questionnaire.progress", answered=so_far.answered, total=so_far.total,
                                 n=so_far.minutes_left, step=n + 1, steps=len(q.steps)))
st.header(step.title)
st.caption(step.intro)
if session.draft_notice:
    st.info(session.draft_notice)

with st.form(f"step.{step.id}", border=False, enter_to_submit=False):
    for item_id in step.items:
        show_item(q.item(item_id), q)
    if last:
        sharing_options()
    if session.notice:
        st.warning(session.notice)

    back, forward = st.columns(2)
    back.form_submit_button(t("questionnaire.back"), on_click=flow.go_back, args=(q,), disabled=n == 0,
                            width="stretch", key="nav.back")
    if not last:
        forward.form_submit_button(t("questionnaire.next"), on_click=flow.go_next, args=(q,), type="primary",
                                   width="stretch", key="nav.next")
    else:
        forward.form_submit_button(t("questionnaire.finish"), on_click=flow.finish, args=(q,), type="primary",
                                   width="stretch", key="nav.finish")
if last:  # the results page's charts need Plotly's script: the browser fetches it while the person answers
    preload_chart_script()
