"""The network map page, driven by AppTest through app.py: people added by form or held in session
state become measures, charts and a plan, and can feed the questionnaire's scores."""

from __future__ import annotations

import json
import os
from pathlib import Path

from streamlit.testing.v1 import AppTest

from assessment import load_questionnaire, score_answers
from assessment.network.blend import questionnaire_only
from assessment.questionnaire import complete_answers
from assessment.scoring import Result
from assessment.storage.results import NewResult, open_store
from tests.network_samples import DEEP, row
from ui import state
from ui.network_view import ADD_PREFIX
from ui.result_view import md_escape
from ui.session import SavedLinks, SharingChoice

APP = str(Path(__file__).resolve().parents[2] / "app.py")
Q = load_questionnaire("en")
HOSTILE = "<svg onload=alert(1)>"
FIVE = [row(HOSTILE, **DEEP), row("Ana", segment="senior"), row("Bo", organisation="other_org"), row("Cy"),
        row("Dee", field="different")]


def middle_result() -> Result:
    """Scores of the middle option of every question (as in test_walkthrough)."""
    return score_answers(Q, complete_answers(Q))


def page_with(rows, ties=(), **session) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.session_state[state.ROSTER] = rows
    at.session_state[state.TIES] = [list(t) for t in ties]
    for key, value in session.items():
        at.session_state[key] = value
    return at.switch_page("pages/network.py").run()


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_network_page__no_people__says_names_stay_here_and_asks_for_a_first_person():
    at = page_with([])
    assert not at.exception
    assert at.info[0].value.startswith("**Use initials or a nickname**, not full names. Names stay in this browser session")
    assert at.info[1].value == "Add a first person above to see your map."


def test_network_page__people__show_axes_two_charts_and_the_plan():
    at = page_with([row("Ana", **DEEP), row("Bo", last_contact="year"), row("Cy", segment="senior")],
                   ties=[("Ana", "Bo")])
    assert not at.exception
    assert [m.label for m in at.metric] == ["Width from your map", "Depth from your map"]
    assert len(at.get("plotly_chart")) == 2
    assert [s.value for s in at.subheader] == ["Add a person", "Your people (3 of 25)", "Depth at risk",
                                               "Worth deepening", "Bridges"]
    assert "**Bo** · Peers" in markdown(at)


def test_network_page__hostile_name__is_escaped_in_markdown():
    at = page_with([row("[x](javascript:alert(1))", last_contact="year")])
    assert not at.exception
    assert f"**{md_escape('[x](javascript:alert(1))')}** · Peers" in markdown(at)


def test_network_page__invalid_rows__lists_every_problem_as_plain_text():
    at = page_with([row("Ana", stage="x"), row("Bo")], ties=[("Ana", "Zed")])
    assert not at.exception
    assert at.warning[0].value == "Some rows need fixing before the map can be drawn:"
    assert at.code[0].value.splitlines() == [
        "roster: contacts[0].stage: unknown value 'x'. Use one of: visibility, credibility, profitability.",
    ]


def fill_form(at: AppTest, name: str, **fields) -> AppTest:
    at.text_input(key=ADD_PREFIX + "name").input(name)
    for field, value in fields.items():
        at.radio(key=ADD_PREFIX + field).set_value(value)
    at.button[0].click()  # the form's submit button is the only button above the table
    return at.run()


def test_add_person_form__complete__joins_the_table_and_the_form_is_cleared():
    at = fill_form(page_with([row("Ana")]), HOSTILE, **{k: v for k, v in row("x").items() if k != "name"})
    assert not at.exception
    assert [r["name"] for r in at.session_state[state.ROSTER]] == ["Ana", HOSTILE]
    assert at.text_input(key=ADD_PREFIX + "name").value == ""
    assert at.radio(key=ADD_PREFIX + "stage").value is None
    assert [s.value for s in at.subheader][1] == "Your people (2 of 25)"


def test_add_person_form__fields_left_open__names_them_and_keeps_the_entries():
    at = fill_form(page_with([]), "[Zed](x)", segment="peers")
    assert not at.exception
    assert at.session_state[state.ROSTER] == []
    assert at.error[0].value.splitlines()[:2] == [md_escape("Their field: choose one.") + "  ",
                                                  md_escape("Where they work: choose one.") + "  "]
    assert at.text_input(key=ADD_PREFIX + "name").value == "[Zed](x)"


