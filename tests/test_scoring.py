"""Scoring rules, on a small hand-built questionnaire whose expected values are worked out beside each test."""

from dataclasses import replace
from types import MappingProxyType

import pytest

from assessment.answers import AnswerError, check_answers
from assessment.questionnaire import (
    Advice, Band, Caution, Dimension, GridColumn, Item, Option, Profile, Questionnaire, Segment, Step, Thresholds,
)
from assessment.scoring import (
    DimensionScore, NearestPlaces, Result, ResultShapeError, choose_advice, close_weakest, impossible_segments,
    nearest_places, profile_flags, score_answers,
)
from assessment.wording import AdviceWords, result_words

AGREE = tuple(Option(i, v, i) for i, v in (("no", 0.0), ("some", 0.5), ("yes", 1.0)))
KNOWN = tuple(Band(i, v, c, i) for i, v, c in (("none", 0.0, 0), ("few", 0.5, 3), ("many", 1.0, 30)))
FAVOUR = tuple(Band(i, v, c, i) for i, v, c in (("none", 0.0, 0), ("one", 0.6, 1), ("lots", 1.0, 10)))


def make_questionnaire(**overrides) -> Questionnaire:
    fields = dict(
        id="mini", version="1", language="en", title="Mini", intro="",
        segments=(Segment("a", "Part A", ""), Segment("b", "Part B", "")),
        dimensions=(
            Dimension("reach", "width", 1.0, "Reach", ""),
            Dimension("open", "width", 3.0, "Openness", ""),
            Dimension("trust", "depth", 1.0, "Trust", ""),
            Dimension("give", "depth", 1.0, "Giving", ""),
        ),
        items=(
            Item("r1", "scale", "reach", ("G04",), False, "r1", "", options=AGREE),
            Item("o1", "scale", "open", ("G09",), False, "o1", "", options=AGREE),
            Item("o2", "scale", "open", ("G10",), True, "o2", "", options=AGREE),
            Item("g1", "scale", "give", ("G15",), False, "g1", "", options=AGREE),
            Item("grid", "segment_grid", None, ("G06",), False, "grid", "", columns=(
                GridColumn("known", "reach", KNOWN, "Known", ""),
                GridColumn("favour", "trust", FAVOUR, "Favour", ""),
            )),
        ),
        steps=(Step("s1", "One", "", ("r1", "o1", "o2", "g1")), Step("s2", "Two", "", ("grid",))),
        profiles=(
            Profile("both", True, True, "Both", "", "", ""),
            Profile("wide", True, False, "Wide", "", "", ""),
            Profile("deep", False, True, "Deep", "", "", ""),
            Profile("none", False, False, "None", "", "", ""),
        ),
        thresholds=Thresholds(wide=50, deep=50, segment_wide=50, segment_deep=60),
        advice=(
            Advice("reach1", "reach", ("G04",), "R1", ""), Advice("reach2", "reach", ("G04",), "R2", ""),
            Advice("open1", "open", ("G09",), "O1", ""),
            Advice("trust1", "trust", ("G06",), "T1", ""),
            Advice("give1", "give", ("G15",), "G1", ""),
        ),
        caution=Caution(dimension="reach", min_score=70, guidance=("G07",), title="Shallow", text=""),
        guidance=(("G04", ""), ("G06", ""), ("G09", ""), ("G10", ""), ("G15", "")),
        advice_count=3,
    )
    fields.update(overrides)
    return Questionnaire(**fields)


def answers(**given) -> dict[str, str]:
    base = {"r1": "some", "o1": "yes", "o2": "yes", "g1": "some",
            "grid.a.known": "many", "grid.a.favour": "one", "grid.b.known": "few", "grid.b.favour": "none"}
    base.update({k.replace("__", "."): v for k, v in given.items()})
    return base


def test_score_answers__mixed_answers__hand_worked_dimensions_width_depth():
    # reach: r1 0.5, grid known mean (1.0 + 0.5)/2 = 0.75 -> (0.5 + 0.75)/2 = 0.625 -> 62.5
    # open:  o1 1.0, o2 reversed 1 - 1.0 = 0.0 -> 50.0
    # trust: grid favour mean (0.6 + 0.0)/2 = 0.3 -> 30.0
    # give:  g1 0.5 -> 50.0
    # Width = (62.5*1 + 50*3)/4 = 53.125 -> 53.1 ; Depth = (30 + 50)/2 = 40.0
    result = score_answers(make_questionnaire(), answers())
    assert {d.id: d.score for d in result.dimensions} == {"reach": 62.5, "open": 50.0, "trust": 30.0, "give": 50.0}
    assert (result.width, result.depth) == (53.1, 40.0)


