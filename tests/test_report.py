"""The downloadable HTML report stands alone and never lets typed text become markup."""

import datetime
import json
import re
from html import escape

from assessment import load_questionnaire, score_answers
from assessment.chart_text import result_texts
from assessment.charts import result_figures
from assessment.network.measures import RosterAxes
from assessment.network.blend import blend_roster
from assessment.questionnaire import complete_answers as answers_of
from assessment.report import BASIC_TRACES, MAX_BYTES, render_report
from assessment.wording import result_words
from ui.result_view import chart_texts
from ui.results_flow import report_texts
from ui.text import t

Q = load_questionnaire("en")
QUADRANTS = {(p.wide, p.deep): p.name for p in Q.profiles}


def complete_answers():
    return answers_of(Q, lambda _key, choices: choices[1])


DAY = datetime.date(2026, 12, 1)
METHOD_URL = "https://wide-deep.example/method"


def figures(result):
    return result_figures(result, QUADRANTS, result_words(result, Q), chart_texts(result), titled=False)


def render(result, name=None) -> str:
    return render_report(result, result_words(result, Q), figures(result),
                         report_texts(result, name, method_url=METHOD_URL, day=DAY),
                         result_texts(result, result_words(result, Q), t))


def report(name=None) -> str:
    return render(score_answers(Q, complete_answers()), name)


def test_render_report__offline__inlines_the_basic_plotly_bundle_once_and_loads_nothing_remote():
    html = report()
    assert html.count("plotly.js (basic - minified) v") == 1  # inlined once, shared by all three charts
    assert "plotly.js v" not in html  # not the full 4.7 MB bundle
    assert "<script src=" not in html and "<link " not in html  # nothing fetched from a network
    assert html.count('class="plotly-graph-div"') == 3


def test_render_report__size__at_most_one_and_a_half_megabytes():
    # the basic bundle is 1,191,749 bytes; the rest of a report is some tens of kB
    html = report("Sam")
    assert len(html.encode("utf-8")) <= MAX_BYTES == 1_500_000


def test_result_figures__every_trace__is_a_type_the_basic_bundle_draws():
    # the report ships only the basic bundle: any other trace type would draw nothing offline
    result = score_answers(Q, complete_answers())
    assert {trace.type for fig in figures(result) for trace in fig.data} <= BASIC_TRACES == {"scatter", "bar", "pie"}


def test_render_report__date__in_the_language_long_form():
    assert '<p class="muted">Made on December 1, 2026</p>' in report()


def test_render_report__footer__links_the_method_page():
    footer = "Scores run from 0 to 100. How they are computed:"
    assert f'{footer} <a href="{METHOD_URL}">{METHOD_URL}</a></p>' in report()


def test_render_report__headings__each_section_once_and_no_chart_titles():
    html = report()
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert len(headings) == len(set(headings))
    assert t("results.charts.dimensions_title") not in html  # "Your dimensions (0–100)" under "Your dimensions"
    result = score_answers(Q, complete_answers())
    map_title = t("results.charts.map_title", width=result.width, depth=result.depth)
    assert json.dumps(map_title) not in html and map_title not in html  # the score line says it (JSON escapes "·")


def test_render_report__segments__show_the_ranges_chosen_not_counts():
    # complete_answers picks the second band everywhere: "1–5" known, "1" favour-ready
    where = report().split(f"<h2>{t('results.where.title')}</h2>")[1].split("<h2>")[0]
    table = where.split("<table>")[1].split("</table>")[0]
    own_field = next(s.name for s in Q.segments if s.id == "own_field")
    assert f"<tr><td>{own_field}</td><td>1–5</td><td>1</td>" in table
    assert "~" not in table  # not the head-counts the scoring stands the bands for ("~3", "~1")


def test_render_report__every_figure__a_sentence_and_a_table_under_it():
    # the three charts in report order (map, where, dimensions), each followed by its words
    result = score_answers(Q, complete_answers())
    html, (the_map, dims, where) = report(), result_texts(result, result_words(result, Q), t)
    after = [part.split("</script>")[-1].split("<h2>")[0] for part in html.split('class="plotly-graph-div"')[1:]]
    for alt, shown in zip((the_map, where, dims), after):
        assert f"<p class='summary'>{escape(alt.summary)}</p><table><thead>" in shown
        assert all(f"<td>{escape(row[0])}</td>" in shown for row in alt.rows)


def test_render_report__advice__a_plain_idea_and_no_guidance_codes():
    html = report()
    assert "The idea behind it: " in html
    assert re.search(r"\bG[0-9]{2}\b", html.split("<script>")[0] + html.split("</script>")[-1]) is None


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


def test_render_report__every_step_card__names_its_part_as_the_results_page_does():
    # the report's cards carry the same "Where: …" line as the page (ui/result_view.step_part_lines)
    import html as html_lib
    from tests import personas
    from ui.result_view import step_part_lines

    for persona in (personas.MILE_WIDE, personas.BALANCED, personas.BEGINNER):
        result = score_answers(Q, persona.answers(Q))
        cards = re.findall(r"<div class='card'>(.*?)</div>", render(result))
        lines = step_part_lines(result, Q)
        assert len(cards) == len(lines) == 3
        for card, line in zip(cards, lines):
            assert f"<p class='part'>{html_lib.escape(line)}</p>" in card


def test_render_report__all_middle__says_why_the_profile_is_deep_under_the_map():
    from tests import personas
    from ui.result_view import profile_notes

    result = score_answers(Q, personas.ALL_MIDDLE.answers(Q))
    (note,) = profile_notes(result)
    assert f"<p class='muted'>{note}</p>" in render(result)
