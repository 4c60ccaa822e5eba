"""Em português: a person whose browser speaks Brazilian Portuguese walks the whole app and reads no
English; a result taken in English opens in Portuguese on its share link, with the same scores.

The check for English: tests/browser/english_words.py (words only the English content uses), over
every visible text, Streamlit's own widget words included ("Press Enter to apply", "Upload"): the
app puts them in the page's language (ui/language.py).
"""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.browser.english_words import english_words
from tests.browser.person import LINK_FIELD, answer_visible_questions, shown_links, take_assessment
from tests.browser.streamlit_app import eventually, wait_idle
from tests.browser.workshop_steps import LAPTOP, PHONE, PROJECTOR, participant
from ui.text import catalogue

PT = catalogue("pt-BR")
EN = catalogue("en")
_STEP_PART = next(p for p in PT.entries["questionnaire.progress"]["other"].split(" · ") if "{step}" in p)
STEP = re.compile(re.escape(_STEP_PART).replace(r"\{step\}", r"(\d+)").replace(r"\{steps\}", r"(\d+)"))


def pt(key: str, **params) -> str:
    return PT.text(key, **params)


def portuguese_page(browser: Browser, viewport=LAPTOP, locale: str = "pt-BR") -> Page:
    return browser.new_context(viewport=viewport, locale=locale).new_page()


def shown_text(page: Page) -> str:
    """What the page shows, one text at a time: every visible text of the app, Streamlit's widget words
    included (ui/language.py puts them in the page's language), without code, icons and the toolbar.
    Each text is its own line, so a join code never runs into the next line's first word."""
    return page.evaluate("""() => {
        const hidden = 'script, style, code, [data-testid=stToolbar], [data-testid=stDecoration],'
          + ' [data-testid=stIconMaterial], [data-testid=stAlertDynamicIcon]';  // an icon's ligature name (key) is drawn, not read
        const texts = document.createTreeWalker(document.querySelector('[data-testid=stApp]'), NodeFilter.SHOW_TEXT);
        const shown = [];
        for (let node = texts.nextNode(); node; node = texts.nextNode()) {
            const box = node.parentElement;
            if (box && !box.closest(hidden) && box.checkVisibility({visibilityProperty: true})) shown.push(node.nodeValue);
        }
        return shown.join('\\n');
    }""")


def assert_portuguese(page: Page, where: str) -> None:
    wait_idle(page)
    assert page.evaluate("document.documentElement.lang") == "pt-BR", where
    text = re.sub(r"\S*/\S*", " ", shown_text(page))  # addresses (https://…/results, host/join) are not words
    found = english_words(text)
    for w in found:
        i = text.find(w); print("CONTEXT", where, repr(text[max(0, i-120):i+80]))
    assert found == [], where


def test_shown_text__each_text_its_own_words__hidden_text_and_icons_left_out(browser):
    page = browser.new_page()
    page.set_content('<div data-testid="stApp"><div>K7R 47H</div><div><p>As suas respostas</p></div>'
                     '<p style="display:none">Limit 1MB per file</p><span data-testid="stIconMaterial">upload</span>'
                     '<p>Upload</p></div>')
    text = " ".join(shown_text(page).split())
    assert text == "K7R 47H As suas respostas Upload"
    assert english_words(text) == ["Upload"]


def answer_in_portuguese(page: Page, choice: int = 2, checked: list[str] | None = None) -> None:
    """On the questionnaire: answer every step, checking each for English, then see the results."""
    while True:
        label = page.get_by_text(STEP).first
        expect(label).to_be_visible(timeout=20_000)
        number, total = map(int, STEP.search(label.inner_text()).groups())
        last = number == total
        button = page.get_by_role("button", name=pt("questionnaire.finish") if last else pt("questionnaire.next"))
        expect(button).to_be_visible(timeout=20_000)
        answer_visible_questions(page, choice)
        assert_portuguese(page, f"questionnaire step {number}")
        if checked is not None:
            checked.append(f"step {number}")
        button.click()
        wait_idle(page)
        if last:
            return
        expect(page.get_by_text(_STEP_PART.format(step=number + 1, steps=total))).to_be_visible(timeout=20_000)


