"""The one owner of a browser session's state: typed records, typed properties, named transitions.

Pages and UI pieces never touch ``st.session_state`` keys of their own (widget keys aside, which
belong to the widgets that declare them); they read properties and call transitions:

    session = current()
    session.answers                 # dict answer key -> option id (kept across pages)
    session.result                  # the finished Result (frozen), or None
    session.complete(result, sharing)   # "See my results": keep the result, then save it once
    session.join(workshop, nickname, public)
    session.import_result(answers, result, display_name, roster)
    session.replace_result(result, extras)  # the network map changed the scores
    session.set_network_map(rows, ties)      # a map read back (a downloaded file, the tab's copy)
    session.forget_result()
    session.owner_key               # the person's private key (None until a result is kept)
    session.come_back(key, result, links, sharing, answers, extras)   # opened with the private link
    session.start_again(from_last=False)   # "Take it again": fresh answers, the result stays saved

The owner key is the secret of the private link ``/results?o=KEY`` (``ui/owner.py``): every
result this person keeps is saved under it, so ``store.results_of_owner(session.owner_key)``
lists them all, newest first. Only its hash is stored on the server.

Every record is frozen, so what a caller holds cannot change behind its back. Query parameter
names live in ``ui/links.py`` (``Param``), not here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass, field, replace
from typing import Any

import streamlit as st

from assessment.scoring import Result
from assessment.tokens import new_token

# --- keys (private to this module; widget keys live with their widgets) -------------------
_ANSWERS = "wd.answers"          # dict answer key -> option id, survives page changes
_STEP = "wd.step"                # index of the questionnaire step on screen
_RESULT = "wd.result"            # the Result of this session's finished assessment
_SAVED = "wd.saved"              # SavedLinks once saved
_SAVE_ERROR = "wd.save_error"    # message when saving failed (database down)
_DRAFT = "wd.draft"              # resume token of the draft in progress
_DRAFT_NOTICE = "wd.draft_notice"  # why progress is not (or could not be) restored
_SHARING = "wd.sharing"          # SharingChoice made on the last step
_NOTICE = "wd.notice"            # message shown on the questionnaire step (e.g. unanswered questions)
_RESULTS_NOTICE = "wd.notice_results"  # one-off message for the results page
_NETWORK_EXTRAS = "wd.network_extras"  # derived roster measures (no names) saved with the result
_WORKSHOP = "wd.workshop"        # JoinedWorkshop when taking part in a workshop
_ROSTER = "wd.roster"            # network map rows; never saved on the server
_TIES = "wd.ties"                # who-knows-whom pairs of names, [[a, b], …]
_ROSTER_BASE = "wd.roster_base"  # rows the people table started from on this visit (ui/network_view.py)
_MAP_BEFORE = "wd.map_before"    # {"rows": …, "ties": …} of the map file loaded as last wave; never saved
_TAB_COPY_READ = "wd.tab_copy_read"  # the tab's own copy of the map was read (ui/tab_copy.py)
_TAB_COPY_ASK = "wd.tab_copy_ask"    # this session's question to the tab, so an older session's answer is not taken
_FACILITATOR = "wd.facilitator"  # {"<workshop id>": key} for workshops this browser created
_FINISHED = "wd.finished"        # set by the last step's button: the page then switches to the results
_JUST_CREATED = "wd.workshop_just_created"  # the facilitator link is shown in full once, after creating
_JOIN_LINKED = "wd.join_linked"  # the ?code= last copied into the join form, so a typed correction stays
_OWNER = "wd.owner"              # the owner key: the private link's secret (never log it)
_OWNER_FORGOTTEN = "wd.owner_forgotten"  # "forget me on this device" pressed: this tab ignores the cookie
_DRAFT_OFFER = "wd.draft_offer"  # a resume link's draft waiting for "continue" (ui/drafts.py)
_CLIENT = "wd.client"            # this session's random key for the abuse limits (ui/workshops.py)
_JOIN_CHECKED = "wd.join_checked"  # the last join code looked up: looking it up again is not a new attempt


@dataclass(frozen=True, slots=True)
class SharingChoice:
    """What the person chose on the last step about keeping and sharing their result."""

    keep: bool = True
    display_name: str | None = None
    include_answers: bool = False


@dataclass(frozen=True, slots=True)
class SavedLinks:
    """The links of a saved result. ``manage_key`` is the owner's secret: never log it."""

    share_token: str
    manage_key: str = field(repr=False)  # the result's manage key, or the owner key (both manage it)


