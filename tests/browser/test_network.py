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
# name -> option labels, by field id (content/network.yaml); the segment follows from field,
# organisation and level (assessment/network/roster.py segment_of)
PEOPLE = {
    HOSTILE: {"field": "Same as mine", "organisation": "My organisation", "level": "Senior to me",  # senior
              "stage": "Actively refers or helps me", "favour": "Definitely", "last_contact": "This month",
              "giving": "Both ways"},
    "Ana Q": {"field": "Same as mine", "organisation": "My team", "level": "My level",  # peers
              "stage": "Trusts my work", "favour": "Definitely", "last_contact": "This week", "giving": "Both ways"},
    "Bo 7": {"field": "Different from mine", "organisation": "My organisation", "level": "My level",  # other fields
             "stage": "Knows who I am", "favour": "Probably", "last_contact": "This year", "giving": "Neither yet"},
    "Cyd X": {"field": "Different from mine", "organisation": "Another organisation",  # outside your organisation
              "level": "Outside any hierarchy", "stage": "Trusts my work", "favour": "Probably",
              "last_contact": "Over a year ago", "giving": "I helped them"},
    "Dee 4": {"field": "Same as mine", "organisation": "My team", "level": "Junior to me",  # junior
              "stage": "Trusts my work", "favour": "Definitely", "last_contact": "This quarter",
              "giving": "They helped me"},
}
PAIRS = ((HOSTILE, "Ana Q"), ("Bo 7", "Cyd X"))  # names no page text contains ("Bo" is in "Both")
PEOPLE_TAB, MAP_TAB = t("network.entry.tab_people"), t("network.entry.tab_map")
# The machine running these may be shared and loaded: generous waits, on content, never on time.
SLOW, SLOW_RUN = 30_000, 90_000


def add_people(page: Page, *names: str) -> None:
    """Quick add: the names on one line, then Enter."""
    page.get_by_label(t("network.entry.add_label")).fill(", ".join(names))
    page.keyboard.press("Enter")
    wait_idle(page, SLOW_RUN)


def open_person(page: Page, name: str) -> None:
    page.locator(".st-key-w-network-person").get_by_text(name, exact=True).click()
    wait_idle(page, SLOW_RUN)
    expect(page.locator("[data-testid='stMain'] strong").get_by_text(name, exact=True)).to_be_visible(timeout=SLOW)  # the card's heading


def tap(page: Page, field: str, option: str) -> None:
    """Tap one option of the open person's card (``field`` a field id, or "knows")."""
    page.locator(f".st-key-w-network-person-{field}").get_by_text(option, exact=True).click()
    wait_idle(page, SLOW_RUN)


def describe(page: Page, name: str, choices: dict[str, str]) -> int:
    """Open ``name``'s card and tap every choice that differs from what is chosen; the taps made."""
    open_person(page, name)
    taps = 0
    for field, option in choices.items():
        group = page.locator(f".st-key-w-network-person-{field}")
        if group.get_by_role("radio", name=option, exact=True).get_attribute("aria-checked") != "true":
            tap(page, field, option)
            taps += 1
        expect(group.get_by_role("radio", name=option, exact=True)).to_have_attribute("aria-checked", "true", timeout=SLOW)
    return taps


def mark_knows(page: Page, a: str, b: str) -> None:
    open_person(page, a)
    tap(page, "knows", b)


def open_tab(page: Page, label: str) -> None:
    page.get_by_role("tab", name=label).click()
    wait_idle(page, SLOW_RUN)


