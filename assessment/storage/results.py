"""Saved results, share links and drafts, in SQLite or PostgreSQL through one code path.

    store = open_store()                       # DATABASE_URL, else data/wide_deep.sqlite
    saved = store.save_result(NewResult(answers=answers, result=result.to_dict()))
    store.find_result(saved.share_token)       # Lookup(status="found", result=StoredResult)
    store.delete_result(saved.share_token, saved.manage_key)   # -> True; link says "removed"

    store.update_result(saved.share_token, key, new)   # new scores, same share link
    store.results_of_owner(owner_key)          # every live result of one person, newest first
    store.owner_history(owner_key)             # their newest HISTORY_LIMIT, summed up, and how many in all
    store.owner_result(owner_key, share_token) # one of them in full (None: not theirs, or gone)

A share token lets anyone read a result; the manage key (shown once, only its hash stored)
lets its owner remove it. An owner key (``NewResult.owner_key``, only its hash stored) is the
person's private link: it finds all their results and manages each of them like its manage key.
Saving into a workshop with an owner key that already has a result there replaces that entry
in the room (the earlier result stays the person's, outside the room). Workshop methods come from ``WorkshopQueries``
(``workshop_store.py``). Every method may raise ``StorageUnavailable``: the caller keeps the
answers in its session and offers to try again.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import sqlalchemy as sa

from assessment.room.metrics import metric_name
from sqlalchemy.dialects import postgresql, sqlite

from assessment.people_text import MAX_DISPLAY_NAME, MAX_NICKNAME, clean_optional_text
from assessment.storage.engine import Database, database_url_from, describe_url
from assessment.storage.errors import StorageUnavailable, WorkshopClosed
from assessment.storage.schema import (
    SCHEMA_VERSION, drafts, read_schema_version, result_metrics, results, upgrade_schema, workshops,
)
from assessment.storage.rows import from_json, leave_workshop, remove_results, to_json, utc
from assessment.tokens import hash_secret, looks_like_token, new_token, verify_secret
from assessment.storage.workshops import WorkshopQueries, participant_values

LookupStatus = Literal["found", "removed", "unknown"]
# A draft's context holds a workshop id and a nickname (30 characters): ~100 bytes. The cap
# keeps a caller's mistake from turning every step's save into a large write.
MAX_DRAFT_CONTEXT = 2_000
# Unfinished answers are kept this long after their last change, then purged (README, "what is
# stored"). WIDE_DEEP_DRAFT_DAYS sets it; a month lets a person come back after a holiday.
DRAFT_DAYS_SETTING = "WIDE_DEEP_DRAFT_DAYS"
DEFAULT_DRAFT_DAYS = 30
# Purging runs when the store opens and then with a draft save at most once per this many
# seconds (per process): no scheduler or background thread, and one cheap indexed DELETE an hour.
PURGE_EVERY_SECONDS = 3600
# The history list under an owner's private link shows at most this many results, newest first
# (our own cut: a person taking it again every three months reaches it after twelve years; the
# list says how many are left out, and each one is still reachable by its own share link).
HISTORY_LIMIT = 50


def draft_retention() -> timedelta:
    """How long a draft is kept: ``WIDE_DEEP_DRAFT_DAYS`` whole days (1 or more), default 30."""
    text = (os.environ.get(DRAFT_DAYS_SETTING) or str(DEFAULT_DRAFT_DAYS)).strip()
    if not text.isdigit() or not 1 <= int(text) <= 3650:
        raise StorageUnavailable(
            f"{DRAFT_DAYS_SETTING}: {text!r} is not a number of days. "
            f"Give a whole number from 1 to 3650 (default {DEFAULT_DRAFT_DAYS})."
        )
    return timedelta(days=int(text))


@dataclass(frozen=True, slots=True)
class NewResult:
    """A result to save. Questionnaire id, version, language, width, depth and profile are
    read from ``result`` (a ``Result.to_dict()``, docs/CONTRACTS.md)."""

    answers: Mapping[str, str]
    result: Mapping[str, Any]
    include_answers: bool = True  # False: stored, but never handed out with the result (share page)
    display_name: str | None = None
    extras: Mapping[str, Any] | None = None
    workshop_id: int | None = None
    nickname: str | None = None
    nickname_public: bool = False
    owner_key: str | None = field(default=None, repr=False)  # the person's private key; None: no owner
    # the participant's own key in its workshop: their later result replaces this one in the room
    participant_key: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class SavedResult:
    """What saving returns. ``manage_key`` exists only here: show it to the person once.
    ``replaced_in_room``: how many earlier entries of the same owner this one replaced in its room."""

    share_token: str
    manage_key: str = field(repr=False)
    created_at: datetime
    replaced_in_room: int = 0


@dataclass(frozen=True, slots=True)
class StoredResult:
    """A saved result as read back. A removed one has ``removed_at`` set and every
    personal field (answers, result, extras, names, scores) ``None``."""

    share_token: str
    created_at: datetime
    questionnaire_id: str
    questionnaire_version: str
    language: str
    display_name: str | None
    include_answers: bool
    answers: dict[str, str] | None
    result: dict[str, Any] | None
    extras: dict[str, Any] | None
    width: float | None
    depth: float | None
    profile_id: str | None
    workshop_id: int | None
    nickname: str | None
    nickname_public: bool
    removed_at: datetime | None
    updated_at: datetime | None = None  # last change in place (e.g. the map blended in); None: never


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One line of an owner's history: a live result summed up, without its answers or details."""

    share_token: str
    created_at: datetime
    questionnaire_id: str
    width: float
    depth: float
    profile_id: str
    in_workshop: bool


