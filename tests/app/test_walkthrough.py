"""The app, driven by Streamlit's AppTest: a whole questionnaire walked to the results."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from assessment import load_questionnaire
from assessment.questionnaire import middle_choice
from ui.answer_widgets import widget_key
from ui.flow import missing_text
from ui.items import keys_of
from ui.method_view import rules_with_examples
from ui.session import Session
from ui.text import t

Q = load_questionnaire("en")
APP = str(Path(__file__).resolve().parents[2] / "app.py")


def session_of(at: AppTest) -> Session:
    """The app's session as the app reads it (a copy: tests look, they do not change it)."""
    return Session(at.session_state.to_dict())


def fresh_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    return at


def answer_step(at: AppTest, step_index: int, pick=middle_choice) -> None:
    for item_id in Q.steps[step_index].items:
        for key in Q.item(item_id).answer_keys(Q.segments):
            at.radio(key=widget_key(key)).set_value(pick(Q.choices(key)))
    # no run here: the values are sent with the next click, and each one is kept by its on_change


def walk_to_results(at: AppTest) -> AppTest:
    at.switch_page("pages/questionnaire.py").run()
    for n in range(len(Q.steps)):
        answer_step(at, n)
        button = "nav.finish" if n == len(Q.steps) - 1 else "nav.next"
        at.button(key=button).click().run()
    # st.switch_page inside a run is not remembered by AppTest for the next run: go there explicitly
    return at.switch_page("pages/results.py").run()


def test_walkthrough__every_question_answered__results_show_profile_and_three_charts():
    at = walk_to_results(fresh_app())
    assert not at.exception
    assert session_of(at).result.profile_id in {p.id for p in Q.profiles}
    assert len(at.get("plotly_chart")) == 3
    assert [m.label for m in at.metric] == [t("results.width"), t("results.depth")]


def test_next__question_left_open__stays_on_the_step_and_names_it():
    at = fresh_app()
    at.switch_page("pages/questionnaire.py").run()
    at.button(key="nav.next").click().run()
    assert at.header[0].value == Q.steps[0].title
    assert at.warning[0].value == missing_text(Q, list(keys_of(Q, Q.steps[0].items)))
    assert Q.item("reach_size").text in at.warning[0].value


def test_back__after_next__keeps_the_answers_given():
    at = fresh_app()
    at.switch_page("pages/questionnaire.py").run()
    answer_step(at, 0)
    at.button(key="nav.next").click().run()
    given = dict(session_of(at).answers)
    at.button(key="nav.back").click().run()
    assert at.header[0].value == Q.steps[0].title
    assert at.radio(key=widget_key("reach_size")).value == given["reach_size"]


def test_results__unfinished_person__is_told_how_far_and_offered_the_questions():
    at = fresh_app()
    at.switch_page("pages/results.py").run()
    assert at.info[0].value == t("results.unfinished", answered=0, total=len(Q.answer_keys()))
    at.button(key="results.resume").click().run()
    assert not at.exception


def test_method_page__facts__come_from_the_content():
    at = fresh_app()
    at.switch_page("pages/method.py").run()
    assert not at.exception
    rules = at.markdown[1].value
    assert all(rule in rules for rule in rules_with_examples(Q))  # rules 5-9 with their worked examples
    assert t("method.rule.grid", n=len(Q.segments), columns=2) in rules  # the grid asks 2 columns per segment
    assert [h.value for h in at.header][:4] == [t("method.scores_title"), t("method.profiles"),
                                               t("method.dimensions"), t("method.guidance")]
