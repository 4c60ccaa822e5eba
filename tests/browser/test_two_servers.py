"""Two app servers on one PostgreSQL, as behind a load balancer (docs/deploying.md).

Sessions stick to one server, but a room does not: participants answer through server A
while the projector and the facilitator are on server B. Every server reads the room from
the database, so B shows what A saved, and a workshop B closes is closed on A too.
"""

from __future__ import annotations

from playwright.sync_api import expect

from assessment.storage.results import open_store
from assessment.room.joining import new_facilitator_key
from tests.browser.streamlit_app import eventually, wait_idle
from tests.browser.workshop_steps import (
    LAPTOP,
    PHONE,
    PROJECTOR,
    join,
    map_dots,
    participant,
)


def test_two_servers__answer_on_a__projector_on_b_shows_it_and_closing_on_b_holds_on_a(
    streamlit_app, browser, postgres_url
):
    server_a = streamlit_app(env={"DATABASE_URL": postgres_url})
    server_b = streamlit_app(env={"DATABASE_URL": postgres_url})
    key = new_facilitator_key()
    with open_store(postgres_url) as store:
        workshop = store.create_workshop("K7RWX3", "Two servers", "", key.hash)
        store.set_workshop_revealed(workshop.id, True)

    projector = browser.new_context(viewport=PROJECTOR).new_page()
    projector.goto(f"{server_b}/projector?w={workshop.id}&k={key.secret}")
    wait_idle(projector)
    expect(projector.locator(".st-key-proj-count")).to_contain_text("0")

    participant(browser, server_a, "K7RWX3", 1)

    # B's projector releases the room only in batches of the minimum group (5): one answer changes
    # nothing on the wall, and no dot appears (a lone dot is a person). B's facilitator sees it below.
    projector.wait_for_timeout(4_000)  # more than one of the projector's 3-second refreshes
    expect(projector.locator(".st-key-proj-count")).to_contain_text("0")
    eventually(lambda: map_dots(projector) == 0)

    facilitator = browser.new_context(viewport=LAPTOP).new_page()
    facilitator.goto(f"{server_b}/workshop?w={workshop.id}&k={key.secret}")
    wait_idle(facilitator)
    expect(facilitator.locator("[data-testid='stMetricValue']").first).to_have_text("1")
    facilitator.get_by_role("button", name="Close submissions").click()
    wait_idle(facilitator)

    late = browser.new_context(viewport=PHONE).new_page()
    join(late, server_a, "K7RWX3")
    expect(late.get_by_text("is closed: it takes no more answers")).to_be_visible()
