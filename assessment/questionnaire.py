"""Frozen models of the instrument: what a person is asked and how answers are scored.

Built once from content (see ``content/load.py``); never mutated afterwards. Structure (ids,
scales, weights) comes from ``content/questionnaire.yaml``; every human-readable string
comes from a language file such as ``content/en/questionnaire.yaml``.

Answers are a flat mapping ``answer key -> option id`` (both strings), so they fit
session state, JSON and a database column alike:

- a scale or choice item is answered under its own id: ``{"reach_size": "agree"}``;
- a segment grid is answered per cell: ``"<item id>.<segment id>.<column id>"``,
  e.g. ``{"grid.peers.known": "6-20", "grid.peers.favour": "2-3"}``.

``AnswerKey`` is the one owner of that format; ``Questionnaire.choices``, ``key_label`` and
``answered`` answer what a key allows, what it reads as and how far a person is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

Axis = Literal["width", "depth"]
ItemKind = Literal["scale", "choice", "segment_grid"]


@dataclass(frozen=True, slots=True)
class AnswerKey:
    """Where one answer is kept: an item's id, or ``<item>.<segment>.<column>`` for a grid cell."""

    item: str
    segment: str | None = None
    column: str | None = None

    @classmethod
    def parse(cls, text: str) -> AnswerKey:
        item, _, rest = text.partition(".")
        if not rest:
            return cls(item)
        segment, _, column = rest.partition(".")
        return cls(item, segment, column)

    def __str__(self) -> str:
        return self.item if self.segment is None else f"{self.item}.{self.segment}.{self.column}"


@dataclass(frozen=True, slots=True)
class Option:
    """One answer a person can pick; ``value`` is its score from 0 (low) to 1 (high), or None for an
    answer that is not scored ("this has not happened"): the item then leaves its dimension's mean."""

    id: str
    value: float | None
    label: str


@dataclass(frozen=True, slots=True)
class Scale:
    """A labelled set of options shared by several items (agreement, frequency, bands)."""

    id: str
    options: tuple[Option, ...]

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True, slots=True)
class Band:
    """A count band of the segment grid: an option, the head-count it stands for, and the range of
    people it means (``least`` to ``most``; ``most`` None when it has no top, e.g. "51+")."""

    id: str
    value: float
    count: float
    label: str
    least: float = 0
    most: float | None = None


@dataclass(frozen=True, slots=True)
class GridColumn:
    """One question asked of every segment, e.g. 'how many people do you know there'."""

    id: str
    dimension: str
    bands: tuple[Band, ...]
    label: str
    help: str

    def band(self, band_id: str) -> Band | None:
        return next((b for b in self.bands if b.id == band_id), None)


@dataclass(frozen=True, slots=True)
class Segment:
    """A part of a professional network where it can be wide or deep."""

    id: str
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Dimension:
    """A measured quality of a network; feeds either Width or Depth with a weight."""

    id: str
    axis: Axis
    weight: float
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Item:
    """One question. ``options`` is set for scale and choice items; ``columns`` for grids."""

    id: str
    kind: ItemKind
    dimension: str | None
    guidance: tuple[str, ...]
    reverse: bool
    text: str
    help: str
    options: tuple[Option, ...] = ()
    columns: tuple[GridColumn, ...] = ()
    split_from: str | None = None    # an earlier item that asked this together with another idea

    def answer_keys(self, segments: tuple[Segment, ...]) -> tuple[str, ...]:
        """The keys under which this item's answers are stored."""
        if self.kind == "segment_grid":
            return tuple(str(AnswerKey(self.id, s.id, c.id)) for s in segments for c in self.columns)
        return (self.id,)


@dataclass(frozen=True, slots=True)
class Step:
    """A short page of the questionnaire."""

    id: str
    title: str
    intro: str
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Profile:
    """One of the four quadrants of the wide-vs-deep map."""

    id: str
    wide: bool
    deep: bool
    name: str
    tagline: str
    summary: str
    prompt: str


