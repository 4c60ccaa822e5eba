"""A workshop's results as an anonymous CSV file for the facilitator, and its data dictionary.

- No names: a participant's nickname is written only if they opted in to sharing it.
- No timestamps and no database ids, and rows are sorted by profile, Width and Depth rather
  than kept in submission order: "who answered when" would otherwise point at people.
- The room's privacy rule (``summary.py``) holds here too: nothing but the header below the
  minimum group size, then only whole batches of ``min_responses`` (the first 5, 10, 15, …
  to arrive), so two downloads differ by a batch of people, never by one; scores are whole
  numbers.
- One column per figure: ``width`` and ``depth`` once, then every dimension, then every
  segment's width, depth, contacts and favour, named in the app's words ("width", never
  "breadth"). ``dictionary_rows`` says what each column means: a second CSV file beside
  this one (a spreadsheet opens both cleanly; notes above the header would break sorting
  and filters).
- Several rooms (``build_rooms_csv``): one file with a ``room`` column first, each room under
  its own minimum and batches; a room's label is its facilitator's title, guarded like any text.
- Injection (OWASP, "CSV Injection"): a spreadsheet may split a cell again on its own list
  separator (``;`` in many locales) or on tabs, so every piece of a text cell that starts
  like a formula (``=``, ``+``, ``-``, ``@``) after a separator gets an apostrophe in front,
  text cells are always quoted, and control characters (NUL included) are never written.
  Numbers are written as numbers, so a negative number is never mistaken for a formula.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from assessment.room.metrics import SEPARATOR, metric_kind
from assessment.room.summary import allowed_minimum

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FIXED_COLUMNS = ("response", "nickname", "width", "depth", "profile")
ROOM_COLUMN = "room"  # first column of a combined export of several rooms (``build_rooms_csv``)
SEGMENT_MEASURES = ("breadth", "depth", "contacts", "favour")  # stored names, in column order
MEASURE_WORDS = {"breadth": "width"}  # the stored "breadth" is the app's Width
# A separator a spreadsheet may split on (comma, semicolon, tab, pipe, line breaks), then
# spaces, then a formula start: an apostrophe goes in before the formula start.
_FORMULA_AFTER_SEPARATOR = re.compile(r"([,;\t|\r\n]\s*)([=+\-@])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the export: its header, and the metric it reads (None: a fixed column)."""

    header: str
    metric: str | None = None
    kind: str = "fixed"  # "fixed", "dimension" or a segment measure in the app's words ("width", …)
    about: str = ""  # the dimension or segment id the column is about ("" for fixed columns)


def guard_cell(value: object) -> object:
    """A cell as written: numbers unchanged (scores as whole numbers), text made inert.

    e.g. ``"x;=cmd|'/C calc'!A0;"`` -> ``"x;'=cmd|'/C calc'!A0;"``; ``"-2"`` -> ``"'-2"``;
    ``"a\\x00b"`` -> ``"ab"``.
    """
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        text = _CONTROL.sub("", str(value))
        text = _FORMULA_AFTER_SEPARATOR.sub(r"\1'\2", text)
        return "'" + text if text.startswith(FORMULA_PREFIXES) else text
    return int(round(value)) if isinstance(value, float) else value


