"""Progress survives a reload; finishing saves the result; a database that is down loses nothing."""

import sqlalchemy as sa

from tests.test_result_migration import create_version_2_database, result_as_version_2_saved_it
from tests.app.test_walkthrough import Q, answer_step, fresh_app, session_of, walk_to_results
from ui.links import Param
from ui.text import t


def test_next__after_a_step__answers_are_kept_under_a_resume_token_in_the_address():
    at = fresh_app()
    at.switch_page("pages/questionnaire.py").run()
    answer_step(at, 0)
    at.button(key="nav.next").click().run()
    assert at.query_params[Param.RESUME] == session_of(at).draft_token


def test_resume_token__opened_in_a_new_session__restores_answers_and_step():
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