def no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate("document.querySelector('[data-testid=stMain]').scrollWidth") <= width


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
    wait_idle(page, SLOW_RUN)
    expect(page.get_by_text("Use initials or a nickname")).to_be_visible(timeout=SLOW)
    expect(page.get_by_text("Names stay in this browser session", exact=False)).to_be_visible(timeout=SLOW)
    add_people(page, *PEOPLE)
    expect(page.get_by_text(t("network.table.title", count=5, most=25))).to_be_visible(timeout=SLOW)
    for name, choices in PEOPLE.items():
        describe(page, name, choices)
    for a, b in PAIRS:
        mark_knows(page, a, b)
    open_person(page, HOSTILE)  # the hostile name is literal text on its chip and in its card
    expect(page.locator(".st-key-w-network-person").get_by_text(HOSTILE, exact=True)).to_be_visible(timeout=SLOW)
    expect(page.locator(".st-key-w-network-person-knows [aria-pressed='true'], "
                        ".st-key-w-network-person-knows [aria-checked='true']").get_by_text("Ana Q")).to_have_count(1, timeout=SLOW)

    open_tab(page, MAP_TAB)
    expect(page.locator("[data-testid='stPlotlyChart']")).to_have_count(2, timeout=20_000)
    expect(page.get_by_text("Width from your map")).to_be_visible(timeout=SLOW)
    # on the map the name is cut to 12 characters, as literal text
    expect(page.locator(".js-plotly-plot .textpoint").filter(has_text="<svg onload…")).to_have_count(1, timeout=SLOW)
    page.get_by_text("What the map measures").click()
    expect(page.get_by_text("You listed 5 people.")).to_be_visible(timeout=SLOW)  # plain words first
    expect(page.get_by_text("Density (pairs who know each other, of all possible pairs): 20% (2 of 10)")).to_be_visible(timeout=SLOW)
    expect(page.get_by_text(f"{HOSTILE} · Senior to you")).to_be_visible(timeout=SLOW)  # the plan: only tie among seniors
    assert page.locator("svg[onload]").count() == 0

    page.get_by_role("button", name="Use my map in my scores").click()
    wait_idle(page, SLOW_RUN)
    expect(page.get_by_text("Your scores use this map.")).to_be_visible(timeout=SLOW)
    page.get_by_role("link", name="See your results").click()
    wait_idle(page, SLOW_RUN)
    expect(page.get_by_text("Network map in these scores")).to_be_visible(timeout=20_000)
    expect(page.get_by_text("network map of 5 people, which counts 17%")).to_be_visible(timeout=SLOW)
    share = next(link for link in shown_links(page, 2) if "results?r=" in link)

    viewer = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    viewer.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    viewer.goto(share)
    wait_idle(viewer)
    expect(viewer.get_by_text("Network map in these scores")).to_be_visible(timeout=20_000)
    wait_idle(viewer)
    expect(viewer.get_by_role("heading", name=t("results.next_steps", n=3))).to_be_visible(timeout=SLOW)
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


EIGHT = ("Ana Q", "Bo 7", "Cyd X", "Dee 4", "Eli", "Fay", "Gus", "Hal")


def test_network_entry__phone__eight_people_in_one_line_a_few_taps_each_and_no_sideways_scroll(streamlit_app, browser):
    # issue 13 §4: the old form took a name and 8 radio groups per person (~70 taps for 8 people)
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(streamlit_app().rstrip("/") + "/network")
    wait_idle(page, SLOW_RUN)
    no_sideways_scroll(page)
    add_people(page, *EIGHT)  # one line, one Enter: everyone starts as a peer who trusts your work
    expect(page.get_by_role("heading", name=t("network.table.title", count=8, most=25))).to_be_visible(timeout=SLOW)
    no_sideways_scroll(page)
    # each person: a tap to open, then only what differs from the start
    taps = sum(1 + describe(page, name, choices) for name, choices in PEOPLE.items() if name in EIGHT)
    assert taps <= 4 * 5  # 4 people described fully in at most 20 taps; the other 4 keep their start
    # who knows whom: one chip per person on the open card
    open_person(page, "Eli")
    for other in ("Fay", "Gus", "Hal"):
        tap(page, "knows", other)
    open_person(page, "Gus")  # the pair shows on the other person's card too
    knows = page.locator(".st-key-w-network-person-knows")
    expect(knows.locator("[aria-pressed='true'], [aria-checked='true']")).to_have_count(1, timeout=SLOW)
    expect(knows.locator("[aria-pressed='true'], [aria-checked='true']")).to_have_text("Eli", timeout=SLOW)
    no_sideways_scroll(page)
    open_tab(page, MAP_TAB)
    expect(page.locator("[data-testid='stPlotlyChart']")).to_have_count(2, timeout=20_000)
    page.get_by_text(t("network.measures.expander")).click()
    expect(page.get_by_text("Density", exact=False).filter(has_text="(3 of 28)")).to_be_visible(timeout=SLOW)
    no_sideways_scroll(page)
