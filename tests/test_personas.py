"""Whole people through the real questionnaire: profile, caution, where wide/deep and steps agree.

The rules (content/questionnaire.yaml thresholds; assessment/scoring.py): a part is wide at 21-50
people known or more (band score >= 85), deep at 2-3 favour-ready people or more (>= 60). A person
is wide with a wide part and Width >= 55 or 3 wide parts; deep likewise. The caution: Reach >= 65
and no part deep. When the weakest dimensions are within 5 points, the thinner side of the segment
map comes first; a beginner starts with "meet one new person a week".
"""

import pytest

from assessment import load_questionnaire, score_answers
from assessment.scoring import close_weakest, impossible_segments, nearest_places
from tests import personas as P

Q = load_questionnaire()
ALL = list(P.SEGMENTS)


def score(persona):
    return score_answers(Q, persona.answers(Q))


def where(result):
    return [s.id for s in result.segments if s.wide], [s.id for s in result.segments if s.deep]


def test_mile_wide__many_known_one_favour_everywhere__wide_shallow_with_the_caution():
    # 51+ known in every part (>= 85): wide everywhere; 1 favour-ready (35 < 60): deep nowhere.
    # Width ~99 >= 55: wide; no deep part: not deep -> "wide_shallow". Reach ~97 >= 65 and no part deep: caution.
    # Depth dimensions (25-29) are within 5 points; 0 deep parts < 6 wide: depth first, Trust first -> favour test.
    r = score(P.MILE_WIDE)
    assert (r.profile.id, r.caution) == ("wide_shallow", True)
    assert where(r) == (ALL, [])
    assert r.advice == ("trust_favour_map", "nurture_rhythm", "giving_no_score")


def test_deep_narrow__few_known_several_favour_in_three_parts__deep_narrow_without_caution():
    # Known at most 6-20 (65 < 85): wide nowhere. 4-9 in own field and peers, 2-3 among seniors: 3 deep parts.
    # Depth ~75 >= 55 -> deep; not wide -> "deep_narrow". Reach ~25 < 65: no caution.
    # Width dimensions all 25: close; 0 wide parts < 3 deep: width first, Reach first -> meet one new person.
    r = score(P.DEEP_NARROW)
    assert (r.profile.id, r.caution) == ("deep_narrow", False)
    assert where(r) == ([], ["own_field", "senior", "peers"])
    assert r.advice == ("reach_one_new", "openness_other_field", "span_up_down")
    assert nearest_places(r.segments).deep == "junior"  # 1 favour-ready there: the nearest to deep


def test_balanced__many_known_many_favour__wide_and_deep_and_no_caution():
    # 51+ known and 10+ favour-ready everywhere: every part wide and deep; Width ~76, Depth ~76.
    # Reach ~82 >= 65 but parts are deep: no caution (it used to come from 75 "people" vs 12 "favours").
    # Six dimensions sit at 70-75, within 5 points: said so, and the map decides (6 wide = 6 deep: width first).
    r = score(P.BALANCED)
    assert (r.profile.id, r.caution) == ("wide_and_deep", False)
    assert where(r) == (ALL, ALL)
    assert len(close_weakest(r.dimensions)) == 6
    assert r.advice == ("openness_other_field", "span_up_down", "curiosity_questions")


def test_beginner__small_network_nobody_favour_ready__starting_and_meets_one_new_person_first():
    # 1-5 known at most (35 < 85), at most 1 favour-ready (35 < 60): no wide part, no deep part -> "starting".
    # Reach ~19 < 65: no caution. First step for a beginner: meet one new person a week.
    r = score(P.BEGINNER)
    assert (r.profile.id, r.caution) == ("starting", False)
    assert where(r) == ([], [])
    assert r.advice[0] == "reach_one_new"


def test_all_middle__six_to_twenty_and_two_to_three_everywhere__deep_not_starting():
    # 6-20 known (65 < 85): wide nowhere; 2-3 favour-ready (60 >= 60): six deep parts >= 3 -> deep,
    # although Depth 50.7 < 55. Profile "deep_narrow", never "just starting" beside six deep parts.
    r = score(P.ALL_MIDDLE)
    assert (r.profile.id, r.caution) == ("deep_narrow", False)
    assert where(r) == ([], ALL)


def test_mixed__wide_in_four_parts_deep_in_three__wide_and_deep():
    # 21-50 or 51+ in own field, other fields, peers, outside: 4 wide parts; 2-3 or more favour-ready in own field,
    # senior, peers: 3 deep parts. Width 60.2 and Depth 58.1 >= 55: "wide_and_deep", and the map shows where.
    r = score(P.MIXED)
    assert (r.profile.id, r.caution) == ("wide_and_deep", False)
    assert where(r) == (["own_field", "other_fields", "peers", "outside_org"], ["own_field", "senior", "peers"])


def test_impossible_grid__more_favour_ready_than_known__both_rows_named():
    # seniors: none known (most 0) but 1 favour-ready (least 1); juniors: 1-5 known (most 5) but 10 or more.
    assert impossible_segments(Q, P.IMPOSSIBLE.answers(Q)) == ("senior", "junior")


