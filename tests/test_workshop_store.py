"""Rules of assessment/storage/workshops.py (workshops in Store), on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from assessment.storage.results import Store, open_store
from assessment.storage.errors import WorkshopClosed, WorkshopCodeTaken
from assessment.tokens import hash_secret, new_token
from assessment.room.summary import MetricSummary, RoomPoint, summarise_room
from assessment.room.export import ExportRow, build_room_csv
from tests.storage_samples import sample_new_result, sample_result
from tests.test_storage import count_rows

FACILITATOR_HASH = hash_secret(new_token())


@pytest.fixture
def store(database_url):
    with open_store(database_url) as opened:
        yield opened


def join(store: Store, workshop_id: int, width: float, depth: float, profile: str, **fields):
    new = sample_new_result(result=sample_result(width, depth, profile), workshop_id=workshop_id, **fields)
    return store.save_result(new)


def test_create_workshop__new_code__open_and_unrevealed(store: Store):
    workshop = store.create_workshop("K7RWX3", "Lab retreat", "Room 2", FACILITATOR_HASH)

    assert (workshop.code, workshop.title, workshop.note) == ("K7RWX3", "Lab retreat", "Room 2")
    assert (workshop.is_open, workshop.revealed) == (True, False)
    assert store.find_workshop(workshop.id) == workshop
    assert store.find_workshop_by_code("K7RWX3").id == workshop.id
    assert FACILITATOR_HASH not in repr(workshop)


def test_create_workshop__code_taken__workshop_code_taken(store: Store):
    store.create_workshop("K7RWX3", "First", "", FACILITATOR_HASH)

    with pytest.raises(WorkshopCodeTaken, match="workshop code 'K7RWX3' is taken; draw another"):
        store.create_workshop("K7RWX3", "Second", "", FACILITATOR_HASH)


def test_create_workshop__code_of_a_deleted_workshop__still_taken(store: Store):
    old = store.create_workshop("K7RWX3", "Old", "", FACILITATOR_HASH)
    store.delete_workshop(old.id)

    with pytest.raises(WorkshopCodeTaken):
        store.create_workshop("K7RWX3", "New", "", FACILITATOR_HASH)


def test_find_workshop__unknown__none(store: Store):
    assert store.find_workshop(12345) is None
    assert store.find_workshop_by_code("NOPE99") is None


def test_set_workshop_open_and_revealed__flags_change(store: Store):
    workshop = store.create_workshop("K7RWX3", "T", "", FACILITATOR_HASH)

    assert store.set_workshop_open(workshop.id, False) is True
    assert store.set_workshop_revealed(workshop.id, True) is True

    found = store.find_workshop(workshop.id)
    assert (found.is_open, found.revealed) == (False, True)
    assert store.set_workshop_open(999, True) is False


def test_save_result__closed_workshop__workshop_closed(store: Store):
    workshop = store.create_workshop("K7RWX3", "T", "", FACILITATOR_HASH)
    store.set_workshop_open(workshop.id, False)

    with pytest.raises(WorkshopClosed, match=f"workshop {workshop.id} is closed or deleted"):
        join(store, workshop.id, 60, 60, "wide_and_deep")
    assert store.workshop_response_count(workshop.id) == 0


def test_save_result__unknown_workshop__workshop_closed(store: Store):
    with pytest.raises(WorkshopClosed):
        join(store, 4242, 60, 60, "wide_and_deep")


def test_workshop_points__two_people__anonymous_dots_of_this_workshop_only(store: Store):
    workshop = store.create_workshop("K7RWX3", "T", "", FACILITATOR_HASH)
    join(store, workshop.id, 70.0, 30.0, "wide_shallow", nickname="Ada", nickname_public=True)
    join(store, workshop.id, 20.0, 80.0, "deep_narrow", nickname="Bob", nickname_public=False)
    store.save_result(sample_new_result())  # not in the workshop

    assert store.workshop_points(workshop.id) == (
        RoomPoint(70.0, 30.0, "wide_shallow"),
        RoomPoint(20.0, 80.0, "deep_narrow"),
    )
    assert store.workshop_response_count(workshop.id) == 2


def test_workshop_metric_summary__three_people__averages_counts_and_thresholds(store: Store):
    workshop = store.create_workshop("K7RWX3", "T", "", FACILITATOR_HASH)
    for width in (50.0, 60.0, 70.0):
        join(store, workshop.id, width, 40.0, "wide_shallow")
    removed = join(store, workshop.id, 0.0, 0.0, "starting")
    store.delete_result(removed.share_token, removed.manage_key)

    summary = store.workshop_metric_summary(workshop.id, {"width": 55, "seg:peers:depth": 58})

    # width: (50 + 60 + 70) / 3 = 60; 60 and 70 reach 55. seg:peers (index 3) depth = 60 - 3 = 57 < 58.
    assert summary["width"] == MetricSummary(mean=60.0, count=3, at_or_above=2)
    assert summary["seg:peers:depth"] == MetricSummary(mean=57.0, count=3, at_or_above=0)
    assert summary["depth"] == MetricSummary(mean=40.0, count=3, at_or_above=0)  # no threshold asked
    assert len(summary) == 34


def test_workshop_metric_summary__no_responses__empty(store: Store):
    workshop = store.create_workshop("K7RWX3", "T", "", FACILITATOR_HASH)

    assert store.workshop_metric_summary(workshop.id, {"width": 55}) == {}


def test_workshop_export_rows__anonymous_with_metrics_and_only_public_nicknames(store: Store):
    workshop = store.create_workshop("K7RWX3", "T", "", FACILITATOR_HASH)
    join(store, workshop.id, 70.0, 30.0, "wide_shallow", display_name="Ada Lovelace", nickname="Ada", nickname_public=True)
    join(store, workshop.id, 20.0, 80.0, "deep_narrow", display_name="Bob Babbage", nickname="Bob")

    rows = store.workshop_export_rows(workshop.id)

    assert sorted((r.width, r.nickname, r.share_nickname) for r in rows) == [(20.0, None, False), (70.0, "Ada", True)]
    assert all(isinstance(r, ExportRow) and len(r.metrics) == 34 for r in rows)
    assert "Lovelace" not in repr(rows) and "Bob" not in repr(rows)
    assert [r.width for r in rows] == [70.0, 20.0]  # arrival order: the export releases whole batches of them


def test_workshop_rows__fed_to_room_and_csv__accepted(store: Store):
    workshop = store.create_workshop("K7RWX3", "T", "", FACILITATOR_HASH)
    for width in (50.0, 60.0, 70.0):
        join(store, workshop.id, width, 40.0, "wide_shallow", nickname="=cmd", nickname_public=True)

    room = summarise_room(
        store.workshop_points(workshop.id),
        store.workshop_metric_summary(workshop.id, {"seg:peers:depth": 57}),
        profile_prompts={"wide_shallow": "Talk."}, min_responses=3,
    )
    csv_text = build_room_csv(store.workshop_export_rows(workshop.id), min_responses=3)

    assert room.responses == 3 and room.top_profile == "wide_shallow"
    assert next(s for s in room.segments if s.id == "peers").deep_count == 3
    assert csv_text.count("'=cmd") == 3


def test_delete_workshop__with_results__gone_from_the_room_and_kept_for_their_people(store: Store):
    workshop = store.create_workshop("K7RWX3", "T", "", FACILITATOR_HASH)
    saved = join(store, workshop.id, 70.0, 30.0, "wide_shallow")
    elsewhere = store.save_result(sample_new_result())

    assert store.delete_workshop(workshop.id) is True

    assert store.find_workshop(workshop.id) is None
    assert store.find_workshop_by_code("K7RWX3") is None
    kept = store.find_result(saved.share_token)  # the person's own link keeps working (issue 11 §7)
    assert (kept.status, kept.result.workshop_id, kept.result.nickname) == ("found", None, None)
    assert store.find_result(elsewhere.share_token).status == "found"
    assert store.workshop_response_count(workshop.id) == 0
    assert store.workshop_metric_summary(workshop.id) == {}
    assert store.delete_workshop(workshop.id) is False
    assert store.set_workshop_open(workshop.id, True) is False


def test_save_result__16_threads_joining_one_workshop__all_counted(store: Store):
    # Each save reads the workshop before writing: without BEGIN IMMEDIATE, SQLite would
    # answer some of these with "database is locked".
    workshop = store.create_workshop("K7RWX3", "T", "", FACILITATOR_HASH)

    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda n: join(store, workshop.id, n % 100, 50.0, "starting"), range(400)))

    assert store.workshop_response_count(workshop.id) == 400
    assert store.workshop_metric_summary(workshop.id)["width"].count == 400


def test_create_workshop__nul_and_invisibles_in_title_and_note__stored_clean(store: Store):
    # A NUL raised DataError on PostgreSQL; the note keeps its line break.
    workshop = store.create_workshop("K7RWX3", "Team\x00 day\u202e", "Room 2\x00\n14:00\u200b", FACILITATOR_HASH)

    found = store.find_workshop(workshop.id)

    assert (workshop.title, workshop.note) == ("Team day", "Room 2\n14:00")
    assert (found.title, found.note) == ("Team day", "Room 2\n14:00")


def test_delete_workshop__racing_saves_into_it__no_live_result_or_metric_left(store: Store, database_url):
    # Before the row lock, PostgreSQL (READ COMMITTED) let a save that read "open" before
    # the delete commit after it: 33 of 40 trials left a live result. Ten trials of eight
    # saves racing one delete.
    for trial in range(10):
        workshop = store.create_workshop(f"K7RW{trial:02d}", "T", "", FACILITATOR_HASH)
        join(store, workshop.id, 50.0, 50.0, "starting")
        start = threading.Barrier(9)

        def save(_n: int) -> None:
            start.wait()
            try:
                join(store, workshop.id, 50.0, 50.0, "starting")
            except WorkshopClosed:
                pass

        def delete() -> None:
            start.wait()
            time.sleep(0.002 * trial)  # vary who goes first
            assert store.delete_workshop(workshop.id) is True

        with ThreadPoolExecutor(9) as pool:
            futures = [pool.submit(save, n) for n in range(8)] + [pool.submit(delete)]
            for future in futures:
                future.result()

        assert store.workshop_response_count(workshop.id) == 0, trial
        assert count_rows(database_url, f"result_metrics WHERE workshop_id = {workshop.id}") == 0, trial
