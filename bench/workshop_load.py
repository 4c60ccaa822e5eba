"""A workshop room under load: N participants and a projector on a real `streamlit run`.

    python bench/workshop_load.py                     # 200 participants: 6-8 minutes
    python bench/workshop_load.py --participants 20   # a quick room: about 5 minutes
    python bench/workshop_load.py --participants 20 --stored-responses 500   # about 4.5 minutes
    python bench/workshop_load.py --server-option runner.postScriptGC=false   # try a setting
    python bench/workshop_load.py --participants 1000 --postgres   # a big room on a throw-away PostgreSQL

Filling the 10,000 stored responses takes 40-75 s on a quiet machine (``Store.save_result``, ~2-4 ms
each; 20 ms each with the machine shared); the room itself about 4 minutes (47 answers), at most
``--deadline`` (ramp + 47 x answer-think-max + 7 x think-max + 60 s = 6.3 minutes).

What happens, all on 127.0.0.1, and the script stops by itself:

1. A fresh SQLite file in a temporary folder (or ``--database-url``) gets two workshops:
   the *room* the participants join, and a *big* one filled with ``--stored-responses``
   (10,000) scored results through ``Store.save_result`` from 4 threads, before the
   server starts (so the filling does not compete with the room for CPU).
2. ``streamlit run app.py`` starts (bench/st_server.py) on that database. One warm-up
   walkthrough (not counted, not in any workshop) loads the modules and caches, as a
   server that has been up for a while would have them.
3. The room: each participant is one real websocket session (bench/st_client.py, one
   thread each; the client work per message is one protobuf parse). Participant i opens
   ``/join?code=CODE`` at ``i * ramp / N`` seconds (a linear ramp over ``--ramp`` = 25 s:
   people scan the QR code over half a minute, they don't all press at once), joins (every
   other one with a nickname), then per step chooses every answer of the step, each one a
   rerun that saves the draft (the questionnaire has no form: autosave on every answer, as
   a browser's radio does; the answers are random but never a grid row the step refuses),
   and presses Next, the last step Finish, and lands on the results page, which saves the
   result. Before each answer they read for 1–5 s, before each Join/Next/Finish for 2–8 s
   (uniform, seeded by ``--seed``; a person takes about 12 s an answer, assessment/pace.py). Meanwhile one projector session shows the room
   (``/projector?w=ID&k=FACILITATOR_KEY``) and refreshes its ``run_every`` fragment at the
   interval the page asks for (3 s), as its browser would; each refresh is timed.
4. The big workshop, revealed (the projector draws the room's charts, not the join code):
   a projector session opens it and refreshes ``--projector-samples`` times (0.5 s apart)
   with nobody else on the server. The room's projector stays unrevealed, as while a room
   answers.
5. The table: participants, submissions sent (Finish presses) and stored (the room's
   ``workshop_response_count``), round trip per press (median, p95, by kind), page loads,
   projector refreshes, server CPU per interaction (and the database's, with ``--postgres``),
   the bench's own CPU, and a ``TARGET MISSED`` line for every target not met. Exit code 0
   either way: it measures.
6. Capacity: from the CPU per interaction, how many participants one core (one server
   process) holds at this bench's pace and at a person's pace, and how many servers one
   PostgreSQL core keeps up with. If presses got slow or results were lost, *where it stops*:
   the first 10 s window that missed, how many people were in the room then, and why (the
   server process at its one core, the machine's cores full, or time spent waiting elsewhere).

Round trip = from sending the press to the ``script_finished`` of the run it leads to
(including ``st.switch_page`` hops), i.e. what a person waits for. Targets: nothing lost,
press p95 <= 1 s, projector refresh <= 100 ms at 10,000 responses.

If pages/projector.py has no ``run_every`` fragment, the projector is timed with full
reruns (the output says so).
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlalchemy as sa  # noqa: E402

from assessment import load_questionnaire, score_answers  # noqa: E402
from assessment.pace import SECONDS_PER_ANSWER  # noqa: E402
from assessment.questionnaire import Questionnaire  # noqa: E402
from assessment.scoring import impossible_segments  # noqa: E402
from assessment.storage.results import NewResult, Store, open_store  # noqa: E402
from assessment.room.joining import new_facilitator_key, new_join_code  # noqa: E402
from bench.cpu_usage import CpuSampler, Window, postmaster_pid, process_rss_mb, server_pid  # noqa: E402
from bench.st_client import RunResult, StreamlitClient, StreamlitClientError  # noqa: E402
from bench.st_fragments import FragmentClient  # noqa: E402
from bench.st_server import running_streamlit  # noqa: E402

APP = Path(__file__).resolve().parents[1] / "app.py"
TARGET_PRESS_P95 = 1.0          # seconds
TARGET_PROJECTOR_BIG = 0.100    # seconds, at --stored-responses
PRESSES = ("answer", "join", "next", "finish")  # what a person presses; "answer": choosing a radio
FILL_THREADS = 4
DEFAULT_REFRESH = 3.0           # projector interval when the page has no run_every fragment
# Capacity is quoted at 70% of a core busy, leaving 30% for bursts (our own choice: at 70%
# a queue's wait is about 2.3 times the work itself, and a press of ~10 ms stays far below 1 s).
BUSY_AT_CAPACITY = 0.7
# A person's pace for the capacity table: one press (an answer, Next) every 12 s, the app's own
# estimate of the time an answer takes (assessment/pace.py SECONDS_PER_ANSWER; 47 answers ~ 10 minutes).
PERSON_PRESS_EVERY = float(SECONDS_PER_ANSWER)


# -- what happened --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Interaction:
    """One round trip: ``kind`` is connect, join, next, finish, or refresh."""

    kind: str
    elapsed: float
    first_message: float
    sent_at: float  # time.perf_counter() when the request was sent

    @classmethod
    def of(cls, kind: str, run: RunResult) -> Interaction:
        first = run.first_message if run.first_message is not None else run.elapsed
        return cls(kind, run.elapsed, first, time.perf_counter() - run.elapsed)


@dataclass(slots=True)
class Outcome:
    """One participant's session, filled in as it goes."""

    number: int
    finish_sent: bool = False
    on_results: bool = False
    error: str | None = None
    interactions: list[Interaction] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Room:
    """The workshops the bench created and how to reach them."""

    url: str
    room_id: int
    room_code: str
    room_key: str
    big_id: int
    big_key: str
    fill_seconds: float


