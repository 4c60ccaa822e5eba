"""Migration 5: workshops get a minimum group size; migration 6: results get a revision, so a change
in place moves the room. Both on SQLite and PostgreSQL databases that already hold a workshop with
results (issue 12 §2, and stop 15's note on ``updated_at``)."""

from __future__ import annotations

from assessment.room.summary import MIN_RESPONSES
from assessment.room.tally import refresh_tally
from assessment.storage.results import Store, open_store
from assessment.storage.schema import SCHEMA_VERSION
from assessment.tokens import hash_secret, new_token
from tests.old_databases import column_names, database_before, old_workshop_with_results
from tests.storage_samples import sample_new_result, sample_result


def create_database_before_version_5(url: str) -> int:
    """A database as the app left it before migration 5, with a workshop of three results; its id."""
    return old_workshop_with_results(database_before(url, 5), revealed=False, results=3)


def test_migration_5__database_with_a_workshop_and_results__default_minimum_then_raisable(database_url):
    workshop_id = create_database_before_version_5(database_url)
    with open_store(database_url) as store:
        assert store.schema_version() == SCHEMA_VERSION >= 5
        workshop = store.find_workshop(workshop_id)
        assert (workshop.title, workshop.min_responses) == ("Lab", MIN_RESPONSES)  # NULL reads as the default
        assert store.workshop_response_count(workshop_id) == 3  # its results are all still there
        assert store.set_workshop_min_responses(workshop_id, 7) == 7
        assert store.find_workshop(workshop_id).min_responses == 7


def test_migration_5__fresh_database__workshops_have_the_column(database_url):
    with open_store(database_url) as store:
        workshop = store.create_workshop("K7RWX4", "Lab", "", hash_secret(new_token()))
        assert store.find_workshop(workshop.id).min_responses == MIN_RESPONSES
    assert "min_responses" in column_names(database_url, "workshops")


# -- migration 6: results.revision, so a change in place moves the room's version (issue 12, stop 15) --

THRESHOLDS = {"seg:peers:depth": 60.0}


def create_database_before_version_6(url: str) -> tuple[int, str, str]:
    """A database as the app left it before migration 6: a workshop with three results, one of them
    owned (so it can change in place later). Returns (workshop id, its share token, its owner key)."""
    database = database_before(url, 6)
    owner = new_token()
    with Store(database) as old:  # not upgraded: saves as version 5 did
        workshop = old.create_workshop("K7RWX5", "Lab", "", hash_secret(new_token()))
        for seed in (1, 2):
            old.save_result(sample_new_result(result=sample_result(30, 30, "starting", seed=seed), workshop_id=workshop.id))
        mine = old.save_result(sample_new_result(result=sample_result(40, 40, "starting"), workshop_id=workshop.id,
                                                 owner_key=owner))
    return workshop.id, mine.share_token, owner


def test_migration_6__database_with_results__revision_zero_then_a_change_in_place_moves_the_tally(database_url):
    workshop_id, token, owner = create_database_before_version_6(database_url)
    with open_store(database_url) as store:
        assert store.schema_version() == SCHEMA_VERSION >= 6
        before = refresh_tally(store, workshop_id, None, THRESHOLDS)
        assert before.version.responses == 3 and before.version.revisions == 0  # old rows read as never changed
        assert store.update_result(token, owner, sample_new_result(result=sample_result(90, 80, "wide_and_deep")))
        after = refresh_tally(store, workshop_id, before, THRESHOLDS)
    assert after.version.revisions == 1 and after.version.responses == 3
    assert sorted((p.width, p.depth) for p in after.points) == [(30, 30), (30, 30), (90, 80)]  # the new scores


def test_migration_6__fresh_database__results_have_the_column(database_url):
    with open_store(database_url):
        pass
    assert "revision" in column_names(database_url, "results")
