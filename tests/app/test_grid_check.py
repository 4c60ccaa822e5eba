"""The grid step refuses answers that can't both be true, with a note under each such row (AppTest)."""

from assessment.questionnaire import AnswerKey
from tests import personas
from tests.app.test_walkthrough import Q, answer_step, fresh_app
from ui.answer_widgets import widget_key
from ui.flow import impossible_notice
from ui.items import impossible_text

GRID = next(i for i in Q.items if i.kind == "segment_grid")
GRID_STEP = next(n for n, s in enumerate(Q.steps) if GRID.id in s.items)
SEGMENTS = {s.id: s for s in Q.segments}


def on_the_grid_step(answers):
    at = fresh_app()
    at.switch_page("pages/questionnaire.py").run()
    for n in range(GRID_STEP):
        answer_step(at, n)
        at.button(key="nav.next").click().run()
    for key in GRID.answer_keys(Q.segments):
        at.radio(key=widget_key(key)).set_value(answers[key])
    at.button(key="nav.next").click().run()
    return at


def test_grid_step__more_favour_ready_than_known__stays_with_a_note_under_each_row():
    # seniors: "None" known with "1" favour-ready; juniors: "1–5" known with "10 or more" -> both named, no advance
    answers = personas.IMPOSSIBLE.answers(Q)
    at = on_the_grid_step(answers)
    assert not at.exception
    assert at.header[0].value == Q.steps[GRID_STEP].title
    assert [e.value for e in at.error] == [impossible_text(GRID, SEGMENTS[s], answers) for s in ("senior", "junior")]
    assert at.warning[0].value == impossible_notice(Q, ("senior", "junior"))
    assert impossible_text(GRID, SEGMENTS["senior"], answers).startswith(
        "**Senior to you:** “Would do you a favour: 1” is more than “People you know: None”.")


def test_grid_step__rows_corrected__moves_on_without_a_note():
    # the same person, seniors now "1–5" known and juniors "10 or more" lowered to "1": possible, so Next advances
    answers = {**personas.IMPOSSIBLE.answers(Q), str(AnswerKey("grid", "senior", "known")): "1_5",
               str(AnswerKey("grid", "junior", "favour")): "one"}
    at = on_the_grid_step(answers)
    assert at.header[0].value == Q.steps[GRID_STEP + 1].title
    assert not at.error and not at.warning
