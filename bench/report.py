"""The HTML report: its size (limit ``MAX_BYTES``, 1.5 MB) and how long it takes to build.

    python bench/report.py [--runs 20]

Prints the size in bytes of a report for the lowest, the middle and the highest answers (the
plotly.js basic bundle is most of it), the share of it that is plotly.js, and the warm median
time of ``render_report`` (figures built once, as the download button does per click).
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assessment import load_questionnaire, score_answers  # noqa: E402
from assessment.chart_text import result_texts  # noqa: E402
from assessment.charts import result_figures  # noqa: E402
from assessment.questionnaire import complete_answers  # noqa: E402
from assessment.report import MAX_BYTES, PLOTLY_BASIC, render_report  # noqa: E402
from assessment.wording import result_words  # noqa: E402
from ui.result_view import chart_texts  # noqa: E402
from ui.results_flow import report_texts  # noqa: E402
from ui.text import t  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    q = load_questionnaire("en")
    quadrants = {(p.wide, p.deep): p.name for p in q.profiles}
    bundle = PLOTLY_BASIC.stat().st_size
    for name, pick in (("lowest", lambda _k, c: c[0]), ("middle", None), ("highest", lambda _k, c: c[-1])):
        result = score_answers(q, complete_answers(q, pick))
        words = result_words(result, q)
        figures = result_figures(result, quadrants, words, chart_texts(result), titled=False)
        in_words = result_texts(result, words, t)  # each figure's sentence and table, as the download has
        texts = report_texts(result, "Sam", method_url="https://example.org/method", day=datetime.date.today())
        timings = []
        for _ in range(runs + 1):
            start = time.perf_counter()
            html = render_report(result, words, figures, texts, in_words)
            timings.append((time.perf_counter() - start) * 1000)
        size = len(html.encode("utf-8"))
        print(f"{name:8} {size:>10,} bytes ({size / MAX_BYTES:.0%} of the limit, plotly.js {bundle / size:.0%})"
              f"  render {statistics.median(timings[1:]):.1f} ms")


if __name__ == "__main__":
    main()
