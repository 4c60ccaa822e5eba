"""Plotly figures of a workshop room for the projector; pure functions of a ``RoomSummary``.

Read from the back of a room: ticks 24 px, titles 32 px, black on white, Okabe–Ito colours
(Okabe & Ito 2008), and every distinction also carried by position, text or pattern, not hue
alone. Every label goes through ``plain_label`` (escaped, MathJax defused), including
content text, because a workshop title or note is typed by a person.

The map draws one anonymous dot per response. Up to ``WEBGL_FROM`` dots it uses SVG
(``Scatter``: crisp, and a few dozen dots is the usual room); above that, WebGL
(``Scattergl``) with smaller, fainter dots, so 10,000 responses still draw at once.
Coordinates go in as float32 arrays, which Plotly 7 ships base64-encoded (8 bytes a dot).

Every word comes in a ``RoomChartTexts`` built by the UI in the session's language: titles,
axis and legend words, and small functions for the counted phrases ("1 person", "12 answers"),
so plurals and numbers follow the language's rules, not this module's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import plotly.graph_objects as go

from assessment.chart_style import (
    DEPTH_COLOUR, FONT_FAMILY, PALETTE, PROJECTOR_TINTS, WIDTH_COLOUR, build_figure, plain_label, quadrant_tiles,
    wrap_words,
)
from assessment.room.summary import RoomSummary

TICK_PX = 24
TEXT_PX = 26
TITLE_PX = 32
WEBGL_FROM = 1000
LABEL_CHARS = 16  # a quadrant's name wraps after this many characters
COVERED_COLOUR = PALETTE["green"]
NOBODY_COLOUR = PALETTE["vermillion"]


@dataclass(frozen=True, slots=True)
class RoomChartTexts:
    """The words of the projector's figures (the UI fills them in, ``ui/room_feed.py``)."""

    map_title: str          # the map's title, before its count of answers
    width_axis: str         # "Width →"
    depth_axis: str         # "Depth →"
    dimensions_title: str
    segments_title: str
    reach_title: str
    reach_axis: str         # under the reach bars: what they count
    width: str              # legend of the width bars (dimensions and segments alike: one word)
    depth: str              # legend of the depth bars
    nobody_yet: str         # a segment where nobody in the room is deep
    suppressed: str         # why the averages are not shown yet
    answers: Callable[[int], str]         # 12 -> "12 answers"
    people: Callable[[int], str]          # 1 -> "1 person"
    deep_count: Callable[[int, float], str]  # (2, 0.5) -> "2 (50%)"
    score: Callable[[float], str]         # 62.5 -> "62"


@dataclass(frozen=True, slots=True)
class Frame:
    """Where a figure goes: ``scale`` multiplies every font (1: ticks 24 px; a projector screen
    passes its own, ``ui/projector_view.py``), ``height`` in pixels replaces the figure's own
    (None: its own, times ``scale``), and ``titled`` False leaves the title to the page (a
    one-idea projector screen says it in its heading)."""

    scale: float = 1.0
    height: int | None = None
    titled: bool = True


def _figure(data: list[dict[str, Any]], title: str, height: int, frame: Frame, **layout: Any) -> go.Figure:
    """One figure built in a single call: Plotly validates a whole layout dict ~50x faster
    than a chain of ``add_shape`` / ``update_xaxes`` calls (3 ms against 145 ms for the map),
    and a projector page redraws every few seconds on the server that serves the room."""
    scale = frame.scale
    base = {
        "font": {"family": FONT_FAMILY, "size": TEXT_PX * scale, "color": "#000000"},
        "height": frame.height or int(height * scale),
        "margin": {"l": 16, "r": int(40 * scale), "t": int((110 if frame.titled else 56) * scale), "b": 16},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "font": {"size": TEXT_PX * scale}},
        "hoverlabel": {"font": {"size": TEXT_PX * scale}},
    }
    if frame.titled:  # black in the dark theme too: Streamlit's theme would make it light
        base["title"] = {"text": plain_label(title, 80), "font": {"size": TITLE_PX * scale, "color": "#000000"},
                         "x": 0, "xanchor": "left"}
    return build_figure(data, {**base, **layout})


