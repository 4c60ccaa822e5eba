"""Database tables, and the ordered migrations that create and upgrade them.

One schema for SQLite and PostgreSQL (SQLAlchemy Core types only). ``schema_meta`` holds
one row with the schema version; ``upgrade_schema`` runs every migration above it, in order,
inside one write transaction (both databases have transactional DDL), so a half-upgraded
database cannot be left behind and two processes starting at once upgrade it only once.

To change the schema: append a ``Migration`` with the next version that alters the tables
(``ALTER TABLE …``), and update the ``Table`` definitions below to match. Migration 1 builds
its tables from frozen copies (``_version_1``: it must keep creating the version-1 tables), so
copy a table there before changing its definition below, as ``_results_version_1`` was.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.schema import CreateColumn

metadata = sa.MetaData()

schema_meta = sa.Table(
    "schema_meta",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),  # always 1: a single row
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("upgraded_at", sa.DateTime(timezone=True), nullable=False),
)

workshops = sa.Table(
    "workshops",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(32), nullable=False, unique=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("facilitator_hash", sa.String(64), nullable=False),
    sa.Column("is_open", sa.Boolean, nullable=False, default=True),
    sa.Column("revealed", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
    # The facilitator's minimum group size (room/summary.py); NULL: the default. Version 5.
    sa.Column("min_responses", sa.Integer, nullable=True),
    # The projector's screen once results are revealed (room/screens.py); NULL: the first. Version 7.
    sa.Column("screen", sa.Integer, nullable=True),
)

# A removed result keeps its row as a tombstone (ids, dates, manage_hash) with every
# personal field set to NULL, so its share link can say "removed" rather than "unknown".
results = sa.Table(
    "results",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("share_token", sa.String(64), nullable=False, unique=True),
    sa.Column("manage_hash", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("questionnaire_id", sa.String(100), nullable=False),
    sa.Column("questionnaire_version", sa.String(32), nullable=False),
    sa.Column("language", sa.String(16), nullable=False),
    sa.Column("display_name", sa.Text, nullable=True),
    sa.Column("include_answers", sa.Boolean, nullable=False),
    sa.Column("answers", sa.Text, nullable=True),  # JSON; NULL once removed; shown only if include_answers
    sa.Column("result", sa.Text, nullable=True),  # JSON Result dict (docs/CONTRACTS.md)
    sa.Column("extras", sa.Text, nullable=True),  # JSON, e.g. network measures
    sa.Column("width", sa.Float, nullable=True),
    sa.Column("depth", sa.Float, nullable=True),
    sa.Column("profile_id", sa.String(64), nullable=True),
    sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id"), nullable=True),
    sa.Column("nickname", sa.Text, nullable=True),
    sa.Column("nickname_public", sa.Boolean, nullable=False, default=False),
    sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
    # Version 4: the hash of the owner's private key (one person's results share it; NULL for a
    # result saved before owners existed) and when the result last changed in place (NULL: never).
    sa.Column("owner_hash", sa.String(64), nullable=True),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
    # Hash of the participant's key in its workshop: a later result with the same one replaces
    # this one in the room (one person counts once, workshops.py). NULL: none. Version 5.
    sa.Column("participant_hash", sa.String(64), nullable=True),
    # How many times the result changed in place (``update_result``): the room's version sums it, so
    # a projector sees a change that moves neither the count nor the highest id. A counter, not a
    # time: two servers' clocks may disagree, and a time could then stand still. Version 6.
    sa.Column("revision", sa.Integer, nullable=False, server_default="0"),
    sa.Index("ix_results_workshop", "workshop_id"),
    sa.Index("ix_results_owner", "owner_hash"),
)

# One row per score of a result ("width", "depth", "dim:<id>", "seg:<id>:<measure>"), so
# workshop aggregates are one GROUP BY on an index instead of parsing 10,000 JSON texts.
# workshop_id is copied from the result to keep that index self-contained; value is part
# of the index so the aggregate reads the index only.
result_metrics = sa.Table(
    "result_metrics",
    metadata,
    sa.Column("result_id", sa.Integer, sa.ForeignKey("results.id"), nullable=False),
    sa.Column("workshop_id", sa.Integer, nullable=True),
    sa.Column("metric", sa.String(100), nullable=False),
    sa.Column("value", sa.Float, nullable=False),
    sa.PrimaryKeyConstraint("result_id", "metric"),
    sa.Index("ix_result_metrics_workshop_metric", "workshop_id", "metric", "value"),
)

drafts = sa.Table(
    "drafts",
    metadata,
    sa.Column("token", sa.String(64), primary_key=True),
    sa.Column("answers", sa.Text, nullable=False),  # JSON
    sa.Column("step", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    # JSON object the app keeps beside the answers (the workshop joined, the nickname
    # choice), so a new session resuming the draft takes part again; NULL: none. Version 2.
    sa.Column("context", sa.Text, nullable=True),
    sa.Index("ix_drafts_updated_at", "updated_at"),
)


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema's history: ``apply`` brings version-1 up to ``version``."""

    version: int
    description: str
    apply: Callable[[Connection], None]


