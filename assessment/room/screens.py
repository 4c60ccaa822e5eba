"""The projector's screens once results are revealed, and what the room's prompt may say of it.

One idea per screen, read from the back of a room (issue 12 §3): the room map; the average
dimensions; where the room is wide and where deep; room reach; the discussion prompt. The
facilitator and the projector step through them; the screen shown is stored with the workshop
(``workshops.screen``, migration 7), so every projector of the room, on any server, and every
facilitator tab show and step the same screen, and a refresh keeps it.

The prompt must describe the room truthfully, ties included: a content prompt such as "This room
is wide and deep. …" is true of a room only when most of it has that profile. ``describe_room``
decides which sentence the room earns:

- ``waiting``: nobody (or, with the room suppressed, no counts to read);
- ``all_one``: everyone has one profile;
- ``majority``: one profile has more than half of the room;
- ``even``: every profile present has the same count (1/1/1, 2/2);
- ``tie``: two or more profiles share the top count, others have fewer (2/2/1);
- ``plurality``: one profile leads without a majority (2/1/1).

Only ``all_one`` and ``majority`` carry that profile's own prompt; the others get a prompt about
a mixed room, which is what the room is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

SCREENS: tuple[str, ...] = ("map", "dimensions", "segments", "reach", "prompt")
FIRST_SCREEN = 0

Picture = Literal["waiting", "all_one", "majority", "even", "tie", "plurality"]


def screen_at(index: int | None) -> int:
    """A stored screen index made safe to show: within ``SCREENS`` (None or junk: the first)."""
    if not isinstance(index, int) or isinstance(index, bool):
        return FIRST_SCREEN
    return min(max(index, 0), len(SCREENS) - 1)


def step_screen(index: int | None, step: int) -> int:
    """The screen after a press of Next (``step`` +1) or Back (-1), stopping at the ends.
    e.g. 0 back -> 0; 2 next -> 3; 4 next -> 4. Any other step counts by its sign only."""
    direction = (step > 0) - (step < 0)
    return screen_at(screen_at(index) + direction)


@dataclass(frozen=True, slots=True)
class RoomPicture:
    """What the room looks like in one sentence: ``kind``, the profiles it names (content order),
    their ``count`` each (the top count), and ``total`` responses."""

    kind: Picture
    profiles: tuple[str, ...]
    count: int
    total: int


def describe_room(profile_counts: Iterable[tuple[str, int]]) -> RoomPicture:
    """The room's picture from (profile id, count) pairs in content order.

    e.g. [(a, 1), (b, 1), (c, 1), (d, 0)] -> even (a, b, c), 1 each of 3;
    [(a, 3), (b, 2)] -> majority (a), 3 of 5; [(a, 2), (b, 1), (c, 1)] -> plurality (a), 2 of 4.
    """
    counts = [(pid, int(n)) for pid, n in profile_counts if int(n) > 0]
    total = sum(n for _, n in counts)
    if total == 0:
        return RoomPicture("waiting", (), 0, 0)
    top = max(n for _, n in counts)
    leaders = tuple(pid for pid, n in counts if n == top)
    if len(counts) == 1:
        kind: Picture = "all_one"
    elif len(leaders) == len(counts):
        kind = "even"
    elif len(leaders) > 1:
        kind = "tie"
    elif top * 2 > total:
        kind = "majority"
    else:
        kind = "plurality"
    return RoomPicture(kind, leaders, top, total)


def speaks_for_room(picture: RoomPicture) -> str | None:
    """The one profile whose own discussion prompt is true of this room, or None (a mixed room)."""
    return picture.profiles[0] if picture.kind in ("all_one", "majority") else None


def extremes(values: Iterable[tuple[str, float | None]]) -> tuple[tuple[str, float], tuple[str, float]] | None:
    """The highest and the lowest (id, value) of those with a value; the first listed wins a tie
    (content order), so the sentence never depends on row order. None when no value is shown.
    e.g. [(a, 40), (b, None), (c, 70), (d, 40)] -> ((c, 70), (a, 40))."""
    shown = [(key, float(v)) for key, v in values if v is not None]
    if not shown:
        return None
    top = max(shown, key=lambda kv: kv[1])  # max and min keep the first of equals
    low = min(shown, key=lambda kv: kv[1])
    return top, low


def reach_parts(segments: Iterable[tuple[str, str]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(segments someone in the room is deep in, segments nobody is), from (id, reach) pairs."""
    pairs = list(segments)
    return (tuple(s for s, reach in pairs if reach == "covered_deeply"),
            tuple(s for s, reach in pairs if reach != "covered_deeply"))