# -- answers ----------------------------------------------------------------------------------

def option_ids(q: Questionnaire, answer_key: str) -> tuple[str, ...]:
    """The option ids a radio offers: item options, or a grid cell's column bands."""
    return q.choices(answer_key)


def step_answer_keys(q: Questionnaire, n: int) -> tuple[str, ...]:
    return tuple(k for i in q.steps[n].items for k in q.item(i).answer_keys(q.segments))


def random_answers(q: Questionnaire, rng: random.Random) -> dict[str, str]:
    return {k: rng.choice(option_ids(q, k)) for k in q.answer_keys()}


def participant_answers(q: Questionnaire, rng: random.Random) -> dict[str, str]:
    """Random answers a person could give: the grid step refuses a row with more people who would do a
    favour than people known (``impossible_segments``), so such a row's favour answer is drawn again
    among the bands that fit the known one."""
    answers = random_answers(q, rng)
    grid = next((i for i in q.items if i.kind == "segment_grid"), None)
    for segment in impossible_segments(q, answers):
        known_col, favour_col = grid.columns[0], grid.columns[1]
        known = known_col.band(answers[f"{grid.id}.{segment}.{known_col.id}"])
        fits = [b.id for b in favour_col.bands if known.most is None or b.least <= known.most]
        answers[f"{grid.id}.{segment}.{favour_col.id}"] = rng.choice(fits)
    return answers


# -- the database -------------------------------------------------------------------------------

def prepare_database(url: str, q: Questionnaire, stored: int, seed: int) -> Room:
    """Create the room and the big workshop; fill the big one with ``stored`` scored results."""
    with open_store(url) as store:
        room_key, big_key = new_facilitator_key(), new_facilitator_key()
        room = store.create_workshop(new_join_code(), "Load test room", "", room_key.hash)
        big = store.create_workshop(new_join_code(), "Load test, stored responses", "", big_key.hash)
        started = time.perf_counter()
        fill_workshop(store, big.id, q, stored, seed)
        fill_seconds = time.perf_counter() - started
        store.set_workshop_revealed(big.id, True)  # the projector draws the room's charts
    return Room(url, room.id, room.code, room_key.secret, big.id, big_key.secret, fill_seconds)


