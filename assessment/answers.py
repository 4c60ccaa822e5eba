"""Checking a set of answers against the questionnaire before it is scored."""

from __future__ import annotations

from collections.abc import Mapping

from assessment.questionnaire import Questionnaire


class AnswerError(ValueError):
    """Answers are incomplete, or hold an option the item does not offer."""

    def __init__(self, missing: tuple[str, ...] = (), invalid: tuple[str, ...] = ()):
        self.missing = missing
        self.invalid = invalid
        parts = []
        if missing:
            parts.append(f"answers: {len(missing)} unanswered: {', '.join(missing)}. Answer them and score again.")
        if invalid:
            parts.append(f"answers: not accepted: {'; '.join(invalid)}. Pick one of the listed options.")
        super().__init__(" ".join(parts))


def check_answers(questionnaire: Questionnaire, answers: Mapping[str, str]) -> None:
    """Raise AnswerError naming every missing key and every answer outside its item's options."""
    missing = [k for k in questionnaire.answer_keys() if k not in answers or answers[k] in (None, "")]
    invalid = []
    for key, value in answers.items():
        allowed = questionnaire.choices(key)
        if allowed is None:
            invalid.append(f"'{key}' is not a question of this questionnaire")
        elif value not in (None, "") and value not in allowed:
            invalid.append(f"'{key}' has '{value}', not one of: {', '.join(allowed)}")
    if missing or invalid:
        raise AnswerError(missing=tuple(missing), invalid=tuple(invalid))

