"""Network measures on small hand-drawn rosters; expected values are worked out beside each test
and, where networkx has the measure, checked against it."""

from __future__ import annotations

import ast
import itertools
import math
import random
from pathlib import Path

import networkx as nx
import pytest

from assessment.network.measures import (
    EGO, alter_graph, diversity, ego_constraint, ego_network, ei_index, measure_network, network_depth, tie_strength,
)
from assessment.network.roster import roster_from_rows
from tests.network_samples import CONTENT, DEEP, WEAK, make_roster, row


def four_people(*ties):
    return make_roster(row("A"), row("B"), row("C"), row("D"), ties=ties)


@pytest.mark.parametrize(("fields", "expected"), [
    ({}, 0.5675),     # .35*.65 + .30*.5 + .20*.5 + .15*.6
    (DEEP, 1.0),      # every weight at 1
    (WEAK, 0.12),     # .35*.3 + .15*.1
    ({"giving": "both", "last_contact": "year"}, 0.6225),  # .2275 + .15 + .20*1 + .15*.3
])
def test_tie_strength__presets__weighted_mean_of_option_weights(fields, expected):
    contact = make_roster(row("A", **fields)).contacts[0]
    assert tie_strength(contact, CONTENT) == pytest.approx(expected)


def test_network_depth__k_strongest__mean_of_them_only():
    # strengths 1.0, .9, .8, .7, .6 and a weak .1: the top five average .8; the weak tie is ignored
    assert network_depth([0.1, 1.0, 0.9, 0.8, 0.7, 0.6], 5) == pytest.approx(0.8)


def test_network_depth__fewer_than_k__mean_of_all():
    assert network_depth([1.0, 0.12, 0.5675], 5) == pytest.approx((1.0 + 0.12 + 0.5675) / 3)  # 0.5625


def test_network_depth__no_ties__is_zero():
    assert network_depth([], 5) == 0.0


def test_measure_network__adding_weak_contacts__does_not_lower_depth():
    strong = [row(f"S{i}", **DEEP) for i in range(5)]
    before = measure_network(make_roster(*strong), CONTENT).measure("depth").value
    after = measure_network(make_roster(*strong, *[row(f"W{i}", **WEAK) for i in range(10)]), CONTENT).measure("depth").value
    assert before == after == 1.0


def test_diversity__two_one_one_over_six_segments__blau_and_evenness():
    # p = .5, .25, .25 over k = 6 segments
    # Blau = 1 - (.25 + .0625 + .0625) = .625; normalised by 1 - 1/6: .625 / (5/6) = .75
    # H = -(.5 ln .5 + 2 * .25 ln .25) = 1.0397; evenness = H / ln 6 = 1.0397 / 1.7918 = .5803
    roster = make_roster(row("A"), row("B"), row("C", segment="senior"), row("D", segment="junior"))
    d = diversity(roster, "segment", CONTENT)
    assert dict(d.counts) == {"own_field": 0, "other_fields": 0, "senior": 1, "peers": 2, "junior": 1, "outside_org": 0}
    assert (d.blau, d.blau_normalised) == (pytest.approx(0.625), pytest.approx(0.75))
    assert d.evenness == pytest.approx(1.0397208 / math.log(6))


def test_diversity__everyone_in_one_organisation__is_zero():
    d = diversity(four_people(), "organisation", CONTENT)
    assert (d.blau, d.blau_normalised, d.evenness) == (0.0, 0.0, 0.0)


def test_diversity__even_over_every_level__is_one():
    roster = make_roster(*(row(l, level=l) for l in ("senior", "peer", "junior", "outside")))
    d = diversity(roster, "level", CONTENT)
    assert (d.blau_normalised, d.evenness) == (pytest.approx(1.0), pytest.approx(1.0))


def test_ei_index__one_of_four_in_another_field__is_minus_half():
    # E = 1, I = 3: (1 - 3) / 4 = -0.5
    roster = make_roster(row("A"), row("B"), row("C"), row("D", field="different"))
    assert ei_index(roster, "field", CONTENT) == (-0.5, 3, 1)


def test_ei_index__organisation__only_other_org_counts_as_outside():
    # same_team and same_org are inside; E = 2, I = 2: 0
    roster = make_roster(row("A", organisation="same_team"), row("B"), row("C", organisation="other_org"),
                         row("D", organisation="other_org"))
    assert ei_index(roster, "organisation", CONTENT) == (0.0, 2, 2)


def test_ego_network__ego__is_tied_to_everyone_and_alter_ties_are_kept():
    graph = ego_network(four_people(("A", "B")))
    assert sorted(graph.neighbors(EGO)) == [0, 1, 2, 3]
    assert graph.number_of_edges() == 5
    assert EGO not in alter_graph(four_people())


def test_measures__star_of_four__open_network():
    # no alter ties: density 0; effective size n - 2t/n = 4; constraint 4 * (1/4)^2 = 0.25
    report = measure_network(four_people(), CONTENT)
    assert report.measure("density").value == 0.0
    assert report.measure("effective_size").value == 4.0
    assert report.measure("constraint").value == pytest.approx(0.25)


def test_measures__triangle__closed_network():
    # three alters who all know each other: density 1; effective size 3 - 2*3/3 = 1;
    # constraint: p_ej = 1/3, each alter has 3 ties so p_qj = 1/3;
    # per alter (1/3 + 2 * 1/3 * 1/3)^2 = (5/9)^2 = 25/81; three alters: 75/81 = 0.9259
    roster = make_roster(row("A"), row("B"), row("C"), ties=[("A", "B"), ("B", "C"), ("A", "C")])
    report = measure_network(roster, CONTENT)
    assert report.measure("density").value == 1.0
    assert report.measure("effective_size").value == pytest.approx(1.0)
    assert report.measure("constraint").value == pytest.approx(75 / 81)


