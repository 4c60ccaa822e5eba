"""Rules of assessment/content/load.py: content files -> Questionnaire, every problem with its line.

Most tests start from a small valid questionnaire (QUESTIONNAIRE and its English texts EN,
below), change one thing, and assert the whole message. Line numbers refer to those texts;
expected messages are built from the templates in assessment/errors.py, so the wording lives
there (a few tests spell a message out in full, to pin the shape itself).
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from assessment import ContentError, Issue, check_content, list_languages, load_questionnaire
from assessment.errors import Rule
from assessment.content.load import CONTENT_DIR

QUESTIONNAIRE = """\
schema_version: 1
id: mini
version: "1"
default_language: en
scales:
  agreement: {disagree: 0, agree: 1}
bands:
  contacts: {few: {value: 0, count: 2}, many: {value: 1, count: 20}}
segments: [peers, outside]
dimensions:
  reach: {axis: width, weight: 1}
  trust: {axis: depth, weight: 2}
items:
  - {id: meet, kind: scale, scale: agreement, dimension: reach, guidance: [G01]}
  - {id: spread, kind: choice, dimension: trust, guidance: [G02], options: {narrow: 0, broad: 1}}
  - id: grid
    kind: segment_grid
    guidance: [G01]
    columns: {known: {dimension: reach, bands: contacts},
              favour: {dimension: trust, bands: contacts}}
steps:
  - {id: first, items: [meet, spread]}
  - {id: second, items: [grid]}
profiles:
  both: {wide: true, deep: true}
  wide: {wide: true, deep: false}
  deep: {wide: false, deep: true}
  neither: {wide: false, deep: false}
thresholds: {wide: 50, deep: 50, segment_wide: 60, segment_deep: 60}
advice_count: 1
advice:
  - {id: reach_more, dimension: reach, guidance: [G01]}
  - {id: trust_more, dimension: trust, guidance: [G02]}
caution: {dimension: reach, min_score: 60, guidance: [G01]}
"""
# 6 scales.agreement   8 bands.contacts   11 dimensions.reach   12 dimensions.trust
# 14 items[0]   15 items[1]   16 items[2] (columns 19-20)   22 steps[0]   23 steps[1]   25-28 profiles
# 32 advice[0]   33 advice[1]

EN = """\
schema_version: 1
language: en
title: Mini
intro: A small questionnaire.
guidance: {G01: Quality counts., G02: Link people.}
scales:
  agreement: {disagree: Disagree, agree: Agree}
bands:
  contacts: {few: A few, many: Many}
segments:
  peers: {name: Peers, description: People at your level.}
  outside: {name: Outside, description: Beyond your organisation.}
dimensions:
  reach: {name: Reach, description: How many people you know.}
  trust: {name: Trust, description: Who would do you a favour.}
steps:
  first: {title: First, intro: Two questions.}
  second: {title: Second, intro: The grid.}
items:
  meet: {text: I meet new people.}
  spread: {text: Where are your deep ties, options: {narrow: In one place, broad: Everywhere}}
  grid:
    text: How wide is each part?
    columns: {known: {label: People you know, help: By name.}, favour: {label: Would help, help: This month.}}
profiles:
  both: {name: Both, tagline: Wide and deep., summary: Keep going., prompt: Who helped?}
  wide: {name: Wide, tagline: Wide only., summary: Go deeper., prompt: Who next?}
  deep: {name: Deep, tagline: Deep only., summary: Go wider., prompt: Who else?}
  neither: {name: Starting, tagline: Just starting., summary: Meet people., prompt: Where to?}
advice:
  reach_more: {title: Meet more, text: One new person a week.}
  trust_more: {title: Deepen, text: Call a contact.}
