"""Run a Streamlit script as a real server for browser tests, and wait for it to settle."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from bench.st_server import RunningApp, stop_streamlit
from bench.st_server import start_streamlit as start_server

__all__ = ["CHROMIUM", "REPO", "RunningApp", "eventually", "rerun_done", "start_streamlit", "stop_streamlit",
           "wait_idle"]

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
IDLE_SELECTOR = "[data-testid='stApp'][data-test-script-state='notRunning']"
RUNNING_SELECTOR = "[data-testid='stApp'][data-test-script-state='running']"


def start_streamlit(script: Path, env: dict[str, str], log_file: Path, timeout: float = 60,
                    port: int | None = None) -> RunningApp:
    """``streamlit run <script>`` on a free port (or ``port``), healthy (bench/st_server.py, the one server helper)."""
    return start_server(script, env=env, log_file=log_file, timeout=timeout, port=port)


def eventually(check: Callable[[], bool], timeout: float = 20, interval: float = 0.25) -> None:
    """Call ``check`` until it returns true; fail after ``timeout`` seconds.

    For what Playwright's ``expect`` cannot wait on itself: values read from the page by
    script (Plotly's data) and numbers that must stop changing before we read them.
    """
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {timeout}s: {getattr(check, '__name__', check)}")
        time.sleep(interval)


def wait_idle(page: Page, timeout: float = 30_000) -> None:
    """Wait until the script run triggered by the last action has finished.

    The short pause first lets a widget's debounced change reach the server, so we don't
    see the *previous* run's idle state.
    """
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE_SELECTOR, timeout=timeout)


def rerun_done(page: Page) -> None:
    """At a person's pace: the rerun an answer starts has begun and ended before the next key.

    Keys pressed a few ms apart land while the page still waits for that rerun; on a loaded machine
    it can arrive after the next key and hand the focus back to the question just answered (2-3 runs
    in 16 with four tests at once on 2 cores). ``wait_idle`` alone can see the page idle before the
    rerun has even started."""
    try:
        page.wait_for_selector(RUNNING_SELECTOR, timeout=3_000)
    except PlaywrightTimeout:
        pass  # already over
    wait_idle(page)
