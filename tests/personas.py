"""Whole people, as answer sets for the real questionnaire (tests/test_personas.py, scripts/screenshots.py).

A persona says how strong each dimension is (0 to 1: the option whose score is nearest is picked,
reverse-keyed items the other way round) and what it chose in the grid, part by part. Built with
the questionnaire's own ``complete_answers``, so a question added to the content is answered too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from assessment.questionnaire import AnswerKey, Questionnaire, complete_answers

SEGMENTS = ("own_field", "other_fields", "senior", "peers", "junior", "outside_org")


@dataclass(frozen=True, slots=True)
class Persona:
    """``levels``: dimension id -> 0..1 (unlisted: ``rest``); ``grid``: segment id -> (known band, favour band)."""

    name: str
    levels: Mapping[str, float]
    grid: Mapping[str, tuple[str, str]]
    rest: float = 0.5
    answers_given: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def answers(self, q: Questionnaire) -> dict[str, str]:
        def pick(key: str, choices: tuple[str, ...]) -> str:
            if key in self.answers_given:
                return self.answers_given[key]
            found = AnswerKey.parse(key)
            if found.segment is not None:
                known, favour = self.grid[found.segment]
                return known if found.column == "known" else favour
            item = q.item(found.item)
            want = self.levels.get(item.dimension, self.rest)
            want = 1 - want if item.reverse else want
            scored = [o for o in item.options if o.value is not None]  # an unscored answer is never "closest"
            return min(scored, key=lambda o: abs(o.value - want)).id  # first of equals
        return complete_answers(q, pick)


def everywhere(known: str, favour: str) -> Mapping[str, tuple[str, str]]:
    return MappingProxyType({s: (known, favour) for s in SEGMENTS})


WIDTH = ("reach", "openness", "span", "curiosity")
DEPTH = ("trust", "nurture", "giving", "connecting")

# Knows many people everywhere; one at most would do a favour in any part.
MILE_WIDE = Persona(
    "mile-wide, inch-deep",
    {**{d: 0.9 for d in WIDTH}, **{d: 0.25 for d in DEPTH}},
    everywhere("over_50", "one"),
)

# Few people, in a few places, but several in each of those would do a favour.
DEEP_NARROW = Persona(
    "deep-narrow",
    {**{d: 0.25 for d in WIDTH}, **{d: 0.85 for d in DEPTH}},
    MappingProxyType({
        "own_field": ("6_20", "4_9"), "other_fields": ("1_5", "none"), "senior": ("1_5", "2_3"),
        "peers": ("6_20", "4_9"), "junior": ("1_5", "one"), "outside_org": ("none", "none"),
    }),
)

# Knows 51+ and has 10 or more favour-ready people in every part (the "balanced" person).
BALANCED = Persona("balanced", {}, everywhere("over_50", "over_9"), rest=0.75)

# A small network: a handful of people in some parts, nobody yet who would do a favour.
BEGINNER = Persona(
    "beginner",
    {},
    MappingProxyType({
        "own_field": ("1_5", "one"), "other_fields": ("none", "none"), "senior": ("1_5", "none"),
        "peers": ("1_5", "none"), "junior": ("none", "none"), "outside_org": ("1_5", "none"),
    }),
    rest=0.2,
)

# The middle option of every question (complete_answers' default): 6-20 known, 2-3 favour-ready everywhere.
ALL_MIDDLE = Persona("all-middle", {}, everywhere("6_20", "2_3"))

# A realistic person for the README: wide where they work, deep in their own field and with peers.
MIXED = Persona(
    "wide in places, deep in others",
    {"reach": 0.75, "openness": 0.6, "span": 0.55, "curiosity": 0.7, "trust": 0.65, "nurture": 0.5,
     "giving": 0.6, "connecting": 0.45},
    MappingProxyType({
        "own_field": ("over_50", "4_9"), "other_fields": ("21_50", "one"), "senior": ("6_20", "2_3"),
        "peers": ("21_50", "over_9"), "junior": ("6_20", "none"), "outside_org": ("over_50", "one"),
    }),
)

# Impossible rows: nobody known among seniors yet one favour-ready; 1-5 juniors known, 10 or more favour-ready.
IMPOSSIBLE = Persona(
    "impossible grid",
    {},
    MappingProxyType({
        **everywhere("6_20", "2_3"), "senior": ("none", "one"), "junior": ("1_5", "over_9"),
    }),
)
