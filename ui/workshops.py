"""Workshops from the pages' side: creating one, checking a facilitator link, joining with a
code, the links to hand out and the QR code.

A facilitator link is ``workshop?w=<id>&k=<key>``; the projector link is the same with
``projector``. Only the key's hash is stored (``assessment/room/joining.py``), so the link
cannot be recovered: it is shown once, right after creating, and kept in this session
(``state.FACILITATOR``) so the creator can find it again while the tab is open.
"""

from __future__ import annotations

import streamlit as st

from assessment.limits import JOIN_ATTEMPTS, RESULTS_INTO_A_ROOM, WORKSHOPS_CREATED, Quota, quota_of
from assessment.storage.errors import WorkshopCodeTaken
from assessment.tokens import new_token
from assessment.room.joining import (
    InvalidJoinCode,
    format_join_code,
    join_qr_svg,
    new_facilitator_key,
    new_join_code,
    normalise_join_code,
    verify_facilitator_key,
)
from assessment.storage.workshops import Workshop

from . import resources, state
from .result_view import md_escape
from .session import JoinedWorkshop, current

MAX_TITLE = 80
MAX_NOTE = 280
MAX_NICKNAME = 30
CODE_ATTEMPTS = 20  # 47 million codes: a clash is rare, twenty in a row is a broken database

# What a person can be told, in one place. Titles are typed by facilitators: md_escape them.
MESSAGES = {
    "unknown": "There is no workshop with the code **{code}**. Check the code on the screen and try again.",
    "deleted": "The workshop with the code **{code}** has ended and its facilitator deleted it, so it takes no "
               "more answers. You can still take the assessment on your own from the home page.",
    "closed": "The workshop “{title}” is closed: it takes no more answers. Ask the facilitator to reopen it, "
              "or take the assessment on your own from the home page.",
    "facilitator_link": "This facilitator link is incomplete or not valid, so the workshop controls stay hidden. "
                        "Open the whole link you were given when you created the workshop.",
    "projector_link": "This projector link is incomplete or not valid. Open the projector link from the "
                      "facilitator page.",
    "no_title": "Give the workshop a title: participants see it when they join.",
    "unavailable": "The database can't be reached just now, so workshops can't be opened. Try again in a minute.",
    "reconnecting": "Reconnecting to the database…",
    "not_created": "The database can't be reached just now, so the workshop isn't created. Try again in a minute.",
    "not_changed": "The database can't be reached just now, so nothing changed. Try again in a minute.",
    "too_many_joins": "Too many different codes were tried from here in the last minute. Wait a minute, then "
                      "check the code on the screen and try again.",
    "too_many_workshops": "This browser has created as many workshops as it may in one hour. Use one you "
                          "created, or try again later.",
    "too_many_results": "Your result is saved for you only: this browser has already sent as many results to "
                        "this workshop as it may.",
}

# Abuse limits, one per server process (assessment/limits.py has the rates and why).
JOINS, CREATIONS, ROOM_RESULTS = quota_of(JOIN_ATTEMPTS), quota_of(WORKSHOPS_CREATED), quota_of(RESULTS_INTO_A_ROOM)


def allowed(quota: Quota, scope: str = "") -> bool:
    """Whether this session and its address may do one more of what ``quota`` limits (in ``scope``)."""
    if not state.get(state.CLIENT):
        state.put(state.CLIENT, new_token())
    address = st.context.ip_address
    return quota.allow(f"{state.get(state.CLIENT)}{scope}", f"{address}{scope}" if address else None)


class JoinRefused(Exception):
    """Joining is not possible; ``str(error)`` is the message to show (Markdown, escaped)."""


