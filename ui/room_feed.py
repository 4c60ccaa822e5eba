"""The room as the projector shows it, shared by every session of this server process.

Each workshop's ``RoomTally`` is kept here and brought up to date on every refresh
(``room_tally.refresh_tally``: one small query when nobody answered since, the new rows
otherwise); the summary and the four figures are rebuilt only when the tally changed, so a
refresh of an unchanged room builds nothing. The database stays the source of truth: a
second server keeps its own tallies and sees the same rooms.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import streamlit as st

from assessment.questionnaire import Questionnaire
from assessment.room.summary import RoomSummary, summarise_room
from assessment.room.charts import (
    room_dimension_bars,
    room_map,
    room_reach_chart,
    room_segment_bars,
)
from assessment.room.tally import RoomTally, refresh_tally

from . import resources

MAX_ROOMS = 32  # workshops whose tallies this process keeps (a projector each)
CHART_SCALE = 0.9
Room = tuple[str, int]  # (database URL, workshop id)


@dataclass(frozen=True, slots=True)
class RoomView:
    """What the projector draws for one state of the room. Figures are shared: never mutate them."""

    tally: RoomTally
    summary: RoomSummary
    map: Any
    dimensions: Any
    segments: Any
    reach: Any


class _Rooms:
    """Views by (database, workshop id), least recently used first, and one lock per
    workshop so two projectors of a room fold in new rows once, not twice."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._views: OrderedDict[Room, RoomView] = OrderedDict()
        self._locks: dict[Room, threading.Lock] = {}

    def lock(self, room: Room) -> threading.Lock:
        with self._lock:
            return self._locks.setdefault(room, threading.Lock())

    def get(self, room: Room) -> RoomView | None:
        with self._lock:
            view = self._views.get(room)
            if view is not None:
                self._views.move_to_end(room)
            return view

    def put(self, room: Room, view: RoomView) -> None:
        with self._lock:
            self._views[room] = view
            self._views.move_to_end(room)
            while len(self._views) > MAX_ROOMS:
                gone, _ = self._views.popitem(last=False)
                self._locks.pop(gone, None)


@st.cache_resource(show_spinner=False)
def _rooms() -> _Rooms:
    return _Rooms()


def thresholds(q: Questionnaire) -> dict[str, float]:
    """Per segment-depth metric, the score at which a person counts as deep there (room.py)."""
    return {f"seg:{s.id}:depth": q.thresholds.segment_deep for s in q.segments}


def room_view(workshop_id: int) -> RoomView:
    """The room now: cheap when nothing changed since the last refresh on this server."""
    q = resources.questionnaire()
    rooms, store = _rooms(), resources.store()
    room = (store.url, workshop_id)  # ids repeat across databases (tests, a second deployment)
    with rooms.lock(room):
        view = rooms.get(room)
        tally = refresh_tally(store, workshop_id, view.tally if view else None, thresholds(q))
        if view is None or tally is not view.tally:
            view = build_view(tally, q)
            rooms.put(room, view)
    return view


def build_view(tally: RoomTally, q: Questionnaire) -> RoomView:
    summary = summarise_room(
        tally.points, tally.metric_summaries(),
        profile_prompts={p.id: p.prompt for p in q.profiles},
        dimension_ids=[d.id for d in q.dimensions], segment_ids=[s.id for s in q.segments],
    )
    names = {s.id: s.name for s in q.segments}
    return RoomView(
        tally=tally,
        summary=summary,
        map=room_map(summary, q.profiles, wide_cut=q.thresholds.wide, deep_cut=q.thresholds.deep,
                     scale=CHART_SCALE),
        dimensions=room_dimension_bars(summary, q.dimensions, scale=CHART_SCALE),
        segments=room_segment_bars(summary, names, scale=CHART_SCALE),
        reach=room_reach_chart(summary, names, scale=CHART_SCALE),
    )
