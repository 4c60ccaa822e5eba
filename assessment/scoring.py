"""Answers -> dimension scores, Width and Depth, where the network is wide or deep, profile, advice.

The method is written once, for people, on the Method page (ui/method_view.py with
content/en/ui/method.yaml, its facts filled in from the content); tests/test_scoring.py works
each rule through by hand and tests/test_personas.py tries them on whole people. In code order:
option values (reverse-keyed items count ``1 - value``), a grid column's mean over segments,
dimension = 100 * mean, Width/Depth = weighted means, per-segment wide/deep from the bands chosen,
the profile from the scores *and* the segment map (``profile_flags``), advice for the weakest
dimensions or, when they are close, from the segment map (``choose_advice``), and the caution
(G07) when Reach is high and no part is deep (``caution_applies``). The rules share the segment
map, so they cannot contradict each other; each step's card names the part of the network it is
about (``step_parts``). ``impossible_segments`` finds grid rows whose
favour-ready band is above the known band (checked on the grid step).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from assessment.answers import check_answers
from assessment.questionnaire import AnswerKey, Axis, Caution, Item, Questionnaire, Thresholds


class ResultShapeError(ValueError):
    """A stored or imported result that is not one: the message names the path, e.g. ``result.segments[2].depth``."""


@dataclass(frozen=True, slots=True)
class ProfileRef:
    """Which quadrant a result falls in (its words are the questionnaire's ``Profile``)."""

    id: str
    wide: bool
    deep: bool


@dataclass(frozen=True, slots=True)
class DimensionScore:
    id: str
    axis: Axis
    score: float


@dataclass(frozen=True, slots=True)
class SegmentScore:
    """How wide and how deep one part of the network is, with the bands chosen for it
    (empty for a result saved before bands were kept)."""

    id: str
    known_band: str
    favour_band: str
    contacts: float
    favour: float
    breadth: float
    depth: float
    wide: bool
    deep: bool


@dataclass(frozen=True, slots=True)
class Blend:
    """How a network map fed Width and Depth (assessment/network/blend.py): the questionnaire's own
    scores and profile, the map's scores and size, and the map's weight. Numbers only, no names."""

    answers_width: float
    answers_depth: float
    answers_profile: str
    map_width: float
    map_depth: float
    people: int
    weight: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "questionnaire": {"width": self.answers_width, "depth": self.answers_depth, "profile": self.answers_profile},
            "map": {"width": self.map_width, "depth": self.map_depth, "people": self.people},
            "weight": self.weight,
        }


@dataclass(frozen=True, slots=True)
class Result:
    """One scored assessment: ids and numbers only. Its words come from the reader's questionnaire
    (``assessment/wording.py``); ``texts`` holds the words a result saved before schema 3 carried,
    shown only for ids the questionnaire no longer has. ``to_dict`` is what is saved and shared."""

    questionnaire_id: str
    version: str
    language: str
    width: float
    depth: float
    profile: ProfileRef
    dimensions: tuple[DimensionScore, ...]
    segments: tuple[SegmentScore, ...]
    advice: tuple[str, ...]          # advice ids, in the order shown
    caution: bool                    # the G07 caution applies
    thresholds: Thresholds
    blend: Blend | None = None       # set when a network map feeds Width and Depth
    texts: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # "profile.name", … (old results)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "questionnaire": {"id": self.questionnaire_id, "version": self.version, "language": self.language},
            "width": self.width,
            "depth": self.depth,
            "profile": _record(self.profile),
            "dimensions": [_record(d) for d in self.dimensions],
            "segments": [_record(s) for s in self.segments],
            "advice": list(self.advice),
            "caution": self.caution,
            "thresholds": _record(self.thresholds),
        }
        if self.blend is not None:  # only when present, so results without a map keep the contract's shape
            data["roster"] = self.blend.to_dict()
        if self.texts:
            data["texts"] = dict(self.texts)
        return data

    @classmethod
    def from_dict(cls, data: Any) -> Result:
        """Rebuild a saved or imported result (``to_dict``'s shape); raises ResultShapeError naming the path."""
        read = _Reader(data, "result")
        q, p, t = read.mapping("questionnaire"), read.mapping("profile"), read.mapping("thresholds")
        return cls(
            questionnaire_id=q.text("id"), version=q.text("version"), language=q.text("language"),
            width=read.number("width"), depth=read.number("depth"),
            profile=ProfileRef(p.text("id"), p.flag("wide"), p.flag("deep")),
            dimensions=tuple(DimensionScore(d.text("id"), d.text("axis"), d.number("score")) for d in read.items("dimensions")),
            segments=tuple(
                SegmentScore(s.text("id"), s.text("known_band", ""), s.text("favour_band", ""), s.number("contacts"),
                             s.number("favour"), s.number("breadth"), s.number("depth"), s.flag("wide"), s.flag("deep"))
                for s in read.items("segments")
            ),
            advice=tuple(a.text(None) for a in read.items("advice")),
            caution=read.flag("caution"),
            thresholds=Thresholds(t.number("wide"), t.number("deep"), t.number("segment_wide"), t.number("segment_deep"),
                                  t.number("places", 3)),
            blend=None if data.get("roster") is None else _blend(read.mapping("roster")),
            texts=MappingProxyType({k: str(v) for k, v in read.mapping("texts", {}).data.items()}),
        )

    @property
    def profile_id(self) -> str:
        return self.profile.id


