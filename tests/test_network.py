"""Network measures on small hand-drawn rosters; expected values are worked out beside each test
and, where networkx has the measure, checked against it."""

from __future__ import annotations

import itertools
import math
import random

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


def test_diversity__two_one_one_over_six_segments__blau_and_pielou_evenness():
    # p = .5, .25, .25 over k = 6 segments, S = 3 of them held
    # Blau = 1 - (.25 + .0625 + .0625) = .625; normalised by 1 - 1/6: .625 / (5/6) = .75
    # H = -(.5 ln .5 + 2 * .25 ln .25) = 1.0397; Pielou's J = H / ln S = 1.0397 / ln 3 (1.0986) = .9464
    # (not H / ln 6 = .5803: J is evenness over the categories present)
    roster = make_roster(row("A"), row("B"), row("C", segment="senior"), row("D", segment="junior"))
    d = diversity(roster, "segment", CONTENT)
    assert dict(d.counts) == {"own_field": 0, "other_fields": 0, "senior": 1, "peers": 2, "junior": 1, "outside_org": 0}
    assert (d.blau, d.blau_normalised) == (pytest.approx(0.625), pytest.approx(0.75))
    assert d.evenness == pytest.approx(1.0397208 / math.log(3))
    assert d.evenness == pytest.approx(0.9464, abs=1e-4)


def test_diversity__everyone_in_one_organisation__blau_zero_and_evenness_one():
    # S = 1: H = 0 = ln 1, so J is 0/0; defined as 1 (the one option held is held evenly).
    # Blau, which feeds Width, is 0: nobody is spread.
    d = diversity(four_people(), "organisation", CONTENT)
    assert (d.blau, d.blau_normalised, d.evenness) == (0.0, 0.0, 1.0)


def test_diversity__nobody__evenness_is_not_defined():
    d = diversity(roster_from_rows([], (), CONTENT), "level", CONTENT)
    assert (d.blau, d.blau_normalised, d.evenness) == (0.0, 0.0, None)


def test_diversity__three_and_one_over_two_levels__evenness_over_the_two_held():
    # p = .75, .25, S = 2: H = -(.75 ln .75 + .25 ln .25) = .2158 + .3466 = .5623; J = .5623 / ln 2 = .8113
    roster = make_roster(row("A"), row("B"), row("C"), row("D", level="senior"))
    assert diversity(roster, "level", CONTENT).evenness == pytest.approx(0.8113, abs=1e-4)


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


def test_measures__single_person__defined_values_and_no_density():
    # one alter: effective size 1, constraint (1/1)^2 = 1; density has no pairs to count, so no value
    report = measure_network(make_roster(row("A")), CONTENT)
    assert [report.measure(m).value for m in ("size", "effective_size", "constraint", "density")] == [1, 1, 1, None]
    density = report.measure("density")
    assert (density.display, density.case) == ("", "no_pairs")
    assert density.meaning == CONTENT.measure("density").sentence("no_pairs")


def test_measure_network__empty_roster__every_measure_is_empty_and_axes_are_zero():
    report = measure_network(roster_from_rows([], (), CONTENT), CONTENT)
    assert {(m.value, m.display, m.meaning, m.case) for m in report.measures} == {(None, "", CONTENT.empty, "empty")}
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


def test_measure__meaning__plain_words_first_and_the_index_only_in_its_figure():
    # 1 of 4 in another field: E-I (1 - 3) / 4 = -0.5; more inside than outside: "more_inside", with the counts
    roster = make_roster(row("A"), row("B"), row("C"), row("D", field="different"))
    m = measure_network(roster, CONTENT).measure("openness_field")
    assert (m.case, m.display) == ("more_inside", "-0.50")
    assert m.meaning.startswith("Most of your people work in your own field (3 of 4).")
    assert "E-I" not in m.meaning and m.term.startswith("E-I index")
    assert m.guidance == ("G09", "G10")


def test_measure__every_measure__has_name_term_guidance_and_a_sentence():
    report = measure_network(four_people(("A", "B")), CONTENT)
    assert [m.id for m in report.measures] == [m.id for m in CONTENT.measures]
    for m in report.measures:
        assert m.name and m.term and m.guidance and m.meaning.endswith(".") and "{" not in m.meaning + m.term


