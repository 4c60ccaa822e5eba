"""An owner's history (issue 11 §3): the results kept under one private link, listed newest first,
bounded, and each one opened in full only by its owner. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from assessment.storage.results import HISTORY_LIMIT, HistoryEntry, OwnerHistory, Store, open_store
from assessment.tokens import new_token
from tests.storage_samples import sample_new_result, sample_result


@pytest.fixture
def store(database_url):
    with open_store(database_url) as opened:
        yield opened


def test_owner_history__three_saves__newest_first_with_date_profile_width_and_depth(store: Store):
    owner = new_token()
    saved = [store.save_result(sample_new_result(owner_key=owner, result=sample_result(width=w, depth=d, profile_id=p)))
             for w, d, p in ((40.0, 30.0, "narrow_shallow"), (62.5, 40.0, "wide_shallow"), (70.0, 66.0, "wide_deep"))]
    store.save_result(sample_new_result(owner_key=new_token()))  # someone else's

    history = store.owner_history(owner)

    assert history.total == 3
    assert [(e.share_token, e.width, e.depth, e.profile_id) for e in history.entries] == [
        (saved[2].share_token, 70.0, 66.0, "wide_deep"), (saved[1].share_token, 62.5, 40.0, "wide_shallow"),
        (saved[0].share_token, 40.0, 30.0, "narrow_shallow")]
    assert [e.created_at for e in history.entries] == [s.created_at for s in reversed(saved)]
    assert {e.questionnaire_id for e in history.entries} == {"wide-and-deep"}


@pytest.mark.parametrize("key", ["", "short", "x" * 22, None])
def test_owner_history__unknown_or_malformed_key__empty(store: Store, key):
    store.save_result(sample_new_result(owner_key=new_token()))
    assert store.owner_history(key) == OwnerHistory((), 0)


def test_owner_history__more_than_the_limit__the_newest_and_the_true_total(store: Store):
    owner = new_token()
    tokens = [store.save_result(sample_new_result(owner_key=owner)).share_token for _ in range(4)]

    history = store.owner_history(owner, limit=3)

    assert [e.share_token for e in history.entries] == tokens[::-1][:3] and history.total == 4


@pytest.mark.parametrize("asked, listed", [(0, 1), (-5, 1), (HISTORY_LIMIT + 10, 2)])
def test_owner_history__limit_out_of_range__kept_within_one_and_the_cap(store: Store, asked, listed):
    owner = new_token()
    for _ in range(2):
        store.save_result(sample_new_result(owner_key=owner))
    history = store.owner_history(owner, limit=asked)
    assert (len(history.entries), history.total) == (listed, 2)


def test_owner_history__one_removed__no_longer_listed_nor_counted(store: Store):
    owner = new_token()
    kept = store.save_result(sample_new_result(owner_key=owner))
    gone = store.save_result(sample_new_result(owner_key=owner))
    assert store.delete_result(gone.share_token, owner) is True

    assert store.owner_history(owner) == OwnerHistory(
        (HistoryEntry(kept.share_token, kept.created_at, "wide-and-deep", 62.5, 40.0, "wide_shallow", False),), 1)


def test_owner_result__own_token__that_result_with_its_unshared_answers(store: Store):
    owner = new_token()
    first = store.save_result(sample_new_result(owner_key=owner, include_answers=False, display_name="then"))
    store.save_result(sample_new_result(owner_key=owner, display_name="now"))

    found = store.owner_result(owner, first.share_token)

    assert found is not None and found.display_name == "then" and found.answers  # the owner sees their answers
    assert store.owner_result(owner).display_name == "now"  # no token: the newest


def test_owner_result__someone_elses_removed_or_malformed__none(store: Store):
    owner, other = new_token(), new_token()
    theirs = store.save_result(sample_new_result(owner_key=other))
    mine = store.save_result(sample_new_result(owner_key=owner))
    store.delete_result(mine.share_token, owner)

    assert store.owner_result(owner, theirs.share_token) is None
    assert store.owner_result(owner, mine.share_token) is None
    assert store.owner_result(owner) is None
    assert store.owner_result("short", theirs.share_token) is None
    assert store.owner_result(other, "not a token") is None