class _Reader:
    """Typed reads from a mapping with the path so far, so a bad field says where it is."""

    __slots__ = ("data", "path")

    def __init__(self, data: Any, path: str) -> None:
        self.data, self.path = data, path

    def _get(self, key: str, default: Any = ...) -> Any:
        if not isinstance(self.data, Mapping):
            raise ResultShapeError(f"{self.path}: expected a mapping, got {type(self.data).__name__}")
        if key not in self.data:
            if default is ...:
                raise ResultShapeError(f"{self.path}.{key}: missing")
            return default
        return self.data[key]

    def mapping(self, key: str, default: Any = ...) -> _Reader:
        value = self._get(key, default)
        if not isinstance(value, Mapping):
            raise ResultShapeError(f"{self.path}.{key}: expected a mapping, got {type(value).__name__}")
        return _Reader(value, f"{self.path}.{key}")

    def items(self, key: str) -> list[_Reader]:
        value = self._get(key)
        if not isinstance(value, list | tuple):
            raise ResultShapeError(f"{self.path}.{key}: expected a list, got {type(value).__name__}")
        return [_Reader(v, f"{self.path}.{key}[{n}]") for n, v in enumerate(value)]

    def text(self, key: str | None, default: Any = ...) -> str:
        value = self.data if key is None else self._get(key, default)
        if not isinstance(value, str):
            where = self.path if key is None else f"{self.path}.{key}"
            raise ResultShapeError(f"{where}: expected text, got {type(value).__name__}")
        return value

    def number(self, key: str, default: Any = ...) -> float:
        value = self._get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ResultShapeError(f"{self.path}.{key}: expected a number, got {type(value).__name__}")
        return float(value)

    def flag(self, key: str) -> bool:
        value = self._get(key)
        if not isinstance(value, bool):
            raise ResultShapeError(f"{self.path}.{key}: expected true or false, got {type(value).__name__}")
        return value


def _blend(read: _Reader) -> Blend:
    answers, used = read.mapping("questionnaire"), read.mapping("map")
    return Blend(answers.number("width"), answers.number("depth"), answers.text("profile"), used.number("width"),
                 used.number("depth"), int(used.number("people")), read.number("weight"))


def _record(obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in obj.__slots__}


def _item_values(item: Item, questionnaire: Questionnaire, answers: Mapping[str, str]) -> list[tuple[str, float]]:
    """(dimension, value) pairs one item contributes."""
    if item.kind == "segment_grid":
        pairs = []
        for column in item.columns:
            values = [column.band(answers[str(AnswerKey(item.id, s.id, column.id))]).value
                      for s in questionnaire.segments]
            pairs.append((column.dimension, sum(values) / len(values)))
        return pairs
    option = next(o for o in item.options if o.id == answers[item.id])
    if option.value is None:  # not scored (e.g. "this has not happened"): the item leaves the mean
        return []
    value = 1.0 - option.value if item.reverse else option.value
    return [(item.dimension, value)]


def _segment_scores(questionnaire: Questionnaire, answers: Mapping[str, str]) -> tuple[SegmentScore, ...]:
    grid = next((i for i in questionnaire.items if i.kind == "segment_grid"), None)
    if grid is None:
        return ()
    known_col, favour_col = grid.columns[0], grid.columns[1]
    t = questionnaire.thresholds
    scores = []
    for s in questionnaire.segments:
        known = known_col.band(answers[str(AnswerKey(grid.id, s.id, known_col.id))])
        favour = favour_col.band(answers[str(AnswerKey(grid.id, s.id, favour_col.id))])
        breadth, depth = round(100 * known.value, 1), round(100 * favour.value, 1)
        scores.append(
            SegmentScore(
                id=s.id, known_band=known.id, favour_band=favour.id, contacts=known.count, favour=favour.count,
                breadth=breadth, depth=depth, wide=breadth >= t.segment_wide, deep=depth >= t.segment_deep,
            )
        )
    return tuple(scores)


def _weighted_mean(scores: list[tuple[float, float]]) -> float:
    total = sum(w for _, w in scores)
    return round(sum(s * w for s, w in scores) / total, 1) if total else 0.0


