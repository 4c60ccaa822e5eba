"""Broken content files stop the app with the list of problems on screen, not a traceback."""

import shutil
from pathlib import Path

from tests.app.test_walkthrough import APP, AppTest

CONTENT = Path(APP).parent / "content"


def test_app__broken_content__shows_every_problem_and_no_traceback(tmp_path, monkeypatch):
    broken = tmp_path / "content"
    shutil.copytree(CONTENT, broken)
    text = (broken / "questionnaire.yaml").read_text()
    text = text.replace("dimension: openness, guidance: [G09]}", "dimension: opennes, guidance: [G09]}", 1)
    text = text.replace("schema_version: 1", "schema_version: 1\nsurprise: true", 1)
    (broken / "questionnaire.yaml").write_text(text)
    monkeypatch.setenv("WIDE_DEEP_CONTENT", str(broken))

    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert "questionnaire content has problems" in at.error[0].value
    listed = at.code[0].value
    assert "questionnaire.yaml:4: surprise: unknown key" in listed
    assert "unknown dimension 'opennes'" in listed