def fill_workshop(store: Store, workshop_id: int, q: Questionnaire, count: int, seed: int) -> None:
    """``count`` results of random answers, scored, saved into the workshop from a few threads."""

    def save(n: int) -> None:
        answers = random_answers(q, random.Random(seed * 1_000_003 + n))
        store.save_result(NewResult(
            answers=answers, result=score_answers(q, answers).to_dict(), workshop_id=workshop_id,
            nickname=f"stored {n}", nickname_public=n % 2 == 0,
        ))

    with ThreadPoolExecutor(FILL_THREADS) as pool:
        list(pool.map(save, range(count)))


def count_stored(room: Room) -> int:
    """Results the room's workshop holds now."""
    with open_store(room.url) as store:
        return store.workshop_response_count(room.room_id)


# -- one participant ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Pace:
    """How long a person reads before each press, and the room's deadline."""

    rng: random.Random
    think: tuple[float, float]
    answer_think: tuple[float, float] = (0.0, 0.0)
    room_over: threading.Event = field(default_factory=threading.Event)

    def before_press(self, client: StreamlitClient) -> None:
        self._wait(client, self.think)

    def before_answer(self, client: StreamlitClient) -> None:
        self._wait(client, self.answer_think)

    def _wait(self, client: StreamlitClient, between: tuple[float, float]) -> None:
        client.pause(self.rng.uniform(*between))
        if self.room_over.is_set():
            raise StreamlitClientError("the room's deadline passed; no more presses.")


def join_room(client: StreamlitClient, outcome: Outcome, room: Room, pace: Pace) -> None:
    """Open the join link (the code is in it), maybe add a nickname, press Join."""
    run = client.connect("join", f"code={room.room_code}")
    outcome.interactions.append(Interaction.of("connect", run))
    expect_ok(run, "join page")
    if "join.code" in client.widgets and getattr(client.widget("join.code").proto, "value", "") != room.room_code:
        client.set_value("join.code", room.room_code)
    if outcome.number % 2 == 0 and "join.nickname" in client.widgets:
        client.set_value("join.nickname", f"Person {outcome.number}")
        if "join.public" in client.widgets:
            client.set_value("join.public", pace.rng.random() < 0.5)
    pace.before_press(client)
    run = client.click("join.submit")
    outcome.interactions.append(Interaction.of("join", run))
    expect_ok(run, "join")
    if client.page_script_hash != client.pages.get("questionnaire"):
        raise StreamlitClientError(f"join: still not on the questionnaire; the page says {client.texts()[:3]}")


def answer_steps(client: StreamlitClient, outcome: Outcome, q: Questionnaire, pace: Pace) -> None:
    """Every step: choose each answer (a rerun each: the page saves the draft on every answer, as a
    browser's radio does), read for a while, press Next (the last step: Finish)."""
    answers = participant_answers(q, pace.rng)
    for n in range(len(q.steps)):
        for key in step_answer_keys(q, n):
            widget = client.widget(f"w.{key}")
            choices = len(widget.proto.options)
            if choices != len(option_ids(q, key)):
                raise StreamlitClientError(f"w.{key}: {choices} options on the page, "
                                           f"{len(option_ids(q, key))} in the questionnaire.")
            pace.before_answer(client)
            run = client.act(f"w.{key}", option_ids(q, key).index(answers[key]))
            outcome.interactions.append(Interaction.of("answer", run))
            expect_ok(run, f"step {n + 1}, answer {key}")
        last = n == len(q.steps) - 1
        pace.before_press(client)
        if last:
            outcome.finish_sent = True
        run = client.click("nav.finish" if last else "nav.next")
        outcome.interactions.append(Interaction.of("finish" if last else "next", run))
        expect_ok(run, f"step {n + 1}")
        following = None if last else f"w.{step_answer_keys(q, n + 1)[0]}"
        if following is not None and following not in client.widgets:
            raise StreamlitClientError(f"step {n + 1}: Next did not lead to step {n + 2}; "
                                       f"the page says {client.texts()[:3]}")
    if client.page_script_hash != client.pages.get("results"):
        raise StreamlitClientError("after Finish the session is not on the results page.")
    problems = [t for t in client.texts() if "couldn't save" in t or "can't be reached" in t]
    if problems:
        raise StreamlitClientError(f"results page: {problems[0]}")
    outcome.on_results = True


def expect_ok(run: RunResult, what: str) -> None:
    if run.status != "ok" or run.exceptions:
        raise StreamlitClientError(f"{what}: run {run.status}, exceptions {list(run.exceptions)[:1]}")