@dataclass(frozen=True, slots=True)
class OwnerHistory:
    """An owner's newest results (``entries``, newest first, at most the limit asked) and how many
    live results they have in all (``total``; more than ``len(entries)`` when some were left out)."""

    entries: tuple[HistoryEntry, ...]
    total: int


@dataclass(frozen=True, slots=True)
class Lookup:
    """The answer to "what is behind this share link?"; ``result`` is None when unknown."""

    status: LookupStatus
    result: StoredResult | None = None


@dataclass(frozen=True, slots=True)
class Draft:
    """Unfinished answers, resumable with the draft token. ``context`` is what the app kept
    beside them (e.g. the workshop joined), as given to ``save_draft``; empty when none."""

    token: str
    answers: dict[str, str]
    step: int
    updated_at: datetime
    context: dict[str, Any] = field(default_factory=dict)


def result_metrics_of(result: Mapping[str, Any]) -> dict[str, float]:
    """The scores of a Result dict as flat metrics, e.g. ``{"width": 62.5,
    "dim:reach": 55.0, "seg:peers:breadth": 65.0, ...}`` (missing or null scores left out)."""
    metrics: dict[str, float] = {metric_name("width"): result["width"], metric_name("depth"): result["depth"]}
    for dimension in result.get("dimensions", ()):
        metrics[metric_name("dim", dimension["id"])] = dimension.get("score")
    for segment in result.get("segments", ()):
        for measure in ("breadth", "depth", "contacts", "favour"):  # present ones only: a null is left out
            metrics[metric_name("seg", segment["id"], measure)] = segment.get(measure)
    return {name: float(value) for name, value in metrics.items() if value is not None}


def _summary_of(result: Mapping[str, Any]) -> dict[str, Any]:
    try:
        questionnaire = result["questionnaire"]
        return {
            "questionnaire_id": questionnaire["id"],
            "questionnaire_version": str(questionnaire["version"]),
            "language": questionnaire["language"],
            "width": float(result["width"]),
            "depth": float(result["depth"]),
            "profile_id": result["profile"]["id"],
        }
    except (KeyError, TypeError) as error:
        raise ValueError(
            f"NewResult.result: missing {error} in the Result dict. "
            "Pass Result.to_dict() (see docs/CONTRACTS.md)."
        ) from None


def _context_json(context: Mapping[str, Any] | None) -> str | None:
    if not context:
        return None
    text = to_json(dict(context))
    size = len(text.encode())
    if size > MAX_DRAFT_CONTEXT:
        raise ValueError(
            f"save_draft.context: {size} bytes of JSON, more than the {MAX_DRAFT_CONTEXT} a draft keeps beside "
            "its answers. Keep only ids and short choices there."
        )
    return text