def score_answers(questionnaire: Questionnaire, answers: Mapping[str, str]) -> Result:
    """Score a complete set of answers; raises AnswerError if any is missing or out of range."""
    check_answers(questionnaire, answers)
    per_dimension: dict[str, list[float]] = {d.id: [] for d in questionnaire.dimensions}
    for item in questionnaire.items:
        for dimension_id, value in _item_values(item, questionnaire, answers):
            per_dimension[dimension_id].append(value)
    dimensions = tuple(
        DimensionScore(
            id=d.id, axis=d.axis,
            score=round(100 * sum(per_dimension[d.id]) / len(per_dimension[d.id]), 1) if per_dimension[d.id] else 0.0,
        )
        for d in questionnaire.dimensions
    )
    weights = {d.id: d.weight for d in questionnaire.dimensions}
    width = _weighted_mean([(d.score, weights[d.id]) for d in dimensions if d.axis == "width"])
    depth = _weighted_mean([(d.score, weights[d.id]) for d in dimensions if d.axis == "depth"])
    t = questionnaire.thresholds
    segments = _segment_scores(questionnaire, answers)
    profile = questionnaire.profile(*profile_flags(t, width, depth, segments))
    return Result(
        questionnaire_id=questionnaire.id,
        version=questionnaire.version,
        language=questionnaire.language,
        width=width,
        depth=depth,
        profile=ProfileRef(profile.id, profile.wide, profile.deep),
        dimensions=dimensions,
        segments=segments,
        advice=choose_advice(questionnaire, dimensions, segments, beginner=not (profile.wide or profile.deep)),
        caution=caution_applies(questionnaire.caution, dimensions, segments),
        thresholds=t,
    )


def profile_flags(t: Thresholds, width: float, depth: float, segments: tuple[SegmentScore, ...]) -> tuple[bool, bool]:
    """(wide, deep) of the person: wide with at least one wide part and either Width at the threshold
    or ``t.places`` wide parts; deep likewise. Without a segment map, the scores alone decide."""
    if not segments:
        return width >= t.wide, depth >= t.deep
    wide_parts, deep_parts = sum(s.wide for s in segments), sum(s.deep for s in segments)
    return (wide_parts >= 1 and (width >= t.wide or wide_parts >= t.places),
            deep_parts >= 1 and (depth >= t.deep or deep_parts >= t.places))


def caution_applies(caution: Caution, dimensions: tuple[DimensionScore, ...], segments: tuple[SegmentScore, ...]) -> bool:
    """The G07 caution: the size dimension (Reach) at or above ``min_score`` and no part of the network deep."""
    size = next((d.score for d in dimensions if d.id == caution.dimension), 0.0)
    return size >= caution.min_score and not any(s.deep for s in segments)


CLOSE_POINTS = 5.0  # weakest dimensions this close are too close to rank by score


def close_weakest(dimensions: tuple[DimensionScore, ...]) -> tuple[DimensionScore, ...]:
    """The dimensions within ``CLOSE_POINTS`` of the lowest score, when there are two or more of them
    (their order says nothing); empty when the weakest stands out."""
    if not dimensions:
        return ()
    low = min(d.score for d in dimensions)
    close = tuple(d for d in dimensions if d.score - low <= CLOSE_POINTS)
    return close if len(close) > 1 else ()


@dataclass(frozen=True, slots=True)
class NearestPlaces:
    """The part of the network nearest to deep (not deep yet, the most favour-ready people) and
    the part nearest to wide; None when every part already is, or there is no segment map."""

    deep: str | None
    wide: str | None


def nearest_places(segments: tuple[SegmentScore, ...]) -> NearestPlaces:
    def best(candidates, key):
        return max(candidates, key=key).id if candidates else None  # max keeps the first of equals
    return NearestPlaces(
        deep=best([s for s in segments if not s.deep], lambda s: (s.depth, s.breadth)),
        wide=best([s for s in segments if not s.wide], lambda s: (s.breadth, s.depth)),
    )


@dataclass(frozen=True, slots=True)
class StepPart:
    """The part of the network a next step is about: the segment, the side the step works on (the
    axis of its dimension), and whether that part is already wide (deep) there."""

    segment: str
    axis: Axis
    reached: bool


def step_parts(questionnaire: Questionnaire, result: Result) -> tuple[StepPart | None, ...]:
    """One entry per step of ``result.advice``: the part its card names, None without a segment map or
    for a step this questionnaire no longer has.

    Among the parts the step can be about (``Advice.parts``; none listed: any part), a width step
    names the part nearest to wide (not wide yet, the most people known, as ``nearest_places``) and a
    depth step the part nearest to deep; when every such part already is, the one with the least of
    it (the step keeps it so). Steps on the same side take the next part in that order, so three depth
    steps for a person shallow everywhere name three parts, the first the one the sentence above names.
    """
    axes = {d.id: d.axis for d in questionnaire.dimensions}
    advice = {a.id: a for a in questionnaire.advice}
    named: dict[str, set[str]] = {"width": set(), "depth": set()}
    found: list[StepPart | None] = []
    for advice_id in result.advice:
        entry = advice.get(advice_id)
        candidates = [s for s in result.segments if entry is not None and (not entry.parts or s.id in entry.parts)]
        if not candidates:
            found.append(None)
            continue
        axis = axes[entry.dimension]
        ranked = _parts_nearest_first(candidates, axis)
        segment, reached = next((r for r in ranked if r[0] not in named[axis]), ranked[0])
        named[axis].add(segment)
        found.append(StepPart(segment, axis, reached))
    return tuple(found)


