"""Answers in progress survive a reload and a server restart.

After every step the answers are saved as a draft under an unguessable resume token, which
goes into the page address (``?resume=TOKEN``). Reloading, or opening that address later,
restores the answers and the step. The draft is deleted once the result is saved. If the
database is down the draft is simply not kept: the answers stay in the browser tab.
"""

from __future__ import annotations

import streamlit as st

from assessment.answers import AnswerError, check_answers
from assessment.questionnaire import Questionnaire
from assessment.storage_errors import StorageError

from . import resources, state

PARAM = "resume"


def keep_draft() -> None:
    """Save the answers so far (called from the step buttons' callbacks)."""
    try:
        token = resources.store().save_draft(dict(state.answers()), state.step(), state.get(state.DRAFT))
    except StorageError:
        state.put(state.DRAFT_NOTICE, "Your progress is kept in this tab only: the server can't store it right now.")
        return
    state.pop(state.DRAFT_NOTICE)
    state.put(state.DRAFT, token)
    st.query_params[PARAM] = token


def restore_draft(q: Questionnaire) -> None:
    """On opening the questionnaire with ?resume=TOKEN in a fresh session: bring the answers back."""
    token = st.query_params.get(PARAM)
    if not token or state.get(state.DRAFT) == token:
        return
    state.put(state.DRAFT, token)
    if state.answers():
        return  # this tab already has answers: they are newer than any draft
    try:
        draft = resources.store().load_draft(token)
    except StorageError:
        state.put(state.DRAFT_NOTICE, "Your saved progress can't be loaded right now: the server's database is unavailable.")
        return
    if draft is None:
        state.put(state.DRAFT_NOTICE, "We couldn't find saved progress at this address, so you are starting afresh.")
        state.pop(state.DRAFT)
        del st.query_params[PARAM]
        return
    known = set(q.answer_keys())
    answers = {k: v for k, v in draft.answers.items() if k in known}
    try:
        check_answers(q, {**{k: "" for k in known}, **answers})
    except AnswerError as error:
        if error.invalid:  # the questionnaire changed since: keep only what still fits
            answers = {k: v for k, v in answers.items() if not any(f"'{k}'" in i for i in error.invalid)}
    state.put(state.ANSWERS, answers)
    state.set_step(min(draft.step, len(q.steps) - 1))
    for key in list(st.session_state.keys()):
        if str(key).startswith(state.WIDGET_PREFIX):
            del st.session_state[key]
