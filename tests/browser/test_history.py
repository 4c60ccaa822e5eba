"""Coming back, in Chromium: who-knows-whom survives leaving the network page; a map downloaded and
loaded back starts a second round that says what changed; two downloaded results files compared.

Screenshots of every new view at 1280 and 390 px go to $WIDE_DEEP_SCREENSHOTS (or the test's tmp dir).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.person import take_assessment
from tests.browser.streamlit_app import wait_idle
from tests.browser.test_network import PEOPLE, pick_pair
from ui.text import t

ANA, BO, CYD = "Ana Q", "Bo 7", "Cyd X"


def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("WIDE_DEEP_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def screenshot(page: Page, folder: Path, name: str, part=None) -> None:
    """The same view at laptop and phone width; the viewport is made tall enough for the whole
    page, since Streamlit scrolls inside its own container (a full-page shot would clip it)."""
    for width, height in ((1280, 3200), (390, 5200)):
        page.set_viewport_size({"width": width, "height": height})
        wait_idle(page)
        target = part if part is not None else page.get_by_test_id("stMain")
        target.screenshot(path=folder / f"{name}-{width}.png")
    page.set_viewport_size({"width": 1280, "height": 800})
    wait_idle(page)


def add(page: Page, name: str, count: int) -> None:
    form = page.get_by_test_id("stForm")
    form.get_by_label("Name", exact=True).fill(name)
    for field, option in PEOPLE[name].items():
        form.get_by_role("radiogroup", name=field).get_by_text(option, exact=True).click()
    form.get_by_role("button", name=t("network.add.submit")).click()
    wait_idle(page)
    expect(page.get_by_text(t("network.table.title", count=count, most=25))).to_be_visible()


def open_nav(page: Page, page_key: str) -> None:
    page.get_by_role("link", name=t(f"common.pages.{page_key}"), exact=True).first.click()
    wait_idle(page)


def chips(page: Page) -> list[str]:
    return sorted(page.get_by_test_id("stMultiSelect").locator("[data-baseweb='tag'] span[title]").all_inner_texts())


def test_who_knows_whom__leave_the_network_page_and_come_back__the_pairs_are_still_there(streamlit_app, page):
    base = streamlit_app()
    page.goto(base.rstrip("/") + "/network")
    wait_idle(page)
    for n, name in enumerate((ANA, BO, CYD), start=1):
        add(page, name, n)
    pick_pair(page, ANA, BO)
    pick_pair(page, BO, CYD)
    pairs = [t("network.ties.pair", a=ANA, b=BO), t("network.ties.pair", a=BO, b=CYD)]
    expect(page.get_by_test_id("stMultiSelect")).to_contain_text(pairs[0])
    for away in ("home", "method", "results"):
        open_nav(page, away)
        open_nav(page, "network")
        expect(page.get_by_text(t("network.table.title", count=3, most=25))).to_be_visible()
        for pair in pairs:
            expect(page.get_by_test_id("stMultiSelect")).to_contain_text(pair)
    page.get_by_text(t("network.measures.expander")).click()
    expect(page.get_by_text("Density", exact=False).filter(has_text="(2 of 3)")).to_be_visible()  # both pairs count


def test_network_map__downloaded_and_loaded_in_a_new_session__second_round_says_what_changed(
        streamlit_app, page, browser, tmp_path):
    folder = shots(tmp_path)
    base = streamlit_app()
    page.goto(base.rstrip("/") + "/network")
    wait_idle(page)
    add(page, ANA, 1)
    add(page, BO, 2)
    pick_pair(page, ANA, BO)
    expect(page.get_by_role("heading", name=t("network.keep.title"))).to_be_visible()
    with page.expect_download() as info:
        page.get_by_role("button", name=t("network.keep.download")).click()
    saved = tmp_path / "map.json"
    info.value.save_as(saved)
    document = json.loads(saved.read_text(encoding="utf-8"))
    assert [r["name"] for r in document["rows"]] == [ANA, BO] and document["ties"] == [[ANA, BO]]

    later = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()  # a new session, months on
    later.goto(base.rstrip("/") + "/network")
    wait_idle(later)
    later.get_by_text(t("network.keep.load_title")).click()
    later.locator("input[type='file']").set_input_files(saved)
    wait_idle(later)
    later.get_by_role("button", name=t("network.keep.load_apply", n=2)).click()
    wait_idle(later)
    expect(later.get_by_text(t("network.table.title", count=2, most=25))).to_be_visible()
    expect(later.get_by_test_id("stMultiSelect")).to_contain_text(t("network.ties.pair", a=ANA, b=BO))
    expect(later.get_by_role("heading", name=t("network.waves.title"))).to_be_visible()
    expect(later.get_by_text(t("network.waves.unchanged").split(".")[0], exact=False)).to_be_visible()

    add(later, CYD, 3)  # someone new this round
    expect(later.get_by_text(t("network.waves.new.title", n=1), exact=True)).to_be_visible()
    expect(later.get_by_text(t("network.waves.new.action"))).to_be_visible()
    screenshot(later, folder, "network-second-round")


def test_two_results_files__compared__map_arrow_changes_and_advice_then_and_now(streamlit_app, page, browser, tmp_path):
    folder = shots(tmp_path)
    base = streamlit_app()
    files = []
    for n, (who, choice) in enumerate(((page, 0), (browser.new_context().new_page(), 4))):
        take_assessment(who, base, choice=choice)
        expect(who.get_by_role("button", name=t("results.download.json"))).to_be_visible(timeout=30_000)
        with who.expect_download() as info:
            who.get_by_role("button", name=t("results.download.json")).click()
        files.append(tmp_path / f"results-{n}.json")
        info.value.save_as(files[-1])
    expect(page.get_by_role("button", name=t("history.reminder.button"))).to_be_visible()
    with page.expect_download() as info:
        page.get_by_role("button", name=t("history.reminder.button")).click()
    ics = info.value.path().read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in ics and "results?o=" in ics.replace("\r\n ", "")  # the private link, unfolded

    page.get_by_text(t("history.files.title")).click()
    uploads = page.locator("input[type='file']")
    expect(uploads).to_have_count(3)  # restore one file, and the two to compare
    uploads.nth(1).set_input_files(files[0])
    wait_idle(page)
    uploads.nth(2).set_input_files(files[1])
    wait_idle(page)
    title = t("history.compare.title", then=t("history.files.earlier_short"), now=t("history.files.later_short"))
    expect(page.get_by_role("heading", name=title)).to_be_visible(timeout=20_000)
    expect(page.get_by_text(t("history.compare.advice_then").strip("*"))).to_be_visible()
    chart = page.locator("[data-testid='stPlotlyChart']").last
    expect(chart.locator(".annotation-arrow-g")).to_have_count(1)  # the arrow from then to now
    screenshot(page, folder, "compare-files", page.get_by_test_id("stExpander").filter(has_text=t("history.files.title")))
