"""Broken content files stop the app with the list of problems on screen, not a traceback."""

import shutil
from pathlib import Path

from assessment.errors import Rule
from tests.app.test_walkthrough import APP, AppTest

CONTENT = Path(APP).parent / "content"


def broken_copy(tmp_path, monkeypatch, file: str, old: str, new: str) -> Path:
    """A copy of the real content with one edit in ``file``, and the app pointed at it."""
    broken = tmp_path / "content"
    shutil.copytree(CONTENT, broken)
    text = (broken / file).read_text()
    assert old in text, old
    (broken / file).write_text(text.replace(old, new, 1))
    monkeypatch.setenv("WIDE_DEEP_CONTENT", str(broken))
    return broken


def test_app__broken_questionnaire__shows_every_problem_and_no_traceback(tmp_path, monkeypatch):
    broken = broken_copy(tmp_path, monkeypatch, "questionnaire.yaml",
                         "dimension: openness, guidance: [G09]}", "dimension: opennes, guidance: [G09]}")
    text = (broken / "questionnaire.yaml").read_text()
    text = text.replace("schema_version: 1", "schema_version: 1\nsurprise: true", 1)
    (broken / "questionnaire.yaml").write_text(text)

    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert at.error[0].value.startswith("The content has problems, so the app cannot start.")
    listed = at.code[0].value
    assert f"{broken}/questionnaire.yaml:4: surprise: unknown key" in listed
    assert "unknown dimension 'opennes'" in listed


def test_app__broken_network_content__shows_its_problems_at_start(tmp_path, monkeypatch):
    # The network map's files are checked with the questionnaire's, before any page is drawn.
    old = "  stage: 0.35\n  favour: 0.30\n  giving: 0.20\n  last_contact: 0.15"
    broken = broken_copy(tmp_path, monkeypatch, "network.yaml", old,
                         "  stage: 0\n  favour: 0\n  giving: 0\n  last_contact: 0")
    words = (broken / "en" / "network.yaml").read_text()
    (broken / "en" / "network.yaml").write_text(words.replace("title: Bridges", "title: !!python/name:os.system", 1))
    strength_line = (broken / "network.yaml").read_text().splitlines().index("strength:") + 1
    tag_line = words.splitlines().index("    title: Bridges") + 1

    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert at.error[0].value.startswith("The content has problems, so the app cannot start.")
    assert at.code[0].value.splitlines() == [
        str(Rule.WEIGHTS_ALL_ZERO.issue(f"{broken}/network.yaml", strength_line, "strength")),
        str(Rule.TAG_NOT_ALLOWED.issue(f"{broken}/en/network.yaml", tag_line, "plan.bridges.title",
                                       tag="!!python/name:os.system")),
    ]
