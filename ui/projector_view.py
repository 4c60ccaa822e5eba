"""The projector screen: the join code while the room answers, the room's results once revealed.

Read from the back of a room: large type, black on white, no app chrome. The live part is
one fragment rerun every ``REFRESH``; it emits the same elements in the same order on every
run of an unchanged state, and charts have fixed keys and heights, so a refresh changes
numbers in place without flicker or a jump in scroll position. A refresh costs two small
queries when nobody answered since (``room_feed.py``).
"""

from __future__ import annotations

import logging
import time

import streamlit as st

from assessment.questionnaire import Questionnaire
from assessment.storage.errors import StorageUnavailable
from assessment.room.joining import format_join_code

from . import resources, room_feed, workshops
from .result_view import md_escape
from .text import t

REFRESH = "3s"
QR_PX = 640
CHART_CONFIG = {"displayModeBar": False, "staticPlot": True}
_LOG = logging.getLogger(__name__)

# Static CSS only: no text from any person is ever part of it.
CHROME = """<style> /* # not-text: static CSS, no words for people */
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] {
  display: none !important;
}
[data-testid="stMainBlockContainer"] { padding: 1.5rem 3rem 2rem 3rem; max-width: 100%; }
[data-testid="stAppViewContainer"], [data-testid="stMain"] { background: #ffffff; }
/* A refresh must not fade the screen while it runs. */
[data-stale="true"], [data-testid="stElementContainer"][data-stale] { opacity: 1 !important; transition: none !important; }
.st-key-proj-head h1 { font-size: 3.6rem; line-height: 1.1; color: #000; padding: 0; }
.st-key-proj-head p { font-size: 1.7rem; color: #222; }
.st-key-proj-count p { font-size: 2.2rem; text-align: right; color: #000; margin: 0; }
.st-key-proj-count strong { font-size: 5rem; line-height: 1; display: block; }
.st-key-proj-join p { font-size: 2.2rem; color: #000; }
.st-key-proj-code p {
  font-size: 13rem; font-weight: 800; line-height: 1.05; letter-spacing: 0.06em; color: #000; margin: 0;
  font-family: "DejaVu Sans Mono", "Source Code Pro", Menlo, Consolas, monospace; white-space: nowrap;
}
.st-key-proj-qr img { max-width: 100%; height: auto; }
.st-key-proj-join-after p { font-size: 1.6rem; color: #222; }
.st-key-proj-state p { font-size: 3rem; font-weight: 700; color: #000; }
.st-key-proj-profiles p { font-size: 2rem; color: #000; margin-bottom: 0.4rem; }
.st-key-proj-prompt { border-left: 0.6rem solid #0072B2; padding-left: 1.2rem; }
.st-key-proj-prompt p { font-size: 2rem; line-height: 1.3; color: #000; }
.st-key-proj-prompt h2 { font-size: 2.4rem; color: #000; }
.st-key-proj-joinline p { font-size: 1.8rem; color: #000; }
</style>
"""


def hide_chrome() -> None:
    """Wide page, no header, toolbar or menu: the screen belongs to the room."""
    st.html(CHROME)


@st.fragment(run_every=REFRESH)
def live(workshop_id: int, join_url: str) -> None:
    """The whole screen; reruns on its own every few seconds."""
    started = time.perf_counter()
    try:
        workshop = resources.store().find_workshop(workshop_id)
        room = room_feed.room_view(workshop_id, workshop.min_responses) if workshop is not None else None
    except StorageUnavailable:  # keep refreshing: the next run may reach it again
        with st.container(key="proj-state"):
            st.markdown(t("projector.reconnecting"))
        return
    if workshop is None or room is None:
        with st.container(key="proj-state"):
            st.markdown(t("projector.ended"))
        return
    q = resources.questionnaire()
    _heading(workshop.title, workshop.note, room.summary.responses)
    if workshop.revealed:
        _revealed(room, q, join_url if workshop.is_open else None, workshop.code)
    else:
        _collecting(workshop.is_open, workshop.code, join_url)
    _LOG.debug("projector refresh of workshop %s: %.1f ms", workshop_id, (time.perf_counter() - started) * 1000)


def _heading(title: str, note: str, responses: int) -> None:
    left, right = st.columns([4, 1], vertical_alignment="bottom")
    with left, st.container(key="proj-head"):
        st.title(md_escape(title), anchor=False)
        if note:
            st.markdown(md_escape(note))
    with right, st.container(key="proj-count"):
        st.markdown(t("projector.answers", n=responses))


def _collecting(is_open: bool, code: str, join_url: str) -> None:
    if not is_open:
        with st.container(key="proj-state"):
            st.markdown(t("projector.closed_waiting"))
        return
    left, right = st.columns([3, 2], gap="large", vertical_alignment="center")
    with left:
        with st.container(key="proj-join"):
            st.markdown(t("projector.scan", address=_address(join_url)))
        with st.container(key="proj-code"):
            st.markdown(format_join_code(code))
        with st.container(key="proj-join-after"):
            st.markdown(t("projector.anonymous"))
    with right, st.container(key="proj-qr"):
        st.image(workshops.join_qr(join_url, QR_PX), width=QR_PX, alt=t("workshop.qr_alt"))


def _revealed(room: room_feed.RoomView, q: Questionnaire, join_url: str | None, code: str) -> None:
    summary = room.summary
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.plotly_chart(room.map, key="proj.map", config=CHART_CONFIG, width="stretch")
    with right:
        with st.container(key="proj-profiles"):
            if summary.suppressed:
                st.markdown(room_feed.suppressed_text(summary))
            else:
                for profile in q.profiles:
                    st.markdown(t("projector.profile_count", count=summary.profile_count(profile.id),
                                  profile=profile.name))
        with st.container(key="proj-prompt"):
            top = next((p for p in q.profiles if p.id == summary.top_profile), None)
            st.markdown(t("projector.talk_about", profile=top.name) if top else t("projector.talk"))
            st.markdown(summary.top_prompt or t("projector.prompt_later", n=summary.min_responses))
        with st.container(key="proj-joinline"):
            st.markdown(t("projector.join_line", code=format_join_code(code), address=_address(join_url))
                        if join_url else t("projector.closed"))
    first, second, third = st.columns(3, gap="medium")
    first.plotly_chart(room.dimensions, key="proj.dimensions", config=CHART_CONFIG, width="stretch")
    second.plotly_chart(room.segments, key="proj.segments", config=CHART_CONFIG, width="stretch")
    third.plotly_chart(room.reach, key="proj.reach", config=CHART_CONFIG, width="stretch")


def _address(join_url: str) -> str:
    """The join link as people type it: no scheme, no code (they type the code)."""
    return md_escape(join_url.split("://", 1)[-1].split("?", 1)[0])