def test_score_answers__wide_not_deep__profile_is_the_wide_quadrant():
    # Width 53.1 >= 50, Depth 40 < 50 (worked above)
    assert score_answers(make_questionnaire(), answers()).profile_id == "wide"


def test_score_answers__everything_lowest__profile_is_neither_and_scores_zero():
    low = answers(r1="no", o1="no", o2="yes", g1="no", grid__a__known="none", grid__b__known="none",
                  grid__a__favour="none", grid__b__favour="none")
    result = score_answers(make_questionnaire(), low)
    assert (result.width, result.depth, result.profile_id) == (0.0, 0.0, "none")


def test_score_answers__everything_highest__profile_is_both_and_scores_hundred():
    high = answers(r1="yes", o1="yes", o2="no", g1="yes", grid__a__known="many", grid__b__known="many",
                   grid__a__favour="lots", grid__b__favour="lots")
    result = score_answers(make_questionnaire(), high)
    assert (result.width, result.depth, result.profile_id) == (100.0, 100.0, "both")


def test_score_answers__reverse_keyed_item__agreeing_lowers_the_score():
    agree = score_answers(make_questionnaire(), answers(o2="yes"))
    disagree = score_answers(make_questionnaire(), answers(o2="no"))
    # open: (1.0 + 0.0)/2 = 50 vs (1.0 + 1.0)/2 = 100
    assert [d.score for d in agree.dimensions if d.id == "open"] == [50.0]
    assert [d.score for d in disagree.dimensions if d.id == "open"] == [100.0]


def test_score_answers__unscored_answer__item_left_out_of_its_dimension_mean():
    # g2 offers "not happened" with no score (like missed_match). give = g1 0.5 and g2:
    #   g2 "yes" 1.0 -> (0.5 + 1.0)/2 = 75.0; g2 "no" 0.0 -> 25.0;
    #   g2 "not happened" -> left out, give = g1 alone = 50.0 (neither credited nor marked down).
    unscored = (*AGREE, Option("not_happened", None, "not happened"))
    q = make_questionnaire()
    q = replace(q, items=(*q.items, Item("g2", "choice", "give", ("G15",), False, "g2", "", options=unscored)),
                steps=(replace(q.steps[0], items=(*q.steps[0].items, "g2")), q.steps[1]))

    def give(choice: str) -> float:
        return next(d.score for d in score_answers(q, answers(g2=choice)).dimensions if d.id == "give")

    assert (give("yes"), give("no"), give("not_happened")) == (75.0, 25.0, 50.0)


def test_score_answers__grid__segments_report_counts_breadth_depth_and_flags():
    # A: known many (1.0, ~30), favour one (0.6, 1) -> wide (100 >= 50), deep (60 >= 60)
    # B: known few (0.5, ~3), favour none -> wide (50 >= 50), not deep
    segs = score_answers(make_questionnaire(), answers()).segments
    assert [(s.id, s.contacts, s.favour, s.breadth, s.depth, s.wide, s.deep) for s in segs] == [
        ("a", 30, 1, 100.0, 60.0, True, True),
        ("b", 3, 0, 50.0, 0.0, True, False),
    ]


def test_score_answers__advice__weakest_dimensions_first_with_content_order_breaking_ties():
    # scores: reach 62.5, open 50, trust 30, give 50 -> trust, open (tie with give, listed first), give
    result = score_answers(make_questionnaire(), answers())
    assert result.advice == ("trust1", "open1", "give1")


def test_score_answers__fewer_dimensions_with_advice_than_needed__second_entries_fill_in():
    q = make_questionnaire(advice=(Advice("reach1", "reach", ("G04",), "R1", ""), Advice("reach2", "reach", ("G04",), "R2", "")))
    assert score_answers(q, answers()).advice == ("reach1", "reach2")


def test_score_answers__large_and_no_part_deep__caution_is_given():
    # reach: r1 1.0, known (1+1)/2 = 1 -> 100 >= 70; favour none in A and B: no part deep
    result = score_answers(make_questionnaire(), answers(r1="yes", grid__b__known="many", grid__a__favour="none"))
    assert result.caution is True


