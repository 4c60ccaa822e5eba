"""What a person does in the browser, as small steps the browser tests share.

Every step waits for what it needs to see, never for a fixed time: after a click, the page
first shows the new step's header, then the run ends, then the form's last button arrives.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.streamlit_app import eventually, wait_idle
from ui.text import catalogue, t

# "Step 3 of 6" as the progress label writes it (its part naming the step), numbers captured
_STEP_PART = next(p for p in catalogue().entries["questionnaire.progress"]["other"].split(" · ") if "{step}" in p)
STEP = re.compile(re.escape(_STEP_PART).replace(r"\{step\}", r"(\d+)").replace(r"\{steps\}", r"(\d+)"))


def step_label(number: int, total: int) -> str:
    return _STEP_PART.format(step=number, steps=total)


def answer_visible_questions(page: Page, choice: int = 2) -> int:
    """Click option ``choice`` (0-based, clamped) of every radio group on screen; returns how many."""
    groups = page.locator("[data-testid='stMainBlockContainer'] [data-testid='stRadio']")
    count = settled_count(groups)
    for n in range(count):
        options = groups.nth(n).locator("label[data-testid='stRadioOption']")
        option = options.nth(min(choice, options.count() - 1))
        option.click()
        # as a person sees their choice before the next one: a click that missed while the page was
        # redrawn after the previous answer is clicked again (an answer the app dropped after it
        # showed as chosen still fails: Next then names the question)
        try:
            expect(option.locator("input")).to_be_checked(timeout=3_000)
        except AssertionError:
            option.click()
            expect(option.locator("input")).to_be_checked(timeout=10_000)
    wait_idle(page)  # each answer is saved as it is given (a rerun): let the last one land
    return count


def settled_count(locator) -> int:
    """How many elements match once the number has stopped changing (the page may still be drawing)."""
    seen: list[int] = []

    def steady() -> bool:
        seen.append(locator.count())
        return len(seen) >= 3 and seen[-1] == seen[-2] == seen[-3] and seen[-1] > 0

    eventually(steady, interval=0.15)
    return seen[-1]


def take_assessment(page: Page, base_url: str, choice: int = 2, display_name: str | None = None,
                    show_answers: bool = False) -> None:
    """From the home page, answer every step and press the final button."""
    page.goto(base_url)
    wait_idle(page)
    page.get_by_role("button", name=t("home.start")).click()
    wait_idle(page)
    answer_all_steps(page, choice, display_name=display_name, show_answers=show_answers)


def current_step(page: Page) -> tuple[int, int]:
    """(step, steps) from the progress label, once the questionnaire shows one."""
    label = page.get_by_text(STEP).first
    expect(label).to_be_visible(timeout=20_000)
    number, total = STEP.search(label.inner_text()).groups()
    return int(number), int(total)


def answer_all_steps(page: Page, choice: int = 2, display_name: str | None = None, show_answers: bool = False) -> None:
    """On the questionnaire: answer every step, fill the sharing choices, and see the results."""
    number, total = current_step(page)
    while True:
        last = number == total
        button = page.get_by_role("button", name=t("questionnaire.finish") if last else t("questionnaire.next"))
        expect(button).to_be_visible(timeout=20_000)  # the form's last element: the step is drawn
        answer_visible_questions(page, choice)
        if last:
            if display_name is not None:
                page.get_by_label(t("questionnaire.sharing.name")).fill(display_name)
            if show_answers:
                page.get_by_text(t("questionnaire.sharing.answers")).click()
            button.click()
            break
        button.click()
        number += 1
        expect(page.get_by_text(step_label(number, total))).to_be_visible(timeout=20_000)
        wait_idle(page)
    expect(page.get_by_role("heading", name=t("results.dimensions"), exact=True)).to_be_visible(timeout=20_000)
    wait_idle(page)
    # st.metric is drawn a moment after the run ends; whoever reads the scores needs both
    expect(page.locator("[data-testid='stMetricValue']")).to_have_count(2, timeout=20_000)


LINK_FIELD = "textarea.link-box__url"  # ui/link_box.py's field (Playwright's CSS reaches into its shadow root)


def shown_links(page: Page, count: int) -> list[str]:
    """The links in the page's link boxes, in page order, once ``count`` of them are drawn."""
    fields = page.locator(LINK_FIELD)
    expect(fields).to_have_count(count, timeout=20_000)
    eventually(lambda: all(fields.nth(n).input_value() for n in range(count)))
    return [fields.nth(n).input_value().strip() for n in range(count)]
