"""A run that only adds or drops a notice or a script keeps the answers and the step's buttons at
their place in the page: the browser matches elements by position, and a shifted radio group is
drawn afresh, taking the keyboard focus with it (seen on a loaded machine: 4 answers in 12 lost it)."""

from streamlit.testing.v1 import AppTest

from tests.app.test_walkthrough import Q, answer_step, fresh_app, walk_to_results
from ui.answer_widgets import widget_key
from ui.links import Param
from ui.text import t

HELD = ("answers", "step-nav")


def places(at: AppTest) -> dict[str, int]:
    return {child.key: n for n, child in at.main.children.items() if getattr(child, "key", None) in HELD}


def first_answer(at: AppTest) -> None:
    key = Q.item(Q.steps[0].items[0]).answer_keys(Q.segments)[0]
    at.radio(key=widget_key(key)).set_value(Q.choices(key)[1]).run()


def test_first_answer__draft_cookie_script_appears__answers_and_buttons_keep_their_place():
    at = fresh_app()
    at.switch_page("pages/questionnaire.py").run()
    before = places(at)
    first_answer(at)
    cookie = next(c for c in at.main.children.values() if getattr(c, "key", None) == "place-draft-cookie")
    assert len(cookie.children) == 1, "the script that remembers this browser is drawn"
    assert places(at) == before and set(before) == set(HELD)


def test_next_on_a_step_not_done__a_notice_appears__the_buttons_keep_their_place():
    at = fresh_app()
    at.switch_page("pages/questionnaire.py").run()
    before = places(at)
    at.button(key="nav.next").click().run()
    assert at.warning, "the step's notice is shown"
    assert places(at) == before


def test_draft_notice__goes_with_the_first_answer__the_answers_keep_their_place():
    at = fresh_app()
    at.query_params[Param.RESUME] = "A" * 22
    at.switch_page("pages/questionnaire.py").run()
    assert at.info[0].value == t("questionnaire.draft.not_found")
    before = places(at)
    first_answer(at)
    assert not at.info, "the notice goes once an answer is given"
    assert places(at) == before


def test_whole_step_answered__next__the_new_step_keeps_the_same_places():
    at = fresh_app()
    at.switch_page("pages/questionnaire.py").run()
    before = places(at)
    answer_step(at, 0)
    at.button(key="nav.next").click().run()
    assert at.header[0].value == Q.steps[1].title
    assert places(at) == before


def holder_of(at: AppTest, widget_key: str) -> int:
    """The position in the page of the top-level part that holds the button ``widget_key``."""
    return next(n for n, child in at.main.children.items()
                if any(b.key == widget_key for b in getattr(child, "button", [])))


def test_results_notice__dropped_on_the_next_run__the_owner_tools_keep_their_place():
    at = walk_to_results(fresh_app())
    at.session_state["wd.notice_results"] = t("results.owner.unknown_link")  # as Session.tell_results_page keeps it
    at.run()
    assert at.info[0].value == t("results.owner.unknown_link")
    before = holder_of(at, "results.again")
    at.run()  # any tap on the page
    assert not any(i.value == t("results.owner.unknown_link") for i in at.info), "shown once"
    assert holder_of(at, "results.again") == before
