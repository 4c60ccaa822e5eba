"""Property tests of the content loaders (issue 9 §9): whatever a content file holds, loading
ends in a model or in a ContentError whose issues have the documented shape
``<file>:<line>: <field.path>: <what is wrong>. <how to fix it>.``, within bounded time.

Hypothesis' ``deadline`` fails an example that takes longer than it; the examples are few
enough (about 250 in all) to keep this file to a few seconds.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assessment import check_content, load_questionnaire
from assessment.content.load import CONTENT_DIR, load_network_content
from assessment.content.source import LINE_BREAK, Source, read_text
from assessment.errors import ContentError, Issue
from assessment.network.content import NetworkContent
from assessment.questionnaire import Questionnaire

FILES = ("questionnaire.yaml", "en/questionnaire.yaml", "network.yaml", "en/network.yaml")
SHAPE = re.compile(r"(?P<file>[^\n]+?)(:(?P<line>[1-9][0-9]*))?: (?P<path>[^\n]+?): [^\n]+\. [^\n]+\.", re.DOTALL)
# Characters that mean something to YAML, and a few that do not.
YAMLISH = st.text(alphabet=" \n\t:-[]{},&*!|>?%@#'\"\\.0123456789abcyesnotrue_~<=\x00\x85\ufeffé", max_size=300)
SETTINGS = settings(max_examples=60, deadline=1000, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def assert_shape(issue: Issue, file: str, lines: int) -> None:
    """One issue in the documented shape, naming ``file`` and a line inside it."""
    assert isinstance(issue, Issue)
    assert SHAPE.fullmatch(str(issue)), str(issue)
    assert issue.file.endswith(file) and issue.severity in ("error", "warning")
    assert issue.line is None or 1 <= issue.line <= lines + 1, (issue, lines)


def lines_of(text: str) -> int:
    """How many line breaks YAML sees (it counts \\x85 and \\u2028 as well as \\n)."""
    return len(LINE_BREAK.findall(text))


def plain(value) -> bool:
    """Only mappings, tuples and scalars: nothing a tag could have built."""
    if isinstance(value, dict):
        return all(plain(k) and plain(v) for k, v in value.items())
    if isinstance(value, tuple):
        return all(plain(v) for v in value)
    return value is None or type(value).__module__ in ("builtins", "datetime")


@SETTINGS
@given(raw=st.binary(max_size=400) | YAMLISH.map(lambda t: t.encode("utf-8")))
def test_read_text__any_bytes__plain_data_or_issues_in_the_shape(raw):
    source, issues = read_text(raw, "content/x.yaml")
    for issue in issues:
        assert_shape(issue, "content/x.yaml", lines_of(raw.decode("utf-8", errors="replace")))
    if source is None:
        assert issues and all(i.severity == "error" for i in issues)
    else:
        assert isinstance(source, Source) and isinstance(source.data, dict) and plain(source.data)
        assert all(1 <= line <= lines_of(raw.decode("utf-8")) + 1 for line in source.lines.values())


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        copy = Path(name) / "content"
        shutil.copytree(CONTENT_DIR, copy)
        yield copy


def load_all(folder: Path, file: str) -> object:
    """The model, or the ContentError, of the loader that reads ``file``."""
    try:
        if "network" in file:
            return load_network_content("en", folder)
        issues = check_content("en", folder)
        if any(i.severity == "error" for i in issues):
            raise ContentError(issues)
        return load_questionnaire("en", folder)
    except ContentError as error:
        return error


def check_outcome(outcome: object, changed: str, lines: int) -> None:
    """``changed`` (now ``lines`` long) is the one file edited; problems may be in the others too."""
    if isinstance(outcome, ContentError):
        assert outcome.issues
        for issue in outcome.issues:
            file = next(f for f in FILES if issue.file.endswith(f"content/{f}"))
            length = lines if file == changed else lines_of((CONTENT_DIR / file).read_text(encoding="utf-8"))
            assert_shape(issue, file, length)
    else:
        assert isinstance(outcome, (Questionnaire, NetworkContent))


@SETTINGS
@given(file=st.sampled_from(FILES), text=YAMLISH)
@example(file="questionnaire.yaml", text=".:")  # found by Hypothesis: a key "." once made the field path empty
@example(file="en/network.yaml", text=" : 1")  # an empty key
def test_loaders__any_yamlish_file__a_model_or_issues_in_the_shape(folder, file, text):
    original = (CONTENT_DIR / file).read_bytes()
    try:
        (folder / file).write_text(text, encoding="utf-8")
        check_outcome(load_all(folder, file), file, lines_of(text))
    finally:
        (folder / file).write_bytes(original)


@settings(max_examples=120, deadline=1000, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(file=st.sampled_from(FILES), data=st.data())
def test_loaders__one_line_of_a_real_file_replaced__a_model_or_issues_in_the_shape(folder, file, data):
    # The rest of the file stays valid, so the schema and the rules see nearly real content.
    original = (CONTENT_DIR / file).read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    number = data.draw(st.integers(0, len(lines) - 1), label="line")
    indent = re.match(r" *", lines[number]).group()
    lines[number] = indent + data.draw(YAMLISH, label="text") + "\n"
    text = "".join(lines)
    try:
        (folder / file).write_text(text, encoding="utf-8")
        check_outcome(load_all(folder, file), file, lines_of(text))
    finally:
        (folder / file).write_text(original, encoding="utf-8")
