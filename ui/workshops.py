"""Workshops from the pages' side: creating one, checking a facilitator link, joining with a
code, the links to hand out and the QR code.

A facilitator link is ``workshop?w=<id>&k=<key>``; the projector link is the same with
``projector``. Only the key's hash is stored (``assessment/room/joining.py``), so the link
cannot be recovered: it is shown once, right after creating, and kept in this session
(``Session.facilitator_keys``) so the creator can find it again while the tab is open.
Which code can be joined, and drawing a free code, are decided in ``assessment/room/joining.py``;
this module words the refusals.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st
from babel.lists import format_list

from assessment import links
from assessment.limits import JOIN_ATTEMPTS, RESULTS_INTO_A_ROOM, WORKSHOPS_CREATED, Quota, quota_of
from assessment.room import joining
from assessment.room.joining import (
    InvalidJoinCode,
    Refusal,
    format_join_code,
    join_qr_svg,
    normalise_join_code,
    verify_facilitator_key,
)
from assessment.storage.workshops import Workshop
from assessment.text import locale_of
from assessment.tokens import new_token

from . import resources, session
from .links import Param
from .result_view import md_escape
from .text import language, t

MAX_TITLE = 80
MAX_NOTE = 280
MAX_NICKNAME = 30

# Abuse limits, one per server process (assessment/limits.py has the rates and why).
JOINS, CREATIONS, ROOM_RESULTS = quota_of(JOIN_ATTEMPTS), quota_of(WORKSHOPS_CREATED), quota_of(RESULTS_INTO_A_ROOM)


def allowed(quota: Quota, scope: str = "") -> bool:
    """Whether this session and its address may do one more of what ``quota`` limits (in ``scope``)."""
    me = session.current()
    if not me.client_key:
        me.client_key = new_token()
    address = st.context.ip_address
    return quota.allow(f"{me.client_key}{scope}", f"{address}{scope}" if address else None)


def participant_key() -> str:
    """This session's own random key: the room counts the results it sends once (storage/workshops.py)."""
    me = session.current()
    if not me.client_key:
        me.client_key = new_token()
    return me.client_key


def create(title: str, note: str) -> tuple[Workshop, str]:
    """A new open workshop and its facilitator key (the secret: show it once, in the link)."""
    workshop, key = joining.open_workshop(resources.store(), title.strip()[:MAX_TITLE], note.strip()[:MAX_NOTE])
    session.current().remember_facilitator_key(workshop.id, key)
    return workshop, key


def from_link(*, remember: bool = False) -> tuple[Workshop, str] | None:
    """The workshop and key of a facilitator or projector link (``?w=…&k=…``), or None if
    the link is incomplete, the key is wrong or the workshop is gone. ``remember``: keep the key
    in this session, so the rooms side by side include this workshop (``rooms_view.py``)."""
    opened = open_with_key(st.query_params.get(Param.WORKSHOP, ""), st.query_params.get(Param.KEY, ""))
    if opened is not None and remember:
        session.current().remember_facilitator_key(opened[0].id, opened[1])
    return opened


def open_with_key(workshop_param: object, key: object) -> tuple[Workshop, str] | None:
    """The live workshop named by a link's ``w`` whose facilitator key is ``key``; None otherwise."""
    workshop_id = links.workshop_id(workshop_param)
    if workshop_id is None or not isinstance(key, str) or not key:
        return None
    workshop = resources.store().find_workshop(workshop_id)
    if workshop is None or not verify_facilitator_key(key, workshop.facilitator_hash):
        return None
    return workshop, key


def join_link(code: str) -> str:
    return resources.app_url("join?" + urlencode({Param.CODE: code}))


def facilitator_link(workshop_id: int, key: str) -> str:
    return resources.app_url("workshop?" + urlencode(link_params(workshop_id, key)))


def projector_link(workshop_id: int, key: str) -> str:
    # The facilitator's language: the projector shows the room in it (ui/language.py).
    return resources.app_url("projector?" + urlencode({Param.LANG: language(), **link_params(workshop_id, key)}))


def link_params(workshop_id: int, key: str) -> dict[str, str]:
    """The query parameters of a facilitator or projector link."""
    return {Param.WORKSHOP: str(workshop_id), Param.KEY: key}


@st.cache_resource(show_spinner=False, max_entries=64)
def qr_svg(url: str, size_px: int, title: str) -> str:
    """The join QR code as SVG, made once per link, size, title and process (segno takes ~10 ms).

    ``join_qr_svg`` leaves the size open (viewBox only); an image without a size gets the
    browser's default of 300 px, whatever its box, so the size it should have is set here.
    It stays a vector: sharp at any zoom, and ``max-width: 100%`` still shrinks it on a phone.
    """
    size = f'width="{int(size_px)}" height="{int(size_px)}" '  # not-text: SVG attributes
    return join_qr_svg(url, title=title).replace("<svg ", "<svg " + size, 1)


def join_qr(url: str, size_px: int) -> str:
    """The join QR code for ``url``, titled in the session's language."""
    return qr_svg(url, size_px, t("workshop.qr_title"))


def find_for_joining(typed: str) -> Workshop | Refusal:
    """The open workshop a typed or linked code names, or the ``Refusal`` saying why not
    (also when this session tried too many different codes: ``JOINS``)."""
    try:
        code = normalise_join_code(typed)
    except InvalidJoinCode as error:
        return error.refusal
    if code != session.current().join_checked and not allowed(JOINS):
        return Refusal.of("too_many_joins")
    session.current().join_checked = code
    return joining.find_for_joining(resources.store(), code)


def refusal_text(refusal: Refusal) -> str:
    """Why joining is not possible, in the session's language (Markdown; people's text escaped)."""
    params = dict(refusal.params)
    if "chars" in params:  # "'O'", "'O' or 'I'", "'0', 'O', '1', or 'S'": the language's list
        params["chars"] = format_list([f"'{c}'" for c in params["chars"]], style="or", locale=locale_of(language()))
    if "alphabet" in params:
        params["alphabet"] = " ".join(params["alphabet"])
    if "title" in params:
        params["title"] = md_escape(params["title"])
    return t(f"workshop.refusal.{refusal.reason}", **params)


NBSP = "\u00a0"  # keeps the two halves of a join code on one line


def show_taking_part() -> None:
    """One line above the questionnaire for a workshop participant: which room their answers go to."""
    joined = session.current().workshop
    if joined:
        st.caption(t("workshop.taking_part", title=md_escape(joined.title),
                     code=format_join_code(joined.code).replace(" ", NBSP)))


def enter(workshop: Workshop, nickname: str, public: bool) -> None:
    """Take part in ``workshop`` from now on: the next saved result counts in its room
    (``Session.join``). The nickname is public only if there is one and its owner said so."""
    nickname = nickname.strip()[:MAX_NICKNAME] or None
    session.current().join(session.JoinedWorkshop(
        id=workshop.id, code=workshop.code, title=workshop.title,
        nickname=nickname, nickname_public=bool(public and nickname),
    ))