def create(title: str, note: str) -> tuple[Workshop, str]:
    """A new open workshop and its facilitator key (the secret: show it once, in the link)."""
    key = new_facilitator_key()
    store = resources.store()
    for _ in range(CODE_ATTEMPTS):
        try:
            workshop = store.create_workshop(new_join_code(), title.strip()[:MAX_TITLE], note.strip()[:MAX_NOTE],
                                             key.hash)
        except WorkshopCodeTaken:
            continue
        remember(workshop.id, key.secret)
        return workshop, key.secret
    raise WorkshopCodeTaken(f"no free join code after {CODE_ATTEMPTS} draws")


def remember(workshop_id: int, key: str) -> None:
    """Keep the key of a workshop made in this session, so its links can be shown again here."""
    created = dict(state.get(state.FACILITATOR) or {})
    created[str(workshop_id)] = key
    state.put(state.FACILITATOR, created)


def from_link() -> tuple[Workshop, str] | None:
    """The workshop and key of a facilitator or projector link (``?w=…&k=…``), or None if
    the link is incomplete, the key is wrong or the workshop is gone."""
    workshop_id, key = st.query_params.get("w", ""), st.query_params.get("k", "")
    if not workshop_id.isdigit() or not key:
        return None
    workshop = resources.store().find_workshop(int(workshop_id))
    if workshop is None or not verify_facilitator_key(key, workshop.facilitator_hash):
        return None
    return workshop, key


def join_link(code: str) -> str:
    return resources.app_url(f"join?code={code}")


def facilitator_link(workshop_id: int, key: str) -> str:
    return resources.app_url(f"workshop?w={workshop_id}&k={key}")


def projector_link(workshop_id: int, key: str) -> str:
    return resources.app_url(f"projector?w={workshop_id}&k={key}")


@st.cache_resource(show_spinner=False, max_entries=64)
def qr_svg(url: str, size_px: int) -> str:
    """The join QR code as SVG, made once per link, size and process (segno takes ~10 ms).

    ``join_qr_svg`` leaves the size open (viewBox only); an image without a size gets the
    browser's default of 300 px, whatever its box, so the size it should have is set here.
    It stays a vector: sharp at any zoom, and ``max-width: 100%`` still shrinks it on a phone.
    """
    size = f'width="{int(size_px)}" height="{int(size_px)}" '
    return join_qr_svg(url).replace("<svg ", "<svg " + size, 1)


def find_for_joining(typed: str) -> Workshop:
    """The open workshop a typed or linked code names; ``JoinRefused`` saying why not."""
    try:
        code = normalise_join_code(typed)
    except InvalidJoinCode as error:
        raise JoinRefused(str(error)) from None
    if code != state.get(state.JOIN_CHECKED) and not allowed(JOINS):
        raise JoinRefused(MESSAGES["too_many_joins"])
    state.put(state.JOIN_CHECKED, code)
    store = resources.store()
    workshop = store.find_workshop_by_code(code)
    shown = format_join_code(code)
    if workshop is None:
        reason = "deleted" if store.workshop_code_deleted(code) else "unknown"
        raise JoinRefused(MESSAGES[reason].format(code=shown))
    if not workshop.is_open:
        raise JoinRefused(MESSAGES["closed"].format(title=md_escape(workshop.title)))
    return workshop


NBSP = "\u00a0"  # keeps the two halves of a join code on one line


def show_taking_part() -> None:
    """One line above the questionnaire for a workshop participant: which room their answers go to."""
    joined = current().workshop
    if joined:
        st.caption(f":material/groups: Your answers go to the workshop **{md_escape(joined.title)}** "
                   f"(code {format_join_code(joined.code).replace(' ', NBSP)}).")


def enter(workshop: Workshop, nickname: str, public: bool) -> None:
    """Take part in ``workshop`` from now on: the next saved result counts in its room.

    A result finished earlier in this session is set aside, so the questionnaire's answers
    are saved again, this time into the workshop.
    """
    nickname = nickname.strip()[:MAX_NICKNAME] or None
    current().join(JoinedWorkshop(workshop.id, workshop.code, workshop.title, nickname, bool(public and nickname)))
