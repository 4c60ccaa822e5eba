"""Roster -> a contacts-to-connections plan: whom to revive, whom to deepen, which bridges to tend.

Three lists, each person in at most one (first match wins, in this order):

1. **Depth at risk** — strong ties (rule ``strong``: stage credibility or profitability, or
   favour "definitely") last contacted longer ago than a quarter (rule ``stale``). Ties decay
   when left alone: Burt (2000, "Decay functions", Social Networks 22) found work relationships
   fade quickly unless renewed, bridges fastest; Roberts & Dunbar (2011) found emotional
   closeness falls as contact becomes rarer. The quarter cut is our design choice (content),
   not a figure from those studies. Levin, Walter & Murnighan (2011) found reviving dormant
   ties pays off, hence the action: get back in touch (G08).
2. **Bridges** — people who link otherwise separate groups among the people listed (Burt 1992):
   articulation points of the alter graph (removing them splits it), or high normalised
   betweenness (Freeman 1977, >= ``thresholds.bridge_betweenness``), or the only person in a
   segment (the single tie into that part of the network, G03/G09).
3. **Worth deepening** — people at an early stage (rule ``deepen``: visibility or credibility),
   not yet deep ties, in segments that are thin: fewer than ``thresholds.thin_segment`` deep
   ties there (G03: deep "in places"; G13).

Each item carries a give-first action (G15) from content; actions never contain the person's
name. Names stay plain data fields: escape them wherever they meet HTML or markdown.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from assessment.network.measures import NetworkReport, alter_graph
from assessment.network.content import NetworkContent
from assessment.network.roster import Contact, Roster

KINDS = ("at_risk", "bridges", "deepen")  # priority order: a person lands in the first that fits
BRIDGE_REASONS = ("articulation", "betweenness", "only_in_segment")


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One person in a plan list. ``name`` is raw user text: escape it before display."""

    kind: str
    contact_id: int
    name: str
    segment: str          # option id; label via content.label("segment", …)
    reason: str           # stale | articulation | betweenness | only_in_segment | thin_segment
    strength: float
    action: str
    guidance: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlanList:
    """One list of the plan, with its title and intro text."""

    kind: str
    title: str
    intro: str
    items: tuple[PlanItem, ...]


@dataclass(frozen=True, slots=True)
class NetworkPlan:
    """The three lists, in display order: at risk, worth deepening, bridges."""

    lists: tuple[PlanList, ...]

    def items(self, kind: str) -> tuple[PlanItem, ...]:
        return next(p.items for p in self.lists if p.kind == kind)


def plan_connections(
    roster: Roster, report: NetworkReport, content: NetworkContent
) -> NetworkPlan:
    """The contacts-to-connections plan for a roster, with the strengths of its ``report``."""
    strength = dict(report.strengths)
    placed: set[int] = set()
    found: dict[str, list[tuple[Contact, str]]] = {}
    for kind, pick in (("at_risk", at_risk), ("bridges", bridges), ("deepen", worth_deepening)):
        found[kind] = [(c, why) for c, why in pick(roster, strength, content) if c.id not in placed]
        placed.update(c.id for c, _ in found[kind])
    lists = []
    for kind in ("at_risk", "deepen", "bridges"):
        text = content.plan_text(kind)
        items = tuple(_item(kind, c, why, strength[c.id], content) for c, why in found[kind])
        lists.append(PlanList(kind, text.title, text.intro, items[: content.thresholds.plan_items]))
    return NetworkPlan(tuple(lists))


def at_risk(roster: Roster, strength: dict[int, float], content: NetworkContent) -> list[tuple[Contact, str]]:
    """Strong ties not contacted for longer than a quarter, strongest first."""
    hits = [c for c in roster.contacts if content.matches("strong", c) and content.matches("stale", c)]
    return [(c, "stale") for c in _strongest_first(hits, strength)]


def bridges(roster: Roster, strength: dict[int, float], content: NetworkContent) -> list[tuple[Contact, str]]:
    """People who link separate groups: articulation points, high betweenness, or sole tie into a segment."""
    graph = alter_graph(roster)
    cut = set(nx.articulation_points(graph))
    between = nx.betweenness_centrality(graph, normalized=True) if graph.number_of_edges() else {}
    in_segment = Counter(c.segment for c in roster.contacts)
    several = len(roster.contacts) >= 2
    reasons = []
    for c in roster.contacts:
        if c.id in cut:
            reasons.append((c, "articulation"))
        elif between.get(c.id, 0.0) >= content.thresholds.bridge_betweenness:
            reasons.append((c, "betweenness"))
        elif several and in_segment[c.segment] == 1:
            reasons.append((c, "only_in_segment"))
    rank = {r: i for i, r in enumerate(BRIDGE_REASONS)}
    return sorted(reasons, key=lambda cw: (rank[cw[1]], -between.get(cw[0].id, 0.0), -strength[cw[0].id], cw[0].name))


def worth_deepening(roster: Roster, strength: dict[int, float], content: NetworkContent) -> list[tuple[Contact, str]]:
    """Early-stage, not-yet-deep ties in thin segments, those closest to deep first."""
    t = content.thresholds
    deep_in = Counter(c.segment for c in roster.contacts if strength[c.id] >= t.deep_tie)
    hits = [c for c in roster.contacts
            if content.matches("deepen", c) and strength[c.id] < t.deep_tie and deep_in[c.segment] < t.thin_segment]
    return [(c, "thin_segment") for c in _strongest_first(hits, strength)]


def _strongest_first(contacts: list[Contact], strength: dict[int, float]) -> list[Contact]:
    return sorted(contacts, key=lambda c: (-strength[c.id], c.name.casefold()))


def _item(kind: str, contact: Contact, reason: str, strength: float, content: NetworkContent) -> PlanItem:
    text = content.plan_text(kind)
    key = {"at_risk": contact.giving, "deepen": contact.stage}.get(kind, reason)
    action = text.action(key).format(segment=content.label("segment", contact.segment))
    return PlanItem(kind, contact.id, contact.name, contact.segment, reason, round(strength, 4), action, text.guidance)
