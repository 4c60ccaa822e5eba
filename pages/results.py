"""Results: the owner's own result, or a shared one opened with ?r=TOKEN (read-only)."""

import streamlit as st

from ui import resources, results_flow, state
from ui.result_view import show_result

q = resources.questionnaire()
token = st.query_params.get("r")

if token is not None:
    results_flow.show_shared(token, q)
elif state.get(state.RESULT):
    show_result(state.get(state.RESULT), q, title="Your results")
    results_flow.show_owner_tools(q)
else:
    results_flow.show_unfinished(q)
