"""On a 390 px phone: answer scales a thumb can hit, a menu that gets out of the way, links to pass on."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.browser.person import LINK_FIELD, answer_visible_questions, settled_count, step_label, take_assessment
from tests.browser.streamlit_app import wait_idle
from tests.browser.workshop_steps import PHONE, create_workshop
from ui.text import t

TAP = 44  # px, the smallest tap target (WCAG 2.5.5, Apple's and Android's guidelines)

# Each radio group's options as boxes, with the group's own box.
_GROUP_BOXES = """groups => groups.map(group => ({
  group: group.getBoundingClientRect().toJSON(),
  options: [...group.querySelectorAll('[data-testid=stRadioOption]')].map(o => o.getBoundingClientRect().toJSON()),
}))"""


def scale_layouts(page: Page) -> list[dict]:
    groups = page.locator("[data-testid='stMainBlockContainer'] [role='radiogroup']")
    settled_count(groups)
    return groups.evaluate_all(_GROUP_BOXES)


def one_line(options: list[dict]) -> bool:
    """Every option on the same row, left to right in the scale's order."""
    return (all(abs(o["top"] - options[0]["top"]) < 1 for o in options)
            and all(a["right"] <= b["left"] + 1 for a, b in zip(options, options[1:])))


def full_width_list(options: list[dict], group: dict) -> bool:
    """One option per row, top to bottom in the scale's order, each as wide as the group."""
    return (all(abs(o["width"] - group["width"]) < 2 for o in options)
            and all(a["bottom"] <= b["top"] + 1 for a, b in zip(options, options[1:])))


def assert_scales_fit_a_phone(page: Page) -> None:
    layouts = scale_layouts(page)
    assert layouts
    for n, layout in enumerate(layouts):
        options, group = layout["options"], layout["group"]
        small = [o for o in options if o["width"] < TAP or o["height"] < TAP]
        assert not small, f"question {n + 1}: options smaller than {TAP}x{TAP}: {small}"
        assert one_line(options) or full_width_list(options, group), f"question {n + 1}: options wrap: {options}"
        assert all(o["left"] >= 0 and o["right"] <= PHONE["width"] for o in options), f"question {n + 1} is cut off"


def test_steps__phone_390__every_option_a_44px_target_and_each_scale_one_line_or_a_full_width_list(
        streamlit_app, browser: Browser):
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(streamlit_app() + "/questionnaire")
    wait_idle(page)
    expect(page.get_by_text(step_label(1, 6))).to_be_visible(timeout=20_000)
    assert_scales_fit_a_phone(page)  # statements: a full-width list of rows
    answer_visible_questions(page)
    page.get_by_role("button", name=t("questionnaire.next")).click()
    expect(page.get_by_text(step_label(2, 6))).to_be_visible(timeout=20_000)
    wait_idle(page)
    assert_scales_fit_a_phone(page)  # the segment grid: its short bands on one line
    assert all(one_line(layout["options"]) for layout in scale_layouts(page))
    # the grid's help is on the page, not behind "?" icons, and its labels carry no markup
    assert page.locator("[data-testid='stMainBlockContainer'] [data-testid='stTooltipIcon']").count() == 0
    names = page.locator("[role='radiogroup']").evaluate_all("gs => gs.map(g => g.getAttribute('aria-label'))")
    assert names and not any("*" in name for name in names)
    # the primary button comes first on a phone
    next_box = page.get_by_role("button", name=t("questionnaire.next")).bounding_box()
    back_box = page.get_by_role("button", name=t("questionnaire.back")).bounding_box()
    assert next_box["y"] + next_box["height"] <= back_box["y"]


def test_menu__phone_390__closes_after_a_page_is_tapped(streamlit_app, browser: Browser):
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(streamlit_app())
    wait_idle(page)
    page.get_by_test_id("stExpandSidebarButton").click()
    menu = page.get_by_test_id("stSidebar")
    expect(menu).to_have_attribute("data-collapsed", "false")
    menu.get_by_role("link", name=t("common.pages.method")).click()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"/method$"))
    expect(menu).to_have_attribute("data-collapsed", "true")
    expect(page.get_by_role("heading", level=1).first).to_be_in_viewport()


def test_home__phone_390__no_text_cut_off(streamlit_app, browser: Browser):
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(streamlit_app())
    wait_idle(page)
    link = page.get_by_role("link", name=t("home.network"))
    expect(link).to_be_visible()
    cut = link.locator("p").evaluate("p => p.scrollWidth > p.clientWidth || getComputedStyle(p).textOverflow === 'ellipsis'")
    assert not cut


def test_link_box__copy_pressed__the_link_is_on_the_clipboard_and_said_so(streamlit_app, browser: Browser):
    context = browser.new_context(viewport=PHONE, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    create_workshop(page, streamlit_app(), "Lab")
    join_link = page.locator(LINK_FIELD).nth(1)
    expect(join_link).to_have_accessible_name(t("common.link_box.join_link"))
    copy = page.get_by_role("button", name=t("common.link_box.copy_named", link=t("common.link_box.join_link")), exact=True)
    copy.focus()
    page.keyboard.press("Enter")  # reached and pressed with the keyboard
    expect(page.get_by_role("status").filter(has_text=t("common.link_box.copied"))).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == join_link.input_value()
    expect(page.get_by_role("button", name=t("common.link_box.share"))).to_have_count(0)  # no share sheet here


def test_link_box__phone_with_a_share_sheet__share_opens_it_with_the_link(streamlit_app, browser: Browser):
    context = browser.new_context(viewport=PHONE)
    context.add_init_script("navigator.share = async (data) => { window.sharedData = data; };")  # a phone's sheet
    page = context.new_page()
    create_workshop(page, streamlit_app(), "Lab")
    page.get_by_role("button", name=t("common.link_box.share_named", link=t("common.link_box.join_link")),
                     exact=True).click()
    page.wait_for_function("() => window.sharedData !== undefined")
    assert page.evaluate("window.sharedData.url") == page.locator(LINK_FIELD).nth(1).input_value()


# Per chart: the margins the figure asks for, and the ones Plotly laid it out with.
_CHART_MARGINS = """plots => plots.map(p => ({
  asked: {l: p.layout.margin.l, b: p.layout.margin.b},
  drawn: {l: p._fullLayout._size.l, b: p._fullLayout._size.b},
}))"""


def test_results__phone_390__each_chart_laid_out_once_and_a_table_opens_where_the_focus_is(streamlit_app, browser: Browser):
    page = browser.new_context(viewport=PHONE).new_page()
    take_assessment(page, streamlit_app())
    charts = page.locator("[data-testid='stPlotlyChart'] .js-plotly-plot")
    expect(charts).to_have_count(3, timeout=20_000)
    wait_idle(page)
    # the first margins already fit every label (assessment.chart_style.label_px), so Plotly's automargin
    # has nothing to push and lays each chart out once; a pushed margin would mean a second layout
    for n, chart in enumerate(charts.evaluate_all(_CHART_MARGINS)):
        assert chart["drawn"] == chart["asked"], f"chart {n + 1}: labels pushed its margins: {chart}"
    tables = page.get_by_test_id("stExpander").filter(has_text=t("common.chart.show_table"))
    expect(tables.get_by_test_id("stTable")).to_have_count(0)  # built only when opened (ui/lazy.py)
    summary = tables.first.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(tables.first.get_by_test_id("stTable")).to_be_visible(timeout=20_000)
    wait_idle(page)
    assert summary.evaluate("s => document.activeElement === s")  # the rerun that built it left the focus in place
