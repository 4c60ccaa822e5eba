"""Rules of load_network_content: network.yaml (structure) + <language>/network.yaml (words) +
the questionnaire's segments -> NetworkContent, every problem with its line.

Each test copies the real content folder, changes one thing, and asserts the whole message,
built from the templates in assessment/errors.py. Lines are found in the real files by their
text, so the tests follow the files when comments move.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assessment import load_questionnaire
from assessment.content.load import CONTENT_DIR, load_network_content
from assessment.errors import ContentError, Rule

STRUCTURE = (CONTENT_DIR / "network.yaml").read_text(encoding="utf-8")
TEXTS = (CONTENT_DIR / "en" / "network.yaml").read_text(encoding="utf-8")


def line_of(text: str, snippet: str) -> int:
    assert text.count(snippet) == 1, snippet
    return text[: text.index(snippet)].count("\n") + 1


def folder_with(tmp_path: Path, structure: str = STRUCTURE, texts: str = TEXTS) -> Path:
    """A copy of the real content folder with these two network files."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    (folder / "network.yaml").write_text(structure, encoding="utf-8")
    (folder / "en" / "network.yaml").write_text(texts, encoding="utf-8")
    return folder


def edited(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def problems(folder: Path, language: str = "en") -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_network_content(language, folder)
    return [str(i) for i in caught.value.issues]


def expect(content: Path, rule: Rule, line: int | None, path: str, file: str = "network.yaml", **fields) -> str:
    return str(rule.issue(str(content / file), line, path, **fields))


# --- the real files --------------------------------------------------------------------------


def test_load_network_content__real_files__every_field_measure_and_plan_text():
    content = load_network_content("en")
    assert [f.id for f in content.fields] == ["segment", "field", "organisation", "level", "stage", "favour",
                                              "last_contact", "giving"]
    assert content.label("favour", "no") == "No"
    assert content.field("stage").choice("credibility").weight == 0.65
    assert content.field("field").choice("same").weight is None
    assert [p.id for p in content.plan] == ["at_risk", "deepen", "bridges"]
    assert (content.max_contacts, content.max_name_length) == (25, 40)
    assert content.chart_text("ring_inner") == "Deep ties" and content.chart_text("group_level") == "Level"


def test_load_network_content__segments__are_the_questionnaires_ids_and_names():
    questionnaire, content = load_questionnaire("en"), load_network_content("en")
    segment = content.field("segment")
    expected = [(s.id, s.name, None) for s in questionnaire.segments]
    assert [(c.id, c.label, c.weight) for c in segment.choices] == expected
    assert segment.label == "Where they sit"


def test_load_network_content__content_dir_as_string__same_result(tmp_path):
    folder = folder_with(tmp_path)
    assert load_network_content("en", str(folder)) == load_network_content("en", folder) == load_network_content()


# --- the structure: network.yaml -------------------------------------------------------------


def test_load_network_content__segments_listed_again__refused_naming_the_questionnaire(tmp_path):
    folder = folder_with(tmp_path, edited(STRUCTURE, "fields:\n", "fields:\n  segment: [peers, outside]\n"))
    assert problems(folder) == [
        expect(folder, Rule.SEGMENTS_DEFINED_ONCE, line_of(STRUCTURE, "fields:\n") + 1, "fields.segment",
               structure=str(folder / "questionnaire.yaml"), key="segment")
    ]


def test_load_network_content__unknown_schema_version__the_only_problem(tmp_path):
    folder = folder_with(tmp_path, edited(STRUCTURE, "schema_version: 1", "schema_version: 2\ncolours: []"))
    assert problems(folder) == [
        expect(folder, Rule.SCHEMA_VERSION_UNKNOWN, line_of(STRUCTURE, "schema_version: 1"), "schema_version",
               value="2")
    ]


def test_load_network_content__schema_version_true__refused(tmp_path):
    # `true == 1` in Python: the old loader accepted it.
    folder = folder_with(tmp_path, edited(STRUCTURE, "schema_version: 1", "schema_version: true"))
    assert problems(folder) == [
        expect(folder, Rule.SCHEMA_VERSION_UNKNOWN, line_of(STRUCTURE, "schema_version: 1"), "schema_version",
               value="true")
    ]


def test_load_network_content__weight_out_of_range__asks_for_0_to_1(tmp_path):
    old = "stage: {visibility: 0.3,"
    folder = folder_with(tmp_path, edited(STRUCTURE, old, "stage: {visibility: 1.5,"))
    assert problems(folder) == [
        expect(folder, Rule.OUT_OF_RANGE, line_of(STRUCTURE, old), "fields.stage.visibility", value="1.5",
               low="0", high="1")
    ]


def test_load_network_content__unquoted_no__read_as_false_and_reported(tmp_path):
    old = 'favour: {"no": 0,'
    folder = folder_with(tmp_path, edited(STRUCTURE, old, "favour: {no: 0,"))
    assert problems(folder) == [
        expect(folder, Rule.EXPECTED_TEXT, line_of(STRUCTURE, old), "fields.favour.false", got="false")
    ]


def test_load_network_content__rule_naming_unknown_option_and_field__lists_the_choices(tmp_path):
    old = "last_contact: [year, over_year]"
    folder = folder_with(tmp_path, edited(STRUCTURE, old, "last_contact: [year, decade]\n    colour: [red]"))
    line = line_of(STRUCTURE, old)
    assert problems(folder) == [
        expect(folder, Rule.UNKNOWN_REFERENCE, line, "rules.stale.last_contact[1]", kind="option", id="decade",
               choices="week, month, quarter, year, over_year"),
        expect(folder, Rule.UNKNOWN_REFERENCE, line + 1, "rules.stale.colour", kind="field", id="colour",
               choices="segment, field, organisation, level, stage, favour, last_contact, giving"),
    ]


def test_load_network_content__unknown_top_level_key__lists_the_keys(tmp_path):
    folder = folder_with(tmp_path, edited(STRUCTURE, "limits:\n", "colours: red\nlimits:\n"))
    assert problems(folder) == [
        expect(folder, Rule.UNKNOWN_KEY, line_of(STRUCTURE, "limits:\n"), "colours", key="colours",
               choices="schema_version, limits, fields, strength, rules, thresholds, axes, references, measures, plan")
    ]


def test_load_network_content__duplicate_key__reported_at_the_second_the_first_kept(tmp_path):
    old = "  max_name_length: 40"
    folder = folder_with(tmp_path, edited(STRUCTURE, old, old + "\n  max_name_length: 30"))
    line = line_of(STRUCTURE, old)
    assert problems(folder) == [
        expect(folder, Rule.DUPLICATE_KEY, line + 1, "limits.max_name_length", key="max_name_length", first=line)
    ]


def test_load_network_content__every_problem__is_collected(tmp_path):
    text = edited(edited(STRUCTURE, "deep_tie: 0.7 ", "deep_tie: high"), "top_k: 5 ", "top_k: 0 ")
    folder = folder_with(tmp_path, text)
    assert problems(folder) == [
        expect(folder, Rule.EXPECTED_NUMBER, line_of(STRUCTURE, "deep_tie: 0.7 "), "thresholds.deep_tie", got="'high'"),
        expect(folder, Rule.BELOW_MINIMUM, line_of(STRUCTURE, "top_k: 5 "), "thresholds.top_k", value="0", low="1"),
    ]


def test_load_network_content__strength_weights_all_zero__refused(tmp_path):
    # Tie strength divides by the sum of the weights; the old loader let 0 + 0 + 0 + 0 through.
    old = "  stage: 0.35\n  favour: 0.30\n  giving: 0.20\n  last_contact: 0.15"
    folder = folder_with(tmp_path, edited(STRUCTURE, old, "  stage: 0\n  favour: 0\n  giving: 0\n  last_contact: 0"))
    assert problems(folder) == [
        expect(folder, Rule.WEIGHTS_ALL_ZERO, line_of(STRUCTURE, "strength:"), "strength")
    ]


def test_load_network_content__axis_weights_all_zero__refused(tmp_path):
    old = "depth: {depth: 0.6, deep_ties: 0.4}"
    folder = folder_with(tmp_path, edited(STRUCTURE, old, "depth: {depth: 0, deep_ties: 0}"))
    assert problems(folder) == [expect(folder, Rule.WEIGHTS_ALL_ZERO, line_of(STRUCTURE, old), "axes.depth")]


def test_load_network_content__strength_of_an_unweighted_field__refused(tmp_path):
    old = "  last_contact: 0.15"
    folder = folder_with(tmp_path, edited(STRUCTURE, old, old + "\n  field: 1"))
    assert problems(folder) == [
        expect(folder, Rule.UNKNOWN_REFERENCE, line_of(STRUCTURE, old) + 1, "strength.field", kind="weighted field",
               id="field", choices="stage, favour, last_contact, giving")
    ]


def test_load_network_content__unknown_guidance__lists_the_questionnaires(tmp_path):
    old = "at_risk: {guidance: [G08, G15]}"
    folder = folder_with(tmp_path, edited(STRUCTURE, old, "at_risk: {guidance: [G08, G99]}"))
    choices = ", ".join(f"G{n:02}" for n in range(1, 17))
    assert problems(folder) == [
        expect(folder, Rule.UNKNOWN_REFERENCE, line_of(STRUCTURE, old), "plan.at_risk.guidance[1]",
               kind="guidance id", id="G99", choices=choices)
    ]


def test_load_network_content__missing_file__one_problem_naming_the_folder(tmp_path):
    folder = folder_with(tmp_path)
    (folder / "network.yaml").unlink()
    assert problems(folder) == [expect(folder, Rule.FILE_NOT_FOUND, None, "(file)", folder=folder)]


def test_load_network_content__questionnaire_with_errors__its_problems_are_listed(tmp_path):
    folder = folder_with(tmp_path)
    text = (folder / "questionnaire.yaml").read_text(encoding="utf-8")
    (folder / "questionnaire.yaml").write_text(edited(text, "schema_version: 1", "schema_version: 1\nsurprise: 1"))
    (found,) = problems(folder)
    assert found.startswith(f"{folder}/questionnaire.yaml:{line_of(text, 'schema_version: 1') + 1}: surprise: "
                            "unknown key 'surprise'.")


# --- the words: <language>/network.yaml ---------------------------------------------------------


def test_load_network_content__missing_option_label__reported(tmp_path):
    old = "options: {same: Same as mine, different: Different from mine}"
    folder = folder_with(tmp_path, texts=edited(TEXTS, old, "options: {same: Same as mine}"))
    assert problems(folder) == [
        expect(folder, Rule.MISSING_TEXT, line_of(TEXTS, old), "fields.field.options", file="en/network.yaml",
               field="label", what="option 'different' of field 'field'")
    ]


def test_load_network_content__label_for_unknown_option__lists_the_options(tmp_path):
    old = "credibility: Trusts my work"
    folder = folder_with(tmp_path, texts=edited(TEXTS, old, old + "\n      fame: Famous"))
    assert problems(folder) == [
        expect(folder, Rule.TEXT_FOR_UNKNOWN_ID, line_of(TEXTS, old) + 1, "fields.stage.options.fame",
               file="en/network.yaml", kind="option", id="fame", choices="visibility, credibility, profitability")
    ]


def test_load_network_content__unknown_placeholder__names_it_and_the_known_ones(tmp_path):
    old = "Some of your people know each other, so your {n} people count as {value:.1f} independent"
    folder = folder_with(tmp_path, texts=edited(TEXTS, old, old.replace("{n}", "{strenght}")))
    known = ("{value}, {n}, {k}, {top_k}, {deep}, {pct}, {ties}, {pairs}, {used}, {categories}, {inside}, {outside}, "
             "{top}, {top_share}")
    assert problems(folder) == [
        expect(folder, Rule.UNKNOWN_PLACEHOLDER, line_of(TEXTS, old) - 1, "measures.effective_size.says.some_overlap",
               file="en/network.yaml", name="strenght", choices=known)
    ]


def test_load_network_content__measure_without_one_of_its_cases__names_the_case(tmp_path):
    old = "      no_pairs: With one person on your map there are no pairs yet. Add people to see who knows whom.\n"
    folder = folder_with(tmp_path, texts=edited(TEXTS, old, ""))
    assert problems(folder) == [
        expect(folder, Rule.MISSING_KEY, line_of(TEXTS, old) - 1, "measures.density.says.no_pairs", file="en/network.yaml",
               key="no_pairs")
    ]


def test_load_network_content__cut_on_a_measure_whose_cases_need_none__refused(tmp_path):
    old = "  depth: {guidance: [G03, G13]}"
    folder = folder_with(tmp_path, edited(STRUCTURE, old, "  depth: {guidance: [G03, G13], cut: 0.7}"))
    assert problems(folder) == [
        expect(folder, Rule.UNKNOWN_KEY, line_of(STRUCTURE, old), "measures.depth.cut", key="cut", choices="guidance")
    ]


@pytest.mark.parametrize("display, problem", [
    ("{value:>99999999}", "the format '>99999999' is too wide"),  # would build a 100 MB text
    ("{value", "expected '}' before end of string"),
])
def test_load_network_content__text_that_cannot_be_filled_in__refused(tmp_path, display, problem):
    old = 'term: Burt\'s constraint (lower leaves more room)\n    display: "{value:.2f}"'
    folder = folder_with(tmp_path, texts=edited(TEXTS, old, old.replace('"{value:.2f}"', f'"{display}"')))
    assert problems(folder) == [
        expect(folder, Rule.BAD_TEMPLATE, line_of(TEXTS, old) + 1, "measures.constraint.display",
               file="en/network.yaml", problem=problem)
    ]


def test_load_network_content__plan_actions__need_a_default_and_known_keys(tmp_path):
    old = "      default: Get back in touch"
    folder = folder_with(tmp_path, texts=edited(TEXTS, old, "      defualt: Get back in touch"))
    line = line_of(TEXTS, old)
    assert problems(folder) == [
        expect(folder, Rule.MISSING_TEXT, line - 1, "plan.at_risk.actions", file="en/network.yaml",
               field="default action", what="plan list 'at_risk'"),
        expect(folder, Rule.TEXT_FOR_UNKNOWN_ID, line, "plan.at_risk.actions.defualt", file="en/network.yaml",
               kind="option", id="defualt", choices="default, both, i_helped, they_helped, neither"),
    ]


def test_load_network_content__language_not_the_folder__reported(tmp_path):
    folder = folder_with(tmp_path, texts=edited(TEXTS, "language: en", "language: de"))
    assert problems(folder) == [
        expect(folder, Rule.LANGUAGE_MISMATCH, line_of(TEXTS, "language: en"), "language", file="en/network.yaml",
               value="de", name="en", expected="en")
    ]


def test_load_network_content__missing_words_file__file_not_found(tmp_path):
    folder = folder_with(tmp_path)
    (folder / "en" / "network.yaml").unlink()
    assert problems(folder) == [
        expect(folder, Rule.FILE_NOT_FOUND, None, "(file)", file="en/network.yaml", folder=folder / "en")
    ]


def test_load_network_content__language_without_a_folder__the_questionnaire_says_so(tmp_path):
    folder = folder_with(tmp_path)
    assert problems(folder, "fr") == [
        expect(folder, Rule.LANGUAGE_NOT_FOUND, None, "(file)", file="fr/questionnaire.yaml", language="fr",
               choices="en, pt-BR")  # every language folder in content/
    ]


def test_load_network_content__label_left_empty__the_text_is_empty(tmp_path):
    old = "credibility: Trusts my work"
    folder = folder_with(tmp_path, texts=edited(TEXTS, old, "credibility:"))
    assert problems(folder) == [
        expect(folder, Rule.EMPTY_TEXT, line_of(TEXTS, old), "fields.stage.options.credibility", file="en/network.yaml")
    ]
