"""Coming back to one's own results in a real browser (issue 11): the private link, a reload,
a fresh browser, take it again, a workshop resubmission, a resume link received, a blended file.

Screenshots of every new view go to ``screenshots/tmp/owner/`` (not committed) at 1280 and 390 pixels wide.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from assessment.storage.results import open_store
from tests.browser.person import LINK_FIELD, answer_all_steps, shown_links, take_assessment
from tests.browser.streamlit_app import wait_idle
from tests.browser.workshop_steps import join
from ui.text import t

SHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "tmp" / "owner"
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