def run_participant(base_url: str, room: Room, q: Questionnaire, outcome: Outcome, start_at: float,
                    pace: Pace, timeout: float) -> None:
    time.sleep(max(0.0, start_at - time.perf_counter()))
    with FragmentClient(base_url, timeout=timeout) as client:
        try:
            join_room(client, outcome, room, pace)
            answer_steps(client, outcome, q, pace)
        except Exception as error:  # noqa: BLE001 - a measurement records every failure and goes on
            outcome.error = f"{type(error).__name__}: {error}"


# -- the projector --------------------------------------------------------------------------------

class Projector(threading.Thread):
    """A projector tab: opens the page, then refreshes its fragment every interval until stopped."""

    def __init__(self, base_url: str, workshop_id: int, key: str, timeout: float,
                 interval: float | None = None, samples: int | None = None) -> None:
        super().__init__(daemon=True, name=f"projector-{workshop_id}")
        self.client = FragmentClient(base_url, timeout=timeout)
        self.query = f"w={workshop_id}&k={key}"
        self.interval, self.samples = interval, samples
        self.stop = threading.Event()
        self.load: Interaction | None = None
        self.refreshes: list[Interaction] = []
        self.uses_fragment = False
        self.error: str | None = None

    def run(self) -> None:
        try:
            with self.client:
                self.load = Interaction.of("connect", self.client.connect("projector", self.query))
                self.uses_fragment = bool(self.client.fragments)
                interval = self.interval or next(iter(self.client.fragments.values()), DEFAULT_REFRESH)
                while not self.stop.is_set() and (self.samples is None or len(self.refreshes) < self.samples):
                    self.client.pause(interval)
                    if self.stop.is_set():
                        break
                    run = self.client.rerun_fragment() if self.uses_fragment else self.client.rerun()
                    expect_ok(run, "projector refresh")
                    self.refreshes.append(Interaction.of("refresh", run))
        except Exception as error:  # noqa: BLE001 - reported with the figures
            self.error = f"{type(error).__name__}: {error} (after {len(self.refreshes)} refreshes)"


# -- the server -------------------------------------------------------------------------------------

def warm_up(base_url: str, q: Questionnaire, room: Room, timeout: float) -> None:
    """One walkthrough outside any workshop, and a projector load: imports and caches done."""
    with StreamlitClient(base_url, timeout=timeout) as client:
        client.connect("join")
        client.connect("questionnaire")
        answer_steps(client, Outcome(-1), q, Pace(random.Random(0), (0.0, 0.0)))
    with FragmentClient(base_url, timeout=timeout) as projector:
        projector.connect("projector", f"w={room.room_id}&k={room.room_key}")


# -- the room -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class RoomRun:
    outcomes: tuple[Outcome, ...]  # as they were at the end (or the deadline)
    projector: Projector
    started: float  # time.perf_counter() when the first participant arrived
    wall: float
    cpu: CpuSampler
    server_rss_mb: float | None  # the server's resident memory when the room ended
    unfinished: int


def run_room(base_url: str, room: Room, q: Questionnaire, args: argparse.Namespace,
             database_pid: int | None = None) -> RoomRun:
    outcomes = tuple(Outcome(n) for n in range(args.participants))
    room_over = threading.Event()
    # Every pause at its longest, plus a minute of waiting on the server; then the room
    # ends: nobody presses again, and what was done by then is what is reported.
    deadline_after = args.deadline or (args.ramp + len(q.answer_keys()) * args.answer_think_max
                                       + (len(q.steps) + 1) * args.think_max + 60)
    projector = Projector(base_url, room.room_id, room.room_key, args.timeout)
    cpu = CpuSampler(server_pid(base_url), database_pid=database_pid)
    cpu.start()
    started = time.perf_counter()
    projector.start()
    threads = []
    for outcome in outcomes:
        start_at = started + args.ramp * outcome.number / args.participants
        thread = threading.Thread(
            target=run_participant, name=f"participant-{outcome.number}", daemon=True,
            args=(base_url, room, q, outcome, start_at,
                  Pace(random.Random(args.seed * 7919 + outcome.number), (args.think_min, args.think_max),
                       (args.answer_think_min, args.answer_think_max), room_over),
                  args.timeout),
        )
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join(max(0.0, started + deadline_after - time.perf_counter()))
    room_over.set()
    unfinished = sum(t.is_alive() for t in threads)
    if unfinished:
        time.sleep(0.5)  # a press that passed the deadline check just now is marked sent
    wall = time.perf_counter() - started
    cpu.stop()
    projector.stop.set()
    projector.join(args.timeout)
    at_the_end = tuple(replace(o, interactions=list(o.interactions)) for o in outcomes)
    return RoomRun(outcomes=at_the_end, projector=projector, started=started, wall=wall, cpu=cpu,
                   server_rss_mb=process_rss_mb(cpu.pid), unfinished=unfinished)


