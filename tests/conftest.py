"""Shared fixtures: real databases (a SQLite file, a throw-away PostgreSQL server).

Under CI (``CI=true``) a missing PostgreSQL binary fails the tests that need it, so a broken
CI machine cannot pass by skipping; on a developer's machine those tests are skipped with
the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from tests.pg_server import PostgresServer, find_postgres_bin, start_postgres, stop_postgres

IN_CI = os.environ.get("CI") == "true"


def skip_or_fail(reason: str) -> None:
    """Skip on a developer's machine; fail under CI, where every tool must be present."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: missing tools fail instead of skipping)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """A SQLAlchemy URL of a SQLite file (not created yet) in this test's tmp_path."""
    return f"sqlite:///{tmp_path / 'wide_deep.sqlite'}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One throw-away PostgreSQL server for the whole test session."""
    if find_postgres_bin() is None:
        skip_or_fail(
            "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb); "
            "apt-get install -y postgresql, or run bash scripts/test.sh as root"
        )
    server = start_postgres("wide_deep")
    yield server
    stop_postgres(server)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """A SQLAlchemy URL of a fresh, empty database on the session's server.

    A new database per test (cheap: a copy of template1) keeps tests independent, like the
    SQLite file in tmp_path; the server itself starts once per session.
    """
    return postgres_server.create_database(f"test_{uuid.uuid4().hex[:12]}")


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def database_url(request) -> str:
    """Each test that takes this runs twice: on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("postgres_url")
