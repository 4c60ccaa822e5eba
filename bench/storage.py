"""Storage timings: saves/s and save latency with 16 threads, and workshop aggregates.

    python bench/storage.py                   # SQLite file, then PostgreSQL if installed
    python bench/storage.py --saves 2000 --threads 16

Every save joins one workshop (a full room answering at once), so the aggregate timings at
the end are over that many responses. PostgreSQL runs on a throw-away server with durable
settings (fsync on), started from the local binaries like the tests do.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assessment.storage.results import NewResult, open_store  # noqa: E402
from assessment.tokens import hash_secret, new_token  # noqa: E402
from tests.pg_server import find_postgres_bin, start_postgres, stop_postgres  # noqa: E402
from tests.storage_samples import sample_new_result, sample_result  # noqa: E402


def time_share_page(url: str, share_token: str, runs: int = 30) -> float:
    """Server time (seconds, median of warm runs) to render the share page of ``share_token``.

    Runs app.py through Streamlit's AppTest with ``?r=TOKEN`` on the results page: the whole
    script (navigation, the database look-up, the result view and its three charts) without
    the network. The figures come from a process-wide cache after the first view.
    """
    from streamlit.testing.v1 import AppTest

    os.environ["DATABASE_URL"] = url
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params["r"] = share_token
    at.switch_page("pages/results.py").run()
    if at.exception or not at.metric:
        raise RuntimeError(f"the share page did not render: {at.exception}")
    return statistics.median(timed(at.run) for _ in range(runs))


def real_result() -> dict:
    """A result scored from real answers, so the share page renders it as it would a person's."""
    from assessment import load_questionnaire, score_answers
    from bench.core import answers_for

    q = load_questionnaire("en")
    return score_answers(q, answers_for(q)).to_dict()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def bench_store(label: str, url: str, saves: int, threads: int) -> None:
    with open_store(url) as store:
        workshop = store.create_workshop("BENCH7", "Benchmark", "", hash_secret(new_token()))
        tokens: list[str] = []

        def save(n: int) -> float:
            new = sample_new_result(result=sample_result(seed=n % 50), workshop_id=workshop.id,
                                    display_name=f"person {n}")
            start = time.perf_counter()
            saved = store.save_result(new)
            elapsed = time.perf_counter() - start
            tokens.append(saved.share_token)
            return elapsed

        started = time.perf_counter()
        with ThreadPoolExecutor(threads) as pool:
            latencies = list(pool.map(save, range(saves)))
        wall = time.perf_counter() - started

        finds = [timed(lambda t=t: store.find_result(t)) for t in tokens[:200]]
        thresholds = {"width": 55, "depth": 55}
        summary = [timed(lambda: store.workshop_metric_summary(workshop.id, thresholds)) for _ in range(5)]
        points = [timed(lambda: store.workshop_points(workshop.id)) for _ in range(5)]
        export = timed(lambda: store.workshop_export_rows(workshop.id))
        real = store.save_result(NewResult(answers={}, result=real_result(), include_answers=False))
        share_page = time_share_page(url, real.share_token)

    print(f"{label}: {saves} saves from {threads} threads in {wall:.1f} s = {saves / wall:.0f} saves/s; "
          f"save latency p50 {statistics.median(latencies) * 1000:.1f} ms, "
          f"p95 {percentile(latencies, 0.95) * 1000:.1f} ms")
    print(f"{label}: find_result p95 {percentile(finds, 0.95) * 1000:.2f} ms; over {saves} responses: "
          f"workshop_metric_summary median {statistics.median(summary) * 1000:.0f} ms, "
          f"workshop_points median {statistics.median(points) * 1000:.0f} ms, "
          f"workshop_export_rows {export * 1000:.0f} ms")
    print(f"{label}: share page server render (AppTest, median of 30) {share_page * 1000:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=16)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        bench_store("sqlite", f"sqlite:///{folder}/bench.sqlite", args.saves, args.threads)

    if find_postgres_bin() is None:
        print("postgresql: skipped (no server binaries; apt-get install -y postgresql)")
        return
    server = start_postgres("bench", durable=True)
    try:
        bench_store("postgresql", server.url, args.saves, args.threads)
    finally:
        stop_postgres(server)


if __name__ == "__main__":
    main()
