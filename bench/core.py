"""Timings of the core: content, scoring, figures, and the questionnaire page's rerun cost.

    python bench/core.py [--runs 100] [--raw-apptest]

Prints warm medians (after one warm-up call) of:
- loading + validating the content (``load_questionnaire``, uncached),
- scoring one complete set of answers,
- building the three result figures;
- saving one draft (autosave: once per answer given, issue 11 §5);
and, measured in the same run with Streamlit's AppTest, the rerun time of every questionnaire
step divided by that of a bare Streamlit page with the same widgets (radios in a form and two
submit buttons, nothing else), with AppTest brought to a server's steady state (scripts
compiled once; see ``as_on_a_server``; ``--raw-apptest`` leaves AppTest as it is); and the
same comparison as a round trip over the websocket against two real servers.
Targets: score + figures <= 20 ms; rerun ratio <= 1.5.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from streamlit.testing.v1 import AppTest  # noqa: E402

from assessment import load_questionnaire, score_answers  # noqa: E402
from assessment.charts import result_figures  # noqa: E402
from assessment.questionnaire import complete_answers  # noqa: E402
from assessment.wording import result_words  # noqa: E402
from ui.result_view import chart_texts  # noqa: E402


STEP_IN_PROGRESS = re.compile(r"\bStep (\d+) of \d+")  # the English progress label's step part


def median_ms(fn, runs: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def answers_for(q) -> dict[str, str]:
    """The third option of every question."""
    return complete_answers(q, lambda _key, choices: choices[2])


BARE = '''
import streamlit as st
with st.form("f", border=False):
    for n in range({n}):
        st.radio(f"Question {{n}}", ["a", "b", "c", "d", "e"], index=None, horizontal=True, key=f"q{{n}}")
    left, right = st.columns(2)
    left.form_submit_button("Back", key="back")
    right.form_submit_button("Next", type="primary", key="next")
'''


def as_on_a_server() -> None:
    """Make AppTest reruns pay what a running server's reruns pay, no more.

    AppTest differs from ``streamlit run`` in two ways that cost a rerun several milliseconds
    no server rerun pays, and the cost falls on our app, not on the one-file bare page:

    - it builds a new, empty ``ScriptCache`` on every ``run()``, so every rerun reads, parses,
      rewrites ("magic") and compiles every script file again (about 4-5 ms per file here:
      ``app.py`` and the page for us, the one bare file for the bare page). A server compiles
      each file once and every rerun of every session reuses that bytecode;
    - it resets ``PagesManager.uses_pages_directory`` on every ``run()``, so an app with a
      ``pages/`` folder goes through Streamlit's old file-based mode each time (a glob of
      ``pages/`` and a second navigation) before ``app.py``'s ``st.navigation``. On a server
      that mode is switched off for good at the first request (``ui/__init__.py``).

    Both are put back to the server's steady state, for both sides of the comparison.
    """
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared

    class ServerPagesManager(PagesManager):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            PagesManager.uses_pages_directory = False  # as after a server's first request

    app_test.PagesManager = ServerPagesManager


def rerun_ms(at: AppTest, runs: int) -> float:
    return median_ms(lambda: at.run(), runs)


def step_app(step: int) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    at.session_state["wd.step"] = step
    at.switch_page("pages/questionnaire.py").run()
    return at


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--raw-apptest", action="store_true",
                        help="time AppTest reruns as AppTest does them (recompiling every script each run)")
    args = parser.parse_args()
    runs = max(50, args.runs)

    q = load_questionnaire("en")
    answers = answers_for(q)
    result = score_answers(q, answers)
    quadrants = {(p.wide, p.deep): p.name for p in q.profiles}

    load = median_ms(lambda: load_questionnaire("en"), runs)
    score = median_ms(lambda: score_answers(q, answers), runs)
    words, texts = result_words(result, q), chart_texts(result)
    figures = median_ms(lambda: result_figures(result, quadrants, words, texts), runs)
    print(f"warm medians over {runs} runs")
    print(f"  load + validate content     {load:8.2f} ms   (once per process: cached by the app)")
    print(f"  score answers               {score:8.2f} ms")
    print(f"  build the 3 result figures  {figures:8.2f} ms")
    total = score + figures
    print(f"  score + figures             {total:8.2f} ms   target <= 20 ms {'ok' if total <= 20 else 'TARGET MISSED'}")
    autosave_cost(answers, runs)

    print("\nquestionnaire rerun vs a bare page with the same widgets (AppTest, same process,")
    if args.raw_apptest:
        print("raw AppTest: every script recompiled and the pages/ folder mode on every run)")
    else:
        print("scripts compiled once and st.navigation alone, as on a server: see as_on_a_server)")
        as_on_a_server()
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for n, step in enumerate(q.steps):
            widgets = sum(len(q.item(i).answer_keys(q.segments)) for i in step.items)
            widgets += 3 if n == len(q.steps) - 1 else 0  # the last step also asks the sharing choices
            bare_file = Path(tmp) / f"bare_{n}.py"
            bare_file.write_text(BARE.format(n=widgets))
            bare = AppTest.from_file(str(bare_file), default_timeout=60)
            bare.run()
            ours = step_app(n)
            # interleave the two so that machine noise hits both alike
            bare_ms, ours_ms = [], []
            for _ in range(max(5, runs // 10)):
                bare_ms.append(rerun_ms(bare, 10))
                ours_ms.append(rerun_ms(ours, 10))
            b, o = statistics.median(bare_ms), statistics.median(ours_ms)
            worst = max(worst, o / b)
            print(f"  step {n + 1} ({widgets:2d} radios)  ours {o:6.2f} ms   bare {b:6.2f} ms   ratio {o / b:4.2f}")
    print(f"  worst ratio (script time) {worst:.2f}   target <= 1.5 {'ok' if worst <= 1.5 else 'TARGET MISSED'}")
    websocket_round_trips(q, runs)


def autosave_cost(answers: dict[str, str], runs: int) -> None:
    """What each answer adds since autosave (issue 11 §5): one draft upsert of the answers so far."""
    from assessment.storage.results import open_store

    with tempfile.TemporaryDirectory() as tmp, open_store(f"sqlite:///{tmp}/bench.sqlite") as store:
        token = store.save_draft(answers, 0)
        save = median_ms(lambda: store.save_draft(answers, 3, token, {"workshop_id": 1, "nickname": "Kim"}), runs)
    print(f"  autosave: one draft saved   {save:8.2f} ms   (SQLite, {len(answers)} answers; once per answer given)")


def websocket_round_trips(q, runs: int) -> None:
    """What a person waits for after a click: rerun round trips over the websocket, two real servers."""
    from bench.st_client import StreamlitClient
    from bench.st_server import running_streamlit

    step = max(range(len(q.steps)), key=lambda n: sum(len(q.item(i).answer_keys(q.segments)) for i in q.steps[n].items))
    widgets = sum(len(q.item(i).answer_keys(q.segments)) for i in q.steps[step].items)
    print(f"\nround trip of a rerun over the websocket (step {step + 1}, {widgets} radios; real servers, same run)")
    with tempfile.TemporaryDirectory() as tmp:
        bare_file = Path(tmp) / "bare.py"
        bare_file.write_text(BARE.format(n=widgets))
        env = {"DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite"}
        # the bare page runs with the same server settings as ours (our .streamlit/config.toml is not in its folder)
        shutil.copytree(REPO / ".streamlit", Path(tmp) / ".streamlit")
        with running_streamlit(REPO / "app.py", env=env) as ours_url, running_streamlit(bare_file, env=env) as bare_url:
            ours = StreamlitClient(ours_url)
            ours.connect("questionnaire")
            for _ in range(step):  # walk to the widest step the way a person does
                for item_id in q.steps[ours_step(ours, q)].items:
                    for key in q.item(item_id).answer_keys(q.segments):
                        ours.set_value(f"w.{key}", 0)
                ours.click("nav.next")
            bare = StreamlitClient(bare_url)
            bare.connect()
            ours_ms, bare_ms = [], []
            for _ in range(runs):
                bare_ms.append(bare.rerun().elapsed * 1000)
                ours_ms.append(ours.rerun().elapsed * 1000)
            shown = ours_step(ours, q)
            ours.close()
            bare.close()
    if shown != step:
        raise RuntimeError(f"the client reached step {shown + 1}, not {step + 1}")
    o, b = statistics.median(ours_ms), statistics.median(bare_ms)
    print(f"  ours {o:6.1f} ms   bare {b:6.1f} ms   ratio {o / b:4.2f}   target <= 1.5 {'ok' if o / b <= 1.5 else 'TARGET MISSED'}")


def ours_step(client, q) -> int:
    """Which step the client's page shows, from its progress text ("0 of 47 answered · … · Step 2 of 6")."""
    for text in client.texts():
        if found := STEP_IN_PROGRESS.search(text):
            return int(found.group(1)) - 1
    return 0


if __name__ == "__main__":
    main()
