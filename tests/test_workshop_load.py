"""bench/workshop_load.py and bench/cpu_usage.py: the pure parts (answers, percentiles, CPU
windows). The whole run is the benchmark itself: `python bench/workshop_load.py --participants 20`."""

from __future__ import annotations

import random

import pytest

from assessment import load_questionnaire
from bench.cpu_usage import Sample, Window, window_between
from bench.workshop_load import (
    Capacity, Interaction, Outcome, in_room, option_ids, percentile, random_answers, seconds, step_answer_keys,
)


@pytest.fixture(scope="module")
def q():
    return load_questionnaire("en")


def test_step_answer_keys__over_all_steps__are_every_answer_key_once(q):
    keys = [k for n in range(len(q.steps)) for k in step_answer_keys(q, n)]
    assert sorted(keys) == sorted(q.answer_keys())
    assert len(keys) == len(set(keys))


def test_option_ids__grid_cell__are_its_column_bands(q):
    grid = next(i for i in (q.item(i) for s in q.steps for i in s.items) if i.kind == "segment_grid")
    column = grid.columns[0]
    key = f"{grid.id}.{q.segments[0].id}.{column.id}"
    assert option_ids(q, key) == tuple(b.id for b in column.bands)


def test_option_ids__scale_item__are_its_options(q):
    item = q.item(q.steps[0].items[0])
    assert option_ids(q, item.id) == tuple(o.id for o in item.options)


def test_random_answers__same_seed__same_answers_for_every_key(q):
    first, again = random_answers(q, random.Random(3)), random_answers(q, random.Random(3))
    assert first == again and set(first) == set(q.answer_keys())


@pytest.mark.parametrize(("fraction", "expected"), [(0.5, 5), (0.95, 10), (0.1, 1), (1.0, 10)])
def test_percentile__one_to_ten__nearest_rank(fraction, expected):
    # nearest rank: the value at position ceil(fraction * 10) of 1..10
    assert percentile(range(10, 0, -1), fraction) == expected


def test_seconds__below_and_above_one_second__ms_then_s():
    assert (seconds(0.0424), seconds(2.345)) == ("42 ms", "2.35 s")


def test_window_between__two_samples__cpu_in_cores_and_others_the_rest():
    # 10 s apart: server used 5 s (0.5 core), bench 1 s (0.1), machine 16 s (1.6) -> others 1.0
    window = window_between(Sample(100.0, 20.0, 3.0, 500.0), Sample(110.0, 25.0, 4.0, 516.0))
    assert (window.server, window.bench, round(window.others, 6)) == (0.5, 0.1, 1.0)


def test_window_between__server_unknown__others_unknown():
    window = window_between(Sample(0.0, None, 0.0, 1.0), Sample(1.0, None, 0.5, 2.0))
    assert (window.server, window.others) == (None, None)


def test_window_between__database_measured__its_cores_apart_from_the_others():
    # 10 s: server 5 s (0.5), bench 1 s (0.1), database 2 s (0.2), machine 16 s (1.6) -> others 0.8
    window = window_between(Sample(100.0, 20.0, 3.0, 500.0, 40.0), Sample(110.0, 25.0, 4.0, 516.0, 42.0))
    assert (window.database, round(window.others, 6)) == (0.2, 0.8)


def test_capacity__12_ms_per_interaction__people_and_presses_one_core_holds_at_70_percent():
    capacity = Capacity(server_ms=12.0, database_ms=1.5, interactions_per_person=8.0, bench_press_every=5.0)
    # presses a second: 0.7 / 0.012 = 58.3; people pressing every 30 s: 0.7 * 30 / 0.012 = 1750;
    # every 5 s: 0.7 * 5 / 0.012 = 291.7 -> 291; servers per PostgreSQL core: 12 / 1.5 = 8
    assert round(capacity.presses_per_second, 1) == 58.3
    assert (capacity.people_per_core(30.0), capacity.people_per_core(5.0)) == (1750, 291)
    assert capacity.servers_per_database_core == 8.0


def test_capacity__database_not_measured__no_servers_per_database():
    assert Capacity(12.0, None, 8.0, 5.0).servers_per_database_core is None


def test_in_room__sessions_before_during_and_after__only_those_overlapping_the_window():
    # window 10-20 s: one left at 9 s, one ran 5-15 s, one came at 19 s, one came at 25 s
    def person(number: int, start: float, end: float) -> Outcome:
        return Outcome(number, interactions=[Interaction("connect", 1.0, 0.1, start),
                                             Interaction("next", 1.0, 0.1, end - 1.0)])
    outcomes = (person(0, 1.0, 9.0), person(1, 5.0, 15.0), person(2, 19.0, 40.0), person(3, 25.0, 40.0),
                Outcome(4))
    assert in_room(outcomes, Window(10.0, 20.0, None, 0.0, None)) == 2


def test_participant_answers__many_seeds__every_key_answered_and_no_grid_row_the_step_refuses(q):
    # random grid answers are often impossible (1-5 known, 10 or more favour-ready): the grid step refuses
    # them and the participant would never get past it; participant_answers draws such a favour answer again
    from assessment.scoring import impossible_segments
    from bench.workshop_load import participant_answers

    drawn = [participant_answers(q, random.Random(seed)) for seed in range(200)]
    assert any(impossible_segments(q, random_answers(q, random.Random(seed))) for seed in range(200))
    assert all(set(a) == set(q.answer_keys()) and impossible_segments(q, a) == () for a in drawn)
    assert all(a[k] in option_ids(q, k) for a in drawn for k in a)
