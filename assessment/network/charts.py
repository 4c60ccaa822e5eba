"""Plotly figures of the network map, as pure functions of a roster and its report.

- ``rings_map``: an egogram, as ego-network researchers draw one (egor's rings and sectors):
  the person at the centre; deep ties on the inner ring, growing ties in the middle, people who
  only know who you are on the outer ring; one sector of the same size per segment, named at the
  rim, so the map itself shows where the network is wide (a sector with people in it) and where
  it is deep (people near the centre), and an empty sector shows where it is missing (G03).
  Who knows whom are curves that bend away from the centre, never lines through "You".
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

from assessment.chart_style import FONT_FAMILY, PALETTE, build_figure, plain_label, wrap_words
from assessment.text import format_number
from assessment.network.measures import NetworkReport
from assessment.network.content import NetworkContent
from assessment.network.roster import Roster

# Okabe-Ito, in segment option order; yellow is left out: too faint on white.
SEGMENT_COLOURS = tuple(PALETTE[c] for c in ("orange", "sky", "green", "blue", "vermillion", "purple", "grey"))
EGO_COLOUR, TIE_COLOUR, RING_COLOUR = PALETTE["black"], "#8C8C8C", "#D0D0D0"  # ties at 3.4:1 on white (WCAG 1.4.11), rings fainter
RING_RADII = (1.0, 2.0, 3.0)  # inner, middle, outer
# An empty wedge at the top (36 degrees) holds the ring names, so they never sit on a person.
TOP_GAP = 2 * math.pi / 10
# Names on the map are cut to this many characters (hover shows them whole): with 25 people on a
# 390 px phone, longer labels run into each other and off the edge.
MAP_LABEL_CHARS = 12
FONT = dict(family=FONT_FAMILY, size=12)
# Text on the map: at least 11 px and near-black on white (15:1), readable on a 390 px phone.
LABEL_COLOUR, RING_NAME_COLOUR, SECTOR_LINE_COLOUR = "#222222", "#444444", "#E4E4E4"
SECTOR_NAME_RADIUS = RING_RADII[-1] + 1.0  # segment names outside the outer ring, clear of its labels
TIE_STEPS = 12  # points along each who-knows-whom curve


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


def sector_angles(content: NetworkContent) -> tuple[tuple[str, float, float], ...]:
    """Each segment's sector as (segment, start, width) in radians clockwise from the top: after an
    empty wedge at the top (``TOP_GAP``, for the ring names) the rest is cut into equal sectors in
    option order. Equal, as in an egogram: a full sector and an empty one look different."""
    segments = content.field("segment").ids()
    width = (2 * math.pi - TOP_GAP) / len(segments)
    return tuple((s, TOP_GAP / 2 + i * width, width) for i, s in enumerate(segments))


def map_points(roster: Roster, report: NetworkReport, content: NetworkContent) -> tuple[MapPoint, ...]:
    """Positions: radius by ring, angle by segment (``sector_angles``); people of one ring spread
    evenly in their sector, strongest first."""
    strength = dict(report.strengths)
    groups: dict[tuple[str, int], list] = defaultdict(list)
    for c in sorted(roster.contacts, key=lambda c: (-strength[c.id], c.name.casefold())):
        groups[(c.segment, ring_of(strength[c.id], c, content))].append(c)
    points = []
    for segment, start, width in sector_angles(content):
        for ring in range(3):
            members = groups[(segment, ring)]
            for i, c in enumerate(members):
                angle = math.pi / 2 - (start + width * (i + 1) / (len(members) + 1))
                x, y = RING_RADII[ring] * math.cos(angle), RING_RADII[ring] * math.sin(angle)
                points.append(MapPoint(c.id, c.name, segment, ring, strength[c.id], x, y))
    return tuple(points)


def tie_curve(a: MapPoint, b: MapPoint, steps: int = TIE_STEPS) -> np.ndarray:
    """Points of a quadratic Bézier curve from ``a`` to ``b`` whose control point lies on the
    bisector of their angles, at the outer one's radius: the curve bends away from the centre, so
    a tie between two sides of the map never runs through "You" (its middle stays at least half
    a ring from the centre)."""
    angle_a, angle_b = math.atan2(a.y, a.x), math.atan2(b.y, b.x)
    turn = (angle_b - angle_a + math.pi) % (2 * math.pi) - math.pi  # the shorter way round
    middle, radius = angle_a + turn / 2, max(math.hypot(a.x, a.y), math.hypot(b.x, b.y))
    control = np.array([radius * math.cos(middle), radius * math.sin(middle)])
    s = np.linspace(0.0, 1.0, steps + 1)[:, None]
    return (1 - s) ** 2 * np.array([a.x, a.y]) + 2 * (1 - s) * s * control + s ** 2 * np.array([b.x, b.y])


@dataclass(frozen=True, slots=True)
class MapSummary:
    """What the rings map shows, in numbers, for its one-sentence summary: people per ring (inner,
    middle, outer), the segments with people (in option order, with their count) and those without."""

    people: int
    per_ring: tuple[int, ...]
    filled: tuple[tuple[str, int], ...]
    empty: tuple[str, ...]


def summarise_map(points: tuple[MapPoint, ...], content: NetworkContent) -> MapSummary:
    """The numbers of the map's summary sentence (the UI words them)."""
    per_ring = tuple(sum(1 for p in points if p.ring == r) for r in range(3))
    counts = [(s, sum(1 for p in points if p.segment == s)) for s in content.field("segment").ids()]
    return MapSummary(len(points), per_ring, tuple((s, n) for s, n in counts if n), tuple(s for s, n in counts if not n))


