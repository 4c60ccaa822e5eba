"""Start a Streamlit script as a real server on a free localhost port, and stop it.

    with running_streamlit(Path("app.py"), env={"DATABASE_URL": ...}) as base_url:
        ...  # drive it with bench.st_client.StreamlitClient

Used by the load benchmark and by tests/test_st_client.py. Listens on 127.0.0.1 only.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(base_url: str, process: subprocess.Popen, timeout: float) -> None:
    """Poll ``/_stcore/health`` until it answers ``ok``; fail early if the process exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as reply:
                if reply.read().strip() == b"ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"streamlit not healthy after {timeout:.0f}s")


@contextmanager
def running_streamlit(
    script: Path,
    *,
    env: dict[str, str] | None = None,
    log_file: Path | None = None,
    timeout: float = 60,
    options: tuple[str, ...] = (),
) -> Iterator[str]:
    """Run ``streamlit run <script>`` (headless, no file watcher, no usage stats); yield its URL."""
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
        *options,
    ]
    log = open(log_file, "wb") if log_file else subprocess.DEVNULL  # noqa: SIM115 - closed below
    process = subprocess.Popen(command, cwd=script.parent, env={**os.environ, **(env or {})},
                               stdout=log, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base_url, process, timeout)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log_file:
            log.close()
