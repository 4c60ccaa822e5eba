"""Several rooms side by side (issue 12 §6): a facilitator who runs the same workshop for several
groups compares their averages, where each room is deep, and each room's reach.

Built from one ``RoomSummary`` per room, each made under that room's own minimum group size and
released in its own batches (``summary.py``), so a room under its minimum brings no figure here
either: its column is empty (``None``) and ``RoomSide.suppressed`` says why. Nothing is pooled
across rooms: a pooled average would move by one person's answer in a small room.

The rows are ids and numbers; the UI gives them names and words (``ui/rooms_view.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from assessment.room.summary import RoomSummary

Figure = Literal["width", "depth", "dimension"]


@dataclass(frozen=True, slots=True)
class RoomSide:
    """One room's column: its label, how many answered, its minimum, and whether it is too small."""

    label: str
    responses: int
    min_responses: int
    suppressed: bool


@dataclass(frozen=True, slots=True)
class AverageRow:
    """One average across the rooms: Width, Depth or a dimension (``about``: its id); per room a
    whole number, or None where the room is under its minimum."""

    figure: Figure
    about: str
    values: tuple[float | None, ...]


@dataclass(frozen=True, slots=True)
class SegmentCell:
    """One room in one segment: the mean depth there (whole number) and how many are deep there."""

    depth: float | None
    deep_count: int
    count: int


@dataclass(frozen=True, slots=True)
class SegmentRow:
    """One segment across the rooms; None where a room is under its minimum."""

    segment: str
    cells: tuple[SegmentCell | None, ...]


@dataclass(frozen=True, slots=True)
class RoomsComparison:
    rooms: tuple[RoomSide, ...]
    averages: tuple[AverageRow, ...]
    segments: tuple[SegmentRow, ...]


def room_labels(titles: Sequence[str]) -> tuple[str, ...]:
    """Each room's title, with " (2)", " (3)" after a title already used, so columns and export
    rows are told apart. e.g. ("Lab", "Lab", "Day 2") -> ("Lab", "Lab (2)", "Day 2")."""
    seen: Counter[str] = Counter()
    labels = []
    for title in titles:
        seen[title] += 1
        labels.append(title if seen[title] == 1 else f"{title} ({seen[title]})")
    return tuple(labels)


def compare_rooms(
    rooms: Sequence[tuple[str, RoomSummary]], dimension_ids: Sequence[str], segment_ids: Sequence[str]
) -> RoomsComparison:
    """The rooms (label, summary), in the order given, side by side: Width, Depth and every
    dimension (``dimension_ids`` order), then every segment (``segment_ids`` order)."""
    summaries = [summary for _, summary in rooms]
    sides = tuple(RoomSide(label, s.responses, s.min_responses, s.suppressed) for label, s in rooms)
    averages = [
        AverageRow("width", "", tuple(s.width for s in summaries)),
        AverageRow("depth", "", tuple(s.depth for s in summaries)),
        *(AverageRow("dimension", d, tuple(_dimension(s, d) for s in summaries)) for d in dimension_ids),
    ]
    segments = tuple(SegmentRow(seg, tuple(_segment(s, seg) for s in summaries)) for seg in segment_ids)
    return RoomsComparison(sides, tuple(averages), segments)


def _dimension(summary: RoomSummary, dimension_id: str) -> float | None:
    return next((d.mean for d in summary.dimensions or () if d.id == dimension_id), None)


def _segment(summary: RoomSummary, segment_id: str) -> SegmentCell | None:
    found = next((s for s in summary.segments or () if s.id == segment_id), None)
    return SegmentCell(found.depth, found.deep_count, found.count) if found is not None else None
