"""The worst input one person can send, kind by kind: time and memory of the one rerun (or call) it costs.

    python bench/worst_input.py              # every case, in-process and over a real websocket
    python bench/worst_input.py --no-server  # skip the cases that start a Streamlit server
    python bench/worst_input.py --server-only

Each case sends the largest input that is accepted, or one that must be refused, through the
real entry point: ``import_json`` (a results file), ``score_answers``, ``roster_from_rows``,
AppTest runs of app.py (session state, a table editor's state as a browser sends it, query
parameters), the content loaders, and a real server driven over its websocket by
``bench/st_client.py``. Printed per case: the outcome, wall time of one run, tracemalloc's peak
(a second, traced run) and RSS growth of the process that did the work (the server's for the
websocket cases). The target (issue 9) is at most 1 s and 50 MB each on a 2-core machine.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import signal
import sys
import shutil
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp(prefix='worst-input-')}/app.sqlite")

from assessment import load_questionnaire, score_answers  # noqa: E402
from assessment.answers import AnswerError  # noqa: E402
from assessment.content.load import check_content  # noqa: E402
from assessment.exchange import ImportRefused, export_json, import_json  # noqa: E402
from assessment.content.load import load_network_content  # noqa: E402
from assessment.network.roster import RosterError, roster_from_rows  # noqa: E402
from assessment.questionnaire import complete_answers  # noqa: E402

TARGET_S, TARGET_MB = 1.0, 50.0
CUT_OFF_S = 20
APP = ROOT / "app.py"
Q = load_questionnaire("en")
NETWORK = load_network_content()


@dataclass(frozen=True, slots=True)
class Case:
    kind: str
    name: str
    prepare: Callable[[], Callable[[], str]]  # fresh state each time -> the one run, returning its outcome


# -- inputs -------------------------------------------------------------------------------
def answers() -> dict[str, str]:
    return complete_answers(Q, lambda _key, choices: choices[-1])


def full_roster() -> tuple[list[dict], list[list[str]]]:
    """25 people with 40-character names and all 300 pairs: the largest map accepted."""
    rows = [{"name": f"{i:02d}" + "x" * 38, **{f.id: f.ids()[i % len(f.ids())] for f in NETWORK.fields}}
            for i in range(NETWORK.max_contacts)]
    return rows, [list(p) for p in itertools.combinations([r["name"] for r in rows], 2)]


def results_file(size: int | None = None, **extra) -> bytes:
    """An exported file with the full roster, padded with an ignored key to ``size`` bytes."""
    rows, ties = full_roster()
    document = json.loads(export_json(answers(), score_answers(Q, answers()).to_dict(), display_name="Sam",
                                      roster={"rows": rows, "ties": ties}))
    document.update(extra)
    data = json.dumps(document).encode()
    if size is not None:
        document["padding"] = "x" * (size - len(data) - len(', "padding": ""'))
        data = json.dumps(document).encode()
    return data


def importing(data: bytes) -> Callable[[], Callable[[], str]]:
    def run() -> str:
        try:
            imported = import_json(data, Q, NETWORK)
        except ImportRefused as refused:
            return f"refused: {str(refused)[:70]}"
        return f"accepted ({len(imported.roster['rows']) if imported.roster else 0} people)"
    return lambda: run


def scoring(given: object) -> Callable[[], Callable[[], str]]:
    def run() -> str:
        try:
            score_answers(Q, given)
        except AnswerError as error:
            return f"refused: {str(error)[:70]}"
        return "accepted"
    return lambda: run


def rostering(rows: list, ties: list) -> Callable[[], Callable[[], str]]:
    def run() -> str:
        try:
            roster = roster_from_rows(rows, ties, NETWORK)
        except RosterError as error:
            return f"refused: {str(error.problems[0])[:70]}"
        return f"accepted ({len(roster.contacts)} people, {len(roster.ties)} pairs)"
    return lambda: run


# -- AppTest: one rerun of app.py -----------------------------------------------------------
def app_test(page: str, session: dict | None = None, **params: str):
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()  # through app.py first (importing ui leaves Streamlit's pages-folder mode)
    for key, value in (session or {}).items():
        at.session_state[key] = value
    for name, value in params.items():
        at.query_params[name] = value
    return at, page


def outcome(at) -> str:
    if at.exception:
        return f"EXCEPTION: {at.exception[0].message[:60]}"
    said = [e.value for e in (*at.error, *at.warning)]
    return f"shown: {said[0][:70]}" if said else f"page drawn ({len(at.main.children)} blocks)"


def page_rerun(page: str, session: dict | None = None, **params: str) -> Callable[[], Callable[[], str]]:
    def prepare() -> Callable[[], str]:
        at, path = app_test(page, session, **params)

        def run() -> str:
            at.switch_page(path).run()
            return outcome(at)
        return run
    return prepare


def quick_add_line(names: int, name_length: int = 2) -> Callable[[], Callable[[], str]]:
    """The network page's quick add sent with a line of ``names`` names, as a client can send it
    (the box's max_chars is the browser's; Streamlit cuts the value to it as it arrives)."""
    def prepare() -> Callable[[], str]:
        from tests.network_samples import row
        at, path = app_test("pages/network.py", {"wd.roster": [row("A"), row("B")]})  # ui/session.py roster_rows
        at.switch_page(path).run()
        at.session_state["w.network.add.names"] = ",".join(f"{i:0{name_length}d}" for i in range(names))  # ui/network_view.ADD_LINE
        at.button[0].click()

        def run() -> str:
            at.run()
            return outcome(at)
        return run
    return prepare


# -- content files -------------------------------------------------------------------------
def content_dir(language_text: str | None = None) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="worst-content-")) / "content"
    shutil.copytree(ROOT / "content", folder)
    if language_text is not None:
        (folder / "en" / "questionnaire.yaml").write_text(language_text, encoding="utf-8")
    return folder


def checking_content(folder: Path) -> Callable[[], Callable[[], str]]:
    def run() -> str:
        issues = check_content("en", folder)
        return f"{len(issues)} problems: {str(issues[0])[:60]}" if issues else "loaded"
    return lambda: run


def loading_network(text: str | None = None) -> Callable[[], Callable[[], str]]:
    folder = content_dir()
    if text is not None:
        (folder / "network.yaml").write_text(text, encoding="utf-8")

    def run() -> str:
        try:
            load_network_content("en", folder)
        except Exception as error:  # the loader's documented error, or what it raises today
            return f"{type(error).__name__}: {str(error)[:60]}"
        return "loaded"
    return lambda: run


def padded_language_file(megabytes: float) -> str:
    """The real English questionnaire texts followed by comment lines, grown to ``megabytes``."""
    text = (ROOT / "content" / "en" / "questionnaire.yaml").read_text(encoding="utf-8")
    filler = "  # " + "x" * 76 + "\n"
    return text + filler * int(megabytes * 1e6 / len(filler))


def alias_bomb(levels: int) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 10)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def cases() -> list[Case]:
    big_state_rows = 500_000  # 3.5 MB on one line: over server.maxWidgetStateSize (1 MB); a shorter line is cut to the box
    return [
        Case("results file", "largest accepted: 25 people, 300 pairs, padded to 199 kB", importing(results_file(199_900))),
        Case("results file", "refused: 12,000 roster rows (182 kB)", importing(json.dumps(
            json.loads(results_file()) | {"roster": {"rows": [{"name": str(i)} for i in range(12_000)]}},
            separators=(",", ":")).encode())),
        Case("results file", "refused: 1 MB (the uploader's limit)", importing(b" " * 1_000_000)),
        Case("JSON depth", "accepted: 32 levels in an ignored key", importing(results_file(padding2="[" * 31 + "]" * 31))),
        Case("JSON depth", "refused: 100,000 nested brackets", importing(b"[" * 100_000)),
        Case("JSON depth", "accepted: 160,000 brackets inside a string", importing(results_file(deep="[" * 160_000))),
        Case("JSON numbers", "refused: a 5,000-digit number", importing(b'{"format": ' + b"9" * 5_000 + b"}")),
        Case("answers", "refused: 10,000 unknown keys", scoring({f"k{i}": "x" for i in range(10_000)})),
        Case("answers", "refused: not a mapping (a 190 kB string)", scoring("x" * 190_000)),
        Case("roster", "largest accepted: 25 people, 300 pairs", rostering(*full_roster())),
        Case("roster", "refused: 12,000 rows", rostering([{"name": str(i)} for i in range(12_000)], [])),
        Case("roster", "refused: 100,000 pairs", rostering(full_roster()[0], [["a", "b"]] * 100_000)),
        Case("network page", "largest accepted: 25 people and 300 pairs in session", page_rerun(
            "pages/network.py", {"wd.roster": full_roster()[0], "wd.ties": full_roster()[1]})),
        Case("network page", "refused: 3,000 people in session (no pairs built)", page_rerun(
            "pages/network.py", {"wd.roster": [{"name": str(i)} for i in range(3_000)]})),
        Case("quick add", "largest accepted: 23 names added to 2 (25 people)", quick_add_line(23)),
        Case("quick add", "refused: 3,000 names on one line", quick_add_line(3_000)),
        Case("quick add", f"refused (1 MB widget-state cap): {big_state_rows:,} names, 3.5 MB", quick_add_line(big_state_rows, 6)),
        Case("query params", "/workshop?w=<5,000 digits>", page_rerun("pages/workshop.py", w="9" * 5_000, k="k" * 22)),
        Case("query params", "/projector?w=²", page_rerun("pages/projector.py", w="²", k="k" * 22)),
        Case("query params", "/projector?w=<20 digits>", page_rerun("pages/projector.py", w="9" * 20, k="k" * 22)),
        Case("query params", "/results?r=<100,000 characters>", page_rerun("pages/results.py", r="r" * 100_000)),
        Case("query params", "/join?code=<100,000 characters>", page_rerun("pages/join.py", code="c" * 100_000)),
        Case("query params", "/questionnaire?resume=<100,000 characters>", page_rerun(
            "pages/questionnaire.py", resume="t" * 100_000)),
        Case("content files", "the real questionnaire and language file", checking_content(content_dir())),
        Case("content files", "the real network.yaml", loading_network()),
        Case("content files", "language file of 1 MB (comments)", checking_content(content_dir(padded_language_file(1)))),
        Case("content files", "alias bomb, 4 levels (10,000 leaves)", checking_content(content_dir(alias_bomb(4)))),
        Case("content files", "network.yaml with an alias bomb, 4 levels", loading_network(
            (ROOT / "content" / "network.yaml").read_text(encoding="utf-8") + alias_bomb(4))),
    ]


# -- measuring ------------------------------------------------------------------------------
def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class TimedOut(Exception):
    pass


def _time_out(signum, frame):
    raise TimedOut


def measure(case: Case) -> tuple[str, float, float, float]:
    signal.signal(signal.SIGALRM, _time_out)
    signal.alarm(CUT_OFF_S)  # a loader that loops (network.yaml without limits:, issue 9 §2) must not stop the bench
    try:
        return _measure(case)
    except TimedOut:
        return f"STOPPED after {CUT_OFF_S} s", float(CUT_OFF_S), 0.0, 0.0
    finally:
        signal.alarm(0)


def _measure(case: Case) -> tuple[str, float, float, float]:
    case.prepare()()  # warm-up: imports and caches a long-running server already holds
    run = case.prepare()
    gc.collect()
    before = rss_mb()
    started = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - started
    grown = rss_mb() - before
    run = case.prepare()
    gc.collect()
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return result, seconds, peak, grown


def report(kind: str, name: str, result: str, seconds: float, peak: float | None, grown: float) -> bool:
    within = seconds <= TARGET_S and (peak or 0) <= TARGET_MB and grown <= TARGET_MB
    peak_text = f"{peak:7.1f}" if peak is not None else "      -"
    result = " ".join(result.split())[:90]
    print(f"{kind:<14} {name:<58} {seconds:7.3f} {peak_text} {grown:7.1f}  {'ok  ' if within else 'OVER'}  {result}", flush=True)
    return within


# -- over a real websocket --------------------------------------------------------------------
def server_cases() -> list[tuple[str, str, Callable[[object], str]]]:
    def line(names: int, width: int = 2) -> Callable[[object], str]:
        def send(client) -> str:
            from streamlit.proto.Alert_pb2 import Alert

            from bench.st_client import StreamlitClientError
            client.set_value("w.network.add.names", ",".join(f"{i:0{width}d}" for i in range(names)))
            button = next(e for e in client.elements if e.kind == "button" and e.text == "Add to my map")
            client._triggers.append(button.widget_id)
            try:
                result = client.rerun()
            except StreamlitClientError as closed:  # a frame over server.maxWidgetStateSize
                return f"refused: {closed}"
            except OSError as reset:  # a frame over server.maxMessageSize: reset while it is still being sent
                return f"refused: the server reset the connection ({type(reset).__name__})"
            shown = [e.text for e in result.elements if e.kind == "exception"
                     or (e.kind == "alert" and e.proto.format in (Alert.ERROR, Alert.WARNING))]
            return f"{result.status}: {shown[0][:70] if shown else 'page drawn'}"
        return send
    return [
        ("quick add", "over the websocket: 23 names added to 2", line(23)),
        ("quick add", "over the websocket: 3,000 names", line(3_000)),
        ("quick add", "over the websocket: 170,000 names (1.2 MB)", line(170_000, 6)),
        ("quick add", "over the websocket: 2,300,000 names (16 MB)", line(2_300_000, 6)),
    ]


def add_two_people(client) -> None:
    """Two people through quick add, so the page holds a map."""
    client.set_value("w.network.add.names", "A, B")
    button = next(e for e in client.elements if e.kind == "button" and e.text == "Add to my map")
    client._triggers.append(button.widget_id)
    client.rerun()


def server_pid(port: int) -> int:
    """The streamlit process listening on ``port`` (a child of this one)."""
    for stat in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            command = stat.read_bytes().split(b"\0")
        except OSError:
            continue
        if b"streamlit" in b" ".join(command) and str(port).encode() in command:
            return int(stat.parent.name)
    raise RuntimeError(f"no streamlit process on port {port}")


def run_server_cases() -> bool:
    from bench.st_client import StreamlitClient
    from bench.st_server import running_streamlit
    within = True
    with running_streamlit(APP, env={"DATABASE_URL": os.environ["DATABASE_URL"]}) as base_url:
        pid = server_pid(int(base_url.rsplit(":", 1)[1]))
        for kind, name, send in server_cases():
            with StreamlitClient(base_url, timeout=120) as client:
                client.connect("network")
                add_two_people(client)
                before = rss_mb(pid)
                started = time.perf_counter()
                result = send(client)
                seconds = time.perf_counter() - started
                within &= report(kind, name, result, seconds, None, rss_mb(pid) - before)
    return within


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-server", action="store_true", help="skip the cases over a real websocket")
    parser.add_argument("--server-only", action="store_true", help="only the cases over a real websocket")
    args = parser.parse_args()
    print(f"target: {TARGET_S:.0f} s and {TARGET_MB:.0f} MB per run; times are one warm-process run")
    print(f"{'kind':<14} {'input':<58} {'time s':>7} {'peak MB':>7} {'RSS +MB':>7}  {'':4}  outcome")
    within = args.server_only or all([report(c.kind, c.name, *measure(c)) for c in cases()])
    if not args.no_server:
        within &= run_server_cases()
    print("every case within target" if within else "some cases are OVER the target")


if __name__ == "__main__":
    main()
