"""Migration 3: results saved with their words (schema 1-2) become ids and scores, the old words kept
as a fallback, on SQLite and PostgreSQL databases that already hold rows."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import sqlalchemy as sa

from assessment import load_questionnaire, score_answers
from assessment.questionnaire import complete_answers
from assessment.scoring import Result
from assessment.storage.engine import Database, database_url_from
from assessment.storage.results import NewResult, Store, open_store
from assessment.storage.schema import MIGRATIONS, SCHEMA_VERSION, result_ids_only, schema_meta
from assessment.wording import result_words

Q = load_questionnaire("en")


def result_as_version_2_saved_it() -> dict:
    """The middle answers' result in the shape versions 1-2 stored: every word inside, plus a segment
    and an advice entry whose ids the questionnaire has since dropped."""
    result = score_answers(Q, complete_answers(Q))
    profile = Q.profile(result.profile.wide, result.profile.deep)
    segments = [{"id": s.id, "name": Q.segments[n].name, "contacts": s.contacts, "favour": s.favour,
                 "breadth": s.breadth, "depth": s.depth, "wide": s.wide, "deep": s.deep}
                for n, s in enumerate(result.segments)]
    segments.append({"id": "alumni", "name": "Former colleagues", "contacts": 3.0, "favour": 1.0,
                     "breadth": 35.0, "depth": 30.0, "wide": False, "deep": False})
    advice = [{"id": a.id, "dimension": a.dimension, "guidance": list(a.guidance), "title": a.title, "text": a.text}
              for a in Q.advice if a.id in result.advice]
    advice.append({"id": "retired_tip", "dimension": "reach", "guidance": ["G04"], "title": "Go to one event",
                   "text": "Pick one event a month."})
    return {
        "questionnaire": {"id": Q.id, "version": Q.version, "language": Q.language},
        "width": result.width, "depth": result.depth,
        "profile": {"id": profile.id, "name": profile.name, "tagline": profile.tagline, "summary": profile.summary,
                    "wide": profile.wide, "deep": profile.deep},
        "dimensions": [{"id": d.id, "axis": d.axis, "name": Q.dimension(d.id).name,
                        "description": Q.dimension(d.id).description, "score": d.score} for d in result.dimensions],
        "segments": segments,
        "advice": advice,
        "caution": {"title": Q.caution.title, "text": Q.caution.text, "guidance": list(Q.caution.guidance)},
        "thresholds": {"wide": 55, "deep": 55, "segment_wide": 65, "segment_deep": 60},
    }


def create_version_2_database(url: str, old_result: dict) -> str:
    """A database as version 2 of the app left it, holding ``old_result``; returns its share token."""
    database = Database(database_url_from(url))
    with database.writing() as conn:
        for migration in MIGRATIONS[:2]:
            migration.apply(conn)
        schema_meta.create(conn)
        conn.execute(sa.insert(schema_meta).values(id=1, version=2, upgraded_at=datetime.now(UTC)))
    with Store(database) as old:  # not upgraded: saves the dict as it is given
        return old.save_result(NewResult(answers={}, result=old_result, include_answers=False,
                                         display_name="from version 2")).share_token


def stored_json(url: str) -> list[dict]:
    engine = sa.create_engine(database_url_from(url))
    try:
        with engine.connect() as conn:
            return [json.loads(r) for r in conn.scalars(sa.text("SELECT result FROM results ORDER BY id"))]
    finally:
        engine.dispose()


def test_open_store__version_2_database_with_results__rewritten_as_ids_with_the_old_words_kept(database_url):
    old = result_as_version_2_saved_it()
    token = create_version_2_database(database_url, old)

    with open_store(database_url) as store:
        assert store.schema_version() == SCHEMA_VERSION  # 3 rewrote it; later ones keep it
        found = store.find_result(token).result
    (row,) = stored_json(database_url)

    assert row == result_ids_only(old) == found.result
    assert row["profile"] == {"id": old["profile"]["id"], "wide": old["profile"]["wide"], "deep": old["profile"]["deep"]}
    assert row["advice"] == [a["id"] for a in old["advice"]] and row["caution"] is True
    assert row["texts"]["segment.alumni.name"] == "Former colleagues"
    assert row["texts"]["advice.retired_tip.guidance"] == "G04"
    assert "name" not in row["dimensions"][0] and "title" not in json.dumps(row["advice"])


def test_migrated_result__words__today_s_questionnaire_first_then_the_stored_ones(database_url):
    token = create_version_2_database(database_url, result_as_version_2_saved_it())
    with open_store(database_url) as store:
        result = Result.from_dict(store.find_result(token).result.result)
    words = result_words(result, Q)
    assert words.segment(Q.segments[0].id) == Q.segments[0].name
    assert words.segment("alumni") == "Former colleagues"
    assert words.advice("retired_tip").title == "Go to one event"


def test_result_ids_only__already_ids_only__unchanged():
    new = score_answers(Q, complete_answers(Q)).to_dict()
    assert result_ids_only(new) is new
