"""The portable JSON file of one person's answers and scores: writing it, and reading it back safely.

A person who keeps nothing on the server downloads this file and imports it later; the import
re-scores the answers with the questionnaire, so a file cannot smuggle in scores of its own.

A result the network map fed (``result.roster``, a Blend) comes back blended the same way: from the
file's map itself when it has one (names and pairs, measured again with the network content), else
from the map's recorded Width, Depth and size; the map's weight is always worked out again from
its size (``blend.roster_weight``), never read from the file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from assessment.answers import AnswerError, check_answers
from assessment.network.blend import N_FULL, blend_roster
from assessment.network.content import NetworkContent
from assessment.network.measures import measure_network
from assessment.network.roster import RosterError, roster_from_rows
from assessment.questionnaire import Questionnaire
from assessment.scoring import Result, ResultShapeError, score_answers

FORMAT = "wide-and-deep/result"
FORMAT_VERSION = 1
MAX_IMPORT_BYTES = 200_000  # a full file with a 25-person roster is ~15 kB; anything far larger is not ours
MAX_NAME = 60


class ImportRefused(ValueError):
    """An imported file that cannot be used; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Imported:
    answers: dict[str, str]
    result: Result
    display_name: str | None
    roster: dict[str, Any] | None


def export_json(answers: Mapping[str, str], result: Mapping[str, Any], *, display_name: str | None = None,
                roster: Mapping[str, Any] | None = None, now: datetime | None = None) -> str:
    """The person's own file: answers, scores and (if they made one) their roster, with names."""
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": (now or datetime.now(timezone.utc)).isoformat(timespec="seconds"),
        "display_name": display_name,
        "answers": dict(answers),
        "result": dict(result),
    }
    if roster:
        document["roster"] = dict(roster)
    return json.dumps(document, ensure_ascii=False, indent=2)


@dataclass(frozen=True, slots=True)
class _MapScores:
    """A map's Width, Depth and size as a blend needs them (``blend_roster`` reads these three)."""

    width: float
    depth: float
    people: int


def import_json(data: bytes | str, questionnaire: Questionnaire, network: NetworkContent | None = None) -> Imported:
    """Read a file made by ``export_json``; raises ImportRefused with a message for the person.

    ``network``: the network content, to measure the file's map again (without it, a blended
    result is blended from the map's recorded scores)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_IMPORT_BYTES:
        raise ImportRefused(
            f"import: the file is {len(raw) // 1000} kB, more than the {MAX_IMPORT_BYTES // 1000} kB a results file can be. "
            "Choose the .json file you downloaded from your results page."
        )
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportRefused(f"import: the file is not valid JSON ({error}). Choose the .json file you downloaded from your results page.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused("import: this is not a Wide & Deep results file. Choose the .json file you downloaded from your results page.")
    if document.get("format_version") != FORMAT_VERSION:
        raise ImportRefused(
            f"import: format_version {document.get('format_version')!r} is not one this app reads (it reads {FORMAT_VERSION}). "
            "Export the file again from a current version of the app."
        )
    answers = document.get("answers")
    if not isinstance(answers, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in answers.items()):
        raise ImportRefused("import: answers must be a mapping of question ids to option ids. Export the file again from your results page.")
    saved = document.get("result")
    questionnaire_id = saved.get("questionnaire", {}).get("id") if isinstance(saved, dict) and isinstance(saved.get("questionnaire"), dict) else None
    if questionnaire_id != questionnaire.id:
        raise ImportRefused(
            f"import: the file belongs to questionnaire {questionnaire_id!r}, not {questionnaire.id!r}. Choose a Wide & Deep results file."
        )
    try:
        check_answers(questionnaire, answers)
    except AnswerError as error:
        raise ImportRefused(f"import: the answers do not fit this questionnaire — {error}") from None
    name = document.get("display_name")
    name = name.strip()[:MAX_NAME] or None if isinstance(name, str) else None
    roster = document.get("roster") if isinstance(document.get("roster"), dict) else None
    result = _blended_as_saved(score_answers(questionnaire, answers), saved, roster, questionnaire, network)
    return Imported(answers=dict(answers), result=result, display_name=name, roster=roster)


def _blended_as_saved(result: Result, saved: dict[str, Any], roster: dict[str, Any] | None,
                      questionnaire: Questionnaire, network: NetworkContent | None) -> Result:
    """``result`` blended with the file's map as the exported result was; as it is when it was not."""
    try:
        told = Result.from_dict(saved).blend
    except (ResultShapeError, KeyError, TypeError, ValueError):
        return result
    if told is None:
        return result
    measured = _measured_map(roster, network)
    if measured is not None:
        return blend_roster(result, measured, questionnaire)
    people = min(max(int(told.people), 0), N_FULL * 10)
    return blend_roster(result, _MapScores(_score(told.map_width), _score(told.map_depth), people), questionnaire)


def _measured_map(roster: dict[str, Any] | None, network: NetworkContent | None):
    """The file's own map measured again (its axes), or None when there is none or it does not read."""
    if network is None or not roster or not isinstance(roster.get("rows"), list):
        return None
    ties = roster.get("ties") if isinstance(roster.get("ties"), list) else []
    try:
        return measure_network(roster_from_rows(roster["rows"], ties, network), network).axes
    except (RosterError, TypeError, ValueError, KeyError, AttributeError):
        return None


def _score(value: float) -> float:
    return min(max(float(value), 0.0), 100.0)
