"""Who used the CPU during a benchmark: the server, the database, the bench itself, and the rest.

Read from Linux ``/proc`` (elsewhere every figure is None). The machine is shared (other
developers' tests, browsers), and a Streamlit server waiting for a core looks exactly like
a slow server from the client, so the load benchmarks print what the other processes took.

    sampler = CpuSampler(server_pid(base_url), database_pid=postmaster_pid(data_dir))
    sampler.start(); ...; sampler.stop()
    sampler.windows(10.0)   # per 10 s: server, database, bench and other processes, in cores
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")


def server_pid(base_url: str) -> int | None:
    """The pid of the `streamlit run` listening on ``base_url``'s port (our own child,
    found by its command line), or None."""
    port = base_url.rsplit(":", 1)[1].encode()
    if not PROC.is_dir():
        return None
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"streamlit" in b" ".join(argv) and b"--server.port" in argv and port in argv:
            return int(entry.name)
    return None


def process_cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU seconds a process has used so far, or None."""
    if pid is None:
        return None
    try:
        fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_tree_cpu_seconds(pid: int | None) -> float | None:
    """CPU seconds of a process, its children that have ended, and its children alive now.

    A PostgreSQL server is a postmaster with one child per connection (and a few workers):
    the database's CPU is the whole tree's, and ended backends are in the parent's cutime.
    """
    if pid is None:
        return None
    try:
        fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    ticks = sum(int(v) for v in fields[11:15])  # utime stime cutime cstime
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            child = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(child[1]) == pid:  # its parent is the postmaster
            ticks += int(child[11]) + int(child[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def postmaster_pid(data_dir: Path) -> int | None:
    """The pid PostgreSQL wrote on the first line of ``postmaster.pid``, or None."""
    try:
        return int((data_dir / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def process_rss_mb(pid: int | None) -> float | None:
    """Resident memory of a process in MB, or None."""
    if pid is None:
        return None
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def machine_busy_seconds() -> float | None:
    """CPU seconds all processes have used since boot (every core, idle and iowait left out)."""
    try:
        fields = [int(v) for v in (PROC / "stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError, IndexError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    guest = sum(fields[8:10]) if len(fields) > 9 else 0  # already counted in user and nice
    return (sum(fields) - idle - guest) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True, slots=True)
class Sample:
    at: float  # time.perf_counter()
    server: float | None
    bench: float
    machine: float | None
    database: float | None = None


@dataclass(frozen=True, slots=True)
class Window:
    """CPU used between two samples, in cores (1.0 = one core busy the whole time)."""

    start: float
    end: float
    server: float | None
    bench: float
    others: float | None
    database: float | None = None


def take_sample(pid: int | None, database_pid: int | None = None) -> Sample:
    database = process_tree_cpu_seconds(database_pid) if database_pid is not None else None
    return Sample(time.perf_counter(), process_cpu_seconds(pid), time.process_time(), machine_busy_seconds(),
                  database)


def window_between(a: Sample, b: Sample) -> Window:
    span = max(b.at - a.at, 1e-9)
    server = None if a.server is None or b.server is None else (b.server - a.server) / span
    bench = (b.bench - a.bench) / span
    database = None if a.database is None or b.database is None else (b.database - a.database) / span
    others = None
    if a.machine is not None and b.machine is not None and server is not None:
        others = max(0.0, (b.machine - a.machine) / span - server - bench - (database or 0.0))
    return Window(a.at, b.at, server, bench, others, database)


class CpuSampler(threading.Thread):
    """Samples the server's, the database's (a PostgreSQL postmaster and its children, if
    given), this process's and the machine's CPU every ``period`` seconds."""

    def __init__(self, pid: int | None, period: float = 1.0, database_pid: int | None = None) -> None:
        super().__init__(daemon=True, name="cpu-sampler")
        self.pid, self.period, self.database_pid = pid, period, database_pid
        self.samples: list[Sample] = []
        self._done = threading.Event()

    def run(self) -> None:
        self.samples.append(take_sample(self.pid, self.database_pid))
        while not self._done.wait(self.period):
            self.samples.append(take_sample(self.pid, self.database_pid))

    def stop(self) -> None:
        self._done.set()
        self.join()
        self.samples.append(take_sample(self.pid, self.database_pid))

    def total(self) -> Window:
        return window_between(self.samples[0], self.samples[-1])

    def windows(self, length: float) -> list[Window]:
        """Consecutive windows of about ``length`` seconds."""
        result, first = [], self.samples[0]
        for sample in self.samples[1:]:
            if sample.at - first.at >= length - self.period / 2 or sample is self.samples[-1]:
                result.append(window_between(first, sample))
                first = sample
        return result
