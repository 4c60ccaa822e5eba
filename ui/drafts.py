"""Answers in progress survive a reload and a server restart.

After every step the answers are saved as a draft under an unguessable resume token, which
goes into the page address (``?resume=TOKEN``). Reloading, or opening that address later,
restores the answers and the step. The draft is deleted once the result is saved. If the
database is down the draft is simply not kept: the answers stay in the browser tab.

A workshop participant's draft also keeps the workshop and the nickname choice (its
``context``), so a session that resumes it on another server, or after a restart, takes part
again and the result reaches the room. A workshop deleted meanwhile is not rejoined: the
result will be saved for the person only, and they are told so.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from assessment.answers import AnswerError, check_answers
from assessment.questionnaire import Questionnaire
from assessment.storage.errors import StorageError

from . import resources, session, state, workshops

PARAM = "resume"
WORKSHOP_GONE = "The workshop you joined is no longer running, so your answers will be saved for you only."
WORKSHOP_UNCHECKED = ("Your answers are back, but your workshop can't be checked right now: the server's database "
                      "is unavailable. Join it again with its code so your result counts in the room.")


def keep_draft() -> None:
    """Save the answers so far (called from the step buttons' callbacks)."""
    try:
        token = resources.store().save_draft(dict(state.answers()), state.step(), state.get(state.DRAFT),
                                             _workshop_context())
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
    _rejoin(draft.context)  # before the step: joining starts at the first step
    state.set_step(min(draft.step, len(q.steps) - 1))
    for key in list(st.session_state.keys()):
        if str(key).startswith(state.WIDGET_PREFIX):
            del st.session_state[key]


def _workshop_context() -> dict[str, Any] | None:
    """What a draft keeps of the workshop this session takes part in; None outside one."""
    workshop = session.current().workshop
    if workshop is None:
        return None
    return {"workshop_id": workshop.id, "nickname": workshop.nickname, "nickname_public": workshop.nickname_public}


def _rejoin(context: Mapping[str, Any]) -> None:
    """Take part again in the draft's workshop, with the nickname choice made when joining.

    A context this app did not write (wrong types, missing keys) is ignored: the answers are
    still restored, outside any workshop.
    """
    workshop_id, nickname, public = (context.get(k) for k in ("workshop_id", "nickname", "nickname_public"))
    if type(workshop_id) is not int or not 0 < workshop_id < 2**31:  # an INTEGER column's range
        return
    if not isinstance(nickname, str | None) or not isinstance(public, bool):
        return
    try:
        workshop = resources.store().find_workshop(workshop_id)
    except StorageError:
        state.put(state.DRAFT_NOTICE, WORKSHOP_UNCHECKED)
        return
    if workshop is None:  # deleted; a closed one is still joined: saving says it closed
        state.put(state.DRAFT_NOTICE, WORKSHOP_GONE)
        return
    workshops.enter(workshop, nickname or "", public)
