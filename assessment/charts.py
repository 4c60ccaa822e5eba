"""Plotly figures of one person's result; pure functions, tested on the data they hold.

Sized to read on a 390 px phone (horizontal bars, short labels, legend on top) and to scale
up on a projector (``scale`` multiplies every font size). Every word on them comes in a
``ChartTexts`` record built by the UI in the reader's language.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import plotly.graph_objects as go

from assessment.chart_style import (
    AXIS_PATTERNS, DEPTH_COLOUR, FONT_FAMILY, PALETTE, QUADRANT_TINTS, WIDTH_COLOUR, build_figure, label_px, plain_label,
    wrap_words,
)
from assessment.questionnaire import Band
from assessment.scoring import Result
from assessment.wording import ResultWords



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
    wide_zone: str = ""   # under the known panel's title: what the shaded bands mean ("shaded: wide")
    deep_zone: str = ""


def _figure(data: list[dict], layout: dict, title: str, height: int, scale: float,
            margin: Mapping[str, float] | None = None) -> go.Figure:
    """Assemble a figure from plain dicts in one step; ``margin`` (left, bottom) sized to its labels
    (``label_px``), so ``automargin`` finds them fitting and the browser lays the chart out once.

    Plotly validates every property it is given; building a figure call by call costs ~15 ms
    each here, a dict passed with ``_validate=False`` well under 1 ms. The tests validate
    every figure in full (``go.Figure(fig.to_dict())``), so nothing invalid slips through.
    """
    base = {
        "title": {"text": title, "font": {"size": 18 * scale}, "x": 0, "xanchor": "left"},
        "font": {"family": FONT_FAMILY, "size": 13 * scale, "color": "#1a1a1a"},
        "height": int(height * scale),
        "margin": {"l": 8, "r": 12, "t": int((48 if title else 12) * scale), "b": int(40 * scale),
                   **{side: int(math.ceil(px)) for side, px in (margin or {}).items()}},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.06, "x": 0, "font": {"size": 13 * scale}},
        "hoverlabel": {"font": {"size": 14 * scale}},
    }
    for axis in ("xaxis", "yaxis"):
        layout[axis] = {"automargin": True, **layout.get(axis, {})}
    return build_figure(data, {**base, **layout})


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
        "text": [plain_label(texts.you)], "textfont": {"size": 14 * scale}, "cliponaxis": False,
        # near an edge the label leans inwards, so "You" at Width 99 is not cut off by the plot's border
        "textposition": "bottom left" if result.width > 90 else "bottom right" if result.width < 10 else "bottom center",  # not-text
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
    ticks, title = label_px("100", 12 * scale), 1.4 * 14 * scale  # tick labels, then the axis title beside them
    return _figure([point], layout, texts.map_title, 400, scale,
                   margin={"l": ticks + title + 16, "b": 1.4 * 12 * scale + title + 16})


def dimension_profile(result: Result, words: ResultWords, texts: ChartTexts, *, scale: float = 1.0,
                      titled: bool = True) -> go.Figure:
    """Horizontal bars, one per dimension, width dimensions in blue above depth ones in vermillion.
    Depth bars are also hatched (in the legend too), so the two read apart without colour (WCAG 1.4.1)."""
    data = []
    for axis, colour, label in (("width", WIDTH_COLOUR, texts.width), ("depth", DEPTH_COLOUR, texts.depth)):
        dims = [d for d in result.dimensions if d.axis == axis]
        data.append({
            "type": "bar", "y": [plain_label(words.dimension(d.id).name) for d in dims], "x": [d.score for d in dims], "orientation": "h",
            "name": label, "marker": {"color": colour, "pattern": AXIS_PATTERNS[axis]}, "text": [f"{d.score:.0f}" for d in dims],
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
    legend = 1.6 * 13 * scale + 16  # the legend's one line, under the ticks
    return _figure(data, layout, texts.dimensions_title if titled else "", 60 + 36 * len(result.dimensions), scale,
                   margin={"l": max(label_px(name, 13 * scale) for name in order) + 16 if order else 8,
                           "b": 1.4 * 12 * scale + 12 + legend})


def where_chart(result: Result, words: ResultWords, texts: ChartTexts, *, scale: float = 1.0,
                titled: bool = True) -> go.Figure:
    """Per segment, the ranges the person chose: people known (left) and people who would do a favour
    (right, G06), each on its own scale of the bands, so a small depth is as visible as a large
    breadth. The bands from the segment threshold on are shaded; a filled dot is a wide (deep) part.
    Never a head-count: the person answered ranges, so the chart shows ranges."""
    known_col, favour_col = _grid_columns(words)
    names = [_segment_label(words.segment(s.id), s.wide, s.deep, texts) for s in result.segments]
    data, shapes, annotations, axes = [], [], [], {}
    panels = (
        ("x", known_col, "known_band", "breadth", "wide", result.thresholds.segment_wide, WIDTH_COLOUR,
         "rgba(0,114,178,0.10)", texts.known, texts.wide_zone, (0, 0.47)),
        ("x2", favour_col, "favour_band", "depth", "deep", result.thresholds.segment_deep, DEPTH_COLOUR,
         "rgba(213,94,0,0.10)", texts.favour, texts.deep_zone, (0.53, 1)),
    )
    for axis, bands, band_field, score_field, flag, cut, colour, tint, title, zone, domain in panels:
        labels = [plain_label(b.label, 20) for b in bands]
        chosen = [_band_label(bands, getattr(s, band_field), getattr(s, score_field)) for s in result.segments]
        data.append({
            "type": "scatter", "x": chosen, "y": names, "xaxis": axis, "yaxis": "y", "mode": "markers+text",
            "name": plain_label(title), "text": chosen, "cliponaxis": False,
            "textposition": ["top left" if c == labels[-1] else "top center" for c in chosen],  # not-text
            "textfont": {"size": 13 * scale, "color": "#1a1a1a"},
            "marker": {"size": 16 * scale, "color": [colour if getattr(s, flag) else "white" for s in result.segments],
                       "line": {"width": 2.5 * scale, "color": colour}},
            "hovertemplate": f"%{{y}}<br>{plain_label(title)}: %{{x}}<extra></extra>", "showlegend": False,
        })
        first = next((n for n, b in enumerate(bands) if 100 * b.value >= cut), len(bands))
        shapes.append({"type": "rect", "xref": axis, "yref": "paper", "x0": first - 0.5, "x1": len(bands) - 0.5,
                       "y0": 0, "y1": 1, "fillcolor": tint, "line": {"width": 0}, "layer": "below"})
        head = "<br>".join(f"<b>{line}</b>" for line in wrap_words(plain_label(title), 18))
        annotations.append({"xref": f"{axis} domain", "yref": "paper", "x": 0.5, "y": 1.0, "yanchor": "bottom",
                            "yshift": 14 * scale, "showarrow": False, "font": {"size": 13 * scale},
                            "text": f"{head}<br><i>{plain_label(zone)}</i>"})
        axes["xaxis" if axis == "x" else "xaxis2"] = {
            "domain": list(domain), "type": "category", "categoryorder": "array", "categoryarray": labels,
            "range": [-0.5, len(labels) - 0.5], "fixedrange": True, "showgrid": True, "gridcolor": "#eeeeee",
            "tickfont": {"size": 11 * scale, "color": "#555"}, "tickangle": -90, "automargin": True,
        }
    layout = {
        **axes, "shapes": shapes, "annotations": annotations, "showlegend": False,
        "yaxis": {"autorange": "reversed", "type": "category", "tickfont": {"size": 13 * scale}, "fixedrange": True},
    }
    bands = [plain_label(b.label, 20) for b in (*known_col, *favour_col)]  # ticks turned on their side
    figure = _figure(data, layout, texts.where_title if titled else "", 150 + 58 * len(result.segments), scale,
                     margin={"l": max((label_px(n, 13 * scale) for n in names), default=0) + 16,
                             "b": max((label_px(b, 11 * scale) for b in bands), default=0) + 14})
    figure.layout.margin.t = int((120 if titled else 78) * scale)
    figure.layout.title.update(y=1, yref="container", yanchor="top", pad={"t": 12 * scale})
    return figure


def _grid_columns(words: ResultWords) -> tuple[tuple[Band, ...], tuple[Band, ...]]:
    """The bands of the grid's two columns (known, favour) in the reader's questionnaire."""
    grid = next((i for i in words.questionnaire.items if i.kind == "segment_grid"), None)
    if grid is None or len(grid.columns) < 2:
        return (), ()
    return grid.columns[0].bands, grid.columns[1].bands


def _band_label(bands: tuple[Band, ...], band_id: str, score: float) -> str | None:
    """The words of the band chosen; for a result saved before bands were kept, the band of that score."""
    found = next((b for b in bands if b.id == band_id), None) or next(
        (b for b in bands if not band_id and round(100 * b.value, 1) == score), None)
    return plain_label(found.label, 20) if found else None


def _segment_label(name: str, wide: bool, deep: bool, texts: ChartTexts) -> str:
    marks = " · ".join(plain_label(m) for m, on in ((texts.wide_mark, wide), (texts.deep_mark, deep)) if on)
    lines = wrap_words(plain_label(name), 14)
    return "<br>".join([f"<b>{line}</b>" for line in lines] + ([f"<i>{marks}</i>"] if marks else []))


def result_figures(result: Result, quadrant_names: Mapping[tuple[bool, bool], str], words: ResultWords,
                   texts: ChartTexts, *, scale: float = 1.0, titled: bool = True):
    """The three result figures, in page order; ``titled=False`` where the page has its own headings."""
    return (
        wide_deep_map(result, quadrant_names, texts, scale=scale),
        dimension_profile(result, words, texts, scale=scale, titled=titled),
        where_chart(result, words, texts, scale=scale, titled=titled),
    )
