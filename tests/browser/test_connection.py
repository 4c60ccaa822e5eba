"""A connection lost: the page says so in the reader's words (never "Streamlit server"), reconnects
by itself when it can, and the person goes on from where they were.

Two ways it is lost here: the server stopped and started again on the same port with the same
database (a restart: a fresh session, the draft brings the answers back), and the connection cut
between browser and server by a relay (tests/browser/flaky_network.py: a phone in a tunnel; the
session waits for its tab, with the names of the network map that live only there).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

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


class RestartableApp:
    """app.py on a fresh SQLite file in ``folder``; ``restart()`` stops it and starts it again on the
    same port with the same database, where its pages wait."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.env = folder, {"DATABASE_URL": f"sqlite:///{folder / 'app.sqlite'}"}
        self.runs = 0
        self.app = self._start(None)
        self.base_url = self.app.base_url

    def _start(self, port: int | None):
        self.runs += 1
        return start_streamlit(REPO / "app.py", self.env, self.folder / f"streamlit-{self.runs}.log", port=port)

    def stop(self) -> None:
        stop_streamlit(self.app)

    def start_again(self) -> None:
        self.app = self._start(int(self.base_url.rsplit(":", 1)[1]))


@pytest.fixture
def restartable_app(tmp_path) -> Iterator[RestartableApp]:
    app = RestartableApp(tmp_path)
    yield app
    app.stop()


@pytest.mark.timeout(300)
def test_server_gone_mid_step__each_page_says_so_in_its_language__reconnects__goes_on_with_its_answers(
        browser, restartable_app):
    app = restartable_app
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

    app.stop()
    for page, text in ((phone, EN), (laptop, PT)):
        expect(lost_box(page)).to_contain_text(text.text("common.streamlit.connection_error"), timeout=30_000)
        expect(lost_box(page)).to_contain_text(text.text("common.streamlit.not_responding"))
        assert "Streamlit" not in lost_box(page).inner_text()
    expect(lost_box(laptop).get_by_role("button", name=PT.text("common.streamlit.close"), exact=True)).to_be_visible()
    assert_portuguese(laptop, "connection lost")

    app.start_again()
    expect(lost_box(phone)).to_be_hidden(timeout=60_000)
    # Next tapped at once, before the page's first run on the new server is over: the tap is not lost
    # (ui/press.py; before it, 4 taps of 4 within 0.3 s did nothing)
    phone.get_by_role("button", name=EN.text("questionnaire.next")).click()
    expect(phone.get_by_text(step_label(number + 2, total))).to_be_visible(timeout=20_000)
    wait_idle(phone)
    phone.get_by_role("button", name=EN.text("questionnaire.back")).click()
    expect(phone.get_by_text(step_label(number + 1, total))).to_be_visible(timeout=20_000)
    wait_idle(phone)
    assert phone.locator(CHECKED).count() == chosen, "the step's answers came back with the draft"
    expect(lost_box(laptop)).to_be_hidden(timeout=60_000)
    wait_idle(laptop)
    assert laptop.locator(CHECKED).count() == 1


def test_config__a_session_waits_half_an_hour_for_its_tab_to_come_back():
    """A phone away for a few minutes finds its session: its step and its map as they were."""
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


@pytest.mark.timeout(300)
def test_network_map__reload_and_server_restart__the_tabs_own_copy_brings_the_names_back__a_new_tab_starts_empty(
        browser, restartable_app):
    app = restartable_app
    context = browser.new_context(viewport=PHONE, locale="en-US")
    phone = context.new_page()
    phone.goto(f"{app.base_url}/network")
    names = phone.locator(".st-key-w-network-add-names input")
    people = phone.locator(".st-key-w-network-person")
    names.fill("AB, CD")
    names.press("Enter")
    expect(people.get_by_text("CD", exact=True)).to_be_visible(timeout=30_000)
    wait_idle(phone)

    phone.reload()  # a new session: the map comes back from this tab's own copy
    expect(people.get_by_text("AB", exact=True)).to_be_visible(timeout=30_000)
    expect(people.get_by_text("CD", exact=True)).to_be_visible()

    app.stop()
    expect(lost_box(phone)).to_be_visible(timeout=30_000)
    app.start_again()
    expect(lost_box(phone)).to_be_hidden(timeout=60_000)
    wait_idle(phone)
    expect(people.get_by_text("CD", exact=True)).to_be_visible(timeout=30_000)
    names.fill("EF")
    names.press("Enter")
    expect(people.get_by_text("EF", exact=True)).to_be_visible(timeout=30_000)
    expect(people.get_by_text("AB", exact=True)).to_be_visible()

    other = context.new_page()  # the same browser, another tab: its own session, its own (empty) map
    other.goto(f"{app.base_url}/network")
    expect(other.get_by_text(EN.text("network.entry.start"))).to_be_visible(timeout=30_000)
    assert other.locator(".st-key-w-network-person").count() == 0