# Frozen copies of tables as an earlier version created them (see the module docstring).
_version_1 = sa.MetaData()
_workshops_version_1 = sa.Table(  # frozen with migration 5 (which adds min_responses)
    "workshops",
    _version_1,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(32), nullable=False, unique=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("facilitator_hash", sa.String(64), nullable=False),
    sa.Column("is_open", sa.Boolean, nullable=False, default=True),
    sa.Column("revealed", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
)
_results_version_1 = sa.Table(
    "results",
    _version_1,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("share_token", sa.String(64), nullable=False, unique=True),
    sa.Column("manage_hash", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("questionnaire_id", sa.String(100), nullable=False),
    sa.Column("questionnaire_version", sa.String(32), nullable=False),
    sa.Column("language", sa.String(16), nullable=False),
    sa.Column("display_name", sa.Text, nullable=True),
    sa.Column("include_answers", sa.Boolean, nullable=False),
    sa.Column("answers", sa.Text, nullable=True),
    sa.Column("result", sa.Text, nullable=True),
    sa.Column("extras", sa.Text, nullable=True),
    sa.Column("width", sa.Float, nullable=True),
    sa.Column("depth", sa.Float, nullable=True),
    sa.Column("profile_id", sa.String(64), nullable=True),
    sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id"), nullable=True),
    sa.Column("nickname", sa.Text, nullable=True),
    sa.Column("nickname_public", sa.Boolean, nullable=False, default=False),
    sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
    sa.Index("ix_results_workshop", "workshop_id"),
)
_result_metrics_version_1 = result_metrics.to_metadata(_version_1)  # unchanged since, as above
_drafts_version_1 = sa.Table(
    "drafts",
    _version_1,
    sa.Column("token", sa.String(64), primary_key=True),
    sa.Column("answers", sa.Text, nullable=False),
    sa.Column("step", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_drafts_updated_at", "updated_at"),
)


def _add_column(conn: Connection, table: str, column: sa.Column) -> None:
    """``ALTER TABLE … ADD COLUMN``, spelled by SQLAlchemy for the connection's dialect.
    Both databases add a nullable column without rewriting the table."""
    spec = CreateColumn(column).compile(dialect=conn.dialect)
    conn.execute(sa.DDL(f"ALTER TABLE {table} ADD COLUMN {spec}"))


def _create_version_1(conn: Connection) -> None:
    _version_1.create_all(conn)


def _add_draft_context(conn: Connection) -> None:
    _add_column(conn, "drafts", sa.Column("context", sa.Text, nullable=True))


def result_ids_only(old: dict[str, Any]) -> dict[str, Any]:
    """A Result dict as versions 1-2 stored it (words inside) as ids and scores, its words kept under
    ``texts`` ("profile.name", "dimension.<id>.name", "segment.<id>.name", "advice.<id>.title", …) for
    ids a later questionnaire no longer has. Frozen with migration 3: it must keep reading that old shape."""
    if isinstance(old.get("caution"), bool):
        return old  # already ids only
    texts: dict[str, str] = {}
    profile = old.get("profile") or {}
    for word in ("name", "tagline", "summary"):
        if isinstance(profile.get(word), str):
            texts[f"profile.{word}"] = profile[word]
    for d in old.get("dimensions") or ():
        texts[f"dimension.{d['id']}.name"], texts[f"dimension.{d['id']}.description"] = d.get("name", ""), d.get("description", "")
    for seg in old.get("segments") or ():
        texts[f"segment.{seg['id']}.name"] = seg.get("name", "")
    for a in old.get("advice") or ():
        texts.update({f"advice.{a['id']}.title": a.get("title", ""), f"advice.{a['id']}.text": a.get("text", ""),
                      f"advice.{a['id']}.guidance": ",".join(a.get("guidance") or ())})
    new = {
        **old,
        "profile": {k: profile.get(k) for k in ("id", "wide", "deep")},
        "dimensions": [{k: d.get(k) for k in ("id", "axis", "score")} for d in old.get("dimensions") or ()],
        "segments": [
            {"id": seg.get("id"), "known_band": "", "favour_band": "",
             **{k: seg.get(k) for k in ("contacts", "favour", "breadth", "depth", "wide", "deep")}}
            for seg in old.get("segments") or ()
        ],
        "advice": [a.get("id") for a in old.get("advice") or ()],
        "caution": old.get("caution") is not None,
    }
    if texts:
        new["texts"] = {**texts, **(old.get("texts") or {})}
    return new


def _results_as_ids(conn: Connection) -> None:
    """Rewrite every stored result as ids and scores (``result_ids_only``); rows whose JSON this
    app did not write are left as they are (their share link says "not found", as before)."""
    rows = conn.execute(sa.select(results.c.id, results.c.result).where(results.c.result.is_not(None))).all()
    changed = []
    for row in rows:
        try:
            old = json.loads(row.result)
            new = result_ids_only(old) if isinstance(old, dict) else old
        except (ValueError, TypeError, KeyError, AttributeError):
            continue
        if new is not old:
            changed.append({"row_id": row.id, "new_result": json.dumps(new, ensure_ascii=False, separators=(",", ":"))})
    if changed:
        conn.execute(sa.update(results).where(results.c.id == sa.bindparam("row_id"))
                     .values(result=sa.bindparam("new_result")), changed)


def _add_result_owner(conn: Connection) -> None:
    """Results get an owner (the hash of a private key that brings a person back to all of their
    results) and a time of their last change in place (the map blended in keeps the share link)."""
    _add_column(conn, "results", sa.Column("owner_hash", sa.String(64), nullable=True))
    _add_column(conn, "results", sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
    conn.execute(sa.DDL("CREATE INDEX ix_results_owner ON results (owner_hash)"))


def _add_room_privacy(conn: Connection) -> None:
    _add_column(conn, "workshops", sa.Column("min_responses", sa.Integer, nullable=True))
    _add_column(conn, "results", sa.Column("participant_hash", sa.String(64), nullable=True))
    conn.execute(sa.DDL("CREATE INDEX ix_results_participant ON results (workshop_id, participant_hash)"))


def _add_result_revision(conn: Connection) -> None:
    """Every result so far has changed 0 times in place as far as a room knows: a tally made
    before the upgrade is rebuilt once anyway (its version has no revision)."""
    _add_column(conn, "results", sa.Column("revision", sa.Integer, nullable=False, server_default="0"))


def _add_projector_screen(conn: Connection) -> None:
    _add_column(conn, "workshops", sa.Column("screen", sa.Integer, nullable=True))


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "results, result metrics, drafts, workshops", _create_version_1),
    Migration(2, "drafts.context: the workshop a draft was answered for", _add_draft_context),
    Migration(3, "results.result: ids and scores, the old words kept as a fallback", _results_as_ids),
    Migration(4, "results.owner_hash, results.updated_at: an owner's private link, changes in place", _add_result_owner),
    Migration(5, "workshops.min_responses, results.participant_hash: a room's minimum group size, one person once",
              _add_room_privacy),
    Migration(6, "results.revision: a change in place moves the room's version (the projector's tally)",
              _add_result_revision),
    Migration(7, "workshops.screen: the projector screen a room is on, shared by every projector and facilitator",
              _add_projector_screen),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def read_schema_version(conn: Connection) -> int:
    """The version recorded in ``schema_meta``; 0 for an empty database."""
    if not sa.inspect(conn).has_table("schema_meta"):
        return 0
    return conn.scalar(sa.select(schema_meta.c.version).where(schema_meta.c.id == 1)) or 0


def upgrade_schema(conn: Connection) -> tuple[int, ...]:
    """Run the migrations the database lacks; return their versions (empty: up to date).

    ``conn`` must be inside a write transaction that excludes other writers (BEGIN
    IMMEDIATE on SQLite; on PostgreSQL we take an advisory lock), so two processes starting
    together don't both create the tables.
    """
    if conn.dialect.name == "postgresql":
        # Any constant works; it only has to be the same in every process of this app.
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(7270001)"))
    current = read_schema_version(conn)
    if current > SCHEMA_VERSION:
        raise RuntimeError(
            f"database schema version {current} is newer than this app's {SCHEMA_VERSION}. "
            "Update the app, or point DATABASE_URL at another database."
        )
    schema_meta.create(conn, checkfirst=True)
    applied = []
    for migration in MIGRATIONS:
        if migration.version > current:
            migration.apply(conn)
            applied.append(migration.version)
    if applied:
        now = datetime.now(UTC)
        if current == 0:
            conn.execute(sa.insert(schema_meta).values(id=1, version=SCHEMA_VERSION, upgraded_at=now))
        else:
            conn.execute(
                sa.update(schema_meta)
                .where(schema_meta.c.id == 1)
                .values(version=SCHEMA_VERSION, upgraded_at=now)
            )
    return tuple(applied)