def _dialect_insert(conn: sa.Connection):
    """The INSERT of the connection's dialect, which offers ``on_conflict_do_update``."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert
    return sqlite.insert


def _stored_result(row: sa.Row, *, for_owner: bool = False) -> StoredResult:
    return StoredResult(
        share_token=row.share_token,
        created_at=utc(row.created_at),
        questionnaire_id=row.questionnaire_id,
        questionnaire_version=row.questionnaire_version,
        language=row.language,
        display_name=row.display_name,
        include_answers=bool(row.include_answers),
        # kept in the database, but handed out only when the owner chose to share them
        answers=from_json(row.answers) if row.include_answers or for_owner else None,
        result=from_json(row.result),
        extras=from_json(row.extras),
        width=row.width,
        depth=row.depth,
        profile_id=row.profile_id,
        workshop_id=row.workshop_id,
        nickname=row.nickname,
        nickname_public=bool(row.nickname_public),
        removed_at=utc(row.removed_at) if row.removed_at is not None else None,
        updated_at=utc(row.updated_at) if row.updated_at is not None else None,
    )


def _changed_values(new: NewResult) -> dict[str, Any]:
    """The columns a result's content fills (everything but its ids, owner, room and dates)."""
    return {
        "display_name": clean_optional_text(new.display_name, MAX_DISPLAY_NAME),
        "include_answers": new.include_answers,
        "answers": to_json(dict(new.answers)),
        "result": to_json(dict(new.result)),
        "extras": to_json(dict(new.extras)) if new.extras is not None else None,
        **_summary_of(new.result),
    }


