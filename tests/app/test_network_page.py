"""The network map page, driven by AppTest through app.py: people added by form or held in the
session become measures, charts and a plan, and can feed the questionnaire's scores.

Words are checked through their keys (``t("network.…")``), not as English at element positions,
so rewording a text in content/en/ui/network.yaml never breaks a test.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assessment import load_questionnaire, score_answers
from assessment.network.blend import questionnaire_only
from assessment.network.roster import RosterProblem
from assessment.questionnaire import complete_answers
from assessment.scoring import Result
from assessment.storage.results import NewResult, open_store
from assessment.network.measures import measure_network
from tests.app.sessions import session_of
from tests.network_samples import CONTENT, DEEP, make_roster, row
from ui.network_view import problem_text
from ui.result_view import md_escape
from ui.session import SavedLinks
from ui.text import t

APP = str(Path(__file__).resolve().parents[2] / "app.py")
Q = load_questionnaire("en")
HOSTILE = "<svg onload=alert(1)>"
FIVE = [row(HOSTILE, **DEEP), row("Ana", segment="senior"), row("Bo", organisation="other_org"), row("Cy"),
        row("Dee", field="different")]
def middle_result() -> Result:
    """Scores of the middle option of every question (as in test_walkthrough)."""
    return score_answers(Q, complete_answers(Q))


def page_with(rows, ties=(), result: Result | None = None, saved: SavedLinks | None = None,
              keep: bool = True) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    session = session_of(at)
    session.roster_rows = rows
    session.ties = list(ties)
    if result is not None:
        session.replace_result(result, None)
    session.saved = saved
    if not keep:
        session.with_sharing(keep=False)
    return at.switch_page("pages/network.py").run()


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_network_page__no_people__says_names_stay_here_and_asks_for_a_first_person():
    at = page_with([])
    assert not at.exception
    assert [i.value for i in at.info] == [t("network.privacy"), t("network.empty")]


def test_network_page__people__show_axes_two_charts_and_the_plan():
    at = page_with([row("Ana", **DEEP), row("Bo", last_contact="year"), row("Cy", segment="senior")],
                   ties=[("Ana", "Bo")])
    assert not at.exception
    assert [m.label for m in at.metric] == [t("network.measures.width"), t("network.measures.depth")]
    assert len(at.get("plotly_chart")) == 2
    assert [h.value for h in at.header][:2] == [  # h2: after the h1
        t("network.add.title"), t("network.table.title", count=3, most=25)]
    assert [s.value for s in at.subheader] == [CONTENT.plan_text(kind).title for kind in ("at_risk", "deepen", "bridges")]
    assert t("network.plan.person", name="Bo", segment=CONTENT.label("segment", "peers")) in markdown(at)


def test_network_page__one_person__measures_in_plain_words_then_their_figure_and_no_guidance_ids():
    at = page_with([row("Ana", **DEEP)])
    assert not at.exception
    report = measure_network(make_roster(row("Ana", **DEEP)), CONTENT)
    text = markdown(at)
    for m in report.measures:
        assert t("network.measures.item", name=m.name, meaning=m.meaning) in text
    captions = [c.value for c in at.caption]
    shown = [t("network.measures.figure", term=m.term, value=m.display) for m in report.measures if m.value is not None]
    assert [c for c in captions if c in shown] == shown  # density has no pairs with one person: no figure
    assert report.measure("density").value is None
    assert not any(g in text for m in report.measures for g in m.guidance)


def test_network_page__hostile_name__is_escaped_in_markdown():
    at = page_with([row("[x](javascript:alert(1))", last_contact="year")])
    assert not at.exception
    escaped = md_escape("[x](javascript:alert(1))")
    assert t("network.plan.person", name=escaped, segment=CONTENT.label("segment", "peers")) in markdown(at)


def test_network_page__invalid_rows__lists_every_problem_in_words():
    at = page_with([row("Ana", stage="x"), row("Bo")], ties=[("Ana", "Zed")])
    assert not at.exception
    assert at.warning[0].value == t("network.problems.intro")
    problem = RosterProblem("option_unknown", "contacts[0].stage", {"row": 1, "field": "stage", "value": "x"})
    assert at.code[0].value.splitlines() == [problem_text(problem, CONTENT)]


def test_problem_text__option_of_a_row__names_row_column_and_the_choices():
    # outside a page run t() reads the same catalogue; this pins the sentence a person reads
    problem = RosterProblem("option_unknown", "contacts[0].stage", {"row": 1, "field": "stage", "value": "x"})
    stage = CONTENT.field("stage")
    choices = ", ".join(c.label for c in stage.choices)
    assert problem_text(problem, CONTENT) == t(
        "network.problem.line", where=t("network.problem.at_cell", row=t("network.problem.at_row", row=1),
                                        column=stage.label),
        what=t("network.problem.option_unknown", value="x", choices=choices))


def fill_form(at: AppTest, name: str, **fields) -> AppTest:
    at.text_input(key=ADD_PREFIX + "name").input(name)
    for field, value in fields.items():
        at.radio(key=ADD_PREFIX + field).set_value(value)
    at.button[0].click()  # the form's submit button is the only button above the table
    return at.run()


def test_add_person_form__complete__joins_the_table_and_the_form_is_cleared():
    at = fill_form(page_with([row("Ana")]), HOSTILE, **{k: v for k, v in row("x").items() if k != "name"})
    assert not at.exception
    assert [r["name"] for r in session_of(at).roster_rows] == ["Ana", HOSTILE]
    assert at.text_input(key=ADD_PREFIX + "name").value == ""
    assert at.radio(key=ADD_PREFIX + "stage").value is None
    assert [h.value for h in at.header][1] == t("network.table.title", count=2, most=25)


def test_add_person_form__fields_left_open__names_them_and_keeps_the_entries():
    at = fill_form(page_with([]), "[Zed](x)", segment="peers")
    assert not at.exception
    assert session_of(at).roster_rows == []
    missing = t("network.problem.option_missing")
    assert at.error[0].value.splitlines()[:2] == [
        md_escape(f"{CONTENT.field(f).label}: {missing}") + "  " for f in ("field", "organisation")]
    assert at.text_input(key=ADD_PREFIX + "name").value == "[Zed](x)"


def test_scores__no_result__offers_the_questionnaire():
    at = page_with(FIVE)
    assert not at.exception
    assert at.header[2].value == t("network.scores.title")  # after "Add a person" and "Your people"
    assert not [b for b in at.button if b.key == "network.blend"]


def test_scores__fewer_than_five_people__not_offered():
    at = page_with(FIVE[:4], result=middle_result())
    assert not [b for b in at.button if b.key == "network.blend"]
    assert t("network.scores.too_few", least=5) in markdown(at)


def test_scores__use_my_map__blends_result_and_saves_only_derived_extras():
    before = middle_result()
    at = page_with(FIVE, ties=[(HOSTILE, "Ana")], result=before)
    at.button(key="network.blend").click().run()
    assert not at.exception
    after = session_of(at).result
    assert after.blend.answers_width == before.width
    assert after.blend.weight == 0.1667 and after.blend.people == 5
    assert questionnaire_only(after, Q).to_dict() == before.to_dict()
    extras = json.dumps(session_of(at).network_extras)
    assert not any(name in extras for name in (HOSTILE, "Ana", "Bo", "Cy", "Dee"))
    assert at.success[0].value == t("network.scores.current")
    # one more person: the scores use an earlier map until updated
    fill_form(at, "Eve", **{k: v for k, v in row("x").items() if k != "name"})
    assert at.info[-1].value == t("network.scores.outdated")
    assert at.button(key="network.blend").label == t("network.scores.update")


def test_scores__saved_result__changed_in_place_same_share_link_and_the_results_page_told():
    # issue 11 §1: the link already sent to a mentor shows the blended scores, not "removed"
    store = open_store(os.environ["DATABASE_URL"])
    result = middle_result()
    old = store.save_result(NewResult(answers={}, result=result.to_dict(), include_answers=False))
    at = page_with(FIVE, result=result, saved=SavedLinks(old.share_token, old.manage_key))
    at.button(key="network.blend").click().run()
    assert not at.exception
    session = session_of(at)
    assert session.saved.share_token == old.share_token
    fresh = store.find_result(old.share_token)
    assert fresh.status == "found" and fresh.result.result["roster"]["map"]["people"] == 5
    assert fresh.result.extras["people"] == 5
    assert HOSTILE not in json.dumps([fresh.result.result, fresh.result.extras])
    assert session.take_results_notice() == t("network.scores.saved_again", done=t("network.scores.done_with_map"))


def test_scores__use_my_answers_only__undoes_the_blend():
    blended = page_with(FIVE, result=middle_result())
    blended.button(key="network.blend").click().run()
    blended.button(key="network.unblend").click().run()
    assert not blended.exception
    assert session_of(blended).result == middle_result()
    assert session_of(blended).network_extras is None


def test_scores__database_down__keeps_the_scores_and_says_so(monkeypatch):
    from assessment.storage.errors import StorageUnavailable
    from assessment.storage.results import Store

    def down(*_args):
        raise StorageUnavailable("test: database down")

    result = middle_result()
    at = page_with(FIVE, result=result, saved=SavedLinks("a" * 22, "b" * 22))
    monkeypatch.setattr(Store, "update_result", down)
    at.button(key="network.blend").click().run()
    assert not at.exception
    assert at.error[0].value == t("network.scores.not_replaced")
    assert session_of(at).result == result and session_of(at).saved is not None


def test_results_page__own_result_without_map__invites_to_map_the_network():
    at = page_with([], result=middle_result(), keep=False)
    at.switch_page("pages/results.py").run()
    assert not at.exception
    assert "Map your network" in [s.value for s in at.subheader]


def test_results_page__blended_result__shows_both_sets_of_scores():
    at = page_with(FIVE, result=middle_result(), keep=False)
    at.button(key="network.blend").click().run()
    at.switch_page("pages/results.py").run()
    assert not at.exception
    assert "| From the network map |" in markdown(at)


def test_method_page__network_section__explains_the_blend():
    at = page_with([])
    at.switch_page("pages/method.py").run()
    assert not at.exception
    assert "The network map (optional)" in [h.value for h in at.header]
    assert "w = 0.5 × min(n, 15) / 15" in markdown(at)


def test_add_person_form__full_map__replaced_by_a_note():
    at = page_with([row(f"P{i}") for i in range(25)])
    assert not at.exception
    assert t("network.add.full", most=25) in [i.value for i in at.info]
    assert not at.get("form") and not at.text_input
