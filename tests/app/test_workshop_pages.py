"""Workshop mode driven by AppTest: create, facilitate, join, and the projector.

Responses are real: answers scored by ``score_answers`` and saved through the Store into the
throw-away SQLite database of tests/app/conftest.py (DATABASE_URL).
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from assessment import load_questionnaire, score_answers
from assessment.storage.results import NewResult, open_store
from assessment.room.joining import JOIN_CODE_ALPHABET, Refusal, format_join_code, new_facilitator_key
from assessment.questionnaire import complete_answers
from tests.app.link_boxes import shown_links
from tests.app.test_walkthrough import answer_step
from tests.app.sessions import session_of
from assessment.room.screens import SCREENS
from ui.answer_widgets import widget_key
from ui.session import JoinedWorkshop, Session
from ui.text import t
from ui.workshops import refusal_text

Q = load_questionnaire("en")
APP = str(Path(__file__).resolve().parents[2] / "app.py")
PICKS = (0, 1, 2, 3, 4)  # option index per response: varied profiles


@pytest.fixture(autouse=True)
def same_browser(monkeypatch):
    """These journeys are one person's browser coming back (a reload, a server restart): its cookie
    says it started the draft, so it resumes without asking (tests/app/test_drafts_and_saving.py
    covers a resume link opened in another browser)."""
    monkeypatch.setattr("ui.drafts.started_here", lambda _token: True)


@pytest.fixture
def store():
    with open_store(os.environ["DATABASE_URL"]) as opened:
        yield opened


def new_workshop(store, title="Team day", *, revealed=False, is_open=True):
    key = new_facilitator_key()
    workshop = store.create_workshop("K7RWX3", title, "Room 2", key.hash)
    store.set_workshop_revealed(workshop.id, revealed)
    store.set_workshop_open(workshop.id, is_open)
    return workshop, key.secret


def scored_answers(pick: int) -> tuple[dict[str, str], dict]:
    answers = complete_answers(Q, lambda _key, choices: choices[min(pick, len(choices) - 1)])
    return answers, score_answers(Q, answers).to_dict()


def add_responses(store, workshop_id: int, count: int, **extra) -> None:
    for n in range(count):
        answers, result = scored_answers(PICKS[n % len(PICKS)])
        store.save_result(NewResult(answers=answers, result=result, workshop_id=workshop_id, **extra))


def page(path: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for name, value in params.items():
        at.query_params[name] = value
    at.switch_page(path).run()
    assert not at.exception, at.exception
    return at


def figure(at: AppTest, n: int) -> dict:
    return json.loads(at.get("plotly_chart")[n].proto.spec)


def decoded(values) -> list[float]:
    if isinstance(values, dict):  # Plotly 7 typed array
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def joined(at: AppTest) -> JoinedWorkshop | None:
    """The workshop the session of ``at`` takes part in (``Session.workshop``)."""
    return Session(at.session_state).workshop


def texts(at: AppTest) -> str:
    return "\n".join(str(e.value) for kind in ("markdown", "title", "caption", "error", "info") for e in at.get(kind))


# -- creating and facilitating --------------------------------------------------------------


def test_create__title_given__facilitator_page_with_code_links_qr_and_private_note(store):
    at = page("pages/workshop.py")
    at.text_input(key="workshop.title").set_value("Team day")
    at.text_area(key="workshop.note").set_value("Room 2")
    at.button(key="workshop.create").click().run()
    workshop_id, key = int(at.query_params["w"]), at.query_params["k"]
    workshop = store.find_workshop(workshop_id)
    assert workshop.title == "Team day" and workshop.is_open and not workshop.revealed
    codes = shown_links(at)
    assert codes[0].endswith(f"/workshop?w={workshop_id}&k={key}")  # the facilitator link, shown once
    assert any(c.endswith(f"/join?code={workshop.code}") for c in codes)
    assert any(c.endswith(f"/projector?lang=en&w={workshop_id}&k={key}") for c in codes)  # the facilitator's language
    assert t("workshop.facilitator.private_link") in texts(at)
    assert t("workshop.facilitator.join_code", code=format_join_code(workshop.code)) in texts(at)
    assert len(at.get("image")) == 1  # the QR code
    assert [m.value for m in at.metric] == ["0", t("workshop.facilitator.open"), t("workshop.facilitator.join_code_shown")]
    assert workshop.facilitator_hash != key  # only the hash is stored


def test_create__no_title__asks_for_one_and_creates_nothing(store):
    at = page("pages/workshop.py")
    at.button(key="workshop.create").click().run()
    assert at.error[0].value == t("workshop.create.no_title")
    assert "w" not in at.query_params


def test_facilitator_page__right_key__controls_and_live_count(store):
    workshop, key = new_workshop(store)
    add_responses(store, workshop.id, 2)
    at = page("pages/workshop.py", w=str(workshop.id), k=key)
    assert at.title[0].value == "Team day"
    assert at.metric[0].value == "2"
    assert {b.key for b in at.button} >= {"workshop.reveal", "workshop.open", "workshop.delete"}
    assert t("workshop.facilitator.private_link") not in texts(at)  # the full link only right after creating


@pytest.mark.parametrize("params", [{"w": "1", "k": "wrong-key-wrong-key-wrong"}, {"w": "1"}, {"k": "x"}, {"w": "x", "k": "y"}])
def test_facilitator_page__wrong_or_missing_key__message_and_no_controls(store, params):
    new_workshop(store)
    at = page("pages/workshop.py", **params)
    assert at.error[0].value == t("workshop.facilitator_link")
    assert not {"workshop.reveal", "workshop.open", "workshop.delete"} & {b.key for b in at.button}
    assert not at.metric


def test_facilitator_controls__reveal_then_close__stored_and_labels_flip(store):
    workshop, key = new_workshop(store)
    at = page("pages/workshop.py", w=str(workshop.id), k=key)
    at.button(key="workshop.reveal").click().run()
    at.button(key="workshop.open").click().run()
    now = store.find_workshop(workshop.id)
    assert (now.revealed, now.is_open) == (True, False)
    assert at.button(key="workshop.reveal").label == t("workshop.facilitator.hide")
    assert at.button(key="workshop.open").label == t("workshop.facilitator.reopen")
    assert [m.value for m in at.metric][1:] == [t("workshop.facilitator.closed"), t("workshop.facilitator.results_shown")]


@pytest.mark.parametrize(("responses", "primary"), [(0, False), (4, False), (5, True)])
def test_facilitator_reveal__below_the_minimum_group__not_the_main_action_and_says_why(store, responses, primary):
    workshop, key = new_workshop(store)
    add_responses(store, workshop.id, responses)
    at = page("pages/workshop.py", w=str(workshop.id), k=key)
    assert (at.button(key="workshop.reveal").proto.type == "primary") is primary
    assert (t("projector.steps.below_minimum", n=5, count=responses) in texts(at)) is not primary


def test_facilitator_steps__next_and_back__the_rooms_screen_moves_and_stops_at_the_ends(store):
    workshop, key = new_workshop(store)
    at = page("pages/workshop.py", w=str(workshop.id), k=key)
    assert t("projector.steps.before_reveal") in texts(at)  # one screen before the reveal: nothing to step
    assert "workshop.screen_next" not in {b.key for b in at.button}
    store.set_workshop_revealed(workshop.id, True)
    at.run()
    assert at.button(key="workshop.screen_back").disabled
    at.button(key="workshop.screen_next").click().run()
    at.button(key="workshop.screen_next").click().run()
    assert store.find_workshop(workshop.id).screen == 2
    assert t("projector.steps.showing", name=t("projector.screen.name.segments"), n=3, total=5) in texts(at)
    at.button(key="workshop.screen_back").click().run()
    assert store.find_workshop(workshop.id).screen == 1
    for _ in range(3):
        at.button(key="workshop.screen_next").click().run()
    assert store.find_workshop(workshop.id).screen == 4 and at.button(key="workshop.screen_next").disabled


def test_facilitator_page__privacy__rule_stated_and_minimum_raised_in_the_database(store):
    workshop, key = new_workshop(store)
    at = page("pages/workshop.py", w=str(workshop.id), k=key)
    assert t("workshop.facilitator.privacy_rule", n=5) in texts(at)
    assert at.number_input(key="workshop.minimum").value == 5
    at.number_input(key="workshop.minimum").set_value(8).run()
    assert store.find_workshop(workshop.id).min_responses == 8
    assert t("workshop.facilitator.privacy_rule", n=8) in texts(at)
    assert at.number_input(key="workshop.minimum").min == 3  # never below 3


def test_facilitator_page__remove_latest_three__those_gone_and_said(store):
    workshop, key = new_workshop(store)
    add_responses(store, workshop.id, 5)
    at = page("pages/workshop.py", w=str(workshop.id), k=key)
    at.number_input(key="workshop.remove_count").set_value(3).run()
    at.button(key="workshop.remove").click().run()
    assert store.workshop_response_count(workshop.id) == 2
    assert at.success[0].value == t("workshop.facilitator.removed", n=3)


def test_dictionary_csv__every_export_column__described_in_words():
    from ui.facilitator_view import dictionary_csv, export_metric_names
    from assessment.room.export import export_columns
    import csv as _csv
    import io as _io

    rows = list(_csv.reader(_io.StringIO(dictionary_csv(Q))))
    columns = [c.header for c in export_columns((), export_metric_names(Q))]
    assert [r[0] for r in rows[1:]] == columns
    assert len(columns) == 5 + len(Q.dimensions) + 4 * len(Q.segments) and "breadth" not in "".join(columns)
    assert all(r[1] and "{" not in r[1] and ":" not in r[0] for r in rows[1:])
    reach = next(r for r in rows if r[0] == Q.dimensions[0].id)
    assert reach[1] == t("workshop.export.column.dimension", name=Q.dimensions[0].name)


def test_delete__unconfirmed__button_disabled(store):
    workshop, key = new_workshop(store)
    at = page("pages/workshop.py", w=str(workshop.id), k=key)
    assert at.button(key="workshop.delete").disabled


def test_delete__confirmed__workshop_and_results_gone(store):
    workshop, key = new_workshop(store)
    add_responses(store, workshop.id, 1)
    at = page("pages/workshop.py", w=str(workshop.id), k=key)
    at.checkbox(key="workshop.delete_confirm").check().run()
    at.button(key="workshop.delete").click().run()
    assert store.find_workshop(workshop.id) is None
    assert store.workshop_response_count(workshop.id) == 0
    assert at.success[0].value == t("workshop.facilitator.deleted", title="Team day")
    assert "w" not in at.query_params


# -- joining ---------------------------------------------------------------------------------


def join(code: str, nickname: str = "", public: bool = False, **params: str) -> AppTest:
    at = page("pages/join.py", **params)
    at.text_input(key="join.code").set_value(code)
    at.text_input(key="join.nickname").set_value(nickname)
    at.checkbox(key="join.public").set_value(public)
    at.button(key="join.submit").click().run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize(("typed", "refusal"), [
    ("", Refusal.of("empty", length=6)),
    ("K7R-WX", Refusal.of("length", length=6, count=5)),
    ("K7RWX0", Refusal.of("lookalike", chars=("0",), alphabet=tuple(JOIN_CODE_ALPHABET))),
])
def test_join__malformed_code__says_what_is_wrong(store, typed, refusal):
    at = join(typed)
    assert at.error[0].value == refusal_text(refusal)
    assert joined(at) is None


def test_join__unknown_code__says_no_such_workshop(store):
    at = join("k7r wx3")
    assert at.error[0].value == refusal_text(Refusal.of("unknown", code="K7R WX3"))


def test_join__closed_workshop__says_closed(store):
    new_workshop(store, is_open=False)
    at = join("K7RWX3")
    assert at.error[0].value == refusal_text(Refusal.of("closed", title="Team day"))
    assert joined(at) is None


def test_join__deleted_workshop__says_deleted(store):
    workshop, _ = new_workshop(store)
    store.delete_workshop(workshop.id)
    at = join("K7RWX3")
    assert at.error[0].value == refusal_text(Refusal.of("deleted", code="K7R WX3"))


def test_join__typed_code_and_private_nickname__in_workshop_and_on_the_questionnaire(store):
    workshop, _ = new_workshop(store)
    at = join("k7r-wx3", nickname="  Robin  ", public=False)
    assert joined(at) == JoinedWorkshop(workshop.id, "K7RWX3", "Team day", nickname="Robin", nickname_public=False)
    assert at.header[0].value == Q.steps[0].title  # switched to the questionnaire


def test_join__public_box_without_nickname__nothing_public(store):
    new_workshop(store)
    at = join("K7RWX3", nickname="", public=True)
    assert (joined(at).nickname, joined(at).nickname_public) == (None, False)


def test_join__link_with_code__form_prefilled_and_workshop_named(store):
    new_workshop(store, title="Team *day*")
    at = page("pages/join.py", code="K7RWX3")
    assert at.text_input(key="join.code").value == "K7RWX3"
    assert at.markdown[0].value == t("workshop.join.joining", title=r"Team \*day\*")


def test_join__link_to_closed_workshop__says_so_before_any_typing(store):
    new_workshop(store, is_open=False)
    at = page("pages/join.py", code="K7RWX3")
    assert at.error[0].value == refusal_text(Refusal.of("closed", title="Team day"))


def test_join_then_answer_everything__result_saved_into_the_workshop_with_opt_in(store):
    workshop, _ = new_workshop(store)
    at = join("K7RWX3", nickname="Kim", public=True)
    at.switch_page("pages/questionnaire.py")  # AppTest reruns its own page after an in-script switch
    for n, step in enumerate(Q.steps):
        for item_id in step.items:
            for key in Q.item(item_id).answer_keys(Q.segments):
                at.radio(key=widget_key(key)).set_value(Q.choices(key)[1])
        at.button(key="nav.finish" if n == len(Q.steps) - 1 else "nav.next").click().run()
    assert not at.exception
    rows = store.workshop_export_rows(workshop.id)
    assert [(r.nickname, r.share_nickname) for r in rows] == [("Kim", True)]


def finish_all(at: AppTest) -> AppTest:
    """Answer every step of a joined session and press "See my results"."""
    at.switch_page("pages/questionnaire.py")
    for n, step in enumerate(Q.steps):
        for item_id in step.items:
            for key in Q.item(item_id).answer_keys(Q.segments):
                at.radio(key=widget_key(key)).set_value(Q.choices(key)[1])
        if n == len(Q.steps) - 1:
            return at
        at.button(key="nav.next").click().run()
    return at


def test_last_step_in_a_workshop__saving_not_called_optional_and_one_name_only(store):
    new_workshop(store)
    at = finish_all(join("K7RWX3", nickname="Kim"))
    shown = texts(at)
    assert t("workshop.sharing.title") in shown and t("questionnaire.sharing.title") not in shown
    assert not [w for w in at.text_input if w.key == "share.name"]  # the nickname at joining is the one name
    at.button(key="nav.finish").click().run()
    assert session_of(at).sharing.display_name == "Kim"


def test_joined_then_closed_before_finishing__told_on_the_results_page(store):
    workshop, _ = new_workshop(store)
    at = finish_all(join("K7RWX3"))
    store.set_workshop_open(workshop.id, False)
    at.button(key="nav.finish").click().run()  # AppTest follows the switch to the results page
    assert not at.exception
    assert at.title[0].value == t("results.own_title")
    assert t("results.saving.workshop_closed") in [i.value for i in at.info]
    assert store.workshop_response_count(workshop.id) == 0


# -- resuming in a new session (another server, or a restart) --------------------------------


def answer_first_step_and_leave(at: AppTest) -> str:
    """Answer step 1 in a joined session, press Next; the resume token in the address."""
    at.switch_page("pages/questionnaire.py")  # AppTest reruns its own page after an in-script switch
    answer_step(at, 0)
    at.button(key="nav.next").click().run()
    assert not at.exception, at.exception
    return at.query_params["resume"]


def resume_and_finish(token: str) -> AppTest:
    """A fresh session (nothing in its state) opens ?resume=TOKEN and answers the rest."""
    at = page("pages/questionnaire.py", resume=token)
    first_open = next(n for n, step in enumerate(Q.steps) if step.title == at.header[0].value)
    for n in range(first_open, len(Q.steps)):
        answer_step(at, n)
        at.button(key="nav.finish" if n == len(Q.steps) - 1 else "nav.next").click().run()
    assert not at.exception, at.exception
    return at


TAKING_PART = t("workshop.taking_part", title="Team day", code="K7R\u00a0WX3")


@pytest.mark.parametrize("public", [True, False])
def test_resume_token__new_session_after_joining__result_saved_in_the_workshop_with_nickname_choice(store, public):
    workshop, _ = new_workshop(store)
    token = answer_first_step_and_leave(join("K7RWX3", nickname="Kim", public=public))

    at = page("pages/questionnaire.py", resume=token)
    assert TAKING_PART in [c.value for c in at.caption]
    at = resume_and_finish(token)

    assert joined(at) == JoinedWorkshop(workshop.id, "K7RWX3", "Team day", nickname="Kim", nickname_public=public)
    saved = store.find_result(session_of(at).saved.share_token).result
    assert (saved.workshop_id, saved.nickname, saved.nickname_public) == (workshop.id, "Kim", public)
    assert store.workshop_response_count(workshop.id) == 1


def test_resume_token__workshop_deleted_meanwhile__told_so_and_result_saved_for_the_person_only(store):
    workshop, _ = new_workshop(store)
    token = answer_first_step_and_leave(join("K7RWX3", nickname="Kim", public=True))
    store.delete_workshop(workshop.id)

    at = page("pages/questionnaire.py", resume=token)
    assert at.info[0].value == t("questionnaire.draft.workshop_gone")
    assert TAKING_PART not in [c.value for c in at.caption]
    assert at.header[0].value == Q.steps[1].title  # the answers are back all the same
    at = resume_and_finish(token)

    assert joined(at) is None
    saved = store.find_result(session_of(at).saved.share_token).result
    assert (saved.workshop_id, saved.nickname, saved.nickname_public) == (None, None, False)


@pytest.mark.parametrize("context", [
    {"workshop_id": "1", "nickname": "Kim", "nickname_public": True},
    {"workshop_id": True, "nickname": "Kim", "nickname_public": True},
    {"workshop_id": 2**40, "nickname": "Kim", "nickname_public": True},
    {"workshop_id": 1, "nickname": ["Kim"], "nickname_public": True},
    {"workshop_id": 1, "nickname": "Kim", "nickname_public": "yes"},
    {"workshop_id": 1},
    {"something": "else"},
])
def test_resume_token__malformed_workshop_context__ignored_and_answers_back(store, context):
    workshop, _ = new_workshop(store)
    assert workshop.id == 1  # so the ids above would name it, were they taken as ids
    answers, _ = scored_answers(1)
    token = store.save_draft({k: answers[k] for k in Q.answer_keys()[:2]}, step=1, context=context)

    at = page("pages/questionnaire.py", resume=token)

    assert at.header[0].value == Q.steps[1].title
    assert len(session_of(at).answers) == 2
    assert joined(at) is None and not at.info


# -- the projector ---------------------------------------------------------------------------


def test_projector__wrong_key__message_and_nothing_else(store):
    workshop, _ = new_workshop(store)
    at = page("pages/projector.py", w=str(workshop.id), k="A" * 22)
    assert at.error[0].value == t("workshop.projector_link")
    assert not at.get("plotly_chart") and not at.get("image")


def test_projector__no_responses__title_code_and_qr(store):
    workshop, key = new_workshop(store, title="<b>Team</b> $x$")
    at = page("pages/projector.py", w=str(workshop.id), k=key)
    assert at.title[0].value == r"\<b\>Team\<\/b\> \$x\$"  # escaped: shown as typed (people_text)
    assert "K7R WX3" in [m.value for m in at.markdown]
    assert t("projector.answers", n=0) in [m.value for m in at.markdown]
    assert t("projector.screen.answering", n=0) in [m.value for m in at.markdown]  # joined vs finished
    assert len(at.get("image")) == 1 and not at.get("plotly_chart")


def screens(store, workshop_id: int, at: AppTest) -> dict[str, AppTest]:
    """Each projector screen in turn, as the facilitator steps it: the screen's name -> the page showing it."""
    seen = {}
    for n, name in enumerate(SCREENS):
        if n:
            store.step_workshop_screen(workshop_id, 1)
            at.run()
        assert t(f"projector.screen.heading.{name}") in texts(at)
        seen[name] = json.loads(json.dumps([c.proto.spec for c in at.get("plotly_chart")]))
    return seen


