"""Progress survives a reload; finishing saves the result; a database that is down loses nothing;
the owner comes back with the private link; take it again; a resume link is safe to receive."""

import os

import sqlalchemy as sa

from assessment.storage.results import open_store
from ui.session import JoinedWorkshop
from ui.answer_widgets import widget_key

from tests.test_result_migration import create_version_2_database, result_as_version_2_saved_it
from tests.app.link_boxes import shown_links
from tests.app.test_walkthrough import Q, answer_step, fresh_app, session_of, walk_to_results
from ui.links import Param
from ui.text import t


def test_next__after_a_step__answers_are_kept_under_a_resume_token_in_the_address():
    at = fresh_app()
    at.switch_page("pages/questionnaire.py").run()
    answer_step(at, 0)
    at.button(key="nav.next").click().run()
    assert at.query_params[Param.RESUME] == session_of(at).draft_token


def store():
    return open_store(os.environ["DATABASE_URL"])


def test_resume_token__reopened_in_the_browser_that_started_it__restores_answers_and_step(monkeypatch):
    monkeypatch.setattr("ui.drafts.started_here", lambda _token: True)  # its cookie holds the token
    first = fresh_app()
    first.switch_page("pages/questionnaire.py").run()
    answer_step(first, 0)
    first.button(key="nav.next").click().run()
    token, given = session_of(first).draft_token, dict(session_of(first).answers)

    again = fresh_app()
    again.query_params[Param.RESUME] = token
    again.switch_page("pages/questionnaire.py").run()
    assert again.header[0].value == Q.steps[1].title
    assert dict(session_of(again).answers) == given


def test_resume_token__unknown__starts_afresh_with_a_message():
    at = fresh_app()
    at.query_params[Param.RESUME] = "A" * 22
    at.switch_page("pages/questionnaire.py").run()
    assert at.info[0].value == t("questionnaire.draft.not_found")
    assert at.header[0].value == Q.steps[0].title


def test_finish__result_kept__saved_with_a_share_link_and_draft_removed(tmp_path):
    at = walk_to_results(fresh_app())
    saved = session_of(at).saved
    assert len(saved.share_token) >= 22 and at.query_params[Param.RESULT] == saved.share_token
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'app.sqlite'}")
    with engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from results")).scalar() == 1
        assert conn.execute(sa.text("select count(*) from drafts")).scalar() == 0


def test_finish__database_down__clear_message_answers_kept_and_retry_saves(tmp_path, monkeypatch):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the database folder should be")  # the database cannot be opened
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{blocker / 'app.sqlite'}")
    at = walk_to_results(fresh_app())
    assert at.error[0].value == t("results.saving.unavailable")
    assert len(session_of(at).answers) == len(Q.answer_keys())
    assert len(at.get("plotly_chart")) == 3  # the results are still shown

    blocker.unlink()  # the database is back
    at.button(key="results.retry").click().run()
    assert session_of(at).saved.share_token


def test_share_link__opened_elsewhere__shows_the_same_scores_read_only():
    owner = walk_to_results(fresh_app())
    token = session_of(owner).saved.share_token
    viewer = fresh_app()
    viewer.query_params[Param.RESULT] = token
    viewer.switch_page("pages/results.py").run()
    assert viewer.title[0].value == t("results.shared.title")
    assert [m.value for m in viewer.metric] == [m.value for m in owner.metric]


def test_share_link__unknown_or_malformed__friendly_page_with_a_way_in():
    for token in ("A" * 22, "not a token!", ""):
        at = fresh_app()
        at.query_params[Param.RESULT] = token
        at.switch_page("pages/results.py").run()
        assert not at.exception
        assert at.title[0].value == t("results.shared.not_found_title")
        assert at.button(key="results.take")


