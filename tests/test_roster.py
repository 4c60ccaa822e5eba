"""A roster is built from table rows and name pairs; every problem is reported, in the project's shape."""

from __future__ import annotations

import math

import pytest

from assessment.network.roster import (
    NEW_PERSON, Contact, RosterError, RosterProblem, names_from_line, new_contact_problems, new_person,
    roster_from_rows, segment_of, size_problems, table_edits_fit, ties_among,
)
from tests.network_samples import CONTENT, DEFAULT, row


def problems(rows, ties=()) -> list[RosterProblem]:
    with pytest.raises(RosterError) as caught:
        roster_from_rows(rows, ties, CONTENT)
    return list(caught.value.problems)


def P(code: str, path: str, **params) -> RosterProblem:  # noqa: N802 - reads like the record it builds
    return RosterProblem(code, path, params)


def test_roster_from_rows__valid_rows__become_contacts_with_row_index_ids():
    roster = roster_from_rows([row("Ana"), row("Bo", segment="senior", level="senior")], (), CONTENT)
    assert roster.contacts == (
        Contact(id=0, name="Ana", segment="peers", **DEFAULT),
        Contact(id=1, name="Bo", segment="senior", **{**DEFAULT, "level": "senior"}),
    )
    assert roster.ties == ()


def test_roster_from_rows__no_rows__is_an_empty_roster():
    assert roster_from_rows([], (), CONTENT).contacts == ()


def test_roster_from_rows__unknown_option__names_the_field_and_the_choices():
    assert problems([row("A"), row("B"), row("C"), row("D", stage="x")]) == [
        P("option_unknown", "contacts[3].stage", row=4, field="stage", value="x")
    ]


def test_roster_from_rows__missing_or_empty_option__asks_to_pick_one():
    rows = [row("A", favour=None), row("B", favour=""), {k: v for k, v in row("C").items() if k != "favour"}]
    assert problems(rows) == [
        P("option_missing", f"contacts[{i}].favour", row=i + 1, field="favour") for i in range(3)
    ]


def test_roster_from_rows__nan_cell__counts_as_missing():
    # pandas puts NaN in an empty cell of a table editor
    assert problems([row("A", giving=math.nan)]) == [P("option_missing", "contacts[0].giving", row=1, field="giving")]


def test_roster_from_rows__unknown_column__is_rejected():
    assert problems([row("A", colour="red")]) == [P("unknown_column", "contacts[0].colour", row=1, column="colour")]


def test_roster_from_rows__names__are_stripped_and_inner_whitespace_collapsed():
    roster = roster_from_rows([row("  Mira \t K\n ")], (), CONTENT)
    assert roster.contacts[0].name == "Mira K"


def test_roster_from_rows__blank_name__is_rejected():
    assert problems([row("   ")]) == [P("name_empty", "contacts[0].name", row=1, field="name")]


def test_roster_from_rows__name_that_is_not_text__is_rejected():
    assert problems([row(42)]) == [P("name_not_text", "contacts[0].name", row=1, field="name", got="int")]


def test_roster_from_rows__name_of_40_characters__is_kept():
    assert roster_from_rows([row("x" * 40)], (), CONTENT).contacts[0].name == "x" * 40


def test_roster_from_rows__name_over_40_characters__is_rejected_not_cut():
    assert problems([row("x" * 41)]) == [
        P("name_too_long", "contacts[0].name", row=1, field="name", length=41, most=40)
    ]


def test_roster_from_rows__same_name_twice_ignoring_case__is_rejected():
    assert problems([row("JS"), row("Ana"), row(" js ")]) == [
        P("name_used", "contacts[2].name", row=3, field="name", name="js", first=1)
    ]


def test_roster_from_rows__25_people__is_the_most_allowed():
    assert len(roster_from_rows([row(f"P{i}") for i in range(25)], (), CONTENT).contacts) == 25


def test_roster_from_rows__26_people__asks_to_remove_one():
    assert problems([row(f"P{i}") for i in range(26)]) == [P("too_many", "contacts", count=26, most=25, remove=1)]


def test_roster_from_rows__12000_rows_of_anything__one_problem_before_any_row_is_checked():
    # on main every row was checked: 12,000 "not a mapping" problems, and the page built the pairs first
    assert problems(["x"] * 6_000 + [{"name": 1}] * 6_000) == [
        P("too_many", "contacts", count=12_000, most=25, remove=11_975)]


