"""Plotly figures of one person's result; pure functions, tested on the data they hold.

Sized to read on a 390 px phone (horizontal bars, short labels, legend on top) and to scale
up on a projector (``scale`` multiplies every font size). Every word on them comes in a
``ChartTexts`` record built by the UI in the reader's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import plotly.graph_objects as go

from assessment.labels import DEPTH_COLOUR, PALETTE, WIDTH_COLOUR, plain_label, wrap_words
from assessment.scoring import Result
from assessment.wording import ResultWords

FONT = "Source Sans Pro, Segoe UI, Helvetica, Arial, sans-serif"  # not-text


@dataclass(frozen=True, slots=True)
class ChartTexts:
    """The words on one result's charts, already in the reader's language (ui/result_view.py)."""

    map_title: str        # e.g. "Width 62 · Depth 40"
    width: str            # axis and legend words
    depth: str
    width_axis: str       # "Width →"
    depth_axis: str
    you: str              # the person's point on the map
    dimensions_title: str
    where_title: str
    known: str            # "People you know"
    favour: str           # "Would do you a favour"
    wide_mark: str        # under a segment's name when it is wide
    deep_mark: str

# Quadrant tints: light enough for black text, and told apart by position and label, not only hue.
QUADRANT_TINTS = {
    (True, True): "rgba(0,158,115,0.16)",
    (True, False): "rgba(86,180,233,0.16)",
    (False, True): "rgba(230,159,0,0.16)",
    (False, False): "rgba(107,107,107,0.10)",
}


def _figure(data: list[dict], layout: dict, title: str, height: int, scale: float) -> go.Figure:
    """Assemble a figure from plain dicts in one step.

    Plotly validates every property it is given; building a figure call by call costs ~15 ms
    each here, a dict passed with ``_validate=False`` well under 1 ms. The tests validate
    every figure in full (``go.Figure(fig.to_dict())``), so nothing invalid slips through.
    """
    base = {
        "title": {"text": title, "font": {"size": 18 * scale}, "x": 0, "xanchor": "left"},
        "font": {"family": FONT, "size": 13 * scale, "color": "#1a1a1a"},
        "height": int(height * scale),
        "margin": {"l": 8, "r": 12, "t": int((48 if title else 12) * scale), "b": int(40 * scale)},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.06, "x": 0, "font": {"size": 13 * scale}},
        "hoverlabel": {"font": {"size": 14 * scale}},
    }
    for axis in ("xaxis", "yaxis"):
        layout[axis] = {"automargin": True, **layout.get(axis, {})}
    return go.Figure({"data": data, "layout": {**base, **layout}}, _validate=False)


def wide_deep_map(
    result: Result,
    quadrant_names: Mapping[tuple[bool, bool], str],
    texts: ChartTexts,
    *,
    scale: float = 1.0,
) -> go.Figure:
    """The person as one point on Width (x) vs Depth (y), with the four profiles as named quadrants."""
    wide_cut, deep_cut = result.thresholds.wide, result.thresholds.deep
    spans = {True: (wide_cut, 100), False: (0, wide_cut)}
    vspans = {True: (deep_cut, 100), False: (0, deep_cut)}
    shapes, annotations = [], []
    for (wide, deep), name in quadrant_names.items():
        x0, x1 = spans[wide]
        y0, y1 = vspans[deep]
        shapes.append({"type": "rect", "x0": x0, "x1": x1, "y0": y0, "y1": y1, "line": {"width": 0},
                       "fillcolor": QUADRANT_TINTS[(wide, deep)], "layer": "below"})
        annotations.append({
            "x": x1 - 2 if wide else x0 + 2, "y": y1 - 3, "xanchor": "right" if wide else "left", "yanchor": "top",
            "text": "<br>".join(f"<b>{line}</b>" for line in wrap_words(plain_label(name, 40), 16)), "showarrow": False,
            "font": {"size": 12 * scale, "color": "#333"}, "align": "right" if wide else "left",
        })
    point = {
        "type": "scatter", "x": [result.width], "y": [result.depth], "mode": "markers+text", "name": plain_label(texts.you),
        "text": [plain_label(texts.you)], "textposition": "bottom center", "textfont": {"size": 14 * scale},  # not-text
        "marker": {"size": 20 * scale, "color": PALETTE["black"], "line": {"width": 3, "color": "white"}, "symbol": "diamond"},
        "hovertemplate": f"{texts.width} %{{x:.0f}} · {texts.depth} %{{y:.0f}}<extra></extra>", "showlegend": False,
    }
    axis = {"range": [0, 100], "dtick": 25, "gridcolor": "#e6e6e6", "zeroline": False, "fixedrange": True,
            "tickfont": {"size": 12 * scale}}
    layout = {
        "shapes": shapes, "annotations": annotations,
        "xaxis": {**axis, "title": {"text": texts.width_axis, "font": {"size": 14 * scale}}},
        "yaxis": {**axis, "title": {"text": texts.depth_axis, "font": {"size": 14 * scale}}},
    }
    return _figure([point], layout, texts.map_title, 400, scale)


def dimension_profile(result: Result, words: ResultWords, texts: ChartTexts, *, scale: float = 1.0,
                      titled: bool = True) -> go.Figure:
    """Horizontal bars, one per dimension, width dimensions in blue above depth ones in vermillion."""
    data = []
    for axis, colour, label in (("width", WIDTH_COLOUR, texts.width), ("depth", DEPTH_COLOUR, texts.depth)):
        dims = [d for d in result.dimensions if d.axis == axis]
        data.append({
            "type": "bar", "y": [plain_label(words.dimension(d.id).name) for d in dims], "x": [d.score for d in dims], "orientation": "h",
            "name": label, "marker": {"color": colour}, "text": [f"{d.score:.0f}" for d in dims],
            "textposition": "outside", "cliponaxis": False, "textfont": {"size": 13 * scale},
            "customdata": [plain_label(words.dimension(d.id).description, 120) for d in dims],
            "hovertemplate": "%{y}: %{x:.0f}<br>%{customdata}<extra></extra>",
        })
    order = [plain_label(words.dimension(d.id).name) for d in result.dimensions]
    layout = {
        "yaxis": {"categoryorder": "array", "categoryarray": list(reversed(order)), "tickfont": {"size": 13 * scale},
                  "fixedrange": True},
        "xaxis": {"range": [0, 108], "dtick": 25, "gridcolor": "#e6e6e6", "fixedrange": True, "tickfont": {"size": 12 * scale}},
        "bargap": 0.3,
    }
    return _figure(data, layout, texts.dimensions_title if titled else "", 60 + 36 * len(result.dimensions), scale)


def where_chart(result: Result, words: ResultWords, texts: ChartTexts, *, scale: float = 1.0,
                titled: bool = True) -> go.Figure:
    """Per segment: how many people you know, and how many of them would do you a favour (G06)."""
    names = [_segment_label(words.segment(s.id), s.wide, s.deep, texts) for s in result.segments]
    bars = {"type": "bar", "y": names, "orientation": "h", "textposition": "outside", "cliponaxis": False,
            "textfont": {"size": 13 * scale}}
    data = [
        {**bars, "x": [s.contacts for s in result.segments], "name": plain_label(texts.known),
         "marker": {"color": WIDTH_COLOUR}, "text": [_count(s.contacts) for s in result.segments],
         "hovertemplate": f"%{{y}}: ~%{{x}} · {plain_label(texts.known)}<extra></extra>"},
        {**bars, "x": [s.favour for s in result.segments], "name": plain_label(texts.favour),
         "marker": {"color": DEPTH_COLOUR}, "text": [_count(s.favour) for s in result.segments],
         "hovertemplate": f"%{{y}}: ~%{{x}} · {plain_label(texts.favour)}<extra></extra>"},
    ]
    top = max([s.contacts for s in result.segments] + [10])
    layout = {
        "yaxis": {"autorange": "reversed", "tickfont": {"size": 13 * scale}, "fixedrange": True},
        "xaxis": {"range": [0, top * 1.22], "gridcolor": "#e6e6e6", "fixedrange": True, "tickfont": {"size": 12 * scale}},
        "barmode": "group", "bargap": 0.25, "bargroupgap": 0.05,
    }
    return _figure(data, layout, texts.where_title if titled else "", 120 + 62 * len(result.segments), scale)


def _segment_label(name: str, wide: bool, deep: bool, texts: ChartTexts) -> str:
    marks = " · ".join(plain_label(m) for m, on in ((texts.wide_mark, wide), (texts.deep_mark, deep)) if on)
    lines = wrap_words(plain_label(name), 14)
    return "<br>".join([f"<b>{line}</b>" for line in lines] + ([f"<i>{marks}</i>"] if marks else []))


def _count(value: float) -> str:
    return f"~{value:g}" if value else "0"


def result_figures(result: Result, quadrant_names: Mapping[tuple[bool, bool], str], words: ResultWords,
                   texts: ChartTexts, *, scale: float = 1.0, titled: bool = True):
    """The three result figures, in page order; ``titled=False`` where the page has its own headings."""
    return (
        wide_deep_map(result, quadrant_names, texts, scale=scale),
        dimension_profile(result, words, texts, scale=scale, titled=titled),
        where_chart(result, words, texts, scale=scale, titled=titled),
    )
