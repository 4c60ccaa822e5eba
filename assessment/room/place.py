"""Your place in the room, for your own phone only (issue 12 §4): where one person's own Width and
Depth sit among the room's dots as the room may be shown.

Privacy: the comparison uses nothing but what the projector may show, the released and coarsened
room (``summary.py``: no dots below the minimum group size, whole batches only, each dot at the
centre of its ``DOT_GRID`` square), and the person's own scores, which are theirs. So a sentence
tells a participant nothing about anyone that the wall does not already show. Below the minimum
there is no place at all (``place_in_room`` returns None).

Truth at every count. A room dot says only "somewhere in this 10-point square", so another person
is *clearly* wider than you only when their square lies wholly above the square your own Width
falls in; someone in your own square (you yourself, if your answers are among the dots) counts as
neither. Every phrase is chosen from those sure counts, so it stays true whatever the exact
scores behind the dots are:

- ``empty``: no dots (never shown; kept so the function is total);
- ``all_same``: every dot is in your square;
- ``top`` / ``bottom``: nobody is clearly above / below you (and someone is clearly on the other side);
- ``most_below`` / ``most_above``: more than half the dots are clearly below / above you;
- ``halves``: exactly half clearly below and half clearly above;
- ``half_below`` / ``half_above``: exactly half clearly below / above;
- ``middle``: anything else, said with its three counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from assessment.room.summary import DOT_GRID, RoomPoint, RoomSummary, coarse_point

Phrase = Literal[
    "empty", "all_same", "top", "bottom", "most_below", "most_above", "halves", "half_below", "half_above", "middle",
]
_SPEAKS_OF_BELOW = frozenset({"top", "most_below", "half_below"})
_SPEAKS_OF_ABOVE = frozenset({"bottom", "most_above", "half_above"})
PHRASES: tuple[Phrase, ...] = (
    "empty", "all_same", "top", "bottom", "most_below", "most_above", "halves", "half_below", "half_above", "middle",
)


@dataclass(frozen=True, slots=True)
class AxisPlace:
    """On one axis (Width or Depth): how many room dots are clearly below your own score, in your
    own square (either side), and clearly above; and the phrase those counts allow."""

    below: int
    same: int
    above: int

    @property
    def total(self) -> int:
        return self.below + self.same + self.above

    @property
    def phrase(self) -> Phrase:
        n, below, above = self.total, self.below, self.above
        if n == 0:
            return "empty"
        if below == above == 0:
            return "all_same"
        if above == 0:
            return "top"
        if below == 0:
            return "bottom"
        if 2 * below > n:
            return "most_below"
        if 2 * above > n:
            return "most_above"
        if 2 * below == n and 2 * above == n:
            return "halves"
        if 2 * below == n:
            return "half_below"
        if 2 * above == n:
            return "half_above"
        return "middle"

    def counts(self) -> dict[str, int]:
        """The numbers the phrase's sentence names: ``n`` is the count it speaks of (the people
        clearly below you for ``top``, ``most_below``, ``half_below``; clearly above for
        ``bottom``, ``most_above``, ``half_above``; every dot otherwise), and all three counts."""
        phrase = self.phrase
        n = self.below if phrase in _SPEAKS_OF_BELOW else self.above if phrase in _SPEAKS_OF_ABOVE else self.total
        return {"n": n, "total": self.total, "below": self.below, "same": self.same, "above": self.above}


@dataclass(frozen=True, slots=True)
class Square:
    """One 10-point square of the map and how many room dots sit in it (the chart's table)."""

    width_from: int
    depth_from: int
    dots: int

    @property
    def width_to(self) -> int:
        return self.width_from + DOT_GRID

    @property
    def depth_to(self) -> int:
        return self.depth_from + DOT_GRID


@dataclass(frozen=True, slots=True)
class RoomPlace:
    """One person's own dot (their exact scores) among the room's shown dots."""

    width: float
    depth: float
    on_width: AxisPlace
    on_depth: AxisPlace
    dots: int  # room dots compared with (the room's answers, as shown)


def cell(value: float) -> int:
    """The index (0-9) of the ``DOT_GRID`` square a score falls in, as ``summary.coarse_point``
    places a dot: e.g. 0 -> 0, 69.9 -> 6, 70 -> 7, 100 -> 9 (the top square holds 100)."""
    return int(coarse_point(RoomPoint(value, value, "")).width // DOT_GRID)


def place_on_axis(own: float, shown: Sequence[float]) -> AxisPlace:
    """Your score ``own`` against the room's shown (square-centred) values on one axis.

    e.g. own 72 against dots at 65, 75, 85 -> 1 clearly below (65), 1 in your square (75, could be
    70 or 79), 1 clearly above (85)."""
    mine = cell(own)
    cells = [cell(v) for v in shown]
    below = sum(c < mine for c in cells)
    above = sum(c > mine for c in cells)
    return AxisPlace(below, len(cells) - below - above, above)


def place_in_room(width: float, depth: float, summary: RoomSummary) -> RoomPlace | None:
    """Where ``width``/``depth`` (the person's own scores) stand in the room as it may be shown;
    None while the room is under its minimum group size (nothing of it may be shown)."""
    if summary.suppressed:
        return None
    points = summary.points
    return RoomPlace(
        width=float(width), depth=float(depth),
        on_width=place_on_axis(width, [p.width for p in points]),
        on_depth=place_on_axis(depth, [p.depth for p in points]),
        dots=len(points),
    )


def squares(summary: RoomSummary) -> tuple[Square, ...]:
    """The squares holding room dots, with their counts, by Width then Depth (none while suppressed)."""
    counts = Counter((cell(p.width), cell(p.depth)) for p in summary.points)
    return tuple(Square(w * DOT_GRID, d * DOT_GRID, n) for (w, d), n in sorted(counts.items()))