def time_big_projector(base_url: str, room: Room, args: argparse.Namespace) -> Projector:
    projector = Projector(base_url, room.big_id, room.big_key, args.timeout, interval=0.5,
                          samples=args.projector_samples)
    projector.start()
    projector.join(args.projector_samples * (1 + args.timeout) + args.timeout)
    projector.stop.set()
    return projector


# -- the report -------------------------------------------------------------------------------------

def percentile(values: Iterable[float], fraction: float) -> float:
    """Nearest-rank percentile (the value at rank ceil(fraction * n))."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(fraction * len(ordered))) - 1]


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def spread(values: list[float]) -> str:
    if not values:
        return "no data"
    return f"median {seconds(statistics.median(values))}, p95 {seconds(percentile(values, 0.95))}, " \
           f"max {seconds(max(values))} (n={len(values)})"


class Report:
    """Rows of (what, figure, target, verdict) printed as an aligned table, then the misses."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []
        self.missed: list[str] = []

    def add(self, what: str, figure: str, target: str = "", met: bool | None = None) -> None:
        verdict = "" if met is None else ("ok" if met else "MISSED")
        self.rows.append((what, figure, target, verdict))
        if met is False:
            self.missed.append(f"TARGET MISSED: {what}: {figure} (target {target})")

    def print(self) -> None:
        widths = [max(len(r[i]) for r in self.rows) for i in range(3)]
        for what, figure, target, verdict in self.rows:
            print(f"  {what:<{widths[0]}}  {figure:<{widths[1]}}  {target:<{widths[2]}}  {verdict}".rstrip())

    def print_misses(self) -> None:
        for line in self.missed:
            print(line)
        if not self.missed:
            print("All targets met.")


def report(args: argparse.Namespace, room: Room, room_run: RoomRun, stored: int, big: Projector,
           server_options: str) -> None:
    print()
    print(f"Wide & Deep workshop load: {args.participants} participants, ramp {args.ramp:.0f} s (linear), "
          f"think {args.answer_think_min:.0f}–{args.answer_think_max:.0f} s before each of "
          f"{len(load_questionnaire('en').answer_keys())} answers (a rerun each, the draft saved) and "
          f"{args.think_min:.0f}–{args.think_max:.0f} s before each Join/Next/Finish, seed {args.seed}")
    print(f"Server: streamlit run app.py on 127.0.0.1, {sa.make_url(room.url).get_backend_name()} "
          f"database; options: {server_options or 'none (the app as configured)'}; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end")
    if not room_run.projector.uses_fragment:
        print("NOTE: pages/projector.py has no run_every fragment yet: projector refreshes are full reruns.")
    print()
    table = figures_table(args, room, room_run, stored, big)
    table.print()
    print()
    print_timeline(room_run)
    print()
    print_capacity(capacity_of(args, room_run, stored))
    print()
    table.print_misses()
    print_failures(room_run, big)
    for line in where_it_stops(args, room_run, stored):
        print(line)


