"""One style for every chart of the app: palette, font, tints, one figure builder, one text sanitizer.

The result charts (``charts.py``), the network map's (``network/charts.py``) and the projector's
(``room/charts.py``) all build their figures here, so they share a palette, a font and one rule for
text that reaches Plotly.

Plotly renders a few HTML-like tags in labels and hover text, and strings that start with ``$``
as MathJax; both have been used to inject links. Every label built from text a person typed
(names, nicknames, imported files) or from content goes through ``plain_label``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go

PALETTE = {
    # Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency.
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
    "grey": "#6B6B6B",
}
WIDTH_COLOUR = PALETTE["blue"]
DEPTH_COLOUR = PALETTE["vermillion"]
# Width and depth also differ in fill, not only in hue (WCAG 1.4.1): depth bars are hatched.
AXIS_PATTERNS = {
    "width": {"shape": ""},
    "depth": {"shape": "/", "fillmode": "overlay", "fgcolor": "white", "fgopacity": 0.6, "size": 7, "solidity": 0.3},
}
FONT_FAMILY = "Source Sans Pro, Segoe UI, Helvetica, Arial, sans-serif"  # not-text
TEXT_COLOUR = "#1a1a1a"
GRID_COLOUR = "#e6e6e6"
# Quadrant tints of the wide-vs-deep map, light enough for black text, told apart by position and
# label, not only hue. A projector washes pale colours out, so the room's map takes stronger ones.
QUADRANT_TINTS = {
    (True, True): "rgba(0,158,115,0.16)",
    (True, False): "rgba(86,180,233,0.16)",
    (False, True): "rgba(230,159,0,0.16)",
    (False, False): "rgba(107,107,107,0.10)",
}
PROJECTOR_TINTS = {
    (True, True): "rgba(0,158,115,0.22)",
    (True, False): "rgba(86,180,233,0.24)",
    (False, True): "rgba(230,159,0,0.22)",
    (False, False): "rgba(107,107,107,0.14)",
}


def build_figure(data: list[Any], layout: dict[str, Any]) -> go.Figure:
    """A figure assembled from plain dicts in one step.

    Plotly validates every property it is given: building a figure call by call costs ~15 ms a
    chart here, a layout given whole with ``_validate=False`` well under 1 ms, and the projector
    and the network page redraw on every refresh or click. The chart tests validate every figure
    in full (``go.Figure(fig.to_dict())``), so nothing invalid slips through.
    """
    return go.Figure({"data": data, "layout": layout}, _validate=False)


def quadrant_tiles(profiles: Sequence[Any], *, wide_cut: float, deep_cut: float,
                   tints: Mapping[tuple[bool, bool], str], inset: tuple[float, float] = (1, 1),
                   ) -> list[tuple[Any, dict[str, Any], dict[str, Any]]]:
    """The four profiles of a Width × Depth map as tiles: per profile (``wide``, ``deep``), its
    tinted rectangle (a shape under the dots) and where its name goes, in its outer corner and
    anchored inwards, ``inset`` (x, y) from the edges (an annotation without its text and font)."""
    xspan = {True: (wide_cut, 100), False: (0, wide_cut)}
    yspan = {True: (deep_cut, 100), False: (0, deep_cut)}
    dx, dy = inset
    tiles = []
    for p in profiles:
        (x0, x1), (y0, y1) = xspan[p.wide], yspan[p.deep]
        shape = {"type": "rect", "x0": x0, "x1": x1, "y0": y0, "y1": y1, "line": {"width": 0},
                 "fillcolor": tints[(p.wide, p.deep)], "layer": "below"}
        corner = {"x": x1 - dx if p.wide else x0 + dx, "y": y1 - dy if p.deep else y0 + dy, "showarrow": False,
                  "xanchor": "right" if p.wide else "left", "yanchor": "top" if p.deep else "bottom",
                  "align": "right" if p.wide else "left"}
        tiles.append((p, shape, corner))
    return tiles


def plain_label(text: object, limit: int = 60) -> str:
    """Text made safe for a Plotly label or hover: cut to ``limit`` characters (before escaping,
    so no ``&lt;`` is cut in half), HTML escaped, and MathJax defused; ``?`` if nothing is left."""
    s = " ".join(str(text).split())
    if not s:
        return "?"
    if len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    s = html.escape(s, quote=True)
    if s.startswith("$"):
        s = "\u200b" + s  # a zero-width space stops Plotly from reading it as MathJax
    return s


_NARROW = frozenset("iljtfr.,:;'|!()[]{} ")
_WIDE = frozenset("mwMW@%")


def label_px(label: str, size: float) -> float:
    """How wide ``label`` (a Plotly label: ``<br>`` lines, ``<b>``/``<i>`` tags, HTML entities) is
    drawn at ``size`` px, its longest line, estimated on the generous side for a sans-serif font
    (bold throughout, capitals and wide letters counted wider).

    Used for a chart's first margins: when they already fit the labels, Plotly's ``automargin``
    has nothing to push and the chart is laid out once instead of twice (about 30 ms a chart in a
    phone's browser, bench/browser_speed.py). ``automargin`` stays on: a short guess costs a
    second layout, never a cut-off label."""
    widest = 0.0
    for line in re.split(r"<br\s*/?>", label):
        text = html.unescape(re.sub(r"<[^>]*>", "", line))
        em = sum(0.32 if c in _NARROW else 0.9 if c in _WIDE else 0.68 if c.isupper() else 0.6 for c in text)
        widest = max(widest, em)
    return widest * size * 1.08


def wrap_words(text: str, width: int) -> list[str]:
    """Greedy word wrap into lines of at most ``width`` characters (a longer word keeps its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]
