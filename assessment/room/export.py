"""A workshop's results as an anonymous CSV file for the facilitator.

- No names: a participant's nickname is written only if they opted in to sharing it.
- No timestamps and no database ids, and rows are sorted by profile, Width and Depth rather
  than kept in submission order: "who answered when" would otherwise point at people.
- Every text cell that a spreadsheet would read as a formula (starting with ``=``, ``+``,
  ``-``, ``@``, tab or carriage return) gets a leading apostrophe (OWASP, "CSV Injection").
  Numbers are written as numbers, so a negative number is never mistaken for one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from assessment.room.metrics import metric_kind

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FIXED_COLUMNS = ("response", "nickname", "width", "depth", "profile")


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One result as storage gives it: scores, metrics, and the nickname with its opt-in."""

    width: float
    depth: float
    profile_id: str
    metrics: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    nickname: str | None = None
    share_nickname: bool = False

    @classmethod
    def from_mapping(cls, row: Any) -> ExportRow:
        """Keys ``width``, ``depth``, ``profile_id``, optional ``metrics`` (metric -> value),
        ``nickname`` and ``share_nickname``; a SQLAlchemy row works too."""
        row = getattr(row, "_mapping", row)
        return cls(
            width=float(row["width"]),
            depth=float(row["depth"]),
            profile_id=str(row["profile_id"]),
            metrics=MappingProxyType(dict(row.get("metrics") or {})),
            nickname=row.get("nickname"),
            share_nickname=bool(row.get("share_nickname", False)),
        )


def guard_cell(value: object) -> object:
    """A cell as written: numbers unchanged, text starting like a formula made inert."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        text = str(value)
        return "'" + text if text.startswith(FORMULA_PREFIXES) else text
    return round(value, 1) if isinstance(value, float) else value


def build_room_csv(rows: Iterable[Any], *, metric_names: Sequence[str] | None = None) -> str:
    """The CSV text, header first. ``metric_names`` fixes the metric columns and their order;
    left out, every metric found is written, dimensions before segments, in first-seen order."""
    results = [r if isinstance(r, ExportRow) else ExportRow.from_mapping(r) for r in rows]
    results.sort(key=lambda r: (r.profile_id, r.width, r.depth))
    columns = tuple(metric_names) if metric_names is not None else _metric_columns(results)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([guard_cell(c) for c in FIXED_COLUMNS + columns])
    for number, r in enumerate(results, start=1):
        nickname = r.nickname if r.share_nickname and r.nickname else None
        cells = [number, nickname, r.width, r.depth, r.profile_id, *(r.metrics.get(c) for c in columns)]
        writer.writerow([guard_cell(c) for c in cells])
    return out.getvalue()


def _metric_columns(results: Sequence[ExportRow]) -> tuple[str, ...]:
    seen = list(dict.fromkeys(name for r in results for name in r.metrics))
    return tuple(n for n in seen if metric_kind(n) == "dim") + tuple(n for n in seen if metric_kind(n) != "dim")