def figures_table(args: argparse.Namespace, room: Room, room_run: RoomRun, stored: int, big: Projector) -> Report:
    outcomes, projector = room_run.outcomes, room_run.projector
    interactions = [i for o in outcomes for i in o.interactions]
    presses = [i for i in interactions if i.kind in PRESSES]
    sent = sum(o.finish_sent for o in outcomes)
    r = Report()
    r.add("participants", str(args.participants))
    r.add("finished on the results page", str(sum(o.on_results for o in outcomes)))
    r.add("submissions sent (Finish pressed)", str(sent))
    r.add("submissions stored (in the DB)", str(stored), "= sent = participants", stored == sent == args.participants)
    r.add("press round trip, all presses", spread([i.elapsed for i in presses]), f"p95 <= {seconds(TARGET_PRESS_P95)}",
          bool(presses) and percentile([i.elapsed for i in presses], 0.95) <= TARGET_PRESS_P95)
    for kind in PRESSES:
        r.add(f"  {kind}", spread([i.elapsed for i in presses if i.kind == kind]))
    r.add("  of which waiting for the run to start", spread([i.first_message for i in presses]))
    r.add("page loads (join link)", spread([i.elapsed for i in interactions if i.kind == "connect"]))
    kind = "fragment" if projector.uses_fragment else "full rerun"
    r.add(f"projector refresh during the room (join screen, {kind})", spread([i.elapsed for i in projector.refreshes]))
    big_kind = "revealed, fragment" if big.uses_fragment else "revealed, full rerun"
    big_values = [i.elapsed for i in big.refreshes]
    r.add(f"projector refresh at {args.stored_responses:,} responses ({big_kind})", spread(big_values),
          f"median, p95 <= {seconds(TARGET_PROJECTOR_BIG)}",
          bool(big_values) and percentile(big_values, 0.95) <= TARGET_PROJECTOR_BIG)
    if big.load is not None:
        r.add(f"projector first load at {args.stored_responses:,} responses", seconds(big.load.elapsed))
    r.add("room duration (first arrival to last result)", seconds(room_run.wall))
    total = room_run.cpu.total()
    served = len(interactions) + len(projector.refreshes) + 1
    if total.server is not None:
        server_seconds = total.server * room_run.wall
        r.add("server CPU during the room", f"{server_seconds:.1f} s = {server_seconds / served * 1000:.1f} ms per "
              f"interaction ({served}), {total.server:.2f} cores on average")
    if total.database is not None:
        database_seconds = total.database * room_run.wall
        r.add("PostgreSQL CPU during the room", f"{database_seconds:.1f} s = {database_seconds / served * 1000:.1f} ms "
              f"per interaction, {total.database:.2f} cores on average")
    if room_run.server_rss_mb is not None:
        r.add("server memory (RSS) when the room ended", f"{room_run.server_rss_mb:.0f} MB")
    r.add("bench client CPU during the room", f"{total.bench:.2f} cores on average")
    if total.others is not None:
        r.add("other processes on this machine", f"{total.others:.2f} cores on average (not ours: shared machine)")
    r.add(f"filling {args.stored_responses:,} stored responses (before the server starts)", seconds(room.fill_seconds))
    return r


def print_timeline(room_run: RoomRun, length: float = 10.0) -> None:
    """Per window: presses sent, their round trips, and who used the CPU meanwhile."""
    presses = [i for o in room_run.outcomes for i in o.interactions if i.kind in PRESSES]
    print(f"Timeline ({length:.0f} s windows by when a press was sent; 'wait' = until the server started its run; "
          "CPU in cores; 'others' = processes that are not this benchmark):")
    database = room_run.cpu.database_pid is not None
    print("    from    to  in room  presses  median      p95  p95 wait   server  bench  others"
          + ("  database" if database else ""))
    for w in room_run.cpu.windows(length):
        inside = [i for i in presses if w.start <= i.sent_at < w.end]
        start, end = w.start - room_run.started, w.end - room_run.started
        median = seconds(statistics.median(i.elapsed for i in inside)) if inside else "-"
        p95 = seconds(percentile([i.elapsed for i in inside], 0.95)) if inside else "-"
        wait = seconds(percentile([i.first_message for i in inside], 0.95)) if inside else "-"
        print(f"  {max(0.0, start):5.0f} {end:5.0f}  {in_room(room_run.outcomes, w):7d}  {len(inside):7d}  {median:>6}  "
              f"{p95:>7}  {wait:>8}  {cores(w.server):>6}  {cores(w.bench):>5}  {cores(w.others):>6}"
              + (f"  {cores(w.database):>8}" if database else ""))


def in_room(outcomes: Iterable[Outcome], window: Window) -> int:
    """Participants whose session overlapped the window: from opening the join link to their
    last answer (or failure)."""
    count = 0
    for o in outcomes:
        if o.interactions:
            first, last = o.interactions[0], o.interactions[-1]
            if first.sent_at < window.end and last.sent_at + last.elapsed > window.start:
                count += 1
    return count


@dataclass(frozen=True, slots=True)
class Capacity:
    """What one interaction costs and what a core holds at that cost (see BUSY_AT_CAPACITY)."""

    server_ms: float          # server CPU per interaction
    database_ms: float | None  # PostgreSQL CPU per interaction, if measured
    interactions_per_person: float
    bench_press_every: float  # seconds between one participant's presses in this bench

    def people_per_core(self, press_every: float) -> int:
        """People pressing every ``press_every`` seconds that keep one core BUSY_AT_CAPACITY busy."""
        return int(BUSY_AT_CAPACITY * press_every / (self.server_ms / 1000))

    @property
    def presses_per_second(self) -> float:
        return BUSY_AT_CAPACITY / (self.server_ms / 1000)

    @property
    def servers_per_database_core(self) -> float | None:
        """App servers at capacity one PostgreSQL core keeps up with (both BUSY_AT_CAPACITY busy)."""
        return None if not self.database_ms else self.server_ms / self.database_ms