def test_report_axes__hand_worked__width_and_depth():
    # Four people, A-B know each other; C other field + other org; D senior level.
    # segments follow (roster.segment_of): A, B peers; C outside_org; D senior.
    # diversity: segment 2/1/1 of 6 options: Blau 1 - (.25 + .0625 + .0625) = .625, / (5/6) = .75;
    #   organisation 3 same_org + 1 other_org: 1 - (.5625 + .0625) = .375, / (2/3) = .5625;
    #   level 3 peer + 1 senior: 1 - .625 = .375, / .75 = .5; mean (.75 + .5625 + .5) / 3 = .604167
    # openness: field E-I (1-3)/4 = -.5 -> .25; organisation -.5 -> .25; mean .25
    # effective size 4 - 2/4 = 3.5 -> 3.5 / 12 = .291667
    # Width = 100 * (.4 * .604167 + .3 * .25 + .3 * .291667) = 100 * .404167 = 40.4
    # depth: all four at .5675 -> .5675; deep ties 0 -> 0. Depth = 100 * (.6 * .5675) = 34.05 -> 34.0 (float rounding)
    roster = make_roster(row("A"), row("B"), row("C", field="different", organisation="other_org"),
                         row("D", level="senior"), ties=[("A", "B")])
    axes = measure_network(roster, CONTENT).axes
    assert dict(axes.width_parts) == pytest.approx({"diversity": 0.6042, "openness": 0.25, "effective_size": 0.2917})
    assert dict(axes.depth_parts) == pytest.approx({"depth": 0.5675, "deep_ties": 0.0})
    assert axes.width == 40.4
    assert axes.depth == pytest.approx(34.05, abs=0.051)


def test_report_axes__five_deep_ties__fill_the_deep_ties_part():
    axes = measure_network(make_roster(*(row(f"D{i}", **DEEP) for i in range(5))), CONTENT).axes
    assert dict(axes.depth_parts) == {"depth": 1.0, "deep_ties": 1.0}
    assert axes.depth == 100.0



# --- which sentence a person reads: chosen by conditions that make it true ---------------------


def people(n, prefix="P", **fields):
    return [row(f"{prefix}{i}", **fields) for i in range(n)]


def all_pairs(n):
    return list(itertools.combinations([f"P{i}" for i in range(n)], 2))


def case_of(measure_id, rows, ties=()):
    return measure_network(make_roster(*rows, ties=ties), CONTENT).measure(measure_id).case


@pytest.mark.parametrize(("measure_id", "rows", "ties", "case"), [
    # size: one person; 2 to 9 (below the cut 10); 10 or more
    ("size", people(1), (), "one"),
    ("size", people(9), (), "few"),
    ("size", people(10), (), "enough"),
    # depth = mean of the 5 strongest; deep-tie mark .7
    ("depth", [row("A", **DEEP)], (), "one_deep"),                                    # 1.0
    ("depth", [row("A", **WEAK)], (), "one_not_deep"),                                # .12
    ("depth", [row("A", **DEEP), row("B", **DEEP)], (), "deep"),                      # 1.0
    ("depth", [row("A", **DEEP), *people(4, **WEAK)], (), "some_deep"),               # (1 + 4 * .12) / 5 = .296, one deep
    ("depth", people(3), (), "none_deep"),                                            # .5675 each, none deep
    # deep ties: 0; 1; 2 (below the cut 3, "several"); 3
    ("deep_ties", people(4), (), "none"),
    ("deep_ties", [row("A", **DEEP), *people(3)], (), "one"),
    ("deep_ties", people(2, **DEEP), (), "few"),
    ("deep_ties", people(3, **DEEP), (), "several"),
    # segment spread (normalised Blau, cut .6)
    ("diversity_segment", people(1), (), "one_person"),
    ("diversity_segment", people(4), (), "one_option"),                               # all peers: 0
    ("diversity_segment", [*people(3), row("S", segment="senior")], (), "uneven"),    # 1 - (.5625 + .0625) = .375 / (5/6) = .45
    ("diversity_segment", [*people(2), *people(2, "S", segment="senior")], (), "spread"),  # .5 / (5/6) = .6, at the cut
    # E-I on field: by who is more, inside or outside (its sign)
    ("openness_field", people(4), (), "all_inside"),
    ("openness_field", [*people(3), row("D", field="different")], (), "more_inside"),
    ("openness_field", [*people(2), *people(2, "D", field="different")], (), "even"),
    ("openness_field", [row("A"), *people(3, field="different")], (), "more_outside"),
    ("openness_field", people(1, field="different"), (), "all_outside"),
    ("openness_organisation", people(1, organisation="same_team"), (), "all_inside"),  # my team is inside
    # density: pairs, ties, cut .5
    ("density", people(1), (), "no_pairs"),
    ("density", people(4), (), "none"),
    ("density", people(4), all_pairs(4)[:1], "some"),                                  # 1 of 6
    ("density", people(4), all_pairs(4)[:3], "many"),                                  # 3 of 6 = .5, at the cut
    ("density", people(2), all_pairs(2), "all"),                                       # the one pair
    # effective size: n - 2t/n
    ("effective_size", people(1), (), "one"),
    ("effective_size", people(5), (), "no_overlap"),                                   # 5 - 0 = 5
    ("effective_size", people(4), all_pairs(4)[:1], "some_overlap"),                   # 4 - 2/4 = 3.5
    ("effective_size", people(3), all_pairs(3), "all_overlap"),                        # 3 - 6/3 = 1
    # constraint (cut .4)
    ("constraint", people(1), (), "one"),                                              # (1/1)^2 = 1
    ("constraint", people(2), (), "high_apart"),                                       # 2 * (1/2)^2 = .5
    ("constraint", people(4), (), "low_apart"),                                        # 4 * (1/4)^2 = .25
    ("constraint", people(4), all_pairs(4)[:1], "high_knit"),                          # 26/64 = .406 (above)
    # 8 people, one pair: 2 * (1/8 + 1/8 * 1/2)^2 + 6 * (1/8)^2 = 2 * 9/256 + 6/64 = .0703 + .0938 = .164
    ("constraint", people(8), all_pairs(8)[:1], "low_knit"),
])
def test_measure_case__hand_worked_maps__the_sentence_that_is_true(measure_id, rows, ties, case):
    assert case_of(measure_id, rows, ties) == case


