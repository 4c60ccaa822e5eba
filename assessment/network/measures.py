"""Roster -> measures of a personal (ego-centred) network, and how they feed Width and Depth.

Graphs: the *alter graph* holds the people on the map and who knows whom; the *ego network*
adds the person themself (node ``EGO``), tied to everyone on the map (Burt 1992).
Measures come from networkx where it has them. Constraint is computed on the adjacency matrix:
``nx.constraint`` for one node (or for all without SciPy, which requirements.txt lacks) is a
pure-Python loop taking about 55 ms for 25 fully tied people; tests check both agree.

Every measure is a ``Measure`` record: a plain name, one sentence of what it means for this
person, then the measure's own name (``term``), its value and display text, and the guidance
ids (GUIDANCE.md) it relates to. The sentence is one of the measure's cases (``CASES`` below),
chosen by conditions that make it true for any number of people from 1 to 25.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import networkx as nx
import numpy as np

from assessment.network.content import NetworkContent
from assessment.network.roster import Contact, Roster

EGO = -1  # node id of the person themself; contact ids are row indexes (>= 0)
DIVERSITY_FIELDS = ("segment", "organisation", "level")
OPENNESS_FIELDS = ("field", "organisation")


@dataclass(frozen=True, slots=True)
class Measure:
    """One measure of the network, explained for this person: plain ``name`` and ``meaning``
    first, then the measure's own ``term`` and its number (``display``) for those who want it.
    ``value`` is None (and ``display`` empty) when it is not defined: no people, or density with
    one person (no pairs). ``case`` is the sentence chosen (``MEASURE_CASES``; "empty" with nobody)."""

    id: str
    name: str
    term: str
    value: float | None
    display: str
    meaning: str
    case: str
    guidance: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Diversity:
    """How people spread over the options of one field (counts in option order).
    ``evenness`` is Pielou's J over the options that hold someone; None with no people."""

    field: str
    counts: tuple[tuple[str, int], ...]
    blau: float
    blau_normalised: float
    evenness: float | None


@dataclass(frozen=True, slots=True)
class RosterAxes:
    """Width and Depth (0-100) from the roster, with the 0-1 parts they are made of.

    Width = 100 * weighted mean of (weights in content ``axes.width``):
      diversity      = mean normalised Blau over segment, organisation and level (G10, G11);
      openness       = mean over field and organisation of (E-I + 1) / 2 (G09, G11);
      effective_size = min(1, effective size / references.effective_size) (G09, G12).
    Depth = 100 * weighted mean of (``axes.depth``):
      depth     = mean strength of the k strongest ties (G03, G13);
      deep_ties = min(1, deep ties / references.deep_ties): "several" deep ties (G04, G06).
    Both are 0 for an empty roster. Rounded to 1 decimal, like the questionnaire's scores, so
    ``network_blend.blend_roster`` can blend them with Width and Depth from the answers;
    ``people`` (how many are on the map) sets how much the map counts there.
    """

    width: float
    depth: float
    width_parts: tuple[tuple[str, float], ...]
    depth_parts: tuple[tuple[str, float], ...]
    people: int = 0


@dataclass(frozen=True, slots=True)
class NetworkReport:
    """Everything measured about one roster."""

    strengths: tuple[tuple[int, float], ...]  # (contact id, tie strength), in roster order
    measures: tuple[Measure, ...]
    diversity: tuple[Diversity, ...]
    axes: RosterAxes

    def strength(self, contact_id: int) -> float:
        return dict(self.strengths)[contact_id]

    def measure(self, measure_id: str) -> Measure:
        return next(m for m in self.measures if m.id == measure_id)


def tie_strength(contact: Contact, content: NetworkContent) -> float:
    """Weighted mean of the option weights of the strength fields, 0 (weak) to 1 (strong).

    s = sum_f w_f * x_f / sum_f w_f over f in {stage, favour, giving, last_contact}.
    Granovetter (1973) defines tie strength as a combination of time, emotional intensity,
    intimacy (mutual confiding) and reciprocal services: here recency (last_contact), how well
    you know each other (stage; G05), the favour test (G06) and mutual help (giving; G15).
    Weights are in content (``strength``); closeness weighs most, after Marsden & Campbell
    (1984), who found it the best single indicator of strength.
    """
    total = sum(w for _, w in content.strength)
    return sum(w * content.field(f).choice(getattr(contact, f)).weight for f, w in content.strength) / total


def alter_graph(roster: Roster) -> nx.Graph:
    """The people on the map as nodes (contact ids) and who knows whom as edges."""
    graph = nx.Graph()
    graph.add_nodes_from(c.id for c in roster.contacts)
    graph.add_edges_from(roster.ties)
    return graph


def ego_network(roster: Roster) -> nx.Graph:
    """The alter graph plus ``EGO`` tied to every person on it."""
    graph = alter_graph(roster)
    graph.add_edges_from((EGO, c.id) for c in roster.contacts)
    return graph


