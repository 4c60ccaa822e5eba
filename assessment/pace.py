"""How long the questionnaire takes: the count of answers and the minutes left, for progress and home.

The count is always the questionnaire's own (``Questionnaire.answer_keys``), so no page promises a
number the content does not hold. The time is an estimate: ``SECONDS_PER_ANSWER`` is our own
round figure (a short statement is read and answered in 10-15 s; a grid cell is quicker, a
question with five options slower), and minutes are rounded up so "about 1 minute" ends the run.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from assessment.questionnaire import Questionnaire

SECONDS_PER_ANSWER = 12


@dataclass(frozen=True, slots=True)
class Pace:
    """How far a person is: answers given, answers in all, and roughly how many minutes are left."""

    answered: int
    total: int
    minutes_left: int

    @property
    def share(self) -> float:
        """Answered / total, 0 to 1 (0 for an empty questionnaire)."""
        return self.answered / self.total if self.total else 0.0


def minutes_for(answers: int) -> int:
    """Minutes ``answers`` answers take, rounded up (0 for none)."""
    return math.ceil(answers * SECONDS_PER_ANSWER / 60)


def pace(q: Questionnaire, answers: Mapping[str, str]) -> Pace:
    total = len(q.answer_keys())
    answered = q.answered(answers)
    return Pace(answered, total, minutes_for(total - answered))