def _metric_rows(result_id: int, workshop_id: int | None, result: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [{"result_id": result_id, "workshop_id": workshop_id, "metric": m, "value": v}
            for m, v in result_metrics_of(result).items()]


def _may_manage(key: str, row: sa.Row) -> bool:
    """The result's own manage key, or its owner's key."""
    return verify_secret(key, row.manage_hash) or verify_secret(key, row.owner_hash)


class Store(WorkshopQueries):
    """Results, drafts and workshops in one database. Thread-safe: share one per process."""

    def __init__(
        self, database: Database, draft_retention: timedelta | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._db = database
        self._draft_retention = draft_retention  # None: drafts are never purged by this store
        self._clock = clock
        self._next_purge = float("-inf")
        self._purge_turn = threading.Lock()

    @property
    def url(self) -> str:
        """The database URL with any password hidden (for messages and logs)."""
        return describe_url(self._db.url)

    def close(self) -> None:
        """Close every pooled connection (the store must not be used afterwards)."""
        self._db.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        with self._db.reading() as conn:
            return read_schema_version(conn)

    # Results -------------------------------------------------------------------------------

    def save_result(self, new: NewResult) -> SavedResult:
        """Save a result; raises ``WorkshopClosed`` if its workshop takes no new results.

        The display name and nickname are stored as ``clean_text`` leaves them (no control or
        invisible characters, cut to their field's length), the same on every database.
        The workshop's row is locked while the result goes in (``FOR UPDATE``; SQLite's
        writer lock already does it), so ``delete_workshop`` runs wholly before or after.
        """
        values = _changed_values(new)
        nickname = clean_optional_text(new.nickname, MAX_NICKNAME)
        share_token, manage_key = new_token(), new_token()
        owner_hash = hash_secret(new.owner_key) if looks_like_token(new.owner_key) else None
        now = datetime.now(UTC)
        replaced = 0
        with self._db.writing() as conn:
            if new.workshop_id is not None:
                open_now = conn.scalar(
                    sa.select(workshops.c.is_open).where(
                        workshops.c.id == new.workshop_id, workshops.c.deleted_at.is_(None)
                    ).with_for_update()
                )
                if not open_now:
                    raise WorkshopClosed(f"workshop {new.workshop_id} is closed or deleted")
                if owner_hash is not None:  # one person counts once: their earlier entry leaves the room
                    replaced = leave_workshop(
                        conn, sa.and_(results.c.owner_hash == owner_hash, results.c.workshop_id == new.workshop_id))
            participant = participant_values(conn, new.workshop_id, new.participant_key)
            inserted = conn.execute(
                sa.insert(results).values(
                    share_token=share_token,
                    manage_hash=hash_secret(manage_key),
                    created_at=now,
                    workshop_id=new.workshop_id,
                    nickname=nickname,
                    nickname_public=new.nickname_public and nickname is not None,
                    # only when there is one, so a database not yet upgraded (tests) still takes results
                    **({"owner_hash": owner_hash} if owner_hash else {}),
                    **values,
                    **participant,
                )
            )
            conn.execute(sa.insert(result_metrics),
                         _metric_rows(inserted.inserted_primary_key[0], new.workshop_id, new.result))
        return SavedResult(share_token=share_token, manage_key=manage_key, created_at=now, replaced_in_room=replaced)

    def update_result(self, share_token: str, key: str, new: NewResult) -> bool:
        """Give a saved result new content in place (scores, extras, display name, answers), so
        its share link stays; ``key`` is its manage key or its owner's key. False when the key does
        not match or the result is gone. Its room, nickname, owner and dates of creation stay; its
        ``revision`` goes up by one, so its room's version moves (``workshop_room_version``);
        ``new.workshop_id``, ``nickname`` and ``owner_key`` are not read. Its metrics follow."""
        if not (looks_like_token(share_token) and looks_like_token(key)):
            return False
        values = _changed_values(new)
        with self._db.writing() as conn:
            row = conn.execute(
                sa.select(results.c.id, results.c.manage_hash, results.c.owner_hash, results.c.workshop_id)
                .where(results.c.share_token == share_token, results.c.removed_at.is_(None))
                .with_for_update()
            ).first()
            if row is None or not _may_manage(key, row):
                return False
            conn.execute(sa.update(results).where(results.c.id == row.id)
                         .values(updated_at=datetime.now(UTC), revision=results.c.revision + 1, **values))
            conn.execute(sa.delete(result_metrics).where(result_metrics.c.result_id == row.id))
            conn.execute(sa.insert(result_metrics), _metric_rows(row.id, row.workshop_id, new.result))
        return True

    def results_of_owner(self, owner_key: str) -> tuple[StoredResult, ...]:
        """Every live result saved with ``owner_key``, newest first (empty for an unknown or malformed key).

        With their answers even where they are not shared: the owner key is the person's own."""
        if not looks_like_token(owner_key):
            return ()
        query = (sa.select(results)
                 .where(results.c.owner_hash == hash_secret(owner_key), results.c.removed_at.is_(None))
                 .order_by(results.c.created_at.desc(), results.c.id.desc()))
        with self._db.reading() as conn:
            return tuple(_stored_result(row, for_owner=True) for row in conn.execute(query))

    def owner_history(self, owner_key: str, limit: int = HISTORY_LIMIT) -> OwnerHistory:
        """The owner's live results summed up, newest first: at most ``limit`` of them (1 to
        ``HISTORY_LIMIT``, whatever is asked), and how many there are in all. Reads no answers
        and no result documents, so the list costs the same for a person with one result or fifty."""
        if not looks_like_token(owner_key):
            return OwnerHistory((), 0)
        limit = max(1, min(int(limit), HISTORY_LIMIT))
        mine = sa.and_(results.c.owner_hash == hash_secret(owner_key), results.c.removed_at.is_(None))
        query = (sa.select(results.c.share_token, results.c.created_at, results.c.questionnaire_id,
                           results.c.width, results.c.depth, results.c.profile_id, results.c.workshop_id)
                 .where(mine).order_by(results.c.created_at.desc(), results.c.id.desc()).limit(limit))
        with self._db.reading() as conn:
            rows = conn.execute(query).all()
            total = len(rows) if len(rows) < limit else conn.scalar(sa.select(sa.func.count()).where(mine))
        return OwnerHistory(tuple(
            HistoryEntry(row.share_token, utc(row.created_at), row.questionnaire_id, row.width, row.depth,
                         row.profile_id, row.workshop_id is not None)
            for row in rows), total)

    def owner_result(self, owner_key: str, share_token: str | None = None) -> StoredResult | None:
        """One live result of the owner in full (with its answers: the key is the person's own):
        the one behind ``share_token``, or the newest when it is None. None when the key or token
        is malformed or unknown, the result is gone, or it is someone else's."""
        if not looks_like_token(owner_key) or (share_token is not None and not looks_like_token(share_token)):
            return None
        query = sa.select(results).where(results.c.owner_hash == hash_secret(owner_key), results.c.removed_at.is_(None))
        if share_token is not None:
            query = query.where(results.c.share_token == share_token)
        with self._db.reading() as conn:
            row = conn.execute(query.order_by(results.c.created_at.desc(), results.c.id.desc()).limit(1)).first()
        return _stored_result(row, for_owner=True) if row is not None else None

    def find_result(self, share_token: str) -> Lookup:
        """What a share link shows: found, removed (a tombstone), or unknown.

        A malformed token is "unknown" without touching the database.
        """
        if not looks_like_token(share_token):
            return Lookup("unknown")
        with self._db.reading() as conn:
            row = conn.execute(sa.select(results).where(results.c.share_token == share_token)).first()
        if row is None:
            return Lookup("unknown")
        stored = _stored_result(row)
        return Lookup("removed" if stored.removed_at is not None else "found", stored)

    def delete_result(self, share_token: str, manage_key: str) -> bool:
        """Remove a result if ``manage_key`` is its key (or its owner's); True when it is (now) removed.

        The answers and result are erased; a tombstone keeps the link saying "removed".
        """
        if not (looks_like_token(share_token) and looks_like_token(manage_key)):
            return False
        with self._db.writing() as conn:
            row = conn.execute(
                sa.select(results.c.id, results.c.manage_hash, results.c.owner_hash, results.c.removed_at).where(
                    results.c.share_token == share_token
                )
            ).first()
            if row is None or not _may_manage(manage_key, row):
                return False
            if row.removed_at is None:
                remove_results(conn, results.c.id == row.id)
        return True

    # Drafts --------------------------------------------------------------------------------

    def save_draft(
        self, answers: Mapping[str, str], step: int, token: str | None = None,
        context: Mapping[str, Any] | None = None,
    ) -> str:
        """Save unfinished answers under ``token`` (a new one if None or malformed).

        ``context``: a small JSON object kept with them and handed back as it is (at most
        ``MAX_DRAFT_CONTEXT`` bytes of JSON); it replaces the draft's previous one.
        """
        token = token if looks_like_token(token) else new_token()
        values = {
            "answers": to_json(dict(answers)), "step": step, "updated_at": datetime.now(UTC),
            "context": _context_json(context),
        }
        with self._db.writing() as conn:
            # One statement (an upsert): two first saves of one token cannot both insert.
            insert = _dialect_insert(conn)(drafts).values(token=token, **values)
            conn.execute(insert.on_conflict_do_update(index_elements=[drafts.c.token], set_=values))
        try:
            self.purge_drafts_if_due()
        except StorageUnavailable:
            pass  # this draft is saved; the purge runs again within the hour
        return token

    def load_draft(self, token: str) -> Draft | None:
        if not looks_like_token(token):
            return None
        with self._db.reading() as conn:
            row = conn.execute(sa.select(drafts).where(drafts.c.token == token)).first()
        if row is None:
            return None
        context = from_json(row.context)
        return Draft(row.token, from_json(row.answers), row.step, utc(row.updated_at),
                     context if isinstance(context, dict) else {})

    def delete_draft(self, token: str) -> None:
        if not looks_like_token(token):
            return
        with self._db.writing() as conn:
            conn.execute(sa.delete(drafts).where(drafts.c.token == token))

    def purge_drafts_if_due(self) -> int:
        """Forget drafts older than the retention, if the last purge of this store was an hour
        ago or more (or never); returns how many went (0 when not due)."""
        if self._draft_retention is None:
            return 0
        with self._purge_turn:
            now = self._clock()
            if now < self._next_purge:
                return 0
            self._next_purge = now + PURGE_EVERY_SECONDS
        try:
            return self.delete_drafts_older_than(self._draft_retention)
        except StorageUnavailable:
            with self._purge_turn:
                self._next_purge = now  # not done: due again at the next chance
            raise

    def delete_drafts_older_than(self, age: timedelta) -> int:
        """Forget drafts not touched for ``age``; returns how many went."""
        with self._db.writing() as conn:
            gone = conn.execute(sa.delete(drafts).where(drafts.c.updated_at < datetime.now(UTC) - age))
        return gone.rowcount


def open_store(url: str | None = None, *, clock: Callable[[], float] = time.monotonic) -> Store:
    """Connect, bring the schema up to date and purge old drafts; raises ``StorageUnavailable``
    if the database cannot be reached.

    ``url``: a SQLAlchemy URL; default ``DATABASE_URL``, else ``data/wide_deep.sqlite``.
    Drafts are kept ``draft_retention()`` (``WIDE_DEEP_DRAFT_DAYS``); ``clock`` times the
    hourly purge (tests pass their own).
    """
    retention = draft_retention()
    database = Database(database_url_from(url))
    try:
        with database.writing() as conn:
            upgrade_schema(conn)
        store = Store(database, retention, clock)
        store.purge_drafts_if_due()
    except BaseException:
        database.dispose()
        raise
    return store


__all__ = [
    "DEFAULT_DRAFT_DAYS", "DRAFT_DAYS_SETTING", "HISTORY_LIMIT", "HistoryEntry", "OwnerHistory", "MAX_DRAFT_CONTEXT", "PURGE_EVERY_SECONDS", "draft_retention", "SCHEMA_VERSION", "Draft", "Lookup", "LookupStatus", "NewResult", "SavedResult",
    "Store", "StoredResult", "open_store", "result_metrics_of",
]
