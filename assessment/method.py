"""Tables that explain the method, built from the questionnaire: ids and numbers only (the method page
finds their words in the questionnaire and the interface texts)."""

from __future__ import annotations

from dataclasses import dataclass

from assessment.questionnaire import Questionnaire


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One scored question: a scale item, or one column of the segment grid (``column`` set)."""

    step: str
    item: str
    column: str | None
    dimension: str
    guidance: tuple[str, ...]
    reverse: bool


@dataclass(frozen=True, slots=True)
class DimensionRow:
    dimension: str
    axis: str
    weight: float
    items: int


@dataclass(frozen=True, slots=True)
class GuidanceRow:
    guidance: str
    items: tuple[str, ...]


def item_table(q: Questionnaire) -> tuple[ItemRow, ...]:
    """One row per scored question, in questionnaire order."""
    rows = []
    for step in q.steps:
        for item_id in step.items:
            item = q.item(item_id)
            if item.kind == "segment_grid":
                rows += [ItemRow(step.id, item.id, c.id, c.dimension, item.guidance, False) for c in item.columns]
            else:
                rows.append(ItemRow(step.id, item.id, None, item.dimension, item.guidance, item.reverse))
    return tuple(rows)


def guidance_table(q: Questionnaire) -> tuple[GuidanceRow, ...]:
    """Each guidance point with the items that measure it."""
    return tuple(GuidanceRow(gid, tuple(i.id for i in q.items if gid in i.guidance)) for gid, _ in q.guidance)


def dimension_table(q: Questionnaire) -> tuple[DimensionRow, ...]:
    counts = {d.id: 0 for d in q.dimensions}
    for row in item_table(q):
        counts[row.dimension] += 1
    return tuple(DimensionRow(d.id, d.axis, d.weight, counts[d.id]) for d in q.dimensions)
