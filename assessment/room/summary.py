"""What a workshop room looks like together: counts, averages, and where the room is deep.

Built from the rows storage returns for one workshop (``storage.py`` does the SQL):

- one ``RoomPoint`` per response: Width, Depth, profile id;
- one ``MetricSummary`` per stored metric (``room/metrics.py``: ``"dim:<id>"``, ``"seg:<id>:breadth"``,
  ``"seg:<id>:depth"``): mean, count, and how many values are at or above the metric's
  threshold (for ``seg:<id>:depth`` that is the segment-deep threshold, so it counts the
  people who are deep there).

Privacy that survives arithmetic (issue 12 §2). In a room people see who just pressed the
button, so a figure is safe only if *comparing two of them* reveals nobody:

- a minimum group size: below ``min_responses`` people (default ``MIN_RESPONSES`` = 5, as
  survey tools do; the facilitator may raise it, never below ``FLOOR_RESPONSES`` = 3) nothing
  is shown but the count: no dots, no profile counts, no averages (``suppressed``);
- batches: the projector only moves on to a new state once at least ``min_responses``
  responses changed since the state it shows (``tally.released_tally``), so the difference
  of two states is the sum of at least that many people, never one person;
- coarsening: a dot is snapped to the centre of a ``DOT_GRID``-point square, dots are listed
  in score order (not arrival order), and averages are whole numbers, so even a batch of
  identical people is blurred by several points.

A single figure resting on fewer values than ``min_responses`` is ``None`` too.

Room reach (G02, G03): a segment is "covered deeply" when at least one person in the room
is deep there, because one deep tie in the room is one introduction away for everybody
else; "nobody" means no one in the room could make a warm introduction into that part of
the network. ``deep_count`` and ``deep_share`` carry the detail.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from assessment.room.metrics import metric_ids, metric_name

MIN_RESPONSES = 5  # default minimum group size (our choice, in line with survey tools' 5)
FLOOR_RESPONSES = 3  # the facilitator may raise the minimum, never lower it below this
DOT_GRID = 10  # a dot is shown at the centre of its 10 x 10 square of the 0-100 map
REACH_MIN_DEEP = 1  # people deep in a segment for the room to cover it deeply (see above)

Reach = Literal["covered_deeply", "nobody"]


@dataclass(frozen=True, slots=True, order=True)
class RoomPoint:
    """One response on the wide-vs-deep map; nothing that says whose it is."""

    width: float
    depth: float
    profile_id: str

    @classmethod
    def from_row(cls, row: Any) -> RoomPoint:
        """From a mapping (``width``, ``depth``, ``profile_id``), a SQLAlchemy row, a
        ``RoomPoint`` or a 3-tuple."""
        if isinstance(row, RoomPoint):
            return row
        row = getattr(row, "_mapping", row)
        if isinstance(row, Mapping):
            return cls(float(row["width"]), float(row["depth"]), str(row["profile_id"]))
        width, depth, profile_id = row
        return cls(float(width), float(depth), str(profile_id))


@dataclass(frozen=True, slots=True)
class MetricSummary:
    """One metric over the room: mean, number of values, values at or above its threshold."""

    mean: float | None
    count: int
    at_or_above: int = 0

    @classmethod
    def from_row(cls, row: Any) -> MetricSummary:
        """From a mapping (``mean``, ``count``, ``count_at_or_above_threshold`` or
        ``at_or_above``), a SQLAlchemy row, a ``MetricSummary`` or a 3-tuple."""
        if isinstance(row, MetricSummary):
            return row
        row = getattr(row, "_mapping", row)
        if isinstance(row, Mapping):
            above = row.get("count_at_or_above_threshold", row.get("at_or_above", 0))
            mean, count = row["mean"], row["count"]
        else:
            mean, count, above = row
        return cls(None if mean is None else float(mean), int(count), int(above or 0))


@dataclass(frozen=True, slots=True)
class ProfileCount:
    id: str
    count: int


@dataclass(frozen=True, slots=True)
class DimensionMean:
    """A dimension's room average (0-100); ``mean`` is None when fewer than MIN_RESPONSES gave one."""

    id: str
    mean: float | None
    count: int


@dataclass(frozen=True, slots=True)
class SegmentRoom:
    """One segment over the room: mean breadth and depth (0-100) and how many are deep there."""

    id: str
    breadth: float | None
    depth: float | None
    count: int
    deep_count: int
    deep_share: float
    reach: Reach


@dataclass(frozen=True, slots=True)
class RoomSummary:
    """The room at one moment. ``dimensions`` and ``segments`` are None while ``suppressed``:
    fewer than ``min_responses`` people (``responses``) have answered."""

    responses: int
    points: tuple[RoomPoint, ...]
    profile_counts: tuple[ProfileCount, ...]
    top_profile: str | None
    top_prompt: str | None
    dimensions: tuple[DimensionMean, ...] | None
    segments: tuple[SegmentRoom, ...] | None
    suppressed: bool
    min_responses: int = MIN_RESPONSES
    width: float | None = None  # the room's average Width, a whole number; None while suppressed
    depth: float | None = None  # the room's average Depth, likewise

    def profile_count(self, profile_id: str) -> int:
        return next((p.count for p in self.profile_counts if p.id == profile_id), 0)


