"""Privacy that survives arithmetic (issue 12 §2): the attack itself, on consecutive projector states.

The room shown is ``summarise_room`` of ``released_tally`` (ui/room_feed.py does exactly this on
every refresh). The attacker watches the projector, sees one person press the button, and
compares the state before with the state after: the room's averages times its size, differenced,
give the newcomers' sum; new dots are the newcomers' dots. Both must say nothing about one person.
Then the same on the real store (SQLite and PostgreSQL): a person who submits again counts once.
"""

from __future__ import annotations

from collections import Counter

import pytest

from assessment.room.summary import MIN_RESPONSES, RoomPoint, RoomSummary, summarise_room
from assessment.room.tally import MetricTotal, RoomTally, RoomVersion, refresh_tally, released_tally
from assessment.storage.results import Store, open_store
from assessment.tokens import hash_secret, new_token
from tests.storage_samples import DIMENSIONS, sample_new_result, sample_result

PROMPTS = {"wide_and_deep": "P-wd", "wide_shallow": "P-ws", "deep_narrow": "P-dn", "starting": "P-st"}
DIMS = ("reach", "trust")
MARGIN = 10  # points: an estimate further off than this tells the room nothing useful about a 0-100 score


def person(width: float, depth: float, reach: float, trust: float) -> tuple[RoomPoint, dict[str, float]]:
    return RoomPoint(width, depth, "starting"), {"dim:reach": reach, "dim:trust": trust}


# twelve ordinary people around the middle, then the target: far from them on every score
CROWD = [person(40 + n, 35 + (n * 3) % 10, 45 + n, 50 - n) for n in range(12)]
TARGET = person(93.0, 96.0, 97.0, 4.0)


def tally_of(people) -> RoomTally:
    totals: dict[str, MetricTotal] = {}
    for _, metrics in people:
        for name, value in metrics.items():
            totals[name] = totals.get(name, MetricTotal(0.0, 0)) + MetricTotal(value, 1)
    return RoomTally(RoomVersion(len(people), len(people)), tuple(p for p, _ in people), totals)


def shown(state: RoomTally, minimum: int = MIN_RESPONSES) -> RoomSummary:
    return summarise_room(state.points, state.metric_summaries(), profile_prompts=PROMPTS,
                          dimension_ids=DIMS, segment_ids=(), min_responses=minimum)


def projector_states(arrivals, minimum: int = MIN_RESPONSES) -> list[RoomSummary]:
    """What the projector shows after each arrival (one refresh per new person)."""
    released, states = None, []
    for n in range(len(arrivals) + 1):
        released = released_tally(released, tally_of(arrivals[:n]), minimum)
        states.append(shown(released, minimum))
    return states


def attack(before: RoomSummary, after: RoomSummary) -> dict[str, float] | None:
    """The differencing attack: the newcomers' mean score per dimension (None: nothing to learn)."""
    if after.dimensions is None or after.responses == before.responses:
        return None
    old = {d.id: (d.mean or 0.0) * before.responses for d in before.dimensions or ()}
    joined = after.responses - before.responses
    return {d.id: (d.mean * after.responses - old.get(d.id, 0.0)) / joined for d in after.dimensions}


def test_attack__without_the_rules__recovers_the_newcomer_exactly():
    # The attack works on raw figures (the old room): 12 people, then the target; minimum 3,
    # every state released, unrounded means. This is what the rules below must defeat.
    before, after = tally_of(CROWD), tally_of(CROWD + [TARGET])
    raw = {name: s.mean for name, s in after.metric_summaries().items()}
    old = {name: s.mean for name, s in before.metric_summaries().items()}
    recovered = {name: raw[name] * 13 - old[name] * 12 for name in raw}
    assert recovered == pytest.approx(TARGET[1])


@pytest.mark.parametrize("arrives_after", range(0, 13))
def test_projector_states__one_person_arrives__averages_differenced_miss_them_by_more_than_the_margin(arrives_after):
    arrivals = CROWD[:arrives_after] + [TARGET] + CROWD[arrives_after:]
    states = projector_states(arrivals)
    for before, after in zip(states, states[1:]):
        recovered = attack(before, after)
        if recovered is None:
            continue  # unchanged or still suppressed: nothing learnt
        assert after.responses - before.responses >= MIN_RESPONSES  # only whole batches move
        for dim, value in recovered.items():
            assert abs(value - TARGET[1][f"dim:{dim}"]) > MARGIN, (arrives_after, dim, value)


@pytest.mark.parametrize("arrives_after", range(0, 13))
def test_projector_states__one_person_arrives__new_dots_are_a_batch_or_none(arrives_after):
    arrivals = CROWD[:arrives_after] + [TARGET] + CROWD[arrives_after:]
    states = projector_states(arrivals)
    for before, after in zip(states, states[1:]):
        new = Counter(after.points) - Counter(before.points)
        assert sum(new.values()) == 0 or sum(new.values()) >= MIN_RESPONSES  # none, or a whole batch
        assert all(p.width % 10 == 5 and p.depth % 10 == 5 for p in after.points)  # never the exact score


