"""Answers in progress survive a reload, a dropped connection and a server restart.

Every answer is saved as it is given (``keep_draft``, from each answer's on_change) as a draft
under an unguessable resume token, which goes into the page address (``?resume=TOKEN``). The
draft is deleted once the result is saved. If the database is down the draft is simply not kept:
the answers stay in the browser tab.

A resume link is safe to receive (issue 11 §6). The browser that started a draft remembers its
token in a cookie (``wd_draft``); opened there (a reload, coming back later), the answers come
straight back. Opened anywhere else, nothing is adopted silently: the page says what the draft
carries (how many answers, which workshop, which nickname) and asks. Continuing moves the answers
to a new token and deletes the old draft, so whoever sent the link cannot read the answers given
from then on; and the workshop is joined only if the person ticks its consent box again, with
their nickname hidden from the facilitator unless they tick that too.

A workshop participant's draft also keeps the workshop and the nickname choice (its
``context``), so a session that resumes it on another server, or after a restart, takes part
again and the result reaches the room. A workshop deleted meanwhile is not rejoined: the
result will be saved for the person only, and they are told so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from assessment.questionnaire import Questionnaire
from assessment.storage.errors import StorageError

from . import answer_widgets, resources, workshops
from .links import Param
from .owner import cookie_script
from .press import action_button
from .result_view import md_escape
from .session import Session, current
from .text import t

COOKIE = "wd_draft"
CONSENT = "w.draft.consent"        # the workshop consent asked again before continuing another's draft
SHOW_NICKNAME = "w.draft.public"


@dataclass(frozen=True, slots=True)
class DraftOffer:
    """A draft opened from a resume link this browser did not start, waiting for the person's answer."""

    token: str
    answers: dict[str, str] = field(repr=False)
    step: int
    workshop_id: int | None = None
    workshop_title: str | None = None
    nickname: str | None = None
    nickname_public: bool = False


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
    """On opening the questionnaire with ?resume=TOKEN in a fresh session: bring the answers back
    if this browser started the draft; otherwise offer it (``show_offer``)."""
    session = current()
    token = st.query_params.get(Param.RESUME)
    if not token or session.draft_token == token or (session.draft_offer and session.draft_offer.token == token):
        return
    if session.answers:  # this tab already has answers: they are newer, and another's draft is not adopted
        _point_address_at(session.draft_token)
        return
    try:
        draft = resources.store().load_draft(token)
    except StorageError:
        session.draft_notice = t("questionnaire.draft.unavailable")
        return
    if draft is None:
        session.draft_notice = t("questionnaire.draft.not_found")
        del st.query_params[Param.RESUME]
        return
    # the questionnaire may have changed since: keep only the answers that still fit it
    answers = {k: v for k, v in draft.answers.items() if v in (q.choices(k) or ())}
    step = min(draft.step, len(q.steps) - 1)
    if started_here(token):  # this browser started it: straight back
        session.draft_token = token
        session.set_answers(answers)
        _rejoin(session, draft.context)  # before the step: joining starts at the first step
        session.step = step
        answer_widgets.forget()
        return
    session.draft_offer = _offer(token, answers, step, draft.context)


def started_here(token: str) -> bool:
    """Whether this browser started the draft ``token`` (its cookie holds it)."""
    return st.context.cookies.get(COOKIE) == token


def _offer(token: str, answers: dict[str, str], step: int, context: Mapping[str, Any]) -> DraftOffer:
    workshop_id, nickname, public = (context.get(k) for k in ("workshop_id", "nickname", "nickname_public"))
    if type(workshop_id) is not int or not isinstance(nickname, str | None):
        return DraftOffer(token, answers, step)
    try:
        workshop = resources.store().find_workshop(workshop_id) if 0 < workshop_id < 2**31 else None
    except StorageError:
        workshop = None
    if workshop is None:
        return DraftOffer(token, answers, step)
    return DraftOffer(token, answers, step, workshop.id, workshop.title, nickname, public is True)


def show_offer(q: Questionnaire) -> bool:
    """The question asked before another browser's draft is continued; True while it is on screen."""
    offer = current().draft_offer
    if offer is None:
        return False
    st.header(t("questionnaire.offer.title"))
    st.write(t("questionnaire.offer.carries", answered=len(offer.answers), total=len(q.answer_keys()),
               step=offer.step + 1, steps=len(q.steps)))
    if offer.workshop_title is not None:
        st.write(t("questionnaire.offer.workshop", title=md_escape(offer.workshop_title)))
        if offer.nickname:
            st.write(t("questionnaire.offer.nickname", nickname=md_escape(offer.nickname)))
        st.checkbox(t("questionnaire.offer.consent", title=md_escape(offer.workshop_title)), key=CONSENT, value=False)
        if offer.nickname:
            st.checkbox(t("questionnaire.offer.show_nickname"), key=SHOW_NICKNAME, value=False)
    st.caption(t("questionnaire.offer.private"))
    go, fresh = st.columns(2)
    action_button(go, t("questionnaire.offer.continue"), on_click=_continue_offer, args=(q,), type="primary",
                  key="offer.continue", width="stretch")
    action_button(fresh, t("questionnaire.offer.fresh"), on_click=_decline_offer, key="offer.fresh", width="stretch")
    return True


def _continue_offer(q: Questionnaire) -> None:
    """Continue another browser's draft: its answers move to a new token (the old draft goes), and
    the workshop is joined only with the consent given now."""
    session = current()
    offer = session.draft_offer
    session.draft_offer = None
    if offer is None:
        return
    session.set_answers(offer.answers)
    if offer.workshop_id is not None and st.session_state.get(CONSENT):
        try:
            workshop = resources.store().find_workshop(offer.workshop_id)
        except StorageError:
            workshop = None
        if workshop is not None:
            workshops.enter(workshop, offer.nickname or "", bool(st.session_state.get(SHOW_NICKNAME)))
    session.step = offer.step
    answer_widgets.forget()
    session.draft_token = None
    keep_draft()  # a new token: the sender's link no longer reaches these answers
    try:
        resources.store().delete_draft(offer.token)
    except StorageError:
        pass  # the old draft expires on its own; it holds only what the sender already had


def _decline_offer() -> None:
    current().draft_offer = None
    if Param.RESUME in st.query_params:
        del st.query_params[Param.RESUME]


def _point_address_at(token: str | None) -> None:
    if token:
        st.query_params[Param.RESUME] = token
    elif Param.RESUME in st.query_params:
        del st.query_params[Param.RESUME]


def remember_browser() -> None:
    """This browser started the draft on screen: remember its token, so a reload restores it without asking."""
    token = current().draft_token
    if token and not started_here(token):
        cookie_script(f"{COOKIE}={token}; max-age={30 * 86400}")  # not-text


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
