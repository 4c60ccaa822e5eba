"""Browser fixtures: Debian chromium through pytest-playwright, and a live Streamlit server.

    def test_x(streamlit_app, page):
        url = streamlit_app()                     # app.py, fresh SQLite database
        page.goto(url); wait_idle(page)           # wait_idle from tests.browser.streamlit_app

Never `playwright install`: it downloads a browser build, which cannot be fetched here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.browser.streamlit_app import CHROMIUM, REPO, RunningApp, start_streamlit, stop_streamlit
from tests.conftest import skip_or_fail


def pytest_collection_modifyitems(items) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} not found; apt-get install -y chromium fonts-dejavu-core")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "headless": True,
        "args": [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
        ],
    }


@pytest.fixture(autouse=True)
def close_the_tests_own_contexts(request) -> Iterator[None]:
    """Every browser context a test opened (``browser.new_context()``) is closed when it ends.

    Left open, each test's pages (a projector polling, a phone reconnecting to a stopped server)
    stay alive in the worker's one Chromium until the session ends, and the later tests of a long
    run wait on a browser that is busy with the earlier ones'. Contexts that existed before the
    test (a module's shared page) are left to their own fixture.
    """
    if "browser" not in request.fixturenames:
        yield
        return
    browser = request.getfixturevalue("browser")
    before = set(browser.contexts)
    yield
    for context in browser.contexts:
        if context not in before:
            context.close()


@pytest.fixture
def streamlit_app(tmp_path) -> Iterator[Callable[..., str]]:
    """Factory: ``streamlit_app(script="app.py", env=None) -> base URL``.

    Each call starts its own server; by default DATABASE_URL points at a fresh SQLite file
    in tmp_path. Every server started is stopped when the test ends.
    """
    started: list[RunningApp] = []

    def start(script: str | Path = "app.py", env: dict[str, str] | None = None) -> str:
        run_env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'app.sqlite'}", **(env or {})}
        log = tmp_path / f"streamlit-{len(started)}.log"
        app = start_streamlit(REPO / script, run_env, log)
        started.append(app)
        return app.base_url

    yield start
    for app in started:
        stop_streamlit(app)
