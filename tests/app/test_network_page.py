"""The network map page, driven by AppTest through app.py: people added by form or held in the
session become measures, charts and a plan, and can feed the questionnaire's scores.

Words are checked through their keys (``t("network.…")``), not as English at element positions,
so rewording a text in content/en/ui/network.yaml never breaks a test.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

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
from assessment.network.roster import NEW_PERSON, new_person
from ui.network_view import ADD_LINE, KNOWS, PERSON, PERSON_PREFIX, RENAME, VIEW, problem_text
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
              keep: bool = True, view: str = "map") -> AppTest:
    """The network page with ``rows`` and ``ties`` in the session, its ``view`` tab open ("people" or "map")."""
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
    at.session_state[VIEW] = t(f"network.entry.tab_{view}")
    return at.switch_page("pages/network.py").run()


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_network_page__no_people__says_names_stay_here_and_asks_for_a_first_person():
    at = page_with([], view="people")
    assert not at.exception
    assert [i.value for i in at.info] == [t("network.privacy")]
    assert t("network.entry.start") in [c.value for c in at.caption]
    assert at.text_input(key=ADD_LINE).label == t("network.entry.add_label")


def test_network_page__no_people__the_map_tab_sends_back_to_your_people():
    at = page_with([])
    assert [i.value for i in at.info] == [t("network.privacy"), t("network.entry.map_empty")]


def test_network_page__people_tab__draws_no_chart_and_the_map_tab_no_card():
    # the tabs are lazy: only the open one runs and is sent
    people = page_with(FIVE, view="people")
    assert not people.get("plotly_chart") and people.button_group(key=PERSON_PREFIX + "stage")
    mapped = page_with(FIVE)
    assert len(mapped.get("plotly_chart")) == 2 and not [b for b in mapped.button_group if b.key == PERSON]


def test_network_page__people__show_axes_two_charts_each_with_a_sentence_and_the_plan():
    at = page_with([row("Ana", **DEEP), row("Bo", last_contact="year"), row("Cy", segment="senior")],
                   ties=[("Ana", "Bo")])
    assert not at.exception
    assert [m.label for m in at.metric] == [t("network.measures.width"), t("network.measures.depth")]
    assert len(at.get("plotly_chart")) == 2
    captions = [c.value for c in at.caption]
    # Ana deep (inner), Bo and Cy growing (middle); Cy senior, Ana and Bo peers
    assert t("network.entry.rings_summary", n=3, inner=1, middle=2, outer=0) + " " + t(
        "network.entry.sectors_some",
        filled=", ".join(t("network.entry.segment_count", segment=CONTENT.label("segment", s), n=n)
                         for s, n in (("senior", 1), ("peers", 2))),
        empty=", ".join(CONTENT.label("segment", s) for s in ("own_field", "other_fields", "junior", "outside_org"))
    ) in captions
    assert t("network.entry.spread_summary", n=3, deep=1, top=CONTENT.label("segment", "peers"), most=2) in captions
    assert [s.value for s in at.subheader] == [CONTENT.plan_text(kind).title for kind in ("at_risk", "deepen", "bridges")]
    assert t("network.plan.person", name="Bo", segment=CONTENT.label("segment", "peers")) in markdown(at)


def test_network_page__rings_map_table__each_person_with_segment_ring_and_whom_they_know():
    at = page_with([row("Ana", **DEEP), row("Bo"), row("Cy", segment="senior")], ties=[("Ana", "Bo")])
    assert not at.table  # "Show as a table" closed: nothing built (ui/lazy.py)
    at.session_state["chart.network_map.table"] = True
    table = at.run().table[0].value
    assert list(table.columns) == [t("network.table.name"), CONTENT.field("segment").label, t("network.entry.ring"),
                                   t("network.entry.knows_column")]
    assert table.values.tolist() == [["Ana", "Peers", t("network.chart.ring_inner"), "Bo"],
                                     ["Bo", "Peers", t("network.chart.ring_middle"), "Ana"],
                                     ["Cy", "Senior to you", t("network.chart.ring_middle"), ""]]


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


def quick_add(at: AppTest, line: str) -> AppTest:
    at.text_input(key=ADD_LINE).input(line)
    at.button[0].click()  # the form's submit button: the tab's first button
    return at.run()


def test_quick_add__a_line_of_names__adds_each_with_the_sensible_choices_and_opens_the_first():
    at = quick_add(page_with([row("Ana")], view="people"), f"Bo,  {HOSTILE} , Cy")
    assert not at.exception
    rows = session_of(at).roster_rows
    assert [r["name"] for r in rows] == ["Ana", "Bo", HOSTILE, "Cy"]
    assert rows[1:] == [new_person(n) for n in ("Bo", HOSTILE, "Cy")] and rows[1]["level"] == NEW_PERSON["level"]
    assert at.text_input(key=ADD_LINE).value == ""
    assert at.button_group(key=PERSON).value == 1  # Bo's card is open, to describe them next
    assert t("network.entry.person", name="Bo") in markdown(at)
    assert t("network.entry.sits_in", segment=CONTENT.label("segment", "peers")) in [c.value for c in at.caption]
    assert at.header[0].value == t("network.table.title", count=4, most=25)


def test_quick_add__a_name_already_on_the_map__adds_nobody_and_keeps_the_line():
    at = quick_add(page_with([row("Ana")], view="people"), "Bo, ana, [Zed](x)")
    assert not at.exception
    assert [r["name"] for r in session_of(at).roster_rows] == ["Ana"]
    name_on_map = RosterProblem("name_on_map", "name", {"field": "name", "name": "ana"})
    assert at.error[0].value == md_escape(problem_text(name_on_map, CONTENT))
    assert at.text_input(key=ADD_LINE).value == "Bo, ana, [Zed](x)"


def test_quick_add__more_names_than_room__adds_nobody_and_says_the_map_is_full():
    at = quick_add(page_with([row(f"P{i}") for i in range(23)], view="people"), "A, B, C")
    assert len(session_of(at).roster_rows) == 23
    assert at.error[0].value == md_escape(problem_text(RosterProblem("map_full", "contacts", {"most": 25}), CONTENT))


def test_person_card__a_tap__changes_that_person_and_the_segment_follows():
    at = page_with([row("Ana"), row("Bo")], view="people")
    at.button_group(key=PERSON).set_value(1).run()
    at.button_group(key=PERSON_PREFIX + "organisation").set_value("other_org").run()
    assert not at.exception
    assert session_of(at).roster_rows[1]["organisation"] == "other_org"
    assert session_of(at).roster_rows[0] == row("Ana")
    assert t("network.entry.sits_in", segment=CONTENT.label("segment", "outside_org")) in [c.value for c in at.caption]
    at.button_group(key=PERSON).set_value(0).run()  # Ana's card shows Ana, not the last card's taps
    assert at.button_group(key=PERSON_PREFIX + "organisation").value == "same_org"


def test_person_card__knows_chips__kept_as_pairs_and_shown_on_the_other_persons_card():
    at = page_with([row("Ana"), row("Bo"), row("Cy")], ties=[["Bo", "Cy"]], view="people")
    at.button_group(key=KNOWS).set_value([1, 2]).run()  # Ana knows Bo and Cy
    assert not at.exception
    assert sorted(map(sorted, session_of(at).ties)) == [["Ana", "Bo"], ["Ana", "Cy"], ["Bo", "Cy"]]
    at.button_group(key=PERSON).set_value(2).run()
    assert at.button_group(key=KNOWS).value == [0, 1]  # Cy knows Ana and Bo
    at.button_group(key=KNOWS).set_value([0]).run()  # Cy no longer knows Bo
    assert sorted(map(sorted, session_of(at).ties)) == [["Ana", "Bo"], ["Ana", "Cy"]]


def test_person_card__rename__checked_and_the_pairs_follow_the_new_name():
    at = page_with([row("Ana"), row("Bo")], ties=[["Ana", "Bo"]], view="people")
    at.text_input(key=RENAME).input("bo").run()  # taken, ignoring case
    assert [r["name"] for r in session_of(at).roster_rows] == ["Ana", "Bo"]
    assert at.error[0].value == md_escape(problem_text(
        RosterProblem("name_on_map", "name", {"field": "name", "name": "bo"}), CONTENT))
    at.text_input(key=RENAME).input("  Anne  Q ").run()
    assert not at.exception
    assert [r["name"] for r in session_of(at).roster_rows] == ["Anne Q", "Bo"]
    assert session_of(at).ties == [["Anne Q", "Bo"]]


def test_person_card__remove__takes_the_person_and_their_pairs():
    at = page_with([row("Ana"), row("Bo"), row("Cy")], ties=[["Ana", "Bo"], ["Bo", "Cy"], ["Ana", "Cy"]], view="people")
    at.button_group(key=PERSON).set_value(1).run()
    at.button(key="network.remove").click().run()
    assert not at.exception
    assert [r["name"] for r in session_of(at).roster_rows] == ["Ana", "Cy"]
    assert session_of(at).ties == [["Ana", "Cy"]]
    assert at.button_group(key=PERSON).value == 0


def test_scores__no_result__offers_the_questionnaire():
    at = page_with(FIVE)
    assert not at.exception
    assert at.header[0].value == t("network.scores.title")  # the map tab's first header
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
    session_of(at).roster_rows = [*session_of(at).roster_rows, row("Eve")]
    at.run()
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


def test_quick_add__full_map__replaced_by_a_note():
    at = page_with([row(f"P{i}") for i in range(25)], view="people")
    assert not at.exception
    assert t("network.add.full", most=25) in [i.value for i in at.info]
    assert not [i for i in at.text_input if i.key == ADD_LINE]
