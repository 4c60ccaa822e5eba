"""Workshop steps in the browser (facilitator, participant, projector), shared by the workshop tests."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.browser.person import LINK_FIELD, answer_all_steps
from tests.browser.streamlit_app import eventually, wait_idle
from ui.text import t

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
PROJECTOR = {"width": 1920, "height": 1080}


def create_workshop(page: Page, base_url: str, title: str) -> tuple[str, str]:
    """On the workshop page: create one; returns (facilitator URL, join code)."""
    page.goto(f"{base_url}/workshop")
    wait_idle(page)
    title_box = page.get_by_role("textbox", name=t("workshop.create.workshop_title"))
    expect(title_box).to_be_visible(timeout=60_000)  # a server's first visit starts a session: slow on a busy machine
    title_box.fill(title)
    page.get_by_role("button", name=t("workshop.create.submit")).click()
    wait_idle(page)
    expect(page.locator(".st-key-workshop-private")).to_be_visible()  # the private link, shown once
    join_link = page.locator(LINK_FIELD).nth(1)  # after the facilitator link
    expect(join_link).to_have_value(re.compile(r"join\?code="), timeout=20_000)
    code = re.search(r"join\?code=([A-Z0-9]{6})", join_link.input_value()).group(1)
    return page.url, code


def join(page: Page, base_url: str, typed_code: str, nickname: str = "", public: bool = False) -> None:
    page.goto(f"{base_url}/join")
    wait_idle(page)
    page.get_by_role("textbox", name=t("workshop.join.code")).fill(typed_code)
    if nickname:
        page.get_by_role("textbox", name=t("workshop.join.nickname")).fill(nickname)
    if public:
        page.get_by_text(t("workshop.join.public")).click()
    page.get_by_role("button", name=t("workshop.join.submit"), exact=True).click()
    wait_idle(page)


def participant(browser: Browser, base_url: str, typed_code: str, choice: int, **names) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    join(page, base_url, typed_code, **names)
    # joining switches to the questionnaire: let its first step arrive before counting questions
    expect(page.get_by_text("Step 1 of")).to_be_visible(timeout=20_000)
    wait_idle(page)
    answer_all_steps(page, choice)  # ends on the participant's own results
    context.close()


def map_dots(projector: Page) -> int:
    """Dots drawn in the projector's map (the first chart), as Plotly computed them.

    An empty trace still has one placeholder entry in ``calcdata`` (with no number for x), so
    only entries with a numeric x count as dots. The projector redraws itself every few seconds:
    a read that lands while its chart is being replaced is made again.
    """
    read: list[int | None] = []
    eventually(lambda: read.append(projector.evaluate(
        "() => { const plot = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot');"
        " return plot && plot.calcdata ? plot.calcdata[0]"
        ".filter(d => typeof d.x === 'number' && !Number.isNaN(d.x)).length : null; }")) or read[-1] is not None,
        timeout=30)
    return read[-1]
