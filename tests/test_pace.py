"""How far a person is and how long is left: counted in answers, not steps."""

from assessment.content.load import load_questionnaire
from assessment.pace import SECONDS_PER_ANSWER, Pace, minutes_for, pace
from assessment.questionnaire import complete_answers


def test_minutes_for__answers__rounded_up_at_twelve_seconds_each():
    # 12 s each: 0 -> 0 min; 1 -> 0.2 -> 1; 5 -> 1.0 -> 1; 6 -> 1.2 -> 2; 47 -> 9.4 -> 10
    assert SECONDS_PER_ANSWER == 12
    assert [minutes_for(n) for n in (0, 1, 5, 6, 47)] == [0, 1, 1, 2, 10]


def test_pace__nothing_answered__zero_share_and_the_whole_time_left():
    q = load_questionnaire("en")
    # 47 answers in all (tests/test_loading.py), 47 x 12 s = 9.4 -> 10 minutes
    assert pace(q, {}) == Pace(0, 47, 10)
    assert pace(q, {}).share == 0.0


def test_pace__first_step_answered__counts_its_answers_not_the_step():
    q = load_questionnaire("en")
    first = {k: v for k, v in complete_answers(q).items() if k in q.steps[0].items}
    # step 1 holds 5 questions: 5 of 47, 42 x 12 s = 8.4 -> 9 minutes; share 5/47
    assert pace(q, first) == Pace(5, 47, 9)
    assert round(pace(q, first).share, 3) == 0.106


def test_pace__everything_answered__full_share_and_no_time_left():
    q = load_questionnaire("en")
    assert pace(q, complete_answers(q)) == Pace(47, 47, 0)