def test_measure__five_people_and_no_ties__independent_contacts_not_because_many_know_each_other():
    # 5 people, no pairs marked: effective size 5 - 0 = 5, and the sentence says none know each other
    m = measure_network(make_roster(*people(5)), CONTENT).measure("effective_size")
    assert (m.value, m.display, m.case) == (5.0, "5.0 of 5", "no_overlap")
    assert m.meaning == ("None of your people know each other, so each counts as an independent contact, 5 in all: "
                         "each is a way into a different circle.")


def test_measure__twenty_five_all_tied__constraint_low_yet_no_sentence_says_they_rarely_overlap():
    # 25 people, all 300 pairs: density 1; effective size 25 - 2 * 300 / 25 = 1;
    # constraint: each alter has n ties, so p = 1/n everywhere and, over the n - 1 other alters,
    # c_j = (1/n + (n - 1)/n^2)^2 = ((2n - 1)/n^2)^2; total (2n - 1)^2 / n^3 = 49^2 / 25^3 = .1537,
    # low only because the ties are spread over 25 people
    report = measure_network(make_roster(*people(25), ties=all_pairs(25)), CONTENT)
    assert [report.measure(m).case for m in ("density", "effective_size", "constraint")] == [
        "all", "all_overlap", "low_knit"]
    assert report.measure("constraint").value == pytest.approx(49 ** 2 / 25 ** 3)
    assert report.measure("effective_size").display == "1.0 of 25"


# People-known shapes from 1 to 25 people: nobody tied, a chain, everyone tied; all in one
# segment or one in each segment in turn.
SHAPES = ("no_ties", "chain", "all_tied")
SEGMENTS = tuple(c.id for c in CONTENT.field("segment").choices)


def shaped(n, shape, spread):
    rows = [row(f"P{i}", segment=SEGMENTS[i % len(SEGMENTS)] if spread else "peers",
                **(DEEP if i % 4 == 0 else {})) for i in range(n)]
    chain = [(f"P{i}", f"P{i + 1}") for i in range(n - 1)]
    ties = {"no_ties": [], "chain": chain, "all_tied": all_pairs(n)}[shape]
    return make_roster(*rows, ties=ties)


