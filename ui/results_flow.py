"""The parts of the results page around the result itself: unfinished, shared, saving."""

from __future__ import annotations

import streamlit as st

from assessment.questionnaire import Questionnaire

from . import flow, state


def show_unfinished(q: Questionnaire) -> None:
    """Someone without a result: tell them how far they are and send them back to the questions."""
    st.title("Your results")
    answered = sum(1 for k in q.answer_keys() if state.answers().get(k))
    total = len(q.answer_keys())
    st.info(f"Your results appear here once you have answered every question. You have answered {answered} of {total}.")
    if st.button("Continue the questionnaire" if answered else "Start the questionnaire", type="primary", key="results.resume"):
        state.set_step(flow.first_open_step(q))
        st.switch_page("pages/questionnaire.py")


def show_shared(token: str, q: Questionnaire) -> None:
    st.title("Shared results")
    st.info("Saved results are not available yet.")


def show_owner_tools(q: Questionnaire) -> None:
    pass
