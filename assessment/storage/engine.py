"""The connection to the database: URL choice, engine set-up, transactions, error mapping.

SQLite gets WAL (readers never wait for the writer), a busy timeout, and ``BEGIN IMMEDIATE``
for write transactions. Without the last one, a transaction that starts by reading holds a
shared lock and then fails at once with "database is locked" when it tries to write while
another writer is active — the busy timeout cannot help there. Taking the write lock at
BEGIN makes writers queue on the busy timeout instead. Recipe from SQLAlchemy's SQLite
dialect documentation ("Serializable isolation / Savepoints / Transactional DDL").

A disk that turns read-only or fails under a running server must cost one "try again", not
the process. WAL keeps its index in the ``-shm`` file, memory-mapped by every connection: if
the pages of that mapping cannot be read or written any more (the file truncated or lost
underneath, a write fault the filesystem refuses), the kernel ends the whole process with
SIGBUS, and every session on the server with it. So (docs/deploying.md, "A disk that fails"):

- before every transaction the database folder and file are checked to be writable
  (``os.access``, about a microsecond); if not, ``StorageUnavailable`` says so before SQLite
  touches the WAL or its shared memory;
- SQLite's own disk errors ("disk I/O error", "database disk image is malformed", "attempt
  to write a readonly database") leave as ``StorageUnavailable`` too;
- ``WIDE_DEEP_SQLITE_JOURNAL=delete`` uses a rollback journal instead of WAL: SQLite then
  maps no file into memory at all (``mmap_size`` is 0), so no disk fault can be a SIGBUS;
  readers then wait while a write commits (measured in bench/sqlite_disk_faults.py).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, closing, contextmanager, nullcontext
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from assessment.storage.errors import StorageUnavailable

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SQLITE_FILE = REPO_ROOT / "data" / "wide_deep.sqlite"
BUSY_TIMEOUT_SECONDS = 30
_WRITE = "wide_deep_write"  # execution option marking a write transaction

JOURNAL_MODES = ("wal", "delete")  # WIDE_DEEP_SQLITE_JOURNAL; the first is the default

# Errors meaning "the database cannot be reached or used right now", as opposed to a bug
# in a statement. pool TimeoutError: every pooled connection stayed busy for pool_timeout.
_UNAVAILABLE = (sa.exc.OperationalError, sa.exc.InterfaceError, sa.exc.TimeoutError)
# sqlite3 reports a failing disk as a plain DatabaseError (SQLITE_IOERR, SQLITE_CORRUPT and
# SQLITE_READONLY after the disk went away): the data may be fine, the disk is not usable now.
_SQLITE_DISK_ERRORS = ("disk i/o error", "malformed", "readonly database", "unable to open database file")


def database_url_from(url: str | None = None) -> str:
    """The URL to use: the one given, else ``DATABASE_URL``, else ``data/wide_deep.sqlite``.

    ``postgres://`` and ``postgresql://`` (as hosting providers print them) are pointed at
    psycopg 3, the driver we ship.
    """
    chosen = url or os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE_FILE}"
    for prefix in ("postgres://", "postgresql://"):
        if chosen.startswith(prefix):
            return "postgresql+psycopg://" + chosen[len(prefix):]
    return chosen


def _sqlite_file(url: sa.URL) -> Path | None:
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _set_up_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy, not the sqlite3 module, emit BEGIN (see the module docstring).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # journal_mode=WAL is kept in the file itself: set once by _use_wal, not per connection
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def sqlite_journal_mode() -> str:
    """``WIDE_DEEP_SQLITE_JOURNAL`` (``wal`` or ``delete``), default ``wal``."""
    chosen = (os.environ.get("WIDE_DEEP_SQLITE_JOURNAL") or JOURNAL_MODES[0]).strip().lower()
    if chosen not in JOURNAL_MODES:
        raise StorageUnavailable(
            f"WIDE_DEEP_SQLITE_JOURNAL: unknown journal mode {chosen!r}. Use one of: {', '.join(JOURNAL_MODES)}."
        )
    return chosen


def _use_wal(file: Path, url: str, attempts: int = 50, journal: str = "wal") -> None:
    """Put the SQLite file in WAL mode, or the rollback ``journal`` asked for (it stays so).
    Switching the journal mode does not wait on the busy timeout as writes do, so several
    processes or stores opening a new file at once can see "database is locked": retry a few
    times, briefly, then give up clearly."""
    for attempt in range(attempts):
        try:
            with closing(sqlite3.connect(file, timeout=BUSY_TIMEOUT_SECONDS)) as conn:
                mode = conn.execute(f"PRAGMA journal_mode={journal.upper()}").fetchone()[0]
            if str(mode).lower() == journal:
                return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise StorageUnavailable(
                    f"the database at {describe_url(url)} cannot be reached: {_first_line(error)}. Try again in a moment."
                ) from error
        time.sleep(0.02 * (attempt + 1))
    raise StorageUnavailable(
        f"the database at {describe_url(url)} cannot be reached: still locked while switching to WAL mode. "
        "Try again in a moment."
    )


def create_database_engine(url: str) -> Engine:
    """A pooled, thread-safe engine for ``url`` (one per process; share it)."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        file = _sqlite_file(parsed)
        if file is not None:
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StorageUnavailable(
                    f"cannot create the folder of the SQLite database {file}: {error.strerror}. "
                    "Point DATABASE_URL at a writable place."
                ) from error
            _check_writable(file, url)
            _use_wal(file, url, journal=sqlite_journal_mode())
        engine = sa.create_engine(
            parsed,
            connect_args={"timeout": BUSY_TIMEOUT_SECONDS},
            pool_size=8,
            max_overflow=24,
        )
        _set_up_sqlite(engine)
        return engine
    connect_args = {"connect_timeout": 10} if parsed.get_backend_name() == "postgresql" else {}
    # pre_ping: a connection broken by a server restart is replaced, not handed out.
    return sa.create_engine(
        parsed, pool_pre_ping=True, pool_size=8, max_overflow=24, connect_args=connect_args
    )


