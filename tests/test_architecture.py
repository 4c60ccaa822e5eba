"""The import contracts of the whole code base, checked on every module by reading its imports
(function-level imports included, so a late ``import streamlit`` cannot slip through):

- ``assessment`` is the domain: no module in it imports streamlit, ``ui`` or ``pages``;
- the domain rooms (everything in ``assessment`` but ``assessment/storage``) never import
  ``assessment.storage``: storage reads rows into domain records, not the other way round;
- ``ui`` never imports ``pages``; nothing imports ``bench`` or ``tests`` outside them.

Each contract is a list of (importer, imported) pairs that must stay empty.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("assessment", "ui", "pages")


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports, absolute, relative ones resolved against its package."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)  # `from pkg import module`
    return found


def python_files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (REPO / folder).rglob("*.py"))


def violations(importers: list[Path], forbidden: tuple[str, ...]) -> list[tuple[str, str]]:
    return sorted(
        (module_name(path), imported)
        for path in importers
        for imported in imports_of(path)
        if any(imported == f or imported.startswith(f + ".") for f in forbidden)
    )


def test_contract__domain__never_imports_streamlit_ui_or_pages():
    assert violations(python_files("assessment"), ("streamlit", "ui", "pages")) == []


def test_contract__domain_rooms__never_import_storage():
    rooms = [p for p in python_files("assessment") if "storage" not in p.relative_to(REPO / "assessment").parts]
    assert violations(rooms, ("assessment.storage",)) == []


def test_contract__ui__never_imports_pages():
    assert violations(python_files("ui"), ("pages",)) == []


def test_contract__app_code__never_imports_tests_or_bench():
    assert violations(python_files("assessment", "ui", "pages", "scripts"), ("tests", "bench")) == []


@pytest.mark.parametrize("line, flagged", [
    ("import streamlit as st", True),
    ("from streamlit.runtime import exists", True),
    ("from ui import state", True),
    ("import json", False),
])
def test_contract_check__a_deliberate_bad_import__is_flagged(tmp_path, monkeypatch, line, flagged):
    # The check itself can fail: a domain module with a bad import is reported.
    fake = tmp_path / "assessment" / "bad.py"
    fake.parent.mkdir()
    fake.write_text(f"def late():\n    {line}\n")
    monkeypatch.setattr(sys.modules[__name__], "REPO", tmp_path)
    assert bool(violations([fake], ("streamlit", "ui", "pages"))) is flagged


def test_assessment__no_module_named_with_a_room_prefix():
    # A prefix shared by several modules wants to be a folder (STYLE.md).
    prefixed = [p.name for p in (REPO / "assessment").glob("*.py")
                if p.stem.split("_")[0] in ("content", "network", "room", "storage", "workshop")]
    assert prefixed == []
