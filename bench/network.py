"""Network map timings: 25 people, all 300 who-knows-whom pairs, warm medians.

    python bench/network.py                # 100 runs per step
    python bench/network.py --runs 200 --people 25

Times each step a page rerun does with a full map (checking the rows, measures, plan, the two
figures) and their sum, after warm-up runs. The target for the whole is 50 ms, the
budget for the map within one rerun on a 2-core machine (docs: streamlit-facts "Load").
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assessment.network.measures import measure_network  # noqa: E402
from assessment.network.charts import diversity_chart, rings_map  # noqa: E402
from assessment.network.plan import plan_connections  # noqa: E402
from assessment.network.roster import roster_from_rows  # noqa: E402
from tests.network_samples import CONTENT, WORDS  # noqa: E402

TARGET_MS = 50.0


def full_rows(people: int, seed: int = 7) -> tuple[list[dict], list[tuple[str, str]]]:
    """``people`` rows with random options (names up to 40 characters) and every possible pair."""
    content, rnd = CONTENT, random.Random(seed)
    rows = [{"name": f"Person {i:02d} " + "x" * rnd.randint(0, 28),
             **{f.id: rnd.choice(f.ids()) for f in content.fields}} for i in range(people)]
    return rows, list(itertools.combinations([r["name"] for r in rows], 2))


def warm_median_ms(step: Callable[[], object], runs: int, warm: int = 5) -> float:
    for _ in range(warm):
        step()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100, help="timed runs per step (at least 50)")
    parser.add_argument("--people", type=int, default=25)
    args = parser.parse_args()
    runs = max(args.runs, 50)
    rows, pairs = full_rows(args.people)
    roster = roster_from_rows(rows, pairs, CONTENT)
    report = measure_network(roster, CONTENT)

    def everything() -> None:
        r = roster_from_rows(rows, pairs, CONTENT)
        rep = measure_network(r, CONTENT)
        plan_connections(r, rep, CONTENT)
        rings_map(r, rep, CONTENT, WORDS)
        diversity_chart(r, rep, CONTENT, WORDS)

    steps = {
        "roster_from_rows": lambda: roster_from_rows(rows, pairs, CONTENT),
        "measure_network": lambda: measure_network(roster, CONTENT),
        "plan_connections": lambda: plan_connections(roster, report, CONTENT),
        "rings_map": lambda: rings_map(roster, report, CONTENT, WORDS),
        "diversity_chart": lambda: diversity_chart(roster, report, CONTENT, WORDS),
        "all of the above": everything,
    }
    print(f"network map: {len(roster.contacts)} people, {len(roster.ties)} pairs, warm median of {runs} runs")
    for name, step in steps.items():
        print(f"  {name:<18} {warm_median_ms(step, runs):7.2f} ms")
    total = warm_median_ms(everything, runs)
    print(f"  target: all <= {TARGET_MS:.0f} ms -> {'met' if total <= TARGET_MS else 'MISSED'} ({total:.2f} ms)")


if __name__ == "__main__":
    main()