def _check_writable(file: Path, url: str) -> None:
    """``StorageUnavailable`` if the SQLite folder or file cannot be written (a disk remounted
    read-only, a folder made read-only): refused before SQLite opens or maps anything."""
    for path in (file.parent, file):
        if path.exists() and not os.access(path, os.W_OK):
            raise StorageUnavailable(
                f"the database at {describe_url(url)} cannot be written: {path} is read-only. "
                "Nothing was saved; make the folder writable again, then try again."
            )


def describe_url(url: str) -> str:
    """The URL without its password, for messages."""
    return sa.make_url(url).render_as_string(hide_password=True)


class Database:
    """An engine plus the two kinds of transaction the stores use.

    Every database error that means "unreachable" leaves as ``StorageUnavailable``.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_database_engine(url)
        self._sqlite_file = _sqlite_file(self.engine.url) if self.dialect == "sqlite" else None
        self._writer = self.engine.execution_options(**{_WRITE: True})
        # SQLite has one writer at a time. Threads of this process queue on a lock (woken
        # at once, in turn) rather than on SQLite's busy handler, which polls with sleeps of
        # up to 100 ms and made the p95 save latency ~190 ms at 16 threads (bench/storage.py).
        # Other processes still queue on BEGIN IMMEDIATE + busy_timeout.
        self._write_turn: AbstractContextManager = (
            threading.Lock() if self.dialect == "sqlite" else nullcontext()
        )

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction: committed on success, rolled back on any error."""
        with self._write_turn, self._unavailable_as_error(), self._writer.begin() as conn:
            yield conn

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read-only transaction (a consistent snapshot across its queries)."""
        with self._unavailable_as_error(), self.engine.connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _unavailable_as_error(self) -> Iterator[None]:
        if self._sqlite_file is not None:
            _check_writable(self._sqlite_file, self.url)  # before SQLite touches the WAL's shared memory
        try:
            yield
        except sa.exc.DatabaseError as error:
            if isinstance(error, _UNAVAILABLE) or _is_sqlite_disk_error(error):
                raise StorageUnavailable(
                    f"the database at {describe_url(self.url)} cannot be reached: "
                    f"{_first_line(error)}. Try again in a moment."
                ) from error
            raise
        except _UNAVAILABLE as error:
            raise StorageUnavailable(
                f"the database at {describe_url(self.url)} cannot be reached: "
                f"{_first_line(error)}. Try again in a moment."
            ) from error


def _is_sqlite_disk_error(error: sa.exc.DatabaseError) -> bool:
    orig = getattr(error, "orig", None)
    if not isinstance(orig, sqlite3.DatabaseError) or isinstance(orig, sqlite3.IntegrityError):
        return False
    return any(words in str(orig).lower() for words in _SQLITE_DISK_ERRORS)


def _first_line(error: Exception) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0] if text else type(error).__name__
