"""The answer checker on inputs no widget sends: every one ends in an AnswerError that says what
to do, never an AttributeError or TypeError from deep inside (on main: ``key.partition`` on an int,
``in`` on None, ``.items`` on a list or a string)."""

import pytest

from assessment import load_questionnaire
from assessment.answers import AnswerError, check_answers
from assessment.scoring import score_answers
from assessment.questionnaire import complete_answers as complete_answers_of

Q = load_questionnaire("en")


def complete_answers() -> dict[str, str]:
    return complete_answers_of(Q, lambda _key, choices: choices[0])


def error_of(answers) -> AnswerError:
    with pytest.raises(AnswerError) as error:
        score_answers(Q, answers)
    return error.value


@pytest.mark.parametrize("answers, kind", [(None, "NoneType"), (["a", "b"], "list"), ("reach_size", "str"),
                                           (42, "int")])
def test_score_answers__not_a_mapping__says_what_answers_are(answers, kind):
    assert str(error_of(answers)) == (
        f"answers: expected a mapping of question ids to option ids, got {kind}. "
        "Give each answer as question id: option id.")


def test_score_answers__non_string_key__named_as_not_a_question_with_a_hint_that_fits():
    error = error_of({**complete_answers(), 3: "x", ("a", "b"): "y"})
    assert error.unknown == ("3", "('a', 'b')")
    assert str(error) == ("answers: not questions of this questionnaire: 3, ('a', 'b'). "
                          "Leave them out: answer only the questions it asks.")


def test_check_answers__unknown_key_and_unoffered_option__each_with_its_own_hint():
    with pytest.raises(AnswerError) as error:
        check_answers(Q, {**complete_answers(), "zz": "yes", "reach_size": "a million"})
    assert str(error.value) == (
        "answers: not accepted: 'reach_size' has 'a million', not one of: under_25, 25_100, 100_300, 300_1000, over_1000. "
        "Pick one of the listed options. "
        "answers: not questions of this questionnaire: 'zz'. Leave them out: answer only the questions it asks.")


def test_check_answers__value_that_is_not_text__rejected_not_raised():
    with pytest.raises(AnswerError) as error:
        check_answers(Q, {**complete_answers(), "reach_size": ["under_25"]})
    assert error.value.invalid == ("'reach_size' has ['under_25'], not one of: under_25, 25_100, 100_300, 300_1000, over_1000",)


def test_check_answers__ten_thousand_unknown_keys__names_ten_and_counts_the_rest():
    with pytest.raises(AnswerError) as error:
        check_answers(Q, {**complete_answers(), **{f"k{i}": "x" for i in range(10_000)}})
    assert str(error.value).endswith("'k8', 'k9', and 9,990 more. Leave them out: answer only the questions it asks.")


def test_check_answers__long_key__cut_short_in_the_message():
    with pytest.raises(AnswerError) as error:
        check_answers(Q, {**complete_answers(), "x" * 5_000: "y"})
    assert error.value.unknown == ("'" + "x" * 38 + "…",)