def test_scores__no_result__offers_the_questionnaire():
    at = page_with(FIVE)
    assert not at.exception
    assert at.header[0].value == "Your map in your scores"
    assert not [b for b in at.button if b.key == "network.blend"]


def test_scores__fewer_than_five_people__not_offered():
    at = page_with(FIVE[:4], **{state.RESULT: middle_result()})
    assert not [b for b in at.button if b.key == "network.blend"]
    assert "With 5 or more people on your map, it can feed your Width and Depth." in markdown(at)


def test_scores__use_my_map__blends_result_and_saves_only_derived_extras():
    before = middle_result()
    at = page_with(FIVE, ties=[(HOSTILE, "Ana")], **{state.RESULT: before})
    at.button(key="network.blend").click().run()
    assert not at.exception
    after = at.session_state[state.RESULT]
    assert after.blend.answers_width == before.width
    assert after.blend.weight == 0.1667 and after.blend.people == 5
    assert questionnaire_only(after, Q).to_dict() == before.to_dict()
    extras = json.dumps(at.session_state[state.NETWORK_EXTRAS])
    assert not any(name in extras for name in (HOSTILE, "Ana", "Bo", "Cy", "Dee"))
    assert at.success[0].value == "Your scores use this map."
    # one more person: the scores use an earlier map until updated
    fill_form(at, "Eve", **{k: v for k, v in row("x").items() if k != "name"})
    assert at.info[-1].value == "Your scores use an earlier version of this map."
    assert at.button(key="network.blend").label == "Update my scores with this map"


def test_scores__saved_result__old_copy_deleted_and_saved_again_at_once():
    store = open_store(os.environ["DATABASE_URL"])
    result = middle_result()
    old = store.save_result(NewResult(answers={}, result=result.to_dict(), include_answers=False))
    at = page_with(FIVE, **{state.RESULT: result, state.SAVED: SavedLinks(old.share_token, old.manage_key)})
    at.button(key="network.blend").click().run()
    assert not at.exception
    assert store.find_result(old.share_token).status == "removed"
    new_token = at.session_state[state.SAVED].share_token
    assert new_token != old.share_token
    at.switch_page("pages/results.py").run()
    assert not at.exception
    assert at.info[0].value.startswith("Your scores now include your network map. They were saved again")
    fresh = store.find_result(new_token).result
    assert fresh.result["roster"]["map"]["people"] == 5
    assert fresh.extras["people"] == 5
    assert HOSTILE not in json.dumps([fresh.result, fresh.extras])


def test_scores__use_my_answers_only__undoes_the_blend():
    blended = page_with(FIVE, **{state.RESULT: middle_result()})
    blended.button(key="network.blend").click().run()
    blended.button(key="network.unblend").click().run()
    assert not blended.exception
    assert blended.session_state[state.RESULT] == middle_result()
    assert state.NETWORK_EXTRAS not in blended.session_state


def test_results_page__own_result_without_map__invites_to_map_the_network():
    at = page_with([], **{state.RESULT: middle_result(), state.SHARING: SharingChoice(keep=False)})
    at.switch_page("pages/results.py").run()
    assert not at.exception
    assert "Map your network" in [s.value for s in at.subheader]
    assert any(link.label == "Map your network" for link in at.get("page_link"))


def test_results_page__blended_result__shows_both_sets_of_scores():
    at = page_with(FIVE, **{state.RESULT: middle_result(), state.SHARING: SharingChoice(keep=False)})
    at.button(key="network.blend").click().run()
    at.switch_page("pages/results.py").run()
    assert not at.exception
    assert "Network map in these scores" in [s.value for s in at.subheader]
    assert "| From the network map |" in markdown(at)
    assert any("network map of 5 people, which counts 17%" in c.value for c in at.caption)


def test_method_page__network_section__explains_the_blend():
    at = page_with([])
    at.switch_page("pages/method.py").run()
    assert not at.exception
    assert "The network map (optional)" in [h.value for h in at.header]
    assert "w = 0.5 × min(n, 15) / 15" in markdown(at)


def test_add_person_form__full_map__replaced_by_a_note():
    at = page_with([row(f"P{i}") for i in range(25)])
    assert not at.exception
    assert at.info[1].value == ("Your map holds 25 people, the most it can. "
                                "Remove someone from the table below to add another.")
    assert not at.get("form") and not at.text_input