def network_depth(strengths: list[float], top_k: int) -> float:
    """Mean strength of the k strongest ties, k = min(top_k, n); 0 for no ties.

    Only the strongest ties count, so adding weak contacts never lowers depth: G03 asks for a
    network deep "in places", G13 for a few meaningful relationships.
    """
    k = min(top_k, len(strengths))
    return sum(sorted(strengths, reverse=True)[:k]) / k if k else 0.0


def diversity(roster: Roster, field: str, content: NetworkContent) -> Diversity:
    """Spread over a field's k options: Blau's index (0-1) and Pielou's evenness J (0-1).

    Blau (1977): B = 1 - sum_i p_i^2, normalised by its maximum 1 - 1/k (Agresti & Agresti
    1978's index of qualitative variation); 0 with no people or when k = 1.
    Pielou (1966): J = H / ln S with H = -sum_i p_i ln p_i and S the number of options that
    hold someone (not all k): how evenly people spread over the options they are in. With one
    option held (S = 1), H = ln S = 0: every option held is held equally, so J = 1 by
    definition. J says nothing about options nobody holds; Blau (which feeds Width) does.
    ``evenness`` is None with no people.
    """
    ids = content.field(field).ids()
    tally = Counter(getattr(c, field) for c in roster.contacts)
    counts = tuple((i, tally[i]) for i in ids)
    n, k = len(roster.contacts), len(ids)
    if n == 0:
        return Diversity(field, counts, 0.0, 0.0, None)
    shares = [c / n for _, c in counts if c]
    blau = 1 - sum(p * p for p in shares)
    entropy = -sum(p * math.log(p) for p in shares)
    evenness = entropy / math.log(len(shares)) if len(shares) > 1 else 1.0
    return Diversity(field, counts, blau, blau / (1 - 1 / k) if k > 1 else 0.0, evenness)


def ei_index(roster: Roster, field: str, content: NetworkContent) -> tuple[float, int, int]:
    """Krackhardt & Stern's (1988) E-I index of ego's ties on one field: (E - I) / (E + I).

    E counts people whose option is "external" (rule ``external``: another field, another
    organisation), I the rest. -1 = all inside, +1 = all outside (G09, G11); 0 with no people.
    Returns (index, inside, outside).
    """
    external = dict(content.rule("external")).get(field, frozenset())
    outside = sum(getattr(c, field) in external for c in roster.contacts)
    inside = len(roster.contacts) - outside
    return ((outside - inside) / (outside + inside) if roster.contacts else 0.0), inside, outside


def ego_constraint(graph: nx.Graph) -> float:
    """Burt's (1992) constraint on EGO: c = sum_j (p_ej + sum_q p_eq p_qj)^2 over EGO's contacts j.

    p_ij = a_ij / sum_k a_ik is the share of i's ties that go to j (unweighted, undirected).
    Equals ``nx.constraint(graph, nodes=[EGO])``, computed on the adjacency matrix for speed.
    High when contacts are few or all know each other; low when they are many and apart.
    """
    if graph.degree(EGO) == 0:
        return math.nan
    nodes = list(graph)
    adjacency = nx.to_numpy_array(graph, nodelist=nodes)
    p = adjacency / np.maximum(adjacency.sum(axis=1, keepdims=True), 1)
    e = nodes.index(EGO)
    row = p[e] + p[e] @ p
    return float(np.sum(row[adjacency[e] > 0] ** 2))


def measure_network(roster: Roster, content: NetworkContent) -> NetworkReport:
    """All measures of a roster, each explained, plus its Width and Depth parts."""
    strengths = tuple((c.id, tie_strength(c, content)) for c in roster.contacts)
    values = [s for _, s in strengths]
    n, t = len(roster.contacts), content.thresholds
    spread = tuple(diversity(roster, f, content) for f in DIVERSITY_FIELDS)
    ei = {f: ei_index(roster, f, content) for f in OPENNESS_FIELDS}
    ego = ego_network(roster)
    alters = alter_graph(roster)
    deep = sum(s >= t.deep_tie for s in values)
    pairs = n * (n - 1) // 2
    raw = {
        "size": (float(n), {}),
        "depth": (network_depth(values, t.top_k), {}),
        "deep_ties": (float(deep), {}),
        # no pairs with one person: density is not defined (networkx would say 0)
        "density": (nx.density(alters) if pairs else math.nan, {}),
        # Burt's effective size, n - 2t/n for an unweighted ego network (Borgatti 1997).
        "effective_size": (nx.effective_size(ego, nodes=[EGO])[EGO] if n else 0.0, {}),
        "constraint": (ego_constraint(ego) if n else math.nan, {}),
    }
    for d in spread:
        used = [(i, c) for i, c in d.counts if c]
        top = max(used, key=lambda ic: ic[1]) if used else (d.counts[0][0], 0)
        raw[f"diversity_{d.field}"] = (d.blau_normalised, {
            "used": len(used), "categories": len(d.counts), "top": content.label(d.field, top[0]),
            "top_share": 100 * top[1] / n if n else 0.0})
    for f, (index, inside, outside) in ei.items():
        raw[f"openness_{f}"] = (index, {"inside": inside, "outside": outside})
    base = {"n": n, "k": min(t.top_k, n), "top_k": t.top_k, "deep": deep,
            "ties": alters.number_of_edges(), "pairs": pairs}
    measures = tuple(_explain(content, m.id, *raw[m.id], base) for m in content.measures)
    return NetworkReport(strengths, measures, spread, _axes(spread, ei, raw, content))


