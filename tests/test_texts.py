"""Every word a person reads comes from the language files through ``t()``.

- the English interface texts load without a problem, every template can be filled in;
- every ``t("key", …)`` in ui/ and pages/ names a key that exists, with exactly its placeholders;
- no user-facing English literal is left in ui/, pages/ or assessment/: a string with words in it
  is allowed only as a docstring, a developer's exception message (``raise``), a log line, a
  widget key or other identifier, or on a line marked ``# not-text`` (font names, CSS).
  assessment/errors.py is the catalogue of content-author messages (shown only when content
  files are broken) and stays English.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from assessment.content.load import CONTENT_DIR
from assessment.text import load_catalogue, placeholders

REPO = Path(__file__).resolve().parents[1]
CATALOGUE, ISSUES = load_catalogue("en", CONTENT_DIR)
EXEMPT_FILES = {"assessment/errors.py"}
# Storage speaks SQL and writes developer messages (StorageError); the UI shows its own words.
# The content loaders speak to content authors (file:line messages, shown only when content is broken).
EXEMPT_FOLDERS = ("assessment/storage/", "assessment/content/")
# Files still holding English literals, each emptied as its texts move into content/en/ui/: none left.
PENDING: set[str] = set()
NON_TEXT_KWARGS = {
    "key", "type", "icon", "mime", "file_name", "language", "label_visibility", "width", "height", "anchor",
    "on_click", "vertical_alignment", "gap", "position", "url_path", "border", "format", "xanchor", "yanchor",
    "textposition", "mode", "orientation", "barmode", "hoverinfo", "layer", "symbol", "dash", "color",
    "fillcolor", "bgcolor", "align", "xref", "yref", "hovermode", "autocomplete", "initial_sidebar_state",
    "layout", "page_icon", "visibility", "encoding", "page_script_hash",
}
WORD = re.compile(r"[A-Za-z]{2,}")
IDENTIFIER = re.compile(r"[a-z0-9_.:\-/+#%=,\[\]*@$]*[a-z0-9_.:\-/+#%=,\[\]*@$A-Z]*")


def code_files() -> list[str]:
    files = [*(str(p.relative_to(REPO)) for d in ("ui", "pages", "assessment")
                         for p in sorted((REPO / d).rglob("*.py")))]
    return [f for f in files if f not in EXEMPT_FILES and not f.startswith(EXEMPT_FOLDERS)]


def t_calls(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t"
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            yield node.lineno, node.args[0].value, {k.arg for k in node.keywords if k.arg}, any(
                k.arg is None for k in node.keywords)


def english_literals(path: Path) -> list[tuple[int, str]]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body \
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            skip.add(id(body[0].value))
        if (isinstance(node, ast.Raise) and _developer_exception(node)) or (
                isinstance(node, ast.Call) and _is_log_call(node)):
            skip.update(id(n) for n in ast.walk(node))
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name) and node.func.id == "t" and node.args:
                skip.add(id(node.args[0]))
            for keyword in node.keywords:
                if keyword.arg in NON_TEXT_KWARGS:
                    skip.update(id(n) for n in ast.walk(keyword.value))
        if isinstance(node, ast.Assign) and any(getattr(target, "id", None) == "__all__" for target in node.targets):
            skip.update(id(n) for n in ast.walk(node.value))
        if isinstance(node, ast.Subscript):
            skip.update(id(n) for n in ast.walk(node.slice))
        if isinstance(node, ast.Compare):
            skip.update(id(n) for n in ast.walk(node))
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in skip:
            continue
        line = lines[node.lineno - 1] if node.lineno <= len(lines) else ""
        if "# not-text" in line or not _reads_as_words(node.value):
            continue
        found.append((node.lineno, node.value[:60]))
    return found


# Exceptions whose message is for a developer or a log, never shown to a person as it is.
DEVELOPER_EXCEPTIONS = {
    "ValueError", "TypeError", "KeyError", "RuntimeError", "AssertionError", "NotImplementedError", "LookupError",
    "AnswerError", "StorageError", "StorageUnavailable", "WorkshopCodeTaken", "WorkshopClosed", "MarkedYAMLError",
    "ResultShapeError",
}


def _developer_exception(node: ast.Raise) -> bool:
    exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
    name = exc.attr if isinstance(exc, ast.Attribute) else getattr(exc, "id", None)
    return node.exc is None or name in DEVELOPER_EXCEPTIONS


def _is_log_call(node: ast.Call) -> bool:
    func = node.func
    return isinstance(func, ast.Attribute) and func.attr in {"debug", "info", "warning", "error", "exception"} \
        and isinstance(func.value, ast.Name) and func.value.id.lower().lstrip("_") in {"log", "logger", "logging"}


def _reads_as_words(text: str) -> bool:
    """True for text a person would read: words, not an identifier, a key, markup or a format."""
    bare = re.sub(r"<[^>]*>|%\{[^}]*\}|\{[^}]*\}", " ", text).strip()
    if not WORD.search(bare):
        return False
    if " " not in bare and not re.match(r"[A-Z][a-z]{2,}", bare):
        return False  # an identifier, a key, a path, an icon name
    return True


def test_english_interface_texts__load_without_problems():
    assert [str(i) for i in ISSUES] == []


@pytest.mark.parametrize("file", [f for f in code_files() if f.startswith(("ui/", "pages/"))])
def test_t_calls__name_existing_keys__with_their_placeholders(file):
    problems = []
    for line, key, given, spread in t_calls(REPO / file):
        if not CATALOGUE.has(key):
            problems.append(f"{file}:{line}: unknown text key {key!r}")
            continue
        entry = CATALOGUE.entries[key]
        templates = (entry,) if isinstance(entry, str) else tuple(entry.values())
        expected = frozenset().union(*(placeholders(t) for t in templates)) | (set() if isinstance(entry, str) else {"n"})
        if not spread and set(given) != set(expected):
            problems.append(f"{file}:{line}: {key!r} takes {sorted(expected)}, given {sorted(given)}")
    assert problems == []


@pytest.mark.parametrize("file", code_files())
def test_code__holds_no_user_facing_english(file):
    found = english_literals(REPO / file)
    if file in PENDING:
        assert found, f"{file} is clean now: remove it from PENDING in tests/test_texts.py"
        return
    assert [f"{file}:{line}: {text!r}" for line, text in found] == []


def test_literal_check__flags_words_and_leaves_identifiers(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""Docstring words are fine."""\nimport streamlit as st\n'
                      'st.button("Start the assessment", key="home.start", type="primary")\n'
                      'st.metric("Width", 3)\nFONT = "Source Sans Pro, Arial"  # not-text\n'
                      'x = {"displayModeBar": False}\nraise ValueError("developer words here")\n')
    assert [text for _, text in english_literals(sample)] == ["Start the assessment", "Width"]
