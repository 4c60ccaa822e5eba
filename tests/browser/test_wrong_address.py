"""An address with no page behind it (a link cut short, a page mistyped): the page says so in the
reader's words, not Streamlit's ("Running the app's main page"), and shows the home page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.streamlit_app import wait_idle
from tests.browser.workshop_steps import PHONE
from ui.text import catalogue


@pytest.mark.parametrize("locale, language", [("en-US", "en"), ("pt-BR", "pt-BR")])
def test_address_with_no_page__says_so_in_the_readers_words__home_page_below(streamlit_app, browser, locale, language):
    text = catalogue(language)
    page = browser.new_context(viewport=PHONE, locale=locale).new_page()
    page.goto(f"{streamlit_app()}/resul")  # "results", cut short
    wait_idle(page)
    home = page.get_by_role("heading", name=text.text("common.app_title")).first
    expect(home).to_be_visible(timeout=30_000)
    box = page.get_by_role("dialog")
    expect(box).to_contain_text(text.text("common.streamlit.page_missing"), timeout=20_000)
    expect(box).to_contain_text(text.text("common.streamlit.page_missing_text"))
    assert "main page" not in box.inner_text()
    box.get_by_role("button").first.click()  # its close button
    expect(box).to_be_hidden()
    expect(home).to_be_visible()
