"""The room map on one participant's own phone, their own dot marked (issue 12 §4); a pure function.

Not the projector's figure (``charts.py``): sized for a 390 px screen in the page's normal type,
and drawn from the same released, coarsened room (``summary.py``) plus the one dot the person
owns. Several room dots share a square's centre, so each square shows its head-count beside it
instead of stacking dots that would hide each other. Your own dot is a large star with a ring,
told apart by shape, size and a "You" label, not by colour alone (Okabe–Ito colours).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from assessment.chart_style import (
    FONT_FAMILY, GRID_COLOUR, PALETTE, QUADRANT_TINTS, TEXT_COLOUR, build_figure, plain_label, quadrant_tiles,
    wrap_words,
)
from assessment.room.place import RoomPlace, Square
from assessment.room.summary import DOT_GRID

HEIGHT = 400
LABEL_CHARS = 18


@dataclass(frozen=True, slots=True)
class PlaceChartTexts:
    """The figure's words in the participant's language (``ui/place_view.py`` fills them in)."""

    width_axis: str     # "Width →"
    depth_axis: str     # "Depth →"
    you: str            # the label of the person's own dot
    room: str           # legend name of the room's dots
    dots: Callable[[int], str]  # 3 -> "3 people here" (hover of a square)


def place_map(
    place: RoomPlace, squares: Sequence[Square], profiles: Sequence[Any], *, wide_cut: float, deep_cut: float,
    texts: PlaceChartTexts,
) -> go.Figure:
    """The room's dots by square (count beside squares of two or more), the four quadrants tinted
    and named, and the person's own dot. ``profiles`` have ``wide``, ``deep``, ``name``."""
    shapes, labels = quadrants(profiles, wide_cut=wide_cut, deep_cut=deep_cut)
    half = DOT_GRID / 2
    room = {
        "type": "scatter", "mode": "markers+text", "name": plain_label(texts.room),
        "x": [s.width_from + half for s in squares], "y": [s.depth_from + half for s in squares],
        "text": [str(s.dots) if s.dots > 1 else "" for s in squares], "textposition": "middle right",  # not-text
        "textfont": {"size": 13, "color": TEXT_COLOUR},
        "hovertext": [plain_label(texts.dots(s.dots)) for s in squares], "hoverinfo": "text",
        "marker": {"size": 12, "color": PALETTE["grey"], "opacity": 0.85, "line": {"width": 1, "color": "white"}},
    }
    you = {
        "type": "scatter", "mode": "markers+text", "name": plain_label(texts.you),
        "x": [place.width], "y": [place.depth], "text": [f"<b>{plain_label(texts.you)}</b>"],
        # below the star near the top (the quadrant names sit in the corners), above it elsewhere
        "textposition": "bottom center" if place.depth > 75 else "top center",  # not-text
        "textfont": {"size": 15, "color": PALETTE["black"]}, "hoverinfo": "skip",
        "marker": {"size": 24, "symbol": "star", "color": PALETTE["orange"], "line": {"width": 2, "color": PALETTE["black"]}},
    }
    axis = {"range": [0, 100], "dtick": 25, "gridcolor": GRID_COLOUR, "zeroline": False, "fixedrange": True,
            "tickfont": {"size": 13, "color": TEXT_COLOUR}}
    layout = {
        "font": {"family": FONT_FAMILY, "size": 13, "color": TEXT_COLOUR},
        "height": HEIGHT, "margin": {"l": 48, "r": 12, "t": 36, "b": 48},
        "paper_bgcolor": "white", "plot_bgcolor": "white", "shapes": shapes, "annotations": labels,
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "font": {"size": 13}},
        "xaxis": {**axis, "title": {"text": plain_label(texts.width_axis)}},
        "yaxis": {**axis, "title": {"text": plain_label(texts.depth_axis)}},
    }
    return build_figure([room, you], layout)


def quadrants(profiles: Sequence[Any], *, wide_cut: float, deep_cut: float) -> tuple[list[dict], list[dict]]:
    """The four quadrants of a phone-sized or page-sized map, tinted (shapes) and named in their
    outer corners (annotations). ``profiles`` have ``wide``, ``deep``, ``name``."""
    shapes, labels = [], []
    for p, shape, corner in quadrant_tiles(profiles, wide_cut=wide_cut, deep_cut=deep_cut, tints=QUADRANT_TINTS):
        shapes.append(shape)
        # two short lines: a quadrant of a 390 px phone holds about 18 characters a line
        labels.append({**corner, "text": "<br>".join(wrap_words(plain_label(p.name, 40), LABEL_CHARS)),
                       "font": {"size": 11, "color": TEXT_COLOUR}})
    return shapes, labels
