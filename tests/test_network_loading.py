"""content/network.yaml is checked as a whole; each problem names its line, path, fault and fix."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assessment.errors import ContentError
from assessment.network.content import NetworkContentError
from assessment.network.loading import CONTENT_PATH, load_network_content

REAL = CONTENT_PATH.read_text(encoding="utf-8")
ROOT = Path(__file__).resolve().parent.parent


def load_edited(tmp_path, old: str, new: str, language: str = "en"):
    """Load a copy of the real file with one edit; the copy sits in a 'content' folder."""
    assert old in REAL, old
    path = tmp_path / "content" / "network.yaml"
    path.parent.mkdir()
    path.write_text(REAL.replace(old, new, 1), encoding="utf-8")
    return load_network_content(path, language)


def problems(tmp_path, old: str, new: str) -> list[str]:
    with pytest.raises(NetworkContentError) as caught:
        load_edited(tmp_path, old, new)
    return [str(i) for i in caught.value.issues]


def line_of(text: str, snippet: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1


def test_load_network_content__real_file__loads_every_field_measure_and_plan_text():
    content = load_network_content()
    assert [f.id for f in content.fields] == ["segment", "field", "organisation", "level", "stage", "favour",
                                              "last_contact", "giving"]
    assert content.label("favour", "no") == "No"
    assert content.field("stage").choice("credibility").weight == 0.65
    assert [p.id for p in content.plan] == ["at_risk", "deepen", "bridges"]
    assert (content.max_contacts, content.max_name_length) == (25, 40)


def test_load_network_content__segments__match_the_questionnaire():
    questionnaire = yaml.safe_load((ROOT / "content" / "questionnaire.yaml").read_text(encoding="utf-8"))
    assert load_network_content().field("segment").ids() == tuple(questionnaire["segments"])


def test_load_network_content__error__is_a_content_error():
    assert issubclass(NetworkContentError, ContentError)


def test_load_network_content__unknown_schema_version__is_the_only_problem(tmp_path):
    assert problems(tmp_path, "schema_version: 1", "schema_version: 2") == [
        f"content/network.yaml:{line_of(REAL, 'schema_version: 1')}: schema_version: unsupported schema_version 2. "
        "This app reads schema_version 1."
    ]


def test_load_network_content__weight_out_of_range__asks_for_a_number_from_0_to_1(tmp_path):
    old = "stage: {visibility: 0.3,"
    assert problems(tmp_path, old, "stage: {visibility: 1.5,") == [
        f"content/network.yaml:{line_of(REAL, old)}: fields.stage.visibility: expected a number from 0 to 1, "
        "got 1.5. Fix the value."
    ]


def test_load_network_content__unquoted_no__is_read_as_false_and_reported(tmp_path):
    old = 'favour: {"no": 0,'
    found = problems(tmp_path, old, "favour: {no: 0,")
    assert f"content/network.yaml:{line_of(REAL, old)}: fields.favour.False: option id False is not text. " \
           'Quote it, e.g. "no".' in found


def test_load_network_content__rule_naming_an_unknown_option__lists_the_options(tmp_path):
    old = "last_contact: [year, over_year]"
    assert problems(tmp_path, old, "last_contact: [year, decade]") == [
        f"content/network.yaml:{line_of(REAL, old)}: rules.stale.last_contact[1]: unknown option 'decade'. "
        "Use one of: week, month, quarter, year, over_year."
    ]


def test_load_network_content__unknown_top_level_key__is_rejected(tmp_path):
    found = problems(tmp_path, "limits:\n", "colours: red\nlimits:\n")
    assert found == [
        f"content/network.yaml:{line_of(REAL, 'limits:')}: colours: unknown key 'colours'. Use only: schema_version, "
        "limits, fields, strength, rules, thresholds, axes, references, measures, plan, text."
    ]


def test_load_network_content__duplicate_key__is_reported(tmp_path):
    old = "  max_name_length: 40"
    assert problems(tmp_path, old, old + "\n  max_name_length: 30") == [
        f"content/network.yaml:{line_of(REAL, old) + 1}: limits.max_name_length: duplicate key 'max_name_length'. "
        "Keep only one of them."
    ]


def test_load_network_content__unknown_placeholder__names_it_and_the_known_ones(tmp_path):
    old = 'display: "{value:.2f}"\n        low: >-\n          Your {k} strongest'
    (found,) = problems(tmp_path, old, old.replace("{k}", "{strenght}"))
    assert found.startswith(f"content/network.yaml:{line_of(REAL, old) + 1}: text.en.measures.depth.low: "
                            "unknown placeholder '{strenght}' (known: {value}, {n}, {k},")
    assert found.endswith("). Fix the text.")


def test_load_network_content__missing_option_label__is_reported(tmp_path):
    old = "options: {same: Same as mine, different: Different from mine}"
    assert problems(tmp_path, old, "options: {same: Same as mine}") == [
        f"content/network.yaml:{line_of(REAL, old)}: text.en.fields.field.options: missing 'different'. "
        "Add 'different'."
    ]


def test_load_network_content__every_problem__is_collected(tmp_path):
    path = tmp_path / "content" / "network.yaml"
    path.parent.mkdir()
    path.write_text(REAL.replace("deep_tie: 0.7 ", "deep_tie: high").replace("top_k: 5 ", "top_k: 0 "), "utf-8")
    with pytest.raises(NetworkContentError) as caught:
        load_network_content(path)
    assert [i.path for i in caught.value.issues] == ["thresholds.deep_tie", "thresholds.top_k"]


def test_load_network_content__invalid_yaml__one_problem_with_its_line(tmp_path):
    with pytest.raises(NetworkContentError) as caught:
        load_edited(tmp_path, "limits:\n", "limits: [\n")
    (issue,) = caught.value.issues
    assert (issue.file, issue.path, issue.message.split(":")[0]) == ("content/network.yaml", "", "invalid YAML")
    assert issue.line is not None


def test_load_network_content__translation__falls_back_to_english_key_by_key(tmp_path):
    block = "text:\n  de:\n    fields:\n      favour:\n        options: {\"no\": Nein}\n  en:\n"
    content = load_edited(tmp_path, "text:\n  en:\n", block, language="de")
    assert (content.language, content.label("favour", "no"), content.label("favour", "probably")) == (
        "de", "Nein", "Probably")


def test_load_network_content__unknown_language__uses_english():
    assert load_network_content(CONTENT_PATH, "xx").language == "en"


def test_load_network_content__missing_file__one_problem_naming_the_folder(tmp_path):
    path = tmp_path / "content" / "network.yaml"
    with pytest.raises(NetworkContentError) as caught:
        load_network_content(path)
    assert [str(i) for i in caught.value.issues] == [
        f"content/network.yaml: file not found. Check the content folder: {path.parent}."
    ]
