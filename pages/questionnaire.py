"""The questionnaire: one short step at a time, with progress, back and next."""

import streamlit as st

from assessment import links
from ui import drafts, flow, resources, state, workshops
from ui.items import show_item
from ui.sharing import sharing_options

links.blank_overlong_params(st.query_params)  # before anything reads them
q = resources.questionnaire()
drafts.restore_draft(q)
n = min(state.step(), len(q.steps) - 1)
step = q.steps[n]

workshops.show_taking_part()
st.progress((n + 1) / len(q.steps), text=f"Step {n + 1} of {len(q.steps)} · {step.title}")
st.header(step.title)
st.caption(step.intro)
if state.get(state.DRAFT_NOTICE):
    st.info(state.get(state.DRAFT_NOTICE))

with st.form(f"step.{step.id}", border=False, enter_to_submit=False):
    for item_id in step.items:
        show_item(q.item(item_id), q)
    last = n == len(q.steps) - 1
    if last:
        sharing_options()

    notice = state.get(state.NOTICE)
    if notice:
        st.warning(notice)

    back, forward = st.columns(2)
    back.form_submit_button("← Back", on_click=flow.go_back, args=(q,), disabled=n == 0, width="stretch", key="nav.back")
    if not last:
        forward.form_submit_button("Next →", on_click=flow.go_next, args=(q,), type="primary", width="stretch",
                                   key="nav.next")
    else:
        forward.form_submit_button("See my results", on_click=flow.finish, args=(q,), type="primary", width="stretch",
                                   key="nav.finish")

if flow.consume_finished():
    st.switch_page("pages/results.py")
