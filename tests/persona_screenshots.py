"""Pictures of the personas (tests/personas.py), with the helpers of scripts/screenshots.py.

    python -m tests.persona_screenshots --figures out/

renders the "where" chart of every persona on its own page with plotly.js,
<out>/where-<persona>-<width>.png, to look at the chart without running the app.

    python -m tests.persona_screenshots --readme docs/screenshots/results.png

starts the app on a throw-away SQLite file, opens the questionnaire on a draft holding the answers of
a person wide in some places and deep in others (MIXED), finishes it, and puts the results page at
laptop and phone width side by side into one picture for the README.
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
from scripts.screenshots import ARGS, VIEWPORTS, shoot, wait_idle
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
                page.goto(f"{base}/questionnaire?resume={token}")
                wait_idle(page)
                page.get_by_role("button", name=t("questionnaire.finish")).click()
                page.get_by_text(t("results.where.title")).first.wait_for(timeout=30_000)
                wait_idle(page)
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


if __name__ == "__main__":
    {"--figures": figures, "--readme": readme}[sys.argv[1]](sys.argv[2])