def test_score_answers__large_with_one_deep_part__no_caution():
    # reach 100 >= 70, but A has one favour-ready person (0.6 -> 60 >= 60): a deep part, so no caution,
    # however small the favour-ready share of all people known (1 of ~60)
    result = score_answers(make_questionnaire(), answers(r1="yes", grid__b__known="many"))
    assert result.caution is False


def test_profile_flags__one_deep_part_and_depth_below_the_threshold__not_deep():
    # Depth 40 < 50 and 1 deep part < 3 places: not deep; Width 53.1 >= 50 with 2 wide parts: wide
    t = make_questionnaire().thresholds
    segs = score_answers(make_questionnaire(), answers()).segments
    assert profile_flags(t, 53.1, 40.0, segs) == (True, False)


def test_profile_flags__depth_high_but_no_deep_part__not_deep():
    # Depth 90 >= 50, but neither A nor B has a favour-ready person: "deep" would have no deep place
    t = make_questionnaire().thresholds
    segs = score_answers(make_questionnaire(), answers(grid__a__favour="none")).segments
    assert profile_flags(t, 53.1, 90.0, segs) == (True, False)


def test_profile_flags__places_deep_parts__deep_below_the_depth_threshold():
    # both parts deep with places=2: deep although Depth 20 < 50
    t = replace(make_questionnaire().thresholds, places=2)
    segs = score_answers(make_questionnaire(), answers(grid__b__favour="one")).segments
    assert profile_flags(t, 10.0, 20.0, segs) == (True, True)


def test_profile_flags__no_segment_map__the_scores_alone_decide():
    t = make_questionnaire().thresholds
    assert profile_flags(t, 50.0, 49.9, ()) == (True, False)


def test_close_weakest__within_five_points__all_of_them_else_none():
    dims = tuple(DimensionScore(i, "width", s) for i, s in (("a", 62), ("b", 62), ("c", 65), ("d", 67.1)))
    assert [d.id for d in close_weakest(dims)] == ["a", "b", "c"]  # 67.1 - 62 = 5.1 > 5
    apart = tuple(DimensionScore(i, "width", s) for i, s in (("a", 40), ("b", 46)))
    assert close_weakest(apart) == ()


def test_nearest_places__not_yet_deep_or_wide__the_one_with_most_people():
    # A: wide and deep -> not a candidate; B: few known, none favour-ready -> nearest to both
    segs = score_answers(make_questionnaire(), answers()).segments
    assert nearest_places(segs) == NearestPlaces(deep="b", wide=None)


def test_choose_advice__weakest_close__segment_map_puts_the_thinner_axis_first():
    # reach 62.5 open 50 trust 48 give 50: all of open, trust, give within 5 of 48. Segment map:
    # 2 wide parts, 1 deep part -> depth is thinner: trust, give (depth, by score) then open
    q = make_questionnaire()
    dims = tuple(DimensionScore(i, a, s) for i, a, s in
                 (("reach", "width", 62.5), ("open", "width", 50), ("trust", "depth", 48), ("give", "depth", 50)))
    segs = score_answers(q, answers()).segments
    assert choose_advice(q, dims, segs) == ("trust1", "give1", "open1")


def test_choose_advice__beginner__first_step_of_the_first_dimension_comes_first():
    # neither wide nor deep: reach1 (meet one new person) first, then the weakest: trust, open
    q = make_questionnaire()
    dims = score_answers(q, answers()).dimensions
    assert choose_advice(q, dims, (), beginner=True) == ("reach1", "trust1", "open1")


def test_impossible_segments__favour_band_above_the_known_band__named():
    # A: none known (most 0) with one favour-ready (least 1): impossible; B: few (most 5) with lots (least 10)
    known = tuple(Band(i, v, c, i, lo, hi) for i, v, c, lo, hi in
                  (("none", 0.0, 0, 0, 0), ("few", 0.5, 3, 1, 5), ("many", 1.0, 30, 6, None)))
    favour = tuple(Band(i, v, c, i, lo, hi) for i, v, c, lo, hi in
                   (("none", 0.0, 0, 0, 0), ("one", 0.6, 1, 1, 1), ("lots", 1.0, 10, 10, None)))
    grid = Item("grid", "segment_grid", None, ("G06",), False, "grid", "", columns=(
        GridColumn("known", "reach", known, "Known", ""), GridColumn("favour", "trust", favour, "Favour", "")))
    q = make_questionnaire(items=(*make_questionnaire().items[:4], grid))
    assert impossible_segments(q, answers(grid__a__known="none", grid__b__favour="lots")) == ("a", "b")
    assert impossible_segments(q, answers(grid__a__known="few", grid__b__known="many", grid__b__favour="lots")) == ()
    assert impossible_segments(q, {"grid.a.favour": "one"}) == ()  # known not answered yet: not judged


