"""The room as the projector shows it, shared by every session of this server process.

Each workshop's ``RoomTally`` is kept here and brought up to date on every refresh
(``room_tally.refresh_tally``: one small query when nobody answered since, the new rows
otherwise); the summary and the four figures are rebuilt only when the tally changed, so a
refresh of an unchanged room builds nothing. The database stays the source of truth: a
second server keeps its own tallies and sees the same rooms.

The rooms live in a ``cachetools.LRUCache`` (the least recently refreshed room goes first),
one slot per room holding its view and a lock, so two projectors of a room fold in new rows
once, not twice.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import streamlit as st
from cachetools import LRUCache

from assessment.questionnaire import Questionnaire
from assessment.room.charts import (
    Frame,
    RoomChartTexts,
    room_dimension_bars,
    room_map,
    room_reach_chart,
    room_segment_bars,
)
from assessment.room.metrics import metric_name
from assessment.room.summary import RoomSummary, summarise_room
from assessment.room.summary import MIN_RESPONSES
from assessment.room.tally import RoomTally, refresh_tally, released_tally

from . import resources
from .text import language, t

MAX_ROOMS = 32  # workshops whose tallies this process keeps (a projector each)
CHART_SCALE = 1.0
MAX_FRAMES = 8  # projector sizes a room keeps figures for (one or two in practice)
Room = tuple[str, int, str]  # (database URL, workshop id, language)


@dataclass(frozen=True, slots=True)
class RoomFigures:
    """The room's four figures drawn for one ``Frame`` (a projector's size). Shared: never mutate them."""

    map: Any
    dimensions: Any
    segments: Any
    reach: Any


@dataclass(frozen=True, slots=True)
class RoomView:
    """What the projector draws for one state of the room: the released tally, its summary, and
    its figures per frame, drawn on first use (``figures``; under the slot's lock)."""

    tally: RoomTally
    summary: RoomSummary
    drawn: dict[Frame, RoomFigures] = field(default_factory=dict, compare=False, repr=False)


@dataclass(slots=True)
class _Slot:
    """One room's latest view; read and replaced only while holding ``lock``."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    view: RoomView | None = None  # built from the released tally (``tally.released_tally``)
    latest: RoomTally | None = None  # every response up to now, released or not


class _Rooms:
    """Slots by room, least recently used dropped first once more than ``MAX_ROOMS`` are kept."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # LRUCache is not thread-safe on its own
        self._slots: LRUCache[Room, _Slot] = LRUCache(maxsize=MAX_ROOMS)

    def slot(self, room: Room) -> _Slot:
        with self._lock:
            found = self._slots.get(room)  # a hit counts as a use
            if found is None:
                found = self._slots[room] = _Slot()
            return found


@st.cache_resource(show_spinner=False)
def _rooms() -> _Rooms:
    return _Rooms()


def thresholds(q: Questionnaire) -> dict[str, float]:
    """Per segment-depth metric, the score at which a person counts as deep there (room.py)."""
    return {metric_name("seg", s.id, "depth"): q.thresholds.segment_deep for s in q.segments}


def released_view(workshop_id: int, min_responses: int = MIN_RESPONSES) -> RoomView:
    """The room as it may be shown now (whole batches only, ``summary.py``), without figures (a
    participant's place, rooms side by side): cheap when nothing changed since the last refresh."""
    return _view(workshop_id, min_responses, None)[0]


def room_view(workshop_id: int, min_responses: int = MIN_RESPONSES,
              frame: Frame = Frame(scale=CHART_SCALE)) -> tuple[RoomView, RoomFigures]:
    """The room as it may be shown now and its figures drawn for ``frame``. Every frame of a room
    draws the same released state: a projector of another size shows no other batch."""
    view, figures = _view(workshop_id, min_responses, frame)
    assert figures is not None
    return view, figures


def _view(workshop_id: int, min_responses: int, frame: Frame | None) -> tuple[RoomView, RoomFigures | None]:
    q = resources.questionnaire()
    store = resources.store()
    # ids repeat across databases (tests, a second deployment); figures hold the language's words
    slot = _rooms().slot((store.url, workshop_id, language()))
    with slot.lock:
        view = slot.view
        slot.latest = refresh_tally(store, workshop_id, slot.latest, thresholds(q))
        tally = released_tally(view.tally if view else None, slot.latest, min_responses)
        if view is None or tally is not view.tally or view.summary.min_responses != min_responses:
            view = slot.view = build_view(tally, q, min_responses)
        if frame is None:
            return view, None
        figures = view.drawn.get(frame)
        if figures is None:
            if len(view.drawn) >= MAX_FRAMES:
                view.drawn.clear()
            figures = view.drawn[frame] = draw_figures(view.summary, q, frame)
    return view, figures


def suppressed_text(summary: RoomSummary) -> str:
    """Why the room's figures are not shown yet (fewer than ``min_responses`` answers)."""
    return t("projector.suppressed", n=summary.min_responses, count=summary.responses)


def chart_texts(summary: RoomSummary) -> RoomChartTexts:
    """The figures' words in the session's language."""
    return RoomChartTexts(
        map_title=t("projector.chart.map_title"),
        width_axis=t("projector.chart.width_axis"),
        depth_axis=t("projector.chart.depth_axis"),
        dimensions_title=t("projector.chart.dimensions_title"),
        segments_title=t("projector.chart.segments_title"),
        reach_title=t("projector.chart.reach_title"),
        reach_axis=t("projector.chart.reach_axis"),
        width=t("projector.chart.width"),
        depth=t("projector.chart.depth"),
        nobody_yet=t("projector.chart.nobody_yet"),
        suppressed=suppressed_text(summary),
        answers=lambda n: t("projector.chart.answers", n=n),
        people=lambda n: t("projector.chart.people", n=n),
        deep_count=lambda count, share: t("projector.chart.deep_count", count=count, share=share),
        score=lambda score: t("projector.chart.score", score=score),
    )


def build_view(tally: RoomTally, q: Questionnaire, min_responses: int = MIN_RESPONSES) -> RoomView:
    summary = summarise_room(
        tally.points, tally.metric_summaries(),
        profile_prompts={p.id: p.prompt for p in q.profiles},
        dimension_ids=[d.id for d in q.dimensions], segment_ids=[s.id for s in q.segments],
        min_responses=min_responses,
    )
    return RoomView(tally=tally, summary=summary)


def draw_figures(summary: RoomSummary, q: Questionnaire, frame: Frame) -> RoomFigures:
    names = {s.id: s.name for s in q.segments}
    texts = chart_texts(summary)
    return RoomFigures(
        map=room_map(summary, q.profiles, wide_cut=q.thresholds.wide, deep_cut=q.thresholds.deep,
                     texts=texts, frame=frame),
        dimensions=room_dimension_bars(summary, q.dimensions, texts=texts, frame=frame),
        segments=room_segment_bars(summary, names, texts=texts, frame=frame),
        reach=room_reach_chart(summary, names, texts=texts, frame=frame),
    )
