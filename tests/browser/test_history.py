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
from tests.browser.test_network import (
    MAP_TAB, PEOPLE_TAB, SLOW, SLOW_RUN, add_people, describe, mark_knows, open_person, open_tab, tap,
)
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


def open_nav(page: Page, page_key: str) -> None:
    page.get_by_role("link", name=t(f"common.pages.{page_key}"), exact=True).first.click()
    wait_idle(page)


def known_by(page: Page, name: str) -> list[str]:
    """The chips marked on ``name``'s card: whom they know."""
    open_person(page, name)
    chips = page.locator(".st-key-w-network-person-knows").locator("[aria-pressed='true'], [aria-checked='true']")
    return sorted(chips.all_inner_texts())


def test_who_knows_whom__leave_the_network_page_and_come_back__the_pairs_are_still_there(streamlit_app, page):
    base = streamlit_app()
    page.goto(base.rstrip("/") + "/network")
    wait_idle(page, SLOW_RUN)
    add_people(page, ANA, BO, CYD)
    mark_knows(page, BO, ANA)
    tap(page, "knows", CYD)  # Bo's card is still open: Bo knows Ana and Cyd
    assert known_by(page, BO) == [ANA, CYD]
    for away in ("home", "method", "results"):
        open_nav(page, away)
        open_nav(page, "network")
        expect(page.get_by_text(t("network.table.title", count=3, most=25))).to_be_visible(timeout=SLOW)
        assert known_by(page, BO) == [ANA, CYD]
        assert known_by(page, ANA) == [BO]
    open_tab(page, MAP_TAB)
    page.get_by_text(t("network.measures.expander")).click()
    expect(page.get_by_text("Density", exact=False).filter(has_text="(2 of 3)")).to_be_visible(timeout=SLOW)  # both pairs count


# Wave 1, then what each person does by wave 2 (field id -> option label; content/en/network.yaml).
# Strengths (content/network.yaml weights: stage .35, favour .30, giving .20, last contact .15):
# Ana deep 1.0 -> still .865 but last seen over a year ago: a deep tie cooling;
# Bo and Cyd start at .4675 (growing, middle ring): Bo 1.0 (in a ring, stage up), Cyd .3 "knows who
# I am" (out to the outer ring, stage down); Dee is gone, Eli is new.
DEEP_CHOICES = {"stage": "Actively refers or helps me", "favour": "Definitely", "last_contact": "This week",
                "giving": "Both ways"}
WAVE_TWO = {ANA: {"last_contact": "Over a year ago"}, BO: DEEP_CHOICES, CYD: {"stage": "Knows who I am"}}
DEE, ELI = "Dee 4", "Eli"


