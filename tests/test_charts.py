"""Result figures hold the numbers of the result, are labelled for people, and never carry markup from text."""

from assessment.charts import ChartTexts, dimension_profile, result_figures, where_chart, wide_deep_map
from assessment.chart_style import plain_label
from assessment.scoring import score_answers
from assessment.wording import ResultWords
from assessment.questionnaire import Segment
from tests.test_scoring import answers, make_questionnaire

QUADRANTS = {(True, True): "Both", (True, False): "Wide", (False, True): "Deep", (False, False): "None"}
WORDS = ResultWords(make_questionnaire(), {})
TEXTS = ChartTexts(map_title="W 53 D 40", width="W", depth="D", width_axis="W>", depth_axis="D>", you="me",
                   dimensions_title="dims", where_title="where", known="known", favour="favour",
                   wide_mark="wide", deep_mark="deep")


def result():
    return score_answers(make_questionnaire(), answers())  # Width 53.1, Depth 40.0 (see test_scoring)


def test_wide_deep_map__the_person__is_one_point_at_width_and_depth():
    fig = wide_deep_map(result(), QUADRANTS, TEXTS)
    assert list(fig.data[0].x) == [53.1] and list(fig.data[0].y) == [40.0]


def test_wide_deep_map__quadrants__are_named_and_cut_at_the_thresholds():
    fig = wide_deep_map(result(), QUADRANTS, TEXTS)
    names = sorted(a.text for a in fig.layout.annotations)
    assert names == ["<b>Both</b>", "<b>Deep</b>", "<b>None</b>", "<b>Wide</b>"]
    long = wide_deep_map(result(), {**QUADRANTS, (True, False): "A mile wide and an inch deep"}, TEXTS)
    assert "<b>A mile wide and</b><br><b>an inch deep</b>" in [a.text for a in long.layout.annotations]
    assert sorted({s.x0 for s in fig.layout.shapes} | {s.x1 for s in fig.layout.shapes}) == [0, 50, 100]


def test_dimension_profile__bars__hold_every_dimension_score_by_axis():
    fig = dimension_profile(result(), WORDS, TEXTS)
    width_bars, depth_bars = fig.data
    assert (list(width_bars.y), list(width_bars.x)) == (["Reach", "Openness"], [62.5, 50.0])
    assert (list(depth_bars.y), list(depth_bars.x)) == (["Trust", "Giving"], [30.0, 50.0])


def test_where_chart__per_segment__the_ranges_chosen_never_a_count():
    # A: known "many", favour "one"; B: "few", "none" (the bands' words), not ~30 / ~1 people
    known, favour = where_chart(result(), WORDS, TEXTS).data
    assert list(known.x) == ["many", "few"] and list(favour.x) == ["one", "none"]
    assert list(known.text) == ["many", "few"] and "~" not in str(where_chart(result(), WORDS, TEXTS).to_dict())
    assert list(known.y) == ["<b>Part A</b><br><i>wide · deep</i>", "<b>Part B</b><br><i>wide</i>"]


def test_where_chart__depth__has_a_scale_of_its_own_with_every_band():
    # each panel's categories are its own column's bands, in order, so "one" favour-ready is a full step
    fig = where_chart(result(), WORDS, TEXTS)
    assert list(fig.layout.xaxis.categoryarray) == ["none", "few", "many"]
    assert list(fig.layout.xaxis2.categoryarray) == ["none", "one", "lots"]
    assert (fig.data[0].xaxis, fig.data[1].xaxis) == ("x", "x2")


def test_where_chart__verdict__filled_dots_and_shaded_bands_from_the_thresholds():
    # segment_wide 50: "few" (0.5) and up shaded -> x0 = 1 - 0.5; segment_deep 60: "one" (0.6) and up -> 0.5
    # A wide and deep: filled; B wide, not deep: filled known dot, white favour dot
    fig = where_chart(result(), WORDS, TEXTS)
    assert [(s.xref, s.x0, s.x1) for s in fig.layout.shapes] == [("x", 0.5, 2.5), ("x2", 0.5, 2.5)]
    known, favour = fig.data
    assert list(known.marker.color) == [known.marker.line.color] * 2
    assert list(favour.marker.color) == [favour.marker.line.color, "white"]


