"""Smoke test of the browser fixtures themselves, on a tiny app written by the test."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.streamlit_app import wait_idle

TINY_APP = '''
import os
import streamlit as st

st.title("Fixture check")
name = st.text_input("Name", key="name")
st.write(f"Hello {name or 'nobody'}")
st.caption(os.environ.get("DATABASE_URL", "no url"))
'''


def test_streamlit_app__tiny_script__renders_and_reruns(streamlit_app, page: Page, tmp_path):
    script = tmp_path / "tiny_app.py"
    script.write_text(TINY_APP)
    url = streamlit_app(script, env={"DATABASE_URL": "sqlite:///from-test.sqlite"})

    page.goto(url)
    wait_idle(page)
    expect(page.get_by_text("Hello nobody")).to_be_visible()
    expect(page.get_by_text("sqlite:///from-test.sqlite")).to_be_visible()

    page.get_by_label("Name").fill("Ada")
    page.get_by_label("Name").press("Enter")
    wait_idle(page)
    expect(page.get_by_text("Hello Ada")).to_be_visible()