def nearest_alike(segments: tuple[SegmentScore, ...], axis: Axis) -> tuple[str, ...]:
    """The parts not yet wide (``axis`` "width") or deep that are nearest to it, all of them when several
    are alike (six parts with one favour-ready person each are equally near to deep); () when none is left."""
    ranked = [s for s in segments if not (s.deep if axis == "depth" else s.wide)]
    if not ranked:
        return ()
    best = max(_amount(s, axis) for s in ranked)
    return tuple(s.id for s in ranked if _amount(s, axis) == best)


def _amount(s: SegmentScore, axis: Axis) -> tuple[float, float]:
    return (s.depth, s.breadth) if axis == "depth" else (s.breadth, s.depth)


def _parts_nearest_first(segments: list[SegmentScore], axis: Axis) -> list[tuple[str, bool]]:
    """(segment id, already wide/deep) in the order a step names them: those not there yet, nearest
    first (first of equals first, as ``nearest_places``), then those already there, least first."""
    def there(s: SegmentScore) -> bool:
        return s.deep if axis == "depth" else s.wide
    not_yet = sorted((s for s in segments if not there(s)), key=lambda s: tuple(-v for v in _amount(s, axis)))
    already = sorted((s for s in segments if there(s)), key=lambda s: _amount(s, axis))
    return [(s.id, False) for s in not_yet] + [(s.id, True) for s in already]


def choose_advice(questionnaire: Questionnaire, dimensions: tuple[DimensionScore, ...],
                  segments: tuple[SegmentScore, ...] = (), *, beginner: bool = False) -> tuple[str, ...]:
    """Ids of the steps shown, ``advice_count`` of them, one per dimension in order, then a second round.

    The order: a beginner (neither wide nor deep) starts with the first step of the first dimension
    (Reach: meet one new person); then the weakest dimensions, lowest first; but when the weakest are
    within ``CLOSE_POINTS`` of each other their scores say nothing, so the segment map orders them:
    the depth dimensions first when fewer parts are deep than wide (the part nearest to deep is the
    next place to work on), the width dimensions first otherwise; within an axis, in content order
    (which lists the most direct step first: Reach, Trust).
    """
    order = {d.id: n for n, d in enumerate(questionnaire.dimensions)}
    weakest = sorted(dimensions, key=lambda d: (d.score, order[d.id]))
    close = close_weakest(dimensions)
    if close:
        thinner = "depth" if sum(s.deep for s in segments) < sum(s.wide for s in segments) else "width"
        ranked = sorted(close, key=lambda d: (d.axis != thinner, order[d.id]))
        weakest = ranked + [d for d in weakest if d not in close]
    entries = {d.id: [a for a in questionnaire.advice if a.dimension == d.id] for d in questionnaire.dimensions}
    chosen: list[str] = []
    if beginner and questionnaire.dimensions and entries[questionnaire.dimensions[0].id]:
        chosen.append(entries[questionnaire.dimensions[0].id][0].id)
    for round_ in range(2):
        for d in weakest:
            if len(entries[d.id]) > round_ and len(chosen) < questionnaire.advice_count \
                    and entries[d.id][round_].id not in chosen:
                chosen.append(entries[d.id][round_].id)
    return tuple(chosen)


def impossible_segments(questionnaire: Questionnaire, answers: Mapping[str, str]) -> tuple[str, ...]:
    """Ids of the segments whose grid answers cannot both be true: more people who would do a favour
    (the favour band's least) than people known there (the known band's most), e.g. none known
    and one favour-ready. Cells not answered yet are not judged."""
    grid = next((i for i in questionnaire.items if i.kind == "segment_grid"), None)
    if grid is None or len(grid.columns) < 2:
        return ()
    known_col, favour_col = grid.columns[0], grid.columns[1]
    found = []
    for s in questionnaire.segments:
        known = known_col.band(answers.get(str(AnswerKey(grid.id, s.id, known_col.id)), ""))
        favour = favour_col.band(answers.get(str(AnswerKey(grid.id, s.id, favour_col.id)), ""))
        if known and favour and known.most is not None and favour.least > known.most:
            found.append(s.id)
    return tuple(found)
