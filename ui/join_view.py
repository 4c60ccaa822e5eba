"""The join form: code, optional nickname and whether the facilitator's export may show it.

Widget keys are fixed (``join.code``, ``join.nickname``, ``join.public``, ``join.submit``):
the load-test client (bench/st_client.py) drives the form by them.
"""

from __future__ import annotations

import streamlit as st

from assessment.room.joining import JOIN_CODE_LENGTH

from . import state, workshops
from .result_view import md_escape
from .session import current

CODE, NICKNAME, PUBLIC, SUBMIT = "join.code", "join.nickname", "join.public", "join.submit"


def prefill_from_link() -> str | None:
    """The code in the link (from the QR code), copied into the form once; None without one."""
    code = st.query_params.get("code")
    if code and st.session_state.get(state.JOIN_LINKED) != code:
        st.session_state[CODE] = code[:16]
        st.session_state[state.JOIN_LINKED] = code
    return code


def current_workshop() -> None:
    """Where a person already in a workshop can carry on."""
    joined = current().workshop
    if not joined:
        return
    st.info(f"You're taking part in **{md_escape(joined.title)}**.")
    if current().result:
        st.page_link("pages/results.py", label="See your results", icon=":material/insights:")
    else:
        st.page_link("pages/questionnaire.py", label="Continue with the questions", icon=":material/play_arrow:")


def join_form() -> bool:
    """The form; True on the run its Join button was pressed."""
    with st.form("join", border=False):
        st.text_input("Join code", key=CODE, max_chars=16, placeholder="e.g. K7R WX3",
                      help=f"The {JOIN_CODE_LENGTH} characters on the projector. Case, spaces and dashes don't matter.")
        st.text_input("Nickname (optional)", key=NICKNAME, max_chars=workshops.MAX_NICKNAME,
                      placeholder="e.g. Sam", autocomplete="off")
        st.checkbox("Show my nickname to the facilitator's export", key=PUBLIC, value=False)
        st.caption("The projector never shows names: only anonymous dots and counts. Your nickname reaches the "
                   "facilitator's download only if you tick the box.")
        return st.form_submit_button("Join", key=SUBMIT, type="primary", icon=":material/login:")


def preview(where, code: str) -> None:
    """Under a QR link: say which workshop this is, or why it can't be joined, before any typing."""
    try:
        workshop = workshops.find_for_joining(code)
    except workshops.JoinRefused as refused:
        where.error(str(refused))
    else:
        where.markdown(f"You're joining **{md_escape(workshop.title)}**. Add a nickname if you like, then press Join.")
