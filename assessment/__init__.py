"""Wide & Deep: the assessment, free of any user interface.

The public API; everything else is importable from its module but may change.
"""

from assessment.errors import ContentError, Issue
from assessment.answers import AnswerError
from assessment.content.load import check_content, list_languages, load_questionnaire
from assessment.scoring import Result, score_answers

__all__ = [
    "AnswerError", "ContentError", "Issue", "Result", "check_content", "list_languages", "load_questionnaire",
    "score_answers",
]
