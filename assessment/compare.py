"""Two results of one person side by side: what changed from then to now.

``compare_results(before, after)`` is pure: it takes two frozen ``Result`` records (saved under one
owner link, or read from two downloaded files) and returns a frozen ``Comparison``: Width and
Depth then and now, each dimension's change, the segments that became deep or wide or went
shallow or narrow, and the advice each time (ids; the UI words them). ``comparison_map`` draws
the wide-vs-deep map with an arrow from then to now, on the result page's own map.

Decisions:
- a change is ``after - before``, rounded to one decimal (what the page shows), so a rise of
  0.04 reads as no change rather than a rise that the rounded scores do not show;
- dimensions and segments are matched by id; one present only once (a questionnaire version
  that added or split a dimension) is listed with ``None`` on the side it is missing from;
- results of two different questionnaires are refused (their scores do not measure the same thing).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import plotly.graph_objects as go

from assessment.charts import ChartTexts, wide_deep_map
from assessment.chart_style import PALETTE, plain_label
from assessment.scoring import Result


class ComparisonRefused(ValueError):
    """Two results that cannot be compared: ``code`` names why (``other_questionnaire``)."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"compare: {code}")


@dataclass(frozen=True, slots=True)
class Change:
    """One score then and now; ``None`` where a side has no such score."""

    id: str
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 1)


@dataclass(frozen=True, slots=True)
class Comparison:
    """What changed between two results of one person (ids; words come from the UI)."""

    width: Change
    depth: Change
    profile_before: str
    profile_after: str
    dimensions: tuple[Change, ...]
    became_deep: tuple[str, ...]       # segment ids, in the later result's order
    went_shallow: tuple[str, ...]
    became_wide: tuple[str, ...]
    went_narrow: tuple[str, ...]
    advice_before: tuple[str, ...]
    advice_after: tuple[str, ...]

    @property
    def profile_changed(self) -> bool:
        return self.profile_before != self.profile_after


def compare_results(before: Result, after: Result) -> Comparison:
    """The change from ``before`` to ``after``; raises ComparisonRefused for two questionnaires."""
    if before.questionnaire_id != after.questionnaire_id:
        raise ComparisonRefused("other_questionnaire")
    then = {s.id: s for s in before.segments}
    now = {s.id: s for s in after.segments}
    both = [s for s in now if s in then]
    return Comparison(
        width=Change("width", before.width, after.width),
        depth=Change("depth", before.depth, after.depth),
        profile_before=before.profile.id, profile_after=after.profile.id,
        dimensions=_changes({d.id: d.score for d in before.dimensions}, {d.id: d.score for d in after.dimensions}),
        became_deep=tuple(s for s in both if now[s].deep and not then[s].deep),
        went_shallow=tuple(s for s in both if then[s].deep and not now[s].deep),
        became_wide=tuple(s for s in both if now[s].wide and not then[s].wide),
        went_narrow=tuple(s for s in both if then[s].wide and not now[s].wide),
        advice_before=before.advice, advice_after=after.advice,
    )


def _changes(then: Mapping[str, float], now: Mapping[str, float]) -> tuple[Change, ...]:
    """Matched by id: the later result's order first, then ids only the earlier one had."""
    ids = [*now, *(i for i in then if i not in now)]
    return tuple(Change(i, then.get(i), now.get(i)) for i in ids)


def comparison_map(before: Result, after: Result, quadrant_names: Mapping[tuple[bool, bool], str],
                   texts: ChartTexts, then_label: str, *, scale: float = 1.0) -> go.Figure:
    """The later result's wide-vs-deep map, with the earlier point and an arrow from then to now.
    The quadrant lines are the later result's (the thresholds it was scored with)."""
    figure = wide_deep_map(after, quadrant_names, texts, scale=scale)
    figure.add_trace(go.Scatter(
        x=[before.width], y=[before.depth], mode="markers+text", name=plain_label(then_label),
        text=[plain_label(then_label)], textposition="top center", showlegend=False,
        marker={"size": 14 * scale, "color": "white", "line": {"width": 3, "color": PALETTE["grey"]}, "symbol": "circle"},
        hovertemplate=f"{texts.width} %{{x:.0f}} · {texts.depth} %{{y:.0f}}<extra></extra>",
    ))
    if (before.width, before.depth) != (after.width, after.depth):
        figure.add_annotation(x=after.width, y=after.depth, ax=before.width, ay=before.depth,
                              xref="x", yref="y", axref="x", ayref="y", text="", showarrow=True,
                              arrowhead=3, arrowsize=1.4, arrowwidth=2.5, arrowcolor=PALETTE["black"],
                              standoff=12 * scale, startstandoff=8 * scale)
    return figure