def capacity_of(args: argparse.Namespace, room_run: RoomRun, stored: int) -> Capacity | None:
    total = room_run.cpu.total()
    interactions = sum(len(o.interactions) for o in room_run.outcomes)
    served = interactions + len(room_run.projector.refreshes) + 1
    if total.server is None or not interactions:
        return None
    answers, presses = len(load_questionnaire("en").answer_keys()), len(load_questionnaire("en").steps) + 1
    gaps = (answers * (args.answer_think_min + args.answer_think_max) / 2
            + presses * (args.think_min + args.think_max) / 2) / (answers + presses)
    return Capacity(
        server_ms=total.server * room_run.wall / served * 1000,
        database_ms=None if total.database is None else total.database * room_run.wall / served * 1000,
        interactions_per_person=interactions / len(room_run.outcomes),
        bench_press_every=gaps,
    )


def print_capacity(capacity: Capacity | None) -> None:
    if capacity is None:
        print("Capacity: no server CPU figures (not Linux /proc?).")
        return
    print(f"Capacity, from {capacity.server_ms:.1f} ms of server CPU per interaction "
          f"({capacity.interactions_per_person:.1f} interactions per participant), one core "
          f"{BUSY_AT_CAPACITY:.0%} busy:")
    print(f"  one server process (Python runs on one core at a time) handles {capacity.presses_per_second:.0f} "
          "presses a second")
    print(f"  = {capacity.people_per_core(capacity.bench_press_every):,} people pressing every "
          f"{capacity.bench_press_every:.0f} s (this bench's pace), "
          f"{capacity.people_per_core(PERSON_PRESS_EVERY):,} pressing every {PERSON_PRESS_EVERY:.0f} s "
          "(a person reading the questions)")
    per_core = capacity.servers_per_database_core
    if per_core is not None:
        print(f"  PostgreSQL: {capacity.database_ms:.1f} ms per interaction, so one PostgreSQL core keeps up with "
              f"{per_core:.1f} app servers at capacity (connections: 32 per server; see docs/deploying.md)")


def where_it_stops(args: argparse.Namespace, room_run: RoomRun, stored: int, length: float = 10.0) -> list[str]:
    """If presses got slow or results went missing: the first window that missed, and why."""
    presses = [i for o in room_run.outcomes for i in o.interactions if i.kind in PRESSES]
    lost = args.participants - stored
    slow = bool(presses) and percentile([i.elapsed for i in presses], 0.95) > TARGET_PRESS_P95
    if not slow and lost <= 0:
        return []
    for w in room_run.cpu.windows(length):
        inside = [i.elapsed for i in presses if w.start <= i.sent_at < w.end]
        if inside and percentile(inside, 0.95) > TARGET_PRESS_P95:
            break
    else:
        return [f"WHERE IT STOPS: {lost} of {args.participants} results not stored, though no 10 s window had a "
                "press p95 above 1 s: see the participants' errors above."]
    start = max(0.0, w.start - room_run.started)
    people = in_room(room_run.outcomes, w)
    rate = len(inside) / max(w.end - w.start, 1e-9)
    lines = [f"WHERE IT STOPS: from {start:.0f} s, with {people} participants in the room sending "
             f"{rate:.1f} presses a second, press p95 was {seconds(percentile(inside, 0.95))} (target 1 s)."]
    used = sum(v or 0.0 for v in (w.server, w.bench, w.others, w.database))
    if w.server is not None and w.server >= 0.85:
        lines.append(f"  Why: the server process was at its one core ({w.server:.2f} cores; Python runs one "
                     "thread at a time), so presses queued for it. More participants need more server "
                     "processes behind a balancer (docs/deploying.md).")
    elif used >= 0.9 * (os.cpu_count() or 1):
        database = "" if w.database is None else f", database {cores(w.database)}"
        lines.append(f"  Why: the machine's {os.cpu_count()} cores were full (server {cores(w.server)}, bench "
                     f"{cores(w.bench)}{database}, other processes {cores(w.others)}): the server waited for a "
                     "core. Measure again on a quiet machine.")
    else:
        lines.append(f"  Why: the server had CPU to spare ({cores(w.server)} cores) and so had the machine "
                     f"({used:.2f} of {os.cpu_count()} cores): the time went to waiting elsewhere (database locks, "
                     "disk). See 'p95 wait' above: time before the server started the run.")
    if lost > 0:
        lines.append(f"  {lost} of {args.participants} results were not stored by the room's deadline.")
    return lines


