"""The abuse limits as a person meets them (assessment/limits.py rates, ui/workshops.py wiring).

AppTest has no client address (as on localhost), so these are the per-session limits; the
per-address ones are the same code path with another key (tests/test_limits.py).
"""

from __future__ import annotations

from assessment.limits import JOIN_ATTEMPTS, RESULTS_INTO_A_ROOM, WORKSHOPS_CREATED
from assessment.room.joining import Refusal, new_join_code
from tests.app.test_walkthrough import Q, answer_step
from tests.app.test_workshop_pages import new_workshop, page, store  # noqa: F401  (fixture)
from tests.app.sessions import session_of
from ui import workshops
from ui.text import t
from ui.workshops import refusal_text


def try_code(at, code: str):
    at.text_input(key="join.code").set_value(code)
    at.button(key="join.submit").click().run()
    assert not at.exception, at.exception
    return at.error[0].value if at.error else None


def test_join__eleventh_different_code_in_a_minute__refused_with_wait_a_minute(store):
    at = page("pages/join.py")
    limit = JOIN_ATTEMPTS[0].count  # 10
    codes = []
    while len(codes) < limit + 1:
        code = new_join_code()
        if code not in codes:
            codes.append(code)

    shown = [try_code(at, code) for code in codes]

    assert all("There is no workshop with the code" in message for message in shown[:limit])
    assert shown[limit] == refusal_text(Refusal.of("too_many_joins"))


def test_join__same_code_again_and_again__not_counted_as_new_attempts(store):
    new_workshop(store, is_open=False)
    at = page("pages/join.py")

    shown = {try_code(at, "K7RWX3") for _ in range(JOIN_ATTEMPTS[0].count + 5)}

    assert shown == {refusal_text(Refusal.of("closed", title="Team day"))}


def create(at, title: str):
    at.query_params.clear()
    at.switch_page("pages/workshop.py").run()
    at.text_input(key="workshop.title").set_value(title)
    at.button(key="workshop.create").click().run()
    assert not at.exception, at.exception
    return at


def test_create__sixth_workshop_in_an_hour__refused_and_not_created(store):
    at = page("pages/workshop.py")
    limit = WORKSHOPS_CREATED[0].count  # 5
    for n in range(limit):
        assert "w" in create(at, f"Day {n}").query_params

    create(at, "One too many")

    assert [e.value for e in at.error] == [t("workshop.too_many_workshops")]
    assert "w" not in at.query_params


def test_results__room_full_for_this_session__saved_for_them_only_and_told(store):
    workshop, _ = new_workshop(store)
    at = page("pages/join.py")
    session_of(at).client_key = "client-under-test"
    for _ in range(RESULTS_INTO_A_ROOM[0].count):  # this session already sent its five
        assert workshops.ROOM_RESULTS.allow(f"client-under-test:{workshop.id}")
    try_code(at, "K7RWX3")
    at.switch_page("pages/questionnaire.py")
    for n in range(len(Q.steps)):
        answer_step(at, n)
        at.button(key="nav.finish" if n == len(Q.steps) - 1 else "nav.next").click().run()
    # "See my results" saved the result and moved to the results page in the same click

    assert not at.exception
    assert store.workshop_response_count(workshop.id) == 0
    saved = store.find_result(session_of(at).saved.share_token).result
    assert saved.workshop_id is None
    assert t("workshop.too_many_results") in [e.value for kind in ("info", "warning", "success")
                                                       for e in at.get(kind)]
