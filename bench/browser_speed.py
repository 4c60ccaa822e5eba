"""What a person waits for after two clicks, timed in Chromium, ours against a bare Streamlit page.

    python bench/browser_speed.py                    # 15 network clicks, 5 results pages: ~3 minutes
    python bench/browser_speed.py --clicks 30 --results 8

Both apps run as real servers in the same run (bench/st_server.py), and one headless Chromium
(Debian's /usr/bin/chromium, as in the browser tests) drives both, so machine noise hits both
alike. A click is timed inside the page: from the click event (captured before Streamlit sees
it) to the first animation frame after the run it starts has ended and what it shows is drawn
(``CLICK_TIMER`` below). That is what a person sees: the server's run, the messages, React and
the browser's painting.

1. **A network-map click**: the map holds ``--people`` people (restored from a results file,
   as "Restore results from a file" does); on the first person's card the person taps whom they
   know, one chip (one pair) per click, on and off in turn; timed ``--clicks`` times. The bare
   page: the same chips and a line of text. Target: median <= 120 ms.
2. **"See my results"**: a fresh browser (cold cache, as a new participant's phone) answers
   every step by clicking, then presses "See my results"; timed until the results page's
   three charts are drawn by Plotly. The bare page: one button that draws the same three
   figures. Target: median <= 500 ms. ``--results`` fresh browsers.
   A person spends a minute or more on the last step; the bench answers it in about one
   second. So before pressing, both sides wait as a person would have: until the page has
   Plotly's script (our last step fetches it, ``ui/chart_preload.py``; the bare page draws one
   empty chart first, the same way) and the page is idle, then one more second. What is timed
   is what follows the press: the runs, the messages, React and Plotly drawing three charts.
   (Until 7 December 2026 the bench pressed at once, while Chromium was still compiling Plotly's
   4.7 MB script, and the bare page loaded it cold: 659 ms against 1,238 ms, both mostly that
   script.)

Prints medians (and the spread) per side. Exit code 0 either way: it measures.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from assessment import load_questionnaire, score_answers  # noqa: E402
from assessment.exchange import export_json  # noqa: E402
from tests.network_samples import CONTENT  # noqa: E402
from bench.st_server import running_streamlit  # noqa: E402
from tests.browser.person import answer_visible_questions, current_step, step_label  # noqa: E402
from tests.browser.streamlit_app import CHROMIUM, wait_idle  # noqa: E402
from ui.text import t  # noqa: E402

TARGET_NETWORK_CLICK = 120.0  # ms, median
TARGET_RESULTS = 500.0        # ms, median
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync")

# Installed in every page before Streamlit starts: notes when each run of the script ends well,
# read from the websocket itself (a ForwardMsg's top-level field ``script_finished`` with a
# successful status; FINISHED_EARLY_FOR_RERUN, as before an st.switch_page, is not an end).
# The page's own "running" mark is no use here: a fast run can flip it and back within one
# React render, so it never shows.
RUN_WATCH = """(() => {
  const FIELD = %d, DONE = new Set(%s);
  window.__wdRunsDone = [];
  const varint = (bytes, at) => {
    let value = 0, scale = 1, byte;
    do { byte = bytes[at++]; value += (byte & 0x7f) * scale; scale *= 128; } while (byte & 0x80);
    return [value, at];
  };
  const finished = (bytes) => {
    let at = 0, tag, value;
    while (at < bytes.length) {
      [tag, at] = varint(bytes, at);
      const field = Math.floor(tag / 8), wire = tag & 7;
      if (wire === 0) { [value, at] = varint(bytes, at); if (field === FIELD) return DONE.has(value); }
      else if (wire === 1) at += 8;
      else if (wire === 5) at += 4;
      else if (wire === 2) { [value, at] = varint(bytes, at); at += value; }
      else return false;
    }
    return false;
  };
  const Native = window.WebSocket;
  class Watched extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (event.data instanceof ArrayBuffer && finished(new Uint8Array(event.data))) {
          window.__wdRunsDone.push(performance.now());
        }
      });
    }
  }
  window.WebSocket = Watched;
})();""" % (ForwardMsg.DESCRIPTOR.fields_by_name["script_finished"].number,
            [ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY])

# Armed before a click; window.__wdClick is then set to the milliseconds from the click event
# (captured before Streamlit sees it) to the second animation frame after a run has ended since
# the click and ``done()`` holds: React has drawn the run's elements by then. Checked every
# frame, so a frame (~16 ms) is the resolution. It also keeps when the last run ended: the part
# spent on the server and the wire; the rest is the browser drawing.
CLICK_TIMER = """(done) => {
  const ready = new Function("return (" + done + ")();");
  let clickAt = null;
  document.addEventListener("click", () => { clickAt = performance.now(); }, {capture: true, once: true});
  window.__wdClick = null;
  const frame = () => {
    const ended = window.__wdRunsDone.filter((t) => t > clickAt);
    if (clickAt !== null && ended.length && ready()) {
      const run = ended[ended.length - 1] - clickAt;
      requestAnimationFrame(() => requestAnimationFrame(() => { window.__wdClick = [performance.now() - clickAt, run]; }));
    } else {
      requestAnimationFrame(frame);
    }
  };
  requestAnimationFrame(frame);
}"""
ANY = "() => true"
# Three charts drawn: three plots that each have their SVG (Plotly gives one plot two or three
# .main-svg, so counting those said "three" after the first one or two charts), none of them the
# hidden one that loads Plotly's script (ui/chart_preload.py).
THREE_CHARTS = ("() => [...document.querySelectorAll(\"[data-testid='stPlotlyChart'] .js-plotly-plot\")]"
                ".filter((plot) => !plot.closest('.st-key-chart-preload') && plot.querySelector('.main-svg')).length >= 3")
PLOTLY_LOADED = "() => document.querySelector(\"[data-testid='stPlotlyChart'] .js-plotly-plot .main-svg\") !== null"

BARE = '''
import sys
sys.path.insert(0, {repo!r})
import streamlit as st

if st.query_params.get("page") == "network":
    names = [f"Person {{n:02d}}" for n in range({people})]
    chosen = st.pills("Whom does Person 00 know?", names[1:], selection_mode="multi", key="knows", wrap=True)
    st.write(f"{{len(chosen)}} pairs")
else:
    from assessment import load_questionnaire, score_answers
    from bench.browser_speed import middle_answers
    from ui.result_view import figures  # the very figures our results page draws

    q = load_questionnaire("en")
    result = score_answers(q, middle_answers(q))
    if st.button("See my results", type="primary"):
        for n, figure in enumerate(figures(result, q, titled=False)):
            st.plotly_chart(figure, config={{"displayModeBar": False, "responsive": True}}, theme=None, key=f"c{{n}}")
    else:  # Plotly's script, loaded before the press as on our last step (ui/chart_preload.py)
        from ui.chart_preload import preload_chart_script
        preload_chart_script()
'''


@dataclass(frozen=True, slots=True)
class Click:
    """One click, in milliseconds: until the answer was drawn, and until its run had ended."""

    drawn: float
    run_ended: float


@dataclass(frozen=True, slots=True)
class Timings:
    """The clicks timed, ours and bare."""

    ours: tuple[Click, ...]
    bare: tuple[Click, ...]


# -- what the person has ---------------------------------------------------------------------

def middle_answers(q) -> dict[str, str]:
    """The middle option of every question (a grid cell: its middle band)."""
    answers = {}
    for key in q.answer_keys():
        item_id, _, cell = key.partition(".")
        item = q.item(item_id)
        if cell:
            bands = next(c for c in item.columns if c.id == cell.split(".")[1]).bands
            answers[key] = bands[len(bands) // 2].id
        else:
            answers[key] = item.options[len(item.options) // 2].id
    return answers


def results_file(folder: Path, people: int) -> Path:
    """A results file with answers, scores and a map of ``people`` people and no pairs yet."""
    q, content = load_questionnaire("en"), CONTENT
    answers = middle_answers(q)
    rows = [{"name": f"Person {n:02d}", **{f.id: f.ids()[n % len(f.ids())] for f in content.fields}}
            for n in range(people)]
    path = folder / "results.json"
    path.write_text(export_json(answers, score_answers(q, answers).to_dict(), roster={"rows": rows, "ties": []}))
    return path


def chips_of(people: int, clicks: int) -> Iterator[str]:
    """The chips tapped in turn on Person 00's card: each other person, on, then off again."""
    return itertools.islice(itertools.cycle(f"Person {n:02d}" for n in range(1, people)), clicks)


