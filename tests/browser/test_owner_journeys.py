"""Coming back to one's own results in a real browser (issue 11): the private link, a reload,
a fresh browser, take it again, a workshop resubmission, a resume link received, a blended file.

Screenshots of every new view go to $WIDE_DEEP_SCREENSHOTS, else ``screenshots/tmp/owner/`` (not committed),
at 1280 and 390 pixels wide.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from assessment.storage.results import open_store
from tests.browser.person import (LINK_FIELD, answer_all_steps, answer_visible_questions, current_step, shown_links,
                                  step_label, take_assessment)
from tests.browser.streamlit_app import wait_idle
from tests.browser.workshop_steps import join
from ui.text import t

SHOTS = Path(os.environ.get("WIDE_DEEP_SCREENSHOTS") or Path(__file__).resolve().parents[2] / "screenshots" / "tmp" / "owner")
WIDE, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


def shoot(page: Page, name: str, at: str | None = None) -> None:
    """The page at 1280 and at 390 pixels wide, scrolled to the text ``at`` when given."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, size in (("1280", WIDE), ("390", PHONE)):
        page.set_viewport_size(size)
        page.wait_for_timeout(400)
        if at is not None:
            page.get_by_text(at).first.evaluate("e => e.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(300)
        page.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size(WIDE)


def codes(page: Page) -> list[str]:
    return [field.input_value().strip() for field in page.locator(LINK_FIELD).all()]


def private_and_share(page: Page) -> tuple[str, str]:
    links = shown_links(page, 2)
    private = next(c for c in links if "results?o=" in c)
    share = next(c for c in links if "results?r=" in c)
    return private, share


def metrics(page: Page) -> list[str]:
    values = page.locator("[data-testid='stMetricValue']")
    expect(values).to_have_count(2, timeout=20_000)
    return [v.strip() for v in values.all_inner_texts()]


def expect_owner_view(page: Page) -> None:
    expect(page.get_by_role("heading", name=t("results.own_title"), exact=True)).to_be_visible(timeout=20_000)
    expect(page.get_by_role("button", name=t("results.again.fresh"))).to_be_visible()
    expect(page.get_by_role("button", name=t("results.delete.button"))).to_be_visible()
    expect(page.get_by_role("button", name=t("results.download.json"))).to_be_visible()


def test_owner_view__reload__still_the_owner_and_the_address_is_the_share_link(streamlit_app, page):
    base = streamlit_app()
    page.set_viewport_size(WIDE)
    take_assessment(page, base, choice=3)
    private, share = private_and_share(page)
    own = metrics(page)
    assert "o=" not in page.url and share.endswith(page.url.split("/results")[-1])
    shoot(page, "owner-view-again", at=t("results.again.fresh"))
    shoot(page, "owner-view-links", at=t("results.owner.explain")[:40])

    page.reload()
    wait_idle(page)
    expect_owner_view(page)  # the cookie brought the owner back
    assert metrics(page) == own and private in codes(page)


def test_owner_cookie__result_kept__this_site_only_strict_90_days_and_forget_me_clears_it(streamlit_app, page):
    import time

    from ui.owner import COOKIE, COOKIE_DAYS

    base = streamlit_app()
    take_assessment(page, base, choice=2)
    private, _ = private_and_share(page)
    kept = [c for c in page.context.cookies() if c["name"] == COOKIE]
    assert len(kept) == 1 and kept[0]["value"] == private.split("o=")[1]
    cookie = kept[0]
    assert (cookie["sameSite"], cookie["path"], cookie["httpOnly"]) == ("Strict", "/", False)  # script-set: see ui/owner.py
    days_left = (cookie["expires"] - time.time()) / 86400
    assert COOKIE_DAYS - 1 < days_left <= COOKIE_DAYS

    page.get_by_role("button", name=t("results.owner.forget")).click()
    wait_idle(page)
    expect(page.get_by_text(t("results.owner.forgotten")[:40])).to_be_visible(timeout=20_000)
    page.wait_for_function("() => !document.cookie.includes('wd_owner=')")
    page.reload()
    wait_idle(page)
    expect(page.get_by_text(t("results.shared.read_only"))).to_be_visible(timeout=20_000)  # no longer the owner here


def test_private_link__fresh_browser__owner_view_and_the_key_leaves_the_address(streamlit_app, page, browser):
    base = streamlit_app()
    take_assessment(page, base, choice=1)
    private, share = private_and_share(page)
    own = metrics(page)

    elsewhere = browser.new_context(viewport=WIDE).new_page()
    elsewhere.goto(private)
    wait_idle(elsewhere)
    expect_owner_view(elsewhere)
    assert metrics(elsewhere) == own
    expect(elsewhere).to_have_url(re.compile(r"results\?r="))  # copying the address hands out the share link
    assert private.split("o=")[1] not in elsewhere.url
    shoot(elsewhere, "private-link-elsewhere", at=t("results.owner.explain")[:40])

    viewer = browser.new_context(viewport=PHONE).new_page()  # the share link stays read-only
    viewer.goto(share)
    wait_idle(viewer)
    expect(viewer.get_by_text(t("results.shared.read_only"))).to_be_visible(timeout=20_000)
    expect(viewer.get_by_role("button", name=t("results.again.fresh"))).to_have_count(0)


def test_take_it_again__fresh_answers__a_second_result_and_the_first_link_still_works(streamlit_app, page, browser):
    base = streamlit_app()
    take_assessment(page, base, choice=0)
    _, first_share = private_and_share(page)
    first = metrics(page)
    page.get_by_role("button", name=t("results.again.fresh")).click()
    wait_idle(page)
    expect(page.get_by_text("Step 1 of")).to_be_visible(timeout=20_000)
    assert page.locator("[data-testid='stRadio'] input:checked").count() == 0  # fresh answers
    answer_all_steps(page, choice=4)
    _, second_share = private_and_share(page)
    assert second_share != first_share and metrics(page) != first

    viewer = browser.new_context(viewport=WIDE).new_page()
    viewer.goto(first_share)
    wait_idle(viewer)
    assert metrics(viewer) == first

    page.get_by_role("link", name="Questionnaire").first.click()  # after finishing: no old last step
    wait_idle(page)
    expect(page.get_by_role("heading", name=t("questionnaire.finished.title"))).to_be_visible(timeout=20_000)
    shoot(page, "finished-questionnaire")


def finish_keeping_the_rest(page: Page) -> None:
    """On the questionnaire: Next through every step without touching its answers, then finish."""
    number, total = current_step(page)
    while number < total:
        page.get_by_role("button", name=t("questionnaire.next")).click()
        number += 1
        expect(page.get_by_text(step_label(number, total))).to_be_visible(timeout=20_000)
        wait_idle(page)
    page.get_by_role("button", name=t("questionnaire.finish")).click()
    expect(page.get_by_role("heading", name=t("results.dimensions"), exact=True)).to_be_visible(timeout=20_000)
    wait_idle(page)


def compare_in_history(page: Page, results: int) -> str:
    """On the owner view: the history lists ``results``; switch "compare" on; returns the compare link."""
    expect(page.get_by_role("heading", name=t("history.list.title"))).to_be_visible(timeout=20_000)
    expect(page.get_by_text(t("history.list.intro", n=results))).to_be_visible()
    expect(page.locator("[data-testid='stMarkdownContainer'] li").filter(has_text=" · Width ")).to_have_count(results)
    page.get_by_text(t("history.list.compare")).click()
    wait_idle(page)
    expect(page.get_by_text(t("history.list.share_explain")[:40])).to_be_visible(timeout=20_000)
    return next(c for c in codes(page) if "then=" in c)


def test_take_it_again_from_last_time__change_some__both_listed_compared_and_shared_read_only(
        streamlit_app, page, browser):
    base = streamlit_app()
    page.set_viewport_size(WIDE)
    take_assessment(page, base, choice=1)
    private, first_share = private_and_share(page)
    first = metrics(page)
    expect(page.get_by_text(t("history.list.only_one")[:40])).to_be_visible()  # one result: no list yet
    shoot(page, "history-one-result", at=t("history.list.title"))

    page.get_by_role("button", name=t("results.again.from_last")).click()
    wait_idle(page)
    expect(page.get_by_text(step_label(1, current_step(page)[1]))).to_be_visible(timeout=20_000)
    checked = page.locator("[data-testid='stMainBlockContainer'] [data-testid='stRadio'] input:checked")
    expect(checked.first).to_be_visible(timeout=20_000)  # last time's answers are the start, and it says so
    expect(page.get_by_text(t("history.again.from_last")[:40])).to_be_visible()
    shoot(page, "take-again-from-last")
    answer_visible_questions(page, choice=4)  # this step answered differently; the rest kept
    finish_keeping_the_rest(page)
    now = metrics(page)
    assert now != first

    link = compare_in_history(page, 2)
    assert f"then={first_share.split('r=')[1]}" in link and private.split("o=")[1] not in link
    expect(page.get_by_role("heading", name=re.compile("→"))).to_be_visible()
    shoot(page, "history-compare", at=t("history.list.title"))

    reader = browser.new_context(viewport=PHONE).new_page()  # the mentor, with only the compare link
    reader.goto(link)
    wait_idle(reader)
    expect(reader.get_by_role("heading", name=t("history.shared.title"))).to_be_visible(timeout=20_000)
    expect(reader.get_by_text(t("history.shared.read_only"))).to_be_visible()
    expect(reader.get_by_role("heading", name=re.compile("→"))).to_be_visible()
    expect(reader.locator("[data-testid='stMetricValue']")).to_have_count(2, timeout=20_000)
    assert [v.strip() for v in reader.locator("[data-testid='stMetricValue']").all_inner_texts()] == now
    for tool in (t("results.delete.button"), t("results.again.fresh"), t("results.download.json"),
                 t("results.owner.forget")):
        expect(reader.get_by_role("button", name=tool)).to_have_count(0)  # read-only: no owner's tool
    assert not [c for c in codes(reader) if "results?o=" in c]
    shoot(reader, "compare-link-read-only")

    device = browser.new_context(viewport=PHONE).new_page()  # the owner's phone, with the private link
    device.goto(private)
    wait_idle(device)
    expect_owner_view(device)
    compare_in_history(device, 2)
    shoot(device, "history-second-device", at=t("history.list.title"))


def test_workshop__participant_resubmits__counted_once_and_told(streamlit_app, page, tmp_path):
    base = streamlit_app()
    with open_store(f"sqlite:///{tmp_path / 'app.sqlite'}") as store:
        workshop = store.create_workshop("K7RWX3", "Team day", "", "f" * 64)
    join(page, base, "K7RWX3", nickname="Kim")
    expect(page.get_by_text("Step 1 of")).to_be_visible(timeout=20_000)
    answer_all_steps(page, choice=1)
    expect(page.get_by_text(t("results.again.in_workshop"))).to_be_visible()
    page.get_by_role("button", name=t("results.again.fresh")).click()
    wait_idle(page)
    answer_all_steps(page, choice=3)
    expect(page.get_by_text(t("results.saving.replaced_in_room").split(",")[0])).to_be_visible(timeout=20_000)
    shoot(page, "workshop-resubmitted", at=t("results.saving.replaced_in_room")[:40])
    with open_store(f"sqlite:///{tmp_path / 'app.sqlite'}") as store:
        assert store.workshop_response_count(workshop.id) == 1


def test_autosave_and_resume_link__reload_keeps_answers__another_browser_is_asked(streamlit_app, page, browser, tmp_path):
    base = streamlit_app()
    page.goto(f"{base}/questionnaire")
    wait_idle(page)
    groups = page.locator("[data-testid='stMainBlockContainer'] [data-testid='stRadio']")
    expect(groups.first).to_be_visible(timeout=20_000)
    for n in range(2):
        groups.nth(n).locator("label[data-testid='stRadioOption']").nth(1).click()
        wait_idle(page)
    expect(page).to_have_url(re.compile(r"resume="))
    link = page.url

    page.reload()  # the same browser: straight back, nothing asked
    wait_idle(page)
    expect(page.get_by_text("Step 1 of")).to_be_visible(timeout=20_000)
    expect(page.locator("[data-testid='stRadio'] input:checked")).to_have_count(2)

    other = browser.new_context(viewport=WIDE).new_page()
    other.goto(link)
    wait_idle(other)
    expect(other.get_by_role("heading", name=t("questionnaire.offer.title"))).to_be_visible(timeout=20_000)
    shoot(other, "resume-offer")
    other.get_by_role("button", name=t("questionnaire.offer.continue")).click()
    wait_idle(other)
    expect(other.locator("[data-testid='stRadio'] input:checked")).to_have_count(2, timeout=20_000)
    expect(other).not_to_have_url(link)
    sent = link.split("resume=")[1]
    with open_store(f"sqlite:///{tmp_path / 'app.sqlite'}") as store:
        assert store.load_draft(sent) is None  # the sender's link reaches nothing of what follows


def test_blended_file__imported__same_scores_as_exported(streamlit_app, page, tmp_path):
    from tests.test_exchange import blended_export

    blended, text, _ = blended_export(with_roster=True)
    file = tmp_path / "wide-and-deep-results.json"
    file.write_text(text)
    base = streamlit_app()
    page.goto(f"{base}/results")
    wait_idle(page)
    page.get_by_text(t("results.import.title")).click()
    page.get_by_label(t("results.import.label"), exact=True).get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        str(file))  # the import's uploader, not the two of "compare two files"
    wait_idle(page)
    page.get_by_role("button", name=t("results.import.apply")).click()
    wait_idle(page)
    assert metrics(page) == [t("results.score", score=blended.width), t("results.score", score=blended.depth)]
    expect(page.get_by_text(t("results.network.from_map")).first).to_be_visible()
    shoot(page, "blended-imported", at=t("results.network.title"))