def test_result_from_dict__saved_before_places__reads_three():
    data = score_answers(make_questionnaire(), answers()).to_dict()
    del data["thresholds"]["places"]
    assert Result.from_dict(data).thresholds.places == 3


def test_score_answers__missing_answers__error_names_every_missing_key():
    given = answers()
    del given["o1"], given["grid.b.favour"]
    with pytest.raises(AnswerError) as error:
        score_answers(make_questionnaire(), given)
    assert error.value.missing == ("o1", "grid.b.favour")
    assert str(error.value) == "answers: 2 unanswered: o1, grid.b.favour. Answer them and score again."


def test_check_answers__option_outside_the_item__rejected_with_the_allowed_options():
    with pytest.raises(AnswerError) as error:
        check_answers(make_questionnaire(), answers(o1="maybe", grid__a__known="lots"))
    assert str(error.value) == (
        "answers: not accepted: 'o1' has 'maybe', not one of: no, some, yes; "
        "'grid.a.known' has 'lots', not one of: none, few, many. Pick one of the listed options."
    )


def test_check_answers__unknown_question__rejected():
    with pytest.raises(AnswerError) as error:
        check_answers(make_questionnaire(), {**answers(), "zz": "yes", "grid.c.known": "few"})
    assert error.value.invalid == (
        "'zz' is not a question of this questionnaire",
        "'grid.c.known' is not a question of this questionnaire",
    )


def test_result__to_dict_and_back__is_the_same_result():
    result = score_answers(make_questionnaire(), answers(r1="yes", grid__b__known="many"))
    again = Result.from_dict(result.to_dict())
    assert again.to_dict() == result.to_dict()


def test_result__to_dict__keeps_ids_and_scores_not_words():
    data = score_answers(make_questionnaire(), answers()).to_dict()
    # Width 53.1 >= 50 and Depth 40 < 50: profile "wide"; the words stay in the questionnaire
    assert data["profile"] == {"id": "wide", "wide": True, "deep": False}
    assert data["dimensions"][0] == {"id": "reach", "axis": "width", "score": 62.5}
    assert data["segments"][0] == {"id": "a", "known_band": "many", "favour_band": "one", "contacts": 30, "favour": 1,
                                   "breadth": 100.0, "depth": 60.0, "wide": True, "deep": True}
    assert data["advice"] == ["trust1", "open1", "give1"] and data["caution"] is False
    assert "texts" not in data and "Part A" not in str(data) and "Reach" not in str(data)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.pop("width"), "result.width: missing"),
    (lambda d: d["segments"][1].update(depth="deep"), "result.segments[1].depth: expected a number, got str"),
    (lambda d: d.update(profile=["wide"]), "result.profile: expected a mapping, got list"),
    (lambda d: d["advice"].append(7), "result.advice[3]: expected text, got int"),
    (lambda d: d.update(caution=None), "result.caution: expected true or false, got NoneType"),
])
def test_result_from_dict__bad_field__says_where(change, message):
    data = score_answers(make_questionnaire(), answers()).to_dict()
    change(data)
    with pytest.raises(ResultShapeError) as error:
        Result.from_dict(data)
    assert str(error.value) == message


def test_result_words__id_gone_from_the_questionnaire__stored_text_then_the_id():
    result = replace(score_answers(make_questionnaire(), answers()),
                     texts=MappingProxyType({"segment.a.name": "Old part A", "advice.gone.title": "Old advice",
                                             "advice.gone.guidance": "G01,G02", "segment.b.name": "Old part B"}))
    renamed = make_questionnaire(segments=(Segment("b", "Part B today", ""),))
    words = result_words(result, renamed)
    assert (words.segment("a"), words.segment("b"), words.segment("zz")) == ("Old part A", "Part B today", "zz")
    assert words.advice("gone") == AdviceWords("Old advice", "", ("G01", "G02"))
    assert words.advice("trust1").title == "T1"  # still in the questionnaire: today's words
