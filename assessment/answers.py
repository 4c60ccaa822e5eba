"""Checking a set of answers against the questionnaire before it is scored.

Answers come from the questionnaire's widgets, a saved draft or an imported file, so anything may
arrive: every input ends in ``None`` (the answers fit) or an ``AnswerError`` whose message says
what is wrong and what to do, never an AttributeError from deep inside.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assessment.questionnaire import Questionnaire

LISTED = 10  # entries named in one message; the rest are counted ("and 9,990 more")
SHOWN = 40  # characters of a key or value quoted in a message


class AnswerError(ValueError):  # its message is for developers: no page shows it (imports say why by code)
    """Answers are not a mapping, are incomplete, or hold an option the item does not offer.

    ``invalid`` lists every rejected answer (unknown questions first named in ``unknown``).
    """

    def __init__(self, missing: tuple[str, ...] = (), invalid: tuple[str, ...] = (), unknown: tuple[str, ...] = (),
                 not_a_mapping: str | None = None):
        self.missing = missing
        self.invalid = invalid
        self.unknown = unknown
        parts = []
        if not_a_mapping is not None:
            parts.append(f"answers: expected a mapping of question ids to option ids, got {not_a_mapping}. "  # not-text
                         "Give each answer as question id: option id.")
        if missing:
            parts.append(f"answers: {len(missing)} unanswered: {_listed(missing, ', ')}. Answer them and score again.")  # not-text
        offered = tuple(i for i in invalid if not i.endswith(NOT_A_QUESTION))
        if offered:
            parts.append(f"answers: not accepted: {_listed(offered, '; ')}. Pick one of the listed options.")  # not-text
        if unknown:
            parts.append(f"answers: not questions of this questionnaire: {_listed(unknown, ', ')}. "  # not-text
                         "Leave them out: answer only the questions it asks.")
        super().__init__(" ".join(parts))


NOT_A_QUESTION = " is not a question of this questionnaire"  # not-text


def check_answers(questionnaire: Questionnaire, answers: Any) -> None:
    """Raise AnswerError naming every missing key and every answer outside its item's options."""
    if not isinstance(answers, Mapping):
        raise AnswerError(not_a_mapping=type(answers).__name__)
    missing = [k for k in questionnaire.answer_keys() if k not in answers or _blank(answers[k])]
    invalid, unknown = [], []
    for key, value in answers.items():
        allowed = questionnaire.choices(key) if isinstance(key, str) else None
        if allowed is None:
            unknown.append(_quoted(key))
            invalid.append(_quoted(key) + NOT_A_QUESTION)
        elif not _blank(value) and not (isinstance(value, str) and value in allowed):
            invalid.append(f"{_quoted(key)} has {_quoted(value)}, not one of: {', '.join(allowed)}")  # not-text
    if missing or invalid:
        raise AnswerError(missing=tuple(missing), invalid=tuple(invalid), unknown=tuple(unknown))


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value == "")


def _quoted(value: Any) -> str:
    """A key or value for a message: text in single quotes, anything else as its repr, cut short."""
    text = f"'{value}'" if isinstance(value, str) else repr(value)
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def _listed(entries: tuple[str, ...], separator: str) -> str:
    shown = separator.join(entries[:LISTED])
    return shown if len(entries) <= LISTED else f"{shown}, and {len(entries) - LISTED:,} more"  # not-text

