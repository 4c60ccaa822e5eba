"""The projector screen: the join code while the room answers, then one idea per screen.

Read from the back of a room (issue 12 §3): black on white, no app chrome, and every screen fits
the wall without scrolling. The page is laid out for a 1280×720 screen and scaled by the
projector's own size, which the keyboard component reports (``viewport``): 1.5 at 1920×1080, so
chart ticks are 24 px at 720 and 36 px at 1080, and the chart takes the height the rest leaves.

Once results are revealed the room steps through ``assessment.room.screens.SCREENS``: the map,
the dimensions, where the room is wide and deep, room reach, the discussion prompt. The screen
shown is stored with the workshop (``Store.step_workshop_screen``), not in this tab: the
facilitator's page steps it, the arrow keys on the projector step it, and every projector of the
room on any server shows it on its next refresh. A refresh never moves it.

The keys come from a tiny ``st.components.v2`` component (Streamlit has no key events of its
own): its script listens to ``keydown`` on the page and sends +1 or -1 as a trigger, and reports
the window's size. While submissions are open, a corner of every screen keeps the join code, a
small QR code, the address and how many finished and are still answering.

The live part is one fragment rerun every ``REFRESH``; it emits the same elements in the same
order on every run of an unchanged state, and charts have fixed keys, so a refresh changes
numbers in place without flicker. A refresh costs two small queries when nobody answered since
(``room_feed.py``), and one more for who is still answering.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections import OrderedDict
from datetime import UTC, datetime, timedelta
from typing import Any

import streamlit as st
from babel.lists import format_list

from assessment.questionnaire import Questionnaire
from assessment.room.charts import Frame
from assessment.room.joining import format_join_code
from assessment.room.screens import SCREENS, describe_room, extremes, reach_parts, speaks_for_room
from assessment.room.summary import RoomSummary
from assessment.storage.errors import StorageUnavailable
from assessment.storage.workshops import Workshop
from assessment.text import locale_of

from . import resources, room_feed, workshops
from .result_view import md_escape
from .text import language, number, t

REFRESH = "3s"
KEYS = "proj.keys"                # the keyboard component's key (its state: the window's size)
SCALE = "proj.scale"              # this tab's scale, from the window's size
DESIGN = (1280, 720)              # the size the screens are laid out for, at scale 1
SCALES = (0.75, 1.0, 1.25, 1.5, 2.0, 2.5)  # a few sizes only: figures are drawn once per size and room
CHART_PX = 505                    # the chart's height at scale 1: what the heading, sentence and corner leave
QR_CORNER_PX = 92
QR_JOIN_PX = 440
ANSWERING_WITHIN = timedelta(hours=1)  # a draft changed within this counts as someone still answering
CHART_CONFIG = {"displayModeBar": False, "staticPlot": True}
_LOG = logging.getLogger(__name__)

# Static CSS only: no text from any person is ever part of it. Sizes are px at scale 1 ({s}).
CHROME = """<style> /* # not-text: static CSS, no words for people */
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] {
  display: none !important;
}
html, body { overflow: hidden; }
[data-testid="stMainBlockContainer"] { padding: calc(12px * {s}) calc(28px * {s}) 0 calc(28px * {s}); max-width: 100%; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: calc(6px * {s}); }
[data-testid="stAppViewContainer"], [data-testid="stMain"] { background: #ffffff; }
/* A refresh must not fade the screen while it runs. */
[data-stale="true"], [data-testid="stElementContainer"][data-stale] { opacity: 1 !important; transition: none !important; }
.st-key-proj-keys { position: absolute; height: 0; overflow: hidden; }
.st-key-proj-head h1 { font-size: calc(24px * {s}); font-weight: 600; color: #222; padding: 0; margin: 0; line-height: 1.2;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.st-key-proj-head h2 { font-size: calc(40px * {s}); line-height: 1.15; color: #000; padding: 0; margin: 0; }
.st-key-proj-corner p { font-size: calc(18px * {s}); color: #000; margin: 0; text-align: right; line-height: 1.25; }
.st-key-proj-count p { font-size: calc(20px * {s}); color: #000; margin: 0; white-space: nowrap; }
.st-key-proj-count strong { font-size: calc(30px * {s}); }
.st-key-proj-corner-code p { font-size: calc(40px * {s}); font-weight: 800; letter-spacing: 0.06em; text-align: right;
  font-family: "DejaVu Sans Mono", "Source Code Pro", Menlo, Consolas, monospace; white-space: nowrap; line-height: 1.05; }
.st-key-proj-corner img { height: calc(92px * {s}) !important; width: auto !important; }
.st-key-proj-sentence p { font-size: calc(26px * {s}); line-height: 1.25; color: #000; margin: 0; }
.st-key-proj-profiles p { font-size: calc(26px * {s}); color: #000; margin: 0 0 calc(10px * {s}) 0; line-height: 1.25; }
.st-key-proj-profiles strong { font-size: calc(34px * {s}); }
.st-key-proj-foot p { font-size: calc(16px * {s}); color: #444; text-align: right; margin: 0; }
.st-key-proj-picture { margin: calc(24px * {s}) 0; }
.st-key-proj-prompt { border-left: calc(10px * {s}) solid #0072B2; padding-left: calc(20px * {s}); }
.st-key-proj-prompt p { font-size: calc(46px * {s}); line-height: 1.3; color: #000; }
.st-key-proj-picture p { font-size: calc(38px * {s}); line-height: 1.3; color: #000; font-weight: 700; }
.st-key-proj-join p { font-size: calc(28px * {s}); color: #000; margin: 0; }
.st-key-proj-code p {
  font-size: calc(150px * {s}); font-weight: 800; line-height: 1.05; letter-spacing: 0.06em; color: #000; margin: 0;
  font-family: "DejaVu Sans Mono", "Source Code Pro", Menlo, Consolas, monospace; white-space: nowrap;
}
.st-key-proj-qr img { height: calc(440px * {s}) !important; width: auto !important; max-width: none !important; }
.st-key-proj-join-after p { font-size: calc(22px * {s}); color: #222; }
.st-key-proj-state p { font-size: calc(40px * {s}); font-weight: 700; color: #000; }
</style>
"""

# The keys: → / PageDown / Space step on, ← / PageUp step back (a presenter's clicker sends
# PageDown/PageUp). Typing in a field, a held key's repeats and modified keys are left alone.
# Each press is numbered and the last few are sent as state, not as a one-off trigger: presses
# that arrive together (two quick ones, or one during a refresh) are each applied once, in order
# (``_moved``). ``mount`` tells a new page (numbering from 1 again) from the same one.
_KEYS_JS = """// # not-text: a script, no words for people
export default function(component) {
  const { setStateValue } = component;
  const mount = Math.random().toString(36).slice(2);
  const moves = [];
  let seq = 0;
  const size = () => setStateValue('viewport', [window.innerWidth, window.innerHeight]);
  const onKey = (e) => {
    if (e.defaultPrevented || e.repeat || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    const step = {ArrowRight: 1, PageDown: 1, ' ': 1, ArrowLeft: -1, PageUp: -1}[e.key];
    if (!step) return;
    e.preventDefault();
    moves.push([++seq, step]);
    if (moves.length > 16) moves.shift();
    setStateValue('moves', {mount: mount, list: moves.slice()});
  };
  let pending = null;
  const onResize = () => { clearTimeout(pending); pending = setTimeout(size, 250); };
  size();
  document.addEventListener('keydown', onKey);
  window.addEventListener('resize', onResize);
  return () => {
    document.removeEventListener('keydown', onKey);
    window.removeEventListener('resize', onResize);
    clearTimeout(pending);
  };
}
"""
MAX_MOVES = 16  # presses a state change may carry (the script keeps the last 16)
PAGES_KEPT = 1024  # projector pages (mounts) whose last applied press this process remembers


class _Presses:
    """The last press applied per projector page (a workshop and its page's ``mount``), kept by the
    process, not the session: a page whose connection dropped and came back (a new session, as on
    a loaded server) sends its last presses again, and each must still move the room only once.
    Read, applied and noted under one lock, so two deliveries of the same presses never both apply."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self._last: OrderedDict[tuple[int, str], int] = OrderedDict()

    def applied(self, workshop_id: int, mount: str) -> tuple[str, int] | None:
        last = self._last.get((workshop_id, mount))
        return None if last is None else (mount, last)

    def note(self, workshop_id: int, applied: tuple[str, int]) -> None:
        key = (workshop_id, applied[0])
        self._last[key] = applied[1]
        self._last.move_to_end(key)
        while len(self._last) > PAGES_KEPT:
            self._last.popitem(last=False)


_PRESSES = _Presses()


@functools.cache
def _keys_component() -> Any:
    return st.components.v2.component("wide_deep.projector_keys", js=_KEYS_JS)


def scale() -> float:
    """This tab's scale: the projector's size over ``DESIGN``, rounded down to one of ``SCALES``."""
    return float(st.session_state.get(SCALE, 1.0))


def scale_for(viewport: Any) -> float:
    """e.g. [1920, 1080] -> 1.5; [1280, 720] -> 1.0; [1366, 768] -> 1.0; junk -> 1.0."""
    try:
        width, height = (float(v) for v in viewport)
    except (TypeError, ValueError):
        return 1.0
    fits = min(width / DESIGN[0], height / DESIGN[1])
    return max([s for s in SCALES if s <= fits + 0.01], default=SCALES[0])


def hide_chrome() -> None:
    """Wide page, no header, toolbar or menu: the screen belongs to the room."""
    st.html(CHROME.replace("{s}", f"{scale():g}"))


def keys(workshop_id: int) -> None:
    """Listen for the arrow keys on this page (they step the room's screen), and measure it."""
    with st.container(key="proj-keys"):
        _keys_component()(key=KEYS, height=0, on_moves_change=functools.partial(_moved, workshop_id),
                          on_viewport_change=_resized)


def new_moves(sent: Any, applied: tuple[str, int] | None) -> tuple[tuple[str, int], list[int]]:
    """The presses not applied yet, in order, and what is applied after them. ``sent`` is what the
    page's script sent (a client can send anything: only +1 and -1 with a rising number count).
    e.g. sent {mount: "a", list: [[1, 1], [2, 1], [3, -1]]}, applied ("a", 1) -> (("a", 3), [1, -1])."""
    if not isinstance(sent, dict) or not isinstance(sent.get("mount"), str) or not isinstance(sent.get("list"), list):
        return applied or ("", 0), []
    mount = sent["mount"][:32]
    last = applied[1] if applied and applied[0] == mount else 0
    steps = []
    for move in sent["list"][-MAX_MOVES:]:
        if (isinstance(move, list) and len(move) == 2 and all(type(v) is int for v in move)
                and move[0] > last and move[1] in (-1, 1)):
            last = move[0]
            steps.append(move[1])
    return (mount, last), steps


def _moved(workshop_id: int) -> None:
    sent = (st.session_state.get(KEYS) or {}).get("moves")
    mount = str(sent.get("mount"))[:32] if isinstance(sent, dict) else ""
    with _PRESSES.lock:
        applied, steps = new_moves(sent, _PRESSES.applied(workshop_id, mount))
        if not steps:
            return
        _PRESSES.note(workshop_id, applied)  # a press that meets a database outage is dropped, never applied twice
        try:
            store = resources.store()
            workshop = store.find_workshop(workshop_id)
            if workshop is None or not workshop.revealed:  # before the reveal there is one screen
                return
            for step in steps:
                store.step_workshop_screen(workshop_id, step)
        except StorageUnavailable:
            pass  # the screen stays as it was; the next press may reach the database


def _resized() -> None:
    st.session_state[SCALE] = scale_for((st.session_state.get(KEYS) or {}).get("viewport"))


def frame() -> Frame:
    s = scale()
    return Frame(scale=s, height=int(CHART_PX * s), titled=False)


@st.fragment(run_every=REFRESH)
def live(workshop_id: int, join_url: str) -> None:
    """The whole screen; reruns on its own every few seconds."""
    started = time.perf_counter()
    try:
        store = resources.store()
        workshop = store.find_workshop(workshop_id)
        if workshop is None:
            room = figures = None
        else:
            room, figures = room_feed.room_view(workshop_id, workshop.min_responses, frame())
            answering = store.workshop_answering_count(workshop_id, datetime.now(UTC) - ANSWERING_WITHIN) \
                if workshop.is_open else 0  # shown only while people can still join
    except StorageUnavailable:  # keep refreshing: the next run may reach it again
        with st.container(key="proj-state"):
            st.markdown(t("projector.reconnecting"))
        return
    if workshop is None or room is None:
        with st.container(key="proj-state"):
            st.markdown(t("projector.ended"))
        return
    q = resources.questionnaire()
    screen = SCREENS[workshop.screen] if workshop.revealed else None
    _top(workshop, join_url, room.summary.responses, answering, screen)
    if screen is None:
        _collecting(workshop, join_url)
    else:
        _SCREENS[screen](room.summary, figures, q)
        with st.container(key="proj-foot"):
            st.markdown(t("projector.screen.position", n=workshop.screen + 1, total=len(SCREENS)))
    _LOG.debug("projector refresh of workshop %s: %.1f ms", workshop_id, (time.perf_counter() - started) * 1000)


def _top(workshop: Workshop, join_url: str, responses: int, answering: int, screen: str | None) -> None:
    """The workshop's title and the screen's one idea; in the corner, how to join and who answered."""
    left, right = st.columns([3, 2], vertical_alignment="top")
    with left, st.container(key="proj-head"):
        st.title(md_escape(workshop.title), anchor=False)
        heading = t(f"projector.screen.heading.{screen}") if screen else (
            t("projector.screen.join_heading") if workshop.is_open else "")
        if heading:
            st.markdown(f"## {heading}")
    with right:
        _corner(workshop, join_url, responses, answering, screen is not None)


def _corner(workshop: Workshop, join_url: str, responses: int, answering: int, revealed: bool) -> None:
    if not (workshop.is_open and revealed):  # the join screen shows the code itself, large
        _counts(workshop.is_open, responses, answering)
        return
    text, qr = st.columns([4, 1], vertical_alignment="center", gap="small")
    with text:
        with st.container(key="proj-corner-code"):
            st.markdown(format_join_code(workshop.code))
        with st.container(key="proj-corner"):
            st.markdown(t("projector.screen.join_at", address=_address(join_url)))
        _counts(workshop.is_open, responses, answering)
    with qr, st.container(key="proj-corner-qr"):
        st.image(workshops.join_qr(join_url, QR_CORNER_PX), width=int(QR_CORNER_PX * scale()),
                 alt=t("workshop.qr_alt"))


def _counts(is_open: bool, responses: int, answering: int) -> None:
    """Finished, and while the room is open, still answering (joined and started, not finished)."""
    with st.container(key="proj-count", horizontal=True, horizontal_alignment="right", gap="medium"):
        st.markdown(t("projector.answers", n=responses))
        if is_open:
            st.markdown(t("projector.screen.answering", n=answering))


def _collecting(workshop: Workshop, join_url: str) -> None:
    if not workshop.is_open:
        with st.container(key="proj-state"):
            st.markdown(t("projector.closed_waiting"))
        return
    left, right = st.columns([3, 2], gap="large", vertical_alignment="center")
    with left:
        with st.container(key="proj-join"):
            st.markdown(t("projector.scan", address=_address(join_url)))
        with st.container(key="proj-code"):
            st.markdown(format_join_code(workshop.code))
        with st.container(key="proj-join-after"):
            st.markdown(t("projector.anonymous"))
    with right, st.container(key="proj-qr"):
        size = int(QR_JOIN_PX * scale())
        st.image(workshops.join_qr(join_url, size), width=size, alt=t("workshop.qr_alt"))


def _chart(figure: Any, key: str, sentence: str | None) -> None:
    """One chart and the one sentence that says what it shows (no chart rests on its picture).
    None while the room is too small: the empty chart says why, in words, itself."""
    st.plotly_chart(figure, key=key, config=CHART_CONFIG, width="stretch", theme=None)
    if sentence is None:
        return
    with st.container(key="proj-sentence"):
        st.markdown(sentence)


def _map_screen(summary: RoomSummary, figures: room_feed.RoomFigures, q: Questionnaire) -> None:
    chart, side = st.columns([2, 1], gap="large", vertical_alignment="center")
    with chart:
        st.plotly_chart(figures.map, key="proj.map", config=CHART_CONFIG, width="stretch", theme=None)
    with side:
        with st.container(key="proj-profiles"):
            if summary.suppressed:
                st.markdown(room_feed.suppressed_text(summary))
                return
            for profile in q.profiles:
                st.markdown(t("projector.profile_count", count=summary.profile_count(profile.id),
                              profile=profile.name))
        with st.container(key="proj-sentence"):
            st.markdown(picture_sentence(summary, q))


def _dimensions_screen(summary: RoomSummary, figures: room_feed.RoomFigures, q: Questionnaire) -> None:
    names = {d.id: d.name for d in q.dimensions}
    found = extremes((d.id, d.mean) for d in summary.dimensions or ())
    sentence = None if found is None else t(
        "projector.screen.sentence.dimensions", top=names[found[0][0]], top_score=number(found[0][1]),
        low=names[found[1][0]], low_score=number(found[1][1]))
    _chart(figures.dimensions, "proj.dimensions", sentence)


def _segments_screen(summary: RoomSummary, figures: room_feed.RoomFigures, q: Questionnaire) -> None:
    names = {s.id: s.name for s in q.segments}
    wide = extremes((s.id, s.breadth) for s in summary.segments or ())
    deep = extremes((s.id, s.depth) for s in summary.segments or ())
    sentence = None if wide is None or deep is None else t(
        "projector.screen.sentence.segments", wide=names[wide[0][0]], wide_score=number(wide[0][1]),
        deep=names[deep[0][0]], deep_score=number(deep[0][1]))
    _chart(figures.segments, "proj.segments", sentence)


def _reach_screen(summary: RoomSummary, figures: room_feed.RoomFigures, q: Questionnaire) -> None:
    _chart(figures.reach, "proj.reach", reach_sentence(summary, q))


def _prompt_screen(summary: RoomSummary, figures: room_feed.RoomFigures, q: Questionnaire) -> None:
    with st.container(key="proj-picture"):
        st.markdown(picture_sentence(summary, q))
    speaker = speaks_for_room(describe_room((p.id, p.count) for p in summary.profile_counts))
    prompt = next((p.prompt for p in q.profiles if p.id == speaker), None)
    if summary.suppressed:
        prompt = t("projector.prompt_later", n=summary.min_responses)
    with st.container(key="proj-prompt"):
        st.markdown(prompt or t("projector.screen.mixed_prompt"))


_SCREENS = {"map": _map_screen, "dimensions": _dimensions_screen, "segments": _segments_screen,
            "reach": _reach_screen, "prompt": _prompt_screen}


def picture_sentence(summary: RoomSummary, q: Questionnaire) -> str:
    """The room in one true sentence (``screens.describe_room``): ties and an even split included."""
    if summary.suppressed:
        return t("projector.screen.picture.waiting", n=summary.min_responses)
    picture = describe_room((p.id, p.count) for p in summary.profile_counts)
    names = {p.id: p.name for p in q.profiles}
    named = [names.get(pid, pid) for pid in picture.profiles]
    if picture.kind == "waiting":
        return t("projector.screen.picture.waiting", n=summary.min_responses)
    return t(f"projector.screen.picture.{picture.kind}", n=picture.total, total=picture.total, count=picture.count,
             profile=named[0], profiles=_listed(named))


def reach_sentence(summary: RoomSummary, q: Questionnaire) -> str | None:
    if summary.segments is None:
        return None
    names = {s.id: s.name for s in q.segments}
    covered, missing = reach_parts((s.id, s.reach) for s in summary.segments)
    if not missing:
        return t("projector.screen.sentence.reach_all")
    if not covered:
        return t("projector.screen.sentence.reach_none")
    return t("projector.screen.sentence.reach_some", covered=len(covered), total=len(covered) + len(missing),
             missing=_listed([names.get(s, s) for s in missing]))


def _listed(words: list[str]) -> str:
    """'a, b and c' in the session's language (CLDR list patterns)."""
    return format_list(words, locale=locale_of(language())) if words else ""


def _address(join_url: str) -> str:
    """The join link as people type it: no scheme, no code (they type the code)."""
    return md_escape(join_url.split("://", 1)[-1].split("?", 1)[0])
