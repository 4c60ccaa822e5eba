"""SQLite on a failing disk, per journal mode: does the process live, and what does it cost?

    python bench/sqlite_disk_faults.py              # both modes, 4 s of mixed load each

For each of WIDE_DEEP_SQLITE_JOURNAL=wal (the default) and =delete it prints:
- the outcome of tests/disk_fault_child.py's faults run in a child process: "truncated"
  (every database file cut to 0 bytes under the running process) and "read-only" (the folder
  and files made read-only between two presses of Next);
- a room's mixed load on one SQLite file: 8 threads saving results into one workshop while 8
  threads read the room (``workshop_room_rows``, what each projector and facilitator page
  asks every few seconds): saves/s, reads/s and p95 latencies.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assessment.storage.results import open_store  # noqa: E402
from assessment.tokens import hash_secret, new_token  # noqa: E402
from tests.storage_samples import sample_new_result, sample_result  # noqa: E402

MODES = ("wal", "delete")


def fault_outcome(mode: str, fault: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        folder.mkdir()
        prefix = ["setpriv", "--inh-caps=-all", "--bounding-set=-all"] if os.geteuid() == 0 else []
        try:
            child = subprocess.run(
                [*prefix, sys.executable, "-m", "tests.disk_fault_child", str(folder), fault],
                capture_output=True, text=True, timeout=120, cwd=REPO,
                env={**os.environ, "WIDE_DEEP_SQLITE_JOURNAL": mode},
            )
        finally:
            for path in (folder, *folder.iterdir()):
                path.chmod(0o755)
    if child.returncode < 0:
        return f"process killed by {signal.Signals(-child.returncode).name}"
    lines = [line for line in child.stdout.splitlines() if line != "alive"]
    return ("alive: " if "alive" in child.stdout else f"exit {child.returncode}: ") + "; ".join(lines)[:160]


def mixed_load(mode: str, seconds: float) -> str:
    os.environ["WIDE_DEEP_SQLITE_JOURNAL"] = mode
    with tempfile.TemporaryDirectory() as tmp, open_store(f"sqlite:///{tmp}/bench.sqlite") as store:
        workshop = store.create_workshop("BENCH7", "Benchmark", "", hash_secret(new_token()))
        stop = time.monotonic() + seconds
        saves: list[float] = []
        reads: list[float] = []
        lock = threading.Lock()

        def writer(n: int) -> None:
            while time.monotonic() < stop:
                start = time.perf_counter()
                store.save_result(sample_new_result(result=sample_result(seed=n), workshop_id=workshop.id))
                with lock:
                    saves.append(time.perf_counter() - start)

        def reader(_n: int) -> None:
            while time.monotonic() < stop:
                start = time.perf_counter()
                store.workshop_room_rows(workshop.id)
                with lock:
                    reads.append(time.perf_counter() - start)

        with ThreadPoolExecutor(16) as pool:
            for future in [pool.submit(writer, n) for n in range(8)] + [pool.submit(reader, n) for n in range(8)]:
                future.result()

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[-1] * 1000

    return (f"{len(saves) / seconds:.0f} saves/s (p95 {p95(saves):.1f} ms), "
            f"{len(reads) / seconds:.0f} room reads/s (p95 {p95(reads):.1f} ms)")


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 4.0
    for mode in MODES:
        for fault in ("truncated", "read-only"):
            print(f"{mode:6} {fault:9}: {fault_outcome(mode, fault)}", flush=True)
        print(f"{mode:6} load     : {mixed_load(mode, seconds)}", flush=True)


if __name__ == "__main__":
    main()