def released_rows(rows: Sequence[ExportRow], min_responses: int) -> tuple[ExportRow, ...]:
    """The rows the export may hold, from rows in arrival order: none below the minimum, then
    the first whole batches (e.g. minimum 5, 13 rows -> the first 10)."""
    batch = allowed_minimum(min_responses)
    return tuple(rows[: len(rows) // batch * batch])


def export_columns(rows: Iterable[ExportRow], metric_names: Sequence[str] | None = None) -> tuple[Column, ...]:
    """The columns: fixed ones, then dimensions, then each segment's measures. ``metric_names``
    (stored names, e.g. ``"dim:reach"``) fixes which metrics and their order; left out, every
    metric found is used, dimensions first, in first-seen order. ``width``/``depth`` metrics
    are the fixed columns already and are never repeated."""
    names = tuple(metric_names) if metric_names is not None else _found_metrics(rows)
    columns = [Column(c) for c in FIXED_COLUMNS]
    for name in names:
        kind = metric_kind(name)
        if kind == "dim":
            about = name.split(SEPARATOR)[1]
            columns.append(Column(about, name, "dimension", about))
        elif kind == "seg":
            _, about, measure = name.split(SEPARATOR)
            word = MEASURE_WORDS.get(measure, measure)
            columns.append(Column(f"{about}_{word}", name, word, about))
    return tuple(columns)


@dataclass(frozen=True, slots=True)
class ExportRoom:
    """One room of a combined export: its label (the workshop's title, told apart from the others'),
    its rows in arrival order, and its own minimum group size."""

    label: str
    rows: tuple[ExportRow, ...]
    min_responses: int


def build_room_csv(
    rows: Iterable[Any], *, min_responses: int, metric_names: Sequence[str] | None = None
) -> str:
    """The CSV text, header first, of the released rows (``rows`` in arrival order)."""
    arrived = [r if isinstance(r, ExportRow) else ExportRow.from_mapping(r) for r in rows]
    columns = export_columns(arrived, metric_names)
    out, writer = _csv_writer()
    writer.writerow([guard_cell(c.header) for c in columns])
    for number, r in enumerate(_sorted_release(arrived, min_responses), start=1):
        writer.writerow([guard_cell(c) for c in _cells(number, r, columns)])
    return out.getvalue()


def build_rooms_csv(rooms: Sequence[ExportRoom], *, metric_names: Sequence[str] | None = None) -> str:
    """Several rooms in one CSV: a ``room`` column first, then the columns of ``build_room_csv``.
    Each room keeps its own rule: its minimum group size and its whole batches, so a room under
    its minimum adds no row, and two downloads differ in each room by a batch, never by one
    person. Rows are numbered through the file, sorted within each room as in one room's file."""
    columns = export_columns([r for room in rooms for r in room.rows], metric_names)
    out, writer = _csv_writer()
    writer.writerow([guard_cell(ROOM_COLUMN), *(guard_cell(c.header) for c in columns)])
    number = 0
    for room in rooms:
        for r in _sorted_release(room.rows, room.min_responses):
            number += 1
            writer.writerow([guard_cell(room.label), *(guard_cell(c) for c in _cells(number, r, columns))])
    return out.getvalue()


def _csv_writer() -> tuple[io.StringIO, Any]:
    out = io.StringIO()
    return out, csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)


def _sorted_release(arrived: Sequence[ExportRow], min_responses: int) -> list[ExportRow]:
    """The released rows, sorted by profile, Width, Depth: never in the order people answered."""
    return sorted(released_rows(arrived, min_responses), key=lambda r: (r.profile_id, r.width, r.depth))


def _cells(number: int, r: ExportRow, columns: Sequence[Column]) -> list[object]:
    fixed = (number, r.nickname if r.share_nickname and r.nickname else None, r.width, r.depth, r.profile_id)
    return [*fixed, *(r.metrics.get(c.metric) for c in columns[len(FIXED_COLUMNS):])]


def build_dictionary_csv(columns: Sequence[Column], describe: Callable[[Column], str], heading: Sequence[str]) -> str:
    """The data dictionary: ``heading`` (e.g. column, meaning), then one row per column with
    ``describe(column)`` (the UI's words in the facilitator's language)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([guard_cell(h) for h in heading])
    for column in columns:
        writer.writerow([guard_cell(column.header), guard_cell(describe(column))])
    return out.getvalue()


def _found_metrics(rows: Iterable[ExportRow]) -> tuple[str, ...]:
    seen = list(dict.fromkeys(name for r in rows for name in r.metrics))
    dims = [n for n in seen if metric_kind(n) == "dim"]
    segs = [n.split(SEPARATOR) for n in seen if metric_kind(n) == "seg"]
    segment_order = {seg: i for i, seg in enumerate(dict.fromkeys(part[1] for part in segs))}
    measure_order = {m: i for i, m in enumerate(SEGMENT_MEASURES)}
    segs.sort(key=lambda part: (segment_order[part[1]], measure_order.get(part[2], len(measure_order))))
    return tuple(dims) + tuple(SEPARATOR.join(part) for part in segs)