# -- timing a click ------------------------------------------------------------------------------

def timed_click(page: Page, click: Callable[[], None], done: str = ANY) -> Click:
    """From ``click()``'s click event to the drawn answer (see CLICK_TIMER)."""
    page.evaluate(CLICK_TIMER, done)
    click()
    page.wait_for_function("window.__wdClick !== null", timeout=60_000)
    drawn, run_ended = page.evaluate("window.__wdClick")
    return Click(float(drawn), float(run_ended))


OUR_CHIPS, BARE_CHIPS = ".st-key-w-network-person-knows", ".st-key-knows"  # ui/network_view.KNOWS


def tap_chip(page: Page, chips: str, name: str) -> Callable[[], None]:
    """The click on one "knows" chip."""
    chip = page.locator(chips).get_by_text(name, exact=True)
    chip.wait_for()
    return chip.click


# -- the two measurements ----------------------------------------------------------------------------

def network_clicks(browser: Browser, ours: str, bare: str, people: int, clicks: int, folder: Path) -> Timings:
    ours_page, bare_page = watched_page(browser), watched_page(browser)
    open_network_map(ours_page, ours, results_file(folder, people))
    bare_page.goto(f"{bare}/?page=network")
    wait_idle(bare_page)
    ours_ms, bare_ms = [], []
    for name in chips_of(people, clicks):  # alternate, so noise hits both alike
        for page, chips, times in ((bare_page, BARE_CHIPS, bare_ms), (ours_page, OUR_CHIPS, ours_ms)):
            times.append(timed_click(page, tap_chip(page, chips, name)))
            wait_idle(page)
    ours_page.close()
    bare_page.close()
    return Timings(tuple(ours_ms), tuple(bare_ms))