def test_measures__one_pair_among_four__hand_worked_and_as_networkx():
    # A-B know each other. density 1/6; effective size 4 - 2*1/4 = 3.5;
    # constraint: A has 2 ties (ego, B): p_AB = 1/2; for A: (1/4 + 1/4 * 1/2)^2 = 9/64, same for B;
    # C and D: (1/4)^2 = 1/16 each; total 18/64 + 8/64 = 26/64 = 0.40625
    roster = four_people(("A", "B"))
    report = measure_network(roster, CONTENT)
    graph = ego_network(roster)
    assert report.measure("density").value == pytest.approx(1 / 6) == nx.density(alter_graph(roster))
    assert report.measure("effective_size").value == pytest.approx(3.5) == nx.effective_size(graph)[EGO]
    assert report.measure("constraint").value == pytest.approx(26 / 64)
    assert nx.constraint(graph, nodes=[EGO])[EGO] == pytest.approx(26 / 64)


@pytest.mark.parametrize("seed", range(6))
def test_ego_constraint__random_networks__equals_networkx(seed):
    rnd = random.Random(seed)
    n = rnd.randint(1, 12)
    names = [f"P{i}" for i in range(n)]
    ties = [p for p in itertools.combinations(names, 2) if rnd.random() < rnd.random()]
    graph = ego_network(make_roster(*(row(name) for name in names), ties=ties))
    assert ego_constraint(graph) == pytest.approx(nx.constraint(graph, nodes=[EGO])[EGO])


def test_measures__single_person__defined_values():
    # one alter: effective size 1, constraint (1/1)^2 = 1, density 0 (no pairs)
    report = measure_network(make_roster(row("A")), CONTENT)
    assert [report.measure(m).value for m in ("size", "effective_size", "constraint", "density")] == [1, 1, 1, 0]


def test_measure_network__empty_roster__every_measure_is_empty_and_axes_are_zero():
    report = measure_network(roster_from_rows([], (), CONTENT), CONTENT)
    assert {(m.value, m.display, m.meaning) for m in report.measures} == {(None, "—", CONTENT.empty)}
    assert (report.axes.width, report.axes.depth) == (0.0, 0.0)


def test_measure_network__deep_ties__count_strength_at_threshold_or_more():
    # A: DEEP, 1.0 -> deep. B: profitability, probably, i_helped, quarter: .35 + .15 + .10 + .09 = .69,
    # just under the .7 cut -> not deep. C: DEEP but last contact a year ago: .35 + .30 + .20 + .045 = .895 -> deep
    roster = make_roster(row("A", **DEEP), row("B", stage="profitability"),
                         row("C", **{**DEEP, "last_contact": "year"}))
    report = measure_network(roster, CONTENT)
    assert report.strength(1) == pytest.approx(0.69)
    assert report.measure("deep_ties").value == 2
    assert report.measure("deep_ties").display == "2 of 3"


def test_measure__meaning__uses_the_persons_value_and_the_high_or_low_text():
    # 1 of 4 in another field: E-I -0.5, below the cut 0: the "low" text, with their counts
    roster = make_roster(row("A"), row("B"), row("C"), row("D", field="different"))
    m = measure_network(roster, CONTENT).measure("openness_field")
    assert m.display == "-0.50"
    assert m.meaning.startswith("3 of your people share your field and 1 do not (E-I index -0.50).")
    assert m.guidance == ("G09", "G10")


def test_measure__every_measure__has_name_guidance_and_a_sentence():
    report = measure_network(four_people(("A", "B")), CONTENT)
    assert [m.id for m in report.measures] == [m.id for m in CONTENT.measures]
    for m in report.measures:
        assert m.name and m.guidance and m.meaning.endswith(".") and "{" not in m.meaning


def test_report_axes__hand_worked__width_and_depth():
    # Four people, A-B know each other; C other field + other org; D senior level.
    # diversity: segment all peers -> 0; organisation 3 same_org + 1 other_org:
    #   Blau 1 - (.5625 + .0625) = .375, / (2/3) = .5625; level 3 peer + 1 senior: 1 - .625 = .375, / .75 = .5
    #   mean (0 + .5625 + .5) / 3 = .354167
    # openness: field E-I (1-3)/4 = -.5 -> .25; organisation -.5 -> .25; mean .25
    # effective size 4 - 2/4 = 3.5 -> 3.5 / 12 = .291667
    # Width = 100 * (.4 * .354167 + .3 * .25 + .3 * .291667) = 100 * .304167 = 30.4
    # depth: all four at .5675 -> .5675; deep ties 0 -> 0. Depth = 100 * (.6 * .5675) = 34.05 -> 34.0 (float rounding)
    roster = make_roster(row("A"), row("B"), row("C", field="different", organisation="other_org"),
                         row("D", level="senior"), ties=[("A", "B")])
    axes = measure_network(roster, CONTENT).axes
    assert dict(axes.width_parts) == pytest.approx({"diversity": 0.3542, "openness": 0.25, "effective_size": 0.2917})
    assert dict(axes.depth_parts) == pytest.approx({"depth": 0.5675, "deep_ties": 0.0})
    assert axes.width == 30.4
    assert axes.depth == pytest.approx(34.05, abs=0.051)


def test_report_axes__five_deep_ties__fill_the_deep_ties_part():
    axes = measure_network(make_roster(*(row(f"D{i}", **DEEP) for i in range(5))), CONTENT).axes
    assert dict(axes.depth_parts) == {"depth": 1.0, "deep_ties": 1.0}
    assert axes.depth == 100.0

