"""Issue 12 §1, §2, §5 in Chromium: one person counts once, a late finisher is told, the
projector moves only in whole batches, and the CSV's columns and injection guard."""

from __future__ import annotations

import csv
import io

from playwright.sync_api import expect

from tests.browser.person import answer_all_steps
from tests.browser.streamlit_app import eventually, wait_idle
from tests.browser.workshop_steps import LAPTOP, PROJECTOR, create_workshop, join, map_dots, participant
from ui.text import t


def count_shown(facilitator) -> str:
    return facilitator.locator("[data-testid='stMetricValue']").first.inner_text()


# A participant who submits again is counted once: tests/browser/test_owner_journeys.py
# (test_workshop__participant_resubmits__counted_once_and_told) walks it through "Take it again".


def test_room__finished_after_closing__told_it_did_not_reach_the_room(streamlit_app, browser):
    base = streamlit_app()
    facilitator = browser.new_context(viewport=LAPTOP).new_page()
    _, code = create_workshop(facilitator, base, "Lab")
    page = browser.new_context(viewport=LAPTOP).new_page()
    join(page, base, code)
    expect(page.get_by_text("Step 1 of")).to_be_visible(timeout=20_000)
    wait_idle(page)
    facilitator.get_by_role("button", name=t("workshop.facilitator.close")).click()
    wait_idle(facilitator)
    answer_all_steps(page, 2)
    expect(page.get_by_text(t("results.saving.workshop_closed"))).to_be_visible()
    assert count_shown(facilitator) == "0"


def test_room__one_more_person__projector_unchanged_and_csv_guarded(streamlit_app, browser):
    # The differencing attack on the projector: five people, look, one more, look again.
    base = streamlit_app()
    facilitator = browser.new_context(viewport=LAPTOP, accept_downloads=True).new_page()
    facilitator_url, code = create_workshop(facilitator, base, "Lab")
    for n in range(5):
        participant(browser, base, code, n % 5, nickname="x;=cmd|'/C calc'!A0;" if n == 0 else "", public=n == 0)
    facilitator.get_by_role("button", name=t("workshop.facilitator.reveal")).click()
    wait_idle(facilitator)
    projector = browser.new_context(viewport=PROJECTOR).new_page()
    projector.goto(facilitator_url.replace("/workshop?", "/projector?"))
    wait_idle(projector)
    expect(projector.locator("[data-testid='stPlotlyChart']")).to_have_count(1, timeout=15_000)  # one idea a screen
    eventually(lambda: map_dots(projector) == 5)
    facilitator.reload()  # the page as it is now: revealed, so the projector's screens can be stepped
    wait_idle(facilitator)
    facilitator.get_by_role("button", name=t("projector.steps.next")).click()  # to the room's dimensions
    wait_idle(facilitator)
    dimensions = projector.locator(".st-key-proj-head h2")
    expect(dimensions).to_have_text(t("projector.screen.heading.dimensions"), timeout=15_000)
    bars = "() => document.querySelectorAll('[data-testid=stPlotlyChart] .js-plotly-plot')[0].calcdata" \
           ".map(t => t.map(d => d.x))"
    eventually(lambda: projector.evaluate(bars) != [])
    before = projector.evaluate(bars)
    participant(browser, base, code, 4)  # the newcomer everyone saw press the button
    projector.wait_for_timeout(7_000)  # two refreshes of the projector
    assert projector.evaluate(bars) == before  # nothing to difference
    expect(projector.locator(".st-key-proj-count")).to_contain_text("5")
    facilitator.get_by_role("button", name=t("projector.steps.back")).click()  # back to the map: still 5 dots
    wait_idle(facilitator)
    expect(projector.locator(".st-key-proj-head h2")).to_have_text(t("projector.screen.heading.map"), timeout=15_000)
    eventually(lambda: map_dots(projector) == 5)
    projector.wait_for_timeout(1_000)
    assert map_dots(projector) == 5

    with facilitator.expect_download() as download:
        facilitator.get_by_role("button", name=t("workshop.facilitator.download")).click()
    text = download.value.path().read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    assert len(rows) == 1 + 5  # six answered: the export holds the first whole batch of five
    assert len(header) == len(set(header)) and "breadth" not in ",".join(header)
    assert header[:5] == ["response", "nickname", "width", "depth", "profile"]
    assert "\x00" not in text
    for separator in (",", ";"):
        for line in text.splitlines()[1:]:
            assert not any(p.strip().strip('"').startswith(("=", "+", "@")) for p in line.split(separator))
