"""The network map in Chromium: after the questionnaire, five people (one with a hostile name) and two
pairs become a map and measures, the map feeds the scores, and the saved copy, its share link and
the database hold no name at all."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.person import shown_links, take_assessment
from tests.browser.streamlit_app import wait_idle
from ui.text import t

HOSTILE = "<svg onload=alert(1)>"
# name -> option labels, by field label (content/network.yaml); every field is answered
PEOPLE = {
    HOSTILE: {"Where they sit": "Senior to you", "Their field": "Same as mine", "Where they work": "My organisation",
              "Their level": "Senior to me", "How well they know you": "Actively refers or helps me",
              "Would they do you a favour?": "Definitely", "Last real contact": "This month",
              "Who has helped whom": "Both ways"},
    "Ana Q": {"Where they sit": "Peers", "Their field": "Same as mine", "Where they work": "My team",
              "Their level": "My level", "How well they know you": "Trusts my work",
              "Would they do you a favour?": "Definitely", "Last real contact": "This week",
              "Who has helped whom": "Both ways"},
    "Bo 7": {"Where they sit": "Other fields", "Their field": "Different from mine", "Where they work": "My organisation",
           "Their level": "My level", "How well they know you": "Knows who I am",
           "Would they do you a favour?": "Probably", "Last real contact": "This year",
           "Who has helped whom": "Neither yet"},
    "Cyd X": {"Where they sit": "Outside your organisation", "Their field": "Different from mine",
            "Where they work": "Another organisation", "Their level": "Outside any hierarchy",
            "How well they know you": "Trusts my work", "Would they do you a favour?": "Probably",
            "Last real contact": "Over a year ago", "Who has helped whom": "I helped them"},
    "Dee 4": {"Where they sit": "Junior to you", "Their field": "Same as mine", "Where they work": "My team",
            "Their level": "Junior to me", "How well they know you": "Trusts my work",
            "Would they do you a favour?": "Definitely", "Last real contact": "This quarter",
            "Who has helped whom": "They helped me"},
}
PAIRS = ((HOSTILE, "Ana Q"), ("Bo 7", "Cyd X"))  # names no page text contains ("Bo" is in "Both")


def add_person(page: Page, name: str, choices: dict[str, str]) -> None:
    """Fill the add-a-person form: the name, then one option per field, then submit."""
    form = page.get_by_test_id("stForm")
    form.get_by_label("Name", exact=True).fill(name)
    for field, option in choices.items():
        group = form.get_by_role("radiogroup", name=field)
        group.get_by_text(option, exact=True).click()
        expect(group.get_by_role("radio", name=option, exact=True)).to_be_checked()
    form.get_by_role("button", name="Add to my map").click()
    wait_idle(page)
    expect(page.get_by_text(f"Your people ({list(PEOPLE).index(name) + 1} of 25)")).to_be_visible()


def pick_pair(page: Page, a: str, b: str) -> None:
    page.get_by_test_id("stMultiSelect").locator("input").click()
    page.keyboard.type(f"{a} ↔ {b}")  # filters the pairs down to one; the list opens on typing, not on fill()
    page.get_by_role("option", name=f"{a} ↔ {b}", exact=True).click()
    page.keyboard.press("Escape")
    wait_idle(page)


def database_text(path: Path) -> str:
    """Every value of every row of every table, as one string."""
    with sqlite3.connect(path) as db:
        tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(repr(r) for t in tables for r in db.execute(f'SELECT * FROM "{t}"'))


def test_network_map__five_people_used_in_scores__names_never_leave_the_session(streamlit_app, page, browser, tmp_path):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    base = streamlit_app()
    take_assessment(page, base)

    page.get_by_role("link", name="Map your network").click()  # the invitation under the results
    wait_idle(page)
    expect(page.get_by_text("Use initials or a nickname")).to_be_visible()
    expect(page.get_by_text("Names stay in this browser session", exact=False)).to_be_visible()
    for name, choices in PEOPLE.items():
        add_person(page, name, choices)
    for a, b in PAIRS:
        pick_pair(page, a, b)

    expect(page.locator("[data-testid='stPlotlyChart']")).to_have_count(2, timeout=20_000)
    expect(page.get_by_text("Width from your map")).to_be_visible()
    # on the map the name is cut to 12 characters, as literal text
    expect(page.locator(".js-plotly-plot .textpoint").filter(has_text="<svg onload…")).to_have_count(1)
    page.get_by_text("What the map measures").click()
    expect(page.get_by_text("You listed 5 people.")).to_be_visible()  # plain words first
    expect(page.get_by_text("Density (pairs who know each other, of all possible pairs): 20% (2 of 10)")).to_be_visible()
    # the hostile name is literal text (the pair tag, the plan), never an element
    expect(page.get_by_text(f"{HOSTILE} ↔ Ana Q")).to_be_visible()
    expect(page.get_by_text(f"{HOSTILE} · Senior to you")).to_be_visible()  # the plan: only tie among seniors
    assert page.locator("svg[onload]").count() == 0

    page.get_by_role("button", name="Use my map in my scores").click()
    wait_idle(page)
    expect(page.get_by_text("Your scores use this map.")).to_be_visible()
    page.get_by_role("link", name="See your results").click()
    wait_idle(page)
    expect(page.get_by_text("Network map in these scores")).to_be_visible(timeout=20_000)
    expect(page.get_by_text("network map of 5 people, which counts 17%")).to_be_visible()
    share = next(link for link in shown_links(page, 2) if "results?r=" in link)

    viewer = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    viewer.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    viewer.goto(share)
    wait_idle(viewer)
    expect(viewer.get_by_text("Network map in these scores")).to_be_visible(timeout=20_000)
    wait_idle(viewer)
    expect(viewer.get_by_role("heading", name=t("results.next_steps", n=3))).to_be_visible()
    shared_text = viewer.locator("[data-testid='stMain']").inner_text()
    database = tmp_path / "app.sqlite"  # the streamlit_app fixture's DATABASE_URL
    with sqlite3.connect(database) as db:
        kept = db.execute("SELECT result, extras FROM results WHERE removed_at IS NULL").fetchall()
        removed = db.execute("SELECT count(*) FROM results WHERE removed_at IS NOT NULL").fetchone()[0]
    assert removed == 0  # the saved copy was changed in place: its share link still works
    (result, extras), = kept
    assert json.loads(result)["roster"]["map"]["people"] == 5
    assert json.loads(extras)["people"] == 5 and json.loads(extras)["ties"] == 2  # derived measures only
    stored = database_text(database)
    for name in PEOPLE:
        assert name not in shared_text
        assert name not in stored
    assert "svg" not in stored and "onload" not in stored
    assert dialogs == []
