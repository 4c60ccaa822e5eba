"""Pictures of the personas (tests/personas.py), with the helpers of scripts/screenshots.py.

    python -m tests.persona_screenshots --figures out/

renders the "where" chart of every persona on its own page with plotly.js,
<out>/where-<persona>-<width>.png, to look at the chart without running the app.

    python -m tests.persona_screenshots --readme docs/screenshots/results.png

starts the app on a throw-away SQLite file, opens the questionnaire on a draft holding the answers of
a person wide in some places and deep in others (MIXED), finishes it, and puts the results page at
laptop and phone width side by side into one picture for the README.

    python -m tests.persona_screenshots --pages /work/helpers/shots/h10

one picture per persona, page and width (1280 and 390): the results page, the share page a reader
opens from its link (a fresh browser), the HTML report as downloaded, and the method page; for the
impossible grid, the grid step after Next with the message beside the rows. <out>/<page>-<persona>-<width>.png
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright
from plotly.offline import get_plotlyjs

from assessment import load_questionnaire, score_answers
from assessment.charts import where_chart
from assessment.storage.results import open_store
from assessment.wording import result_words
from bench.st_server import running_streamlit
from scripts.screenshots import ARGS, VIEWPORTS, shoot
from tests import personas
from ui.result_view import chart_texts
from ui.text import t

REPO = Path(__file__).resolve().parent.parent


def figures(out: str, viewports=VIEWPORTS) -> None:
    q = load_questionnaire()
    Path(out).mkdir(parents=True, exist_ok=True)
    script = f"<script>{get_plotlyjs()}</script>"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        for persona in (personas.MILE_WIDE, personas.DEEP_NARROW, personas.BALANCED, personas.BEGINNER,
                        personas.ALL_MIDDLE, personas.MIXED):
            result = score_answers(q, persona.answers(q))
            fig = where_chart(result, result_words(result, q), chart_texts(result))
            html = Path(out) / "figure.html"
            html.write_text(f"<html><head><meta name='viewport' content='width=device-width'>{script}</head>"
                            f"<body style='margin:0'>{fig.to_html(full_html=False, include_plotlyjs=False)}</body></html>")
            safe = re.sub(r"[^A-Za-z0-9]+", "_", persona.name)
            for label, (w, h) in viewports.items():
                page = browser.new_page(viewport={"width": w, "height": h})
                page.goto(html.resolve().as_uri())
                page.wait_for_timeout(600)
                page.screenshot(path=f"{out}/where-{safe}-{label}.png", full_page=True)
                page.close()
        browser.close()


def readme(target: str) -> None:
    q = load_questionnaire()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/readme.sqlite"
        with open_store(url) as store:
            tokens = [store.save_draft(personas.MIXED.answers(q), len(q.steps) - 1) for _ in VIEWPORTS]
        with running_streamlit(REPO / "app.py", env={"DATABASE_URL": url}) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
            for (label, (w, h)), token in zip(VIEWPORTS.items(), tokens):
                page = browser.new_page(viewport={"width": w, "height": h})
                finish_from_draft(page, base, token)
                shoot(page, f"{tmp}/{label}.png")
                page.close()
            browser.close()
        laptop, phone = Image.open(f"{tmp}/desktop.png"), Image.open(f"{tmp}/phone.png")
        laptop = laptop.resize((laptop.width * 3 // 4, laptop.height * 3 // 4))
        height = min(max(laptop.height, phone.height), 2600)
        picture = Image.new("RGB", (laptop.width + 24 + phone.width, height), "white")
        picture.paste(laptop, (0, 0))
        picture.paste(phone, (laptop.width + 24, 0))
        picture.save(target, optimize=True)


def settle(page, timeout: int = 120_000) -> None:
    """Like scripts/screenshots.py wait_idle, with room for a shared, loaded machine (a run can take over 30 s), and content
    that may start with an invisible element (a component with no height): any visible one will do."""
    page.wait_for_function(
        "() => [...document.querySelectorAll(\"[data-testid='stMainBlockContainer'] [data-testid='stElementContainer']\")]"
        ".some(e => e.offsetHeight > 0)", timeout=timeout)
    page.wait_for_timeout(400)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)
    page.wait_for_timeout(800)


def open_draft(page, url: str) -> None:
    """A resume link opened in a new browser asks first whether to continue here: it does."""
    page.goto(url, timeout=120_000)
    settle(page)
    offer = page.get_by_role("button", name=t("questionnaire.offer.continue"))
    if offer.count():
        offer.click()
        settle(page)


def finish_from_draft(page, base: str, token: str) -> None:
    """The draft ``token`` (on its last step) opened and finished: the results page, drawn."""
    open_draft(page, f"{base}/questionnaire?resume={token}")
    page.get_by_role("button", name=t("questionnaire.finish")).click()
    page.get_by_text(t("results.where.title")).first.wait_for(timeout=180_000)
    settle(page)


PERSONAS = (personas.MILE_WIDE, personas.DEEP_NARROW, personas.BALANCED, personas.BEGINNER, personas.ALL_MIDDLE,
            personas.MIXED)


def pages(out: str, only: str = "", kinds: str = "method,results,share,report,grid", who: str = "") -> None:
    """``only``: "desktop" or "phone" to take one width (default: both); ``kinds``: which pictures;
    ``who``: only the personas whose name holds it."""
    viewports = {label: size for label, size in VIEWPORTS.items() if only in ("", label)}
    wanted = set(kinds.split(","))
    import datetime

    from assessment.storage.results import NewResult

    from assessment.report import render_report
    from ui.result_view import figures as result_figures
    from ui.results_flow import report_texts

    q = load_questionnaire()
    Path(out).mkdir(parents=True, exist_ok=True)
    grid_step = next(n for n, step in enumerate(q.steps) if "grid" in step.items)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/pages.sqlite"
        with running_streamlit(REPO / "app.py", env={"DATABASE_URL": url}) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
            for label, (w, h) in viewports.items():
                size = {"viewport": {"width": w, "height": h}}
                reader = browser.new_context(**size)  # the share page in a browser that is not the owner's
                if "method" in wanted:
                    page = reader.new_page()
                    page.goto(f"{base}/method", timeout=120_000)
                    settle(page)
                    shoot(page, f"{out}/method-{w}.png")
                    page.close()
                for persona in (x for x in PERSONAS if who in x.name):
                    safe = re.sub(r"[^A-Za-z0-9]+", "_", persona.name).strip("_")
                    result = score_answers(q, persona.answers(q))
                    if "results" in wanted:  # the owner finishes the questionnaire from a draft
                        with open_store(url) as store:
                            token = store.save_draft(persona.answers(q), len(q.steps) - 1)
                        owner = browser.new_context(**size)
                        page = owner.new_page()
                        finish_from_draft(page, base, token)
                        shoot(page, f"{out}/results-{safe}-{w}.png")
                        owner.close()
                    if "share" in wanted:  # a saved result, opened from its share link in another browser
                        with open_store(url) as store:
                            share = store.save_result(NewResult(answers=persona.answers(q),
                                                                result=result.to_dict())).share_token
                        page = reader.new_page()
                        page.goto(f"{base}/results?r={share}", timeout=120_000)
                        page.get_by_text(t("results.reader.where_title")).first.wait_for(timeout=180_000)
                        settle(page)
                        shoot(page, f"{out}/share-{safe}-{w}.png")
                        page.close()
                    if "report" not in wanted:
                        continue
                    report = Path(tmp) / f"report-{safe}.html"
                    report.write_text(render_report(result, result_words(result, q), result_figures(result, q, titled=False),
                                                    report_texts(result, None, method_url=f"{base}/method",
                                                                 day=datetime.date.today())), encoding="utf-8")
                    page = reader.new_page()
                    page.goto(report.resolve().as_uri())
                    page.wait_for_timeout(1500)
                    page.screenshot(path=f"{out}/report-{safe}-{w}.png", full_page=True)
                    page.close()
                if "grid" in wanted:
                    with open_store(url) as store:  # the impossible grid: caught on the step, beside the rows
                        token = store.save_draft(personas.IMPOSSIBLE.answers(q), grid_step)
                    page = browser.new_page(**size)
                    open_draft(page, f"{base}/questionnaire?resume={token}")
                    page.get_by_role("button", name=t("questionnaire.next")).click()
                    settle(page)
                    shoot(page, f"{out}/grid-impossible-{w}.png")
                    page.close()
                reader.close()
            browser.close()


if __name__ == "__main__":
    {"--figures": figures, "--readme": readme, "--pages": pages}[sys.argv[1]](*sys.argv[2:])