def test_where_chart__result_saved_before_bands_were_kept__band_of_its_score():
    from dataclasses import replace
    old = result()
    old = replace(old, segments=tuple(replace(s, known_band="", favour_band="") for s in old.segments))
    known, favour = where_chart(old, WORDS, TEXTS).data
    assert list(known.x) == ["many", "few"] and list(favour.x) == ["one", "none"]


def test_result_figures__scale_for_a_projector__fonts_grow():
    phone, projector = result_figures(result(), QUADRANTS, WORDS, TEXTS)[0], result_figures(result(), QUADRANTS, WORDS, TEXTS, scale=2)[0]
    assert projector.layout.font.size == 2 * phone.layout.font.size


def test_plain_label__hostile_text__is_escaped_and_mathjax_defused():
    assert plain_label("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert plain_label("$\\href{javascript:alert(1)}{x}$").startswith("\u200b$")
    assert plain_label("x" * 100, limit=10) == "x" * 9 + "…"


def test_result_figures__every_property__passes_plotly_validation():
    import plotly.graph_objects as go

    for fig in result_figures(result(), QUADRANTS, WORDS, TEXTS, scale=1.5):
        go.Figure(fig.to_dict())  # raises ValueError on any invalid property


def test_charts__words__all_come_from_the_text_record():
    the_map, dims, where = result_figures(result(), QUADRANTS, WORDS, TEXTS)
    assert (the_map.layout.title.text, the_map.layout.xaxis.title.text, the_map.data[0].text) == ("W 53 D 40", "W>", ("me",))
    assert [bar.name for bar in dims.data] == ["W", "D"] and dims.layout.title.text == "dims"
    assert [bar.name for bar in where.data] == ["known", "favour"] and where.layout.title.text == "where"


def test_where_chart__segment_renamed_in_the_questionnaire__shows_the_current_name():
    renamed = make_questionnaire(segments=(Segment("a", "Team", ""), Segment("b", "Part B", "")))
    known, _ = where_chart(result(), ResultWords(renamed, {}), TEXTS).data  # noqa
    assert known.y[0] == "<b>Team</b><br><i>wide · deep</i>"


def test_dimension_profile__width_and_depth__differ_by_hatching_not_only_colour():
    # WCAG 1.4.1: a person who cannot tell blue from vermillion still tells the bars apart (legend too)
    width_bars, depth_bars = dimension_profile(result(), WORDS, TEXTS).data
    assert (width_bars.marker.pattern.shape, depth_bars.marker.pattern.shape) == ("", "/")
    # white hatching laid over the bar's own colour ("replace", Plotly's default, would draw white lines
    # on nothing: the bars vanished on a white page)
    assert (depth_bars.marker.pattern.fillmode, depth_bars.marker.pattern.fgcolor) == ("overlay", "white")


def test_wide_deep_map__then_and_now__differ_by_shape_and_a_label():
    from assessment.compare import comparison_map

    fig = comparison_map(result(), result(), QUADRANTS, TEXTS, "then")
    now, then = fig.data
    assert now.marker.symbol != then.marker.symbol and (tuple(now.text), tuple(then.text)) == (("me",), ("then",))


def test_label_px__longest_line_counts__tags_and_entities_are_not_letters():
    from assessment.chart_style import label_px

    assert label_px("<b>Own field</b><br><i>wide</i>", 13) == label_px("Own field", 13)
    assert label_px("a &amp; b", 13) == label_px("a & b", 13)
    assert label_px("Outside your organisation", 13) > label_px("Peers", 13) > 0
    assert label_px("Peers", 26) == 2 * label_px("Peers", 13)
    assert label_px("", 13) == 0


def test_result_charts__first_margins__hold_their_longest_labels():
    from assessment import load_questionnaire, score_answers
    from assessment.chart_style import label_px
    from assessment.questionnaire import complete_answers
    from ui.result_view import figures

    q = load_questionnaire("en")
    _, dims, where = figures(score_answers(q, complete_answers(q, lambda _key, choices: choices[-1])), q, titled=False)
    assert dims.layout.margin.l >= max(label_px(name, 13) for name in dims.data[0].y + dims.data[1].y)
    assert where.layout.margin.l >= max(label_px(name, 13) for name in where.data[0].y)
    assert where.layout.margin.b >= max(label_px(band, 11) for band in where.layout.xaxis.categoryarray)
