"""Results saved or exported under questionnaire 1.0 (before issue 10 split items and changed bands) still
open, import and compare under today's version. tests/samples/result-questionnaire-1.0.json was written by
the app at commit 4541414 (questionnaire 1.0: favour_call, mutual_knowledge and pass_praise not yet split)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from streamlit.testing.v1 import AppTest

from assessment import load_questionnaire
from assessment.compare import compare_results
from assessment.exchange import import_json
from assessment.content.load import load_network_content
from assessment.scoring import Result
from assessment.storage.results import NewResult, open_store
from ui.links import Param
from ui.text import t

ROOT = Path(__file__).resolve().parents[2]
FILE_1_0 = ROOT / "tests" / "samples" / "result-questionnaire-1.0.json"
Q = load_questionnaire("en")


def document() -> dict:
    return json.loads(FILE_1_0.read_text(encoding="utf-8"))


def save(answers, result) -> str:
    with open_store(os.environ["DATABASE_URL"]) as store:
        return store.save_result(NewResult(answers=answers, result=result)).share_token


def results_page(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page("pages/results.py").run()
    assert not at.exception, at.exception
    return at


def test_questionnaire__items_changed_since_1_0__version_is_2_0_and_the_sample_file_is_1_0():
    assert Q.version == "2.0"
    assert document()["result"]["questionnaire"]["version"] == "1.0"
    assert "favour_same_day" not in document()["answers"]  # asked together with favour_call in 1.0


def test_import_json__file_exported_under_1_0__imports_rescored_under_2_0_with_split_answers_carried_over():
    old = document()
    imported = import_json(FILE_1_0.read_bytes(), Q, load_network_content())
    assert imported.display_name == "Ana"
    assert imported.result.version == "2.0"
    # favour_call "agree" -> favour_same_day; mutual_knowledge "disagree" -> strengths and circumstances;
    # pass_praise "often" -> pass_credit
    assert {k: imported.answers[k] for k in ("favour_same_day", "mutual_strengths", "mutual_circumstances",
                                             "pass_credit")} == {
        "favour_same_day": "agree", "mutual_strengths": "disagree", "mutual_circumstances": "disagree",
        "pass_credit": "often"}
    assert {k: v for k, v in imported.answers.items() if k in old["answers"]} == old["answers"]


def test_compare_results__1_0_result_then_2_0_now__compares_dimension_by_dimension():
    then = Result.from_dict(document()["result"])
    now = import_json(FILE_1_0.read_bytes(), Q, load_network_content()).result
    comparison = compare_results(then, now)
    assert [c.id for c in comparison.dimensions] == [d.id for d in Q.dimensions]
    assert (comparison.width.before, comparison.width.after) == (then.width, now.width) and then.width == 52.6
    assert all(c.change is not None for c in comparison.dimensions)  # every dimension on both sides


def test_share_link__row_saved_under_1_0__opens_with_its_scores_and_steps():
    old = document()
    token = save(old["answers"], old["result"])
    at = results_page(**{Param.RESULT: token})
    assert at.header[0].value == Q.profile(False, True).name  # 1.0 said deep_narrow
    assert [m.value for m in at.metric] == [t("results.score", score=52.6), t("results.score", score=53.8)]
    shown = "\n".join(m.value for m in at.markdown).replace("\u2060", "")  # a range never breaks on a card
    assert "Talk shop with another field" in shown  # 1.0's first step, openness_other_field
    assert "Where: Other fields · people they know there: 6–20 · wide from 21–50" in shown


def test_compare_link__1_0_row_then_2_0_row_now__read_only_comparison():
    old = document()
    then = save(old["answers"], old["result"])
    imported = import_json(FILE_1_0.read_bytes(), Q, load_network_content())
    now = save(imported.answers, imported.result.to_dict())
    at = results_page(**{Param.RESULT: now, Param.THEN: then})
    assert at.title[0].value == t("history.shared.title")
