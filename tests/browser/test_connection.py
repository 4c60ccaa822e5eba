"""A connection lost mid-questionnaire: the page says so in the reader's words (never "Streamlit
server"), reconnects by itself when the server is back, and the person goes on from where they were.

The server is stopped and started again on the same port with the same database, as a restart or a
phone's dropped connection looks from the page: the tab keeps waiting on its address.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.person import answer_visible_questions, current_step, step_label
from tests.browser.streamlit_app import REPO, start_streamlit, stop_streamlit, wait_idle
from tests.browser.test_portuguese import STEP as PT_STEP
from tests.browser.test_portuguese import assert_portuguese, portuguese_page
from tests.browser.workshop_steps import LAPTOP, PHONE
from ui.text import catalogue

EN, PT = catalogue("en"), catalogue("pt-BR")
CHECKED = ".st-key-answers input[type=radio]:checked"


def lost_box(page: Page):
    return page.get_by_role("dialog")


@pytest.mark.timeout(300)
def test_server_gone_mid_step__each_page_says_so_in_its_language__reconnects__goes_on_with_its_answers(
        browser, tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'app.sqlite'}"}
    app = start_streamlit(REPO / "app.py", env, tmp_path / "streamlit-1.log")
    port = int(app.base_url.rsplit(":", 1)[1])
    try:
        phone = browser.new_context(viewport=PHONE, locale="en-US").new_page()
        phone.goto(f"{app.base_url}/questionnaire")
        number, total = current_step(phone)
        answer_visible_questions(phone, 1)
        phone.get_by_role("button", name=EN.text("questionnaire.next")).click()
        expect(phone.get_by_text(step_label(number + 1, total))).to_be_visible(timeout=20_000)
        wait_idle(phone)
        answer_visible_questions(phone, 3)
        wait_idle(phone)  # each answer is kept as a draft as it is given
        chosen = phone.locator(CHECKED).count()
        assert chosen > 0

        laptop = portuguese_page(browser, LAPTOP)
        laptop.goto(f"{app.base_url}/questionnaire")
        expect(laptop.get_by_text(PT_STEP).first).to_be_visible(timeout=30_000)
        laptop.locator(".st-key-answers [data-testid=stRadioOption]").first.click()
        wait_idle(laptop)

        stop_streamlit(app)
        for page, text in ((phone, EN), (laptop, PT)):
            expect(lost_box(page)).to_contain_text(text.text("common.streamlit.connection_error"), timeout=30_000)
            expect(lost_box(page)).to_contain_text(text.text("common.streamlit.not_responding"))
            assert "Streamlit" not in lost_box(page).inner_text()
        expect(lost_box(laptop).get_by_role("button", name=PT.text("common.streamlit.close"), exact=True)).to_be_visible()
        assert_portuguese(laptop, "connection lost")

        app = start_streamlit(REPO / "app.py", env, tmp_path / "streamlit-2.log", port=port)
        for page in (phone, laptop):
            expect(lost_box(page)).to_be_hidden(timeout=60_000)
        expect(phone.get_by_text(step_label(number + 1, total))).to_be_visible(timeout=30_000)
        wait_idle(phone)
        assert phone.locator(CHECKED).count() == chosen
        phone.get_by_role("button", name=EN.text("questionnaire.next")).click()
        expect(phone.get_by_text(step_label(number + 2, total))).to_be_visible(timeout=20_000)
        assert laptop.locator(CHECKED).count() == 1
    finally:
        stop_streamlit(app)
