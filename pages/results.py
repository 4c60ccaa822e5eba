"""Results: the owner's own result, or a shared one opened with ?r=TOKEN (read-only)."""

import streamlit as st

from assessment import links
from ui import resources, results_flow, state
from ui.result_view import show_result

links.blank_overlong_params(st.query_params)  # before anything reads them
q = resources.questionnaire()
token = st.query_params.get("r")
own = state.get(state.RESULT)
own_token = (state.get(state.SAVED) or {}).get("share_token")

if own and (token is None or token == own_token) and "m" not in st.query_params:
    show_result(own, q, title="Your results")
    results_flow.show_owner_tools(q)
elif token is not None:
    results_flow.show_shared(token, q)
else:
    results_flow.show_unfinished(q)