def open_network_map(page: Page, base_url: str, file: Path) -> None:
    """Restore the results file on the results page, then open the network map in the same session."""
    page.goto(f"{base_url}/results")
    wait_idle(page)
    page.get_by_text(t("results.import.title")).click()
    # the import's own uploader: the results page also has the two of "compare two files"
    page.get_by_label(t("results.import.label"), exact=True).get_by_test_id(
        "stFileUploaderDropzoneInput").set_input_files(str(file))
    page.get_by_role("button", name=t("results.import.apply")).click()
    wait_idle(page)
    page.get_by_role("link", name=t("common.pages.network")).first.click()
    wait_idle(page)
    page.locator(OUR_CHIPS).wait_for(timeout=30_000)  # the first person's card, on "Your people"


def results_pages(browser: Browser, ours: str, bare: str, samples: int) -> Timings:
    ours_ms, bare_ms = [], []
    for _ in range(samples):
        with fresh_page(browser) as page:
            page.goto(f"{bare}/")
            wait_idle(page)
            button = page.get_by_role("button", name="See my results")
            read_like_a_person(page)
            bare_ms.append(timed_click(page, button.click, THREE_CHARTS))
        with fresh_page(browser) as page:
            ours_ms.append(our_results_page(page, ours))
    return Timings(tuple(ours_ms), tuple(bare_ms))