def _axes(spread: tuple[Diversity, ...], ei: dict, raw: dict, content: NetworkContent) -> RosterAxes:
    """Width and Depth from the measures; the formula is in ``RosterAxes``."""
    if not raw["size"][0]:
        zero = lambda parts: tuple((k, 0.0) for k, _ in parts)  # noqa: E731
        return RosterAxes(0.0, 0.0, zero(content.width_parts), zero(content.depth_parts), people=0)
    width = {
        "diversity": sum(d.blau_normalised for d in spread) / len(spread),
        "openness": sum((index + 1) / 2 for index, _, _ in ei.values()) / len(ei),
        "effective_size": min(1.0, raw["effective_size"][0] / content.reference("effective_size")),
    }
    depth = {"depth": raw["depth"][0], "deep_ties": min(1.0, raw["deep_ties"][0] / content.reference("deep_ties"))}
    return RosterAxes(
        _weighted(width, content.width_parts), _weighted(depth, content.depth_parts),
        tuple((k, round(width[k], 4)) for k, _ in content.width_parts),
        tuple((k, round(depth[k], 4)) for k, _ in content.depth_parts),
        people=int(raw["size"][0]),
    )


def _weighted(parts: dict[str, float], weights: tuple[tuple[str, float], ...]) -> float:
    total = sum(w for _, w in weights)
    return round(100 * sum(parts[k] * w for k, w in weights) / total, 1) if total else 0.0


def _explain(content: NetworkContent, measure_id: str, value: float, extra: dict, base: dict) -> Measure:
    text = content.measure(measure_id)
    values = {"used": 0, "categories": 0, "inside": 0, "outside": 0, "top": "", "top_share": 0.0,
              **base, **extra, "value": value, "pct": 100 * value}
    if not base["n"]:
        return Measure(measure_id, text.name, text.term.format(**values), None, "", content.empty, "empty",
                       text.guidance)
    case = CASES[measure_id](Facts(values, text.cut, content.thresholds.deep_tie))
    shown = None if math.isnan(value) else value
    return Measure(measure_id, text.name, text.term.format(**values), shown,
                   "" if shown is None else text.display.format(**values), text.sentence(case).format(**values),
                   case, text.guidance)


@dataclass(frozen=True, slots=True)
class Facts:
    """What the case rules read: the filled-in values of one measure, its cut and the deep-tie mark."""

    values: dict
    cut: float | None
    deep_tie: float

    def __getattr__(self, name: str):
        return self.values[name]


# Which sentence of a measure holds (content ``measures.<id>.says.<case>``), for n >= 1 people.
# Each case is chosen by the conditions that make its sentence true: a sentence about pairs needs
# pairs, one about people who know each other needs ties, "most" needs more than half, and so on.


def _size(f: Facts) -> str:
    return "one" if f.n == 1 else "few" if f.n < f.cut else "enough"


def _depth(f: Facts) -> str:
    # value = mean strength of the k strongest ties; "deep" is the deep-tie mark of the thresholds
    if f.n == 1:
        return "one_deep" if f.value >= f.deep_tie else "one_not_deep"
    return "deep" if f.value >= f.deep_tie else "some_deep" if f.deep else "none_deep"


def _deep_ties(f: Facts) -> str:
    return "none" if f.deep == 0 else "one" if f.deep == 1 else "few" if f.deep < f.cut else "several"


def _diversity(f: Facts) -> str:
    if f.n == 1:
        return "one_person"
    return "one_option" if f.used == 1 else "uneven" if f.value < f.cut else "spread"


def _openness(f: Facts) -> str:
    if f.outside == 0:
        return "all_inside"
    if f.inside == 0:
        return "all_outside"
    return "more_inside" if f.inside > f.outside else "more_outside" if f.outside > f.inside else "even"


def _density(f: Facts) -> str:
    if f.pairs == 0:
        return "no_pairs"
    if f.ties == 0:
        return "none"
    return "all" if f.ties == f.pairs else "many" if f.value >= f.cut else "some"


def _effective_size(f: Facts) -> str:
    if f.n == 1:
        return "one"
    return "no_overlap" if f.ties == 0 else "all_overlap" if f.ties == f.pairs else "some_overlap"


def _constraint(f: Facts) -> str:
    # High constraint comes from few people or from people who know each other (Burt 1992): with
    # no ties marked it can only be the first, so the sentence says which.
    if f.n == 1:
        return "one"
    high = f.value >= f.cut
    if f.ties == 0:
        return "high_apart" if high else "low_apart"
    return "high_knit" if high else "low_knit"


CASES = {
    "size": _size, "depth": _depth, "deep_ties": _deep_ties,
    "diversity_segment": _diversity, "diversity_organisation": _diversity, "diversity_level": _diversity,
    "openness_field": _openness, "openness_organisation": _openness,
    "density": _density, "effective_size": _effective_size, "constraint": _constraint,
}
