"""The network map page, driven by AppTest: rows in session state become measures, charts and a plan."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.network_samples import DEEP, row
from ui import state

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "network.py")


def page_with(rows, ties=()) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.session_state[state.ROSTER] = rows
    at.session_state[state.TIES] = [list(t) for t in ties]
    return at.run()


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_network_page__no_people__asks_for_a_first_person():
    at = page_with([])
    assert not at.exception
    assert [i.value for i in at.info] == ["Add a first person to the table to see your map."]


def test_network_page__people__show_axes_two_charts_and_the_plan():
    at = page_with([row("Ana", **DEEP), row("Bo", last_contact="year"), row("Cy", segment="senior")],
                   ties=[("Ana", "Bo")])
    assert not at.exception
    assert [m.label for m in at.metric] == ["Width from your map", "Depth from your map"]
    assert len(at.get("plotly_chart")) == 2
    assert [s.value for s in at.subheader] == ["Depth at risk", "Worth deepening", "Bridges"]
    assert "**Bo** · Peers" in markdown(at)


def test_network_page__hostile_name__is_escaped_in_markdown():
    at = page_with([row("[x](javascript:alert(1))", last_contact="year")])
    assert not at.exception
    assert r"**\[x\]\(javascript:alert\(1\)\)** · Peers" in markdown(at)


def test_network_page__invalid_rows__lists_every_problem_as_plain_text():
    at = page_with([row("Ana", stage="x"), row("Bo")], ties=[("Ana", "Zed")])
    assert not at.exception
    assert at.warning[0].value == "Some rows need fixing before the map can be drawn:"
    assert at.code[0].value.splitlines() == [
        "roster: contacts[0].stage: unknown value 'x'. Use one of: visibility, credibility, profitability.",
    ]