caution: {title: Shallow, text: Few would do you a favour.}
"""
# 5 guidance   7 scales.agreement   11 segments.peers   14 dimensions.reach   17 steps.first
# 20 items.meet   21 items.spread   22 items.grid   26 profiles.both   31 advice.reach_more


def changed(text: str, *replacements: tuple[str, str]) -> str:
    """``text`` with each ``old`` (which must occur exactly once) replaced by ``new``."""
    for old, new in replacements:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
        text = text.replace(old, new)
    return text


def write(folder: Path, questionnaire: str = QUESTIONNAIRE, en: str = EN) -> Path:
    (folder / "questionnaire.yaml").write_text(questionnaire, encoding="utf-8")
    (folder / "en").mkdir(exist_ok=True)
    (folder / "en" / "questionnaire.yaml").write_text(en, encoding="utf-8")
    return folder


def problems(folder: Path, questionnaire: str = QUESTIONNAIRE, en: str = EN) -> list[str]:
    return [str(issue) for issue in check_content("en", write(folder, questionnaire, en))]


def expect(folder: Path, rule: Rule, line: int | None, path: str, file: str = "questionnaire.yaml", **fields) -> str:
    return str(rule.issue(str(folder / file), line, path, **fields))


# --- the real content ------------------------------------------------------------------


def test_list_languages__real_content__english_and_no_other_yaml():
    # questionnaire.yaml and network.yaml are not named by a language code.
    assert "en" in list_languages()
    assert "questionnaire" not in list_languages() and "network" not in list_languages()


@pytest.mark.parametrize("language", list_languages())
def test_load_questionnaire__real_content__loads_without_problems(language):
    assert [str(issue) for issue in check_content(language)] == []
    questionnaire = load_questionnaire(language)

    assert questionnaire.language == language
    assert questionnaire.id == "wide-and-deep"
    assert [d.id for d in questionnaire.dimensions] == [
        "reach", "openness", "span", "curiosity", "trust", "nurture", "giving", "connecting"
    ]
    # 35 scale and choice items plus one grid of 6 segments x 2 columns: 35 + 12 = 47 answers
    # (31 before issue 10 split favour_call, mutual_knowledge (in three) and pass_praise).
    assert len(questionnaire.answer_keys()) == 47
    assert {p.id for p in questionnaire.profiles} == {"wide_and_deep", "wide_shallow", "deep_narrow", "starting"}


# --- a valid file becomes the frozen models -----------------------------------------------


def test_load_questionnaire__mini__joins_structure_and_text(tmp_path):
    q = load_questionnaire("en", write(tmp_path))

    assert (q.id, q.version, q.language, q.title) == ("mini", "1", "en", "Mini")
    meet, spread, grid = q.items
    assert [(o.id, o.value, o.label) for o in meet.options] == [("disagree", 0.0, "Disagree"), ("agree", 1.0, "Agree")]
    assert [(o.id, o.label) for o in spread.options] == [("narrow", "In one place"), ("broad", "Everywhere")]
    assert grid.dimension is None
    known, favour = grid.columns
    assert (known.id, known.dimension, known.label, known.help) == ("known", "reach", "People you know", "By name.")
    assert (favour.id, favour.dimension, favour.label, favour.help) == ("favour", "trust", "Would help", "This month.")
    assert [(b.id, b.value, b.count, b.label) for b in known.bands] == [
        ("few", 0.0, 2.0, "A few"), ("many", 1.0, 20.0, "Many")
    ]
    assert q.profile(wide=True, deep=False).name == "Wide"
    assert q.guidance == (("G01", "Quality counts."), ("G02", "Link people."))
    assert q.answer_keys() == (
        "meet", "spread", "grid.peers.known", "grid.peers.favour", "grid.outside.known", "grid.outside.favour"
    )


def test_load_questionnaire__content_dir_as_string__same_result(tmp_path):
    assert load_questionnaire("en", str(write(tmp_path))) == load_questionnaire("en", tmp_path)


# --- the error shape -----------------------------------------------------------------------


def test_issue__str__file_line_path_message_hint():
    issue = Issue("content/questionnaire.yaml", 41, "items[7].dimension", "unknown dimension 'recipocity'",
                  "Use one of: reach, openness")

    assert str(issue) == "content/questionnaire.yaml:41: items[7].dimension: unknown dimension 'recipocity'. Use one of: reach, openness."


def test_issue__no_line__line_left_out():
    assert str(Issue("content/fr.yaml", None, "(file)", "no file", "Add it")) == "content/fr.yaml: (file): no file. Add it."


def test_load_questionnaire__errors__raises_content_error_with_every_issue(tmp_path):
    write(tmp_path, changed(QUESTIONNAIRE, ("agreement, dimension: reach", "agreement, dimension: recipocity")))

    with pytest.raises(ContentError) as raised:
        load_questionnaire("en", tmp_path)

    assert [str(i) for i in raised.value.issues] == [
        f"{tmp_path}/questionnaire.yaml:14: items[0].dimension: unknown dimension 'recipocity'. Use one of: reach, trust."
    ]
    assert str(raised.value).endswith("unknown dimension 'recipocity'. Use one of: reach, trust.")


def test_check_content__file_inside_repo__path_relative_to_repo():
    # No xx/questionnaire.yaml exists, so the one problem names the file as the repo knows it.
    assert [str(i) for i in check_content("xx", CONTENT_DIR)] == [
        str(Rule.LANGUAGE_NOT_FOUND.issue("content/xx/questionnaire.yaml", None, "(file)", language="xx",
                                          choices=", ".join(list_languages())))
    ]


# --- reading the files ---------------------------------------------------------------------


def test_check_content__yaml_syntax_error__reports_line(tmp_path):
    broken = changed(QUESTIONNAIRE, ("  trust: {axis: depth, weight: 2}", "  trust: {axis: depth, weight: 2"))

    assert problems(tmp_path, broken) == [
        expect(tmp_path, Rule.YAML_SYNTAX, 13, "(file)", problem="did not find expected ',' or '}'")
    ]


def test_check_content__empty_file__own_message(tmp_path):
    assert problems(tmp_path, "# nothing yet\n") == [expect(tmp_path, Rule.EMPTY_FILE, 1, "(file)")]


def test_check_content__top_level_is_a_list__expected_mapping(tmp_path):
    assert problems(tmp_path, "- schema_version: 1\n") == [
        expect(tmp_path, Rule.NOT_A_MAPPING, 1, "(file)", got="a list")
    ]


def test_check_content__duplicate_mapping_key__reported_at_second(tmp_path):
    # PyYAML would silently keep the second 'reach'; the node tree shows both.
    broken = changed(QUESTIONNAIRE, ("weight: 2}\n", "weight: 2}\n  trust: {axis: depth, weight: 3}\n"))

    assert problems(tmp_path, broken) == [
        f"{tmp_path}/questionnaire.yaml:13: dimensions.trust: duplicate key 'trust' (first at line 12). Remove or rename one of them."
    ]


def test_check_content__language_not_a_code__refused_before_any_file_is_read(tmp_path):
    assert [str(i) for i in check_content("../secrets", write(tmp_path))] == [
        str(Rule.INVALID_LANGUAGE.issue(str(tmp_path), None, "language", language="../secrets"))
    ]


def test_check_content__missing_language_file__lists_the_languages_there(tmp_path):
    assert [str(i) for i in check_content("fr", write(tmp_path))] == [
        expect(tmp_path, Rule.LANGUAGE_NOT_FOUND, None, "(file)", file="fr/questionnaire.yaml", language="fr", choices="en")
    ]


# --- schema_version ------------------------------------------------------------------------


def test_check_content__schema_version_missing__own_message_then_checks_as_version_1(tmp_path):
    broken = changed(QUESTIONNAIRE, ("schema_version: 1\n", ""), ("weight: 2}", "weight: -2}"))

    # Lines move up by one: `id` is now line 1, trust line 11.
    assert problems(tmp_path, broken) == [
        expect(tmp_path, Rule.SCHEMA_VERSION_MISSING, 1, "schema_version"),
        expect(tmp_path, Rule.NOT_ABOVE, 11, "dimensions.trust.weight", value="-2", low="0"),
    ]


def test_check_content__schema_version_unknown__own_message_and_nothing_else(tmp_path):
    broken = changed(EN, ("schema_version: 1", "schema_version: 2"), ("title: Mini", "title: [Mini]"))

    assert problems(tmp_path, en=broken) == [
        expect(tmp_path, Rule.SCHEMA_VERSION_UNKNOWN, 1, "schema_version", file="en/questionnaire.yaml", value="2")
    ]


# --- the schema ------------------------------------------------------------------------------


def test_check_content__unknown_key__lists_the_keys_allowed_there(tmp_path):
    broken = changed(QUESTIONNAIRE, ("weight: 2}", "weight: 2, wieght: 3}"))

    assert problems(tmp_path, broken) == [
        f"{tmp_path}/questionnaire.yaml:12: dimensions.trust.wieght: unknown key 'wieght'. Remove it, or use one of: axis, weight."
    ]


def test_check_content__unknown_key_in_item__keys_of_that_kind(tmp_path):
    broken = changed(QUESTIONNAIRE, ("    kind: segment_grid\n", "    kind: segment_grid\n    reverse: true\n"))

    assert problems(tmp_path, broken) == [
        expect(tmp_path, Rule.UNKNOWN_KEY, 18, "items[2].reverse", key="reverse", choices="id, kind, columns, guidance")
    ]


def test_check_content__missing_required_key__line_of_its_mapping(tmp_path):
    broken = changed(QUESTIONNAIRE, ("{id: meet, kind: scale, scale: agreement, ", "{id: meet, kind: scale, "))

    assert problems(tmp_path, broken) == [expect(tmp_path, Rule.MISSING_KEY, 14, "items[0].scale", key="scale")]


def test_check_content__unquoted_band_id__expected_text(tmp_path):
    # YAML reads an unquoted 1_5 as the integer 15.
    broken = changed(QUESTIONNAIRE, ("many: {value: 1", "1_5: {value: 1"))

    assert problems(tmp_path, broken)[0] == expect(tmp_path, Rule.EXPECTED_TEXT, 8, "bands.contacts.15", got="15")


def test_check_content__text_where_number_expected__expected_number(tmp_path):
    broken = changed(QUESTIONNAIRE, ("{wide: 50,", "{wide: high,"))

    assert problems(tmp_path, broken) == [expect(tmp_path, Rule.EXPECTED_NUMBER, 29, "thresholds.wide", got="'high'")]


def test_check_content__option_value_above_one__outside_range(tmp_path):
    broken = changed(QUESTIONNAIRE, ("broad: 1}", "broad: 1.5}"))

    assert problems(tmp_path, broken) == [
        f"{tmp_path}/questionnaire.yaml:15: items[1].options.broad: 1.5 is outside 0..1. Use a number from 0 to 1."
    ]


def test_check_content__unknown_item_kind__lists_the_kinds(tmp_path):
    broken = changed(QUESTIONNAIRE, ("kind: choice", "kind: choise"))

    assert problems(tmp_path, broken) == [
        expect(tmp_path, Rule.UNKNOWN_VALUE, 15, "items[1].kind", field="kind", value="'choise'",
               choices="scale, choice, segment_grid")
    ]


def test_check_content__unknown_axis__lists_the_axes(tmp_path):
    broken = changed(QUESTIONNAIRE, ("axis: width", "axis: breadth"))

    assert problems(tmp_path, broken) == [
        expect(tmp_path, Rule.UNKNOWN_VALUE, 11, "dimensions.reach.axis", field="axis", value="'breadth'",
               choices="width, depth")
    ]


def test_check_content__empty_guidance_list__reported(tmp_path):
    broken = changed(QUESTIONNAIRE, ("guidance: [G02], options", "guidance: [], options"))

    assert problems(tmp_path, broken) == [expect(tmp_path, Rule.EMPTY_LIST, 15, "items[1].guidance")]


def test_check_content__id_with_capitals__invalid_id(tmp_path):
    broken = changed(QUESTIONNAIRE, ("[peers, outside]", "[peers, Outside]"))
    en = changed(EN, ("  outside: {name", "  Outside: {name"))

    assert problems(tmp_path, broken, en) == [expect(tmp_path, Rule.INVALID_ID, 9, "segments[1]", value="'Outside'")]


# --- rules across the structure --------------------------------------------------------------


def test_check_content__unknown_dimension__lists_the_dimensions(tmp_path):
    broken = changed(QUESTIONNAIRE, ("scale: agreement, dimension: reach", "scale: agreement, dimension: recipocity"))

    assert problems(tmp_path, broken) == [
        f"{tmp_path}/questionnaire.yaml:14: items[0].dimension: unknown dimension 'recipocity'. Use one of: reach, trust."
    ]


def test_check_content__split_from_an_unknown_item__lists_the_items(tmp_path):
    broken = changed(QUESTIONNAIRE, ("agreement, dimension: reach, guidance: [G01]}", "agreement, dimension: reach, guidance: [G01], split_from: meat}"))

    assert problems(tmp_path, broken) == [
        f"{tmp_path}/questionnaire.yaml:14: items[0].split_from: unknown item 'meat'. Use one of: meet, spread, grid."
    ]


def test_check_content__unknown_scale_and_bands__both_reported(tmp_path):
    broken = changed(QUESTIONNAIRE, ("scale: agreement", "scale: agree"), ("reach, bands: contacts", "reach, bands: contact"))

    assert problems(tmp_path, broken) == [
        expect(tmp_path, Rule.UNKNOWN_REFERENCE, 14, "items[0].scale", kind="scale", id="agree", choices="agreement"),
        expect(tmp_path, Rule.UNKNOWN_REFERENCE, 19, "items[2].columns.known.bands", kind="bands", id="contact",
               choices="contacts"),
    ]


def test_check_content__step_names_unknown_item__lists_the_items(tmp_path):
    broken = changed(QUESTIONNAIRE, ("items: [grid]", "items: [grid, gird]"))

    assert problems(tmp_path, broken) == [
        expect(tmp_path, Rule.UNKNOWN_REFERENCE, 23, "steps[1].items[1]", kind="item", id="gird",
               choices="meet, spread, grid")
    ]


def test_check_content__unknown_guidance_id__lists_those_of_the_language_file(tmp_path):
    broken = changed(QUESTIONNAIRE, ("{dimension: reach, min_score: 60, guidance: [G01]}",
                                     "{dimension: reach, min_score: 60, guidance: [G17]}"))

    assert problems(tmp_path, broken) == [
        expect(tmp_path, Rule.UNKNOWN_REFERENCE, 34, "caution.guidance[0]", kind="guidance id", id="G17",
               choices="G01, G02")
    ]


def test_check_content__guidance_measured_by_no_item__reported_in_language_file(tmp_path):
    # G02 stays in advice[1], but advice does not measure anything: only items do.
    broken = changed(QUESTIONNAIRE, ("guidance: [G02], options", "guidance: [G01], options"))

    assert problems(tmp_path, broken) == [
        expect(tmp_path, Rule.GUIDANCE_UNMEASURED, 5, "guidance.G02", file="en/questionnaire.yaml", id="G02")
    ]


def test_check_content__duplicate_step_id__points_at_the_first(tmp_path):
    broken = changed(QUESTIONNAIRE, ("{id: second,", "{id: first,"))

    assert problems(tmp_path, broken) == [
        expect(tmp_path, Rule.DUPLICATE_ID, 23, "steps[1].id", kind="step", id="first", first=22),
        # The language file still has text for the old id.
        expect(tmp_path, Rule.TEXT_FOR_UNKNOWN_ID, 18, "steps.second", file="en/questionnaire.yaml", kind="step", id="second",
               choices="first"),
    ]


def test_check_content__item_in_no_step__reported(tmp_path):
    broken = changed(QUESTIONNAIRE, ("[meet, spread]", "[meet]"))

    assert problems(tmp_path, broken) == [expect(tmp_path, Rule.ITEM_IN_NO_STEP, 15, "items[1].id", id="spread")]


def test_check_content__item_in_two_steps__points_at_the_first(tmp_path):
    broken = changed(QUESTIONNAIRE, ("items: [grid]", "items: [grid, meet]"))

    assert problems(tmp_path, broken) == [
        f"{tmp_path}/questionnaire.yaml:23: steps[1].items[1]: item 'meet' is already in step 'first' (line 22). "
        "List each item in exactly one step."
    ]


def test_check_content__scale_and_choice_with_one_option__too_few(tmp_path):
    broken = changed(QUESTIONNAIRE, ("{disagree: 0, agree: 1}", "{agree: 1}"), ("{narrow: 0, broad: 1}", "{}"))
    en = changed(EN, ("{disagree: Disagree, agree: Agree}", "{agree: Agree}"),
                 (", options: {narrow: In one place, broad: Everywhere}", ""))

    assert problems(tmp_path, broken, en) == [
        expect(tmp_path, Rule.TOO_FEW_OPTIONS, 6, "scales.agreement"),
        expect(tmp_path, Rule.TOO_FEW_OPTIONS, 15, "items[1].options"),
    ]


def test_check_content__grid_with_one_column__needs_two(tmp_path):
    broken = changed(QUESTIONNAIRE, (",\n              favour: {dimension: trust, bands: contacts}}", "}"))

    assert problems(tmp_path, broken) == [
        expect(tmp_path, Rule.GRID_COLUMNS, 19, "items[2].columns", count=1),
        # The favour text is now for a column the grid does not have.
        expect(tmp_path, Rule.TEXT_FOR_UNKNOWN_ID, 24, "items.grid.columns.favour", file="en/questionnaire.yaml", kind="column",
               id="favour", choices="known"),
    ]


def test_check_content__grid_columns_swapped__depth_column_first_reported(tmp_path):
    broken = changed(QUESTIONNAIRE, ("known: {dimension: reach,", "known: {dimension: trust,"),
                     ("favour: {dimension: trust,", "favour: {dimension: reach,"))

    assert problems(tmp_path, broken) == [
        expect(tmp_path, Rule.GRID_COLUMN_AXIS, 19, "items[2].columns.known.dimension", column="known",
               dimension="trust", axis="depth"),
        expect(tmp_path, Rule.GRID_COLUMN_AXIS, 20, "items[2].columns.favour.dimension", column="favour",
               dimension="reach", axis="width"),
    ]


def test_check_content__dimension_without_item_or_advice__both_reported(tmp_path):
    broken = changed(QUESTIONNAIRE, ("weight: 2}\n", "weight: 2}\n  span: {axis: width, weight: 1}\n"))
    en = changed(EN, ("  trust: {name", "  span: {name: Span, description: Across levels.}\n  trust: {name"))

    assert problems(tmp_path, broken, en) == [
        expect(tmp_path, Rule.DIMENSION_WITHOUT_ITEM, 13, "dimensions.span", id="span"),
        expect(tmp_path, Rule.DIMENSION_WITHOUT_ADVICE, 13, "dimensions.span", id="span"),
    ]


def test_check_content__no_depth_dimension__axis_reported(tmp_path):
    broken = changed(QUESTIONNAIRE, ("axis: depth", "axis: width"))

    assert problems(tmp_path, broken) == [
        expect(tmp_path, Rule.AXIS_WITHOUT_DIMENSION, 10, "dimensions", axis="depth"),
        expect(tmp_path, Rule.GRID_COLUMN_AXIS, 20, "items[2].columns.favour.dimension", column="favour",
               dimension="trust", axis="width"),
    ]


def test_check_content__two_profiles_share_a_quadrant__taken_and_missing(tmp_path):
    broken = changed(QUESTIONNAIRE, ("wide: {wide: true, deep: false}", "wide: {wide: true, deep: true}"))

    assert problems(tmp_path, broken) == [
        expect(tmp_path, Rule.PROFILE_QUADRANT_MISSING, 24, "profiles", wide="true", deep="false"),
        f"{tmp_path}/questionnaire.yaml:26: profiles.wide: profile 'wide' has the same wide: true, deep: true as "
        "profile 'both'. Give each of the four profiles a different combination.",
    ]


def test_check_content__advice_count_above_advice__outside_range(tmp_path):
    broken = changed(QUESTIONNAIRE, ("advice_count: 1", "advice_count: 3"))

    assert problems(tmp_path, broken) == [
        expect(tmp_path, Rule.OUT_OF_RANGE, 30, "advice_count", value=3, low=1, high=2)
    ]


# --- rules between structure and language -------------------------------------------------


def test_check_content__missing_item_text__error_at_its_entry(tmp_path):
    en = changed(EN, ("  meet: {text: I meet new people.}", "  meet: {help: Think of last month.}"))

    assert problems(tmp_path, en=en) == [
        f"{tmp_path}/en/questionnaire.yaml:20: items.meet.text: missing text for item 'meet'. Add it to this file."
    ]


def test_check_content__missing_option_label__error(tmp_path):
    en = changed(EN, ("{narrow: In one place, broad: Everywhere}", "{narrow: In one place}"))

    assert problems(tmp_path, en=en) == [
        expect(tmp_path, Rule.MISSING_TEXT, 21, "items.spread.options.broad", file="en/questionnaire.yaml", field="label",
               what="option 'broad' of item 'spread'")
    ]


def test_load_questionnaire__missing_optional_text__warning_and_blank(tmp_path, caplog):
    en = changed(EN, ("{title: Second, intro: The grid.}", "{title: Second}"))
    write(tmp_path, en=en)
    warning = expect(tmp_path, Rule.MISSING_OPTIONAL_TEXT, 18, "steps.second.intro", file="en/questionnaire.yaml", field="intro",
                     what="step 'second'")

    with caplog.at_level(logging.WARNING, logger="assessment.content.load"):
        q = load_questionnaire("en", tmp_path)

    assert q.steps[1].intro == ""
    assert [i.severity for i in check_content("en", tmp_path)] == ["warning"]
    assert caplog.messages == [warning]


def test_check_content__missing_text_section__one_problem(tmp_path):
    en = EN.split("advice:\n")[0] + "caution: {title: Shallow, text: Few would do you a favour.}\n"

    assert problems(tmp_path, en=en) == [
        expect(tmp_path, Rule.MISSING_SECTION, 1, "advice", file="en/questionnaire.yaml", section="advice", kind="advice entry",
               structure=f"{tmp_path}/questionnaire.yaml")
    ]


def test_check_content__text_for_unknown_id__lists_the_ids(tmp_path):
    en = changed(EN, ("  trust_more: {title", "  trust_mroe: {title"))

    assert problems(tmp_path, en=en) == [
        expect(tmp_path, Rule.MISSING_TEXT, 30, "advice.trust_more.title", file="en/questionnaire.yaml", field="title",
               what="advice 'trust_more'"),
        expect(tmp_path, Rule.MISSING_TEXT, 30, "advice.trust_more.text", file="en/questionnaire.yaml", field="text",
               what="advice 'trust_more'"),
        expect(tmp_path, Rule.TEXT_FOR_UNKNOWN_ID, 32, "advice.trust_mroe", file="en/questionnaire.yaml", kind="advice",
               id="trust_mroe",
               choices="reach_more, trust_more"),
    ]


def test_check_content__options_text_on_scale_item__not_used(tmp_path):
    en = changed(EN, ("{text: I meet new people.}", "{text: I meet new people., options: {agree: Sure}}"))

    assert problems(tmp_path, en=en) == [
        expect(tmp_path, Rule.TEXT_NOT_USED, 20, "items.meet.options", file="en/questionnaire.yaml", kind="scale", key="options")
    ]


def test_check_content__language_key_disagrees_with_file_name__reported(tmp_path):
    en = changed(EN, ("language: en", "language: de"))

    assert problems(tmp_path, en=en) == [
        expect(tmp_path, Rule.LANGUAGE_MISMATCH, 2, "language", file="en/questionnaire.yaml", value="de", name="en",
               expected="en")
    ]


# --- every problem at once ------------------------------------------------------------------


def test_check_content__several_problems__all_reported_in_file_order(tmp_path):
    broken = changed(
        QUESTIONNAIRE,
        ("scale: agreement, dimension: reach", "scale: agreement, dimension: raech"),  # line 14: reference
        ("- {id: spread,", "- {id: spread, colour: red,"),  # line 15: schema; items[1] is left out
        ("{wide: 50,", "{wide: 150,"),  # line 29: range
        ("  - {id: trust_more,", "  - {id: reach_more,"),  # line 33: duplicate id...
    )
    en = changed(EN, ("  grid:\n    text: How wide is each part?", "  grid:\n    text:"))  # line 23: missing text

    assert problems(tmp_path, broken, en) == [
        expect(tmp_path, Rule.UNKNOWN_REFERENCE, 14, "items[0].dimension", kind="dimension", id="raech",
               choices="reach, trust"),
        expect(tmp_path, Rule.UNKNOWN_KEY, 15, "items[1].colour", key="colour",
               choices="id, kind, options, dimension, guidance, reverse"),
        expect(tmp_path, Rule.OUT_OF_RANGE, 29, "thresholds.wide", value=150, low=0, high=100),
        expect(tmp_path, Rule.DUPLICATE_ID, 33, "advice[1].id", kind="advice", id="reach_more", first=32),
        expect(tmp_path, Rule.MISSING_TEXT, 23, "items.grid.text", file="en/questionnaire.yaml", field="text", what="item 'grid'"),
        # ...and the text of trust_more no longer has an advice entry.
        expect(tmp_path, Rule.TEXT_FOR_UNKNOWN_ID, 32, "advice.trust_more", file="en/questionnaire.yaml", kind="advice",
               id="trust_more", choices="reach_more"),
    ]


@pytest.mark.parametrize("file", ["questionnaire.yaml", "en/questionnaire.yaml"])
def test_check_content__any_one_line_removed__problems_listed_not_raised(tmp_path, file):
    # Every line of the small questionnaire carries something required: each removal is a problem.
    lines = (QUESTIONNAIRE if file == "questionnaire.yaml" else EN).splitlines(keepends=True)
    for number in range(1, len(lines) + 1):
        text = "".join(lines[: number - 1] + lines[number:])
        folder = tmp_path / str(number)
        folder.mkdir()
        write(folder, **{"questionnaire": text} if file == "questionnaire.yaml" else {"en": text})

        issues = check_content("en", folder)

        assert any(i.severity == "error" for i in issues), f"line {number} removed, nothing reported"
        assert all(i.line is None or 1 <= i.line <= len(lines) for i in issues)


def test_check_content__caution_on_unknown_dimension__reported_with_the_choices(tmp_path):
    broken = changed(QUESTIONNAIRE, ("{dimension: reach, min_score: 60", "{dimension: size, min_score: 60"))

    assert problems(tmp_path, broken) == [
        expect(tmp_path, Rule.UNKNOWN_REFERENCE, 34, "caution.dimension", kind="dimension", id="size",
               choices="reach, trust")
    ]


def test_answers_as_read__real_content__question_and_answer_words_never_ids():
    q = load_questionnaire("en")
    given = {"reach_size": "over_1000", "grid.own_field.known": "over_50", "missed_match": "not_happened",
             "gone_question": "agree", "favour_call": "no_such_option"}
    # in questionnaire order; the unknown question and the unknown option are left out
    assert q.answers_as_read(given) == (
        ("Roughly how many people in your professional life could you contact this month and expect a reply?",
         "1,000 or more"),
        ("Own field: People you know", "51+"),
        ("The last time two of your contacts could clearly have helped each other, what did you do?",
         "This hasn't happened, or I can't recall"),
    )


def test_check_content__advice_part_not_a_segment__unknown_reference_on_its_line(tmp_path):
    # advice[].parts lists the segments a step can be about (its card names one); a typo is caught
    structure = changed(QUESTIONNAIRE, ("{id: reach_more, dimension: reach, guidance: [G01]}",
                                        "{id: reach_more, dimension: reach, guidance: [G01], parts: [peers, outsde]}"))
    assert problems(tmp_path, structure) == [
        expect(tmp_path, Rule.UNKNOWN_REFERENCE, 32, "advice[0].parts[1]", kind="segment", id="outsde",
               choices="peers, outside"),
    ]