def test_projector__revealed_four_responses__no_dots_no_counts_averages_suppressed(store):
    workshop, key = new_workshop(store, revealed=True)
    add_responses(store, workshop.id, 4)
    at = page("pages/projector.py", w=str(workshop.id), k=key)
    assert len(decoded(figure(at, 0)["data"][0]["x"])) == 0
    suppressed = t("projector.suppressed", n=5, count=4)  # the default minimum group size is 5
    assert suppressed in [m.value for m in at.markdown]
    for name in ("dimensions", "segments", "reach"):
        store.step_workshop_screen(workshop.id, 1)
        at.run()
        assert t(f"projector.screen.heading.{name}") in texts(at)
        assert figure(at, 0)["layout"]["annotations"][0]["text"].replace("<br>", " ") == suppressed
    store.step_workshop_screen(workshop.id, 1)
    at.run()
    assert t("projector.prompt_later", n=5) in texts(at) and not any(p.prompt in texts(at) for p in Q.profiles)


def test_projector__revealed_five_responses__five_dots_counts_averages_and_prompt(store):
    workshop, key = new_workshop(store, revealed=True)
    add_responses(store, workshop.id, 5, nickname="Robin", nickname_public=True)
    at = page("pages/projector.py", w=str(workshop.id), k=key)
    dots = figure(at, 0)["data"][0]
    assert len(decoded(dots["x"])) == len(decoded(dots["y"])) == 5
    assert all(v % 10 == 5 for v in decoded(dots["x"]) + decoded(dots["y"]))  # square centres, not scores
    shown = [m.value for m in at.markdown]
    counts = [int(s.split("**")[1]) for s in shown if s.startswith("**") and " · " in s]
    assert sum(counts) == 5 and len(counts) == len(Q.profiles)
    store.step_workshop_screen(workshop.id, 1)
    at.run()
    dims = figure(at, 0)["data"]
    assert sum(len(trace["y"]) for trace in dims) == len(Q.dimensions)  # averages, not the suppressed note
    assert len(at.get("plotly_chart")) == 1  # one idea a screen
    for _ in range(3):
        store.step_workshop_screen(workshop.id, 1)
        at.run()
    assert t("projector.screen.heading.prompt") in texts(at) and not at.get("plotly_chart")
    # PICKS 0-4 give five different answers; whatever their profiles, the sentence and the prompt agree
    assert any(p.prompt in texts(at) for p in Q.profiles) or t("projector.screen.mixed_prompt") in texts(at)
    assert "Robin" not in texts(at)