def cores(value: float | None) -> str:
    return "?" if value is None else f"{value:.2f}"


def print_failures(room_run: RoomRun, big: Projector) -> None:
    if room_run.unfinished:
        print(f"{room_run.unfinished} participants were still going at the room's deadline "
              f"(counted as not finished; they pressed nothing after it).")
    for label, probe in (("projector (room)", room_run.projector), ("projector (big)", big)):
        if probe.error:
            print(f"{label} error: {probe.error}")
    errors = [(o.number, o.error) for o in room_run.outcomes if o.error]
    if errors:
        print(f"{len(errors)} participants failed; first ones:")
        for number, error in errors[:5]:
            print(f"  participant {number}: {error}")


# -- main -------------------------------------------------------------------------------------------

def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--ramp", type=float, default=25.0, help="seconds over which participants arrive")
    parser.add_argument("--think-min", type=float, default=2.0)
    parser.add_argument("--think-max", type=float, default=8.0)
    parser.add_argument("--answer-think-min", type=float, default=1.0,
                        help="seconds before each answer (a radio: one rerun, the draft saved)")
    parser.add_argument("--answer-think-max", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stored-responses", type=int, default=10_000)
    parser.add_argument("--projector-samples", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=60.0, help="longest wait for one server message")
    parser.add_argument("--deadline", type=float,
                        help="seconds after the first arrival when the room ends (default: ramp + "
                             "answers * answer-think-max + (steps + 1) * think-max + 60)")
    parser.add_argument("--database-url", help="default: a fresh SQLite file in a temporary folder")
    parser.add_argument("--postgres", action="store_true",
                        help="a throw-away PostgreSQL (durable: fsync on) started for this run; its CPU is measured")
    parser.add_argument("--server-option", action="append", default=[], metavar="NAME=VALUE",
                        help="a streamlit config option for this run, e.g. runner.postScriptGC=false")
    parser.add_argument("--log-file", type=Path, help="streamlit's output (default: in the temporary folder)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    q = load_questionnaire("en")
    options: list[str] = []
    for option in args.server_option:
        name, _, value = option.partition("=")
        options += [f"--{name}", value]
    with tempfile.TemporaryDirectory(prefix="workshop_load_") as folder, throwaway_postgres(args.postgres) as postgres:
        url = postgres.url if postgres else args.database_url or f"sqlite:///{folder}/load.sqlite"
        database_pid = postmaster_pid(postgres.data_dir) if postgres else None
        log_file = args.log_file or Path(folder) / "streamlit.log"
        print(f"Filling {args.stored_responses:,} stored responses ...", flush=True)
        room = prepare_database(url, q, args.stored_responses, args.seed)
        print(f"Starting streamlit (log: {log_file}) ...", flush=True)
        with running_streamlit(APP, env={"DATABASE_URL": url}, log_file=log_file, options=tuple(options)) as base_url:
            warm_up(base_url, q, room, args.timeout)
            print(f"Room: {args.participants} participants joining over {args.ramp:.0f} s ...", flush=True)
            room_run = run_room(base_url, room, q, args, database_pid)
            print(f"Projector at {args.stored_responses:,} responses ...", flush=True)
            big = time_big_projector(base_url, room, args)
        # Counted last: a Finish pressed just before the deadline has been saved by now.
        stored = count_stored(room)
        report(args, room, room_run, stored, big, " ".join(args.server_option))
        if any(o.error for o in room_run.outcomes):
            print(f"(streamlit log: {log_file}; kept only while this runs — pass --log-file to keep it)")
    return 0


@contextmanager
def throwaway_postgres(wanted: bool) -> Iterator[Any]:
    """A fresh durable PostgreSQL for this run (tests/pg_server.py), or None."""
    if not wanted:
        yield None
        return
    from tests.pg_server import start_postgres, stop_postgres

    server = start_postgres("workshop_load", durable=True)
    try:
        yield server
    finally:
        stop_postgres(server)


if __name__ == "__main__":
    sys.exit(main())