@pytest.mark.parametrize("persona", [P.MILE_WIDE, P.DEEP_NARROW, P.BALANCED, P.BEGINNER, P.ALL_MIDDLE, P.MIXED],
                         ids=lambda p: p.name)
def test_every_persona__rules__agree_with_each_other(persona):
    # deep profile -> a deep part; wide profile -> a wide part; caution -> no deep part and not a deep profile;
    # and every possible grid passes the step check.
    r = score(persona)
    wide, deep = where(r)
    assert not r.profile.deep or deep
    assert not r.profile.wide or wide
    assert not r.caution or (not deep and not r.profile.deep)
    assert impossible_segments(Q, persona.answers(Q)) == ()


def test_where_lists__mile_wide__every_part_wide_none_deep_with_the_bands_that_decide():
    from ui.result_view import where_lists
    from ui.text import t

    names = ", ".join(s.name for s in Q.segments)
    assert where_lists(score(P.MILE_WIDE), Q) == t("results.where.lists", wide=names, deep=t("results.where.none"),
                                                   wide_band="21–50", deep_band="2–3")


def test_steps_reason__mixed__says_the_weakest_are_close_and_names_the_part_nearest_to_deep():
    # nearest to deep: outside (1 favour-ready, 51+ known) before other fields (1, 21-50); nearest to wide:
    # senior (6-20 known, 2-3 favour-ready) before junior (6-20, none)
    from ui.result_view import steps_reason
    from ui.text import t

    # all three steps deepen (Nurture, Giving, Connecting), so only the side of depth is named
    nearest = t("results.step_part.nearest_deep", segments="Outside your organisation")
    assert steps_reason(score(P.MIXED), Q) == t("results.where.close", points=5, nearest=nearest)


def test_steps_reason__mile_wide__six_parts_equally_near_to_deep__names_them_all_not_one():
    # 1 favour-ready in every part: none is nearer to deep than another, so the sentence names all six
    # (it used to say "the part nearest to deep is Own field"); every part is wide: no "nearest to wide".
    from ui.result_view import steps_reason
    from ui.text import t

    nearest = t("results.step_part.nearest_deep", segments=", ".join(s.name for s in Q.segments))
    assert steps_reason(score(P.MILE_WIDE), Q) == t("results.where.close", points=5, nearest=nearest)


def test_steps_reason__balanced__every_part_wide_and_deep__says_the_steps_keep_it_so():
    # 51+ and 10 or more everywhere: nothing is thin, so the sentence does not say the steps follow where it is thin
    from ui.result_view import steps_reason
    from ui.text import t

    assert steps_reason(score(P.BALANCED), Q) == t("results.step_part.close_all", points=5)


def test_steps_reason__deep_narrow__own_field_and_peers_alike_nearest_to_wide_and_no_word_on_depth():
    # 6-20 known and 4-9 favour-ready in both own field and peers: equally near to wide. The three steps all
    # widen, so the sentence says nothing about the part nearest to deep (no step is about it).
    from ui.result_view import steps_reason
    from ui.text import t

    nearest = t("results.step_part.nearest_wide", segments="Own field, Peers")
    assert steps_reason(score(P.DEEP_NARROW), Q) == t("results.where.close", points=5, nearest=nearest)


# Every step card names the part of the network it is about (scoring.step_parts): a width step the part
# nearest to wide, a depth step the part nearest to deep, among the parts the step can be about
# (content: advice.parts), the next one for each further step on the same side; a part already
# wide (deep) only when every candidate is, said as such.
def parts(result):
    from assessment.scoring import step_parts
    return [(p.segment, p.axis, p.reached) for p in step_parts(Q, result)]


def test_step_parts__mile_wide__three_depth_steps_name_three_parts_not_deep_yet():
    # 1 favour-ready everywhere: every part equally near to deep, taken in content order; the first is the one
    # the sentence above the cards names (nearest_places), the next steps the next parts.
    r = score(P.MILE_WIDE)
    assert parts(r) == [("own_field", "depth", False), ("other_fields", "depth", False), ("senior", "depth", False)]
    assert parts(r)[0][0] == nearest_places(r.segments).deep


def test_step_parts__deep_narrow__width_steps_name_own_field_then_their_own_parts():
    # "meet one new person" may be about any part: own field and peers (6-20 known) are nearest to wide, own
    # field first. "Talk shop with another field" is about other fields; "reach up and down" about senior or
    # junior (both 1-5; senior has 2-3 favour-ready, so it is first).
    assert parts(score(P.DEEP_NARROW)) == [("own_field", "width", False), ("other_fields", "width", False),
                                          ("senior", "width", False)]


def test_step_parts__balanced__every_part_already_wide__said_as_already_wide():
    # 51+ everywhere: no part is left to widen; each width step names a part that is already wide.
    assert parts(score(P.BALANCED)) == [("other_fields", "width", True), ("senior", "width", True),
                                        ("own_field", "width", True)]


