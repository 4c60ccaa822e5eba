"""Choices about saving and sharing, asked on the last step."""

from __future__ import annotations

import streamlit as st

from .session import SharingChoice, current
from .text import t

KEEP, NAME, WITH_ANSWERS = "share.keep", "share.name", "share.answers"
MAX_NAME = 60


def sharing_options() -> None:
    """Inside the last step's form: keep on the server, an optional name, whether answers are shared."""
    for key, default in ((KEEP, True), (NAME, ""), (WITH_ANSWERS, False)):
        st.session_state.setdefault(key, default)
    with st.container(border=True):
        st.markdown(t("questionnaire.sharing.title"))
        in_workshop = current().workshop is not None
        st.checkbox(t("questionnaire.sharing.keep"), key=KEEP, disabled=in_workshop,
                    help=t("questionnaire.sharing.keep_help"))
        if in_workshop:
            st.caption(t("questionnaire.sharing.in_workshop"))
        st.text_input(t("questionnaire.sharing.name"), key=NAME, max_chars=MAX_NAME,
                      placeholder=t("questionnaire.sharing.name_placeholder"))
        st.checkbox(t("questionnaire.sharing.answers"), key=WITH_ANSWERS)


def chosen() -> SharingChoice:
    """What the person chose (read in the Finish callback, while the widgets still exist)."""
    name = str(st.session_state.get(NAME) or "").strip()[:MAX_NAME] or None
    return SharingChoice(
        keep=bool(st.session_state.get(KEEP, True)) or current().workshop is not None,
        display_name=name,
        include_answers=bool(st.session_state.get(WITH_ANSWERS, False)),
    )
