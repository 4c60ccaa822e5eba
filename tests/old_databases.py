"""Databases as an older version of the app left them, for the migration tests."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from assessment.storage.engine import Database, database_url_from
from assessment.storage.results import Store
from assessment.storage.schema import MIGRATIONS, schema_meta
from assessment.tokens import hash_secret, new_token
from tests.storage_samples import sample_new_result, sample_result


def database_before(url: str, version: int) -> Database:
    """An empty database as the app left it just before migration ``version``."""
    database = Database(database_url_from(url))
    before = [m for m in MIGRATIONS if m.version < version]
    with database.writing() as conn:
        for migration in before:
            migration.apply(conn)
        schema_meta.create(conn)
        conn.execute(sa.insert(schema_meta).values(id=1, version=before[-1].version, upgraded_at=datetime.now(UTC)))
    return database


def old_workshop_with_results(database: Database, *, revealed: bool, results: int) -> int:
    """A workshop "Lab" (code K7RWX3, open) written with only the columns every version has, and
    ``results`` results saved into it by a Store that was not upgraded; the workshop's id."""
    with database.writing() as conn:
        workshop_id = conn.execute(sa.text(
            "INSERT INTO workshops (code, title, note, facilitator_hash, is_open, revealed, created_at) "
            "VALUES ('K7RWX3', 'Lab', '', :hash, :open, :revealed, :now) RETURNING id"
        ), {"hash": hash_secret(new_token()), "open": True, "revealed": revealed, "now": datetime.now(UTC)}).scalar_one()
    with Store(database) as old:  # not upgraded: saves as that version did
        for seed in range(results):
            old.save_result(sample_new_result(result=sample_result(seed=seed), workshop_id=workshop_id))
    return workshop_id


def column_names(url: str, table: str) -> set[str]:
    """The columns ``table`` has in the database at ``url``, read from the database itself."""
    engine = sa.create_engine(database_url_from(url))
    try:
        with engine.connect() as conn:
            return {c["name"] for c in sa.inspect(conn).get_columns(table)}
    finally:
        engine.dispose()
