"""A whole workshop in Chromium: a facilitator, three participants on phones, the projector."""

from __future__ import annotations

import csv
import io
import re

from playwright.sync_api import Browser, Page, expect

from tests.browser.person import answer_all_steps
from tests.browser.streamlit_app import wait_idle

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
PROJECTOR = {"width": 1920, "height": 1080}


def create_workshop(page: Page, base_url: str, title: str) -> tuple[str, str]:
    """On the workshop page: create one; returns (facilitator URL, join code)."""
    page.goto(f"{base_url}/workshop")
    wait_idle(page)
    page.get_by_role("textbox", name="Workshop title").fill(title)
    page.get_by_role("button", name="Create the workshop").click()
    wait_idle(page)
    expect(page.get_by_text("keep it private")).to_be_visible()
    code = re.search(r"join\?code=([A-Z0-9]{6})", page.locator("[data-testid='stCode']").nth(1).inner_text()).group(1)
    return page.url, code


def join(page: Page, base_url: str, typed_code: str, nickname: str = "", public: bool = False) -> None:
    page.goto(f"{base_url}/join")
    wait_idle(page)
    page.get_by_role("textbox", name="Join code").fill(typed_code)
    if nickname:
        page.get_by_role("textbox", name="Nickname (optional)").fill(nickname)
    if public:
        page.get_by_text("Show my nickname to the facilitator's export").click()
    page.get_by_role("button", name="Join", exact=True).click()
    wait_idle(page)


def participant(browser: Browser, base_url: str, typed_code: str, choice: int, **names) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    join(page, base_url, typed_code, **names)
    answer_all_steps(page, choice)  # ends on the participant's own results
    context.close()


def map_dots(projector: Page) -> int:
    """Dots in the projector's map: the x values of its first trace, read from Plotly's own data."""
    return projector.evaluate(
        "() => document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot').data[0].x.length"
    )


def test_workshop__three_join_on_phones__projector_shows_them_and_csv_respects_nicknames(streamlit_app, browser):
    base = streamlit_app()
    facilitator = browser.new_context(viewport=LAPTOP, accept_downloads=True).new_page()
    facilitator_url, code = create_workshop(facilitator, base, "Lab retreat")
    projector = browser.new_context(viewport=PROJECTOR).new_page()
    projector.goto(facilitator_url.replace("/workshop?", "/projector?"))
    wait_idle(projector)
    expect(projector.get_by_text(f"{code[:3]} {code[3:]}", exact=True)).to_be_visible()

    participant(browser, base, f"{code[:3].lower()} {code[3:].lower()}", 0, nickname="Robin")  # not opted in
    participant(browser, base, code, 2, nickname="Kim", public=True)
    participant(browser, base, f"{code[:3]}-{code[3:]}", 4)

    expect(facilitator.locator("[data-testid='stMetricValue']").first).to_have_text("3", timeout=15_000)
    facilitator.get_by_role("button", name="Reveal results on the projector").click()
    wait_idle(facilitator)

    count = projector.locator(".st-key-proj-count")
    expect(count).to_contain_text("3", timeout=15_000)  # the projector refreshes itself every 3 s
    expect(count).to_contain_text("answers")
    expect(projector.locator("[data-testid='stPlotlyChart']")).to_have_count(4, timeout=15_000)
    assert map_dots(projector) == 3
    profile_counts = projector.locator(".st-key-proj-profiles p").all_inner_texts()
    assert sum(int(t.split("·")[0]) for t in profile_counts) == 3
    for name in ("Robin", "Kim"):
        expect(projector.get_by_text(name)).to_have_count(0)

    facilitator.get_by_role("button", name="Close submissions").click()
    wait_idle(facilitator)
    late = browser.new_context(viewport=PHONE).new_page()
    join(late, base, code)
    expect(late.get_by_text("is closed: it takes no more answers")).to_be_visible()

    with facilitator.expect_download() as download:
        facilitator.get_by_role("button", name="Download anonymous results (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert len(rows) == 3
    assert sorted(r["nickname"] for r in rows) == ["", "", "Kim"]