def test_step_parts__beginner__first_step_names_where_they_know_most():
    # 1-5 known in own field, senior, peers, outside; own field also has 1 favour-ready: nearest to wide.
    # The favour test names own field too (the only part with anyone favour-ready); another field has nobody.
    assert parts(score(P.BEGINNER)) == [("own_field", "width", False), ("own_field", "depth", False),
                                        ("other_fields", "width", False)]


def test_step_parts__all_middle__width_steps_name_parts_not_wide():
    # 6-20 everywhere: no part wide; three width steps, three different parts, none said to be wide already.
    assert parts(score(P.ALL_MIDDLE)) == [("own_field", "width", False), ("other_fields", "width", False),
                                          ("senior", "width", False)]


def test_step_parts__mixed__depth_steps_name_the_parts_nearest_to_deep_in_order():
    # not deep: outside (1, 51+ known), other fields (1, 21-50), junior (none, 6-20): in that order.
    assert parts(score(P.MIXED)) == [("outside_org", "depth", False), ("other_fields", "depth", False),
                                     ("junior", "depth", False)]


@pytest.mark.parametrize("persona", [P.MILE_WIDE, P.DEEP_NARROW, P.BALANCED, P.BEGINNER, P.ALL_MIDDLE, P.MIXED],
                         ids=lambda p: p.name)
def test_step_part_lines__every_persona__each_card_names_a_part_with_the_range_chosen_there(persona):
    # the line under each card's title is true for that part: its name, the range the person chose there
    # for the step's side, and "already wide/deep" exactly when the segment map says so.
    from ui.result_view import step_part_lines

    r = score(persona)
    names = {s.id: s.name for s in Q.segments}
    known, favour = Q.item("grid").columns[0].bands, Q.item("grid").columns[1].bands
    for line, (segment, axis, reached), s_id in zip(step_part_lines(r, Q), parts(r), [p[0] for p in parts(r)]):
        s = next(x for x in r.segments if x.id == s_id)
        band = next(b.label for b in (favour if axis == "depth" else known)
                    if b.id == (s.favour_band if axis == "depth" else s.known_band))
        assert line.startswith(f"Where: {names[segment]} · ") and f": {band} · " in line
        assert ("already" in line) == reached == (s.deep if axis == "depth" else s.wide)
    assert len(step_part_lines(r, Q)) == len(r.advice) == 3


def test_steps_reason__share_page__their_weakest_dimensions_not_yours():
    from ui.result_view import steps_reason
    from ui.text import t

    nearest = t("results.step_part.nearest_deep", segments="Outside your organisation")
    assert steps_reason(score(P.MIXED), Q, for_reader=True) == t("results.step_part.reader.close", points=5,
                                                                 nearest=nearest)
    assert steps_reason(score(P.BALANCED), Q, for_reader=True) == t("results.step_part.reader.close_all", points=5)
    assert steps_reason(score(P.MIXED), Q, for_reader=True).startswith("Their weakest dimensions")


def test_step_part_lines__share_page__speak_of_them_not_you():
    from ui.result_view import step_part_lines

    lines = step_part_lines(score(P.MILE_WIDE), Q, for_reader=True)
    assert all("would do them a favour" in line and " you " not in line.replace("Senior to you", "") for line in lines)


def test_step_part_lines__result_without_segment_map__no_line():
    from dataclasses import replace
    from ui.result_view import step_part_lines

    assert step_part_lines(replace(score(P.MIXED), segments=()), Q) == ("", "", "")


def test_share_page_words__mile_wide_for_a_reader__where_lists_and_charts_speak_of_them():
    # a mentor opens the share link: the parts are "where they know", the chart axes "People they know"
    from ui.result_view import chart_texts, where_lists
    from ui.text import t

    r = score(P.MILE_WIDE)
    names = ", ".join(s.name for s in Q.segments)
    assert where_lists(r, Q, for_reader=True) == t("results.for_reader.where_lists", wide=names,
                                                   deep=t("results.where.none"), wide_band="21–50", deep_band="2–3")
    texts = chart_texts(r, for_reader=True)
    assert (texts.you, texts.known, texts.favour) == ("This person", "People they know", "Would do them a favour")
    assert chart_texts(r).you == t("results.charts.you")  # the owner's own page keeps "You"


def test_profile_notes__all_middle__deep_by_six_parts_though_depth_under_55__says_why():
    # Depth 50.7 < 55 puts the dot in "just starting", but six deep parts (3 are enough) make the profile deep:
    # the note under the map says so; Width 50 < 55 and no wide part agree (no note for width).
    from ui.result_view import profile_notes
    from ui.text import t

    r = score(P.ALL_MIDDLE)
    assert profile_notes(r) == (t("results.profile_note.deep_by_parts", score=r.depth, threshold=55, n=6, places=3),)
    assert "their network" in profile_notes(r, for_reader=True)[0]


@pytest.mark.parametrize("persona", [P.MILE_WIDE, P.DEEP_NARROW, P.BALANCED, P.BEGINNER, P.MIXED],
                         ids=lambda p: p.name)
def test_profile_notes__profile_and_scores_agree__no_note(persona):
    # each of these people sits in the quadrant their profile names (see the tests above)
    from ui.result_view import profile_notes

    assert profile_notes(score(persona)) == ()