def _axis(scale: float, **extra: Any) -> dict[str, Any]:
    # Black ticks set here: Streamlit's chart theme would grey them, too faint on a projector.
    # automargin: the labels push the plot in, never get cut (Streamlit's theme did this before).
    return {"gridcolor": "#d0d0d0", "fixedrange": True, "zeroline": False, "automargin": True,
            "tickfont": {"size": TICK_PX * scale, "color": "#000000"}, **extra}


def _suppressed(title: str, message: str, frame: Frame) -> go.Figure:
    """An empty chart that says why it is empty, so the projector never shows a blank."""
    note = {"text": "<br>".join(wrap_words(plain_label(message, 120), 28)), "x": 0.5, "y": 0.5, "xref": "paper", "yref": "paper",
            "showarrow": False, "font": {"size": TEXT_PX * frame.scale, "color": "#333333"}}
    hidden = {"visible": False, "fixedrange": True}
    return _figure([], title, 360, frame, annotations=[note], xaxis=hidden, yaxis=hidden)


def room_map(
    summary: RoomSummary,
    profiles: Sequence[Any],
    *,
    wide_cut: float,
    deep_cut: float,
    texts: RoomChartTexts,
    frame: Frame = Frame(),
) -> go.Figure:
    """Everyone as an anonymous dot on Width (x) vs Depth (y), the four quadrants shaded and
    named with their head-count. ``profiles`` have ``id``, ``wide``, ``deep``, ``name``
    (``questionnaire.Profile``)."""
    scale = frame.scale
    shapes, labels = [], []
    tiles = quadrant_tiles(profiles, wide_cut=wide_cut, deep_cut=deep_cut, tints=PROJECTOR_TINTS, inset=(1.5, 2))
    for p, shape, corner in tiles:
        shapes.append(shape)
        count = summary.profile_count(p.id)
        # Labels sit in the chart's outer corners, away from the middle where dots crowd.
        labels.append({
            **corner,
            # Wrapped: two long names side by side must not run into each other on a narrow map.
            "text": "<br>".join(f"<b>{plain_label(line, 40)}</b>" for line in wrap_words(str(p.name), LABEL_CHARS)[:3])
                    + ("" if summary.suppressed else "<br>" + plain_label(texts.people(count))),
            "font": {"size": TEXT_PX * scale, "color": "#000000"}, "bgcolor": "rgba(255,255,255,0.4)",  # a dot under a label still shows
        })
    x = np.fromiter((p.width for p in summary.points), dtype=np.float32, count=len(summary.points))
    y = np.fromiter((p.depth for p in summary.points), dtype=np.float32, count=len(summary.points))
    many = len(x) >= WEBGL_FROM
    dots = {
        "type": "scattergl" if many else "scatter", "x": x, "y": y, "mode": "markers",
        "showlegend": False, "hoverinfo": "skip",
        "marker": {"size": (7 if many else 18) * scale, "color": PALETTE["black"],
                   "opacity": 0.35 if many else 0.75, "line": {"width": 0 if many else 2, "color": "white"}},
    }
    axis = {"range": [0, 100], "dtick": 25}
    heading = f"{texts.map_title} · {texts.answers(summary.responses)}"
    return _figure(
        [dots], heading, 720, frame, shapes=shapes, annotations=labels,
        xaxis=_axis(scale, title=_axis_title(texts.width_axis, scale), **axis),
        yaxis=_axis(scale, title=_axis_title(texts.depth_axis, scale), **axis),
    )


def _axis_title(text: str, scale: float) -> dict[str, Any]:
    return {"text": plain_label(text), "font": {"size": TEXT_PX * scale, "color": "#000000"}}


def _bars(
    y: list[str], values: list[float | None], name: str, colour: str, pattern: str, scale: float,
    score: Callable[[float], str],
) -> dict[str, Any]:
    return {
        "type": "bar", "orientation": "h", "y": y, "x": [v or 0 for v in values], "name": name,
        # "overlay": stripes over the bar colour; the default ("replace") draws white stripes on
        # nothing in Streamlit's plotly.js, and the Depth bars vanished.
        "marker": {"color": colour, "pattern": {"shape": pattern, "fgcolor": "rgba(255,255,255,0.6)", "fillmode": "overlay"}},
        "text": ["–" if v is None else score(v) for v in values], "textposition": "outside", "cliponaxis": False,
        "textfont": {"size": TEXT_PX * scale}, "hovertemplate": "%{y}: %{x:.0f}<extra></extra>",
    }