def test_projector__every_screen_in_turn__one_chart_each_and_names_never_shown(store):
    workshop, key = new_workshop(store, revealed=True)
    add_responses(store, workshop.id, 5, nickname="Robin", nickname_public=True)
    at = page("pages/projector.py", w=str(workshop.id), k=key)
    charts = screens(store, workshop.id, at)
    assert {name: len(specs) for name, specs in charts.items()} == {
        "map": 1, "dimensions": 1, "segments": 1, "reach": 1, "prompt": 0}
    assert all("Robin" not in spec for specs in charts.values() for spec in specs)
    assert t("projector.screen.position", n=5, total=5) in texts(at)
    store.step_workshop_screen(workshop.id, 1)  # past the last screen: it stays there
    at.run()
    assert t("projector.screen.heading.prompt") in texts(at)


def test_projector__one_one_one_split__says_split_evenly_never_the_first_profiles_prompt(store):
    # The room: three people, three profiles. The prompt said "This room is wide and deep".
    workshop, key = new_workshop(store, revealed=True)
    store.set_workshop_min_responses(workshop.id, 3)
    for pick in (0, 2, 4):  # starting, deep but closed, wide and deep
        answers, result = scored_answers(pick)
        store.save_result(NewResult(answers=answers, result=result, workshop_id=workshop.id))
    profiles = [p.profile_id for p in store.workshop_points(workshop.id)]
    assert len(set(profiles)) == 3, profiles
    at = page("pages/projector.py", w=str(workshop.id), k=key)
    for _ in range(4):
        store.step_workshop_screen(workshop.id, 1)
    at.run()
    names = [p.name for p in Q.profiles if p.id in profiles]
    from babel.lists import format_list
    assert t("projector.screen.picture.even", profiles=format_list(names, locale="en"), count=1) in texts(at)
    assert t("projector.screen.mixed_prompt") in texts(at)
    assert not any(p.prompt in texts(at) for p in Q.profiles)


