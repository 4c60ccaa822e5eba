"""Results: the owner's own result (also back through the private link), or a shared one opened with
?r=TOKEN (read-only). Reads only."""

import streamlit as st

from assessment import links
from ui import owner, place_view, resources, results_flow
from ui.links import Param
from ui.result_view import show_result
from ui.session import current
from ui.text import t

links.blank_overlong_params(st.query_params)  # before anything reads them
q = resources.questionnaire()
owner.arrive()  # the private link (?o=, then hidden) or this browser's cookie brings the owner back
owner.show_forgotten()
session = current()
token = st.query_params.get(Param.RESULT)
own_token = session.saved.share_token if session.saved else None

if session.result and (token is None or token == own_token) and not {Param.MANAGE, Param.THEN} & set(st.query_params):
    place_view.offer_place_in_room()  # a workshop participant's own dot among the room's, once revealed
    show_result(session.result, q, title=t("results.own_title"))
    results_flow.show_owner_tools(q)
elif token is not None:
    results_flow.show_shared(token, q)
else:
    results_flow.show_unfinished(q)
