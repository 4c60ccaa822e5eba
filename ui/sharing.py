"""Choices about saving and sharing, asked on the last step, and the owner's sharing tools."""

from __future__ import annotations

import streamlit as st

from . import state

KEEP, NAME, WITH_ANSWERS = "share.keep", "share.name", "share.answers"
MAX_NAME = 60


def sharing_options() -> None:
    """Inside the last step's form: keep on the server, an optional name, whether answers are shared."""
    for key, default in ((KEEP, True), (NAME, ""), (WITH_ANSWERS, False)):
        st.session_state.setdefault(key, default)
    with st.container(border=True):
        st.markdown("**Saving and sharing** (optional)")
        in_workshop = state.get(state.WORKSHOP) is not None
        st.checkbox(
            "Save my results so I get a share link", key=KEEP, disabled=in_workshop,
            help="Unticked, nothing is stored on the server: download your results as a file instead.",
        )
        if in_workshop:
            st.caption("In a workshop your results are saved so the room's summary can count them (anonymously).")
        st.text_input("Name on the shared page", key=NAME, max_chars=MAX_NAME, placeholder="e.g. Sam (optional)")
        st.checkbox("Show my individual answers on the shared page", key=WITH_ANSWERS)


def chosen() -> dict:
    """What the person chose (read in the Finish callback, while the widgets still exist)."""
    name = str(st.session_state.get(NAME) or "").strip()[:MAX_NAME] or None
    return {
        "keep": bool(st.session_state.get(KEEP, True)) or state.get(state.WORKSHOP) is not None,
        "display_name": name,
        "include_answers": bool(st.session_state.get(WITH_ANSWERS, False)),
    }