@dataclass(frozen=True, slots=True)
class JoinedWorkshop:
    """The workshop this session takes part in, with the nickname choice made when joining."""

    id: int
    code: str
    title: str
    nickname: str | None = None
    nickname_public: bool = False


class Session:
    """Typed access to one browser session's state (a thin view over ``st.session_state``)."""

    __slots__ = ("_state",)

    def __init__(self, state: MutableMapping[str, Any]) -> None:
        self._state = state

    # --- the questionnaire ----------------------------------------------------------------

    @property
    def answers(self) -> dict[str, str]:
        """The answers so far (a live dict: widgets' values are copied into it on each step)."""
        return self._state.setdefault(_ANSWERS, {})

    def set_answers(self, answers: Mapping[str, str]) -> None:
        self._state[_ANSWERS] = dict(answers)

    @property
    def step(self) -> int:
        return int(self._state.get(_STEP, 0))

    @step.setter
    def step(self, n: int) -> None:
        self._state[_STEP] = int(n)

    @property
    def notice(self) -> str | None:
        """A message for the questionnaire step on screen (e.g. which questions are unanswered)."""
        return self._state.get(_NOTICE)

    @notice.setter
    def notice(self, text: str | None) -> None:
        self._set_or_clear(_NOTICE, text)

    @property
    def draft_token(self) -> str | None:
        return self._state.get(_DRAFT)

    @draft_token.setter
    def draft_token(self, token: str | None) -> None:
        self._set_or_clear(_DRAFT, token)

    @property
    def draft_notice(self) -> str | None:
        return self._state.get(_DRAFT_NOTICE)

    @draft_notice.setter
    def draft_notice(self, text: str | None) -> None:
        self._set_or_clear(_DRAFT_NOTICE, text)

    # --- the result -------------------------------------------------------------------------

    @property
    def result(self) -> Result | None:
        return self._state.get(_RESULT)

    @property
    def sharing(self) -> SharingChoice:
        return self._state.get(_SHARING) or SharingChoice()

    @property
    def saved(self) -> SavedLinks | None:
        return self._state.get(_SAVED)

    @saved.setter
    def saved(self, links: SavedLinks | None) -> None:
        self._set_or_clear(_SAVED, links)

    @property
    def save_error(self) -> str | None:
        return self._state.get(_SAVE_ERROR)

    @save_error.setter
    def save_error(self, text: str | None) -> None:
        self._set_or_clear(_SAVE_ERROR, text)

    @property
    def network_extras(self) -> dict[str, Any] | None:
        """Derived measures of the network map (numbers only) saved beside the result."""
        return self._state.get(_NETWORK_EXTRAS)

    def take_results_notice(self) -> str | None:
        """The one-off message for the results page, removed as it is read."""
        return self._state.pop(_RESULTS_NOTICE, None)

    def tell_results_page(self, text: str) -> None:
        self._state[_RESULTS_NOTICE] = text

    def take_finished(self) -> bool:
        """True once after "See my results" was pressed: the questionnaire page then moves on."""
        return bool(self._state.pop(_FINISHED, False))

    @property
    def owner_key(self) -> str | None:
        """The private link's secret, set when a result is first kept or the private link is opened."""
        return self._state.get(_OWNER)

    def ensure_owner_key(self) -> str:
        """The owner key, made now if this session has none (the first result it keeps)."""
        if not self.owner_key:
            self._state[_OWNER] = new_token()
        return self._state[_OWNER]

    def forget_owner(self) -> None:
        """"Not my device": this tab no longer holds the private link (the results stay saved), and
        no longer takes it from the browser's cookie (which this tab's connection still reports)."""
        for key in (_OWNER, _RESULT, _SAVED, _SAVE_ERROR, _RESULTS_NOTICE, _NETWORK_EXTRAS):
            self._state.pop(key, None)
        self._state[_OWNER_FORGOTTEN] = "pending"

    @property
    def owner_forgotten(self) -> bool:
        return _OWNER_FORGOTTEN in self._state

    def take_owner_forgotten(self) -> bool:
        """True once after "forget me on this device" (the page then clears the cookie and says so)."""
        if self._state.get(_OWNER_FORGOTTEN) == "pending":
            self._state[_OWNER_FORGOTTEN] = "done"
            return True
        return False

    @property
    def draft_offer(self) -> Any:
        """A draft opened from a resume link, shown and not yet continued (``ui/drafts.py``)."""
        return self._state.get(_DRAFT_OFFER)

    @draft_offer.setter
    def draft_offer(self, offer: Any) -> None:
        self._set_or_clear(_DRAFT_OFFER, offer)

    # --- the workshop -----------------------------------------------------------------------

    @property
    def workshop(self) -> JoinedWorkshop | None:
        return self._state.get(_WORKSHOP)

    @property
    def facilitator_keys(self) -> dict[str, str]:
        """Keys of the workshops created in this browser tab, by workshop id (as text)."""
        return dict(self._state.get(_FACILITATOR) or {})

    def remember_facilitator_key(self, workshop_id: int, key: str) -> None:
        self._state[_FACILITATOR] = {**self.facilitator_keys, str(workshop_id): key}

    @property
    def just_created(self) -> int | None:
        """The workshop created a moment ago, whose private link is shown in full once."""
        return self._state.get(_JUST_CREATED)

    @just_created.setter
    def just_created(self, workshop_id: int | None) -> None:
        self._set_or_clear(_JUST_CREATED, workshop_id)

    @property
    def join_linked(self) -> str | None:
        return self._state.get(_JOIN_LINKED)

    @join_linked.setter
    def join_linked(self, code: str | None) -> None:
        self._set_or_clear(_JOIN_LINKED, code)

    @property
    def client_key(self) -> str | None:
        """This session's random key for the abuse limits (``assessment/limits.py``)."""
        return self._state.get(_CLIENT)

    @client_key.setter
    def client_key(self, key: str) -> None:
        self._state[_CLIENT] = key

    @property
    def join_checked(self) -> str | None:
        """The join code last looked up: looking it up again is not a new attempt."""
        return self._state.get(_JOIN_CHECKED)

    @join_checked.setter
    def join_checked(self, code: str | None) -> None:
        self._set_or_clear(_JOIN_CHECKED, code)

    # --- the network map --------------------------------------------------------------------

    @property
    def roster_rows(self) -> list[dict[str, Any]]:
        return list(self._state.get(_ROSTER) or [])

    @roster_rows.setter
    def roster_rows(self, rows: list[dict[str, Any]]) -> None:
        self._state[_ROSTER] = list(rows)

    @property
    def ties(self) -> list[list[str]]:
        return [list(p) for p in self._state.get(_TIES) or []]

    @ties.setter
    def ties(self, pairs: list[Any]) -> None:
        self._state[_TIES] = [list(p) for p in pairs]

    @property
    def roster_base(self) -> list[dict[str, Any]] | None:
        return self._state.get(_ROSTER_BASE)

    @roster_base.setter
    def roster_base(self, rows: list[dict[str, Any]] | None) -> None:
        self._set_or_clear(_ROSTER_BASE, rows)

    @property
    def map_before(self) -> dict[str, Any] | None:
        return self._state.get(_MAP_BEFORE)

    @map_before.setter
    def map_before(self, wave: dict[str, Any] | None) -> None:
        self._set_or_clear(_MAP_BEFORE, wave)

    def set_network_map(self, rows: Iterable[Mapping[str, Any]], ties: Iterable[Iterable[str]]) -> None:
        """The people and pairs of a map read back (a downloaded file, this tab's copy): the table starts from them."""
        self.roster_rows = [dict(r) for r in rows]
        self.ties = [list(p) for p in ties]
        self.roster_base = None

    @property
    def tab_copy_read(self) -> bool:
        return bool(self._state.get(_TAB_COPY_READ))

    def mark_tab_copy_read(self) -> None:
        self._state[_TAB_COPY_READ] = True

    @property
    def tab_copy_ask(self) -> str:
        """A word of this session's own, sent with its question to the tab and sent back with the answer."""
        if not self._state.get(_TAB_COPY_ASK):
            self._state[_TAB_COPY_ASK] = new_token()
        return self._state[_TAB_COPY_ASK]

    # --- named transitions -----------------------------------------------------------------

    def complete(self, result: Result, sharing: SharingChoice) -> None:
        """"See my results": this is now the session's result; saving happens once, next (``ui/saving.py``).
        Pressed again with the same answers and choices, the result and its saved copy stay as they are."""
        if self.result == result and self.sharing == sharing and (self.saved or self.save_error):
            self._state[_FINISHED] = True
            return
        self._state[_RESULT] = result
        self._state[_SHARING] = sharing
        for key in (_SAVED, _SAVE_ERROR, _NOTICE):
            self._state.pop(key, None)
        self._state[_FINISHED] = True

    def join(self, workshop: JoinedWorkshop) -> None:
        """Take part in a workshop from now on. A result finished earlier in this session is set
        aside, so the answers are saved again, this time into the workshop."""
        self._state[_WORKSHOP] = workshop
        for key in (_RESULT, _SAVED, _SAVE_ERROR, _NOTICE, _RESULTS_NOTICE):
            self._state.pop(key, None)
        self.step = 0

    def import_result(self, answers: Mapping[str, str], result: Result, display_name: str | None,
                      roster_rows: list[Any] | None, ties: list[Any] | None) -> None:
        """A results file brought back: its answers and result, kept in this tab only."""
        self.set_answers(answers)
        self._state[_RESULT] = result
        self._state[_SHARING] = SharingChoice(keep=False, display_name=display_name, include_answers=False)
        if roster_rows is not None:  # the person's own map comes back to this tab only
            self.roster_rows = roster_rows
            self.ties = ties or []
            self.roster_base = None
        for key in (_SAVED, _SAVE_ERROR):
            self._state.pop(key, None)

    def replace_result(self, result: Result, extras: dict[str, Any] | None) -> None:
        """New scores for the finished result (e.g. blended with the network map)."""
        self._state[_RESULT] = result
        self._set_or_clear(_NETWORK_EXTRAS, extras)

    def forget_result(self) -> None:
        """Drop the finished result and its links from this session (answers stay)."""
        for key in (_RESULT, _SAVED, _SAVE_ERROR, _RESULTS_NOTICE):
            self._state.pop(key, None)

    def come_back(self, owner_key: str, result: Result, links: SavedLinks, sharing: SharingChoice,
                  answers: Mapping[str, str] | None, extras: dict[str, Any] | None) -> None:
        """The private link opened (any device, any day): this tab holds that saved result again."""
        self._state[_OWNER] = owner_key
        self._state[_RESULT] = result
        self._state[_SAVED] = links
        self._state[_SHARING] = sharing
        self._set_or_clear(_NETWORK_EXTRAS, extras)
        if answers:
            self.set_answers(answers)
        for key in (_SAVE_ERROR, _NOTICE, _FINISHED, _OWNER_FORGOTTEN):
            self._state.pop(key, None)

    def start_again(self, from_last: bool) -> None:
        """"Take it again": new answers from the first step (last time's kept as a start if asked).
        The finished result stays saved under the same owner; the workshop, if any, stays joined."""
        if not from_last:
            self.set_answers({})
        for key in (_RESULT, _SAVED, _SAVE_ERROR, _NOTICE, _RESULTS_NOTICE, _NETWORK_EXTRAS, _FINISHED,
                    _DRAFT, _DRAFT_NOTICE, _DRAFT_OFFER):
            self._state.pop(key, None)
        self.step = 0

    def with_sharing(self, **changes: Any) -> SharingChoice:
        """The sharing choice with ``changes``, kept (e.g. a new display name)."""
        choice = replace(self.sharing, **changes)
        self._state[_SHARING] = choice
        return choice

    # ---------------------------------------------------------------------------------------

    def _set_or_clear(self, key: str, value: Any) -> None:
        if value is None:
            self._state.pop(key, None)
        else:
            self._state[key] = value


def current() -> Session:
    """The session of the browser tab this script run serves."""
    return Session(st.session_state)
