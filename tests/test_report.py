"""The downloadable HTML report stands alone and never lets typed text become markup."""

from assessment import load_questionnaire, score_answers
from assessment.charts import result_figures
from assessment.network.measures import RosterAxes
from assessment.network.blend import blend_roster
from assessment.questionnaire import complete_answers as answers_of
from assessment.report import render_report
from assessment.wording import result_words
from ui.result_view import chart_texts
from ui.results_flow import report_texts
from ui.text import t

Q = load_questionnaire("en")
QUADRANTS = {(p.wide, p.deep): p.name for p in Q.profiles}


def complete_answers():
    return answers_of(Q, lambda _key, choices: choices[1])


def render(result, name=None) -> str:
    words = result_words(result, Q)
    return render_report(result, words, result_figures(result, QUADRANTS, words, chart_texts(result)),
                         report_texts(result, name))


def report(name=None) -> str:
    return render(score_answers(Q, complete_answers()), name)


def test_render_report__offline__inlines_plotly_once_and_loads_nothing_remote():
    html = report()
    assert html.count("plotly.js v") == 1  # inlined once, shared by all three charts
    assert "<script src=" not in html and "<link " not in html  # nothing fetched from a network
    assert html.count('class="plotly-graph-div"') == 3


def test_render_report__hostile_display_name__is_escaped():
    html = report("<img src=x onerror=alert(1)>")
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_render_report__content__shows_profile_scores_and_advice():
    result = score_answers(Q, complete_answers())
    html = report()
    assert Q.profile(result.profile.wide, result.profile.deep).name in html and f"<b>{result.width:.0f}</b>" in html
    assert all(a.title in html for a in Q.advice if a.id in result.advice)


def test_render_report__result_blended_with_a_map__shows_both_sources_and_no_names():
    # 15 people give the map its full weight, 50%: Width (answers + 20) / 2, Depth (answers + 90) / 2
    answers_only = score_answers(Q, complete_answers())
    blended = blend_roster(answers_only, RosterAxes(20.0, 90.0, (), (), people=15), Q)
    html = render(blended)
    assert t("results.network.title") in html
    assert f"<tr><td>From the answers</td><td>{answers_only.width:.0f}</td><td>{answers_only.depth:.0f}</td></tr>" in html
    assert "<tr><td>From the network map</td><td>20</td><td>90</td></tr>" in html
    assert f"<td><b>Together</b></td><td><b>{blended.width:.0f}</b></td><td><b>{blended.depth:.0f}</b></td>" in html
    assert "a network map of 15 people, which counts 50%" in html
    assert f"<b>{blended.width:.0f}</b>" in html


def test_render_report__no_map__no_network_section():
    assert t("results.network.title") not in report()
