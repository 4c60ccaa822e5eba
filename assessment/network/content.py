"""Frozen models of the network map's content: option ids, weights, rules and text.

Built by ``assessment.content.load.load_network_content`` from ``content/network.yaml`` (the
structure), ``content/<language>/network.yaml`` (the words) and the questionnaire (the
segments), and never mutated. The ids below are the ones the code relies on; the schema
(``assessment/content/network_schema.py``) asks the files for exactly these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


FIELD_IDS = ("segment", "field", "organisation", "level", "stage", "favour", "last_contact", "giving")
RULE_IDS = ("external", "strong", "stale", "deepen", "outer_ring")
MEASURE_IDS = (
    "size", "depth", "deep_ties", "diversity_segment", "diversity_organisation", "diversity_level",
    "openness_field", "openness_organisation", "density", "effective_size", "constraint",
)
# The cases each measure's sentence is chosen from (assessment/network/measures.py decides which
# holds, from conditions that make its sentence true); content/<language>/network.yaml words each.
DIVERSITY_CASES = ("one_person", "one_option", "uneven", "spread")
OPENNESS_CASES = ("all_inside", "more_inside", "even", "more_outside", "all_outside")
MEASURE_CASES = {
    "size": ("one", "few", "enough"),
    "depth": ("one_deep", "one_not_deep", "deep", "some_deep", "none_deep"),
    "deep_ties": ("none", "one", "few", "several"),
    "diversity_segment": DIVERSITY_CASES,
    "diversity_organisation": DIVERSITY_CASES,
    "diversity_level": DIVERSITY_CASES,
    "openness_field": OPENNESS_CASES,
    "openness_organisation": OPENNESS_CASES,
    "density": ("no_pairs", "none", "some", "many", "all"),
    "effective_size": ("one", "no_overlap", "some_overlap", "all_overlap"),
    "constraint": ("one", "high_apart", "high_knit", "low_apart", "low_knit"),
}
# Measures with a `cut` in content/network.yaml: the value that separates two of their cases.
MEASURE_CUTS = ("size", "deep_ties", "diversity_segment", "diversity_organisation", "diversity_level",
                "density", "constraint")
AXIS_PARTS = {"width": ("diversity", "openness", "effective_size"), "depth": ("depth", "deep_ties")}
THRESHOLD_IDS = ("deep_tie", "top_k", "thin_segment", "bridge_betweenness", "plan_items")
PLAN_ACTIONS = {"at_risk": "giving", "deepen": "stage", "bridges": ("articulation", "betweenness", "only_in_segment")}
CHART_KEYS = ("you", "map_title", "rings", "groups", "strength", "ties", "diversity_title", "deep", "other", "people")
RING_KEYS = ("inner", "middle", "outer")
GROUP_KEYS = ("segment", "organisation", "level")


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a field; ``weight`` (0-1) feeds tie strength, None when unweighted."""

    id: str
    label: str
    weight: float | None


@dataclass(frozen=True, slots=True)
class Field:
    """A fixed-choice question asked about every person on the map."""

    id: str
    label: str
    choices: tuple[Choice, ...]

    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.choices)

    def choice(self, option_id: str) -> Choice:
        return next(c for c in self.choices if c.id == option_id)


@dataclass(frozen=True, slots=True)
class MeasureText:
    """How one measure is named and explained: a plain ``name``, the measure's own ``term`` and
    ``display`` (its number) for those who want it, and one sentence per case (``MEASURE_CASES``).
    ``cut`` is None for a measure whose cases need none (``MEASURE_CUTS``)."""

    id: str
    guidance: tuple[str, ...]
    cut: float | None
    name: str
    term: str
    display: str
    says: tuple[tuple[str, str], ...]

    def sentence(self, case: str) -> str:
        return dict(self.says)[case]


@dataclass(frozen=True, slots=True)
class PlanText:
    """Title, intro and action templates of one list in the contacts-to-connections plan."""

    id: str
    guidance: tuple[str, ...]
    title: str
    intro: str
    actions: tuple[tuple[str, str], ...]

    def action(self, key: str) -> str:
        found = dict(self.actions)
        return found.get(key, found["default"])


@dataclass(frozen=True, slots=True)
class Thresholds:
    deep_tie: float
    top_k: int
    thin_segment: int
    bridge_betweenness: float
    plan_items: int


@dataclass(frozen=True, slots=True)
class NetworkContent:
    """Everything the network map needs from content, in one language."""

    language: str
    max_contacts: int
    max_name_length: int
    fields: tuple[Field, ...]
    strength: tuple[tuple[str, float], ...]
    rules: tuple[tuple[str, tuple[tuple[str, frozenset[str]], ...]], ...]
    thresholds: Thresholds
    width_parts: tuple[tuple[str, float], ...]
    depth_parts: tuple[tuple[str, float], ...]
    references: tuple[tuple[str, float], ...]
    measures: tuple[MeasureText, ...]
    empty: str
    plan: tuple[PlanText, ...]
    chart: tuple[tuple[str, str], ...]  # rings and groups flattened: ring_inner, group_level, …

    def field(self, field_id: str) -> Field:
        return next(f for f in self.fields if f.id == field_id)

    def label(self, field_id: str, option_id: str) -> str:
        return self.field(field_id).choice(option_id).label

    def rule(self, rule_id: str) -> tuple[tuple[str, frozenset[str]], ...]:
        return dict(self.rules)[rule_id]

    def matches(self, rule_id: str, contact: Any) -> bool:
        """True when any field named by the rule holds one of the rule's options."""
        return any(getattr(contact, f) in ids for f, ids in self.rule(rule_id))

    def reference(self, key: str) -> float:
        return dict(self.references)[key]

    def measure(self, measure_id: str) -> MeasureText:
        return next(m for m in self.measures if m.id == measure_id)

    def plan_text(self, kind: str) -> PlanText:
        return next(p for p in self.plan if p.id == kind)

    def chart_text(self, key: str) -> str:
        return dict(self.chart)[key]
