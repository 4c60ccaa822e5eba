"""What one person can send, driven through app.py by AppTest: forged query parameters, a table
editor's state as a browser (or a script) sends it over the websocket, and an uploaded file.
Each ends in a clear message within one short rerun; on main each raised or ran away."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetStates
from streamlit.testing.v1 import AppTest

from tests.network_samples import row
from tests.app.sessions import session_of
from ui.network_view import ADD_LINE, VIEW
from ui.result_view import md_escape
from ui.text import t

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def page(path: str, timeout: float = 30, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.run()  # through app.py first: importing ui (above) leaves Streamlit's pages-folder mode
    for name, value in params.items():
        at.query_params[name] = value
    return at.switch_page(path).run()


FORGED_IDS = {"superscript two": "²", "20 digits": "9" * 20, "5000 digits": "9" * 5_000, "arabic digits": "٣"}


@pytest.mark.parametrize("w", FORGED_IDS.values(), ids=FORGED_IDS.keys())
def test_workshop_page__forged_workshop_id__says_the_link_is_not_valid(w):
    # on main: ValueError ('²', 5,000 digits) and OverflowError (20 digits, past SQLite's INTEGER)
    at = page("pages/workshop.py", w=w, k="x" * 22)
    assert not at.exception
    assert [e.value for e in at.error] == [t("workshop.facilitator_link")]


@pytest.mark.parametrize("w", FORGED_IDS.values(), ids=FORGED_IDS.keys())
def test_projector_page__forged_workshop_id__says_the_link_is_not_valid(w):
    at = page("pages/projector.py", w=w, k="x" * 22)
    assert not at.exception
    assert [e.value for e in at.error] == [t("workshop.projector_link")]


def test_questionnaire_page__resume_token_longer_than_any_link_makes__ignored():
    # on main the 100,000 characters went to the draft lookup ("We couldn't find saved progress")
    at = page("pages/questionnaire.py", resume="t" * 100_000)
    assert not at.exception and not at.info
    assert session_of(at).draft_token is None


def test_results_page__overlong_share_token__is_not_found():
    at = page("pages/results.py", r="A" * 100_000)
    assert at.title[0].value == "Results not found"


def network_page(rows, view: str = "people") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    session_of(at).roster_rows = rows
    at.session_state[VIEW] = t(f"network.entry.tab_{view}")
    return at.switch_page("pages/network.py").run()


def send_line(at: AppTest, line: str, timeout: float) -> AppTest:
    """Quick add with ``line`` as a client can send it: the text box's length limit is the browser's
    (AppTest keeps to it, so the value is set in the session as a client's message would)."""
    at.session_state[ADD_LINE] = line
    at.button[0].click()
    return at.run(timeout=timeout)


def shown(code: str, **params) -> str:
    """A roster problem as the page shows it: its sentence, escaped for markdown."""
    return md_escape(t(f"network.problem.{code}", **params))


def test_network_page__quick_add_line_of_100000_characters__cut_to_the_box_and_adds_nobody():
    # Streamlit cuts a text box's value to its max_chars as it arrives (25 x (40 + 2) = 1,050), so
    # at most ~260 short names are split; they do not fit the map and nobody is added
    # (roster.names_from_line refuses a longer line by its length before splitting: tests/test_roster.py)
    at = send_line(network_page([row("A"), row("B")]), ", ".join(f"P{i}" for i in range(20_000))[:100_000], timeout=10)
    assert not at.exception
    assert [e.value for e in at.error] == [shown("map_full", most=25)]
    assert [r["name"] for r in session_of(at).roster_rows] == ["A", "B"]


def test_network_page__quick_add_line_of_30_names__adds_nobody_the_map_would_be_full():
    # 2 people + 30 = 32 > 25
    at = send_line(network_page([row("A"), row("B")]), ",".join(f"P{i}" for i in range(30)), timeout=30)
    assert not at.exception
    assert [e.value for e in at.error] == [shown("map_full", most=25)]
    assert [r["name"] for r in session_of(at).roster_rows] == ["A", "B"]


def test_network_page__more_people_in_session_than_the_limit__no_card_no_chips_no_pairs():
    # 3,000 names would make 3,000 chips per card and 4.5 million pairs; past 25 none are built
    for view in ("people", "map"):
        at = network_page([row(f"P{i}") for i in range(30)], view=view)
        assert not at.exception
        assert not at.button_group
        assert t("network.problem.too_many", count=30, most=25, remove=5) in at.code[0].value


def test_results_page__upload_of_half_a_megabyte__refused_with_its_true_size():
    # on main the file was cut to 200,001 bytes first: "the file is 200 kB, more than the 200 kB"
    at = page("pages/results.py")
    at.session_state["results.import.open"] = True  # "Restore results from a file", opened: its uploader is built
    at.run()
    at.file_uploader(key="results.import").set_value(("big.json", b" " * 500_000, "application/json")).run()
    assert [e.value for e in at.error] == [t("results.import.refused.too_large", size_kb=500, most_kb=200)]


def test_join_page__code_longer_than_any_link_makes__ignored_and_the_form_shown():
    # opened by a page change too (st.navigation sets the query parameters again): on main the
    # 100,000 characters were copied into the form and quoted back ("this has 100000")
    at = page("pages/join.py", code="c" * 100_000)
    assert not at.exception and not at.error
    assert at.text_input(key="join.code").value == ""
