"""Saving a finished result, and what a person sees when the database is down."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import streamlit as st

from assessment.storage.results import NewResult
from assessment.storage.errors import StorageError, StorageUnavailable, WorkshopClosed

from . import resources, session, state

UNAVAILABLE = (
    "We couldn't save your results just now: the database can't be reached. Nothing is lost — your answers "
    "and results stay in this browser tab. Try again in a minute, or download them below."
)


def extras() -> dict[str, Any] | None:
    """Derived measures saved beside the result (never names); set by the network map page."""
    return state.get(state.NETWORK_EXTRAS)


def ensure_saved() -> None:
    """Save this session's result once, if the person chose to keep it; errors land in SAVE_ERROR."""
    sharing = state.get(state.SHARING) or {"keep": True}
    if not sharing.get("keep", True):
        _forget_draft()  # "keep nothing on the server" includes the answers in progress
        return
    if state.get(state.SAVED) or state.get(state.SAVE_ERROR):
        return
    workshop = session.current().workshop
    new = NewResult(
        answers=dict(state.answers()),
        result=state.get(state.RESULT),
        include_answers=bool(sharing.get("include_answers")),
        display_name=sharing.get("display_name"),
        extras=extras(),
        workshop_id=workshop.id if workshop else None,
        nickname=workshop.nickname if workshop else None,
        nickname_public=bool(workshop and workshop.nickname_public),
    )
    try:
        try:
            saved = resources.store().save_result(new)
        except WorkshopClosed:
            state.put(state.NOTICE_RESULTS, "The workshop closed before you finished, so your result is saved for you only.")
            saved = resources.store().save_result(replace(new, workshop_id=None))
    except StorageUnavailable:
        state.put(state.SAVE_ERROR, UNAVAILABLE)
        return
    except StorageError as error:
        state.put(state.SAVE_ERROR, f"We couldn't save your results: {error}")
        return
    state.put(state.SAVED, {"share_token": saved.share_token, "manage_key": saved.manage_key})
    _forget_draft()


def retry() -> None:
    state.pop(state.SAVE_ERROR)


def _forget_draft() -> None:
    token = state.pop(state.DRAFT)
    if token:
        try:
            resources.store().delete_draft(token)
        except StorageError:
            pass  # a stale draft expires on its own; never block the result for it
    if "resume" in st.query_params:
        del st.query_params["resume"]
