"""A connection lost: the page says so in the reader's words (never "Streamlit server"), reconnects
by itself when it can, and the person goes on from where they were.

Two ways it is lost here: the server stopped and started again on the same port with the same
database (a restart: a fresh session, the draft brings the answers back), and the connection cut
between browser and server by a relay (tests/browser/flaky_network.py: a phone in a tunnel; the
session waits for its tab, with the names of the network map that live only there).
"""

from __future__ import annotations

import tomllib

import pytest
from playwright.sync_api import Page, expect

from tests.browser.flaky_network import FlakyNetwork
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


def test_config__a_session_waits_half_an_hour_for_its_tab_to_come_back():
    """The network map's names live only in the session: a phone away for a few minutes must find it."""
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["disconnectedSessionTTL"] >= 30 * 60


@pytest.mark.timeout(300)
def test_connection_cut_on_the_network_map__same_session_comes_back__names_kept__adding_goes_on(streamlit_app,
                                                                                                browser):
    with FlakyNetwork(streamlit_app()) as network:
        phone = browser.new_context(viewport=PHONE, locale="en-US").new_page()
        phone.goto(f"{network.base_url}/network")
        names = phone.locator(".st-key-w-network-add-names input")
        names.fill("AB, CD")
        names.press("Enter")
        people = phone.locator(".st-key-w-network-person")
        expect(people.get_by_text("CD", exact=True)).to_be_visible(timeout=30_000)

        network.cut()  # the phone's connection drops; the server keeps the session
        expect(lost_box(phone)).to_contain_text(EN.text("common.streamlit.connection_error"), timeout=30_000)
        network.restore()
        expect(lost_box(phone)).to_be_hidden(timeout=60_000)
        wait_idle(phone)
        for name in ("AB", "CD"):
            expect(people.get_by_text(name, exact=True)).to_be_visible()
        names.fill("EF")
        names.press("Enter")
        expect(people.get_by_text("EF", exact=True)).to_be_visible(timeout=30_000)
        expect(people.get_by_text("AB", exact=True)).to_be_visible()