def test_projector__closed_and_hidden__says_closed_without_code(store):
    workshop, key = new_workshop(store, is_open=False)
    at = page("pages/projector.py", w=str(workshop.id), k=key)
    assert t("projector.closed_waiting") in texts(at)
    assert "K7R WX3" not in texts(at) and not at.get("image")


def test_projector__revealed_and_open__join_code_on_every_screen(store):
    workshop, key = new_workshop(store, revealed=True)
    add_responses(store, workshop.id, 5)
    at = page("pages/projector.py", w=str(workshop.id), k=key)
    for n in range(len(SCREENS)):
        if n:
            store.step_workshop_screen(workshop.id, 1)
            at.run()
        assert "K7R WX3" in texts(at) and len(at.get("image")) == 1  # the code and a small QR, in a corner
    store.set_workshop_open(workshop.id, False)
    at.run()
    assert "K7R WX3" not in texts(at) and not at.get("image")  # closed: nothing to join


def test_projector__new_responses_between_refreshes__shown_only_as_a_whole_batch(store):
    workshop, key = new_workshop(store, revealed=True)
    add_responses(store, workshop.id, 5)
    at = page("pages/projector.py", w=str(workshop.id), k=key)
    add_responses(store, workshop.id, 1)
    at.run()  # one newcomer: the room on screen stays as it was, so nobody can be differenced out
    assert t("projector.answers", n=5) in [m.value for m in at.markdown]
    assert len(decoded(figure(at, 0)["data"][0]["x"])) == 5
    add_responses(store, workshop.id, 4)
    at.run()  # five more since: the next batch
    assert t("projector.answers", n=10) in [m.value for m in at.markdown]
    assert len(decoded(figure(at, 0)["data"][0]["x"])) == 10