def test_roster_from_rows__more_pairs_than_25_people_can_form__refused_before_any_pair_is_checked():
    # 25 people form at most 25 * 24 / 2 = 300 pairs; on main 301 unknown pairs gave 602 problems
    assert problems([row("A")], [("X", "Y")] * 301) == [P("too_many_ties", "ties", count=301, most=300)]


def test_size_problems__blank_rows__do_not_count():
    blank = {"name": None, **{k: None for k in DEFAULT}}
    assert size_problems([row("A")] * 25 + [blank] * 100, [], CONTENT) == []


@pytest.mark.parametrize("edits, fits", [
    (None, True),
    ({"edited_rows": {}, "added_rows": [], "deleted_rows": []}, True),
    ({"edited_rows": {"0": {"name": "Z"}}, "deleted_rows": [1]}, True),
    ({"added_rows": [{"name": "C"}] * 23}, True),         # 2 + 23 = 25
    ({"added_rows": [{"name": "C"}] * 24}, False),        # 2 + 24 = 26
    ({"added_rows": [{"name": "C"}] * 24, "deleted_rows": [0]}, True),  # 2 - 1 + 24 = 25
    ({"added_rows": [{}] * 3_000}, False),
    ({"deleted_rows": [0, 0, 1, 1, 2, 3]}, False),        # more deletions than rows
    ({"edited_rows": {str(i): {} for i in range(3)}}, False),  # edits of rows that are not there
    ({"added_rows": "lots"}, False),
    ("not a state", False),
])
def test_table_edits_fit__two_rows_in_the_table__at_most_25_people_after_the_edits(edits, fits):
    assert table_edits_fit(edits, 2, CONTENT) is fits


def test_roster_from_rows__entirely_blank_rows__are_skipped_and_ids_keep_row_numbers():
    blank = {"name": None, **{k: None for k in DEFAULT}}
    roster = roster_from_rows([row("A"), blank, row("B")], (), CONTENT)
    assert [(c.id, c.name) for c in roster.contacts] == [(0, "A"), (2, "B")]


def test_roster_from_rows__row_that_is_not_a_mapping__is_rejected():
    assert problems([row("A"), "B"]) == [P("not_a_person", "contacts[1]", row=2, got="str")]


def test_roster_from_rows__every_problem__is_collected():
    found = problems([row("", stage="x", level="boss"), row("B", favour=None)], [("B", "Zed")])
    assert [p.path for p in found] == [
        "contacts[0].name", "contacts[0].level", "contacts[0].stage", "contacts[1].favour", "ties[0][1]"
    ]


def test_roster_from_rows__ties__are_sorted_id_pairs_with_duplicates_collapsed():
    rows = [row("Ana"), row("Bo"), row("Cy")]
    roster = roster_from_rows(rows, [("Bo", "Ana"), ("ana", "BO"), ("Ana", "Bo"), ["Cy", "Bo"]], CONTENT)
    assert roster.ties == ((0, 1), (1, 2))


def test_roster_from_rows__tie_to_an_unknown_person__is_rejected():
    assert problems([row("Ana")], [("Ana", "Zed")]) == [P("tie_unknown_person", "ties[0][1]", pair=1, name="Zed")]


def test_roster_from_rows__tie_of_a_person_with_themself__is_rejected():
    assert problems([row("Ana"), row("Bo")], [("Ana", "Bo"), ("Ana", "ana")]) == [
        P("tie_self", "ties[1]", pair=2, name="Ana")
    ]


def test_roster_from_rows__tie_that_is_not_a_pair__is_rejected():
    assert problems([row("Ana"), row("Bo")], ["Ana", ("Ana", "Bo", "Ana")]) == [
        P("tie_not_a_pair", "ties[0]", pair=1), P("tie_not_a_pair", "ties[1]", pair=2),
    ]


def test_roster_error__message__lists_every_issue_one_per_line():
    with pytest.raises(RosterError) as caught:
        roster_from_rows([row("A", stage="x"), row("B", stage="y")], (), CONTENT)
    assert str(caught.value).splitlines() == [  # a developer's lines: the page words them (ui/network_view.py)
        "roster: contacts[0].stage: option_unknown (row=1, field='stage', value='x')",
        "roster: contacts[1].stage: option_unknown (row=2, field='stage', value='y')",
    ]


def test_new_contact_problems__valid_new_person__none():
    assert new_contact_problems([row("Ana")], row("Bo"), CONTENT) == ()


def test_new_contact_problems__name_taken_ignoring_case_and_spaces__says_so():
    assert new_contact_problems([row("Ana  Lee")], row(" ana lee"), CONTENT) == (
        P("name_on_map", "name", field="name", name="ana lee"),)