def rings_map(roster: Roster, report: NetworkReport, content: NetworkContent, text: ChartText) -> go.Figure:
    """The rings map: you at the centre, people by ring and segment, lines for who knows whom."""
    points = map_points(roster, report, content)
    where = {p.contact_id: p for p in points}
    # One line trace for all ties; NaN breaks the line between pairs (numpy keeps Plotly fast).
    ties = np.full((len(roster.ties), TIE_STEPS + 2, 2), np.nan)
    for i, (a, b) in enumerate(roster.ties):
        ties[i, :-1] = tie_curve(where[a], where[b])
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
            marker=dict(color=colour, size=[9 + 7 * p.strength for p in group], line=dict(color="white", width=1)),
            textfont=dict(size=12, color=LABEL_COLOUR)))
    edge = SECTOR_NAME_RADIUS + 0.85  # room for the segment names (10 characters a line) outside the outer ring
    sectors = sector_angles(content)
    # Sector edges: a faint line from near the centre to past the outer ring at each sector's
    # start, and one closing the last sector (the top wedge's other side).
    starts = [start for _, start, _ in sectors] + [2 * math.pi - TOP_GAP / 2]
    edges = [dict(type="line", xref="x", yref="y", layer="below", line=dict(color=SECTOR_LINE_COLOUR, width=1),
                  x0=0.5 * math.sin(a), y0=0.5 * math.cos(a),
                  x1=(RING_RADII[-1] + 0.3) * math.sin(a), y1=(RING_RADII[-1] + 0.3) * math.cos(a)) for a in starts]
    names = [dict(x=SECTOR_NAME_RADIUS * math.sin(start + width / 2), y=SECTOR_NAME_RADIUS * math.cos(start + width / 2),
                  text="<br>".join(wrap_words(plain_label(content.label("segment", s)), 10)), showarrow=False,
                  font=dict(size=11, color=LABEL_COLOUR)) for s, start, width in sectors]
    return build_figure(traces, dict(
        title=dict(text=plain_label(text.map_title), x=0.5, font=dict(size=14)), font=FONT,
        height=520, margin=dict(l=4, r=4, t=36, b=4), plot_bgcolor="white", hovermode="closest",
        xaxis=dict(visible=False, range=[-edge, edge], fixedrange=True),
        yaxis=dict(visible=False, range=[-edge, edge], scaleanchor="x", scaleratio=1, fixedrange=True),
        legend=dict(orientation="h", x=0.5, xanchor="center", y=-0.02, yanchor="top", font=dict(size=10)),
        shapes=[dict(type="circle", xref="x", yref="y", x0=-r, y0=-r, x1=r, y1=r, layer="below",
                     line=dict(color=RING_COLOUR, width=1, dash="dot")) for r in RING_RADII] + edges,
        # Ring names sit in the empty wedge at the top; segment names at the rim of their sector.
        annotations=[dict(x=0, y=r, text=plain_label(name), showarrow=False, font=dict(size=11, color=RING_NAME_COLOUR),
                          bgcolor="rgba(255,255,255,0.85)") for r, name in zip(RING_RADII, rings)] + names,
    ))


@dataclass(frozen=True, slots=True)
class SpreadCount:
    """One bar of the spread chart: how many people hold ``option`` of ``field``, deep ties apart."""

    field: str
    option: str
    deep: int
    other: int


def spread_counts(roster: Roster, report: NetworkReport, content: NetworkContent) -> tuple[SpreadCount, ...]:
    """People per segment, organisation and level (every option, in order), deep ties counted apart:
    the spread chart's bars, and its table."""
    strength = dict(report.strengths)
    counts = []
    for d in report.diversity:
        for option_id, count in d.counts:
            deep = sum(1 for c in roster.contacts
                       if getattr(c, d.field) == option_id and strength[c.id] >= content.thresholds.deep_tie)
            counts.append(SpreadCount(d.field, option_id, deep, count - deep))
    return tuple(counts)


def diversity_chart(roster: Roster, report: NetworkReport, content: NetworkContent, text: ChartText) -> go.Figure:
    """Horizontal stacked bars: deep and other ties per segment, organisation and level."""
    groups, labels, deep, other = [], [], [], []
    for row in spread_counts(roster, report, content):
        groups.append(plain_label(text.groups[row.field]))
        labels.append(content.label(row.field, row.option))
        deep.append(row.deep)
        other.append(row.other)
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