def test_projector__minimum_raised_to_seven__six_responses_still_suppressed(store):
    workshop, key = new_workshop(store, revealed=True)
    store.set_workshop_min_responses(workshop.id, 7)
    add_responses(store, workshop.id, 6)
    at = page("pages/projector.py", w=str(workshop.id), k=key)
    assert t("projector.suppressed", n=7, count=6) in [m.value for m in at.markdown]


def test_projector__workshop_deleted__says_it_ended(store):
    workshop, key = new_workshop(store)
    at = page("pages/projector.py", w=str(workshop.id), k=key)
    store.delete_workshop(workshop.id)
    at.run()
    assert at.error[0].value == t("workshop.projector_link")


# -- your place in the room, on your own phone (issue 12 §4) ------------------------------------


def participant_with_result(store, workshop) -> AppTest:
    """A participant who joined ``workshop`` and pressed "See my results" (on the results page)."""
    at = finish_all(join(workshop.code))
    at.button(key="nav.finish").click().run()
    assert not at.exception, at.exception
    return at


def test_place__before_reveal__waiting_then_after_reveal__own_place_shown(store):
    workshop, _ = new_workshop(store)
    add_responses(store, workshop.id, 4)  # with the participant: 5, the minimum
    at = participant_with_result(store, workshop)
    assert t("workshop.place.title") in [h.value for h in at.subheader]  # first thing on the results page
    assert t("workshop.place.waiting") in texts(at) and "**Width:**" not in texts(at)
    assert [b for b in at.button if b.key == "room-place.again"]  # "Look again" (pressed in tests/browser)
    store.set_workshop_revealed(workshop.id, True)
    at.switch_page("pages/results.py").run()  # AppTest reruns no fragment alone: the browser presses the button
    assert not at.exception, at.exception
    assert "**Width:**" in texts(at) and t("workshop.place.waiting") not in texts(at)