def test_share_link__result_saved_before_migration_3__still_opens_with_its_words(tmp_path):
    old = result_as_version_2_saved_it()  # has a segment ("alumni") the questionnaire no longer has
    token = create_version_2_database(f"sqlite:///{tmp_path / 'app.sqlite'}", old)
    viewer = fresh_app()  # opens the store: migration 3 runs
    viewer.query_params[Param.RESULT] = token
    viewer.switch_page("pages/results.py").run()
    assert not viewer.exception
    assert viewer.title[0].value == t("results.shared.title_named", name="from version 2")
    assert viewer.header[0].value == old["profile"]["name"]
    assert [m.value for m in viewer.metric] == [t("results.score", score=old["width"]),
                                                t("results.score", score=old["depth"])]
    shown = "\n".join(m.value for m in viewer.markdown)
    assert "Go to one event" in shown  # an advice id gone from the questionnaire: its stored title


# Autosave (issue 11 §5) -------------------------------------------------------------------


def test_answer__given__saved_in_the_draft_at_once_without_pressing_next():
    at = fresh_app()
    at.switch_page("pages/questionnaire.py").run()
    key = Q.steps[0].items[0]
    at.radio(key=widget_key(key)).set_value(Q.choices(key)[0]).run()
    token = at.query_params[Param.RESUME]
    assert store().load_draft(token).answers == {key: Q.choices(key)[0]}
    assert at.header[0].value == Q.steps[0].title  # still on the step


# Resume links opened in another browser (issue 11 §6) -------------------------------------


def draft_from_elsewhere(context=None) -> str:
    """A draft another browser saved: the first two answers of step 1, at step 1."""
    keys = Q.steps[0].items[:2]
    return store().save_draft({k: Q.choices(k)[0] for k in keys}, 0, None, context)


def open_resume_link(token: str):
    at = fresh_app()
    at.query_params[Param.RESUME] = token
    return at.switch_page("pages/questionnaire.py").run()


def test_resume_link__another_browser__asks_first_saying_what_it_carries_and_adopts_nothing():
    at = open_resume_link(draft_from_elsewhere())
    assert at.header[0].value == t("questionnaire.offer.title")
    assert at.markdown[0].value == t("questionnaire.offer.carries", answered=2, total=len(Q.answer_keys()),
                                     step=1, steps=len(Q.steps))
    assert session_of(at).answers == {} and session_of(at).draft_token is None


def test_resume_link__continued__answers_move_to_a_new_token_the_sender_cannot_read():
    token = draft_from_elsewhere()
    at = open_resume_link(token)
    at.button(key="offer.continue").click().run()
    new = session_of(at).draft_token
    assert new and new != token and at.query_params[Param.RESUME] == new
    assert store().load_draft(token) is None  # the sender's link reaches nothing any more
    key = Q.steps[0].items[2]
    at.radio(key=widget_key(key)).set_value(Q.choices(key)[0]).run()
    assert len(store().load_draft(new).answers) == 3 and store().load_draft(token) is None


def test_resume_link__workshop_draft__names_it_and_joins_only_with_consent_given_again():
    workshop = store().create_workshop("K7RWX3", "Team day", "", "f" * 64)
    context = {"workshop_id": workshop.id, "nickname": "Kim", "nickname_public": True}
    at = open_resume_link(draft_from_elsewhere(context))
    shown = "\n".join(m.value for m in at.markdown)
    assert t("questionnaire.offer.workshop", title="Team day") in shown
    assert t("questionnaire.offer.nickname", nickname="Kim") in shown
    at.button(key="offer.continue").click().run()
    assert session_of(at).workshop is None  # the box was not ticked: not enrolled

    at = open_resume_link(draft_from_elsewhere(context))
    at.checkbox(key="w.draft.consent").check()
    at.button(key="offer.continue").click().run()
    assert session_of(at).workshop == JoinedWorkshop(workshop.id, "K7RWX3", "Team day", "Kim", False)


def test_resume_link__start_afresh__nothing_adopted_and_the_link_dropped():
    at = open_resume_link(draft_from_elsewhere())
    at.button(key="offer.fresh").click().run()
    assert Param.RESUME not in at.query_params and session_of(at).answers == {}
    assert at.header[0].value == Q.steps[0].title


