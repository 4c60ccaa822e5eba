"""Saved results in a real browser: the share link elsewhere, deleting with the private link, hostile names."""

from playwright.sync_api import expect

from tests.browser.person import shown_links, take_assessment
from tests.browser.streamlit_app import wait_idle
from ui.text import t

HOSTILE = "<img src=x onerror=alert(1)>"


def metric_values(page) -> list[str]:
    """Width and Depth as shown, once both are drawn (st.metric arrives a moment after the run)."""
    values = page.locator("[data-testid='stMetricValue']")
    expect(values).to_have_count(2, timeout=20_000)
    return [v.strip() for v in values.all_inner_texts()]


def fail_on_dialog(page, seen: list) -> None:
    def on_dialog(dialog):
        seen.append(dialog.message)
        dialog.dismiss()
    page.on("dialog", on_dialog)


def test_share_link__fresh_browser__same_scores_then_gone_after_delete(streamlit_app, page, browser):
    base = streamlit_app()
    dialogs: list[str] = []
    fail_on_dialog(page, dialogs)
    take_assessment(page, base, choice=3, display_name=HOSTILE)
    own = metric_values(page)
    manage, share = shown_links(page, 2)  # the private link, first
    assert "results?o=" in manage and "results?r=" in share

    viewer = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    fail_on_dialog(viewer, dialogs)
    viewer.goto(share)
    wait_idle(viewer)
    expect(viewer.get_by_text(t("results.shared.title_named", name=HOSTILE))).to_be_visible(timeout=20_000)
    assert metric_values(viewer) == own
    expect(viewer.locator("[data-testid='stPlotlyChart']")).to_have_count(3)

    owner = browser.new_context().new_page()
    owner.goto(manage)
    wait_idle(owner)
    owner.get_by_text(t("results.delete.confirm")).click()
    wait_idle(owner)
    owner.get_by_role("button", name=t("results.delete.button")).click()
    wait_idle(owner)

    viewer.goto(share)
    wait_idle(viewer)
    expect(viewer.get_by_text(t("results.shared.removed_title"))).to_be_visible(timeout=20_000)
    assert dialogs == []  # the hostile name never ran as markup


def test_share_link__unknown_token__friendly_page_with_a_way_in(streamlit_app, page):
    page.goto(streamlit_app() + "/results?r=" + "x" * 22)
    wait_idle(page)
    expect(page.get_by_text(t("results.shared.not_found_title"))).to_be_visible(timeout=20_000)
    expect(page.get_by_role("button", name=t("results.take"))).to_be_visible()
