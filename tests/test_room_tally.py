"""Rules of assessment/room/tally.py, and the store queries it reads (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from assessment.room.summary import MetricSummary, RoomPoint
from assessment.room.tally import (
    MetricTotal,
    RoomRows,
    RoomTally,
    RoomVersion,
    refresh_tally,
)
from assessment.storage.results import Store, open_store
from assessment.tokens import hash_secret, new_token
from tests.storage_samples import sample_new_result, sample_result

THRESHOLDS = {"seg:own_field:depth": 60.0, "seg:peers:depth": 60.0}


def rows(after_id: int, last_id: int, responses: int, *points: tuple[float, float, str], **totals) -> RoomRows:
    return RoomRows(RoomVersion(responses, last_id), after_id, tuple(RoomPoint(*p) for p in points),
                    {name: MetricTotal(*t) for name, t in totals.items()})


# -- the tally, on hand-made rows ------------------------------------------------------------


def test_from_rows__whole_room__means_from_totals():
    tally = RoomTally.from_rows(rows(0, 7, 2, (70, 60, "wide_and_deep"), (20, 30, "starting"), width=(90.0, 2, 0)))
    assert tally.version == RoomVersion(2, 7)
    assert tally.metric_summaries() == {"width": MetricSummary(45.0, 2, 0)}  # (70 + 20) / 2


def test_from_rows__rows_after_an_id__value_error():
    with pytest.raises(ValueError, match="rows start after id 3, not 0"):
        RoomTally.from_rows(rows(3, 7, 2))


def test_add__new_rows__points_appended_and_totals_summed():
    tally = RoomTally.from_rows(rows(0, 7, 1, (70, 60, "wide_and_deep"), width=(70.0, 1, 0), **{"seg:peers:depth": (65.0, 1, 1)}))
    added = tally.add(rows(7, 9, 2, (20, 30, "starting"), width=(20.0, 1, 0), **{"seg:peers:depth": (40.0, 1, 0)}))
    assert added.version == RoomVersion(2, 9)
    assert [p.profile_id for p in added.points] == ["wide_and_deep", "starting"]
    assert added.metric_summaries()["seg:peers:depth"] == MetricSummary(52.5, 2, 1)  # (65 + 40) / 2; 1 deep


def test_add__count_does_not_add_up__none_so_the_caller_rebuilds():
    tally = RoomTally.from_rows(rows(0, 7, 2, (70, 60, "a"), (20, 30, "b")))
    assert tally.add(rows(7, 9, 2, (50, 50, "c"))) is None  # 2 + 1 != 2: one was removed


def test_add__rows_from_elsewhere__value_error():
    with pytest.raises(ValueError, match="rows start after id 3, the tally ends at 7"):
        RoomTally.from_rows(rows(0, 7, 0)).add(rows(3, 9, 0))


class FakeSource:
    def __init__(self, version: RoomVersion, batches: dict[int, RoomRows]) -> None:
        self.version, self.batches, self.asked = version, batches, []

    def workshop_room_version(self, workshop_id):
        self.asked.append("version")
        return self.version

    def workshop_room_rows(self, workshop_id, thresholds, after_id=0):
        self.asked.append(after_id)
        return self.batches[after_id]


def test_refresh_tally__unchanged__same_tally_after_one_query():
    tally = RoomTally.from_rows(rows(0, 7, 1, (70, 60, "a")))
    source = FakeSource(RoomVersion(1, 7), {})
    assert refresh_tally(source, 1, tally, THRESHOLDS) is tally
    assert source.asked == ["version"]


def test_refresh_tally__new_answers__reads_only_rows_after_the_last_id():
    tally = RoomTally.from_rows(rows(0, 7, 1, (70, 60, "a")))
    source = FakeSource(RoomVersion(2, 9), {7: rows(7, 9, 2, (20, 30, "b"))})
    assert len(refresh_tally(source, 1, tally, THRESHOLDS).points) == 2
    assert source.asked == ["version", 7]


def test_refresh_tally__a_result_removed__rebuilt_from_scratch():
    tally = RoomTally.from_rows(rows(0, 7, 2, (70, 60, "a"), (20, 30, "b")))
    source = FakeSource(RoomVersion(1, 7), {7: rows(7, 7, 1), 0: rows(0, 7, 1, (20, 30, "b"))})
    assert [p.profile_id for p in refresh_tally(source, 1, tally, THRESHOLDS).points] == ["b"]
    assert source.asked == ["version", 7, 0]


# -- the store queries -----------------------------------------------------------------------


@pytest.fixture
def store(database_url):
    with open_store(database_url) as opened:
        yield opened


def join(store: Store, workshop_id: int, width: float, depth: float, profile: str, seed: float = 0.0):
    return store.save_result(sample_new_result(result=sample_result(width, depth, profile, seed=seed),
                                               workshop_id=workshop_id))


def test_workshop_room_version__empty_then_answers__count_and_highest_id(store: Store):
    workshop = store.create_workshop("K7RWX3", "Lab", "", hash_secret(new_token()))
    assert store.workshop_room_version(workshop.id) == RoomVersion(0, 0)
    join(store, workshop.id, 70, 60, "wide_and_deep")
    join(store, workshop.id, 20, 30, "starting")
    version = store.workshop_room_version(workshop.id)
    assert version.responses == 2 and version.last_id > 0


def test_workshop_room_rows__whole_then_after_an_id__match_the_metric_summary(store: Store):
    workshop = store.create_workshop("K7RWX3", "Lab", "", hash_secret(new_token()))
    join(store, workshop.id, 70, 60, "wide_and_deep", seed=0)
    first = store.workshop_room_rows(workshop.id, THRESHOLDS)
    join(store, workshop.id, 20, 30, "starting", seed=10)
    tally = RoomTally.from_rows(first).add(store.workshop_room_rows(workshop.id, THRESHOLDS, first.version.last_id))

    assert [p.profile_id for p in tally.points] == ["wide_and_deep", "starting"]
    expected = store.workshop_metric_summary(workshop.id, THRESHOLDS)
    got = tally.metric_summaries()
    assert got.keys() == expected.keys()
    for name, summary in expected.items():
        assert (got[name].mean, got[name].count, got[name].at_or_above) == pytest.approx(
            (summary.mean, summary.count, summary.at_or_above)), name


def test_refresh_tally__result_deleted__room_without_it(store: Store):
    workshop = store.create_workshop("K7RWX3", "Lab", "", hash_secret(new_token()))
    gone = join(store, workshop.id, 70, 60, "wide_and_deep")
    join(store, workshop.id, 20, 30, "starting")
    tally = refresh_tally(store, workshop.id, None, THRESHOLDS)
    store.delete_result(gone.share_token, gone.manage_key)
    join(store, workshop.id, 50, 50, "deep_narrow")
    tally = refresh_tally(store, workshop.id, tally, THRESHOLDS)
    assert sorted(p.profile_id for p in tally.points) == ["deep_narrow", "starting"]
    assert tally.metric_summaries()["width"].count == 2


def test_workshop_code_deleted__only_for_a_deleted_workshop(store: Store):
    workshop = store.create_workshop("K7RWX3", "Lab", "", hash_secret(new_token()))
    assert not store.workshop_code_deleted("K7RWX3") and not store.workshop_code_deleted("NOPE99")
    store.delete_workshop(workshop.id)
    assert store.workshop_code_deleted("K7RWX3")


def test_add__a_counted_result_changed_in_place__none_so_the_caller_rebuilds():
    tally = RoomTally.from_rows(rows(0, 7, 1, (70, 60, "a")))
    changed = RoomRows(RoomVersion(1, 7, 1), 7, (), {})
    assert tally.add(changed) is None  # same count, same last id, one revision more


def test_refresh_tally__result_changed_in_place__rebuilt_with_its_new_scores(store: Store):
    workshop = store.create_workshop("K7RWX3", "Lab", "", hash_secret(new_token()))
    owner = new_token()
    mine = store.save_result(sample_new_result(result=sample_result(20, 30, "starting"), workshop_id=workshop.id,
                                               owner_key=owner))
    join(store, workshop.id, 70, 60, "wide_and_deep")
    tally = refresh_tally(store, workshop.id, None, THRESHOLDS)
    assert store.update_result(mine.share_token, owner, sample_new_result(result=sample_result(80, 75, "wide_and_deep")))
    moved = refresh_tally(store, workshop.id, tally, THRESHOLDS)
    assert moved.version.responses == 2 and moved.version.revisions == tally.version.revisions + 1
    assert sorted((p.width, p.depth) for p in moved.points) == [(70, 60), (80, 75)]
    assert moved.metric_summaries()["width"].mean == pytest.approx(75.0)  # (70 + 80) / 2


def test_refresh_tally__participant_takes_it_again__counted_once_with_new_scores(store: Store):
    workshop = store.create_workshop("K7RWX3", "Lab", "", hash_secret(new_token()))
    key = new_token()  # the participant's own key in this room (ui/workshops.participant_key)
    store.save_result(sample_new_result(result=sample_result(20, 30, "starting"), workshop_id=workshop.id,
                                        participant_key=key))
    join(store, workshop.id, 70, 60, "wide_and_deep")
    tally = refresh_tally(store, workshop.id, None, THRESHOLDS)
    store.save_result(sample_new_result(result=sample_result(60, 65, "wide_and_deep"), workshop_id=workshop.id,
                                        participant_key=key))
    moved = refresh_tally(store, workshop.id, tally, THRESHOLDS)
    assert moved.version.responses == 2  # once, not twice
    assert sorted((p.width, p.depth) for p in moved.points) == [(60, 65), (70, 60)]  # their new scores
    assert moved.metric_summaries()["width"] == MetricSummary(65.0, 2, 0)  # (60 + 70) / 2
