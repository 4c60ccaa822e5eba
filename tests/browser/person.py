"""What a person does in the browser, as small steps the browser tests share."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.streamlit_app import wait_idle


def answer_visible_questions(page: Page, choice: int = 2) -> int:
    """Click option ``choice`` (0-based, clamped) of every radio group on screen; returns how many."""
    groups = page.locator("[data-testid='stMainBlockContainer'] [data-testid='stRadio']")
    count = groups.count()
    for n in range(count):
        options = groups.nth(n).locator("label[data-testid='stRadioOption']")
        options.nth(min(choice, options.count() - 1)).click()
    # a step is a form: clicks cost no rerun, so there is nothing to wait for until Next
    return count


def take_assessment(page: Page, base_url: str, choice: int = 2, display_name: str | None = None,
                    show_answers: bool = False) -> None:
    """From the home page, answer every step and press the final button."""
    page.goto(base_url)
    wait_idle(page)
    page.get_by_role("button", name="Start the assessment").click()
    wait_idle(page)
    answer_all_steps(page, choice, display_name=display_name, show_answers=show_answers)


def answer_all_steps(page: Page, choice: int = 2, display_name: str | None = None, show_answers: bool = False) -> None:
    """On the questionnaire: answer every step, fill the sharing choices, and see the results."""
    while True:
        answer_visible_questions(page, choice)
        finish = page.get_by_role("button", name="See my results")
        if finish.count():
            if display_name is not None:
                page.get_by_label("Name on the shared page").fill(display_name)
            if show_answers:
                page.get_by_text("Show my individual answers on the shared page").click()
            finish.click()
            wait_idle(page)
            break
        page.get_by_role("button", name="Next →").click()
        wait_idle(page)
    expect(page.get_by_text("Your dimensions", exact=True)).to_be_visible(timeout=20_000)
