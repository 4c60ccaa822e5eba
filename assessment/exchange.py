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
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from assessment.answers import AnswerError, check_answers
from assessment.network.blend import N_FULL, blend_roster
from assessment.network.content import NetworkContent
from assessment.network.measures import measure_network
from assessment.network.roster import RosterError, roster_from_rows, size_problems
from assessment.questionnaire import Questionnaire
from assessment.scoring import Result, ResultShapeError, score_answers

FORMAT = "wide-and-deep/result"
FORMAT_VERSION = 1
MAX_IMPORT_BYTES = 200_000  # a full file with a 25-person roster is ~15 kB; anything far larger is not ours
MAX_NAME = 60


class ImportRefused(ValueError):
    """An imported file that cannot be used: ``code`` names the reason (``REFUSALS``), ``params``
    hold the numbers a sentence about it needs. No words: the UI writes them."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code, self.params = code, params
        super().__init__(f"import: {code}" + (f" {params}" if params else ""))


# Why an import is refused, each with the parameters its sentence takes.
REFUSALS = {
    "too_large": ("size_kb", "most_kb"), "unreadable": (), "not_ours": (), "format_version": ("version", "reads"),
    "answers_shape": (), "other_questionnaire": ("found",), "answers_do_not_fit": ("missing", "invalid"),
    "roster_lists": (), "roster_people": (), "roster_pairs": (), "roster_too_large": ("people", "pairs", "most"),
}


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


def import_json(data: bytes | str, questionnaire: Questionnaire, network: NetworkContent) -> Imported:
    """Read a file made by ``export_json``; raises ImportRefused with a message for the person.

    Every limit is checked before the work that grows with it: the size before decoding, the
    nesting depth before parsing (``json`` recurses once per bracket: 100,000 of them raised
    RecursionError), the length of each number while parsing (a 5,000-digit one raised
    ValueError), the roster's size before any roster work (``network`` gives the limits).
    """
    document = read_document(data, FORMAT, FORMAT_VERSION)
    answers = document.get("answers")
    if not isinstance(answers, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in answers.items()):
        raise ImportRefused("answers_shape")
    saved = document.get("result")
    questionnaire_id = saved.get("questionnaire", {}).get("id") if isinstance(saved, dict) and isinstance(saved.get("questionnaire"), dict) else None
    if questionnaire_id != questionnaire.id:
        raise ImportRefused("other_questionnaire", found=_shown(questionnaire_id))
    answers = questionnaire.carry_over(answers)  # a file saved before an item was split still fits
    try:
        check_answers(questionnaire, answers)
    except AnswerError as error:
        raise ImportRefused("answers_do_not_fit", missing=len(error.missing), invalid=len(error.invalid)) from None
    name = document.get("display_name")
    name = name.strip()[:MAX_NAME] or None if isinstance(name, str) else None
    roster = document.get("roster") if isinstance(document.get("roster"), dict) else None
    if roster is not None:
        check_roster(roster, network)
    result = _blended_as_saved(score_answers(questionnaire, answers), saved, roster, questionnaire, network)
    return Imported(answers=dict(answers), result=result, display_name=name, roster=roster)


def read_document(data: bytes | str, file_format: str, version: int) -> dict[str, Any]:
    """The JSON object of a file this app wrote in ``file_format``, read within every limit;
    raises ImportRefused (``too_large``, ``unreadable``, ``not_ours``, ``format_version``)."""
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if len(raw) > MAX_IMPORT_BYTES:
        raise ImportRefused("too_large", size_kb=math.ceil(len(raw) / 1000), most_kb=MAX_IMPORT_BYTES // 1000)
    try:
        text = raw.decode("utf-8-sig")  # a BOM, as some editors save one, is not part of the file
        if nesting_depth(text) > MAX_DEPTH:
            raise _Unreadable
        document = json.loads(text, parse_int=_small_int, parse_float=_small_float)
    except (UnicodeDecodeError, json.JSONDecodeError, _Unreadable):
        raise ImportRefused("unreadable") from None
    if not isinstance(document, dict) or document.get("format") != file_format:
        raise ImportRefused("not_ours")
    if document.get("format_version") != version:
        raise ImportRefused("format_version", version=_shown(document.get("format_version")), reads=version)
    return document


MAX_DEPTH = 32  # an exported file nests 5 deep; Python's json recurses once per level
MAX_NUMBER = 40  # characters of one number: a score is at most ~20 ("66.66666666666667", "1e-05")
_STRING_TAIL = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)  # the rest of a JSON string, after its opening quote
_TOKEN = re.compile(r'["\[\]{}]')


class _Unreadable(Exception):
    """Raised from inside ``json.loads``: the text is not one this app would have written."""


def nesting_depth(text: str) -> int:
    """How deep brackets nest in JSON ``text`` (brackets inside strings do not count), in one
    linear pass. It stops at an unterminated string: ``json`` stops there too."""
    depth = deepest = 0
    position = 0
    while (token := _TOKEN.search(text, position)) is not None:
        mark = token.group()
        if mark == '"':
            tail = _STRING_TAIL.match(text, token.end())
            if tail is None:
                break
            position = tail.end()
            continue
        depth += 1 if mark in "[{" else -1
        deepest = max(deepest, depth)
        position = token.end()
    return deepest


def _small_int(digits: str) -> int:
    if len(digits) > MAX_NUMBER:
        raise _Unreadable
    return int(digits)


def _small_float(digits: str) -> float:
    if len(digits) > MAX_NUMBER:
        raise _Unreadable
    return float(digits)


def _shown(value: Any) -> str:
    """A value from the file, quoted and cut short for a message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def check_roster(roster: Mapping[str, Any], network: NetworkContent) -> None:
    """The network map's shape and size, before the network page does any work with it."""
    rows, ties = roster.get("rows"), roster.get("ties") or []
    if not isinstance(rows, list) or not isinstance(ties, list):
        raise ImportRefused("roster_lists")
    too_many = size_problems(rows, ties, network)
    if too_many:
        raise ImportRefused("roster_too_large", people=len(rows), pairs=len(ties), most=network.max_contacts)
    if not all(isinstance(r, dict) and all(v is None or isinstance(v, str) for v in r.values()) for r in rows):
        raise ImportRefused("roster_people")
    if not all(isinstance(t, list) and len(t) == 2 and all(isinstance(n, str) for n in t) for t in ties):
        raise ImportRefused("roster_pairs")


def _blended_as_saved(result: Result, saved: dict[str, Any], roster: dict[str, Any] | None,
                      questionnaire: Questionnaire, network: NetworkContent) -> Result:
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


def _measured_map(roster: dict[str, Any] | None, network: NetworkContent):
    """The file's own map measured again (its axes), or None when there is none or it does not read."""
    if not roster or not isinstance(roster.get("rows"), list):
        return None
    ties = roster.get("ties") if isinstance(roster.get("ties"), list) else []
    try:
        return measure_network(roster_from_rows(roster["rows"], ties, network), network).axes
    except (RosterError, TypeError, ValueError, KeyError, AttributeError):
        return None


def _score(value: float) -> float:
    return min(max(float(value), 0.0), 100.0)
