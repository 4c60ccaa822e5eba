"""Choices about saving and sharing, asked on the last step."""

from __future__ import annotations

import streamlit as st

from assessment.room.summary import FLOOR_RESPONSES

from .session import SharingChoice, current
from .text import t

KEEP, NAME, WITH_ANSWERS = "share.keep", "share.name", "share.answers"
MAX_NAME = 60


def sharing_options() -> None:
    """Inside the last step's form: keep on the server, an optional name, whether answers are shared."""
    for key, default in ((KEEP, True), (NAME, ""), (WITH_ANSWERS, False)):
        st.session_state.setdefault(key, default)
    workshop = current().workshop
    with st.container(border=True):
        if workshop is not None:
            # Saving is not optional in a workshop, and the person already chose their one name
            # (the nickname at joining): say so, and ask nothing twice.
            st.markdown(t("workshop.sharing.title"))
            st.caption(t("workshop.sharing.saved", n=FLOOR_RESPONSES))
        else:
            st.markdown(t("questionnaire.sharing.title"))
            st.checkbox(t("questionnaire.sharing.keep"), key=KEEP, help=t("questionnaire.sharing.keep_help"))
            st.text_input(t("questionnaire.sharing.name"), key=NAME, max_chars=MAX_NAME,
                          placeholder=t("questionnaire.sharing.name_placeholder"))
        st.checkbox(t("questionnaire.sharing.answers"), key=WITH_ANSWERS)


def chosen() -> SharingChoice:
    """What the person chose (read in the Finish callback, while the widgets still exist)."""
    workshop = current().workshop
    typed = workshop.nickname if workshop is not None else st.session_state.get(NAME)  # one name, asked once
    name = str(typed or "").strip()[:MAX_NAME] or None
    return SharingChoice(
        keep=bool(st.session_state.get(KEEP, True)) or workshop is not None,
        display_name=name,
        include_answers=bool(st.session_state.get(WITH_ANSWERS, False)),
    )
