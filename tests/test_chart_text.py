"""Each chart in words: one true sentence at 0, 1, some and all, and a table of what the chart shows."""

from dataclasses import replace

import pytest

from assessment.chart_text import compare_text, dimensions_text, map_text, result_texts, where_text
from assessment.content.load import CONTENT_DIR
from assessment.questionnaire import Segment
from assessment.scoring import score_answers
from assessment.text import load_catalogue, placeholders
from assessment.wording import ResultWords
from tests.test_scoring import answers, make_questionnaire

CATALOGUE, _ = load_catalogue("en", CONTENT_DIR)
t = CATALOGUE.text
Q = make_questionnaire()
WORDS = ResultWords(Q, {})


def result(**given):
    return score_answers(Q, answers(**given))  # Width 53.1, Depth 40.0; A wide and deep, B wide (test_scoring)


def segments(r, *flags):
    """``r`` with its segments' (wide, deep) set to ``flags``, in order."""
    return replace(r, segments=tuple(replace(s, wide=w, deep=d) for s, (w, d) in zip(r.segments, flags)))


def test_map_text__own_result__point_corner_and_cut_offs():
    # Width 53.1 -> "53", Depth 40 -> "40"; profile "wide" is named "Wide"; thresholds 50 / 50
    alt = map_text(result(), WORDS, t)
    assert alt.summary == ("You are at Width 53 and Depth 40 out of 100, in the corner “Wide” "
                           "(Width counts as wide from 50, Depth as deep from 50).")
    assert alt.columns == ("Measure", "Score (0–100)", "Counts from")
    assert alt.rows == (("Width", "53", "wide from 50"), ("Depth", "40", "deep from 50"))


def test_map_text__share_link__speaks_about_the_person():
    assert map_text(result(), WORDS, t, for_reader=True).summary.startswith("They are at Width 53 and Depth 40")


def test_dimensions_text__scores_differ__names_the_highest_and_the_lowest():
    # reach 62.5 -> 62 (banker's rounding as the page's "{:.0f}"), open 50, trust 30, give 50
    alt = dimensions_text(result(), WORDS, t)
    assert alt.summary == "Of the 4 dimensions, highest: Reach at 62; lowest: Trust at 30 (out of 100)."
    assert alt.rows == (("Reach", "Width", "62"), ("Openness", "Width", "50"), ("Trust", "Depth", "30"),
                        ("Giving", "Depth", "50"))
    assert alt.columns == ("Dimension", "Counts toward", "Score (0–100)")


def test_dimensions_text__a_tie_at_the_top__names_every_one_tied():
    r = result()
    tied = replace(r, dimensions=tuple(replace(d, score=70.0 if d.id in ("reach", "give") else 20.0) for d in r.dimensions))
    assert dimensions_text(tied, WORDS, t).summary == (
        "Of the 4 dimensions, highest: Reach, Giving at 70; lowest: Openness, Trust at 20 (out of 100).")


def test_dimensions_text__all_the_same__one_sentence_for_all():
    r = result()
    same = replace(r, dimensions=tuple(replace(d, score=50.0) for d in r.dimensions))
    assert dimensions_text(same, WORDS, t).summary == "All 4 dimensions are at 50 out of 100."


def test_dimensions_text__one_dimension__named_with_its_score():
    r = result()
    one = replace(r, dimensions=r.dimensions[:1])
    assert dimensions_text(one, WORDS, t).summary == "One dimension, Reach, at 62 out of 100."


def test_dimensions_text__none__says_so_and_an_empty_table():
    alt = dimensions_text(replace(result(), dimensions=()), WORDS, t)
    assert (alt.summary, alt.rows) == ("No dimension has a score.", ())


def test_where_text__some__names_the_parts_and_the_ranges_chosen():
    # A: known "many", favour "one" (wide and deep); B: "few", "none" (wide only)
    alt = where_text(result(), WORDS, t)
    assert alt.summary == "Your network is wide in all 2 parts, and deep in 1 of 2 parts (Part A)."
    assert alt.columns == ("Part", "People you know", "Would do you a favour", "Wide or deep")
    assert alt.rows == (("Part A", "many", "one", "wide · deep"), ("Part B", "few", "none", "wide"))


@pytest.mark.parametrize(("flags", "summary"), [
    (((False, False), (False, False)), "Your network is wide in none of the 2 parts, and deep in none of the 2 parts."),
    (((True, True), (True, True)), "Your network is wide in all 2 parts, and deep in all 2 parts."),
    (((False, True), (True, False)),
     "Your network is wide in 1 of 2 parts (Part B), and deep in 1 of 2 parts (Part A)."),
])
def test_where_text__none_some_all__each_has_its_sentence(flags, summary):
    assert where_text(segments(result(), *flags), WORDS, t).summary == summary


def test_where_text__neither_wide_nor_deep__the_row_says_neither():
    alt = where_text(segments(result(), (False, False), (False, False)), WORDS, t)
    assert [row[-1] for row in alt.rows] == ["neither", "neither"]