def test_network_map__second_wave__each_kind_of_change_on_the_page_with_what_to_do(
        streamlit_app, page, browser, tmp_path):
    folder = shots(tmp_path)
    base = streamlit_app()
    page.goto(base.rstrip("/") + "/network")
    wait_idle(page, SLOW_RUN)
    add_people(page, ANA, BO, CYD, DEE)
    describe(page, ANA, DEEP_CHOICES)
    mark_knows(page, ANA, BO)
    open_tab(page, MAP_TAB)
    expect(page.get_by_role("heading", name=t("network.keep.title"))).to_be_visible(timeout=SLOW)
    with page.expect_download() as info:
        page.get_by_role("button", name=t("network.keep.download")).click()
    saved = tmp_path / "map.json"
    info.value.save_as(saved)
    document = json.loads(saved.read_text(encoding="utf-8"))
    assert [r["name"] for r in document["rows"]] == [ANA, BO, CYD, DEE] and document["ties"] == [[ANA, BO]]
    assert "segment" not in document["rows"][0]  # it follows from field, organisation and level

    later = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()  # a new session, months on
    later.goto(base.rstrip("/") + "/network")
    wait_idle(later, SLOW_RUN)
    later.get_by_text(t("network.keep.load_title")).click()
    later.locator("input[type='file']").set_input_files(saved)
    wait_idle(later, SLOW_RUN)
    later.get_by_role("button", name=t("network.keep.load_apply", n=4)).click()
    wait_idle(later, SLOW_RUN)
    expect(later.get_by_text(t("network.entry.new_round").split(";")[0], exact=False)).to_be_visible(timeout=SLOW)
    expect(later.get_by_text(t("network.table.title", count=4, most=25))).to_be_visible(timeout=SLOW)
    assert known_by(later, BO) == [ANA]  # who knows whom came back with the people
    open_tab(later, MAP_TAB)
    expect(later.get_by_role("heading", name=t("network.waves.title"))).to_be_visible(timeout=SLOW)
    expect(later.get_by_text(t("network.waves.unchanged").split(".")[0], exact=False)).to_be_visible(timeout=SLOW)

    open_tab(later, PEOPLE_TAB)  # wave 2: how each stands today; Dee gone, Eli new
    for name, choices in WAVE_TWO.items():
        describe(later, name, choices)
    open_person(later, DEE)
    later.get_by_text(t("network.entry.change_title")).click()
    later.get_by_role("button", name=t("network.entry.remove", name=DEE)).click()
    wait_idle(later, SLOW_RUN)
    add_people(later, ELI)
    expect(later.get_by_text(t("network.table.title", count=4, most=25))).to_be_visible(timeout=SLOW)

    open_tab(later, MAP_TAB)
    changes = {"cooling": [ANA], "ring_out": [CYD], "stage_down": [CYD], "gone": [DEE], "new": [ELI],
               "ring_in": [BO], "stage_up": [BO]}
    rings = [t("network.chart.ring_inner"), t("network.chart.ring_middle"), t("network.chart.ring_outer")]
    stage = {"visibility": "Knows who I am", "credibility": "Trusts my work", "profitability": "Actively refers or helps me"}
    lines = {"cooling": ANA, "gone": DEE, "new": ELI,
             "ring_in": f"{BO}: {rings[1]} → {rings[0]}", "stage_up": f"{BO}: {stage['credibility']} → {stage['profitability']}",
             "ring_out": f"{CYD}: {rings[1]} → {rings[2]}", "stage_down": f"{CYD}: {stage['credibility']} → {stage['visibility']}"}
    main = later.get_by_test_id("stMain")
    expect(main.get_by_text(t("network.waves.intro"))).to_be_visible(timeout=SLOW)
    for kind, names in changes.items():
        card = main.get_by_test_id("stVerticalBlock").filter(
            has=later.get_by_text(t(f"network.waves.{kind}.title", n=len(names)), exact=True)).last
        expect(card).to_be_visible(timeout=SLOW)
        expect(card).to_contain_text(lines[kind], timeout=SLOW)
        expect(card).to_contain_text(t(f"network.waves.{kind}.action").split(".")[0])  # what to do about it
    # the plan agrees: the cooling deep tie is the one at risk
    at_risk = main.get_by_text(f"{ANA} · Peers", exact=True)
    expect(at_risk.first).to_be_visible(timeout=SLOW)
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
    expect(uploads).to_have_count(2)  # the two to compare, built when opened; "Restore" stays closed and unbuilt
    uploads.nth(0).set_input_files(files[0])
    wait_idle(page)
    uploads.nth(1).set_input_files(files[1])
    wait_idle(page)
    title = t("history.compare.title", then=t("history.files.earlier_short"), now=t("history.files.later_short"))
    expect(page.get_by_role("heading", name=title)).to_be_visible(timeout=20_000)
    expect(page.get_by_text(t("history.compare.advice_then").strip("*"))).to_be_visible()
    chart = page.locator("[data-testid='stPlotlyChart']").last
    expect(chart.locator(".annotation-arrow-g")).to_have_count(1)  # the arrow from then to now
    screenshot(page, folder, "compare-files", page.get_by_test_id("stExpander").filter(has_text=t("history.files.title")))
