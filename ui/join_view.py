"""The join form: code, optional nickname and whether the facilitator's export may show it.

Widget keys are fixed (``join.code``, ``join.nickname``, ``join.public``, ``join.submit``):
the load-test client (bench/st_client.py) drives the form by them.
"""

from __future__ import annotations

import streamlit as st

from assessment.room.joining import JOIN_CODE_LENGTH, Refusal

from . import session, workshops
from .links import Param
from .result_view import md_escape
from .text import t

CODE, NICKNAME, PUBLIC, SUBMIT = "join.code", "join.nickname", "join.public", "join.submit"


def prefill_from_link() -> str | None:
    """The code in the link (from the QR code), copied into the form once; None without one."""
    code = st.query_params.get(Param.CODE)
    here = session.current()
    if code and here.join_linked != code:
        st.session_state[CODE] = code[:16]
        here.join_linked = code
    return code


def current_workshop() -> None:
    """Where a person already in a workshop can carry on."""
    here = session.current()
    if here.workshop is None:
        return
    st.info(t("workshop.join.taking_part", title=md_escape(here.workshop.title)))
    if here.result is not None:
        st.page_link("pages/results.py", label=t("workshop.join.see_results"), icon=":material/insights:")
    else:
        st.page_link("pages/questionnaire.py", label=t("workshop.join.continue"), icon=":material/play_arrow:")


def join_form() -> bool:
    """The form; True on the run its Join button was pressed."""
    with st.form("join", border=False):
        st.text_input(t("workshop.join.code"), key=CODE, max_chars=16, placeholder=t("workshop.join.code_placeholder"),
                      help=t("workshop.join.code_help", length=JOIN_CODE_LENGTH))
        st.text_input(t("workshop.join.nickname"), key=NICKNAME, max_chars=workshops.MAX_NICKNAME,
                      placeholder=t("workshop.join.nickname_placeholder"), autocomplete="off")
        st.checkbox(t("workshop.join.public"), key=PUBLIC, value=False)
        st.caption(t("workshop.join.privacy"))
        return st.form_submit_button(t("workshop.join.submit"), key=SUBMIT, type="primary", icon=":material/login:")


def join_from_form(where) -> None:
    """The Join button: into the workshop and on to the questions, or say in ``where`` why not."""
    found = workshops.find_for_joining(st.session_state.get(CODE, ""))
    if isinstance(found, Refusal):
        where.error(workshops.refusal_text(found))
        return
    workshops.enter(found, st.session_state.get(NICKNAME, ""), st.session_state.get(PUBLIC, False))
    st.switch_page("pages/questionnaire.py")


def preview(where, code: str) -> None:
    """Under a QR link: say which workshop this is, or why it can't be joined, before any typing."""
    found = workshops.find_for_joining(code)
    if isinstance(found, Refusal):
        where.error(workshops.refusal_text(found))
    else:
        where.markdown(t("workshop.join.joining", title=md_escape(found.title)))
