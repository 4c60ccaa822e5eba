"""The network map feeding Width and Depth; expected values are worked out beside each test.

Formula (assessment/network/blend.py): w = 0.5 * min(n, 15) / 15 for n >= 5 people, else 0;
score = round((1 - w) * questionnaire + w * map, 1). Thresholds of the real content: wide 55, deep 55.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from assessment import load_questionnaire
from assessment.network.measures import RosterAxes, measure_network
from assessment.network.blend import (
    blend_roster, blend_status, network_extras, questionnaire_only, roster_weight,
)
from assessment.questionnaire import Thresholds
from assessment.scoring import Blend, ProfileRef, Result
from tests.network_samples import CONTENT, DEEP, make_roster, row

Q = load_questionnaire("en")
HOSTILE = "<svg onload=alert(1)>"


def questionnaire_result(width: float = 60.0, depth: float = 40.0) -> Result:
    """A result as scoring makes it: 60 / 40 is wide (>= 55) and not deep (< 55): wide_shallow."""
    p = Q.profile(wide=width >= 55, deep=depth >= 55)
    return Result(
        questionnaire_id=Q.id, version=Q.version, language=Q.language, width=width, depth=depth,
        profile=ProfileRef(p.id, p.wide, p.deep), dimensions=(), segments=(), advice=(), caution=False,
        thresholds=Thresholds(wide=55, deep=55, segment_wide=65, segment_deep=60),
    )


def axes(width: float, depth: float, people: int) -> RosterAxes:
    return RosterAxes(width, depth, (), (), people=people)


@pytest.mark.parametrize(("people", "expected"), [
    (0, 0.0), (4, 0.0),   # fewer than 5: the map does not count
    (5, 0.1667),          # .5 * 5 / 15
    (10, 0.3333),         # .5 * 10 / 15
    (15, 0.5), (25, 0.5),  # capped at one half from 15 people
])
def test_roster_weight__people_on_the_map__grows_then_caps_at_half(people, expected):
    assert roster_weight(people) == expected


def test_blend_roster__full_map__half_and_half_and_profile_rederived():
    # w = .5; Width .5 * 60 + .5 * 30.4 = 45.2 (< 55: not wide); Depth .5 * 40 + .5 * 90 = 65.0 (deep)
    # wide_shallow becomes deep_narrow
    blended = blend_roster(questionnaire_result(), axes(30.4, 90.0, 15), Q)
    assert (blended.width, blended.depth, blended.profile_id) == (45.2, 65.0, "deep_narrow")
    assert (blended.profile.wide, blended.profile.deep) == (False, True)
    assert blended.blend == Blend(60.0, 40.0, "wide_shallow", 30.4, 90.0, 15, 0.5)
    assert blended.to_dict()["roster"] == {
        "questionnaire": {"width": 60.0, "depth": 40.0, "profile": "wide_shallow"},
        "map": {"width": 30.4, "depth": 90.0, "people": 15},
        "weight": 0.5,
    }


def test_blend_roster__five_people__map_counts_a_sixth():
    # w = .1667; Width .8333 * 60 + .1667 * 30.4 = 49.998 + 5.0677 = 55.066 -> 55.1 (still wide)
    # Depth .8333 * 40 + .1667 * 90 = 33.332 + 15.003 = 48.335 -> 48.3 (still not deep)
    blended = blend_roster(questionnaire_result(), axes(30.4, 90.0, 5), Q)
    assert (blended.width, blended.depth, blended.profile_id) == (55.1, 48.3, "wide_shallow")
    assert blended.blend.weight == 0.1667


def test_blend_roster__already_blended__starts_again_from_the_questionnaire():
    # second map, 10 people: w = .3333; Width .6667 * 60 + .3333 * 80 = 40.002 + 26.664 = 66.666 -> 66.7
    # Depth .6667 * 40 + .3333 * 20 = 26.668 + 6.666 = 33.334 -> 33.3; not 45.2/65.0 blended again
    once = blend_roster(questionnaire_result(), axes(30.4, 90.0, 15), Q)
    again = blend_roster(once, axes(80.0, 20.0, 10), Q)
    assert (again.width, again.depth, again.profile_id) == (66.7, 33.3, "wide_shallow")
    assert (again.blend.answers_width, again.blend.answers_depth, again.blend.answers_profile) == (
        60.0, 40.0, "wide_shallow")


def test_blend_roster__same_map_twice__same_result():
    once = blend_roster(questionnaire_result(), axes(30.4, 90.0, 15), Q)
    assert blend_roster(once, axes(30.4, 90.0, 15), Q) == once


def test_blend_roster__too_few_people__questionnaire_only():
    blended = blend_roster(questionnaire_result(), axes(0.0, 0.0, 4), Q)
    assert blended == questionnaire_result()
    assert blended.blend is None


def test_blend_roster__explicit_weight__overrides_the_size_rule():
    # w = .25 with 3 people: Width .75 * 60 + .25 * 100 = 70.0; Depth .75 * 40 + .25 * 100 = 55.0 -> deep too
    blended = blend_roster(questionnaire_result(), axes(100.0, 100.0, 3), Q, weight=0.25)
    assert (blended.width, blended.depth, blended.profile_id) == (70.0, 55.0, "wide_and_deep")


@pytest.mark.parametrize("weight", [-0.1, 1.5, float("nan")])
def test_blend_roster__weight_out_of_range__refused_with_message(weight):
    with pytest.raises(ValueError) as error:
        blend_roster(questionnaire_result(), axes(50.0, 50.0, 10), Q, weight=weight)
    assert str(error.value) == (f"blend_roster: weight {weight!r} is not between 0 and 1. "
                                "Pass a share such as 0.25, or None.")


def test_blend_roster__dimensions_segments_advice__unchanged():
    base = replace(questionnaire_result(), advice=("a1",), caution=True)
    blended = blend_roster(base, axes(30.4, 90.0, 15), Q)
    assert (blended.dimensions, blended.segments, blended.advice, blended.caution) == (
        base.dimensions, base.segments, base.advice, base.caution)


def test_questionnaire_only__blended_result__restores_scores_and_profile():
    blended = blend_roster(questionnaire_result(), axes(30.4, 90.0, 15), Q)
    assert questionnaire_only(blended, Q) == questionnaire_result()


def test_blend_status__none_current_outdated():
    blended = blend_roster(questionnaire_result(), axes(30.4, 90.0, 15), Q)
    assert blend_status(questionnaire_result(), axes(30.4, 90.0, 15)) == "none"
    assert blend_status(blended, axes(30.4, 90.0, 15)) == "current"
    assert blend_status(blended, axes(30.4, 90.0, 16)) == "outdated"  # one more person
    assert blend_status(blended, axes(31.0, 90.0, 15)) == "outdated"


def test_result_dict__blended__round_trips_with_roster_key():
    blended = blend_roster(questionnaire_result(), axes(30.4, 90.0, 15), Q)
    data = blended.to_dict()
    assert data["roster"]["map"] == {"width": 30.4, "depth": 90.0, "people": 15}
    assert Result.from_dict(json.loads(json.dumps(data))).to_dict() == data


def test_result_dict__no_map__has_no_roster_key():
    data = questionnaire_result().to_dict()
    assert "roster" not in data
    assert Result.from_dict(data).blend is None


def test_blend_roster__real_roster__uses_its_axes_and_size():
    # five DEEP people: Depth from the map 100 (test_network), w = .1667;
    # Depth .8333 * 40 + .1667 * 100 = 33.332 + 16.67 = 50.002 -> 50.0
    report = measure_network(make_roster(*(row(f"D{i}", **DEEP) for i in range(5))), CONTENT)
    assert report.axes.people == 5
    blended = blend_roster(questionnaire_result(), report.axes, Q)
    assert blended.depth == 50.0


def test_network_extras__hostile_names__appear_nowhere_only_numbers_and_option_ids():
    roster = make_roster(row(HOSTILE, **DEEP), row("Ana", segment="senior"), row("Bo Zed", organisation="other_org"),
                         row("Cy"), row("Dee"), ties=[(HOSTILE, "Ana"), ("Bo Zed", "Cy")])
    extras = network_extras(roster, measure_network(roster, CONTENT))
    text = json.dumps(extras)
    for name in (HOSTILE, "Ana", "Bo Zed", "Cy", "Dee", "svg"):
        assert name not in text
    assert set(extras) == {"kind", "version", "people", "ties", "axes", "measures", "counts"}
    assert (extras["kind"], extras["people"], extras["ties"]) == ("network_map", 5, 2)
    assert extras["counts"]["segment"] == {"own_field": 0, "other_fields": 0, "senior": 1, "peers": 3,
                                           "junior": 0, "outside_org": 1}  # Bo Zed: another organisation
    assert extras["axes"]["weight"] == 0.1667
    assert extras["measures"]["deep_ties"] == 1.0
