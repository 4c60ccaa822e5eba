"""Workshops in the database: create, find, open/close, reveal, delete, and aggregates.

Mixed into ``Store`` (``storage.py``), so callers write ``store.create_workshop(...)``.
Aggregates read ``result_metrics`` with one GROUP BY on its (workshop_id, metric, value)
index, which stays fast at 10,000 responses. Removed results and deleted workshops drop
out of every aggregate, because removing a result deletes its metric rows.

The records returned are the ones ``room.py`` and ``room_export.py`` work with
(``RoomPoint``, ``MetricSummary``, ``ExportRow``), so pages pass them straight on.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType

import sqlalchemy as sa

from assessment.room.summary import MIN_RESPONSES, MetricSummary, RoomPoint, allowed_minimum
from assessment.room.export import ExportRow
from assessment.room.screens import FIRST_SCREEN, screen_at, step_screen
from assessment.room.tally import MetricTotal, RoomRows, RoomVersion
from assessment.people_text import MAX_WORKSHOP_NOTE, MAX_WORKSHOP_TITLE, clean_text
from assessment.storage.engine import Database
from assessment.storage.errors import WorkshopCodeTaken
from assessment.storage.rows import leave_workshop, remove_results, utc
from assessment.tokens import hash_secret
from assessment.storage.schema import drafts, result_metrics, results, workshops


@dataclass(frozen=True, slots=True)
class Workshop:
    """A live workshop (deleted ones are never returned)."""

    id: int
    code: str
    title: str
    note: str
    facilitator_hash: str = field(repr=False)
    is_open: bool
    revealed: bool
    created_at: datetime
    min_responses: int = MIN_RESPONSES  # the minimum group size in force (room/summary.py)
    screen: int = FIRST_SCREEN  # the projector's screen once revealed (room/screens.py)


def _workshop(row: sa.Row) -> Workshop:
    return Workshop(
        id=row.id, code=row.code, title=row.title, note=row.note,
        facilitator_hash=row.facilitator_hash, is_open=bool(row.is_open),
        revealed=bool(row.revealed), created_at=utc(row.created_at),
        min_responses=allowed_minimum(row.min_responses), screen=screen_at(row.screen),
    )


_LIVE = workshops.c.deleted_at.is_(None)


def _live_results_of(workshop_id: int) -> sa.ColumnElement[bool]:
    return sa.and_(results.c.workshop_id == workshop_id, results.c.removed_at.is_(None))


class WorkshopQueries:
    """The workshop half of ``Store``."""

    _db: Database

    def create_workshop(self, code: str, title: str, note: str, facilitator_hash: str) -> Workshop:
        """Create an open, unrevealed workshop; ``WorkshopCodeTaken`` if ``code`` is in use
        (by any workshop, even a deleted one: old join links must not lead somewhere new).

        Title and note are stored as ``clean_text`` leaves them (the note keeps its lines)."""
        values = {
            "code": code, "title": clean_text(title, MAX_WORKSHOP_TITLE),
            "note": clean_text(note, MAX_WORKSHOP_NOTE, multiline=True), "facilitator_hash": facilitator_hash,
            "is_open": True, "revealed": False, "created_at": datetime.now(UTC),
        }
        try:
            with self._db.writing() as conn:
                if conn.scalar(sa.select(workshops.c.id).where(workshops.c.code == code)) is not None:
                    raise WorkshopCodeTaken(f"workshop code {code!r} is taken; draw another")
                new_id = conn.execute(sa.insert(workshops).values(**values)).inserted_primary_key[0]
        except sa.exc.IntegrityError as error:  # another process took the code meanwhile
            raise WorkshopCodeTaken(f"workshop code {code!r} is taken; draw another") from error
        return Workshop(id=new_id, **values)

    def find_workshop(self, workshop_id: int) -> Workshop | None:
        return self._one_workshop(workshops.c.id == workshop_id)

    def find_workshop_by_code(self, code: str) -> Workshop | None:
        return self._one_workshop(workshops.c.code == code)

    def set_workshop_open(self, workshop_id: int, is_open: bool) -> bool:
        """Open or close a workshop for new results; False if there is no such workshop."""
        return self._update_workshop(workshop_id, is_open=is_open)

    def set_workshop_revealed(self, workshop_id: int, revealed: bool) -> bool:
        """Show or hide the group results; False if there is no such workshop."""
        return self._update_workshop(workshop_id, revealed=revealed)

    def set_workshop_min_responses(self, workshop_id: int, wanted: int) -> int | None:
        """Raise (or lower again) the minimum group size; it never goes below ``FLOOR_RESPONSES``.
        Returns the minimum now in force, or None if there is no such workshop."""
        minimum = allowed_minimum(wanted)
        return minimum if self._update_workshop(workshop_id, min_responses=minimum) else None

    def step_workshop_screen(self, workshop_id: int, step: int) -> int | None:
        """Move the room's projector one screen on (``step`` > 0) or back, stopping at the ends;
        returns the screen now shown, or None if there is no such workshop. Read and written in
        one write transaction, so two presses at once (a key on the projector, a button on the
        facilitator's page) move it twice, not once."""
        with self._db.writing() as conn:
            found = conn.execute(sa.select(workshops.c.screen).where(workshops.c.id == workshop_id, _LIVE)).first()
            if found is None:
                return None
            screen = step_screen(found.screen, step)
            conn.execute(sa.update(workshops).where(workshops.c.id == workshop_id).values(screen=screen))
        return screen

    def workshop_answering_count(self, workshop_id: int, since: datetime) -> int:
        """People answering for this workshop now: drafts kept for it (``ui/drafts.py`` writes
        ``{"workshop_id":<id>,…}`` first) changed at or after ``since``. A draft is deleted when
        its result is saved, so nobody counts here and among the results at once."""
        prefix = f'{{"workshop_id":{int(workshop_id)},%'
        with self._db.reading() as conn:
            return conn.scalar(
                sa.select(sa.func.count()).select_from(drafts)
                .where(drafts.c.context.like(prefix), drafts.c.updated_at >= since)
            )

    def remove_latest_workshop_results(self, workshop_id: int, how_many: int) -> int:
        """Remove the ``how_many`` most recent live results of a workshop (e.g. one person who
        submitted 20 times from 20 tabs); returns how many were removed. Their share links say
        "removed", as when the owner deletes one. The facilitator names them by when they came,
        never by their scores: picking a dot would show the facilitator whose it is."""
        if how_many < 1:
            return 0
        with self._db.writing() as conn:
            ids = conn.scalars(
                sa.select(results.c.id).where(_live_results_of(workshop_id))
                .order_by(results.c.id.desc()).limit(how_many)
            ).all()
            return remove_results(conn, results.c.id.in_(ids)) if ids else 0

    def delete_workshop(self, workshop_id: int) -> bool:
        """Delete a workshop and its room's copy of every result in it: the results leave the room
        (no workshop, no nickname) and stay their owners', whose links keep working.

        The UPDATE locks the workshop's row first; a ``save_result`` into it holds the same
        lock (``FOR UPDATE``), so on PostgreSQL a save either commits before and is removed
        here (READ COMMITTED: each statement below sees it), or waits and then finds the
        workshop deleted. SQLite has one writer at a time, so the same holds there.
        """
        with self._db.writing() as conn:
            gone = conn.execute(
                sa.update(workshops)
                .where(workshops.c.id == workshop_id, _LIVE)
                .values(deleted_at=datetime.now(UTC), is_open=False, title="", note="")
            )
            if gone.rowcount == 0:
                return False
            leave_workshop(conn, results.c.workshop_id == workshop_id)
        return True

    def workshop_response_count(self, workshop_id: int) -> int:
        with self._db.reading() as conn:
            return conn.scalar(
                sa.select(sa.func.count()).select_from(results).where(_live_results_of(workshop_id))
            )

    def workshop_points(self, workshop_id: int) -> tuple[RoomPoint, ...]:
        """One anonymous dot per live response (no nickname: the projector shows no names)."""
        query = sa.select(results.c.width, results.c.depth, results.c.profile_id).where(
            _live_results_of(workshop_id)
        ).order_by(results.c.id)
        with self._db.reading() as conn:
            rows = conn.execute(query).all()
        return tuple(RoomPoint(r.width, r.depth, r.profile_id) for r in rows)

    def workshop_metric_summary(
        self, workshop_id: int, thresholds: Mapping[str, float] | None = None
    ) -> dict[str, MetricSummary]:
        """Per metric: mean, count, and how many values reach ``thresholds[metric]`` (0 for
        metrics without a threshold).

        e.g. ``thresholds={"seg:peers:depth": 60}`` counts the people deep with peers.
        """
        metric, value = result_metrics.c.metric, result_metrics.c.value
        reached = _reached(metric, value, thresholds)
        query = (
            sa.select(metric, sa.func.avg(value), sa.func.count(), sa.func.sum(reached))
            .where(result_metrics.c.workshop_id == workshop_id)
            .group_by(metric)
        )
        with self._db.reading() as conn:
            rows = conn.execute(query).all()
        return {
            name: MetricSummary(mean=float(mean), count=int(count), at_or_above=int(hits or 0))
            for name, mean, count, hits in rows
        }

    def workshop_export_rows(self, workshop_id: int) -> tuple[ExportRow, ...]:
        """Every live response, anonymous: scores and metrics, no token, name, time or id;
        the nickname only if its owner made it public. In the order they arrived, so the export
        can release whole batches (``room/export.py``); the file itself is sorted by score."""
        people = sa.select(
            results.c.id, results.c.width, results.c.depth, results.c.profile_id,
            results.c.nickname, results.c.nickname_public,
        ).where(_live_results_of(workshop_id)).order_by(results.c.id)
        scores = sa.select(
            result_metrics.c.result_id, result_metrics.c.metric, result_metrics.c.value
        ).where(result_metrics.c.workshop_id == workshop_id)
        with self._db.reading() as conn:
            rows = conn.execute(people).all()
            metrics: dict[int, dict[str, float]] = {}
            for result_id, name, value in conn.execute(scores):
                metrics.setdefault(result_id, {})[name] = value
        return tuple(
            ExportRow(
                width=r.width, depth=r.depth, profile_id=r.profile_id,
                metrics=MappingProxyType(metrics.get(r.id, {})),
                nickname=r.nickname if r.nickname_public else None,
                share_nickname=bool(r.nickname_public),
            )
            for r in rows
        )

    def workshop_code_deleted(self, code: str) -> bool:
        """True if ``code`` belonged to a workshop that has been deleted (codes are never reused)."""
        with self._db.reading() as conn:
            found = conn.scalar(
                sa.select(workshops.c.id).where(workshops.c.code == code, workshops.c.deleted_at.is_not(None))
            )
        return found is not None

    def workshop_room_version(self, workshop_id: int) -> RoomVersion:
        """Live responses, the highest result id among them and the sum of their in-place
        revisions: has the room changed? (``room/tally.py``)"""
        with self._db.reading() as conn:
            return _room_version(conn, workshop_id)

    def workshop_room_rows(
        self, workshop_id: int, thresholds: Mapping[str, float] | None = None, after_id: int = 0
    ) -> RoomRows:
        """From one snapshot: the room's version, and the dots and metric totals of the live
        responses with an id above ``after_id`` (``room_tally.py`` folds them in).

        ``after_id=0`` reads every metric through the covering (workshop_id, metric, value)
        index; a later id starts from the results above it, so a few new responses cost a
        few index lookups, not a pass over the whole room.
        """
        live = sa.and_(_live_results_of(workshop_id), results.c.id > after_id)
        points = sa.select(results.c.width, results.c.depth, results.c.profile_id).where(live).order_by(results.c.id)
        if after_id == 0:
            scores = (
                sa.select(result_metrics.c.metric, result_metrics.c.value)
                .where(result_metrics.c.workshop_id == workshop_id)
                .subquery()
            )
        else:
            scores = (
                sa.select(result_metrics.c.metric, result_metrics.c.value)
                .join(results, results.c.id == result_metrics.c.result_id)
                .where(live)
                .subquery()
            )
        metric, value = scores.c.metric, scores.c.value
        totals = sa.select(
            metric, sa.func.sum(value), sa.func.count(), sa.func.sum(_reached(metric, value, thresholds))
        ).group_by(metric)
        with self._snapshot() as conn:
            version = _room_version(conn, workshop_id)
            dots = conn.execute(points).all()
            sums = conn.execute(totals).all()
        return RoomRows(
            version=version,
            after_id=after_id,
            points=tuple(RoomPoint(r.width, r.depth, r.profile_id) for r in dots),
            totals=MappingProxyType({
                name: MetricTotal(float(total), int(n), int(hits or 0)) for name, total, n, hits in sums
            }),
        )

    @contextmanager
    def _snapshot(self) -> Iterator[sa.Connection]:
        """A read transaction whose queries all see the same moment. SQLite's read
        transaction already does (WAL); PostgreSQL's default, READ COMMITTED, takes a new
        snapshot per statement, so ask for REPEATABLE READ."""
        with self._db.reading() as conn:
            if conn.dialect.name == "postgresql":
                conn.execution_options(isolation_level="REPEATABLE READ")
            yield conn

    def _one_workshop(self, which: sa.ColumnElement[bool]) -> Workshop | None:
        with self._db.reading() as conn:
            row = conn.execute(sa.select(workshops).where(which, _LIVE)).first()
        return _workshop(row) if row is not None else None

    def _update_workshop(self, workshop_id: int, **values: bool | int) -> bool:
        with self._db.writing() as conn:
            updated = conn.execute(
                sa.update(workshops).where(workshops.c.id == workshop_id, _LIVE).values(**values)
            )
        return updated.rowcount > 0


def _room_version(conn: sa.Connection, workshop_id: int) -> RoomVersion:
    """One indexed query: live responses, highest id, and the sum of revisions (a result changed
    in place moves neither the count nor the highest id, only its ``revision``)."""
    query = sa.select(sa.func.count(), sa.func.max(results.c.id), sa.func.sum(results.c.revision)).where(
        _live_results_of(workshop_id))
    count, last_id, revisions = conn.execute(query).one()
    return RoomVersion(int(count), int(last_id or 0), int(revisions or 0))


def participant_values(conn: sa.Connection, workshop_id: int | None, participant_key: str | None) -> dict[str, str]:
    """One person counts once: before a participant's new result goes into a room, their earlier
    ones there leave it (kept for them, ``rows.leave_workshop``); returns the column to store.
    Empty (nothing stored, nothing left) outside a workshop or without a key."""
    if workshop_id is None or not participant_key:
        return {}
    participant_hash = hash_secret(f"{workshop_id}:{participant_key}")  # per room: rooms can't be linked
    leave_workshop(conn, sa.and_(results.c.workshop_id == workshop_id, results.c.participant_hash == participant_hash))
    return {"participant_hash": participant_hash}


def _reached(
    metric: sa.ColumnElement[str], value: sa.ColumnElement[float], thresholds: Mapping[str, float] | None
) -> sa.ColumnElement[int]:
    """1 where ``value`` reaches the threshold of its ``metric``, else 0 (always 0 without one)."""
    if not thresholds:
        return sa.literal(0)
    return sa.case(*[(sa.and_(metric == m, value >= t), 1) for m, t in thresholds.items()], else_=0)
