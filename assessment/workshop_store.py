"""Workshops in the database: create, find, open/close, reveal, delete, and aggregates.

Mixed into ``Store`` (``storage.py``), so callers write ``store.create_workshop(...)``.
Aggregates read ``result_metrics`` with one GROUP BY on its (workshop_id, metric, value)
index, which stays fast at 10,000 responses. Removed results and deleted workshops drop
out of every aggregate, because removing a result deletes its metric rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlalchemy as sa

from .storage_engine import Database
from .storage_errors import WorkshopCodeTaken
from .storage_rows import remove_results, utc
from .storage_schema import result_metrics, results, workshops


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


@dataclass(frozen=True, slots=True)
class WorkshopPoint:
    """One person on the workshop's width/depth chart; ``nickname`` only if made public."""

    width: float
    depth: float
    profile_id: str
    nickname: str | None


@dataclass(frozen=True, slots=True)
class MetricSummary:
    """Average and count of one metric over a workshop; ``at_or_above`` counts the values
    reaching the threshold asked for (None when no threshold was given for it)."""

    metric: str
    average: float
    count: int
    at_or_above: int | None


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One anonymous response: no token, name, time or id; nickname only if public."""

    questionnaire_version: str
    language: str
    width: float
    depth: float
    profile_id: str
    nickname: str | None
    metrics: dict[str, float]


def _workshop(row: sa.Row) -> Workshop:
    return Workshop(
        id=row.id, code=row.code, title=row.title, note=row.note,
        facilitator_hash=row.facilitator_hash, is_open=bool(row.is_open),
        revealed=bool(row.revealed), created_at=utc(row.created_at),
    )


_LIVE = workshops.c.deleted_at.is_(None)


def _live_results_of(workshop_id: int) -> sa.ColumnElement[bool]:
    return sa.and_(results.c.workshop_id == workshop_id, results.c.removed_at.is_(None))


class WorkshopQueries:
    """The workshop half of ``Store``."""

    _db: Database

    def create_workshop(self, code: str, title: str, note: str, facilitator_hash: str) -> Workshop:
        """Create an open, unrevealed workshop; ``WorkshopCodeTaken`` if ``code`` is in use
        (by any workshop, even a deleted one: old join links must not lead somewhere new)."""
        values = {
            "code": code, "title": title, "note": note, "facilitator_hash": facilitator_hash,
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

    def delete_workshop(self, workshop_id: int) -> bool:
        """Delete a workshop and remove every result in it (their links say "removed")."""
        with self._db.writing() as conn:
            gone = conn.execute(
                sa.update(workshops)
                .where(workshops.c.id == workshop_id, _LIVE)
                .values(deleted_at=datetime.now(UTC), is_open=False, title="", note="")
            )
            if gone.rowcount == 0:
                return False
            remove_results(conn, results.c.workshop_id == workshop_id)
        return True

    def workshop_response_count(self, workshop_id: int) -> int:
        with self._db.reading() as conn:
            return conn.scalar(
                sa.select(sa.func.count()).select_from(results).where(_live_results_of(workshop_id))
            )

    def workshop_points(self, workshop_id: int) -> tuple[WorkshopPoint, ...]:
        query = sa.select(
            results.c.width, results.c.depth, results.c.profile_id,
            results.c.nickname, results.c.nickname_public,
        ).where(_live_results_of(workshop_id)).order_by(results.c.id)
        with self._db.reading() as conn:
            rows = conn.execute(query).all()
        return tuple(
            WorkshopPoint(r.width, r.depth, r.profile_id, r.nickname if r.nickname_public else None)
            for r in rows
        )

    def workshop_metric_summary(
        self, workshop_id: int, thresholds: Mapping[str, float] | None = None
    ) -> dict[str, MetricSummary]:
        """Per metric: average, count, and how many reach ``thresholds[metric]``.

        e.g. ``thresholds={"seg:peers:breadth": 65}`` counts people wide with peers.
        """
        thresholds = dict(thresholds or {})
        metric, value = result_metrics.c.metric, result_metrics.c.value
        reached = (
            sa.case(*[(sa.and_(metric == m, value >= t), 1) for m, t in thresholds.items()], else_=0)
            if thresholds else sa.literal(0)
        )
        query = (
            sa.select(metric, sa.func.avg(value), sa.func.count(), sa.func.sum(reached))
            .where(result_metrics.c.workshop_id == workshop_id)
            .group_by(metric)
        )
        with self._db.reading() as conn:
            rows = conn.execute(query).all()
        return {
            name: MetricSummary(
                name, float(average), int(count), int(hits) if name in thresholds else None
            )
            for name, average, count, hits in rows
        }

    def workshop_export_rows(self, workshop_id: int) -> tuple[ExportRow, ...]:
        """Every live response, anonymous, in a random but stable order (by share token,
        so the order says nothing about who answered when)."""
        people = sa.select(
            results.c.id, results.c.questionnaire_version, results.c.language, results.c.width,
            results.c.depth, results.c.profile_id, results.c.nickname, results.c.nickname_public,
        ).where(_live_results_of(workshop_id)).order_by(results.c.share_token)
        scores = sa.select(result_metrics.c.result_id, result_metrics.c.metric, result_metrics.c.value).where(
            result_metrics.c.workshop_id == workshop_id
        )
        with self._db.reading() as conn:
            rows = conn.execute(people).all()
            metrics: dict[int, dict[str, float]] = {}
            for result_id, name, value in conn.execute(scores):
                metrics.setdefault(result_id, {})[name] = value
        return tuple(
            ExportRow(
                r.questionnaire_version, r.language, r.width, r.depth, r.profile_id,
                r.nickname if r.nickname_public else None, metrics.get(r.id, {}),
            )
            for r in rows
        )

    def _one_workshop(self, which: sa.ColumnElement[bool]) -> Workshop | None:
        with self._db.reading() as conn:
            row = conn.execute(sa.select(workshops).where(which, _LIVE)).first()
        return _workshop(row) if row is not None else None

    def _update_workshop(self, workshop_id: int, **values: bool) -> bool:
        with self._db.writing() as conn:
            updated = conn.execute(
                sa.update(workshops).where(workshops.c.id == workshop_id, _LIVE).values(**values)
            )
        return updated.rowcount > 0
