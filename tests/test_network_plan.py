"""The contacts-to-connections plan picks people by rule and gives each a give-first action."""

from __future__ import annotations

import itertools

from tests.network_samples import CONTENT, DEEP, WEAK, make_roster, plan_of, row


def names(plan, kind):
    return [(i.name, i.reason) for i in plan.items(kind)]


def test_plan__lists__come_in_display_order_with_titles():
    plan = plan_of(make_roster(row("A")))
    assert [(p.kind, p.title) for p in plan.lists] == [
        ("at_risk", "Depth at risk"), ("deepen", "Worth deepening"), ("bridges", "Bridges")]


def test_at_risk__strong_tie_not_contacted_for_over_a_quarter__is_at_risk():
    # credibility is strong; a year and over a year are stale, a quarter is not
    roster = make_roster(row("Year", last_contact="year"), row("Over", last_contact="over_year"),
                         row("Quarter", last_contact="quarter"))
    assert names(plan_of(roster), "at_risk") == [("Year", "stale"), ("Over", "stale")]


def test_at_risk__favour_definitely__makes_a_visibility_tie_strong():
    roster = make_roster(row("Fav", stage="visibility", favour="definitely", last_contact="year"),
                         row("Weak", **WEAK))
    assert names(plan_of(roster), "at_risk") == [("Fav", "stale")]


def test_at_risk__they_helped__thanks_them_first_otherwise_the_default_give_first_action():
    roster = make_roster(row("Owed", last_contact="year", giving="they_helped"), row("Other", last_contact="year"))
    # equal strength (both one-way help weigh .5): ordered by name
    other, owed = plan_of(roster).items("at_risk")
    text = CONTENT.plan_text("at_risk")
    assert (owed.action, other.action) == (text.action("they_helped"), text.action("default"))
    assert owed.action.startswith("They have helped you before. Thank them")
    assert owed.guidance == ("G08", "G15")


def test_at_risk__strongest_first__and_at_most_plan_items():
    # seven stale strong ties; strength falls with the stage/favour mix, five are kept
    rows = [row(f"P{i}", last_contact="year", favour="definitely" if i < 3 else "probably",
                stage="profitability" if i < 2 else "credibility") for i in range(7)]
    items = plan_of(make_roster(*rows)).items("at_risk")
    assert [i.name for i in items] == ["P0", "P1", "P2", "P3", "P4"]
    assert [i.strength for i in items] == sorted((i.strength for i in items), reverse=True)


def test_bridges__middle_of_a_path__is_an_articulation_point():
    # A - B - C: removing B splits A from C
    roster = make_roster(row("A"), row("B"), row("C"), ties=[("A", "B"), ("B", "C")])
    assert names(plan_of(roster), "bridges") == [("B", "articulation")]


def test_bridges__hub_between_two_groups__high_betweenness_without_being_a_cut_point():
    # Two triangles A1-A3 and B1-B3, X tied to all six, and A1-B1: X is no articulation point.
    # X lies on every shortest A-B path except A1-B1 (direct) and shares A1-B2, A1-B3, A2-B1, A3-B1
    # with A1 or B1: 4 * 1 + 4 * 1/2 = 6 of (7-1)(7-2)/2 = 15 pairs -> 0.4 >= 0.3
    a, b = ["A1", "A2", "A3"], ["B1", "B2", "B3"]
    ties = [*itertools.combinations(a, 2), *itertools.combinations(b, 2), *(("X", p) for p in a + b), ("A1", "B1")]
    roster = make_roster(*(row(p) for p in a + b + ["X"]), ties=ties)
    assert names(plan_of(roster), "bridges") == [("X", "betweenness")]


def test_bridges__only_person_in_a_segment__is_the_tie_into_it():
    roster = make_roster(row("A"), row("B"), row("Boss", segment="senior", level="senior"))
    (item,) = plan_of(roster).items("bridges")
    assert (item.name, item.reason, item.segment) == ("Boss", "only_in_segment", "senior")
    assert item.action.startswith("They are your only tie in the segment “Senior to you”.")


def test_bridges__single_person__is_not_a_bridge():
    assert plan_of(make_roster(row("A", segment="senior"))).items("bridges") == ()


def test_deepen__early_stage_tie_in_a_thin_segment__is_worth_deepening():
    # peers has no deep tie (thin); the visibility and credibility ties there qualify
    roster = make_roster(row("Vis", stage="visibility"), row("Cred"))
    assert names(plan_of(roster), "deepen") == [("Cred", "thin_segment"), ("Vis", "thin_segment")]


def test_deepen__segment_with_two_deep_ties__is_not_thin():
    roster = make_roster(row("D1", **DEEP), row("D2", **DEEP), row("Vis", stage="visibility"))
    assert plan_of(roster).items("deepen") == ()


def test_deepen__profitability_stage__is_not_an_early_stage():
    roster = make_roster(row("Pro", stage="profitability", favour="no"), row("B"))
    assert "Pro" not in [i.name for i in plan_of(roster).items("deepen")]


def test_deepen__action__follows_the_stage():
    roster = make_roster(row("Vis", stage="visibility"), row("Cred"))
    actions = {i.name: i.action for i in plan_of(roster).items("deepen")}
    text = CONTENT.plan_text("deepen")
    assert actions == {"Vis": text.action("visibility"), "Cred": text.action("credibility")}


def test_plan__a_person_fitting_several_lists__appears_once_in_the_first():
    # B is stale and strong (at risk), the middle of a path (bridge) and credibility in a thin segment
    roster = make_roster(row("A"), row("B", last_contact="year"), row("C"), ties=[("A", "B"), ("B", "C")])
    plan = plan_of(roster)
    assert names(plan, "at_risk") == [("B", "stale")]
    assert "B" not in [i.name for p in plan.lists if p.kind != "at_risk" for i in p.items]


def test_plan__names__stay_raw_data_and_never_enter_the_action_text():
    roster = make_roster(row("<b>Al</b>", last_contact="year"), row("$x$", stage="visibility"))
    items = [i for p in plan_of(roster).lists for i in p.items]
    assert {i.name for i in items} == {"<b>Al</b>", "$x$"}
    assert not any("Al" in i.action or "$" in i.action for i in items)
