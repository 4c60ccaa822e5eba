"""The portable results file: what it holds, and every way an import is refused."""

import json

import pytest

from assessment import load_questionnaire, score_answers
from assessment.exchange import MAX_IMPORT_BYTES, UNREADABLE, ImportRefused, export_json, import_json, nesting_depth
from tests.network_samples import row

Q = load_questionnaire("en")


def complete_answers() -> dict[str, str]:
    answers = {}
    for key in Q.answer_keys():
        item_id, _, rest = key.partition(".")
        item = Q.item(item_id)
        if rest:
            column = next(c for c in item.columns if c.id == rest.split(".")[1])
            answers[key] = column.bands[2].id
        else:
            answers[key] = item.options[1].id
    return answers


def exported(**changes) -> dict:
    answers = complete_answers()
    document = json.loads(export_json(answers, score_answers(Q, answers).to_dict(), display_name="Sam"))
    document.update(changes)
    return document


def refused(document_or_text) -> str:
    data = document_or_text if isinstance(document_or_text, (str, bytes)) else json.dumps(document_or_text)
    with pytest.raises(ImportRefused) as error:
        import_json(data, Q)
    return str(error.value)


def test_import_json__own_export__gives_back_answers_scores_and_name():
    answers = complete_answers()
    original = score_answers(Q, answers)
    imported = import_json(export_json(answers, original.to_dict(), display_name="Sam"), Q)
    assert imported.answers == answers and imported.display_name == "Sam"
    assert imported.result.to_dict() == original.to_dict()


def test_import_json__edited_scores__are_ignored_and_recomputed_from_answers():
    document = exported()
    document["result"]["width"] = 100.0
    assert import_json(json.dumps(document), Q).result.width == score_answers(Q, complete_answers()).width


def test_import_json__not_json__refused_saying_what_to_choose_without_parser_text():
    assert refused("{not json") == UNREADABLE == (
        "import: this file cannot be read as a results file: it is damaged, or it is not the .json file this app "
        "made. Choose the .json file you downloaded from your results page, unchanged.")


@pytest.mark.parametrize("data", [b"", b"\xff\xfe{}", "[" * 100_000, "{\"a\": " * 30_000, "1" * 5_000,
                                  '{"format": 1.' + "5" * 5_000 + "}"], ids=[
    "empty", "not utf-8", "100000 brackets", "30000 nested objects", "5000-digit int", "5000-digit float"])
def test_import_json__unreadable_or_hostile_text__refused_as_unreadable(data):
    # on main: "Expecting value: line 1 column 1", RecursionError, ValueError (int over 4300 digits)
    assert refused(data) == UNREADABLE


def test_import_json__too_large__refused_before_parsing_with_its_true_size():
    # 200,001 bytes round up to 201 kB (on main: "the file is 200 kB, more than the 200 kB")
    assert refused(b" " * (MAX_IMPORT_BYTES + 1)) == (
        "import: the file is 201 kB, larger than a results file can be (200 kB at most). "
        "Choose the .json file you downloaded from your results page.")


def test_import_json__half_a_megabyte__says_500_kB():
    assert refused(b" " * 500_000).startswith("import: the file is 500 kB, larger than a results file can be")


def test_import_json__utf8_bom__accepted():
    answers = complete_answers()
    text = export_json(answers, score_answers(Q, answers).to_dict(), display_name="Sam")
    assert import_json(b"\xef\xbb\xbf" + text.encode("utf-8"), Q).answers == answers


def test_import_json__brackets_inside_strings__do_not_count_as_nesting():
    assert import_json(json.dumps(exported(display_name="[" * 1000 + "{" * 1000)), Q).display_name == "[" * 60


@pytest.mark.parametrize("text, depth", [
    ('{}', 1), ('[[1], {"a": [2]}]', 3), ('"[[[["', 0), ('["\\"[[", []]', 2), ('[["unterminated [[[[', 2)])
def test_nesting_depth__counts_brackets_outside_strings(text, depth):
    assert nesting_depth(text) == depth


def with_roster(rows, ties=()) -> dict:
    return exported(roster={"rows": rows, "ties": [list(t) for t in ties]})


def test_import_json__roster_within_limits__kept():
    rows = [row(f"P{i}") for i in range(25)]
    assert import_json(json.dumps(with_roster(rows, [("P0", "P1")])), Q).roster == {"rows": rows, "ties": [["P0", "P1"]]}


def test_import_json__12000_roster_rows__refused_before_any_roster_work():
    # 12,000 rows fit in 182 kB; on main they were accepted and the network page built 72 million pairs
    rows = [{"name": str(i)} for i in range(12_000)]
    assert refused(json.dumps(with_roster(rows), separators=(",", ":"))) == (
        "import: the network map in the file is too large: it lists 12000 people and 0 pairs. "
        "Choose a results file this app made: its map holds at most 25 people.")


def test_import_json__more_pairs_than_25_people_can_form__refused():
    # 25 people form at most 25 * 24 / 2 = 300 pairs
    assert refused(with_roster([row("A"), row("B")], [("A", "B")] * 301)) == (
        "import: the network map in the file is too large: it lists 2 people and 301 pairs. "
        "Choose a results file this app made: its map holds at most 25 people.")


@pytest.mark.parametrize("roster, what", [
    ({"rows": "A"}, "its people and pairs must be lists"),
    ({"rows": [row("A"), "B"]}, "each person must be a set of fields with text values"),
    ({"rows": [[1, 2]]}, "each person must be a set of fields with text values"),
    ({"rows": [{"name": ["A"]}]}, "each person must be a set of fields with text values"),
    ({"rows": [row("A")], "ties": [["A"]]}, "each pair must be two names"),
    ({"rows": [row("A")], "ties": "A-B"}, "its people and pairs must be lists"),
])
def test_import_json__roster_of_the_wrong_shape__refused(roster, what):
    # on main these reached the network page, which crashed on rows that are not mappings
    assert refused(exported(roster=roster)) == (
        f"import: the network map in the file is damaged ({what}). Export the file again from your results page, "
        "or choose a file without a network map.")


def test_import_json__another_format__refused():
    assert refused({"hello": "world"}) == (
        "import: this is not a Wide & Deep results file. Choose the .json file you downloaded from your results page."
    )


def test_import_json__unknown_format_version__refused():
    assert refused(exported(format_version=99)).startswith("import: format_version 99 is not one this app reads")


def test_import_json__answers_outside_the_questionnaire__refused_naming_them():
    document = exported()
    document["answers"]["reach_size"] = "a million"
    assert "'reach_size' has 'a million'" in refused(document)


def test_import_json__answers_missing__refused_naming_them():
    document = exported()
    del document["answers"]["keep_score"]
    assert "1 unanswered: keep_score" in refused(document)


def test_import_json__other_questionnaire__refused():
    document = exported()
    document["result"]["questionnaire"]["id"] = "other"
    assert refused(document) == "import: the file belongs to questionnaire 'other', not 'wide-and-deep'. Choose a Wide & Deep results file."


def test_import_json__hostile_name__kept_as_plain_text_and_cut_to_length():
    document = exported(display_name="<img src=x onerror=alert(1)>" + "x" * 100)
    name = import_json(json.dumps(document), Q).display_name
    assert name.startswith("<img src=x onerror=alert(1)>") and len(name) == 60
