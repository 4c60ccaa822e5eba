"""Answers -> dimension scores, Width and Depth, where the network is wide or deep, profile, advice.

The method is written once, for people, on the Method page (ui/method_view.py with
content/en/ui/method.yaml, its facts filled in from the content); tests/test_scoring.py works
each rule through by hand. In code order: option values (reverse-keyed items count ``1 - value``),
a grid column's mean over segments, dimension = 100 * mean, Width/Depth = weighted means,
profile = quadrant at the thresholds, per-segment wide/deep, advice for the weakest dimensions,
and the caution (G07) when the caution's dimension is high but few would do a favour.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from assessment.answers import check_answers
from assessment.questionnaire import Advice, Axis, Item, Questionnaire


@dataclass(frozen=True, slots=True)
class DimensionScore:
    id: str
    axis: Axis
    name: str
    description: str
    score: float


@dataclass(frozen=True, slots=True)
class SegmentScore:
    """How wide and how deep one part of the network is."""

    id: str
    name: str
    contacts: float
    favour: float
    breadth: float
    depth: float
    wide: bool
    deep: bool


@dataclass(frozen=True, slots=True)
class Result:
    """Everything the results page shows; ``to_dict`` is what is saved and shared."""

    questionnaire_id: str
    version: str
    language: str
    width: float
    depth: float
    profile: Mapping[str, Any]
    dimensions: tuple[DimensionScore, ...]
    segments: tuple[SegmentScore, ...]
    advice: tuple[Advice, ...]
    caution: Mapping[str, Any] | None
    thresholds: Mapping[str, float]
    # Set when a network map feeds Width and Depth (assessment/network/blend.py): the
    # questionnaire-only scores, the map's, and the map's weight. Derived numbers only, no names.
    roster: Mapping[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {
            "questionnaire": {"id": self.questionnaire_id, "version": self.version, "language": self.language},
            "width": self.width,
            "depth": self.depth,
            "profile": dict(self.profile),
            "dimensions": [_record(d) for d in self.dimensions],
            "segments": [_record(s) for s in self.segments],
            "advice": [{**_record(a), "guidance": list(a.guidance)} for a in self.advice],
            "caution": None if self.caution is None else {**self.caution, "guidance": list(self.caution["guidance"])},
            "thresholds": dict(self.thresholds),
        }
        if self.roster is not None:  # only when present, so results without a map keep the contract's shape
            data["roster"] = _plain(self.roster)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Result:
        """Rebuild a saved or imported result; raises KeyError/TypeError/ValueError on bad shape."""
        q = data["questionnaire"]
        caution = data.get("caution")
        return cls(
            questionnaire_id=str(q["id"]),
            version=str(q["version"]),
            language=str(q["language"]),
            width=float(data["width"]),
            depth=float(data["depth"]),
            profile=MappingProxyType(dict(data["profile"])),
            dimensions=tuple(DimensionScore(**d) for d in data["dimensions"]),
            segments=tuple(SegmentScore(**s) for s in data["segments"]),
            advice=tuple(Advice(**{**a, "guidance": tuple(a["guidance"])}) for a in data["advice"]),
            caution=None if caution is None else MappingProxyType({**caution, "guidance": tuple(caution["guidance"])}),
            thresholds=MappingProxyType(dict(data["thresholds"])),
            roster=None if data.get("roster") is None else MappingProxyType(_plain(data["roster"])),
        )

    @property
    def profile_id(self) -> str:
        return str(self.profile["id"])


def _plain(mapping: Mapping[str, Any]) -> dict[str, Any]:
    """A copy with nested mappings as plain dicts, so a stored result never shares them."""
    return {k: _plain(v) if isinstance(v, Mapping) else v for k, v in mapping.items()}


def _record(obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in obj.__slots__}


def _item_values(item: Item, questionnaire: Questionnaire, answers: Mapping[str, str]) -> list[tuple[str, float]]:
    """(dimension, value) pairs one item contributes."""
    if item.kind == "segment_grid":
        pairs = []
        for column in item.columns:
            values = [column.band(answers[f"{item.id}.{s.id}.{column.id}"]).value for s in questionnaire.segments]
            pairs.append((column.dimension, sum(values) / len(values)))
        return pairs
    option = next(o for o in item.options if o.id == answers[item.id])
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
        known = known_col.band(answers[f"{grid.id}.{s.id}.{known_col.id}"])
        favour = favour_col.band(answers[f"{grid.id}.{s.id}.{favour_col.id}"])
        breadth, depth = round(100 * known.value, 1), round(100 * favour.value, 1)
        scores.append(
            SegmentScore(
                id=s.id, name=s.name, contacts=known.count, favour=favour.count,
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
            id=d.id, axis=d.axis, name=d.name, description=d.description,
            score=round(100 * sum(per_dimension[d.id]) / len(per_dimension[d.id]), 1) if per_dimension[d.id] else 0.0,
        )
        for d in questionnaire.dimensions
    )
    weights = {d.id: d.weight for d in questionnaire.dimensions}
    width = _weighted_mean([(d.score, weights[d.id]) for d in dimensions if d.axis == "width"])
    depth = _weighted_mean([(d.score, weights[d.id]) for d in dimensions if d.axis == "depth"])
    t = questionnaire.thresholds
    profile = questionnaire.profile(wide=width >= t.wide, deep=depth >= t.deep)
    segments = _segment_scores(questionnaire, answers)
    return Result(
        questionnaire_id=questionnaire.id,
        version=questionnaire.version,
        language=questionnaire.language,
        width=width,
        depth=depth,
        profile=MappingProxyType({
            "id": profile.id, "name": profile.name, "tagline": profile.tagline,
            "summary": profile.summary, "wide": profile.wide, "deep": profile.deep,
        }),
        dimensions=dimensions,
        segments=segments,
        advice=choose_advice(questionnaire, dimensions),
        caution=_caution(questionnaire, dimensions, segments),
        thresholds=MappingProxyType({
            "wide": t.wide, "deep": t.deep, "segment_wide": t.segment_wide, "segment_deep": t.segment_deep,
        }),
    )


def choose_advice(questionnaire: Questionnaire, dimensions: tuple[DimensionScore, ...]) -> tuple[Advice, ...]:
    """First advice entry of each weakest dimension; a second round if dimensions run out."""
    order = {d.id: n for n, d in enumerate(questionnaire.dimensions)}
    weakest = sorted(dimensions, key=lambda d: (d.score, order[d.id]))
    chosen: list[Advice] = []
    for round_ in range(2):
        for d in weakest:
            entries = [a for a in questionnaire.advice if a.dimension == d.id]
            if len(entries) > round_ and len(chosen) < questionnaire.advice_count:
                a = entries[round_]
                chosen.append(a)
    return tuple(chosen)


def _caution(questionnaire, dimensions, segments) -> Mapping[str, Any] | None:
    c = questionnaire.caution
    size = next((d.score for d in dimensions if d.id == c.dimension), 0.0)
    known = sum(s.contacts for s in segments)
    favour = sum(s.favour for s in segments)
    if size >= c.min_score and known > 0 and favour / known <= c.max_favour_share:
        return MappingProxyType({"title": c.title, "text": c.text, "guidance": c.guidance})
    return None