def test_place__revealed_under_the_minimum__says_so_and_no_map(store):
    workshop, _ = new_workshop(store, revealed=True)
    add_responses(store, workshop.id, 2)  # with the participant: 3 of at least 5
    at = participant_with_result(store, workshop).switch_page("pages/join.py").run()
    assert t("workshop.place.too_few", n=5) in texts(at)
    assert not at.get("plotly_chart")


def test_place__revealed_room__own_star_and_two_sentences_on_join_and_results_pages(store):
    workshop, _ = new_workshop(store, revealed=True)
    add_responses(store, workshop.id, 4)  # with the participant: 5, the minimum
    at = participant_with_result(store, workshop)
    mine = session_of(at).result
    at.switch_page("pages/join.py").run()
    shown = texts(at)
    assert "**Width:**" in shown and "**Depth:**" in shown and t("workshop.place.only_you") in shown
    star = figure(at, 0)["data"][1]
    assert star["marker"]["symbol"] == "star" and star["x"] == [mine.width] and star["y"] == [mine.depth]


# -- several rooms side by side (issue 12 §6) ---------------------------------------------------


def averages_table(at: AppTest):
    """The side-by-side averages (the first table headed "Figure"; the map's own table comes before it)."""
    return next(tb.value for tb in at.table if list(tb.value.columns)[:1] == [t("workshop.rooms.figure")])


