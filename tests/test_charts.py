"""Result figures hold the numbers of the result, are labelled for people, and never carry markup from text."""

from assessment.charts import dimension_profile, result_figures, where_chart, wide_deep_map
from assessment.labels import plain_label
from assessment.scoring import score_answers
from tests.test_scoring import answers, make_questionnaire

QUADRANTS = {(True, True): "Both", (True, False): "Wide", (False, True): "Deep", (False, False): "None"}


def result():
    return score_answers(make_questionnaire(), answers())  # Width 53.1, Depth 40.0 (see test_scoring)


def test_wide_deep_map__the_person__is_one_point_at_width_and_depth():
    fig = wide_deep_map(result(), QUADRANTS)
    assert list(fig.data[0].x) == [53.1] and list(fig.data[0].y) == [40.0]


def test_wide_deep_map__quadrants__are_named_and_cut_at_the_thresholds():
    fig = wide_deep_map(result(), QUADRANTS)
    names = sorted(a.text for a in fig.layout.annotations)
    assert names == ["<b>Both</b>", "<b>Deep</b>", "<b>None</b>", "<b>Wide</b>"]
    long = wide_deep_map(result(), {**QUADRANTS, (True, False): "A mile wide and an inch deep"})
    assert "<b>A mile wide and</b><br><b>an inch deep</b>" in [a.text for a in long.layout.annotations]
    assert sorted({s.x0 for s in fig.layout.shapes} | {s.x1 for s in fig.layout.shapes}) == [0, 50, 100]


def test_dimension_profile__bars__hold_every_dimension_score_by_axis():
    fig = dimension_profile(result())
    width_bars, depth_bars = fig.data
    assert (list(width_bars.y), list(width_bars.x)) == (["Reach", "Openness"], [62.5, 50.0])
    assert (list(depth_bars.y), list(depth_bars.x)) == (["Trust", "Giving"], [30.0, 50.0])


def test_where_chart__per_segment__contacts_against_favour_ready_contacts():
    known, favour = where_chart(result()).data
    assert list(known.x) == [30, 3] and list(favour.x) == [1, 0]
    assert list(known.y) == ["<b>Part A</b><br><i>wide · deep</i>", "<b>Part B</b><br><i>wide</i>"]


def test_result_figures__scale_for_a_projector__fonts_grow():
    phone, projector = result_figures(result(), QUADRANTS)[0], result_figures(result(), QUADRANTS, scale=2)[0]
    assert projector.layout.font.size == 2 * phone.layout.font.size


def test_plain_label__hostile_text__is_escaped_and_mathjax_defused():
    assert plain_label("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert plain_label("$\\href{javascript:alert(1)}{x}$").startswith("\u200b$")
    assert plain_label("x" * 100, limit=10) == "x" * 9 + "…"


def test_result_figures__every_property__passes_plotly_validation():
    import plotly.graph_objects as go

    for fig in result_figures(result(), QUADRANTS, scale=1.5):
        go.Figure(fig.to_dict())  # raises ValueError on any invalid property
