"""The portable results file: what it holds, and every way an import is refused."""

import json

import pytest

from assessment import load_questionnaire, score_answers
from assessment.content.load import CONTENT_DIR
from assessment.exchange import (
    MAX_IMPORT_BYTES, REFUSALS, ImportRefused, export_json, import_json, nesting_depth,
)
from assessment.text import load_catalogue, placeholders
from tests.network_samples import CONTENT, row
from assessment.questionnaire import AnswerKey, complete_answers as complete_answers_of

CATALOGUE = load_catalogue("en", CONTENT_DIR)[0]

Q = load_questionnaire("en")


def complete_answers() -> dict[str, str]:
    """The third band of every grid cell, the second option of every other question."""
    return complete_answers_of(
        Q, lambda key, choices: choices[2] if AnswerKey.parse(key).segment is not None else choices[1])


def exported(**changes) -> dict:
    answers = complete_answers()
    document = json.loads(export_json(answers, score_answers(Q, answers).to_dict(), display_name="Sam"))
    document.update(changes)
    return document


def refused(document_or_text) -> tuple[str, dict]:
    """Why the import is refused: its code and the numbers its sentence takes (the UI writes the words)."""
    data = document_or_text if isinstance(document_or_text, (str, bytes)) else json.dumps(document_or_text)
    with pytest.raises(ImportRefused) as error:
        import_json(data, Q, CONTENT)
    return error.value.code, error.value.params


def test_refusals__each_has_a_sentence_with_exactly_its_numbers():
    for code, params in REFUSALS.items():
        template = CATALOGUE.entries[f"results.import.refused.{code}"]
        assert placeholders(template) == set(params), code


def test_import_json__own_export__gives_back_answers_scores_and_name():
    answers = complete_answers()
    original = score_answers(Q, answers)
    imported = import_json(export_json(answers, original.to_dict(), display_name="Sam"), Q, CONTENT)
    assert imported.answers == answers and imported.display_name == "Sam"
    assert imported.result.to_dict() == original.to_dict()


def test_import_json__file_from_before_the_split_items__their_answers_carry_over_from_the_old_item():
    # issue 10 split favour_call, mutual_knowledge and pass_praise; a file saved before holds only the old
    # item: its answer carries over to the items split from it (the old question asked both ideas at once)
    answers = complete_answers()
    old = {k: v for k, v in answers.items()
           if k not in {"favour_same_day", "mutual_strengths", "mutual_circumstances", "pass_credit"}}
    old.update(favour_call="strongly_agree", mutual_knowledge="agree", pass_praise="often")
    imported = import_json(export_json(old, score_answers(Q, answers).to_dict()), Q, CONTENT)
    assert {k: imported.answers[k] for k in ("favour_same_day", "mutual_strengths", "mutual_circumstances",
                                             "pass_credit")} == {
        "favour_same_day": "strongly_agree", "mutual_strengths": "agree", "mutual_circumstances": "agree",
        "pass_credit": "often"}


def test_import_json__edited_scores__are_ignored_and_recomputed_from_answers():
    document = exported()
    document["result"]["width"] = 100.0
    assert import_json(json.dumps(document), Q, CONTENT).result.width == score_answers(Q, complete_answers()).width


def test_import_json__not_json__refused_saying_what_to_choose_without_parser_text():
    assert refused("{not json") == ("unreadable", {})
    assert "Expecting" not in CATALOGUE.text("results.import.refused.unreadable")


@pytest.mark.parametrize("data", [b"", b"\xff\xfe{}", "[" * 100_000, "{\"a\": " * 30_000, "1" * 5_000,
                                  '{"format": 1.' + "5" * 5_000 + "}"], ids=[
    "empty", "not utf-8", "100000 brackets", "30000 nested objects", "5000-digit int", "5000-digit float"])
def test_import_json__unreadable_or_hostile_text__refused_as_unreadable(data):
    # on main: "Expecting value: line 1 column 1", RecursionError, ValueError (int over 4300 digits)
    assert refused(data) == ("unreadable", {})


def test_import_json__too_large__refused_before_parsing_with_its_true_size():
    # 200,001 bytes round up to 201 kB (on main: "the file is 200 kB, more than the 200 kB")
    assert refused(b" " * (MAX_IMPORT_BYTES + 1)) == ("too_large", {"size_kb": 201, "most_kb": 200})


def test_import_json__half_a_megabyte__says_500_kB():
    assert refused(b" " * 500_000) == ("too_large", {"size_kb": 500, "most_kb": 200})


def test_import_json__utf8_bom__accepted():
    answers = complete_answers()
    text = export_json(answers, score_answers(Q, answers).to_dict(), display_name="Sam")
    assert import_json(b"\xef\xbb\xbf" + text.encode("utf-8"), Q, CONTENT).answers == answers


def test_import_json__brackets_inside_strings__do_not_count_as_nesting():
    assert import_json(json.dumps(exported(display_name="[" * 1000 + "{" * 1000)), Q, CONTENT).display_name == "[" * 60


@pytest.mark.parametrize("text, depth", [
    ('{}', 1), ('[[1], {"a": [2]}]', 3), ('"[[[["', 0), ('["\\"[[", []]', 2), ('[["unterminated [[[[', 2)])
