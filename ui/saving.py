"""Saving a finished result: one idempotent transition, run by "See my results" (and by a retry).

``save_once`` stores the session's result if the person chose to keep it and it is not stored
yet; otherwise it does nothing. Pages never save while drawing: they read ``session.saved``
and ``session.save_error``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import streamlit as st

from assessment.scoring import Result
from assessment.storage.errors import StorageError, StorageUnavailable, WorkshopClosed
from assessment.storage.results import NewResult

from . import resources, workshops
from .links import Param
from .session import SavedLinks, Session, current
from .text import t


def save_once() -> None:
    """Save this session's result once, if the person chose to keep it; errors land in ``save_error``."""
    session = current()
    if session.result is None:
        return
    if not session.sharing.keep:
        _forget_draft(session)  # "keep nothing on the server" includes the answers in progress
        return
    if session.saved or session.save_error:
        return
    new = _new_result(session)
    if new.workshop_id is not None and not workshops.allowed(workshops.ROOM_RESULTS, f":{new.workshop_id}"):
        session.tell_results_page(t("workshop.too_many_results"))  # a limit no person meets
        new = replace(new, workshop_id=None)
    try:
        try:
            saved = resources.store().save_result(new)
        except WorkshopClosed:
            session.tell_results_page(t("results.saving.workshop_closed"))
            saved = resources.store().save_result(replace(new, workshop_id=None))
    except StorageUnavailable:
        session.save_error = t("results.saving.unavailable")
        return
    except StorageError:
        session.save_error = t("results.saving.failed")
        return
    session.saved = SavedLinks(share_token=saved.share_token, manage_key=saved.manage_key)
    if saved.replaced_in_room:
        session.tell_results_page(t("results.saving.replaced_in_room"))
    _forget_draft(session)


def replace_scores(result: Result, extras: dict[str, Any] | None) -> bool:
    """New scores for the session's result (the network map blended in or taken out), changed in
    place in its saved copy, so the share link already sent stays the same. False, and nothing
    changed, when the database cannot be reached. A copy deleted meanwhile is saved afresh."""
    session = current()
    saved = session.saved
    if saved is not None:
        new = replace(_new_result(session), result=result.to_dict(), extras=extras)
        try:
            kept = resources.store().update_result(saved.share_token, saved.manage_key, new)
        except StorageError:
            return False
        if not kept:
            session.saved = None
    session.replace_result(result, extras)
    save_once()
    return True


def retry() -> None:
    """on_click of "Try saving again"."""
    current().save_error = None
    save_once()


def _new_result(session: Session) -> NewResult:
    sharing, workshop = session.sharing, session.workshop
    return NewResult(
        answers=dict(session.answers),
        result=session.result.to_dict(),  # the storage boundary: a Result becomes its stored shape here
        include_answers=sharing.include_answers,
        display_name=sharing.display_name,
        extras=session.network_extras,
        workshop_id=workshop.id if workshop else None,
        nickname=workshop.nickname if workshop else None,
        nickname_public=bool(workshop and workshop.nickname_public),
        owner_key=session.ensure_owner_key(),
        participant_key=workshops.participant_key() if workshop else None,  # one person counts once in the room
    )


def _forget_draft(session: Session) -> None:
    token = session.draft_token
    session.draft_token = None
    if token:
        try:
            resources.store().delete_draft(token)
        except StorageError:
            pass  # a stale draft expires on its own; never block the result for it
    if Param.RESUME in st.query_params:
        del st.query_params[Param.RESUME]
