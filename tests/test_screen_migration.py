"""Migration 7: workshops get the projector's screen, on SQLite and PostgreSQL databases that
already hold a revealed workshop with results (issue 12 §3)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from assessment.storage.results import open_store
from assessment.storage.schema import SCHEMA_VERSION
from assessment.tokens import hash_secret, new_token
from tests.old_databases import database_before, old_workshop_with_results


def create_database_before_version_7(url: str) -> int:
    """A database as the app left it before migration 7: a revealed workshop with two results; its id."""
    return old_workshop_with_results(database_before(url, 7), revealed=True, results=2)


def test_migration_7__revealed_workshop_with_results__on_the_first_screen_then_steps(database_url):
    workshop_id = create_database_before_version_7(database_url)
    with open_store(database_url) as store:
        assert store.schema_version() == SCHEMA_VERSION >= 7
        workshop = store.find_workshop(workshop_id)
        assert (workshop.title, workshop.revealed, workshop.screen) == ("Lab", True, 0)  # NULL reads as the first
        assert store.workshop_response_count(workshop_id) == 2  # its results are all still there
        assert store.step_workshop_screen(workshop_id, 1) == 1
        assert store.step_workshop_screen(workshop_id, 1) == 2
        assert store.find_workshop(workshop_id).screen == 2


def test_step_workshop_screen__at_the_ends_and_deleted__stops_or_none(database_url):
    with open_store(database_url) as store:
        workshop = store.create_workshop("K7RWX4", "Lab", "", hash_secret(new_token()))
        assert workshop.screen == 0
        assert store.step_workshop_screen(workshop.id, -1) == 0
        for _ in range(9):
            store.step_workshop_screen(workshop.id, 1)
        assert store.find_workshop(workshop.id).screen == 4  # the prompt, the last screen
        store.delete_workshop(workshop.id)
        assert store.step_workshop_screen(workshop.id, 1) is None


def test_workshop_answering_count__drafts_for_this_room_recently__counted_others_not(database_url):
    with open_store(database_url) as store:
        here = store.create_workshop("K7RWX5", "Here", "", hash_secret(new_token()))
        other = store.create_workshop("K7RWX6", "Other", "", hash_secret(new_token()))
        for context in ({"workshop_id": here.id, "nickname": "", "nickname_public": False},
                        {"workshop_id": here.id, "nickname": "Kim", "nickname_public": True},
                        {"workshop_id": other.id, "nickname": "", "nickname_public": False}, None):
            store.save_draft({"q1": "a"}, 1, None, context)
        hour_ago = datetime.now(UTC) - timedelta(hours=1)
        assert store.workshop_answering_count(here.id, hour_ago) == 2
        assert store.workshop_answering_count(other.id, hour_ago) == 1
        assert store.workshop_answering_count(here.id, datetime.now(UTC) + timedelta(minutes=1)) == 0
