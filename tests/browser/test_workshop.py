"""A whole workshop in Chromium: a facilitator, three participants on phones, the projector."""

from __future__ import annotations

import csv
import io

from playwright.sync_api import expect

from tests.browser.streamlit_app import eventually, wait_idle
from tests.browser.workshop_steps import (
    LAPTOP,
    PHONE,
    PROJECTOR,
    create_workshop,
    join,
    map_dots,
    participant,
)
from ui.text import t


def test_workshop__three_join_on_phones__projector_shows_them_and_csv_respects_nicknames(streamlit_app, browser):
    base = streamlit_app()
    facilitator = browser.new_context(viewport=LAPTOP, accept_downloads=True).new_page()
    facilitator_url, code = create_workshop(facilitator, base, "Lab retreat")
    minimum = facilitator.get_by_role("spinbutton", name=t("workshop.facilitator.minimum"))
    minimum.fill("3")  # the smallest room the privacy rule allows (default 5)
    minimum.press("Enter")
    wait_idle(facilitator)
    projector = browser.new_context(viewport=PROJECTOR).new_page()
    projector.goto(facilitator_url.replace("/workshop?", "/projector?"))
    wait_idle(projector)
    expect(projector.get_by_text(f"{code[:3]} {code[3:]}", exact=True)).to_be_visible()

    participant(browser, base, f"{code[:3].lower()} {code[3:].lower()}", 0, nickname="Robin")  # not opted in
    participant(browser, base, code, 2, nickname="Kim", public=True)
    participant(browser, base, f"{code[:3]}-{code[3:]}", 4)

    expect(facilitator.locator("[data-testid='stMetricValue']").first).to_have_text("3", timeout=15_000)
    facilitator.get_by_role("button", name=t("workshop.facilitator.reveal")).click()
    wait_idle(facilitator)

    count = projector.locator(".st-key-proj-count")
    expect(count).to_contain_text("3", timeout=15_000)  # the projector refreshes itself every 3 s
    expect(count).to_contain_text(t("projector.answers", n=3).split("**")[-1].strip())  # "answers"
    expect(projector.locator("[data-testid='stPlotlyChart']")).to_have_count(1, timeout=15_000)  # the map: one idea
    eventually(lambda: map_dots(projector) == 3)
    profiles = projector.locator(".st-key-proj-profiles p")

    def three_in_profiles() -> bool:
        return sum(int(text.split("·")[0]) for text in profiles.all_inner_texts()) == 3

    eventually(three_in_profiles)
    for name in ("Robin", "Kim"):
        expect(projector.get_by_text(name)).to_have_count(0)

    facilitator.get_by_role("button", name=t("workshop.facilitator.close")).click()
    wait_idle(facilitator)
    late = browser.new_context(viewport=PHONE).new_page()
    join(late, base, code)
    expect(late.get_by_text("is closed: it takes no more answers")).to_be_visible()

    with facilitator.expect_download() as download:
        facilitator.get_by_role("button", name=t("workshop.facilitator.download")).click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    assert len(rows) == 3
    assert sorted(r["nickname"] for r in rows) == ["", "", "Kim"]