def metric_values(page: Page) -> list[str]:
    values = page.locator("[data-testid='stMetricValue']")
    expect(values).to_have_count(2, timeout=20_000)
    return [v.strip() for v in values.all_inner_texts()]


def test_portuguese_browser__questionnaire_results_share_network__no_english_on_screen(streamlit_app, browser):
    base = streamlit_app()
    page = portuguese_page(browser)
    page.goto(base)
    expect(page.get_by_role("button", name=pt("home.start"))).to_be_visible(timeout=30_000)
    assert_portuguese(page, "home")
    page.get_by_role("button", name=pt("home.start")).click()
    wait_idle(page)
    steps: list[str] = []
    answer_in_portuguese(page, choice=3, checked=steps)
    assert len(steps) >= 6
    expect(page.get_by_text(pt("results.own_title"), exact=True)).to_be_visible(timeout=30_000)
    assert_portuguese(page, "results")

    share = next(link for link in shown_links(page, 2) if "results?r=" in link)
    reader = portuguese_page(browser, PHONE)
    reader.goto(share)
    expect(reader.get_by_text(pt("results.shared.title"), exact=True)).to_be_visible(timeout=30_000)
    assert_portuguese(reader, "share page")

    page.goto(f"{base}/network")
    expect(page.get_by_text(pt("network.title")).first).to_be_visible(timeout=30_000)
    page.get_by_label(pt("network.entry.add_label")).fill("AB, CD, EF")  # quick add: three people in one line
    page.keyboard.press("Enter")
    wait_idle(page)
    expect(page.locator(".st-key-w-network-person").get_by_text("EF", exact=True)).to_be_visible(timeout=30_000)
    assert_portuguese(page, "network map, your people")
    page.get_by_role("tab", name=pt("network.entry.tab_map")).click()
    wait_idle(page)
    expect(page.locator("[data-testid='stPlotlyChart']").first).to_be_visible(timeout=30_000)
    assert_portuguese(page, "network map, your map")

    page.goto(f"{base}/method")
    expect(page.get_by_text(pt("method.title")).first).to_be_visible(timeout=30_000)
    assert_portuguese(page, "method")


def join_in_portuguese(browser: Browser, base: str, code: str, choice: int) -> None:
    page = portuguese_page(browser, PHONE)
    page.goto(f"{base}/join")
    expect(page.get_by_role("textbox", name=pt("workshop.join.code"))).to_be_visible(timeout=30_000)
    assert_portuguese(page, "join page")
    page.get_by_role("textbox", name=pt("workshop.join.code")).fill(code)
    page.get_by_role("button", name=pt("workshop.join.submit"), exact=True).click()
    wait_idle(page)
    answer_in_portuguese(page, choice)
    expect(page.get_by_text(pt("results.own_title"), exact=True)).to_be_visible(timeout=30_000)
    assert_portuguese(page, "participant's results")
    page.context.close()


def test_portuguese_workshop__projector_in_the_facilitators_language__each_participant_in_their_own(
        streamlit_app, browser):
    base = streamlit_app()
    facilitator = portuguese_page(browser)
    facilitator.goto(f"{base}/workshop")
    expect(facilitator.get_by_role("textbox", name=pt("workshop.create.workshop_title"))).to_be_visible(timeout=30_000)
    assert_portuguese(facilitator, "create a workshop")
    facilitator.get_by_role("textbox", name=pt("workshop.create.workshop_title")).fill("Encontro de redes")
    facilitator.get_by_role("button", name=pt("workshop.create.submit")).click()
    wait_idle(facilitator)
    expect(facilitator.locator(".st-key-workshop-private")).to_be_visible(timeout=30_000)
    assert_portuguese(facilitator, "facilitator page")
    links = lambda: " ".join(field.input_value() for field in facilitator.locator(LINK_FIELD).all())  # noqa: E731
    eventually(lambda: re.search(r"join\?code=[A-Z0-9]{6}", links()) is not None, timeout=30)
    code = re.search(r"join\?code=([A-Z0-9]{6})", links()).group(1)
    projector_link = facilitator.get_by_role("link", name=pt("workshop.facilitator.projector_open")).get_attribute("href")
    assert "lang=pt-BR" in projector_link
    minimum = facilitator.get_by_role("spinbutton", name=pt("workshop.facilitator.minimum"))
    minimum.fill("3")  # the smallest room the privacy rule allows (default 5)
    minimum.press("Enter")
    wait_idle(facilitator)

    projector = browser.new_context(viewport=PROJECTOR, locale="en-US").new_page()  # the room's computer speaks English
    projector.goto(projector_link)
    expect(projector.get_by_text(f"{code[:3]} {code[3:]}", exact=True)).to_be_visible(timeout=30_000)
    assert_portuguese(projector, "projector, waiting")

    join_in_portuguese(browser, base, code, choice=1)
    join_in_portuguese(browser, base, code, choice=3)
    participant(browser, base, code, choice=2)  # an English browser answers in English (person.py's English steps)

    expect(facilitator.locator("[data-testid='stMetricValue']").first).to_have_text("3", timeout=30_000)
    facilitator.get_by_role("button", name=pt("workshop.facilitator.reveal")).click()
    wait_idle(facilitator)
    expect(projector.locator(".st-key-proj-count")).to_contain_text("3", timeout=30_000)
    expect(projector.locator(".st-key-proj-count")).to_contain_text(pt("projector.answers", n=3).split("**")[-1].strip())
    expect(projector.locator("[data-testid='stPlotlyChart']")).to_have_count(1, timeout=30_000)  # one chart a screen
    assert_portuguese(projector, "projector, revealed")
    assert_portuguese(facilitator, "facilitator page, revealed")


