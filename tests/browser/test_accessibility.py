"""axe-core on every page and state, at 1280 and at 390 px, light and dark: WCAG 2.2 AA and best practice.

One person walks through the app once (one server for the module, pages in sequence); at every
state the same tab is checked at both widths and in both colour schemes by resizing it and
switching the emulated system preference (Streamlit follows it live), so nothing is lost between
states (a reload would start a new Streamlit session). axe.min.js comes with axe-playwright-python
(pinned in requirements-dev.txt): nothing is downloaded at test time.

axe does not look inside charts' SVG, so every text in every Plotly chart is also measured against
the chart's background in light and in dark: none may be less legible in dark (unless >= 4.5:1).

What Streamlit itself draws and we cannot change is excluded by exact (rule, selector) pairs in
``STREAMLIT_OWN``, each naming its upstream issue; docs/accessibility.md lists the same ones.
The figures (states x widths x schemes x violations, chart texts) are printed: run with ``-s``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.browser.person import LINK_FIELD, answer_all_steps, answer_visible_questions, current_step, settled_count
from tests.browser.streamlit_app import REPO, start_streamlit, stop_streamlit, wait_idle
from tests.browser.workshop_steps import LAPTOP, PHONE, participant

TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
OPTIONS = {"runOnly": {"type": "tag", "values": list(TAGS)}, "resultTypes": ["violations"]}
WIDTHS = (LAPTOP, PHONE)
SCHEMES = ("light", "dark")  # .streamlit/config.toml configures both

# (axe rule, CSS selector the node matches) -> the upstream issue.
# Only what Streamlit's own markup does; everything we draw must pass.
STREAMLIT_OWN: dict[tuple[str, str], str] = {}

# Contrast of every text in every Plotly chart against the chart's paper (or the page behind it),
# keyed by chart and text. axe does not look inside charts' SVG.
RATIO_JS = """
    const lum = c => {
        const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(v => {
            v = Number(v) / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const ratio = (a, b) => { const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
"""  # WCAG contrast ratio of two colours as the browser computes them ("rgb(r, g, b)")
CHART_TEXTS = "() => {" + RATIO_JS + """
    const seen = c => c && c !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(c);
    const behind = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (seen(c)) return c; }
                          return 'rgb(255, 255, 255)'; };
    return [...document.querySelectorAll('.js-plotly-plot')].flatMap((plot, n) => {
        const paper = behind(plot.querySelector('.main-svg'));
        return [...plot.querySelectorAll('text')].filter(t => t.textContent.trim())
            .map(t => [n + ': ' + t.textContent.trim(), ratio(getComputedStyle(t).fill, paper)]);
    });
}"""
DARK_AT_LEAST_AS_LEGIBLE = 4.5  # in dark, a chart text keeps its light contrast, or reaches 4.5:1

HALF_FILLED = 3  # the questionnaire is checked on step 3, steps 1 and 2 answered


@dataclass(frozen=True, slots=True)
class Finding:
    state: str
    width: int
    scheme: str
    rule: str
    target: str
    html: str

    def __str__(self) -> str:
        return f"{self.state} @ {self.width}px {self.scheme}: {self.rule}: {self.target}: {self.html[:160]}"


@dataclass(slots=True)
class Audit:
    """Runs axe on one tab at both widths and keeps what it finds, state by state."""

    page: Page
    axe: Axe
    findings: list[Finding]
    excluded: list[Finding]
    figures: list[tuple[str, int, str, int, int]]  # state, width, scheme, violations, excluded (Streamlit's own)
    chart_texts: list[tuple[str, int, int]]  # state, chart texts compared light and dark, less legible in dark

    def check(self, state: str) -> None:
        chart_texts: dict[str, dict[str, float]] = {}
        for scheme in SCHEMES:
            self.page.emulate_media(color_scheme=scheme)
            for viewport in WIDTHS:
                self.page.set_viewport_size(viewport)
                self.page.wait_for_timeout(400)  # the layout follows the width (the menu becomes a sidebar)
                wait_idle(self.page)
                self.run_axe(state, viewport["width"], scheme)
            self.page.wait_for_timeout(400)  # charts redraw for the scheme
            chart_texts[scheme] = dict(self.page.evaluate(CHART_TEXTS))
        self.compare_charts(state, chart_texts["light"], chart_texts["dark"])
        self.page.emulate_media(color_scheme="light")
        self.page.set_viewport_size(LAPTOP)

    def run_axe(self, state: str, width: int, scheme: str) -> None:
        response = self.axe.run(self.page, options=OPTIONS).response
        found = [
            Finding(state, width, scheme, v["id"], " ".join(map(str, node["target"])), node["html"])
            for v in response["violations"] for node in v["nodes"]
        ]
        theirs = [f for f in found if streamlit_own(self.page, f)]
        ours = [f for f in found if f not in theirs]
        self.findings.extend(ours)
        self.excluded.extend(theirs)
        self.figures.append((state, width, scheme, len(ours), len(theirs)))

    def compare_charts(self, state: str, light: dict[str, float], dark: dict[str, float]) -> None:
        """Every chart text at least as legible in dark as in light, or 4.5:1 there."""
        worse = [
            Finding(state, WIDTHS[-1]["width"], "dark", "chart-text-contrast", text,
                    f"{dark.get(text, 0.0):.2f}:1 in dark, {ratio:.2f}:1 in light")
            for text, ratio in light.items() if dark.get(text, 0.0) < min(ratio, DARK_AT_LEAST_AS_LEGIBLE) - 0.01
        ]
        self.findings.extend(worse)
        if light:
            self.chart_texts.append((state, len(light), len(worse)))


def streamlit_own(page: Page, finding: Finding) -> bool:
    """Whether the node is one of ``STREAMLIT_OWN``'s: same rule, and the node matches its selector."""
    return any(
        rule == finding.rule and page.evaluate("([t, s]) => !!document.querySelector(t)?.matches(s)", [finding.target, css])
        for rule, css in STREAMLIT_OWN
    )


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    """One server for the whole module, on a fresh SQLite file."""
    folder = tmp_path_factory.mktemp("a11y")
    app = start_streamlit(REPO / "app.py", {"DATABASE_URL": f"sqlite:///{folder / 'app.sqlite'}"},
                          folder / "streamlit.log")
    yield app.base_url
    stop_streamlit(app)


def visit(page: Page, url: str) -> None:
    page.goto(url)
    wait_idle(page)
    expect(page.locator("[data-testid='stMainBlockContainer'] h1").first).to_be_visible(timeout=20_000)


def add_person(page: Page, name: str, option: int) -> None:
    """The network map's add form: a name and option ``option`` (clamped) of every field."""
    form = page.get_by_test_id("stForm")
    form.locator("input[type='text']").first.fill(name)
    groups = form.get_by_role("radiogroup")
    for n in range(groups.count()):
        radios = groups.nth(n).locator("label[data-testid='stRadioOption']")
        radios.nth(min(option, radios.count() - 1)).click()
    form.get_by_test_id("stFormSubmitButton").locator("button").click()
    wait_idle(page)


def walk_the_app(browser: Browser, base: str, audit: Audit) -> None:
    page = audit.page
    visit(page, base + "/method")
    expanders = page.get_by_test_id("stExpander")
    statement = expanders.nth(settled_count(expanders) - 1)  # the last one: the accessibility statement
    statement.locator("summary").click()
    expect(statement.locator("table")).to_be_visible()
    audit.check("method, statement open")
    for path, state in (("", "home, empty"), ("/results", "results, none yet"), ("/join", "join, empty"),
                        ("/workshop", "workshop, create"), ("/network", "network, empty")):
        visit(page, base + path)
        audit.check(state)

    for n, name in enumerate(("Ana Q", "Bo 7", "Cyd X")):
        add_person(page, name, n)
    expect(page.get_by_test_id("stDataFrame")).to_be_visible(timeout=20_000)
    page.get_by_test_id("stMultiSelect").locator("input").click()
    page.keyboard.type("Ana Q")  # the list of pairs opens on typing
    page.get_by_role("option").first.click()
    page.keyboard.press("Escape")
    wait_idle(page)
    audit.check("network, 3 people, 1 pair")

    visit(page, base + "/workshop")
    page.locator(".st-key-workshop-title input").fill("Accessibility check")
    page.locator(".st-key-workshop-create button").click()
    wait_idle(page)
    expect(page.locator(".st-key-workshop-reveal button")).to_be_visible(timeout=20_000)
    audit.check("facilitator, just created")
    facilitator = page.url
    join_link = page.locator(LINK_FIELD).nth(1)  # ui/link_box.py's field, after the facilitator link
    expect(join_link).to_have_value(re.compile(r"join\?code="), timeout=20_000)
    code = re.search(r"join\?code=([A-Z0-9]{6})", join_link.input_value()).group(1)

    projector = browser.new_context(viewport=LAPTOP).new_page()
    projector_audit = replace(audit, page=projector)  # the same lists: one report
    visit(projector, facilitator.replace("/workshop?", "/projector?"))
    projector_audit.check("projector, collecting")
    participant(browser, base, code, 2)
    visit(page, facilitator)
    page.locator(".st-key-workshop-reveal button").click()
    wait_idle(page)
    audit.check("facilitator, revealed")
    expect(projector.locator("[data-testid='stPlotlyChart']").first).to_be_visible(timeout=20_000)
    projector_audit.check("projector, revealed")
    projector.context.close()

    visit(page, f"{base}/join?code={code}")
    audit.check("join, with a code")

    visit(page, base)
    page.locator(".st-key-home-start button").click()
    wait_idle(page)
    current_step(page)
    audit.check("questionnaire, step 1, empty")
    for _ in range(HALF_FILLED - 1):
        answer_visible_questions(page)
        page.locator(".st-key-nav-next button").click()
        wait_idle(page)
    assert current_step(page)[0] == HALF_FILLED
    answer_visible_questions(page)
    audit.check("questionnaire, half filled")
    answer_all_steps(page)
    expect(page).to_have_url(re.compile(r"[?&]r="), timeout=20_000)
    audit.check("results, own")

    viewer = browser.new_context(viewport=LAPTOP).new_page()
    visit(viewer, page.url)
    replace(audit, page=viewer).check("results, share page")
    viewer.context.close()


def test_every_page_and_state__axe_at_1280_and_390__no_violation_in_our_markup(base_url, browser):
    page = browser.new_context(viewport=LAPTOP).new_page()
    audit = Audit(page, Axe(), [], [], [], [])
    walk_the_app(browser, base_url, audit)
    print(f"\naxe-core {', '.join(TAGS)}: {len(audit.figures)} checks "
          f"({len({f[0] for f in audit.figures})} states x {len(WIDTHS)} widths x {len(SCHEMES)} schemes)")
    for state, width, scheme, ours, theirs in audit.figures:
        print(f"  {state:30} {width:5} px {scheme:5}  {ours:3} violations  {theirs:3} excluded (Streamlit's own)")
    for state, texts, worse in audit.chart_texts:
        print(f"  charts in {state}: {texts} texts, {worse} less legible in dark")
    for finding in audit.findings:
        print(finding)
    assert [str(f) for f in audit.findings] == []


def contrast(page: Page, first: str, second: str) -> float:
    return page.evaluate("([a, b]) => {" + RATIO_JS + "return ratio(a, b); }", [first, second])


def test_radio_option__reached_by_keyboard__ring_of_3_to_1_or_more_in_light_and_dark(base_url, browser):
    # #0072B2 on white: 5.1:1; on Streamlit's dark background rgb(14, 17, 23): 3.7:1
    page = browser.new_context(viewport=PHONE).new_page()
    visit(page, base_url)  # a first visit settles the fresh server, so no rerun steals focus
    page.goto(base_url + "/questionnaire")
    wait_idle(page)
    group = page.locator("[data-testid='stMainBlockContainer'] [role='radiogroup']").first
    group.locator("input[type='radio']").first.focus()
    page.keyboard.press("ArrowRight")  # keyboard focus on the second option
    option = group.locator("label[data-testid='stRadioOption']").nth(1)
    background = page.locator("[data-testid='stApp']")
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        page.wait_for_timeout(400)
        ring = option.evaluate("e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }")
        behind = background.evaluate("e => getComputedStyle(e).backgroundColor")
        assert ring[:2] == ["solid", "3px"], scheme
        assert contrast(page, ring[2], behind) >= 3, (scheme, ring[2], behind)
    page.context.close()
