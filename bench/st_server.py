"""Start a Streamlit script as a real server on a free localhost port, and stop it.

    with running_streamlit(Path("app.py"), env={"DATABASE_URL": ...}) as base_url:
        ...  # drive it with bench.st_client.StreamlitClient

The one server helper of the project: the benchmarks, tests/test_st_client.py and the browser
tests (tests/browser/streamlit_app.py) all start Streamlit through it. Listens on 127.0.0.1 only.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(base_url: str, process: subprocess.Popen, timeout: float, log: Callable[[], str] = str) -> None:
    """Poll ``/_stcore/health`` until it answers ``ok``; fail early if the process exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode}:\n{log()}")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as reply:
                if reply.read().strip() == b"ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"streamlit not healthy after {timeout:.0f}s:\n{log()}")


@dataclass(frozen=True, slots=True)
class RunningApp:
    """A ``streamlit run`` subprocess and where to reach it."""

    process: subprocess.Popen
    base_url: str
    log_file: Path | None

    def log(self) -> str:
        return self.log_file.read_text(errors="replace") if self.log_file and self.log_file.exists() else ""


def start_streamlit(
    script: Path,
    *,
    env: dict[str, str] | None = None,
    log_file: Path | None = None,
    timeout: float = 60,
    options: tuple[str, ...] = (),
    port: int | None = None,
) -> RunningApp:
    """Start ``streamlit run <script>`` (headless, no file watcher, no usage stats) on ``port`` of
    127.0.0.1 (a free one by default; a stopped server's own, to restart it where its pages wait);
    return once ``/_stcore/health`` says ok."""
    port = port or free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
        *options,
    ]
    with open(log_file, "wb") if log_file else nullcontext(subprocess.DEVNULL) as log:
        process = subprocess.Popen(command, cwd=_working_folder(script), env={**os.environ, **(env or {})},
                                   stdout=log, stderr=subprocess.STDOUT)
    app = RunningApp(process, f"http://127.0.0.1:{port}", log_file)
    try:
        wait_healthy(app.base_url, process, timeout, app.log)
    except BaseException:
        stop_streamlit(app)
        raise
    return app


def _working_folder(script: Path) -> Path:
    """The repository for its own scripts (so ``ui``, ``assessment`` and ``tests`` import and
    .streamlit/config.toml applies), the script's folder for one outside it (a bare page)."""
    script = script.resolve()
    return REPO if REPO in script.parents else script.parent


def stop_streamlit(app: RunningApp) -> None:
    if app.process.poll() is None:
        app.process.terminate()
        try:
            app.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.process.kill()
            app.process.wait()


@contextmanager
def running_streamlit(script: Path, **options: Any) -> Iterator[str]:
    """``start_streamlit`` as a context manager; yields the base URL and stops the server after."""
    app = start_streamlit(script, **options)
    try:
        yield app.base_url
    finally:
        stop_streamlit(app)
