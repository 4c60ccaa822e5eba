"""What is left of the untyped session keys, for the pages not yet on ``ui/session.py``.

The questionnaire, results and sharing area reads ``ui/session.py`` only; the network map and the
workshop pages still use these keys (the same strings as ``ui/session.py``'s, so both see one state).
Delete this module once nothing imports it.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

ANSWERS = "wd.answers"          # dict answer key -> option id, survives page changes
STEP = "wd.step"                # index of the questionnaire step on screen
RESULT = "wd.result"            # the Result dict of this session's finished assessment
SAVED = "wd.saved"              # {"share_token", "manage_key"} once saved
SAVE_ERROR = "wd.save_error"    # message when saving failed (database down)
DRAFT = "wd.draft"              # resume token of the draft in progress
DRAFT_NOTICE = "wd.draft_notice"  # why progress is not (or could not be) restored
SHARING = "wd.sharing"          # {"keep", "display_name", "include_answers"} chosen on the last step
NOTICE = "wd.notice"            # message shown on the questionnaire step (e.g. unanswered questions)
NOTICE_RESULTS = "wd.notice_results"  # one-off message for the results page
NETWORK_EXTRAS = "wd.network_extras"  # derived roster measures (no names) saved with the result
WORKSHOP = "wd.workshop"        # {"id", "code", "title"} when taking part in a workshop
ROSTER = "wd.roster"            # network map rows; never saved unless the owner opts in
TIES = "wd.ties"                # who-knows-whom pairs of names, [[a, b], …]
ROSTER_BASE = "wd.roster_base"  # rows the people table started from on this visit (see ui/network_view.py)
FACILITATOR = "wd.facilitator"  # {"workshop_id": key} for workshops this browser created
JUST_CREATED = "wd.workshop_just_created"  # the facilitator link is shown in full once, after creating
JOIN_LINKED = "wd.join_linked"  # the ?code= last copied into the join form, so a typed correction stays
CLIENT = "wd.client"            # this session's random key for the abuse limits (ui/workshops.py)
JOIN_CHECKED = "wd.join_checked"  # the last join code looked up: looking it up again is not a new attempt


def get(key: str, default: Any = None) -> Any:
    return st.session_state.get(key, default)


def put(key: str, value: Any) -> None:
    st.session_state[key] = value


def pop(key: str, default: Any = None) -> Any:
    return st.session_state.pop(key, default)
