"""The network map's copy in the browser tab (ui/tab_copy.py), as the server meets it: the tab's answer
is a value a client sends, so only an answer to this session's own question, read within the map
file's limits, can fill the map, and only an empty one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assessment.exchange import MAX_IMPORT_BYTES
from assessment.network.map_file import export_map
from tests.app.sessions import session_of
from tests.network_samples import row
from ui.network_view import VIEW
from ui.tab_copy import KEY
from ui.text import t

APP = str(Path(__file__).resolve().parents[2] / "app.py")
COPY = export_map([row("Ana"), row("Bo")], [["Ana", "Bo"]], stamped=False)


def network_page_answered(answer, rows=()) -> tuple[AppTest, list[str]]:
    """A session's first visit to the network page, the tab's ``answer`` already in its state
    (``answer`` may name the session's question with "{ask}"); returns the page and its people."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    session = session_of(at)
    session.roster_rows = list(rows)
    if isinstance(answer, dict) and answer.get("ask") == "{ask}":
        answer = {**answer, "ask": session.tab_copy_ask}
    at.session_state[KEY] = {"kept": answer}
    at.session_state[VIEW] = t("network.entry.tab_people")
    at.switch_page("pages/network.py").run()
    assert not at.exception
    return at, [r.get("name") for r in session_of(at).roster_rows]


def test_tab_copy__this_sessions_answer__fills_an_empty_map():
    at, people = network_page_answered({"ask": "{ask}", "map": COPY})
    assert people == ["Ana", "Bo"]
    assert session_of(at).ties == [["Ana", "Bo"]]
    assert session_of(at).tab_copy_read


def test_tab_copy__never_over_a_map_already_there():
    _, people = network_page_answered({"ask": "{ask}", "map": COPY}, rows=[row("Cy")])
    assert people == ["Cy"]


@pytest.mark.parametrize("answer", [
    {"ask": "another session's question", "map": COPY},
    {"map": COPY},
    COPY,
    ["Ana"],
    {"ask": "{ask}", "map": 12},
    {"ask": "{ask}", "map": "not json {"},
    {"ask": "{ask}", "map": json.dumps({"format": "something else", "rows": []})},
    {"ask": "{ask}", "map": " " * (MAX_IMPORT_BYTES + 1)},
    {"ask": "{ask}", "map": export_map([row(f"P{n}") for n in range(3000)], [], stamped=False)},
], ids=["other-session", "no-question", "bare-text", "a-list", "not-text", "not-json", "other-format", "too-big",
        "3000-people"])
def test_tab_copy__an_answer_that_is_not_this_sessions_or_not_a_map__leaves_the_map_empty(answer):
    at, people = network_page_answered(answer)
    assert people == []
    assert t("network.entry.start") in [c.value for c in at.caption]


def test_tab_copy__the_map_file_text__unstamped_the_same_for_the_same_map():
    assert COPY == export_map([row("Ana"), row("Bo")], [["Ana", "Bo"]], stamped=False)
    assert "saved_at" not in json.loads(COPY)