@dataclass(frozen=True, slots=True)
class Advice:
    """A next step offered when ``dimension`` is among a person's weakest; ``parts``: the segments it
    can be about (empty: any part), so its card names the right one (``scoring.step_parts``)."""

    id: str
    dimension: str
    guidance: tuple[str, ...]
    title: str
    text: str
    parts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Caution:
    """A warning shown when a network is large but few would pass the favour test (G07).

    Given when ``dimension`` (the one measuring size, Reach) scores at least ``min_score`` while
    no part of the network is deep (``scoring.caution_applies``).
    """

    dimension: str
    min_score: float
    guidance: tuple[str, ...]
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Width and Depth at or above which a person counts as wide, or deep (0-100); the band scores at
    or above which a part of the network is wide, or deep; and ``places``, how many wide (deep)
    parts make a person wide (deep) even below the Width (Depth) threshold."""

    wide: float
    deep: float
    segment_wide: float
    segment_deep: float
    places: float = 3


@dataclass(frozen=True, slots=True)
class Questionnaire:
    """The whole instrument in one language."""

    id: str
    version: str
    language: str
    title: str
    intro: str
    segments: tuple[Segment, ...]
    dimensions: tuple[Dimension, ...]
    items: tuple[Item, ...]
    steps: tuple[Step, ...]
    profiles: tuple[Profile, ...]
    thresholds: Thresholds
    advice: tuple[Advice, ...]
    caution: Caution
    guidance: tuple[tuple[str, str], ...]
    advice_count: int = 3

    def item(self, item_id: str) -> Item:
        return next(i for i in self.items if i.id == item_id)

    def dimension(self, dimension_id: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == dimension_id)

    def profile(self, wide: bool, deep: bool) -> Profile:
        return next(p for p in self.profiles if p.wide == wide and p.deep == deep)

    def answer_keys(self) -> tuple[str, ...]:
        """Every key a complete set of answers holds, in questionnaire order."""
        return tuple(k for step in self.steps for i in step.items for k in self.item(i).answer_keys(self.segments))

    def choices(self, key: str) -> tuple[str, ...] | None:
        """The option ids ``key`` accepts; None when ``key`` is not a question of this questionnaire."""
        found = AnswerKey.parse(key)
        item = next((i for i in self.items if i.id == found.item), None)
        if item is None:
            return None
        if item.kind != "segment_grid":
            return tuple(o.id for o in item.options) if found.segment is None else None
        column = next((c for c in item.columns if c.id == found.column), None)
        if column is None or found.segment not in {s.id for s in self.segments}:
            return None
        return tuple(b.id for b in column.bands)

    def key_label(self, key: str) -> str:
        """What the question under ``key`` reads as: its text, or ``segment: column`` for a grid cell."""
        found = AnswerKey.parse(key)
        item = self.item(found.item)
        if found.segment is None:
            return item.text
        segment = next(s.name for s in self.segments if s.id == found.segment)
        column = next(c.label for c in item.columns if c.id == found.column)
        return f"{segment}: {column}"  # not-text: two content texts side by side

    def answers_as_read(self, answers: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
        """(question, answer) as the person saw them, in questionnaire order; an answer this
        questionnaire no longer asks, or an option it no longer offers, is left out (never a raw id)."""
        rows = []
        for key in self.answer_keys():
            chosen = answers.get(key)
            found = AnswerKey.parse(key)
            item = self.item(found.item)
            if found.segment is None:
                label = next((o.label for o in item.options if o.id == chosen), None)
            else:
                column = next(c for c in item.columns if c.id == found.column)
                label = next((b.label for b in column.bands if b.id == chosen), None)
            if label is not None:
                rows.append((self.key_label(key), label))
        return tuple(rows)

    def carry_over(self, answers: Mapping[str, str]) -> dict[str, str]:
        """``answers`` with each split item that lacks an answer given the answer of the item it was
        split from (an answer saved before the split asked both ideas at once), when it is one of its options."""
        carried = dict(answers)
        for item in self.items:
            source = answers.get(item.split_from) if item.split_from else None
            if source is not None and item.id not in carried and source in {o.id for o in item.options}:
                carried[item.id] = source
        return carried

    def answered(self, answers: Mapping[str, str]) -> int:
        """How many of this questionnaire's questions ``answers`` answers (progress)."""
        return sum(1 for k in self.answer_keys() if answers.get(k))


def middle_choice(choices: tuple[str, ...]) -> str:
    return choices[len(choices) // 2]


def complete_answers(q: Questionnaire, pick: Callable[[str, tuple[str, ...]], str] | None = None) -> dict[str, str]:
    """A full set of answers for tests and bench: ``pick(key, choices)`` chooses (the middle one by default)."""
    chosen = pick or (lambda _key, choices: middle_choice(choices))
    return {key: chosen(key, q.choices(key)) for key in q.answer_keys()}