def test_nesting_depth__counts_brackets_outside_strings(text, depth):
    assert nesting_depth(text) == depth


def with_roster(rows, ties=()) -> dict:
    return exported(roster={"rows": rows, "ties": [list(t) for t in ties]})


def test_import_json__roster_within_limits__kept():
    rows = [row(f"P{i}") for i in range(25)]
    assert import_json(json.dumps(with_roster(rows, [("P0", "P1")])), Q, CONTENT).roster == {"rows": rows, "ties": [["P0", "P1"]]}


def test_import_json__12000_roster_rows__refused_before_any_roster_work():
    # 12,000 rows fit in 182 kB; on main they were accepted and the network page built 72 million pairs
    rows = [{"name": str(i)} for i in range(12_000)]
    assert refused(json.dumps(with_roster(rows), separators=(",", ":"))) == (
        "roster_too_large", {"people": 12_000, "pairs": 0, "most": 25})


def test_import_json__more_pairs_than_25_people_can_form__refused():
    # 25 people form at most 25 * 24 / 2 = 300 pairs
    assert refused(with_roster([row("A"), row("B")], [("A", "B")] * 301)) == (
        "roster_too_large", {"people": 2, "pairs": 301, "most": 25})


@pytest.mark.parametrize("roster, what", [
    ({"rows": "A"}, "roster_lists"),
    ({"rows": [row("A"), "B"]}, "roster_people"),
    ({"rows": [[1, 2]]}, "roster_people"),
    ({"rows": [{"name": ["A"]}]}, "roster_people"),
    ({"rows": [row("A")], "ties": [["A"]]}, "roster_pairs"),
    ({"rows": [row("A")], "ties": "A-B"}, "roster_lists"),
])
def test_import_json__roster_of_the_wrong_shape__refused(roster, what):
    # on main these reached the network page, which crashed on rows that are not mappings
    assert refused(exported(roster=roster)) == (what, {})


def test_import_json__another_format__refused():
    assert refused({"hello": "world"}) == ("not_ours", {})


def test_import_json__unknown_format_version__refused():
    assert refused(exported(format_version=99)) == ("format_version", {"version": "99", "reads": 1})


def test_import_json__answers_outside_the_questionnaire__refused_naming_them():
    document = exported()
    document["answers"]["reach_size"] = "a million"
    assert refused(document) == ("answers_do_not_fit", {"missing": 0, "invalid": 1})


def test_import_json__answers_missing__refused_naming_them():
    document = exported()
    del document["answers"]["keep_score"]
    assert refused(document) == ("answers_do_not_fit", {"missing": 1, "invalid": 0})


def test_import_json__other_questionnaire__refused():
    document = exported()
    document["result"]["questionnaire"]["id"] = "other"
    assert refused(document) == ("other_questionnaire", {"found": "'other'"})


def test_import_json__hostile_name__kept_as_plain_text_and_cut_to_length():
    document = exported(display_name="<img src=x onerror=alert(1)>" + "x" * 100)
    name = import_json(json.dumps(document), Q, CONTENT).display_name
    assert name.startswith("<img src=x onerror=alert(1)>") and len(name) == 60


# Round trip of a result the network map fed (issue 11 §7) ----------------------------------

def blended_export(with_roster: bool):
    """Answers blended with a five-person map, exported with or without the map itself."""
    from assessment.network.blend import blend_roster
    from assessment.network.measures import measure_network
    from assessment.network.roster import roster_from_rows
    from tests.network_samples import CONTENT, DEEP, row

    rows = [row("Ana", **DEEP), row("Bo", segment="senior"), row("Cy", organisation="other_org"), row("Dee"),
            row("Eve", field="different")]
    ties = [["Ana", "Bo"]]
    answers = complete_answers()
    axes = measure_network(roster_from_rows(rows, ties, CONTENT), CONTENT).axes
    blended = blend_roster(score_answers(Q, answers), axes, Q)
    text = export_json(answers, blended.to_dict(), roster={"rows": rows, "ties": ties} if with_roster else None)
    return blended, text, CONTENT


def test_import_json__blended_result_with_its_map__same_scores_blend_and_map():
    blended, text, content = blended_export(with_roster=True)
    imported = import_json(text, Q, content)
    assert (imported.result.width, imported.result.depth) == (blended.width, blended.depth)
    assert imported.result == blended
    assert imported.roster["ties"] == [["Ana", "Bo"]] and len(imported.roster["rows"]) == 5


def test_import_json__blended_result_without_its_map__same_scores_from_the_recorded_map():
    blended, text, content = blended_export(with_roster=False)
    imported = import_json(text, Q, content)
    assert imported.result == blended


def test_import_json__blend_weight_edited__weight_worked_out_again_from_the_map_size():
    # weight 0.9 in the file; five people weigh 0.5 * 5 / 15 = 0.1667 whatever the file says
    blended, text, content = blended_export(with_roster=False)
    document = json.loads(text)
    document["result"]["roster"]["weight"] = 0.9
    imported = import_json(json.dumps(document), Q, content)
    assert imported.result.blend.weight == 0.1667 and imported.result == blended