# After finishing (issue 11 §2) ------------------------------------------------------------


def test_questionnaire__after_finishing__offers_results_or_take_it_again_not_the_last_step():
    at = walk_to_results(fresh_app())
    at.switch_page("pages/questionnaire.py").run()
    assert at.header[0].value == t("questionnaire.finished.title")
    assert at.button(key="results.again")
    with sa.create_engine(os.environ["DATABASE_URL"]).connect() as conn:
        assert conn.execute(sa.text("select count(*) from results")).scalar() == 1


def test_take_it_again__fresh__first_step_no_answers_and_both_results_under_one_owner():
    at = walk_to_results(fresh_app())
    owner, first = session_of(at).owner_key, session_of(at).saved.share_token
    at.button(key="results.again").click().run()
    again = session_of(at)
    assert (again.answers, again.step, again.result, again.owner_key) == ({}, 0, None, owner)
    at = walk_to_results(at)
    mine = store().results_of_owner(owner)
    assert [r.share_token for r in mine][1:] == [first] and len(mine) == 2
    assert store().find_result(first).status == "found"  # the earlier result stays


def test_take_it_again__from_last_answers__starts_at_step_one_with_them():
    at = walk_to_results(fresh_app())
    given = dict(session_of(at).answers)
    at.button(key="results.again_from_last").click().run()
    assert dict(session_of(at).answers) == given and session_of(at).step == 0


def test_take_it_again__in_a_workshop__counted_once_and_told_so():
    workshop = store().create_workshop("K7RWX3", "Team day", "", "f" * 64)
    at = fresh_app()
    at.session_state["wd.workshop"] = JoinedWorkshop(workshop.id, "K7RWX3", "Team day", "Kim", False)
    at = walk_to_results(at)
    at.button(key="results.again").click().run()
    at.switch_page("pages/questionnaire.py").run()
    for n in range(len(Q.steps)):
        answer_step(at, n)
        at.button(key="nav.finish" if n == len(Q.steps) - 1 else "nav.next").click().run()
    # the finishing run draws the results page (st.switch_page), which tells once
    assert t("results.saving.replaced_in_room") in [i.value for i in at.info]
    assert store().workshop_response_count(workshop.id) == 1


# The private link (issue 11 §1) -----------------------------------------------------------


def test_private_link__fresh_session__owner_view_with_tools_and_the_address_shows_the_share_link():
    first = walk_to_results(fresh_app())
    owner, share = session_of(first).owner_key, session_of(first).saved.share_token
    codes = shown_links(first)
    assert f"results?{Param.OWNER}={owner}" in codes[0] and f"results?{Param.RESULT}={share}" in codes[1]

    back = fresh_app()
    back.query_params[Param.OWNER] = owner
    back.switch_page("pages/results.py").run()
    assert not back.exception
    assert back.title[0].value == t("results.own_title")
    assert Param.OWNER not in back.query_params and back.query_params[Param.RESULT] == share
    assert back.button(key="manage.delete") and back.button(key="results.again")
    assert [m.value for m in back.metric] == [m.value for m in first.metric]


def test_private_link__unknown_key__says_so_and_shows_no_ones_results():
    at = fresh_app()
    at.query_params[Param.OWNER] = "Z" * 22
    at.switch_page("pages/results.py").run()
    assert at.warning[0].value == t("results.owner.unknown_link")
    assert at.title[0].value == t("results.own_title") and not at.metric


def test_forget_me_on_this_device__owner_tools_gone_and_told__results_stay_saved():
    at = walk_to_results(fresh_app())
    owner, share = session_of(at).owner_key, session_of(at).saved.share_token
    at.button(key="owner.forget").click().run()
    assert session_of(at).owner_key is None and session_of(at).result is None
    assert at.success[0].value == t("results.owner.forgotten")
    assert [r.share_token for r in store().results_of_owner(owner)] == [share]
