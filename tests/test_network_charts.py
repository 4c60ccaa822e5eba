"""Network figures hold the roster's data, place people by ring and segment, and escape every name."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from assessment.chart_style import PALETTE, plain_label
from assessment.network.measures import measure_network
from assessment.network.charts import (
    TIE_STEPS, MapPoint, MapSummary, diversity_chart, map_points, rings_map, summarise_map, tie_curve,
)
from tests.network_samples import CONTENT, DEEP, WEAK, WORDS, make_roster, row
ATTACK = "<svg onload=alert(1)>"
SEGMENTS = tuple(CONTENT.field("segment").ids())


def figures(roster):
    report = measure_network(roster, CONTENT)
    return rings_map(roster, report, CONTENT, WORDS), diversity_chart(roster, report, CONTENT, WORDS)


def trace(fig, name):
    return next(t for t in fig.data if t.name == name)


def test_plain_label__markup_and_leading_dollars__are_defused():
    assert plain_label(ATTACK) == "&lt;svg onload=alert(1)&gt;"
    assert plain_label("$\\href{x}$") == "\u200b$\\href{x}$"  # a zero-width space before it: no MathJax
    assert plain_label("   ") == "?"


def test_map_points__ring__follows_tie_strength_and_stage():
    # DEEP (1.0) -> inner ring r=1; default credibility (.5675) -> middle r=2; WEAK visibility -> outer r=3
    roster = make_roster(row("Deep", **DEEP), row("Mid"), row("Out", **WEAK))
    points = {p.name: p for p in map_points(roster, measure_network(roster, CONTENT), CONTENT)}
    assert {n: (p.ring, round(math.hypot(p.x, p.y), 9)) for n, p in points.items()} == {
        "Deep": (0, 1.0), "Mid": (1, 2.0), "Out": (2, 3.0)}


def test_map_points__angle__places_a_person_in_their_segments_sector():
    # One peer: after half the empty top wedge (36 degrees / 2 = pi/10), six equal sectors of the
    # remaining 2pi - pi/5 = 9pi/5, clockwise. Peers are the 4th: they start after 3/6 and span 1/6;
    # one person sits mid-sector, at 3.5/6: pi/10 + 9pi/5 * 3.5/6 from the top.
    roster = make_roster(row("P"))
    (p,) = map_points(roster, measure_network(roster, CONTENT), CONTENT)
    angle = math.pi / 2 - (math.pi / 10 + 9 * math.pi / 5 * 3.5 / 6)
    assert (p.x, p.y) == (pytest.approx(2 * math.cos(angle)), pytest.approx(2 * math.sin(angle)))


def test_rings_map__people__one_trace_per_segment_in_okabe_ito_colours():
    roster = make_roster(row("Ana"), row("Bo", segment="senior"), row("Cy"))
    fig, _ = figures(roster)
    peers, senior = trace(fig, "Peers"), trace(fig, "Senior to you")
    assert sorted(peers.text) == ["Ana", "Cy"] and list(senior.text) == ["Bo"]
    assert (peers.marker.color, senior.marker.color) == (PALETTE["blue"], PALETTE["green"])
    assert sorted(peers.customdata) == [0, 2]


def test_rings_map__who_knows_whom__one_line_trace_broken_between_pairs():
    roster = make_roster(row("A"), row("B"), row("C"), ties=[("A", "B"), ("B", "C")])
    fig, _ = figures(roster)
    points = {p.contact_id: p for p in map_points(roster, measure_network(roster, CONTENT), CONTENT)}
    ties = trace(fig, "Who knows whom")
    steps = TIE_STEPS + 2  # a curve of TIE_STEPS + 1 points, then a break
    assert len(ties.x) == 2 * steps and math.isnan(ties.x[steps - 1]) and math.isnan(ties.x[-1])
    assert (ties.x[0], ties.y[0]) == (points[0].x, points[0].y)
    assert (ties.x[-2], ties.y[-2]) == (pytest.approx(points[2].x), pytest.approx(points[2].y))


def test_tie_curve__people_on_opposite_sides__bends_away_from_you():
    # Two people on the outer ring, straight across the centre from each other: a straight line
    # would pass through "You" at (0, 0); the curve's nearest point stays at least half a ring away.
    a, b = (MapPoint(i, n, "peers", 2, 0.1, x, y) for i, n, x, y in ((0, "A", -3.0, 0.0), (1, "B", 3.0, 0.0)))
    curve = tie_curve(a, b)
    assert tuple(curve[0]) == (-3.0, 0.0) and tuple(curve[-1]) == pytest.approx((3.0, 0.0))
    assert min(math.hypot(x, y) for x, y in curve) >= 1.5 - 1e-9  # middle: (a + 2c + b) / 4 = c / 2, |c| = 3


def test_rings_map__every_tie_of_a_full_map__keeps_clear_of_you():
    people = [row(f"P{i}", segment=s, **(DEEP if i % 3 == 0 else {})) for i, s in enumerate(SEGMENTS * 4)]
    roster = make_roster(*people, ties=[(f"P{i}", f"P{j}") for i in range(24) for j in range(i + 1, 24)][:300])
    ties = trace(figures(roster)[0], "Who knows whom")
    nearest = min(math.hypot(x, y) for x, y in zip(ties.x, ties.y) if not math.isnan(x))
    assert nearest >= 0.5  # the inner ring is at 1; "You" is a 14 px mark at 0


def test_rings_map__you__sit_at_the_centre():
    fig, _ = figures(make_roster(row("A")))
    you = next(t for t in fig.data if list(t.text or ()) == ["You"])
    assert (list(you.x), list(you.y)) == ([0.0], [0.0])


def test_rings_map__hostile_name__is_escaped_in_labels_and_hover():
    fig, _ = figures(make_roster(row(ATTACK), row("$\\href{javascript:x}{y}$")))
    peers = trace(fig, "Peers")
    assert sorted(peers.text) == ["&lt;svg onload…", "\u200b$\\href{java…"]  # cut to 12 on the map, MathJax defused
    hover = " ".join(peers.hovertext)
    assert "\\href{javascript:x}{y}$" in hover
    assert "&lt;svg onload=alert(1)&gt;" in hover and "<svg" not in hover
    assert not any(t.startswith("$") for t in peers.text)
    assert "<svg" not in fig.to_json()


def test_rings_map__layout__square_readable_text_sectors_named_legend_below_for_a_phone():
    fig, _ = figures(make_roster(*(row(f"P{i}") for i in range(25))))
    assert fig.layout.yaxis.scaleanchor == "x" and fig.layout.xaxis.range == fig.layout.yaxis.range
    assert (fig.layout.legend.orientation, fig.layout.legend.yanchor) == ("h", "top") and fig.layout.legend.y < 0
    assert trace(fig, "Peers").textfont.size >= 12 and max(trace(fig, "Peers").marker.size) <= 16
    assert [a.text for a in fig.layout.annotations] == ["Deep ties", "Growing ties", "Know who you are",
                                                        "Own field", "Other<br>fields", "Senior to<br>you", "Peers",
                                                        "Junior to<br>you", "Outside<br>your<br>organisation"]
    assert all(a.font.size >= 11 for a in fig.layout.annotations)


def test_summarise_map__people__counted_by_ring_and_sector_with_the_empty_sectors():
    roster = make_roster(row("Deep", **DEEP), row("Mid"), row("Out", segment="senior", **WEAK))
    summary = summarise_map(map_points(roster, measure_network(roster, CONTENT), CONTENT), CONTENT)
    assert summary == MapSummary(3, (1, 1, 1), (("senior", 1), ("peers", 2)),
                                 ("own_field", "other_fields", "junior", "outside_org"))


def test_rings_map__empty_roster__shows_only_you():
    fig, _ = figures(make_roster())
    assert len(trace(fig, "Who knows whom").x) == 0 and len(fig.data) == 2


def test_diversity_chart__bars__deep_and_other_ties_per_segment_organisation_and_level():
    # Deep: a DEEP peer; others: a default peer and a senior in another organisation (who sits
    # "outside your organisation": roster.segment_of asks the organisation first)
    roster = make_roster(row("D", **DEEP), row("P"), row("S", level="senior", organisation="other_org"))
    _, fig = figures(roster)
    deep, other = fig.data
    groups, labels = (list(part) for part in deep.y)
    assert labels == ["Own field", "Other fields", "Senior to you", "Peers", "Junior to you",
                      "Outside your organisation", "My team", "My organisation", "Another organisation",
                      "Senior to me", "My level", "Junior to me", "Outside any hierarchy"]
    assert groups == ["Segment"] * 6 + ["Organisation"] * 3 + ["Level"] * 4
    assert list(deep.x) == [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0]
    assert list(other.x) == [0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0]
    assert (deep.name, other.name, fig.layout.barmode) == ("Deep ties", "Other ties", "stack")


def test_map_points__top_wedge__holds_no_one():
    # 36 degrees around the top are left for the ring names: |angle from the top| >= 18 degrees for everyone
    roster = make_roster(*(row(f"P{i}", segment=s) for i, s in enumerate(
        ["own_field"] * 5 + ["outside_org"] * 5 + ["peers"] * 15)))
    for p in map_points(roster, measure_network(roster, CONTENT), CONTENT):
        assert abs(math.degrees(math.atan2(p.x, p.y))) >= 18 - 1e-9


def test_rings_map__long_name__cut_on_the_map_whole_in_the_hover():
    # 12 characters at most on the map: 11 (trailing space dropped) and an ellipsis, escaped after cutting
    name = "<Alexandra Longname-Smith>"
    fig, _ = figures(make_roster(row(name)))
    peers = trace(fig, "Peers")
    assert list(peers.text) == ["&lt;Alexandra…"]
    assert "&lt;Alexandra Longname-Smith&gt;" in peers.hovertext[0]


def test_charts__words__come_from_the_text_record_and_numbers_from_its_language():
    # DEEP: strength 1.0 (tests/network_samples.py), written "1,00" in Brazilian Portuguese
    words = replace(WORDS, language="pt-BR", map_title="Seu mapa", strength="Força", deep="Laços fortes")
    roster = make_roster(row("Ana", **DEEP))
    report = measure_network(roster, CONTENT)
    rings, spread = rings_map(roster, report, CONTENT, words), diversity_chart(roster, report, CONTENT, words)
    assert rings.layout.title.text == "Seu mapa"
    assert "Força: 1,00" in trace(rings, CONTENT.label("segment", "peers")).hovertext[0]
    assert [b.name for b in spread.data] == ["Laços fortes", "Other ties"]
