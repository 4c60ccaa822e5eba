"""The portable results file: what it holds, and every way an import is refused."""

import json

import pytest

from assessment import load_questionnaire, score_answers
from assessment.exchange import MAX_IMPORT_BYTES, ImportRefused, export_json, import_json

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


def test_import_json__not_json__refused():
    assert refused("{not json").startswith("import: the file is not valid JSON")


def test_import_json__too_large__refused_before_parsing():
    assert refused(b" " * (MAX_IMPORT_BYTES + 1)).startswith("import: the file is 200 kB, more than the 200 kB")


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
    blended, text, _ = blended_export(with_roster=False)
    imported = import_json(text, Q)
    assert imported.result == blended


def test_import_json__blend_weight_edited__weight_worked_out_again_from_the_map_size():
    # weight 0.9 in the file; five people weigh 0.5 * 5 / 15 = 0.1667 whatever the file says
    blended, text, _ = blended_export(with_roster=False)
    document = json.loads(text)
    document["result"]["roster"]["weight"] = 0.9
    imported = import_json(json.dumps(document), Q)
    assert imported.result.blend.weight == 0.1667 and imported.result == blended
