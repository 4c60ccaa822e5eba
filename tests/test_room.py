"""Room aggregation for workshop mode (assessment/room/summary.py), on hand-made storage rows."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import create_engine, text

from assessment.room.summary import (
    DOT_GRID,
    FLOOR_RESPONSES,
    MIN_RESPONSES,
    DimensionMean,
    MetricSummary,
    ProfileCount,
    RoomPoint,
    SegmentRoom,
    coarse_point,
    summarise_room,
)

PROMPTS = {  # content order: wide_and_deep, wide_shallow, deep_narrow, starting
    "wide_and_deep": "P-wd",
    "wide_shallow": "P-ws",
    "deep_narrow": "P-dn",
    "starting": "P-st",
}
POINTS = [
    {"width": 70, "depth": 60, "profile_id": "wide_and_deep"},
    {"width": 80, "depth": 40, "profile_id": "wide_shallow"},
    {"width": 60, "depth": 30, "profile_id": "wide_shallow"},
    {"width": 20, "depth": 70, "profile_id": "deep_narrow"},
]
METRICS = {
    "dim:reach": {"mean": 62.46, "count": 4, "count_at_or_above_threshold": 0},
    "dim:trust": {"mean": 40.0, "count": 4, "count_at_or_above_threshold": 0},
    "dim:giving": {"mean": 50.0, "count": 2, "count_at_or_above_threshold": 0},
    "seg:peers:breadth": {"mean": 65.0, "count": 4, "count_at_or_above_threshold": 2},
    "seg:peers:depth": {"mean": 47.5, "count": 4, "count_at_or_above_threshold": 2},
    "seg:senior:breadth": {"mean": 30.0, "count": 4, "count_at_or_above_threshold": 0},
    "seg:senior:depth": {"mean": 12.5, "count": 4, "count_at_or_above_threshold": 0},
}


def test_min_responses__default_five_floor_three_grid_ten():
    assert (MIN_RESPONSES, FLOOR_RESPONSES, DOT_GRID) == (5, 3, 10)


def test_summarise_room__default_minimum__four_responses_suppressed():
    room = summarise_room(POINTS, METRICS, profile_prompts=PROMPTS)
    assert (room.suppressed, room.responses, room.min_responses, room.points) == (True, 4, 5, ())


def test_summarise_room__minimum_asked_below_three__three_in_force():
    room = summarise_room(POINTS[:2], METRICS, profile_prompts=PROMPTS, min_responses=1)
    assert (room.suppressed, room.min_responses) == (True, 3)


def test_summarise_room__dots__snapped_to_their_square_centre_and_sorted_by_score():
    # (70, 60) -> (75, 65); (80, 40) -> (85, 45); (60, 30) -> (65, 35); (20, 70) -> (25, 75);
    # listed by width, then depth: arrival order says nothing.
    room = summarise_room(POINTS, METRICS, profile_prompts=PROMPTS, min_responses=3)
    assert room.points == (
        RoomPoint(25.0, 75.0, "deep_narrow"), RoomPoint(65.0, 35.0, "wide_shallow"),
        RoomPoint(75.0, 65.0, "wide_and_deep"), RoomPoint(85.0, 45.0, "wide_shallow"),
    )


@pytest.mark.parametrize(("score", "shown"), [(0, 5.0), (9.99, 5.0), (10, 15.0), (73.4, 75.0), (100, 95.0)])
def test_coarse_point__score__centre_of_its_ten_point_square(score, shown):
    assert coarse_point(RoomPoint(score, score, "starting")) == RoomPoint(shown, shown, "starting")


def test_summarise_room__four_responses__counts_profiles_in_content_order():
    room = summarise_room(POINTS, METRICS, profile_prompts=PROMPTS, min_responses=3)
    assert room.responses == 4
    assert room.profile_counts == (
        ProfileCount("wide_and_deep", 1), ProfileCount("wide_shallow", 2),
        ProfileCount("deep_narrow", 1), ProfileCount("starting", 0),
    )
    assert room.profile_count("starting") == 0 and room.profile_count("unknown") == 0


def test_summarise_room__four_responses__most_common_profile_and_its_prompt():
    room = summarise_room(POINTS, METRICS, profile_prompts=PROMPTS, min_responses=3)
    assert (room.top_profile, room.top_prompt) == ("wide_shallow", "P-ws")  # 2 of 4


def test_summarise_room__tie__first_profile_in_content_order_wins():
    # deep_narrow 2, wide_shallow 2: wide_shallow comes first in the content, whatever the row order.
    points = [("20", 70, "deep_narrow"), (21, 71, "deep_narrow"), (80, 40, "wide_shallow"), (60, 30, "wide_shallow")]
    assert summarise_room(points, {}, profile_prompts=PROMPTS, min_responses=3).top_profile == "wide_shallow"
    assert summarise_room(points[::-1], {}, profile_prompts=PROMPTS, min_responses=3).top_profile == "wide_shallow"


def test_summarise_room__dimension_means__rounded_and_thin_ones_withheld():
    room = summarise_room(POINTS, METRICS, profile_prompts=PROMPTS, min_responses=3)
    # reach 62.46 -> 62 (whole numbers); trust 40; giving rests on 2 values (< 3) -> None.
    assert room.dimensions == (
        DimensionMean("reach", 62.0, 4), DimensionMean("trust", 40.0, 4), DimensionMean("giving", None, 2),
    )


def test_summarise_room__ids_given__that_order_and_missing_metric_is_none():
    room = summarise_room(POINTS, METRICS, profile_prompts=PROMPTS,
                          dimension_ids=("trust", "span"), segment_ids=("senior",), min_responses=3)
    assert room.dimensions == (DimensionMean("trust", 40.0, 4), DimensionMean("span", None, 0))
    assert [s.id for s in room.segments] == ["senior"]


def test_summarise_room__segments__mean_breadth_depth_and_room_reach():
    room = summarise_room(POINTS, METRICS, profile_prompts=PROMPTS, min_responses=3)
    assert room.segments == (
        # 2 of 4 people deep among peers -> share 0.5, covered deeply; 47.5 -> 48 (half to even).
        SegmentRoom("peers", breadth=65.0, depth=48.0, count=4, deep_count=2, deep_share=0.5, reach="covered_deeply"),
        # nobody deep among seniors; 12.5 -> 12 (half to even).
        SegmentRoom("senior", breadth=30.0, depth=12.0, count=4, deep_count=0, deep_share=0.0, reach="nobody"),
    )


def test_summarise_room__one_deep_person__covers_the_segment():
    metrics = {"seg:junior:depth": {"mean": 20.0, "count": 5, "count_at_or_above_threshold": 1}}
    room = summarise_room(POINTS + [POINTS[0]], metrics, profile_prompts=PROMPTS, min_responses=3)
    (junior,) = room.segments
    assert (junior.deep_count, junior.deep_share, junior.reach) == (1, 0.2, "covered_deeply")  # 1 of 5


def test_summarise_room__two_responses__figures_suppressed_with_the_numbers_that_say_why():
    room = summarise_room(POINTS[:2], METRICS, profile_prompts=PROMPTS, min_responses=3)
    assert room.dimensions is None and room.segments is None
    assert (room.suppressed, room.responses, room.min_responses) == (True, 2, 3)
    # With one or two answers a dot or a count would point at a person: none of them either.
    assert room.responses == 2 and room.points == ()
    assert all(p.count == 0 for p in room.profile_counts) and room.top_profile is None


def test_summarise_room__three_responses__figures_shown():
    room = summarise_room(POINTS[:3], METRICS, profile_prompts=PROMPTS, min_responses=3)
    assert room.suppressed is False and room.dimensions is not None and room.segments is not None


def test_summarise_room__empty_room__no_top_profile():
    room = summarise_room([], {}, profile_prompts=PROMPTS, min_responses=3)
    assert (room.responses, room.top_profile, room.top_prompt) == (0, None, None)
    assert (room.suppressed, room.min_responses) == (True, 3)


def test_summarise_room__min_responses_given__suppressed_below_it_and_carried():
    room = summarise_room(POINTS[:3], METRICS, profile_prompts=PROMPTS, min_responses=4)
    assert (room.suppressed, room.responses, room.min_responses) == (True, 3, 4)


def test_summarise_room__unknown_profile_id__counted_after_the_known_ones():
    room = summarise_room(POINTS + [{"width": 1, "depth": 1, "profile_id": "retired"}], {}, profile_prompts=PROMPTS, min_responses=3)
    assert room.profile_counts[-1] == ProfileCount("retired", 1)


def test_summarise_room__result__is_frozen():
    room = summarise_room(POINTS, METRICS, profile_prompts=PROMPTS, min_responses=3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        room.responses = 5
    assert isinstance(room.points, tuple) and isinstance(room.profile_counts, tuple)


def test_room_point__from_sqlalchemy_row_mapping_and_tuple__same_point():
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        row = conn.execute(text("select 70.0 as width, 60 as depth, 'wide_and_deep' as profile_id")).first()
    expected = RoomPoint(70.0, 60.0, "wide_and_deep")
    assert RoomPoint.from_row(row) == expected
    assert RoomPoint.from_row(POINTS[0]) == expected
    assert RoomPoint.from_row((70, "60", "wide_and_deep")) == expected


def test_metric_summary__from_rows__mapping_keys_tuple_and_null_mean():
    row = {"mean": 50, "count": 3, "count_at_or_above_threshold": 1}
    assert MetricSummary.from_row(row) == MetricSummary(50.0, 3, 1)
    assert MetricSummary.from_row({"mean": 50, "count": 3, "at_or_above": 2}) == MetricSummary(50.0, 3, 2)
    assert MetricSummary.from_row((None, 0, None)) == MetricSummary(None, 0, 0)


def test_summarise_room__records_as_workshop_store_returns_them__same_summary():
    points = tuple(RoomPoint.from_row(p) for p in POINTS)
    metrics = {name: MetricSummary.from_row(row) for name, row in METRICS.items()}
    assert summarise_room(points, metrics, profile_prompts=PROMPTS, min_responses=3) == summarise_room(
        POINTS, METRICS, profile_prompts=PROMPTS, min_responses=3
    )