def room_dimension_bars(
    summary: RoomSummary,
    dimensions: Sequence[Any],
    *,
    texts: RoomChartTexts,
    frame: Frame = Frame(),
) -> go.Figure:
    """One bar per dimension, width dimensions (blue) above depth ones (vermillion, hatched).
    ``dimensions`` have ``id``, ``name``, ``axis`` (``questionnaire.Dimension``)."""
    title, scale = texts.dimensions_title, frame.scale
    if summary.dimensions is None:
        return _suppressed(title, texts.suppressed, frame)
    means = {d.id: d.mean for d in summary.dimensions}
    data = []
    for axis, colour, label, pattern in (("width", WIDTH_COLOUR, texts.width, ""), ("depth", DEPTH_COLOUR, texts.depth, "/")):
        dims = [d for d in dimensions if d.axis == axis and d.id in means]
        names = [plain_label(d.name) for d in dims]
        data.append(_bars(names, [means[d.id] for d in dims], plain_label(label), colour, pattern, scale, texts.score))
    order = [plain_label(d.name) for d in dimensions if d.id in means]
    return _figure(
        data, title, 140 + 64 * len(order), frame, bargap=0.25,
        yaxis=_axis(scale, categoryorder="array", categoryarray=order[::-1]),
        xaxis=_axis(scale, range=[0, 112], dtick=25),
    )


def room_segment_bars(
    summary: RoomSummary,
    segment_names: Mapping[str, str],
    *,
    texts: RoomChartTexts,
    frame: Frame = Frame(),
) -> go.Figure:
    """Per segment, the room's mean width (blue) and depth (vermillion, hatched), 0–100; the
    legend says Width and Depth with the same words as the dimension bars."""
    title, scale = texts.segments_title, frame.scale
    if summary.segments is None:
        return _suppressed(title, texts.suppressed, frame)
    names = [plain_label(segment_names.get(s.id, s.id)) for s in summary.segments]
    width, depth = plain_label(texts.width), plain_label(texts.depth)
    data = [
        _bars(names, [s.breadth for s in summary.segments], width, WIDTH_COLOUR, "", scale, texts.score),
        _bars(names, [s.depth for s in summary.segments], depth, DEPTH_COLOUR, "/", scale, texts.score),
    ]
    return _figure(
        data, title, 160 + 110 * len(names), frame, barmode="group", bargap=0.25, bargroupgap=0.05,
        yaxis=_axis(scale, autorange="reversed"), xaxis=_axis(scale, range=[0, 112], dtick=25),
    )


def room_reach_chart(
    summary: RoomSummary,
    segment_names: Mapping[str, str],
    *,
    texts: RoomChartTexts,
    frame: Frame = Frame(),
) -> go.Figure:
    """Per segment, how many people are deep there: green bars where the room covers it deeply,
    and 'nobody yet' written in vermillion where no one does (G02, G03)."""
    title, scale = texts.reach_title, frame.scale
    if summary.segments is None:
        return _suppressed(title, texts.suppressed, frame)
    segs = summary.segments
    covered = [s.reach == "covered_deeply" for s in segs]
    bars = {
        "type": "bar", "orientation": "h", "showlegend": False, "cliponaxis": False,
        "y": [plain_label(segment_names.get(s.id, s.id)) for s in segs], "x": [s.deep_count for s in segs],
        "marker": {"color": [COVERED_COLOUR if c else NOBODY_COLOUR for c in covered]},
        "text": [_reach_text(s.deep_count, s.deep_share, texts) for s in segs], "textposition": "outside",
        "textfont": {"size": TEXT_PX * scale, "color": ["#000000" if c else NOBODY_COLOUR for c in covered]},
        "hoverinfo": "skip",
    }
    top = max([s.deep_count for s in segs] + [1])
    return _figure(
        [bars], title, 180 + 80 * len(segs), frame,
        yaxis=_axis(scale, autorange="reversed"),
        xaxis=_axis(scale, range=[0, top * 1.45], rangemode="tozero",
                    title=_axis_title(texts.reach_axis, scale)),
    )


def _reach_text(count: int, share: float, texts: RoomChartTexts) -> str:
    if count == 0:
        return f"<b>{plain_label(texts.nobody_yet)}</b>"
    return plain_label(texts.deep_count(count, share))
