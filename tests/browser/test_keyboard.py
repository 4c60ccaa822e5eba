"""The questionnaire can be answered with the keyboard alone."""

from playwright.sync_api import expect

from tests.browser.person import answer_visible_questions, settled_count, step_label
from tests.browser.streamlit_app import rerun_done, wait_idle
from ui.text import t


def test_questionnaire__keyboard_only__a_step_is_answered_and_next_reached(streamlit_app, page):
    base = streamlit_app()
    page.goto(base)  # a first visit settles the fresh server (see ui/__init__.py), so no rerun steals focus
    wait_idle(page)
    page.goto(base + "/questionnaire")
    wait_idle(page)
    expect(page.get_by_text(step_label(1, 6))).to_be_visible(timeout=20_000)
    expect(page.get_by_role("button", name=t("questionnaire.next"))).to_be_visible()  # the form's last element
    groups = page.locator("[data-testid='stMainBlockContainer'] .st-key-answers [role='radiogroup']")
    count = settled_count(groups)
    groups.nth(0).locator("input[type='radio']").first.focus()
    for n in range(count):
        page.keyboard.press("ArrowRight")  # moves to, and selects, the second option
        expect(groups.nth(n).locator("input[type='radio']").nth(1)).to_be_checked()
        rerun_done(page)
        if n < count - 1:
            page.keyboard.press("Tab")  # on to the next question
    for n in range(count):
        expect(groups.nth(n).locator("input[type='radio']").nth(1)).to_be_checked()
    page.keyboard.press("Tab")  # Back is disabled on step 1, so focus lands on Next
    expect(page.get_by_role("button", name=t("questionnaire.next"))).to_be_focused()
    page.keyboard.press("Enter")
    wait_idle(page)
    expect(page.get_by_text(step_label(2, 6))).to_be_visible(timeout=20_000)
    expect(page.get_by_role("heading", level=2).first).to_be_focused()  # the new step's heading, not the top


def test_questionnaire__next_then_back__focus_on_each_new_step_heading(streamlit_app, page):
    base = streamlit_app()
    page.goto(base)
    wait_idle(page)
    page.goto(base + "/questionnaire")
    wait_idle(page)
    expect(page.get_by_text(step_label(1, 6))).to_be_visible(timeout=20_000)
    first_title = page.get_by_role("heading", level=2).first.inner_text()
    answer_visible_questions(page)
    page.get_by_role("button", name=t("questionnaire.next")).click()
    expect(page.get_by_text(step_label(2, 6))).to_be_visible(timeout=20_000)
    wait_idle(page)
    heading = page.get_by_role("heading", level=2).first
    expect(heading).to_be_focused()
    expect(heading).not_to_have_text(first_title)
    page.keyboard.press("Tab")  # the next Tab starts on the new step: its first answer
    expect(page.locator(".st-key-answers [role='radiogroup'] input[type='radio']").first).to_be_focused()
    page.get_by_role("button", name=t("questionnaire.back")).click()
    expect(page.get_by_text(step_label(1, 6))).to_be_visible(timeout=20_000)
    wait_idle(page)
    expect(page.get_by_role("heading", level=2, name=first_title)).to_be_focused()