def test_new_contact_problems__blank_name_and_fields__names_each_by_its_label():
    assert new_contact_problems([], {"name": "  ", "segment": "peers"}, CONTENT) == (
        P("name_empty", "name", field="name"),
        *(P("option_missing", f, field=f) for f in ("field", "organisation", "level", "stage", "favour",
                                                      "last_contact", "giving")),
    )


def test_new_contact_problems__long_name_and_unknown_option__both_reported():
    assert new_contact_problems([], row("x" * 41, stage="best"), CONTENT) == (
        P("name_too_long", "name", field="name", length=41, most=40),
        P("option_unknown", "stage", field="stage", value="best"),
    )


def test_new_contact_problems__full_map__refuses_anyone_new_but_blank_rows_do_not_count():
    full = [row(f"P{i}") for i in range(25)]
    assert new_contact_problems(full, row("New"), CONTENT) == (P("map_full", "contacts", most=25),)
    assert new_contact_problems(full[:24] + [{"name": None, "segment": None}], row("New"), CONTENT) == ()


# --- quick add: one line of names (ui/network_view.py) -------------------------------------------------

def test_names_from_line__names_and_spacing__each_name_once_in_order():
    assert names_from_line(" Ana ,Bo  Q,, Cy ,", [row("Dee")], CONTENT) == (("Ana", "Bo Q", "Cy"), ())


def test_names_from_line__longer_than_a_full_maps_names__refused_before_splitting():
    # 25 people x (40 characters + ", ") = 1,050
    names, problems = names_from_line("A," * 600, [], CONTENT)
    assert names == () and [(p.code, dict(p.params)) for p in problems] == [
        ("line_too_long", {"length": 1_200, "most": 1_050})]


def test_names_from_line__not_text__refused_as_a_line():
    assert [p.code for p in names_from_line(["Ana"], [], CONTENT)[1]] == ["line_too_long"]


def test_names_from_line__blank__asks_for_a_name():
    assert [p.code for p in names_from_line(" , ,", [], CONTENT)[1]] == ["name_empty"]


def test_names_from_line__more_names_than_room__refused_whole():
    names, problems = names_from_line("A, B, C", [row(f"P{i}") for i in range(23)], CONTENT)
    assert names == () and [p.code for p in problems] == ["map_full"]


def test_names_from_line__a_name_twice_or_on_the_map__refused_whole_with_each_reason():
    names, problems = names_from_line("Bo, ana, bo, " + "x" * 41, [row("Ana")], CONTENT)
    assert names == ()
    assert [(p.code, p.params.get("name")) for p in problems] == [
        ("name_on_map", "ana"), ("name_on_map", "bo"), ("name_too_long", None)]


def test_new_person__a_name__gets_the_sensible_choices_and_sits_with_peers():
    person = new_person("  Ana   Q ")
    assert person == {"name": "Ana Q", **NEW_PERSON}
    assert roster_from_rows([person], (), CONTENT).contacts[0].segment == "peers"


@pytest.mark.parametrize(("facts", "segment"), [
    ({"organisation": "other_org", "field": "different", "level": "senior"}, "outside_org"),  # outside first
    ({"field": "different", "level": "senior"}, "other_fields"),
    ({"level": "senior"}, "senior"),
    ({"level": "junior"}, "junior"),
    ({"level": "peer"}, "peers"),
    ({"level": "outside"}, "own_field"),
])
def test_segment_of__the_facts__give_the_first_segment_whose_rule_holds(facts, segment):
    assert segment_of({**NEW_PERSON, **facts}) == segment


def test_segment_of__every_segment__is_one_the_questionnaire_has_and_each_is_reachable():
    fields = {f: CONTENT.field(f).ids() for f in ("field", "organisation", "level")}
    import itertools
    reached = {segment_of(dict(zip(fields, values))) for values in itertools.product(*fields.values())}
    assert reached == set(CONTENT.field("segment").ids())


def test_roster_from_rows__a_saved_segment__is_ignored_for_the_one_that_follows():
    # maps saved before the segment was derived carry one; "own field" beside "different field" can't stand
    roster = roster_from_rows([{**row("Ana", field="different"), "segment": "own_field"}], (), CONTENT)
    assert roster.contacts[0].segment == "other_fields"


def test_ties_among__pairs_of_people_not_on_the_map__dropped():
    rows = [row("Ana"), row("Bo")]
    assert ties_among(rows, [["ana", " Bo "], ["Ana", "Zed"], ["Ana"], "AB", [1, 2]]) == [["ana", " Bo "]]