def summarise_room(
    points: Iterable[Any],
    metrics: Mapping[str, Any],
    *,
    profile_prompts: Mapping[str, str],
    dimension_ids: Sequence[str] | None = None,
    segment_ids: Sequence[str] | None = None,
    min_responses: int = MIN_RESPONSES,
) -> RoomSummary:
    """The room summary from storage rows.

    ``profile_prompts`` maps every profile id to its discussion prompt, in content order
    (``profiles.<id>.prompt`` of the language file); that order lists the profile counts
    and breaks ties for the most common profile, so the result never depends on row order.
    ``dimension_ids`` / ``segment_ids`` give the order of the figures (questionnaire
    order); left out, they are read from the metric names in the order given.
    """
    min_responses = allowed_minimum(min_responses)
    room = tuple(sorted(coarse_point(RoomPoint.from_row(p)) for p in points))
    summaries = {name: MetricSummary.from_row(row) for name, row in metrics.items()}
    counts = Counter(p.profile_id for p in room)
    order = list(profile_prompts) + sorted(set(counts) - set(profile_prompts))
    profile_counts = tuple(ProfileCount(pid, counts[pid]) for pid in order)
    top = _most_common(profile_counts)
    responses = len(room)
    if responses < min_responses:
        # With a handful of answers a dot or a profile count is as good as a name: show neither.
        dimensions = segments = None
        width = depth = None
        suppressed = True
        room, profile_counts, top = (), tuple(ProfileCount(p.id, 0) for p in profile_counts), None
    else:
        dims = dimension_ids if dimension_ids is not None else metric_ids(summaries, "dim")
        segs = segment_ids if segment_ids is not None else metric_ids(summaries, "seg")
        dimensions = tuple(_dimension_mean(d, summaries, min_responses) for d in dims)
        segments = tuple(_segment_room(s, summaries, min_responses) for s in segs)
        width = _mean(summaries.get(metric_name("width")), min_responses)
        depth = _mean(summaries.get(metric_name("depth")), min_responses)
        suppressed = False
    return RoomSummary(
        responses=responses,
        points=room,
        profile_counts=profile_counts,
        top_profile=top,
        top_prompt=profile_prompts.get(top) if top else None,
        dimensions=dimensions,
        segments=segments,
        suppressed=suppressed,
        min_responses=min_responses,
        width=width,
        depth=depth,
    )


def allowed_minimum(wanted: int | None) -> int:
    """The minimum group size in force: ``wanted``, but never below ``FLOOR_RESPONSES``
    (None: the default ``MIN_RESPONSES``)."""
    return MIN_RESPONSES if wanted is None else max(FLOOR_RESPONSES, int(wanted))


def coarse_point(point: RoomPoint) -> RoomPoint:
    """The dot as shown: the centre of its ``DOT_GRID`` square (100 falls in the top square).
    e.g. (73.4, 0) -> (75, 5); (100, 40) -> (95, 45)."""
    return RoomPoint(_cell_centre(point.width), _cell_centre(point.depth), point.profile_id)


def _cell_centre(value: float) -> float:
    cell = min(int(value // DOT_GRID), 100 // DOT_GRID - 1) if value > 0 else 0
    return float(cell * DOT_GRID + DOT_GRID / 2)


def _most_common(profile_counts: tuple[ProfileCount, ...]) -> str | None:
    """Highest count; on a tie the profile listed first (content order). None for an empty room."""
    best = max(profile_counts, key=lambda p: p.count, default=None)  # max keeps the first of equals
    return best.id if best is not None and best.count > 0 else None


def _mean(summary: MetricSummary | None, min_responses: int) -> float | None:
    if summary is None or summary.mean is None or summary.count < min_responses:
        return None
    return float(round(summary.mean))  # whole numbers: a decimal would say more than the room needs


def _dimension_mean(dim_id: str, summaries: Mapping[str, MetricSummary], min_responses: int) -> DimensionMean:
    summary = summaries.get(metric_name("dim", dim_id))
    return DimensionMean(dim_id, _mean(summary, min_responses), summary.count if summary else 0)


def _segment_room(seg_id: str, summaries: Mapping[str, MetricSummary], min_responses: int) -> SegmentRoom:
    breadth = summaries.get(metric_name("seg", seg_id, "breadth"))
    depth = summaries.get(metric_name("seg", seg_id, "depth"))
    count = depth.count if depth else 0
    deep = depth.at_or_above if depth else 0
    return SegmentRoom(
        id=seg_id,
        breadth=_mean(breadth, min_responses),
        depth=_mean(depth, min_responses),
        count=count,
        deep_count=deep,
        deep_share=round(deep / count, 3) if count else 0.0,
        reach="covered_deeply" if deep >= REACH_MIN_DEEP else "nobody",
    )
