"""A network map feeding Width and Depth, and the derived measures that may be saved with a result.

The questionnaire says how a person sees their whole network; the map lists up to 25 people it
actually holds. When both exist and the person asks for it, the scores use both:

    w     = W_MAX * min(n, N_FULL) / N_FULL   when n >= N_MIN people are on the map, else 0
    Width = round((1 - w) * Width_questionnaire + w * Width_map, 1)
    Depth = round((1 - w) * Depth_questionnaire + w * Depth_map, 1)

with W_MAX = 0.5, N_FULL = 15, N_MIN = 5: five people count 1/6, ten 1/3, fifteen or more 1/2.
The profile is re-derived from the blended scores and the result's own thresholds
(wide: Width >= thresholds.wide; deep: Depth >= thresholds.deep). Dimensions, segments, advice and
the caution come from the answers alone and are unchanged.

Why these numbers (design choices, not figures from a study):
- N_MIN = 5: Depth from the map is the mean of the five strongest ties (content ``thresholds.top_k``);
  with fewer people it is an average of whoever is there, and the spread over six segments means little.
- N_FULL = 15 and W_MAX = 1/2: the map lists at most 25 people while the questionnaire asks about
  everyone you know (the grid's bands run past 20 per segment) and about habits the map cannot see
  (curiosity, giving, connecting). So even a full map never outweighs the answers; it counts as much.

``Result.blend`` keeps what the blend used, so the method and results pages can show it and a
second blend starts again from the questionnaire's scores (blending never compounds):
``{"questionnaire": {"width", "depth", "profile"}, "map": {"width", "depth", "people"}, "weight"}``.

``network_extras`` is what may be stored beside a saved result: counts, indices and the map's axes.
It never holds a name, a per-person row or a who-knows-whom pair.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any, Literal

from assessment.network.measures import NetworkReport, RosterAxes
from assessment.questionnaire import Questionnaire
from assessment.network.roster import Roster
from assessment.scoring import Blend, ProfileRef, Result, profile_flags

W_MAX = 0.5
N_FULL = 15
N_MIN = 5
EXTRAS_KIND = "network_map"
EXTRAS_VERSION = 1

BlendStatus = Literal["none", "current", "outdated"]


def roster_weight(people: int) -> float:
    """How much the map counts in Width and Depth, 0 to W_MAX, rounded to 4 decimals."""
    if people < N_MIN:
        return 0.0
    return round(W_MAX * min(people, N_FULL) / N_FULL, 4)


def blend_roster(result: Result, axes: RosterAxes, questionnaire: Questionnaire, *,
                 weight: float | None = None) -> Result:
    """``result`` with Width and Depth blended with the map's (formula in the module docstring).

    ``weight`` defaults to ``roster_weight(axes.people)``; a weight of 0 gives the
    questionnaire-only result back. A result blended before is re-blended from its
    questionnaire scores, so calling this again with a changed map replaces the old blend.
    """
    w = roster_weight(axes.people) if weight is None else weight
    if not (isinstance(w, (int, float)) and math.isfinite(w) and 0.0 <= w <= 1.0):
        raise ValueError(f"blend_roster: weight {weight!r} is not between 0 and 1. Pass a share such as 0.25, or None.")
    base = questionnaire_only(result, questionnaire)
    if w == 0:
        return base
    width = round((1 - w) * base.width + w * axes.width, 1)
    depth = round((1 - w) * base.depth + w * axes.depth, 1)
    return replace(
        base, width=width, depth=depth, profile=_profile(questionnaire, result, width, depth),
        blend=Blend(base.width, base.depth, base.profile_id, axes.width, axes.depth, axes.people, w),
    )


def questionnaire_only(result: Result, questionnaire: Questionnaire) -> Result:
    """``result`` without any map: the questionnaire's Width, Depth and profile, ``blend`` None."""
    if result.blend is None:
        return result
    width, depth = result.blend.answers_width, result.blend.answers_depth
    return replace(result, width=width, depth=depth, profile=_profile(questionnaire, result, width, depth), blend=None)


def blend_status(result: Result, axes: RosterAxes) -> BlendStatus:
    """Whether the result's scores use no map, this map, or an earlier version of it."""
    if result.blend is None:
        return "none"
    used = result.blend
    same = (used.map_width, used.map_depth, used.people) == (axes.width, axes.depth, axes.people)
    return "current" if same else "outdated"


def network_extras(roster: Roster, report: NetworkReport) -> dict[str, Any]:
    """Derived measures to save beside a result: sizes, indices, counts per option, the map's axes.

    Only numbers and content option ids: no names, no per-person rows, no pairs of people.
    """
    axes = report.axes
    return {
        "kind": EXTRAS_KIND,
        "version": EXTRAS_VERSION,
        "people": len(roster.contacts),
        "ties": len(roster.ties),
        "axes": {
            "width": axes.width, "depth": axes.depth,
            "width_parts": dict(axes.width_parts), "depth_parts": dict(axes.depth_parts),
            "weight": roster_weight(axes.people),
        },
        "measures": {m.id: None if m.value is None else round(m.value, 4) for m in report.measures},
        "counts": {d.field: dict(d.counts) for d in report.diversity},
    }


def _profile(questionnaire: Questionnaire, result: Result, width: float, depth: float) -> ProfileRef:
    """The profile (as in ``scoring.score_answers``) of the quadrant these scores fall in."""
    t = result.thresholds
    p = questionnaire.profile(*profile_flags(t, width, depth, result.segments))
    return ProfileRef(p.id, p.wide, p.deep)
