"""Row-level pieces shared by the result store and the workshop store."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from assessment.storage.schema import result_metrics, results

# Everything personal in a result row, set to NULL when it is removed. The tombstone that
# stays (token, dates, questionnaire, manage hash) lets the share link say "removed".
TOMBSTONE_VALUES: dict[str, Any] = {
    "display_name": None, "answers": None, "result": None, "extras": None, "width": None,
    "depth": None, "profile_id": None, "nickname": None, "nickname_public": False,
}


def utc(moment: datetime) -> datetime:
    """SQLite returns naive datetimes; every time we store is UTC, so say so."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def to_json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def from_json(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def remove_results(conn: sa.Connection, which: sa.ColumnElement[bool]) -> int:
    """Turn the results matching ``which`` into tombstones and drop their metrics.

    Returns how many were removed now (already removed ones are left as they are).
    """
    chosen = sa.select(results.c.id).where(which, results.c.removed_at.is_(None))
    conn.execute(sa.delete(result_metrics).where(result_metrics.c.result_id.in_(chosen)))
    removed = conn.execute(
        sa.update(results)
        .where(which, results.c.removed_at.is_(None))
        .values(removed_at=datetime.now(UTC), **TOMBSTONE_VALUES)
    )
    return removed.rowcount


def leave_workshop(conn: sa.Connection, which: sa.ColumnElement[bool]) -> int:
    """Take the results matching ``which`` out of their workshop's room, keeping them for their owner.

    The room's copy is the result's place in the room: its workshop, its nickname there, and its
    metrics' workshop (the aggregates' index). All three go; the result, its share link and its
    owner stay. Returns how many live results left a room now.
    """
    chosen = sa.select(results.c.id).where(which, results.c.workshop_id.is_not(None), results.c.removed_at.is_(None))
    conn.execute(sa.update(result_metrics).where(result_metrics.c.result_id.in_(chosen)).values(workshop_id=None))
    left = conn.execute(
        sa.update(results)
        .where(which, results.c.workshop_id.is_not(None), results.c.removed_at.is_(None))
        .values(workshop_id=None, nickname=None, nickname_public=False)
    )
    return left.rowcount
