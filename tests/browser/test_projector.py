"""Issue 12 §3 in Chromium: the projector fits the wall, one idea a screen.

Each screen at 1920×1080 and at 1280×720 fits without scrolling, chart ticks are 24 px or more,
the arrow keys on the projector and the facilitator's Back/Next step the same stored screen, the
join code stays in a corner while the room is open, and a 1/1/1 room is said to be split evenly.
The rooms are seeded through the Store (real answers, scored) so the tests look at the wall, not
at three phones answering 47 questions.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from assessment.room.joining import new_facilitator_key
from assessment.room.screens import SCREENS
from assessment.storage.results import NewResult, open_store
from tests.app.test_workshop_pages import scored_answers
from tests.browser.streamlit_app import eventually, wait_idle
from tests.browser.workshop_steps import LAPTOP, PROJECTOR
from ui.text import t

SMALL_PROJECTOR = {"width": 1280, "height": 720}

# Whatever overflows the window: the page's own height, any scrolled box, the lowest element's bottom.
FIT = """() => ({
  viewport: window.innerHeight,
  document: document.documentElement.scrollHeight,
  scrolled: [...document.querySelectorAll('*')].filter(e => e.scrollHeight > e.clientHeight + 1
              && ['auto', 'scroll'].includes(getComputedStyle(e).overflowY)).map(e => e.className.toString()),
  bottom: Math.max(0, ...[...document.querySelectorAll('[data-testid=stElementContainer]')]
              .filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect().bottom)),
  ticks: [...document.querySelectorAll('.xtick text, .ytick text')].map(e => parseFloat(getComputedStyle(e).fontSize)),
})"""


def seed_room(url: str, picks: tuple[int, ...], *, revealed: bool = True, minimum: int | None = None) -> tuple[int, str]:
    """A workshop with one scored response per pick; (id, facilitator key)."""
    key = new_facilitator_key()
    with open_store(url) as store:
        workshop = store.create_workshop("K7RWX3", "Lab retreat — spring cohort", "Room 2", key.hash)
        if minimum is not None:
            store.set_workshop_min_responses(workshop.id, minimum)
        for pick in picks:
            answers, result = scored_answers(pick)
            store.save_result(NewResult(answers=answers, result=result, workshop_id=workshop.id))
        store.set_workshop_revealed(workshop.id, revealed)
    return workshop.id, key.secret


def heading(page: Page) -> str:
    return page.locator(".st-key-proj-head h2").inner_text()


def assert_fits(page: Page, charted: bool) -> None:
    fit = page.evaluate(FIT)
    assert fit["document"] <= fit["viewport"], fit
    assert fit["scrolled"] == [], fit
    assert fit["bottom"] <= fit["viewport"], fit
    if charted:
        assert fit["ticks"] and min(fit["ticks"]) >= 24, fit["ticks"]  # readable from the back of the room


def wait_for_screen(page: Page, name: str) -> None:
    expect(page.locator(".st-key-proj-head h2")).to_have_text(t(f"projector.screen.heading.{name}"), timeout=20_000)
    wait_idle(page)
    if name != "prompt":
        expect(page.locator("[data-testid='stPlotlyChart'] .xtick text").first).to_be_visible(timeout=20_000)
    page.wait_for_timeout(500)  # Plotly's automargin redraw


@pytest.mark.parametrize("viewport", [PROJECTOR, SMALL_PROJECTOR], ids=["1920x1080", "1280x720"])
def test_projector__every_screen__fits_without_scrolling_ticks_24px_and_arrow_keys_step(
        streamlit_app, browser, tmp_path, viewport):
    url = f"sqlite:///{tmp_path / 'room.sqlite'}"
    base = streamlit_app(env={"DATABASE_URL": url})
    workshop_id, key = seed_room(url, (0, 1, 2, 3, 4, 0, 2))
    projector = browser.new_context(viewport=viewport).new_page()
    projector.goto(f"{base}/projector?w={workshop_id}&k={key}")
    wait_idle(projector)
    for n, name in enumerate(SCREENS):
        if n:
            projector.keyboard.press("ArrowRight")
        wait_for_screen(projector, name)
        assert_fits(projector, charted=name != "prompt")
        expect(projector.locator(".st-key-proj-corner-code")).to_have_text("K7R WX3")  # open: the code in a corner
        expect(projector.locator(".st-key-proj-corner-qr img")).to_be_visible()
        with open_store(url) as store:
            assert store.find_workshop(workshop_id).screen == n  # stored with the room, not in this tab
    projector.keyboard.press("ArrowRight")  # past the last: it stays
    wait_idle(projector)
    wait_for_screen(projector, "prompt")
    projector.keyboard.press("ArrowLeft")
    wait_for_screen(projector, "reach")
    projector.reload()  # a fresh load (and every refresh) keeps the room's screen
    wait_idle(projector)
    wait_for_screen(projector, "reach")


@pytest.mark.parametrize("viewport", [PROJECTOR, SMALL_PROJECTOR], ids=["1920x1080", "1280x720"])
def test_projector__collecting__join_screen_fits_with_code_qr_and_who_answered(streamlit_app, browser, tmp_path, viewport):
    url = f"sqlite:///{tmp_path / 'room.sqlite'}"
    base = streamlit_app(env={"DATABASE_URL": url})
    workshop_id, key = seed_room(url, (0, 1), revealed=False)
    projector = browser.new_context(viewport=viewport).new_page()
    projector.goto(f"{base}/projector?w={workshop_id}&k={key}")
    wait_idle(projector)
    expect(projector.locator(".st-key-proj-code")).to_have_text("K7R WX3", timeout=20_000)
    expect(projector.locator(".st-key-proj-qr img")).to_be_visible()
    count = projector.locator(".st-key-proj-count")
    expect(count).to_contain_text("2")
    expect(count).to_contain_text(t("projector.screen.answering", n=0).replace("**", ""))
    projector.wait_for_timeout(500)
    assert_fits(projector, charted=False)
    projector.keyboard.press("ArrowRight")  # before the reveal there is one screen: the key changes nothing
    projector.wait_for_timeout(1_000)
    with open_store(url) as store:
        assert store.find_workshop(workshop_id).screen == 0


def test_projector__facilitator_next_and_back__projector_follows_on_its_own(streamlit_app, browser, tmp_path):
    url = f"sqlite:///{tmp_path / 'room.sqlite'}"
    base = streamlit_app(env={"DATABASE_URL": url})
    workshop_id, key = seed_room(url, (0, 1, 2, 3, 4))
    projector = browser.new_context(viewport=PROJECTOR).new_page()
    projector.goto(f"{base}/projector?w={workshop_id}&k={key}")
    wait_idle(projector)
    wait_for_screen(projector, "map")
    facilitator = browser.new_context(viewport=LAPTOP).new_page()
    facilitator.goto(f"{base}/workshop?w={workshop_id}&k={key}")
    wait_idle(facilitator)
    next_button = facilitator.get_by_role("button", name=t("projector.steps.next"))
    next_button.click()
    wait_idle(facilitator)
    next_button.click()
    wait_idle(facilitator)
    wait_for_screen(projector, "segments")  # the projector's own refresh picks it up
    facilitator.get_by_role("button", name=t("projector.steps.back")).click()
    wait_idle(facilitator)
    wait_for_screen(projector, "dimensions")
    projector.keyboard.press("ArrowRight")  # and a key on the projector shows on the facilitator's page
    expect(facilitator.get_by_text(t("projector.screen.name.segments"), exact=True)).to_be_visible(timeout=20_000)


def test_projector__one_one_one_room__prompt_says_split_evenly(streamlit_app, browser, tmp_path):
    url = f"sqlite:///{tmp_path / 'room.sqlite'}"
    base = streamlit_app(env={"DATABASE_URL": url})
    workshop_id, key = seed_room(url, (0, 2, 4), minimum=3)  # starting, deep but closed, wide and deep
    with open_store(url) as store:
        for _ in SCREENS:
            store.step_workshop_screen(workshop_id, 1)
    projector = browser.new_context(viewport=SMALL_PROJECTOR).new_page()
    projector.goto(f"{base}/projector?w={workshop_id}&k={key}")
    wait_idle(projector)
    wait_for_screen(projector, "prompt")
    picture = projector.locator(".st-key-proj-picture")
    expect(picture).to_contain_text("This room is split evenly")
    expect(picture).to_contain_text("1 each")
    expect(projector.locator(".st-key-proj-prompt")).to_have_text(t("projector.screen.mixed_prompt"))
    expect(projector.get_by_text("This room is wide and deep")).to_have_count(0)
    eventually(lambda: projector.evaluate(FIT)["bottom"] <= 720)