def our_results_page(page: Page, base_url: str) -> Click:
    """Answer every step by clicking, then time "See my results" until its three charts are drawn."""
    page.goto(f"{base_url}/questionnaire")
    wait_idle(page)
    number, total = current_step(page)
    while True:
        last = number == total
        button = page.get_by_role("button", name=t("questionnaire.finish") if last else t("questionnaire.next"))
        button.wait_for(timeout=20_000)  # the form's last element: the step is drawn
        answer_visible_questions(page)
        if last:
            read_like_a_person(page)
            return timed_click(page, button.click, THREE_CHARTS)
        button.click()
        number += 1
        page.get_by_text(step_label(number, total)).wait_for(timeout=20_000)
        wait_idle(page)


def read_like_a_person(page: Page) -> None:
    """What a person's minute on the last step gives the page: Plotly's script loaded (the hidden
    chart drawn), nothing running, then one more second."""
    page.wait_for_function(PLOTLY_LOADED, timeout=60_000)
    wait_idle(page)
    page.wait_for_timeout(1_000)


def watched_page(browser: Browser) -> Page:
    page = browser.new_page()
    page.add_init_script(RUN_WATCH)
    return page


@contextmanager
def fresh_page(browser: Browser) -> Iterator[Page]:
    """A new browser context: empty cache and cookies, as a phone opening the app for the first time."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(RUN_WATCH)
        yield page
    finally:
        context.close()


# -- the report -----------------------------------------------------------------------------------------

def side(clicks: tuple[Click, ...]) -> tuple[float, str]:
    """The median click, and the line that describes the side's clicks."""
    drawn = [c.drawn for c in clicks]
    median = statistics.median(drawn)
    run = statistics.median(c.run_ended for c in clicks)
    return median, (f"median {median:5.0f} ms (min {min(drawn):.0f}, max {max(drawn):.0f}; run ended at "
                    f"{run:.0f} ms, drawn {median - run:.0f} ms later)")


def lines(what: str, timings: Timings, target: float) -> list[str]:
    ours, ours_text = side(timings.ours)
    bare, bare_text = side(timings.bare)
    verdict = "ok" if ours <= target else "TARGET MISSED"
    return [f"  {what} (n={len(timings.ours)} each)   target: ours median <= {target:.0f} ms {verdict}",
            f"    ours  {ours_text}",
            f"    bare  {bare_text}   ours / bare {ours / bare:4.2f}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=12, help="people on the network map")
    parser.add_argument("--clicks", type=int, default=15, help="network-map clicks timed per side")
    parser.add_argument("--results", type=int, default=5, help="fresh browsers timed per side for the results page")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} not found; apt-get install -y chromium")
        return 1
    with tempfile.TemporaryDirectory(prefix="browser_speed_") as tmp:
        folder = Path(tmp)
        bare_file = folder / "bare.py"
        bare_file.write_text(BARE.format(repo=str(REPO), people=args.people))
        # the bare page runs with the same server settings as ours (our .streamlit/config.toml)
        shutil.copytree(REPO / ".streamlit", folder / ".streamlit")
        env = {"DATABASE_URL": f"sqlite:///{folder}/bench.sqlite"}
        with running_streamlit(REPO / "app.py", env=env) as ours, running_streamlit(bare_file, env=env) as bare, \
                sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS))
            try:
                network = network_clicks(browser, ours, bare, args.people, args.clicks, folder)
                results = results_pages(browser, ours, bare, args.results)
            finally:
                browser.close()
    print(f"Chromium, click to drawn answer (the network map with {args.people} people; results in fresh browsers):")
    for text in lines("network-map click: one 'knows' chip", network, TARGET_NETWORK_CLICK) + \
            lines('"See my results" until its three charts are drawn', results, TARGET_RESULTS):
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
