"""Run a Streamlit script as a real server for browser tests, and wait for it to settle."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

from tests.pg_server import free_port

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
IDLE_SELECTOR = "[data-testid='stApp'][data-test-script-state='notRunning']"


@dataclass(frozen=True, slots=True)
class RunningApp:
    """A ``streamlit run`` subprocess and where to reach it."""

    process: subprocess.Popen
    base_url: str
    log_file: Path

    def log(self) -> str:
        return self.log_file.read_text(errors="replace") if self.log_file.exists() else ""


def start_streamlit(script: Path, env: dict[str, str], log_file: Path, timeout: float = 60) -> RunningApp:
    """Start ``streamlit run <script>`` on a free port; return once /_stcore/health says ok."""
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]
    with open(log_file, "wb") as log:
        process = subprocess.Popen(
            command, cwd=REPO, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT
        )
    app = RunningApp(process=process, base_url=f"http://127.0.0.1:{port}", log_file=log_file)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n{app.log()}")
        try:
            with urllib.request.urlopen(f"{app.base_url}/_stcore/health", timeout=2) as reply:
                if reply.read().strip() == b"ok":
                    return app
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    stop_streamlit(app)
    raise RuntimeError(f"streamlit not healthy after {timeout}s:\n{app.log()}")


def stop_streamlit(app: RunningApp) -> None:
    if app.process.poll() is None:
        app.process.terminate()
        try:
            app.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.process.kill()
            app.process.wait()


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
