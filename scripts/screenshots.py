"""Screenshots of app pages in headless Debian Chromium, at desktop and phone width.

    python scripts/screenshots.py http://localhost:8501 out/ home questionnaire results method

Each name is a URL path (query string allowed, e.g. "results?r=TOKEN"); files are
<out>/<name>-<width>.png, full page. For looking at what we build, not a test.

    python scripts/screenshots.py --figures out/

renders the "where" chart of every persona (tests/personas.py) on its own page with plotly.js,
<out>/where-<persona>-<width>.png, to look at the chart without running the app.

    python scripts/screenshots.py --readme docs/screenshots/results.png

starts the app on a throw-away SQLite file, opens the questionnaire on a draft holding the answers of
a person wide in some places and deep in others (tests/personas.py MIXED), finishes it, and puts
the results page at laptop and phone width side by side into one picture for the README.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def wait_idle(page) -> None:
    """Wait until the script has rendered something and stopped running."""
    page.wait_for_selector("[data-testid='stMainBlockContainer'] [data-testid='stElementContainer']", timeout=30_000)
    page.wait_for_timeout(400)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000)
    # the first paint can show Streamlit's file-based page list until st.navigation's menu arrives
    page.wait_for_function(
        "() => ![...document.querySelectorAll('[data-testid=stSidebarNav] a')].some(a => a.textContent.trim() === 'app')",
        timeout=15_000,
    )
    page.wait_for_timeout(800)


def shoot(page, path: str) -> None:
    """Whole page: Streamlit scrolls an inner container, so grow the viewport to its height first."""
    size = page.viewport_size
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stAppViewContainer]')]"
        ".map(e => e.scrollHeight), window.innerHeight)"
    )
    page.set_viewport_size({"width": size["width"], "height": min(int(height), 12000)})
    page.wait_for_timeout(700)
    page.screenshot(path=path, full_page=True)
    page.set_viewport_size(size)


def main(base: str, out: str, names: list[str], viewports=VIEWPORTS) -> None:
    Path(out).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        for label, (w, h) in viewports.items():
            page = browser.new_page(viewport={"width": w, "height": h})
            for name in names:
                page.goto(f"{base.rstrip('/')}/{name}")
                wait_idle(page)
                safe = re.sub(r"[^A-Za-z0-9_-]+", "_", name) or "root"
                shoot(page, f"{out}/{safe}-{label}.png")
            page.close()
        browser.close()


def figures(out: str, viewports=VIEWPORTS) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from plotly.offline import get_plotlyjs

    from assessment import load_questionnaire, score_answers
    from assessment.charts import where_chart
    from assessment.wording import result_words
    from tests import personas
    from ui.result_view import chart_texts

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
    repo = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(repo))
    import tempfile

    from PIL import Image

    from assessment import load_questionnaire
    from assessment.storage.results import open_store
    from bench.st_server import running_streamlit
    from tests import personas
    from ui.text import t

    q = load_questionnaire()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/readme.sqlite"
        with open_store(url) as store:
            tokens = [store.save_draft(personas.MIXED.answers(q), len(q.steps) - 1) for _ in VIEWPORTS]
        with running_streamlit(repo / "app.py", env={"DATABASE_URL": url}) as base, sync_playwright() as p:
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
    if sys.argv[1] == "--figures":
        figures(sys.argv[2])
    elif sys.argv[1] == "--readme":
        readme(sys.argv[2])
    else:
        main(sys.argv[1], sys.argv[2], sys.argv[3:])
