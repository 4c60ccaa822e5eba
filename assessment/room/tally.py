"""A workshop room kept up to date by folding in only the responses that are new.

The projector redraws every few seconds. Reading every response of a big room each time
costs ~150 ms at 10,000 responses on SQLite (the dots sit in wide rows; the aggregate reads
340,000 metric rows), so the tally keeps running totals instead:

- ``RoomVersion`` (live responses, highest result id) is one indexed query; when it has
  not moved since the tally was made, nothing else is read.
- Otherwise only results with an id above the tally's ``last_id`` are read, from one
  database snapshot (``RoomRows``), and added to the totals.
- A removed result (its owner deleted it, or the workshop was deleted) makes the live count
  smaller than the tally's count plus the new rows; the tally is then rebuilt from scratch.
  Ids only grow, so "count and highest id unchanged" means "same set of results".
- A result changed in place (``Store.update_result``) keeps its id; its ``revision`` goes up,
  so the version's sum of revisions moves and the tally is rebuilt from scratch too.

What the projector shows is not the tally itself but the last *released* one
(``released_tally``): a new state is released only once the live count moved by at least
the room's minimum group size, so two states on screen differ by a batch of people, never by
one (``summary.py``, "Privacy that survives arithmetic").

Totals are sums (not means), so adding rows is exact; ``metric_summaries`` turns them into
the ``MetricSummary`` records ``room.summarise_room`` takes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Protocol

from assessment.room.summary import MetricSummary, RoomPoint


@dataclass(frozen=True, slots=True)
class RoomVersion:
    """How many live responses a workshop has, the highest result id among them (0: none), and
    the sum of their in-place revisions (a result updated in place, e.g. its network map blended
    in, keeps its id; only its revision moves)."""

    responses: int
    last_id: int
    revisions: int = 0


@dataclass(frozen=True, slots=True)
class MetricTotal:
    """One metric summed over some responses: total, number of values, values at or above
    the metric's threshold."""

    total: float
    count: int
    at_or_above: int = 0

    def __add__(self, other: MetricTotal) -> MetricTotal:
        return MetricTotal(self.total + other.total, self.count + other.count, self.at_or_above + other.at_or_above)


@dataclass(frozen=True, slots=True)
class RoomRows:
    """What one database snapshot says: its ``version``, and the dots and metric totals of
    the live responses with an id above ``after_id``."""

    version: RoomVersion
    after_id: int
    points: tuple[RoomPoint, ...]
    totals: Mapping[str, MetricTotal]


class RoomSource(Protocol):
    """The two queries a tally needs (``Store`` has them, from ``workshop_store.py``)."""

    def workshop_room_version(self, workshop_id: int) -> RoomVersion: ...

    def workshop_room_rows(
        self, workshop_id: int, thresholds: Mapping[str, float], after_id: int = 0
    ) -> RoomRows: ...


@dataclass(frozen=True, slots=True)
class RoomTally:
    """Every live response of a workshop as dots and metric totals, up to ``version``."""

    version: RoomVersion = RoomVersion(0, 0)
    points: tuple[RoomPoint, ...] = ()
    totals: Mapping[str, MetricTotal] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def from_rows(cls, rows: RoomRows) -> RoomTally:
        """A tally of a whole room (``rows.after_id`` must be 0)."""
        if rows.after_id != 0:
            raise ValueError(f"RoomTally.from_rows: rows start after id {rows.after_id}, not 0. Read them with after_id=0.")
        return cls(rows.version, tuple(rows.points), MappingProxyType(dict(rows.totals)))

    def add(self, rows: RoomRows) -> RoomTally | None:
        """This tally with ``rows`` folded in, or None when the sum does not add up to the
        snapshot's count (a result was removed): then rebuild with ``from_rows``."""
        if rows.after_id != self.version.last_id:
            raise ValueError(
                f"RoomTally.add: rows start after id {rows.after_id}, the tally ends at {self.version.last_id}. "
                "Read the rows with after_id=tally.version.last_id."
            )
        if len(self.points) + len(rows.points) != rows.version.responses:
            return None
        if rows.version.revisions != self.version.revisions:  # a result already counted changed in place
            return None
        totals = dict(self.totals)
        for name, extra in rows.totals.items():
            totals[name] = totals[name] + extra if name in totals else extra
        return RoomTally(rows.version, self.points + tuple(rows.points), MappingProxyType(totals))

    def metric_summaries(self) -> dict[str, MetricSummary]:
        """Per metric: mean, count and values at or above threshold, as ``summarise_room`` takes them."""
        return {
            name: MetricSummary(t.total / t.count if t.count else None, t.count, t.at_or_above)
            for name, t in self.totals.items()
        }


def refresh_tally(
    source: RoomSource, workshop_id: int, tally: RoomTally | None, thresholds: Mapping[str, float]
) -> RoomTally:
    """``tally`` brought up to date: unchanged (one cheap query) when nothing happened, new
    rows added when people answered, rebuilt when a result was removed or changed in place."""
    if tally is not None and source.workshop_room_version(workshop_id) == tally.version:
        return tally
    if tally is not None and tally.version.last_id:
        updated = tally.add(source.workshop_room_rows(workshop_id, thresholds, after_id=tally.version.last_id))
        if updated is not None:
            return updated
    return RoomTally.from_rows(source.workshop_room_rows(workshop_id, thresholds, after_id=0))


def released_tally(shown: RoomTally | None, latest: RoomTally, batch: int) -> RoomTally:
    """The tally the room may show now: ``latest`` once it differs from ``shown`` by at least
    ``batch`` responses (more answered, or removed), else ``shown`` unchanged.

    e.g. batch 5: shown at 5 responses, latest at 9 -> still the 5; latest at 10 -> the 10.
    The first state (``shown`` None) is released as it is: below the minimum the summary
    shows nothing but the count. A resubmission (one result replaced by another) leaves the
    count as it was, so it waits for the next batch like a newcomer.
    """
    if shown is None or abs(latest.version.responses - shown.version.responses) >= batch:
        return latest
    return shown
