"""Property tests (Hypothesis): whatever arrives, each entry point ends in its result or its
documented error, within bounded time.

- ``import_json``: any bytes, and any JSON document -> an ``Imported`` or ``ImportRefused``;
- ``check_answers`` / ``score_answers``: any object -> None / a Result, or ``AnswerError``;
- ``roster_from_rows``: any rows and pairs -> a ``Roster`` or ``RosterError``.

Examples are kept few (``max_examples``) and each has a deadline, so the file adds a few seconds
to the suite; the exact time is in the note of the branch that added it.
"""

from __future__ import annotations

import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment import load_questionnaire
from assessment.answers import AnswerError, check_answers
from assessment.exchange import REFUSALS, Imported, ImportRefused, export_json, import_json
from assessment.content.load import load_network_content
from assessment.network.roster import Roster, RosterError, roster_from_rows
from assessment.scoring import Result, score_answers
from assessment.questionnaire import complete_answers

Q = load_questionnaire("en")
NETWORK = load_network_content()
BOUNDED = settings(max_examples=60, deadline=500, suppress_health_check=[HealthCheck.too_slow])

# JSON values of any shape: scalars, then lists and mappings of them, a few levels deep.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=30,
)
# Python objects that no JSON file holds, for the functions called from code.
any_objects = json_values | st.tuples(st.integers(), st.text()) | st.sets(st.integers(), max_size=3) | st.builds(object)


def one_answer_each() -> dict[str, str]:
    return complete_answers(Q, lambda _key, choices: choices[0])


ANSWERS = one_answer_each()
EXPORTED = json.loads(export_json(ANSWERS, score_answers(Q, ANSWERS).to_dict(), display_name="Sam"))


def imports_or_refuses(data: bytes | str) -> None:
    try:
        assert isinstance(import_json(data, Q, NETWORK), Imported)
    except ImportRefused as refused:
        assert refused.code in REFUSALS and set(refused.params) == set(REFUSALS[refused.code])


@BOUNDED
@given(st.binary(max_size=2_000))
def test_import_json__any_bytes__imported_or_refused(data):
    imports_or_refuses(data)


@BOUNDED
@given(st.text(alphabet="[]{}\",:0123456789.eE-+ \\ntrufalsn", max_size=3_000))
def test_import_json__any_json_like_text__imported_or_refused(text):
    imports_or_refuses(text)


@BOUNDED
@given(st.sampled_from(sorted(EXPORTED)), json_values)
def test_import_json__own_file_with_one_part_replaced__imported_or_refused(part, value):
    imports_or_refuses(json.dumps({**EXPORTED, part: value}))


@BOUNDED
@given(json_values)
def test_import_json__own_file_with_any_roster__imported_or_refused(roster):
    imports_or_refuses(json.dumps({**EXPORTED, "roster": roster}))


@BOUNDED
@given(st.integers(min_value=0, max_value=6_000), st.sampled_from("[{"))
def test_import_json__any_nesting_depth__imported_or_refused(depth, bracket):
    imports_or_refuses(bracket * depth)


@BOUNDED
@given(any_objects)
def test_check_answers__any_object__passes_or_raises_answer_error(answers):
    try:
        check_answers(Q, answers)
    except AnswerError as error:
        assert str(error).startswith("answers: ")


@BOUNDED
@given(st.dictionaries(st.sampled_from(sorted(ANSWERS)) | st.text(max_size=12) | st.integers(), any_objects,
                       max_size=12))
def test_score_answers__complete_answers_with_any_changes__scores_or_raises_answer_error(changes):
    try:
        assert isinstance(score_answers(Q, {**ANSWERS, **changes}), Result)
    except AnswerError as error:
        assert str(error).startswith("answers: ")


field_values = st.sampled_from([None, "", " ", math.nan]) | st.sampled_from(
    sorted({i for f in NETWORK.fields for i in f.ids()})) | any_objects
rows = st.lists(
    st.dictionaries(st.sampled_from(["name", *(f.id for f in NETWORK.fields), "extra"]),
                    field_values | st.text(max_size=45), max_size=10) | any_objects,
    max_size=30)


@BOUNDED
@given(rows, st.lists(st.lists(st.text(max_size=5) | any_objects, max_size=3) | any_objects, max_size=10))
def test_roster_from_rows__any_rows_and_pairs__roster_or_roster_error(given_rows, ties):
    try:
        assert isinstance(roster_from_rows(given_rows, ties, NETWORK), Roster)
    except RosterError as error:
        assert error.problems and all(str(p).startswith("roster: ") for p in error.problems)