def two_rooms(store):
    first_key, second_key, other_key = new_facilitator_key(), new_facilitator_key(), new_facilitator_key()
    first = store.create_workshop("K7RWX3", "Monday group", "", first_key.hash)
    second = store.create_workshop("K7RWX4", "Tuesday group", "", second_key.hash)
    other = store.create_workshop("K7RWX5", "Someone else's room", "", other_key.hash)
    add_responses(store, first.id, 5)
    add_responses(store, second.id, 2)  # under its minimum of 5
    add_responses(store, other.id, 5)
    return (first, first_key.secret), (second, second_key.secret), (other, other_key.secret)


def facilitator_of_both(first, second) -> AppTest:
    """One tab that opened both facilitator links, one after the other."""
    at = page("pages/workshop.py", w=str(first[0].id), k=first[1])
    at.query_params["w"], at.query_params["k"] = str(second[0].id), second[1]
    at.run()
    assert not at.exception, at.exception
    return at


def test_rooms__two_facilitator_links_opened__side_by_side_small_room_says_so_other_rooms_never(store):
    first, second, other = two_rooms(store)
    at = facilitator_of_both(first, second)
    averages = averages_table(at)
    assert list(averages.columns) == [t("workshop.rooms.figure"), "Monday group", "Tuesday group"]
    assert list(averages.iloc[0]) == [t("workshop.rooms.answers"), "5", "2"]
    assert averages.iloc[1, 2] == t("workshop.rooms.no_figure") and averages.iloc[1, 1].isdigit()  # whole numbers
    assert t("workshop.rooms.too_small", room="Tuesday group", n=5) in texts(at)
    points = figure(at, 0)["data"]  # the map: one point, Monday's (Tuesday has no figures)
    assert [p["text"] for p in points] == [["Monday group"]]
    assert "Someone else's room" not in texts(at) + "".join(str(tb.value) for tb in at.table)


