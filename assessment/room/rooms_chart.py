"""Several rooms on one map (issue 12 §6): each room's average Width and Depth as one labelled
point; a pure function of ``rooms.compare_rooms``'s figures.

A room under its minimum group size has no average, so it has no point (the page says why).
Rooms are told apart by their label beside the point and by marker shape, not by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from assessment.chart_style import FONT_FAMILY, GRID_COLOUR, PALETTE, TEXT_COLOUR, build_figure, plain_label
from assessment.room.place_chart import quadrants
from assessment.room.rooms import RoomsComparison

SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon", "pentagon", "triangle-down")
COLOURS = ("blue", "vermillion", "green", "purple", "orange", "sky", "black", "grey")
HEIGHT = 460


@dataclass(frozen=True, slots=True)
class RoomsChartTexts:
    width_axis: str  # "Average Width →"
    depth_axis: str  # "Average Depth →"


def room_averages(compared: RoomsComparison) -> tuple[tuple[str, float, float], ...]:
    """(label, average Width, average Depth) of every room that has figures, in the rooms' order."""
    width = next(a for a in compared.averages if a.figure == "width").values
    depth = next(a for a in compared.averages if a.figure == "depth").values
    return tuple((side.label, w, d) for side, w, d in zip(compared.rooms, width, depth)
                 if w is not None and d is not None)


def rooms_map(
    compared: RoomsComparison, profiles: Sequence[Any], *, wide_cut: float, deep_cut: float, texts: RoomsChartTexts,
) -> go.Figure:
    """One point per room with figures, labelled with the room; the quadrants as on the person's map."""
    shapes, labels = quadrants(profiles, wide_cut=wide_cut, deep_cut=deep_cut)
    data = [
        {"type": "scatter", "mode": "markers+text", "name": plain_label(label, 40), "showlegend": False,
         "x": [width], "y": [depth], "text": [plain_label(label, 30)],
         "textposition": "middle left" if width > 50 else "middle right",  # not-text: away from the edge
         "textfont": {"size": 14, "color": TEXT_COLOUR}, "hovertemplate": "%{text}: %{x:.0f}, %{y:.0f}<extra></extra>",
         "marker": {"size": 16, "symbol": SYMBOLS[n % len(SYMBOLS)], "color": PALETTE[COLOURS[n % len(COLOURS)]],
                    "line": {"width": 1.5, "color": "white"}}}
        for n, (label, width, depth) in enumerate(room_averages(compared))
    ]
    axis = {"range": [0, 100], "dtick": 25, "gridcolor": GRID_COLOUR, "zeroline": False, "fixedrange": True,
            "tickfont": {"size": 13, "color": TEXT_COLOUR}}
    return build_figure(data, {
        "font": {"family": FONT_FAMILY, "size": 13, "color": TEXT_COLOUR}, "height": HEIGHT,
        "margin": {"l": 56, "r": 16, "t": 16, "b": 52}, "paper_bgcolor": "white", "plot_bgcolor": "white",
        "shapes": shapes, "annotations": labels,
        "xaxis": {**axis, "title": {"text": plain_label(texts.width_axis)}},
        "yaxis": {**axis, "title": {"text": plain_label(texts.depth_axis)}},
    })