def test_result_taken_in_english__share_link_in_a_portuguese_browser__portuguese_same_scores(streamlit_app, browser):
    base = streamlit_app()
    english = browser.new_context(viewport=LAPTOP, locale="en-US").new_page()
    take_assessment(english, base, choice=1)
    expect(english.get_by_text(EN.text("results.own_title"), exact=True)).to_be_visible(timeout=30_000)
    scores = metric_values(english)
    share = next(link for link in shown_links(english, 2) if "results?r=" in link)
    assert "lang=" not in share  # a shared link opens in the reader's language

    reader = portuguese_page(browser, PHONE)
    reader.goto(share)
    expect(reader.get_by_text(pt("results.shared.title"), exact=True)).to_be_visible(timeout=30_000)
    assert metric_values(reader) == scores
    assert_portuguese(reader, "an English result's share page")
    reader.get_by_role("radio", name="English").or_(reader.get_by_text("English", exact=True)).first.click()
    wait_idle(reader)
    expect(reader.get_by_text(EN.text("results.shared.title"), exact=True)).to_be_visible(timeout=30_000)
    assert reader.evaluate("document.documentElement.lang") == "en"
    assert metric_values(reader) == scores


def test_streamlits_own_widget_words__in_the_pages_language__and_back_in_english_after_the_switch(streamlit_app,
                                                                                                   browser):
    page = portuguese_page(browser)
    page.goto(f"{streamlit_app()}/network")
    expect(page.get_by_text(pt("network.title")).first).to_be_visible(timeout=30_000)
    page.get_by_label(pt("network.entry.add_label")).fill("AB")  # typed, not yet sent: Streamlit's hint shows
    expect(page.get_by_text(pt("common.streamlit.enter_submit"), exact=True)).to_be_visible(timeout=10_000)
    page.get_by_text(pt("network.keep.load_title")).click()  # the section with a file uploader
    wait_idle(page)
    expect(page.get_by_role("button", name=pt("common.streamlit.upload"))).to_be_visible(timeout=20_000)
    assert_portuguese(page, "network map, typing, the uploader open")

    page.get_by_role("radio", name="English").or_(page.get_by_text("English", exact=True)).first.click()
    wait_idle(page)
    expect(page.get_by_text(EN.text("network.title")).first).to_be_visible(timeout=30_000)
    upload = page.get_by_role("button", name=EN.text("common.streamlit.upload"), exact=True)
    if not upload.is_visible():  # the section, its title now English, may have closed
        page.get_by_text(EN.text("network.keep.load_title")).click()
        wait_idle(page)
    expect(upload).to_be_visible(timeout=20_000)
    page.get_by_label(EN.text("network.entry.add_label")).fill("CD")
    expect(page.get_by_text(EN.text("common.streamlit.enter_submit"), exact=True)).to_be_visible(timeout=10_000)
    assert page.get_by_text(pt("common.streamlit.enter_submit")).count() == 0
