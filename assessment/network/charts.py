"""Plotly figures of the network map, as pure functions of a roster and its report.

- ``rings_map``: the person at the centre; deep ties on the inner ring, growing ties in the
  middle, people who only know who you are on the outer ring; angle grouped by segment, so
  each segment is a slice and an empty slice shows where the network is missing (G03).
- ``diversity_chart``: people per segment, organisation and level, deep ties stacked first.

Words come in a ``ChartText`` built by the UI (titles, legend, ring names, the language numbers
are written in); option labels come from content. Colours are the Okabe-Ito palette (Okabe & Ito 2008, ``labels.PALETTE``), safe for colour-blind
readers. Names are user text: every label and hover text goes through ``chart_style.plain_label``
(no leading ``$``, which Plotly would hand to MathJax, then ``html.escape``). Sized to read at 390 px wide:
square plot, small markers and text, legend below.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from assessment.chart_style import FONT_FAMILY, PALETTE, build_figure, plain_label
from assessment.text import format_number
from assessment.network.measures import NetworkReport
from assessment.network.content import NetworkContent
from assessment.network.roster import Roster

# Okabe-Ito, in segment option order; yellow is left out: too faint on white.
SEGMENT_COLOURS = tuple(PALETTE[c] for c in ("orange", "sky", "green", "blue", "vermillion", "purple", "grey"))
EGO_COLOUR, TIE_COLOUR, RING_COLOUR = PALETTE["black"], "#BBBBBB", "#DDDDDD"  # light lines keep labels readable
RING_RADII = (1.0, 2.0, 3.0)  # inner, middle, outer
# An empty wedge at the top (36 degrees) holds the ring names, so they never sit on a person.
TOP_GAP = 2 * math.pi / 10
# Names on the map are cut to this many characters (hover shows them whole): with 25 people on a
# 390 px phone, longer labels run into each other and off the edge.
MAP_LABEL_CHARS = 12
FONT = dict(family=FONT_FAMILY, size=11)


@dataclass(frozen=True, slots=True)
class ChartText:
    """The words of the two figures, in one language (the UI builds it from the catalogue)."""

    language: str
    you: str
    map_title: str
    ties: str
    strength: str
    rings: tuple[str, str, str]          # inner, middle, outer
    groups: Mapping[str, str]            # diversity field id -> group label (segment, organisation, level)
    diversity_title: str
    deep: str
    other: str
    people: str


@dataclass(frozen=True, slots=True)
class MapPoint:
    """Where one person sits on the rings map."""

    contact_id: int
    name: str       # raw user text
    segment: str
    ring: int       # 0 inner (deep), 1 middle, 2 outer
    strength: float
    x: float
    y: float


def ring_of(strength: float, contact, content: NetworkContent) -> int:
    """0 if a deep tie, 2 if not deep and at an outer-ring stage (visibility), else 1."""
    if strength >= content.thresholds.deep_tie:
        return 0
    return 2 if content.matches("outer_ring", contact) else 1


def map_points(roster: Roster, report: NetworkReport, content: NetworkContent) -> tuple[MapPoint, ...]:
    """Positions: radius by ring; after an empty wedge at the top (``TOP_GAP``, for the ring names)
    each segment gets a slice of the rest sized (people + 1), clockwise in option order; people of
    one ring spread evenly in their slice."""
    segments = content.field("segment").ids()
    strength = dict(report.strengths)
    groups: dict[tuple[str, int], list] = defaultdict(list)
    for c in sorted(roster.contacts, key=lambda c: (-strength[c.id], c.name.casefold())):
        groups[(c.segment, ring_of(strength[c.id], c, content))].append(c)
    sizes = [sum(len(groups[(s, r)]) for r in range(3)) + 1 for s in segments]
    total, start, points = sum(sizes), TOP_GAP / 2, []
    for segment, size in zip(segments, sizes):
        width = (2 * math.pi - TOP_GAP) * size / total
        for ring in range(3):
            members = groups[(segment, ring)]
            for i, c in enumerate(members):
                angle = math.pi / 2 - (start + width * (i + 1) / (len(members) + 1))
                x, y = RING_RADII[ring] * math.cos(angle), RING_RADII[ring] * math.sin(angle)
                points.append(MapPoint(c.id, c.name, segment, ring, strength[c.id], x, y))
        start += width
    return tuple(points)


def rings_map(roster: Roster, report: NetworkReport, content: NetworkContent, text: ChartText) -> go.Figure:
    """The rings map: you at the centre, people by ring and segment, lines for who knows whom."""
    points = map_points(roster, report, content)
    where = {p.contact_id: p for p in points}
    # One line trace for all ties; NaN breaks the line between pairs (numpy keeps Plotly fast).
    ties = np.full((len(roster.ties), 3, 2), np.nan)
    for i, (a, b) in enumerate(roster.ties):
        ties[i, 0] = where[a].x, where[a].y
        ties[i, 1] = where[b].x, where[b].y
    traces = [
        dict(type="scatter", x=ties[:, :, 0].ravel(), y=ties[:, :, 1].ravel(), mode="lines",
             name=text.ties, hoverinfo="skip", line=dict(color=TIE_COLOUR, width=1),
             legendrank=900, showlegend=bool(roster.ties)),
        dict(type="scatter", x=[0.0], y=[0.0], mode="markers+text", name=plain_label(text.you),
             text=[plain_label(text.you)], textposition="bottom center", hoverinfo="skip",
             marker=dict(color=EGO_COLOUR, size=14, symbol="diamond"), showlegend=False),
    ]
    rings = text.rings
    for i, segment in enumerate(content.field("segment").ids()):
        group = [p for p in points if p.segment == segment]
        if not group:
            continue
        label, colour = plain_label(content.label("segment", segment)), SEGMENT_COLOURS[i % len(SEGMENT_COLOURS)]
        traces.append(dict(
            type="scatter", x=[p.x for p in group], y=[p.y for p in group], mode="markers+text", name=label,
            text=[plain_label(p.name, MAP_LABEL_CHARS) for p in group], textposition=[_text_position(p) for p in group],
            hovertext=[f"<b>{plain_label(p.name)}</b><br>{label}<br>{rings[p.ring]}<br>"
                       f"{plain_label(text.strength)}: {format_number(p.strength, text.language, 2)}" for p in group],
            hovertemplate="%{hovertext}<extra></extra>", customdata=[p.contact_id for p in group],
            marker=dict(color=colour, size=[8 + 6 * p.strength for p in group], line=dict(color="white", width=1)),
            textfont=dict(size=10)))
    edge = RING_RADII[-1] + 1.1  # room for labels outside the outer ring
    return build_figure(traces, dict(
        title=dict(text=plain_label(text.map_title), x=0.5, font=dict(size=14)), font=FONT,
        height=520, margin=dict(l=4, r=4, t=36, b=4), plot_bgcolor="white", hovermode="closest",
        xaxis=dict(visible=False, range=[-edge, edge], fixedrange=True),
        yaxis=dict(visible=False, range=[-edge, edge], scaleanchor="x", scaleratio=1, fixedrange=True),
        legend=dict(orientation="h", x=0.5, xanchor="center", y=-0.02, yanchor="top", font=dict(size=10)),
        shapes=[dict(type="circle", xref="x", yref="y", x0=-r, y0=-r, x1=r, y1=r, layer="below",
                     line=dict(color=RING_COLOUR, width=1, dash="dot")) for r in RING_RADII],
        # Ring names sit in the empty wedge at the top.
        annotations=[dict(x=0, y=r, text=plain_label(name), showarrow=False, font=dict(size=9, color="#666666"),
                          bgcolor="rgba(255,255,255,0.8)") for r, name in zip(RING_RADII, rings)],
    ))


def diversity_chart(roster: Roster, report: NetworkReport, content: NetworkContent, text: ChartText) -> go.Figure:
    """Horizontal stacked bars: deep and other ties per segment, organisation and level."""
    strength = dict(report.strengths)
    groups, labels, deep, other = [], [], [], []
    for d in report.diversity:
        field = content.field(d.field)
        for option_id, count in d.counts:
            n_deep = sum(1 for c in roster.contacts
                         if getattr(c, d.field) == option_id and strength[c.id] >= content.thresholds.deep_tie)
            groups.append(plain_label(text.groups[d.field]))
            labels.append(field.choice(option_id).label)
            deep.append(n_deep)
            other.append(count - n_deep)
    people = plain_label(text.people)
    bars = [dict(type="bar", x=counts, y=[groups, labels], orientation="h", name=plain_label(words),
                 marker_color=colour, customdata=labels,
                 hovertemplate=f"%{{customdata}}: %{{x}} {people}<extra>{plain_label(words)}</extra>")
            for words, counts, colour in ((text.deep, deep, PALETTE["blue"]), (text.other, other, PALETTE["sky"]))]
    most = max((a + b for a, b in zip(deep, other)), default=0)
    return build_figure(bars, dict(
        title=dict(text=plain_label(text.diversity_title), x=0.5, font=dict(size=14)), font=FONT,
        barmode="stack", height=120 + 22 * len(labels), margin=dict(l=4, r=4, t=36, b=48), plot_bgcolor="white",
        xaxis=dict(dtick=1 if most <= 10 else None, gridcolor="#EEEEEE", fixedrange=True),
        # automargin: the margin grows to fit the two levels of labels (set here, not left to a theme).
        yaxis=dict(autorange="reversed", fixedrange=True, tickfont=dict(size=10), automargin=True),
        # Legend in the bottom margin, below the tick labels, so it never covers them.
        legend=dict(orientation="h", x=0.5, xanchor="center", y=0, yanchor="bottom", yref="container",
                    traceorder="normal"),
    ))


def _text_position(point: MapPoint) -> str:
    """Labels point away from the centre, so they spill outwards rather than over the rings."""
    norm = math.hypot(point.x, point.y) or 1.0
    cos, sin = point.x / norm, point.y / norm
    if cos > 0.38:
        return "middle right"  # not-text: Plotly positions
    if cos < -0.38:
        return "middle left"  # not-text: Plotly positions
    return "top center" if sin > 0 else "bottom center"  # not-text: Plotly positions