@pytest.mark.parametrize("spread", [False, True], ids=["one_segment", "all_segments"])
@pytest.mark.parametrize("shape", SHAPES)
def test_measure_sentences__every_n_from_1_to_25__filled_in_and_agreeing(shape, spread):
    for n in range(1, 26):
        roster = shaped(n, shape, spread)
        report = measure_network(roster, CONTENT)
        cases = {m.id: m.case for m in report.measures}
        ties = len(roster.ties)
        for m in report.measures:
            assert m.case in dict(CONTENT.measure(m.id).says), (n, m.id)
            assert m.meaning.endswith(".") and "{" not in m.meaning, (n, m.id)
        if n == 1:
            # one person: no pairs, and every sentence that depends on others says there is one person
            assert (cases["size"], cases["density"], cases["effective_size"], cases["constraint"]) == (
                "one", "no_pairs", "one", "one")
            assert cases["diversity_segment"] == "one_person" and report.measure("density").value is None
        elif ties == 0:
            # nobody tied: no sentence may say that people know each other
            assert cases["density"] == "none" and cases["effective_size"] == "no_overlap"
            assert cases["constraint"] in ("high_apart", "low_apart")
        elif ties == n * (n - 1) // 2:
            assert cases["density"] == "all" and cases["effective_size"] == "all_overlap"
            assert cases["constraint"] in ("high_knit", "low_knit")
        else:
            assert cases["density"] in ("some", "many") and cases["effective_size"] == "some_overlap"
            assert cases["constraint"] in ("high_knit", "low_knit")
        if n > 1:
            # one segment held exactly when everyone is in peers (n >= 2 spread over segments: 2 or more held)
            assert (cases["diversity_segment"] == "one_option") == (not spread)


def test_measure_sentences__two_people__one_pair_and_its_words():
    # 2 people, tied: density 1 of 1 pair; effective size 2 - 2/2 = 1; constraint each (1/2 + 1/2 * 1/2)^2 = 9/16, total 1.125
    report = measure_network(make_roster(*people(2), ties=all_pairs(2)), CONTENT)
    density = report.measure("density")
    assert (density.case, density.display) == ("all", "100% (1 of 1)")
    assert report.measure("constraint").value == pytest.approx(1.125)
    assert report.measure("constraint").case == "high_knit"
    assert report.measure("effective_size").meaning.startswith("All of your people know each other, so together")


@pytest.mark.parametrize("seed", range(40))
def test_measure_sentences__random_maps__each_case_holds_what_its_sentence_says(seed):
    # Random maps of 1 to 25 people with random fields and pairs; each chosen case is checked
    # against the numbers its sentence speaks of ("most" = more than half, "some know each
    # other" = ties but not every pair, and so on).
    rnd = random.Random(seed)
    n = rnd.randint(1, 25)
    pick = lambda field: rnd.choice(CONTENT.field(field).ids())  # noqa: E731
    rows = [row(f"P{i}", **{f: pick(f) for f in ("segment", "field", "organisation", "level", "stage", "favour",
                                                  "last_contact", "giving")}) for i in range(n)]
    density = rnd.random()
    ties = [p for p in all_pairs(n) if rnd.random() < density]
    roster = make_roster(*rows, ties=ties)
    report = measure_network(roster, CONTENT)
    m = {x.id: x for x in report.measures}
    pairs, t, deep = n * (n - 1) // 2, len(ties), m["deep_ties"].value
    holds = {
        "none": t == 0 and pairs > 0, "some": 0 < t < pairs and m["density"].value < 0.5,
        "many": 0 < t < pairs and m["density"].value >= 0.5, "all": t == pairs > 0, "no_pairs": n == 1,
    }
    assert holds[m["density"].case]
    assert {"one": n == 1, "no_overlap": t == 0 and n > 1, "all_overlap": t == pairs > 0,
            "some_overlap": 0 < t < pairs and 1 < m["effective_size"].value < n}[m["effective_size"].case]
    assert m["constraint"].case.endswith("_apart") == (n > 1 and t == 0)
    depth = m["depth"].value
    assert {"one_deep": n == 1 and depth >= 0.7, "one_not_deep": n == 1 and depth < 0.7,
            "deep": n > 1 and depth >= 0.7, "some_deep": n > 1 and deep >= 1 and depth < 0.7,
            "none_deep": n > 1 and deep == 0}[m["depth"].case]
    for field in ("field", "organisation"):
        _, inside, outside = ei_index(roster, field, CONTENT)
        assert {"all_inside": outside == 0, "all_outside": inside == 0, "even": inside == outside,
                "more_inside": 0 < outside < n / 2, "more_outside": 0 < inside < n / 2}[m[f"openness_{field}"].case]
    for d in report.diversity:
        used = sum(1 for _, c in d.counts if c)
        assert {"one_person": n == 1, "one_option": n > 1 and used == 1, "uneven": used > 1 and d.blau_normalised < 0.6,
                "spread": used > 1 and d.blau_normalised >= 0.6}[m[f"diversity_{d.field}"].case]
