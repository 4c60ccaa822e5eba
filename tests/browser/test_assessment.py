"""A person takes the whole assessment in Chromium and sees their results."""

from playwright.sync_api import expect

from tests.browser.person import take_assessment
from ui.text import t


def test_assessment__every_question_answered_by_clicking__results_show_scores_and_three_charts(streamlit_app, page):
    page.set_viewport_size({"width": 390, "height": 844})
    take_assessment(page, streamlit_app())
    expect(page.get_by_text(t("results.width"), exact=True).first).to_be_visible()
    expect(page.locator("[data-testid='stPlotlyChart']")).to_have_count(3, timeout=20_000)
    expect(page.locator("[data-testid='stMetricValue']").first).to_contain_text(t("results.score", score=0).removeprefix("0"))
