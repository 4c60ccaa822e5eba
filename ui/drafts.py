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

from assessment.questionnaire import Questionnaire
from assessment.storage.errors import StorageError

from . import answer_widgets, resources, workshops
from .links import Param
from .session import Session, current
from .text import t


def keep_draft() -> None:
    """Save the answers so far (called from the step buttons' callbacks)."""
    session = current()
    try:
        token = resources.store().save_draft(dict(session.answers), session.step, session.draft_token,
                                             _workshop_context(session))
    except StorageError:
        session.draft_notice = t("questionnaire.draft.not_kept")
        return
    session.draft_notice = None
    session.draft_token = token
    st.query_params[Param.RESUME] = token


def restore_draft(q: Questionnaire) -> None:
    """On opening the questionnaire with ?resume=TOKEN in a fresh session: bring the answers back."""
    session = current()
    token = st.query_params.get(Param.RESUME)
    if not token or session.draft_token == token:
        return
    session.draft_token = token
    if session.answers:
        return  # this tab already has answers: they are newer than any draft
    try:
        draft = resources.store().load_draft(token)
    except StorageError:
        session.draft_notice = t("questionnaire.draft.unavailable")
        return
    if draft is None:
        session.draft_notice = t("questionnaire.draft.not_found")
        session.draft_token = None
        del st.query_params[Param.RESUME]
        return
    # the questionnaire may have changed since: keep only the answers that still fit it
    session.set_answers({k: v for k, v in draft.answers.items() if v in (q.choices(k) or ())})
    _rejoin(session, draft.context)  # before the step: joining starts at the first step
    session.step = min(draft.step, len(q.steps) - 1)
    answer_widgets.forget()


def _workshop_context(session: Session) -> dict[str, Any] | None:
    """What a draft keeps of the workshop this session takes part in; None outside one."""
    workshop = session.workshop
    if workshop is None:
        return None
    return {"workshop_id": workshop.id, "nickname": workshop.nickname, "nickname_public": workshop.nickname_public}


def _rejoin(session: Session, context: Mapping[str, Any]) -> None:
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
        session.draft_notice = t("questionnaire.draft.workshop_unchecked")
        return
    if workshop is None:  # deleted; a closed one is still joined: saving says it closed
        session.draft_notice = t("questionnaire.draft.workshop_gone")
        return
    workshops.enter(workshop, nickname or "", public)
