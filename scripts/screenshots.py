"""Screenshots of app pages in headless Debian Chromium, at desktop and phone width.

    python scripts/screenshots.py http://localhost:8501 out/ home questionnaire results method

Each name is a URL path (query string allowed, e.g. "results?r=TOKEN"); files are
<out>/<name>-<width>.png, full page. For looking at what we build, not a test.
Pictures of the personas (the "where" chart of each, the README's results picture) are taken by
tests/persona_screenshots.py with these helpers (app code never imports tests).
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


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
