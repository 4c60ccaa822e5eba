"""Two results compared: each score's change, segments that changed, the advice then and now, the map's arrow."""

from dataclasses import replace

import plotly.graph_objects as go
import pytest

from assessment.compare import Change, ComparisonRefused, compare_results, comparison_map
from assessment.scoring import DimensionScore, ProfileRef, Result, SegmentScore, Thresholds
from tests.test_charts import QUADRANTS, TEXTS


def segment(id_: str, wide: bool, deep: bool) -> SegmentScore:
    return SegmentScore(id_, "6-20", "2-3", 12.0, 2.5, 65.0, 60.0, wide, deep)


BEFORE = Result(
    questionnaire_id="wide-and-deep", version="1.0", language="en", width=48.0, depth=40.0,
    profile=ProfileRef("narrow_shallow", False, False),
    dimensions=(DimensionScore("reach", "width", 50.0), DimensionScore("trust", "depth", 41.26)),
    segments=(segment("peers", True, False), segment("senior", False, True), segment("junior", True, True)),
    advice=("a_reach", "a_trust"), caution=False, thresholds=Thresholds(55, 55, 65, 60),
)
AFTER = replace(
    BEFORE, width=61.04, depth=40.02, profile=ProfileRef("wide_shallow", True, False),
    dimensions=(DimensionScore("reach", "width", 75.0), DimensionScore("trust", "depth", 41.3),
                DimensionScore("giving", "depth", 30.0)),
    segments=(segment("peers", True, True), segment("senior", False, False), segment("junior", False, True)),
    advice=("a_giving",),
)


def test_compare_results__scores_then_and_now__change_is_after_minus_before_to_one_decimal():
    # Width 61.04 - 48.0 = 13.04 -> 13.0; Depth 40.02 - 40.0 = 0.02 -> 0.0 (reads as no change)
    comparison = compare_results(BEFORE, AFTER)
    assert (comparison.width.change, comparison.depth.change) == (13.0, 0.0)
    assert (comparison.profile_before, comparison.profile_after, comparison.profile_changed) == (
        "narrow_shallow", "wide_shallow", True)


def test_compare_results__dimension_new_in_the_later_result__has_no_change():
    # reach 75 - 50 = 25.0; trust 41.3 - 41.26 = 0.04 -> 0.0; giving only now -> None
    dims = compare_results(BEFORE, AFTER).dimensions
    assert dims == (Change("reach", 50.0, 75.0), Change("trust", 41.26, 41.3), Change("giving", None, 30.0))
    assert [d.change for d in dims] == [25.0, 0.0, None]


def test_compare_results__dimension_gone_in_the_later_result__is_listed_last_with_no_after():
    dims = compare_results(AFTER, BEFORE).dimensions
    assert dims[-1] == Change("giving", 30.0, None)


def test_compare_results__segments__became_deep_went_shallow_and_went_narrow_are_named():
    # peers: deep no -> yes; senior: deep yes -> no; junior: wide yes -> no, deep stays
    comparison = compare_results(BEFORE, AFTER)
    assert comparison.became_deep == ("peers",)
    assert comparison.went_shallow == ("senior",)
    assert comparison.became_wide == ()
    assert comparison.went_narrow == ("junior",)


def test_compare_results__advice__is_kept_as_it_was_then_and_as_it_is_now():
    comparison = compare_results(BEFORE, AFTER)
    assert (comparison.advice_before, comparison.advice_after) == (("a_reach", "a_trust"), ("a_giving",))


def test_compare_results__same_result_twice__nothing_changed():
    comparison = compare_results(BEFORE, BEFORE)
    assert {d.change for d in comparison.dimensions} == {0.0}
    assert (comparison.became_deep, comparison.went_shallow, comparison.profile_changed) == ((), (), False)


def test_compare_results__two_questionnaires__are_refused():
    with pytest.raises(ComparisonRefused) as refused:
        compare_results(BEFORE, replace(AFTER, questionnaire_id="other"))
    assert refused.value.code == "other_questionnaire"


def test_comparison_map__then_and_now__two_points_and_an_arrow_from_then_to_now():
    figure = comparison_map(BEFORE, AFTER, QUADRANTS, TEXTS, "then")
    go.Figure(figure.to_dict())  # every property valid
    now, then = figure.data
    assert (list(now.x), list(now.y), list(then.x), list(then.y)) == ([61.04], [40.02], [48.0], [40.0])
    assert list(then.text) == ["then"]
    (arrow,) = [a for a in figure.layout.annotations if a.showarrow]
    assert (arrow.ax, arrow.ay, arrow.x, arrow.y) == (48.0, 40.0, 61.04, 40.02)


def test_comparison_map__no_move__no_arrow():
    figure = comparison_map(BEFORE, BEFORE, QUADRANTS, TEXTS, "then")
    assert not [a for a in figure.layout.annotations if a.showarrow]
