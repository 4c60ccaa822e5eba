"""Rules of assessment/storage/results.py, each run on a SQLite file and on a real PostgreSQL."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from assessment.storage.results import MAX_DRAFT_CONTEXT, NewResult, Store, open_store, result_metrics_of
from assessment.storage.engine import Database, database_url_from
from assessment.storage.errors import StorageError, StorageUnavailable
from assessment.storage.schema import MIGRATIONS, SCHEMA_VERSION, metadata, schema_meta, upgrade_schema
from assessment.tokens import new_token
from tests.conftest import skip_or_fail
from tests.pg_server import find_postgres_bin, free_port, restart_postgres, start_postgres, stop_postgres, stop_server_process
from tests.storage_samples import SAMPLE_ANSWERS, sample_new_result, sample_result

REPO = Path(__file__).resolve().parents[1]
HOSTILE = "<img src=x onerror=alert(1)>"
METRICS_PER_RESULT = 2 + 8 + 6 * 4  # width, depth, 8 dimensions, 6 segments x 4 measures


@pytest.fixture
def store(database_url):
    with open_store(database_url) as opened:
        yield opened


def count_rows(url: str, table: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.scalar(sa.text(f"SELECT count(*) FROM {table}"))
    finally:
        engine.dispose()


# Results ---------------------------------------------------------------------------------


def test_save_result__then_find__returns_everything_saved(store: Store):
    new = sample_new_result(display_name="Ada", extras={"network": {"density": 0.4}},
                            nickname="ada", nickname_public=True)
    saved = store.save_result(new)

    lookup = store.find_result(saved.share_token)

    assert lookup.status == "found"
    stored = lookup.result
    assert stored.share_token == saved.share_token
    assert stored.result == sample_result()
    assert stored.answers == SAMPLE_ANSWERS
    assert stored.extras == {"network": {"density": 0.4}}
    assert (stored.questionnaire_id, stored.questionnaire_version, stored.language) == ("wide-and-deep", "1.0", "en")
    assert (stored.width, stored.depth, stored.profile_id) == (62.5, 40.0, "wide_shallow")
    assert (stored.display_name, stored.nickname, stored.nickname_public) == ("Ada", "ada", True)
    assert stored.include_answers is True and stored.removed_at is None and stored.workshop_id is None
    assert stored.created_at == saved.created_at


def test_save_result__answers_not_shared__kept_but_never_handed_out(store: Store):
    saved = store.save_result(sample_new_result(include_answers=False))

    stored = store.find_result(saved.share_token).result

    assert stored.include_answers is False
    assert stored.answers is None
    assert stored.result == sample_result()
    with store._db.reading() as conn:
        kept = conn.execute(sa.text("select answers from results")).scalar_one()
    assert json.loads(kept) == dict(sample_new_result().answers)


def test_save_result__hostile_display_name__stored_verbatim(store: Store):
    saved = store.save_result(sample_new_result(display_name=HOSTILE + "'; DROP TABLE results; --", nickname=HOSTILE))

    stored = store.find_result(saved.share_token).result

    assert stored.display_name == HOSTILE + "'; DROP TABLE results; --"
    assert stored.nickname == HOSTILE


def test_save_result__manage_key__only_its_hash_is_stored(store: Store, database_url):
    saved = store.save_result(sample_new_result())

    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        row = conn.execute(sa.text("SELECT * FROM results")).mappings().one()
    engine.dispose()

    assert saved.manage_key not in {str(v) for v in row.values()}
    assert saved.manage_key not in repr(saved)


def test_save_result__result_without_questionnaire__value_error_names_the_fix(store: Store):
    broken = sample_result()
    del broken["questionnaire"]

    with pytest.raises(ValueError) as error:
        store.save_result(NewResult(answers={}, result=broken))

    assert str(error.value) == (
        "NewResult.result: missing 'questionnaire' in the Result dict. "
        "Pass Result.to_dict() (see docs/CONTRACTS.md)."
    )


def test_save_result__writes_one_metric_row_per_score(store: Store, database_url):
    store.save_result(sample_new_result())

    assert count_rows(database_url, "result_metrics") == METRICS_PER_RESULT


def test_result_metrics_of__sample__flat_names_and_values():
    metrics = result_metrics_of(sample_result())

    assert len(metrics) == METRICS_PER_RESULT
    assert metrics["width"] == 62.5
    assert metrics["dim:reach"] == 50.0  # 50 + seed 0 + index 0
    assert metrics["dim:connecting"] == 57.0  # index 7
    assert metrics["seg:senior:contacts"] == 14.0  # 12 + index 2
    assert metrics["seg:senior:depth"] == 58.0  # 60 - index 2
    assert metrics["seg:peers:favour"] == 2.5
    assert metrics["seg:peers:breadth"] == 65.0


# Share links -----------------------------------------------------------------------------


def test_find_result__unknown_token__unknown(store: Store):
    lookup = store.find_result(new_token())

    assert (lookup.status, lookup.result) == ("unknown", None)


@pytest.mark.parametrize("token", ["", "abc", "x" * 200, "../../etc/passwd", "a b c d e f g h i j k l",
                                   "'; DROP TABLE results; --xxxxxxxx", None, 42])
def test_find_result__malformed_token__unknown_without_a_query(store: Store, token):
    statements = []
    sa.event.listen(store._db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))

    lookup = store.find_result(token)

    assert lookup.status == "unknown"
    assert statements == []


def test_delete_result__right_key__link_says_removed_and_payload_is_gone(store: Store, database_url):
    saved = store.save_result(sample_new_result(display_name="Ada", nickname="ada", extras={"x": 1}))

    assert store.delete_result(saved.share_token, saved.manage_key) is True

    lookup = store.find_result(saved.share_token)
    assert lookup.status == "removed"
    tomb = lookup.result
    assert tomb.removed_at is not None and tomb.created_at == lookup.result.created_at
    assert (tomb.answers, tomb.result, tomb.extras, tomb.display_name, tomb.nickname) == (None,) * 5
    assert (tomb.width, tomb.depth, tomb.profile_id) == (None, None, None)
    assert count_rows(database_url, "result_metrics") == 0


def test_delete_result__twice__still_true_and_removed(store: Store):
    saved = store.save_result(sample_new_result())
    store.delete_result(saved.share_token, saved.manage_key)

    assert store.delete_result(saved.share_token, saved.manage_key) is True
    assert store.find_result(saved.share_token).status == "removed"


def test_delete_result__wrong_key__nothing_deleted(store: Store):
    saved = store.save_result(sample_new_result())
    other = store.save_result(sample_new_result())

    assert store.delete_result(saved.share_token, new_token()) is False
    assert store.delete_result(saved.share_token, other.manage_key) is False
    assert store.delete_result(saved.share_token, "not a key") is False
    assert store.delete_result(saved.share_token, saved.share_token) is False

    assert store.find_result(saved.share_token).status == "found"


def test_delete_result__unknown_or_malformed_token__false(store: Store):
    saved = store.save_result(sample_new_result())

    assert store.delete_result(new_token(), saved.manage_key) is False
    assert store.delete_result("garbage", saved.manage_key) is False


# Owners and changes in place (issue 11 §1, §2, §7) -----------------------------------------


def test_results_of_owner__two_saves_with_one_key__both_newest_first_and_only_the_hash_stored(store: Store, database_url):
    owner = new_token()
    first = store.save_result(sample_new_result(owner_key=owner, display_name="then"))
    second = store.save_result(sample_new_result(owner_key=owner, display_name="now"))
    store.save_result(sample_new_result(owner_key=new_token()))  # someone else's

    mine = store.results_of_owner(owner)

    assert [r.share_token for r in mine] == [second.share_token, first.share_token]
    assert [r.display_name for r in mine] == ["now", "then"]
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as conn:
            stored = conn.execute(sa.text("SELECT owner_hash FROM results")).scalars().all()
    finally:
        engine.dispose()
    assert owner not in stored and len({h for h in stored}) == 2


@pytest.mark.parametrize("key", ["", "short", "x" * 22, None])
def test_results_of_owner__unknown_or_malformed_key__nothing(store: Store, key):
    store.save_result(sample_new_result(owner_key=new_token()))
    assert store.results_of_owner(key) == ()


def test_results_of_owner__one_removed__no_longer_listed(store: Store):
    owner = new_token()
    kept = store.save_result(sample_new_result(owner_key=owner))
    gone = store.save_result(sample_new_result(owner_key=owner))
    assert store.delete_result(gone.share_token, owner) is True  # the owner key manages each result

    assert [r.share_token for r in store.results_of_owner(owner)] == [kept.share_token]


def test_update_result__manage_or_owner_key__same_link_new_scores_and_metrics(store: Store, database_url):
    # 62.5 / 40.0 becomes 70.0 / 55.0: the link's lookup shows the new scores, and the metrics
    # (the room's aggregates) are the new result's, one row per score as before.
    owner = new_token()
    saved = store.save_result(sample_new_result(owner_key=owner))
    blended = sample_new_result(result=sample_result(70.0, 55.0, "wide_deep"), display_name="Ana",
                                extras={"kind": "network_map"})

    assert store.update_result(saved.share_token, saved.manage_key, blended) is True
    found = store.find_result(saved.share_token)
    assert (found.status, found.result.width, found.result.depth, found.result.profile_id) == ("found", 70.0, 55.0, "wide_deep")
    assert (found.result.display_name, found.result.extras) == ("Ana", {"kind": "network_map"})
    assert found.result.updated_at is not None and found.result.updated_at >= found.result.created_at
    assert count_rows(database_url, "result_metrics") == METRICS_PER_RESULT
    assert store.update_result(saved.share_token, owner, sample_new_result()) is True
    assert store.find_result(saved.share_token).result.width == 62.5


def test_update_result__wrong_key_or_removed__false_and_nothing_changed(store: Store):
    saved = store.save_result(sample_new_result())
    assert store.update_result(saved.share_token, new_token(), sample_new_result(result=sample_result(90.0))) is False
    assert store.find_result(saved.share_token).result.width == 62.5
    store.delete_result(saved.share_token, saved.manage_key)
    assert store.update_result(saved.share_token, saved.manage_key, sample_new_result()) is False
    assert store.find_result(saved.share_token).status == "removed"


def test_save_result__same_owner_again_in_a_workshop__replaces_the_room_entry_and_keeps_the_earlier_result(store: Store):
    workshop = store.create_workshop("K7RWX3", "T", "", "f" * 64)
    owner = new_token()
    first = store.save_result(sample_new_result(owner_key=owner, workshop_id=workshop.id, nickname="Kim"))
    store.save_result(sample_new_result(owner_key=new_token(), workshop_id=workshop.id))  # another person

    again = store.save_result(sample_new_result(owner_key=owner, workshop_id=workshop.id, nickname="Kim",
                                                result=sample_result(80.0, 20.0)))

    assert (first.replaced_in_room, again.replaced_in_room) == (0, 1)
    assert store.workshop_response_count(workshop.id) == 2  # Kim once, the other person once
    earlier = store.find_result(first.share_token)
    assert (earlier.status, earlier.result.workshop_id, earlier.result.nickname) == ("found", None, None)
    assert len(store.results_of_owner(owner)) == 2


def create_version_3_database(url: str) -> tuple[str, str]:
    """A database as version 3 left it (no owners yet) with one result; its share token and manage key."""
    database = Database(database_url_from(url))
    with database.writing() as conn:
        for migration in MIGRATIONS[:3]:
            migration.apply(conn)
        schema_meta.create(conn)
        conn.execute(sa.insert(schema_meta).values(id=1, version=3, upgraded_at=datetime.now(UTC)))
    with Store(database) as old:
        saved = old.save_result(sample_new_result(display_name="from version 3"))
    return saved.share_token, saved.manage_key


def test_open_store__version_3_database_with_a_result__upgraded_to_owners_and_the_result_still_managed(database_url):
    share_token, manage_key = create_version_3_database(database_url)
    assert "owner_hash" not in dict(columns_of(database_url)["results"])

    with open_store(database_url) as store:
        assert store.schema_version() == SCHEMA_VERSION  # 4 added owners; 5 (room privacy) follows
        old = store.find_result(share_token)
        assert (old.status, old.result.display_name, old.result.updated_at) == ("found", "from version 3", None)
        assert store.update_result(share_token, manage_key, sample_new_result(result=sample_result(71.0))) is True
        assert store.find_result(share_token).result.width == 71.0
        owner = new_token()
        new = store.save_result(sample_new_result(owner_key=owner))
        assert [r.share_token for r in store.results_of_owner(owner)] == [new.share_token]
    assert count_rows(database_url, "result_metrics") == 2 * METRICS_PER_RESULT


# Drafts ----------------------------------------------------------------------------------


def test_save_draft__new_then_update__one_draft_with_latest_answers(store: Store, database_url):
    token = store.save_draft({"reach_size": "agree"}, step=1)

    assert store.save_draft({"reach_size": "disagree", "trust": "often"}, step=2, token=token) == token

    draft = store.load_draft(token)
    assert (draft.token, draft.answers, draft.step) == (token, {"reach_size": "disagree", "trust": "often"}, 2)
    assert draft.updated_at.tzinfo is not None
    assert count_rows(database_url, "drafts") == 1


def test_save_draft__malformed_token__gets_a_new_token(store: Store):
    token = store.save_draft({"a": "b"}, step=0, token="not-a-token")

    assert token != "not-a-token"
    assert store.load_draft(token).answers == {"a": "b"}


def test_load_draft__unknown_or_malformed__none(store: Store):
    assert store.load_draft(new_token()) is None
    assert store.load_draft("nope") is None


def test_delete_draft__then_load__none(store: Store):
    token = store.save_draft({"a": "b"}, step=0)

    store.delete_draft(token)

    assert store.load_draft(token) is None


WORKSHOP_CONTEXT = {"workshop_id": 7, "nickname": "Robin " + HOSTILE, "nickname_public": True}


def test_save_draft__with_context__loaded_back_as_given(store: Store):
    token = store.save_draft({"reach_size": "agree"}, step=1, context=WORKSHOP_CONTEXT)

    assert store.load_draft(token).context == WORKSHOP_CONTEXT


def test_save_draft__without_context__loads_with_an_empty_context(store: Store):
    token = store.save_draft({"reach_size": "agree"}, step=1)

    assert store.load_draft(token).context == {}


def test_save_draft__update_with_another_context__replaces_it(store: Store):
    token = store.save_draft({"a": "b"}, step=0, context=WORKSHOP_CONTEXT)

    store.save_draft({"a": "b"}, step=1, token=token, context={"workshop_id": 8})
    assert store.load_draft(token).context == {"workshop_id": 8}
    store.save_draft({"a": "b"}, step=2, token=token)
    assert store.load_draft(token).context == {}


def test_save_draft__context_over_the_cap__value_error_and_nothing_saved(store: Store, database_url):
    too_big = {"nickname": "x" * MAX_DRAFT_CONTEXT}  # 2,000 x's + '{"nickname":""}' = 2,015 bytes

    with pytest.raises(ValueError) as error:
        store.save_draft({"a": "b"}, step=0, context=too_big)

    assert str(error.value) == (
        f"save_draft.context: 2015 bytes of JSON, more than the {MAX_DRAFT_CONTEXT} a draft keeps beside its "
        "answers. Keep only ids and short choices there."
    )
    assert count_rows(database_url, "drafts") == 0


def test_delete_drafts_older_than__old_draft__deleted_recent_kept(store: Store, database_url):
    old = store.save_draft({"a": "old"}, step=0)
    recent = store.save_draft({"a": "new"}, step=0)
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE drafts SET updated_at = :t WHERE token = :k"),
                     {"t": datetime.now(UTC) - timedelta(days=40), "k": old})
    engine.dispose()

    assert store.delete_drafts_older_than(timedelta(days=30)) == 1

    assert store.load_draft(old) is None
    assert store.load_draft(recent) is not None


# Schema ----------------------------------------------------------------------------------


def test_open_store__new_database__records_current_version(database_url):
    with open_store(database_url) as store:
        assert store.schema_version() == SCHEMA_VERSION
    assert count_rows(database_url, "schema_meta") == 1


def test_open_store__existing_database__no_migration_and_data_kept(database_url):
    with open_store(database_url) as first:
        saved = first.save_result(sample_new_result())

    with open_store(database_url) as second:
        with second._db.writing() as conn:
            assert upgrade_schema(conn) == ()
        assert second.schema_version() == SCHEMA_VERSION
        assert second.find_result(saved.share_token).status == "found"
    assert count_rows(database_url, "schema_meta") == 1


OLD_DRAFT = "D" * 22


def create_version_1_database(url: str) -> str:
    """A database as version 1 of the app left it (migration 1's tables, schema_meta at 1),
    holding the draft ``OLD_DRAFT`` and a result, whose share token is returned."""
    database = Database(database_url_from(url))
    with database.writing() as conn:
        MIGRATIONS[0].apply(conn)
        schema_meta.create(conn)
        conn.execute(sa.insert(schema_meta).values(id=1, version=1, upgraded_at=datetime.now(UTC)))
        conn.execute(
            sa.text("INSERT INTO drafts (token, answers, step, updated_at) VALUES (:token, :answers, 2, :now)"),
            {"token": OLD_DRAFT, "answers": '{"reach_size":"agree"}', "now": datetime.now(UTC)},
        )
    with Store(database) as old:  # not upgraded: results are the same in both versions
        return old.save_result(sample_new_result(display_name="from version 1")).share_token


def columns_of(url: str) -> dict[str, list[tuple[str, bool]]]:
    """Every table's (column, nullable) pairs, as the database reports them."""
    engine = sa.create_engine(database_url_from(url))
    try:
        with engine.connect() as conn:
            inspector = sa.inspect(conn)
            return {
                t: sorted((c["name"], c["nullable"]) for c in inspector.get_columns(t))
                for t in inspector.get_table_names()
            }
    finally:
        engine.dispose()


def test_open_store__version_1_database__upgraded_with_its_rows_kept(database_url):
    share_token = create_version_1_database(database_url)
    assert "context" not in dict(columns_of(database_url)["drafts"])

    with open_store(database_url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        draft = store.load_draft(OLD_DRAFT)
        assert (draft.answers, draft.step, draft.context) == ({"reach_size": "agree"}, 2, {})
        assert store.find_result(share_token).result.display_name == "from version 1"
        assert count_rows(database_url, "result_metrics") == METRICS_PER_RESULT
        token = store.save_draft({"a": "b"}, step=0, context=WORKSHOP_CONTEXT)
        assert store.load_draft(token).context == WORKSHOP_CONTEXT


@pytest.mark.parametrize("start", ["new", "version 1"])
def test_open_store__new_or_upgraded__tables_as_storage_schema_defines_them(database_url, start):
    if start == "version 1":
        create_version_1_database(database_url)

    open_store(database_url).close()

    expected = {t.name: sorted((c.name, c.nullable) for c in t.columns) for t in metadata.sorted_tables}
    assert columns_of(database_url) == expected


def test_open_store__database_from_a_newer_app__refuses(database_url):
    open_store(database_url).close()
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE schema_meta SET version = 99"))
    engine.dispose()

    with pytest.raises(RuntimeError, match="schema version 99 is newer than this app's"):
        open_store(database_url)


def test_open_store__two_at_once__schema_created_once(database_url):
    with ThreadPoolExecutor(4) as pool:
        stores = list(pool.map(lambda _: open_store(database_url), range(4)))
    for store in stores:
        store.close()

    assert count_rows(database_url, "schema_meta") == 1


# Concurrency and restarts ----------------------------------------------------------------


def test_save_result__1000_saves_from_16_threads__all_read_back_intact(store: Store, database_url):
    errors: list[BaseException] = []
    saved: dict[str, tuple[str, float]] = {}
    lock = threading.Lock()

    def save(n: int) -> None:
        try:
            name = f"person {n} {HOSTILE}"
            result = store.save_result(sample_new_result(display_name=name, result=sample_result(seed=n / 10)))
            with lock:
                saved[result.share_token] = (name, n / 10)
        except BaseException as error:  # noqa: BLE001 - every failure is reported below
            errors.append(error)

    with ThreadPoolExecutor(16) as pool:
        list(pool.map(save, range(1000)))

    assert errors == []
    assert len(saved) == 1000
    for token, (name, seed) in saved.items():
        stored = store.find_result(token).result
        assert stored.display_name == name
        assert stored.result == sample_result(seed=seed)
    assert count_rows(database_url, "results") == 1000
    assert count_rows(database_url, "result_metrics") == 1000 * METRICS_PER_RESULT


SAVE_IN_ANOTHER_PROCESS = """
import json, sys
from assessment.storage.results import open_store
from tests.storage_samples import sample_new_result
store = open_store(sys.argv[1])
saved = store.save_result(sample_new_result(display_name="from a child process"))
token = store.save_draft({"a": "b"}, step=3)
print(json.dumps({"share": saved.share_token, "manage": saved.manage_key, "draft": token}))
"""


def test_open_store__after_another_process_saved_and_exited__data_is_there(database_url):
    child = subprocess.run(
        [sys.executable, "-c", SAVE_IN_ANOTHER_PROCESS, database_url],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert child.returncode == 0, child.stderr
    keys = json.loads(child.stdout)

    with open_store(database_url) as store:
        assert store.find_result(keys["share"]).result.display_name == "from a child process"
        assert store.load_draft(keys["draft"]).step == 3
        assert store.delete_result(keys["share"], keys["manage"]) is True


# Database down ---------------------------------------------------------------------------


def test_open_store__sqlite_path_is_a_folder__storage_unavailable(tmp_path):
    with pytest.raises(StorageUnavailable) as error:
        open_store(f"sqlite:///{tmp_path}")

    assert isinstance(error.value, StorageError)
    assert str(error.value).startswith(f"the database at sqlite:///{tmp_path} cannot be reached: ")
    assert str(error.value).endswith(". Try again in a moment.")


def test_open_store__sqlite_folder_cannot_be_made__storage_unavailable():
    with pytest.raises(StorageUnavailable, match="cannot create the folder of the SQLite database"):
        open_store("sqlite:////proc/wide-deep/db.sqlite")


@pytest.mark.postgres
def test_open_store__postgres_port_closed__storage_unavailable(postgres_server):
    url = f"postgresql+psycopg://postgres:secret@127.0.0.1:{free_port()}/wide_deep"

    with pytest.raises(StorageUnavailable) as error:
        open_store(url)

    assert "secret" not in str(error.value)
    assert "127.0.0.1" in str(error.value)


@pytest.mark.postgres
def test_save_result__postgres_stopped_then_restarted__unavailable_then_saves():
    if find_postgres_bin() is None:
        skip_or_fail("PostgreSQL server binaries not found; apt-get install -y postgresql")
    server = start_postgres("down_test")
    try:
        with open_store(server.url) as store:
            before = store.save_result(sample_new_result())
            stop_server_process(server)

            with pytest.raises(StorageUnavailable):
                store.save_result(sample_new_result())
            with pytest.raises(StorageUnavailable):
                store.find_result(before.share_token)

            restart_postgres(server)
            after = store.save_result(sample_new_result())
            assert store.find_result(before.share_token).status == "found"
            assert store.find_result(after.share_token).status == "found"
    finally:
        stop_postgres(server)


def test_open_store__eight_at_once_on_new_files__all_open_in_wal_mode(tmp_path):
    # switching to WAL does not wait on the busy timeout: before it was done once per file,
    # stores opening a new file together could fail with "database is locked"
    for n in range(30):
        url = f"sqlite:///{tmp_path / f'race{n}.sqlite'}"
        with ThreadPoolExecutor(8) as pool:
            stores = list(pool.map(lambda _: open_store(url), range(8)))
        for store in stores:
            store.close()
        engine = sa.create_engine(url)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        engine.dispose()


# People's text and races (issue 9 §3) ------------------------------------------------------


def test_save_result__nul_and_invisibles_in_names__stored_clean_on_both_databases(store: Store):
    # PostgreSQL refuses "\x00" in text with a DataError; SQLite would keep it. Both store
    # what clean_text leaves: no NUL, no right-to-left override, no zero-width space.
    saved = store.save_result(sample_new_result(display_name="Sam\x00 \u202eevil", nickname="a\u200bda\x00",
                                                nickname_public=True))

    stored = store.find_result(saved.share_token).result

    assert (stored.display_name, stored.nickname, stored.nickname_public) == ("Sam evil", "ada", True)


def test_save_result__name_of_invisibles_only__stored_as_no_name(store: Store):
    saved = store.save_result(sample_new_result(display_name="\x00\u200b", nickname="\u202e", nickname_public=True))

    stored = store.find_result(saved.share_token).result

    assert (stored.display_name, stored.nickname, stored.nickname_public) == (None, None, False)


def test_save_draft__twenty_first_saves_of_one_token_at_once__one_draft_no_error(store: Store, database_url):
    # Before the upsert: UPDATE found no row in each thread, then all INSERTed -> IntegrityError.
    token = new_token()
    start = threading.Barrier(20)

    def first_save(n: int) -> str:
        start.wait()
        return store.save_draft({"a": str(n)}, step=n, token=token)

    with ThreadPoolExecutor(20) as pool:
        tokens = list(pool.map(first_save, range(20)))

    assert tokens == [token] * 20
    assert count_rows(database_url, "drafts") == 1
    assert store.load_draft(token).answers["a"] in {str(n) for n in range(20)}


# A disk that fails (issue 9 §4) -----------------------------------------------------------


def run_as_unprivileged(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run ``args`` so that file permissions apply to it: as root, without the capabilities
    that let root write anything (setpriv drops CAP_DAC_OVERRIDE and the rest)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            skip_or_fail("setpriv not found (util-linux): as root, read-only files cannot be simulated")
        prefix = [setpriv, "--inh-caps=-all", "--bounding-set=-all"]
    return subprocess.run(prefix + args, capture_output=True, text=True, timeout=120, cwd=REPO, **kwargs)


def test_sqlite_folder_turns_read_only__next_press__refused_and_the_process_lives(tmp_path):
    # Before the writable check, the pooled connections kept writing through their open files
    # into a folder made read-only (and a disk remounted read-only ended the process with
    # SIGBUS through the -shm mapping). Now: refused before SQLite touches the WAL, the person
    # told their progress stays in this tab, and the process lives on.
    folder = tmp_path / "data"
    folder.mkdir()

    try:
        child = run_as_unprivileged([sys.executable, "-m", "tests.disk_fault_child", str(folder), "read-only"])
    finally:
        for path in (folder, *folder.iterdir()):
            path.chmod(0o755)

    assert child.returncode == 0, child.stderr[-2000:]
    assert child.stdout.splitlines() == [
        "draft saved: True",
        "exception: False",
        "shown: Your progress is kept in this tab only: the server can't store it right now.",
        "store: the database at sqlite:///FOLDER/app.sqlite cannot be written: FOLDER is read-only. "
        "Nothing was saved; make the folder writable again, then try again.",
        "alive",
    ]


def test_sqlite_files_truncated_under_the_process__rollback_journal__unavailable_and_alive(tmp_path):
    # WAL memory-maps its -shm file: cut under the process, the next access is a SIGBUS that
    # ends the whole server (bench/sqlite_disk_faults.py shows it). With a rollback journal
    # SQLite maps nothing: the same fault is a StorageUnavailable, and the process lives.
    child = subprocess.run(
        [sys.executable, "-m", "tests.disk_fault_child", str(tmp_path), "truncated"],
        capture_output=True, text=True, timeout=120, cwd=REPO,
        env={**os.environ, "WIDE_DEEP_SQLITE_JOURNAL": "delete"},
    )

    assert child.returncode == 0, (child.returncode, child.stderr[-2000:])
    assert child.stdout.splitlines() == ["save StorageUnavailable", "read StorageUnavailable", "alive"]


@pytest.mark.parametrize("setting, mode", [(None, "wal"), ("delete", "delete"), (" DELETE ", "delete")])
def test_open_store__sqlite_journal_setting__file_in_that_mode(tmp_path, monkeypatch, setting, mode):
    if setting is None:
        monkeypatch.delenv("WIDE_DEEP_SQLITE_JOURNAL", raising=False)
    else:
        monkeypatch.setenv("WIDE_DEEP_SQLITE_JOURNAL", setting)

    with open_store(f"sqlite:///{tmp_path / 'j.sqlite'}") as store, store._db.reading() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == mode


def test_open_store__unknown_sqlite_journal_setting__storage_unavailable_names_the_choices(tmp_path, monkeypatch):
    monkeypatch.setenv("WIDE_DEEP_SQLITE_JOURNAL", "memory")

    with pytest.raises(StorageUnavailable) as error:
        open_store(f"sqlite:///{tmp_path / 'j.sqlite'}")

    assert str(error.value) == "WIDE_DEEP_SQLITE_JOURNAL: unknown journal mode 'memory'. Use one of: wal, delete."


# Keeping drafts no longer than needed (issue 9 §8) ----------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def age_draft(url: str, token: str, days: float) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE drafts SET updated_at = :t WHERE token = :k"),
                     {"t": datetime.now(UTC) - timedelta(days=days), "k": token})
    engine.dispose()


def test_open_store__drafts_older_than_30_days__purged_at_start(database_url, monkeypatch):
    monkeypatch.delenv("WIDE_DEEP_DRAFT_DAYS", raising=False)
    with open_store(database_url) as first:
        old, recent = first.save_draft({"a": "1"}, step=0), first.save_draft({"a": "2"}, step=0)
    age_draft(database_url, old, 31)
    age_draft(database_url, recent, 29)

    with open_store(database_url) as store:
        assert store.load_draft(old) is None
        assert store.load_draft(recent) is not None


def test_save_draft__purge_due__old_drafts_go_at_most_once_an_hour(database_url, monkeypatch):
    monkeypatch.setenv("WIDE_DEEP_DRAFT_DAYS", "7")
    clock = Clock()
    with open_store(database_url, clock=clock) as store:   # purged at start (t=0)
        first = store.save_draft({"a": "1"}, step=0)
        age_draft(database_url, first, 8)
        clock.now = 3599                                     # 59:59 after the last purge
        store.save_draft({"a": "2"}, step=0)
        assert store.load_draft(first) is not None           # not due yet
        clock.now = 3600
        store.save_draft({"a": "3"}, step=0)
        assert store.load_draft(first) is None               # an hour on: purged
        assert count_rows(database_url, "drafts") == 2


def test_purge_drafts_if_due__retention_from_the_setting__younger_drafts_kept(database_url, monkeypatch):
    monkeypatch.setenv("WIDE_DEEP_DRAFT_DAYS", "7")
    clock = Clock()
    with open_store(database_url, clock=clock) as store:
        eight, six = store.save_draft({"a": "8"}, step=0), store.save_draft({"a": "6"}, step=0)
        age_draft(database_url, eight, 8)
        age_draft(database_url, six, 6)
        clock.now = 3600

        assert store.purge_drafts_if_due() == 1
        assert store.purge_drafts_if_due() == 0                # just purged: not due again
        assert (store.load_draft(eight), store.load_draft(six) is not None) == (None, True)


@pytest.mark.parametrize("setting", ["0", "-1", "thirty", "1.5", "5000"])
def test_open_store__draft_days_setting_not_a_day_count__storage_unavailable_says_how(sqlite_url, monkeypatch, setting):
    monkeypatch.setenv("WIDE_DEEP_DRAFT_DAYS", setting)

    with pytest.raises(StorageUnavailable) as error:
        open_store(sqlite_url)

    assert str(error.value) == (
        f"WIDE_DEEP_DRAFT_DAYS: {setting!r} is not a number of days. Give a whole number from 1 to 3650 (default 30)."
    )


def test_save_draft__purge_fails__draft_still_saved_and_purge_due_again(sqlite_url, monkeypatch):
    clock = Clock()
    with open_store(sqlite_url, clock=clock) as store:
        calls = []

        def unreachable(_age):
            calls.append(clock.now)
            raise StorageUnavailable("the database cannot be reached")

        monkeypatch.setattr(store, "delete_drafts_older_than", unreachable)
        clock.now = 3600
        token = store.save_draft({"a": "1"}, step=0)     # saved; the purge failed quietly
        store.save_draft({"a": "2"}, step=0, token=token)  # and is tried again at once

        assert store.load_draft(token).answers == {"a": "2"}
        assert calls == [3600, 3600]
