"""The projector's screens and the sentence the room earns (assessment/room/screens.py)."""

from __future__ import annotations

import pytest

from assessment.room.screens import (
    SCREENS, RoomPicture, describe_room, extremes, reach_parts, screen_at, speaks_for_room, step_screen,
)

A, B, C, D = "wide_and_deep", "wide_shallow", "deep_narrow", "starting"  # content order


def test_screens__one_idea_each__map_first_prompt_last():
    assert SCREENS == ("map", "dimensions", "segments", "reach", "prompt")


@pytest.mark.parametrize(("stored", "shown"), [(None, 0), (-3, 0), (0, 0), (4, 4), (99, 4), (True, 0), ("2", 0)])
def test_screen_at__stored_value__clamped_into_the_sequence(stored, shown):
    assert screen_at(stored) == shown


@pytest.mark.parametrize(("index", "step", "after"), [(0, -1, 0), (0, 1, 1), (2, 1, 3), (4, 1, 4), (3, -1, 2),
                                                      (1, 7, 2), (1, -7, 0), (None, 1, 1), (2, 0, 2)])
def test_step_screen__next_or_back__one_screen_and_stops_at_the_ends(index, step, after):
    assert step_screen(index, step) == after


def test_describe_room__nobody__waiting():
    assert describe_room([(A, 0), (B, 0), (C, 0), (D, 0)]) == RoomPicture("waiting", (), 0, 0)
    assert describe_room([]) == RoomPicture("waiting", (), 0, 0)


def test_describe_room__one_person__all_one_and_their_prompt():
    picture = describe_room([(A, 0), (B, 1), (C, 0), (D, 0)])
    assert picture == RoomPicture("all_one", (B,), 1, 1)
    assert speaks_for_room(picture) == B


def test_describe_room__everyone_one_profile__all_one():
    assert describe_room([(A, 7), (B, 0), (C, 0), (D, 0)]) == RoomPicture("all_one", (A,), 7, 7)


def test_describe_room__one_one_one__split_evenly_and_no_profile_prompt():
    # The room of the issue: 1/1/1 said "This room is wide and deep" (the first profile's prompt).
    picture = describe_room([(A, 1), (B, 1), (C, 1), (D, 0)])
    assert picture == RoomPicture("even", (A, B, C), 1, 3)
    assert speaks_for_room(picture) is None


def test_describe_room__two_two__even_between_the_two():
    assert describe_room([(A, 0), (B, 2), (C, 0), (D, 2)]) == RoomPicture("even", (B, D), 2, 4)


def test_describe_room__two_two_one__tie_at_the_top():
    picture = describe_room([(A, 2), (B, 2), (C, 1), (D, 0)])
    assert picture == RoomPicture("tie", (A, B), 2, 5)
    assert speaks_for_room(picture) is None


def test_describe_room__three_of_five__majority_and_its_prompt():
    picture = describe_room([(A, 1), (B, 0), (C, 3), (D, 1)])  # 3 > 5 / 2
    assert picture == RoomPicture("majority", (C,), 3, 5)
    assert speaks_for_room(picture) == C


def test_describe_room__two_of_four__half_is_no_majority_so_plurality():
    picture = describe_room([(A, 2), (B, 1), (C, 1), (D, 0)])  # 2 is half of 4, not more
    assert picture == RoomPicture("plurality", (A,), 2, 4)
    assert speaks_for_room(picture) is None


def test_extremes__values_with_gaps_and_ties__highest_and_lowest_first_listed_wins():
    assert extremes([("a", 40.0), ("b", None), ("c", 70.0), ("d", 40.0), ("e", 70.0)]) == (("c", 70.0), ("a", 40.0))


def test_extremes__nothing_shown__none():
    assert extremes([("a", None)]) is None and extremes([]) is None


def test_reach_parts__covered_and_nobody__split_in_order():
    pairs = [("peers", "covered_deeply"), ("senior", "nobody"), ("junior", "covered_deeply"), ("other", "nobody")]
    assert reach_parts(pairs) == (("peers", "junior"), ("senior", "other"))