def test_rooms__facilitator_link_pasted__added_and_a_wrong_key_refused(store):
    first, second, _ = two_rooms(store)
    at = page("pages/workshop.py", w=str(first[0].id), k=first[1])
    at.text_input(key="workshop.rooms.link").set_value(f"https://example.org/workshop?w={second[0].id}&k=not-the-key")
    at.button(key="workshop.rooms.add").click().run()
    assert at.error[0].value == t("workshop.rooms.not_added")
    at.text_input(key="workshop.rooms.link").set_value(f"https://example.org/workshop?w={second[0].id}&k={second[1]}")
    at.button(key="workshop.rooms.add").click().run()
    assert at.success[0].value == t("workshop.rooms.added")
    assert "Tuesday group" in list(averages_table(at).columns)


def test_dictionary_csv__rooms__the_room_column_first_and_described():
    from ui.facilitator_view import dictionary_csv
    rows = dictionary_csv(Q, rooms=True).splitlines()
    assert rows[1] == f'"room","{t("workshop.rooms.column_room")}"'
    assert rows[2].startswith('"response",')


def test_rooms__one_room_held__no_comparison_only_how_to_add_another(store):
    first, _, _ = two_rooms(store)
    at = page("pages/workshop.py", w=str(first[0].id), k=first[1])
    assert t("workshop.rooms.need_two") in texts(at)
    assert not [tb for tb in at.table if list(tb.value.columns)[:1] == [t("workshop.rooms.figure")]]
