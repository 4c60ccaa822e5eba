"""A second wave of the same map: who is new, who is gone, who moved, which deep ties are cooling.

Network Canvas presents each person's wave-1 list back to them in wave 2; here last time's map is
loaded as the start of a new one, and ``compare_waves(before, after, content)`` says what changed.
People are matched by name, ignoring case and spacing (the roster's own rule for telling them apart).

- ``new`` / ``gone``: on one map only;
- ``ring_moves``: the ring (0 deep, 1 growing, 2 knows who you are; ``charts.ring_of``) changed;
- ``stage_moves``: the VCP stage (visibility, credibility, profitability; Misner) changed;
- ``cooling``: a deep tie last time (inner ring) whose last real contact is now longer ago than
  the content's ``stale`` rule allows (Burt 2000: ties decay unless renewed; the cut is ours).

Each change carries a ``kind`` the UI words and turns into an action (``network.waves.<kind>``).
Names are raw user text: escape them wherever they meet markdown or HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessment.network.charts import ring_of
from assessment.network.content import NetworkContent
from assessment.network.measures import measure_network
from assessment.network.roster import Contact, Roster

KINDS = ("cooling", "ring_out", "stage_down", "gone", "new", "ring_in", "stage_up")  # in the plan's order


@dataclass(frozen=True, slots=True)
class WaveChange:
    """One person's change between waves. ``before``/``after`` are a ring (as text, "0"-"2") or a
    stage id for moves, empty for new, gone and cooling."""

    kind: str
    name: str
    before: str = ""
    after: str = ""


@dataclass(frozen=True, slots=True)
class WaveDiff:
    """Every change from last wave to this one, grouped by kind in ``KINDS`` order."""

    changes: tuple[WaveChange, ...]

    def of(self, kind: str) -> tuple[WaveChange, ...]:
        return tuple(c for c in self.changes if c.kind == kind)

    @property
    def unchanged(self) -> bool:
        return not self.changes


def compare_waves(before: Roster, after: Roster, content: NetworkContent) -> WaveDiff:
    """What changed from the ``before`` map to the ``after`` map."""
    then, now = _by_name(before), _by_name(after)
    ring_then, ring_now = _rings(before, content), _rings(after, content)
    changes: list[WaveChange] = []
    for key, person in now.items():
        old = then.get(key)
        if old is None:
            changes.append(WaveChange("new", person.name))
            continue
        a, b = ring_then[old.id], ring_now[person.id]
        if a != b:
            changes.append(WaveChange("ring_in" if b < a else "ring_out", person.name, str(a), str(b)))
        stages = content.field("stage").ids()
        if old.stage != person.stage:
            up = stages.index(person.stage) > stages.index(old.stage)
            changes.append(WaveChange("stage_up" if up else "stage_down", person.name, old.stage, person.stage))
        if a == 0 and content.matches("stale", person):
            changes.append(WaveChange("cooling", person.name))
    changes.extend(WaveChange("gone", p.name) for key, p in then.items() if key not in now)
    order = {k: i for i, k in enumerate(KINDS)}
    return WaveDiff(tuple(sorted(changes, key=lambda c: (order[c.kind], c.name.casefold()))))


def _by_name(roster: Roster) -> dict[str, Contact]:
    return {" ".join(c.name.split()).casefold(): c for c in roster.contacts}


def _rings(roster: Roster, content: NetworkContent) -> dict[int, int]:
    if not roster.contacts:
        return {}
    strength = dict(measure_network(roster, content).strengths)
    return {c.id: ring_of(strength[c.id], c, content) for c in roster.contacts}