def test_where_text__one_part__not_all_1_parts():
    r = result()
    one = replace(r, segments=r.segments[:1])
    assert where_text(one, WORDS, t).summary == (
        "Your network is wide in the one part asked about, and deep in the one part asked about.")
    none = segments(one, (False, False))
    assert where_text(none, WORDS, t).summary == (
        "Your network is not wide in the one part asked about, and not deep in the one part asked about.")


def test_where_text__no_parts__says_none_was_asked_and_an_empty_table():
    alt = where_text(replace(result(), segments=()), WORDS, t)
    assert (alt.summary, alt.rows) == ("No part of the network was asked about.", ())


def test_where_text__saved_before_ranges_were_kept__says_not_recorded_never_a_count():
    r = result()
    old = replace(r, segments=tuple(replace(s, known_band="", favour_band="") for s in r.segments))
    assert [row[1:3] for row in where_text(old, WORDS, t).rows] == [("not recorded", "not recorded")] * 2


def test_where_text__share_link__speaks_about_the_person():
    assert where_text(result(), WORDS, t, for_reader=True).summary.startswith("Their network is wide")


def test_where_text__segment_renamed__the_current_name():
    renamed = ResultWords(make_questionnaire(segments=(Segment("a", "Team", ""), Segment("b", "Part B", ""))), {})
    assert where_text(result(), renamed, t).rows[0][0] == "Team"


def test_compare_text__then_and_now__both_points_and_profiles_in_time_order():
    # now: the usual Width 53.1 Depth 40 ("Wide"); then: everything lowest, 0 and 0 ("None")
    before = score_answers(Q, answers(r1="no", o1="no", o2="yes", g1="no", grid__a__known="none",
                                      grid__b__known="none", grid__a__favour="none", grid__b__favour="none"))
    alt = compare_text(before, result(), "1 Dec 2025", "1 Mar 2026", WORDS, WORDS, t)
    assert alt.summary == "1 Dec 2025: Width 0, Depth 0; 1 Mar 2026: Width 53, Depth 40."
    assert alt.columns == ("Result", "Width", "Depth", "Profile")
    assert alt.rows == (("1 Dec 2025", "0", "0", "None"), ("1 Mar 2026", "53", "40", "Wide"))


def test_result_texts__every_key_used__exists_with_its_placeholders():
    # a missing key comes back as the key itself ("results.chart_text.…"): none may
    shown = [text for alt in result_texts(result(), WORDS, t) + result_texts(result(), WORDS, t, for_reader=True)
             for text in (alt.summary, *alt.columns, *(cell for row in alt.rows for cell in row))]
    assert [s for s in shown if s.startswith("results.")] == []
    assert all(not placeholders(s) for s in shown)


def result_page(for_reader: bool, *, tables_open: bool = True):
    """``show_result`` of a real questionnaire's result, in AppTest (the page's own charts and words),
    with every chart's "Show as a table" opened (a closed one builds nothing: ui/lazy.py)."""
    from streamlit.testing.v1 import AppTest

    def page(for_reader: bool) -> None:
        from assessment import load_questionnaire, score_answers
        from assessment.questionnaire import complete_answers
        from ui.result_view import show_result

        q = load_questionnaire("en")
        show_result(score_answers(q, complete_answers(q, lambda _key, choices: choices[1])), q, for_reader=for_reader)

    at = AppTest.from_function(page, args=(for_reader,), default_timeout=30)
    for chart in ("chart.map", "chart.where", "chart.dimensions"):
        at.session_state[f"{chart}.table"] = tables_open
    return at.run()


@pytest.mark.parametrize("for_reader", [False, True])
def test_show_result__every_chart__named_summarised_and_a_table(for_reader):
    from assessment import load_questionnaire, score_answers
    from assessment.questionnaire import complete_answers

    q = load_questionnaire("en")
    r = score_answers(q, complete_answers(q, lambda _key, choices: choices[1]))
    the_map, dims, where = result_texts(r, ResultWords(q, {}), t, for_reader=for_reader)
    at = result_page(for_reader)
    assert not at.exception, at.exception
    charts = [c.proto.alt for c in at.get("plotly_chart")]
    assert charts == [the_map.summary, where.summary, dims.summary]  # page order: map, where, dimensions
    assert all(summary in [c.value for c in at.caption] for summary in charts)
    tables = [tb.proto for tb in at.table]
    assert [tb.alt for tb in tables] == charts and all(tb.hide_index for tb in tables)
    assert [e.label for e in at.expander][:3] == [t("common.chart.show_table")] * 3
    assert list(at.table[1].value.iloc[0]) == list(where.rows[0])  # the ranges chosen, as words


def test_show_result__tables_closed__no_table_is_built_until_one_is_opened():
    at = result_page(False, tables_open=False)
    assert not at.exception, at.exception
    assert len(at.get("plotly_chart")) == 3 and not at.table
    assert [e.label for e in at.expander][:3] == [t("common.chart.show_table")] * 3


def test_show_result__share_link__the_point_on_the_map_is_this_person_not_you():
    own, shared = (result_page(reader).get("plotly_chart")[0].proto.spec for reader in (False, True))
    assert f'"text":["{t("results.charts.you")}"]' in own and f'"text":["{t("results.chart_text.reader_point")}"]' in shared