def test_released_tally__batch_five__holds_until_five_more_then_moves():
    # 5 released; 6..9 -> still the 5; 10 -> the 10; a removal of 1 -> still the 10.
    five, nine, ten = tally_of(CROWD[:5]), tally_of(CROWD[:9]), tally_of(CROWD[:10])
    assert released_tally(None, five, 5) is five
    assert released_tally(five, nine, 5) is five
    assert released_tally(five, ten, 5) is ten
    assert released_tally(ten, nine, 5) is ten


def test_projector_states__minimum_raised_to_eight__nothing_before_eight_then_batches_of_eight():
    states = projector_states(CROWD, minimum=8)
    assert [s.responses for s in states] == [0] * 8 + [8] * 5  # 12 people: the next batch would be 16
    assert all(s.suppressed for s in states[:8]) and not states[8].suppressed


# -- the real store: one person counts once ----------------------------------------------------


@pytest.fixture
def store(database_url):
    with open_store(database_url) as opened:
        yield opened


def submit(store: Store, workshop_id: int, seed: float, participant_key: str | None = None):
    return store.save_result(sample_new_result(result=sample_result(60, 40, "wide_shallow", seed=seed),
                                               workshop_id=workshop_id, participant_key=participant_key))


def test_resubmission__room_tally__counts_the_person_once_with_their_latest_scores(store: Store):
    workshop = store.create_workshop("K7RWX3", "Lab", "", hash_secret(new_token()))
    for seed in (0, 1, 2):
        submit(store, workshop.id, seed, participant_key=new_token())
    me = new_token()
    first = submit(store, workshop.id, 10, participant_key=me)
    tally = refresh_tally(store, workshop.id, None, {})
    assert tally.version.responses == 4
    submit(store, workshop.id, 20, participant_key=me)
    submit(store, workshop.id, 30, participant_key=me)  # pressed "See my results" again, twice
    tally = refresh_tally(store, workshop.id, tally, {})
    # 4 people, not 6; reach = mean of 50+0, 50+1, 50+2 and the latest 50+30 = 58.25
    assert tally.version.responses == 4 and len(tally.points) == 4
    assert tally.metric_summaries()["dim:reach"].mean == pytest.approx(58.25)
    assert store.workshop_response_count(workshop.id) == 4
    assert store.workshop_metric_summary(workshop.id)["dim:reach"].count == 4
    assert len(store.workshop_export_rows(workshop.id)) == 4
    kept = store.find_result(first.share_token)  # the earlier result stays the person's own, out of the room
    assert kept.status == "found" and kept.result.workshop_id is None


def test_same_key_in_another_room__counted_there_too(store: Store):
    one = store.create_workshop("K7RWX3", "Lab", "", hash_secret(new_token()))
    two = store.create_workshop("K7RWX4", "Lab 2", "", hash_secret(new_token()))
    me = new_token()
    submit(store, one.id, 0, participant_key=me)
    submit(store, two.id, 0, participant_key=me)
    assert (store.workshop_response_count(one.id), store.workshop_response_count(two.id)) == (1, 1)


def test_remove_latest_workshop_results__twenty_from_one_person__those_twenty_gone(store: Store):
    workshop = store.create_workshop("K7RWX3", "Lab", "", hash_secret(new_token()))
    for seed in range(5):
        submit(store, workshop.id, seed)
    for _ in range(20):
        submit(store, workshop.id, 40)
    assert store.remove_latest_workshop_results(workshop.id, 20) == 20
    tally = refresh_tally(store, workshop.id, None, {})
    # the five people before the flood stay: reach = 50 + mean(0..4) = 52
    assert tally.version.responses == 5
    assert tally.metric_summaries()["dim:reach"].mean == pytest.approx(52.0)
    assert store.remove_latest_workshop_results(workshop.id, 0) == 0


def test_set_workshop_min_responses__raised_and_never_below_three(store: Store):
    workshop = store.create_workshop("K7RWX3", "Lab", "", hash_secret(new_token()))
    assert store.find_workshop(workshop.id).min_responses == MIN_RESPONSES
    assert store.set_workshop_min_responses(workshop.id, 8) == 8
    assert store.find_workshop(workshop.id).min_responses == 8
    assert store.set_workshop_min_responses(workshop.id, 1) == 3
    assert store.find_workshop(workshop.id).min_responses == 3
    assert store.set_workshop_min_responses(workshop.id + 99, 8) is None


assert len(DIMENSIONS) == 8  # sample_result scores: dimension i is 50 + seed + i (reach is i = 0)
