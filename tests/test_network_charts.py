"""Network figures hold the roster's data, place people by ring and segment, and escape every name."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from assessment.chart_style import PALETTE, plain_label
from assessment.network.measures import measure_network
from assessment.network.charts import diversity_chart, map_points, rings_map
from tests.network_samples import CONTENT, DEEP, WEAK, WORDS, make_roster, row
ATTACK = "<svg onload=alert(1)>"


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


def test_map_points__angle__places_a_person_in_their_segments_slice():
    # One peer: after half the empty top wedge (36 degrees / 2 = pi/10), slices of the remaining
    # 2pi - pi/5 = 9pi/5 sized (people + 1) = 1,1,1,2,1,1 of 7, clockwise.
    # Peers start after 3/7 of it and span 2/7; one person sits mid-slice, at 4/7: pi/10 + 9pi/5 * 4/7 from the top.
    roster = make_roster(row("P"))
    (p,) = map_points(roster, measure_network(roster, CONTENT), CONTENT)
    angle = math.pi / 2 - (math.pi / 10 + 9 * math.pi / 5 * 4 / 7)
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
    assert len(ties.x) == 6 and math.isnan(ties.x[2]) and math.isnan(ties.x[5])
    assert (ties.x[0], ties.y[0], ties.x[4], ties.y[4]) == (points[0].x, points[0].y, points[2].x, points[2].y)


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


def test_rings_map__layout__square_small_text_legend_below_for_a_phone():
    fig, _ = figures(make_roster(*(row(f"P{i}") for i in range(25))))
    assert fig.layout.yaxis.scaleanchor == "x" and fig.layout.xaxis.range == fig.layout.yaxis.range
    assert (fig.layout.legend.orientation, fig.layout.legend.yanchor) == ("h", "top") and fig.layout.legend.y < 0
    assert trace(fig, "Peers").textfont.size <= 11 and max(trace(fig, "Peers").marker.size) <= 14
    assert [a.text for a in fig.layout.annotations] == ["Deep ties", "Growing ties", "Know who you are"]


def test_rings_map__empty_roster__shows_only_you():
    fig, _ = figures(make_roster())
    assert len(trace(fig, "Who knows whom").x) == 0 and len(fig.data) == 2


def test_diversity_chart__bars__deep_and_other_ties_per_segment_organisation_and_level():
    # Deep: a DEEP peer; others: a default peer and a senior in another organisation
    roster = make_roster(row("D", **DEEP), row("P"),
                         row("S", segment="senior", level="senior", organisation="other_org"))
    _, fig = figures(roster)
    deep, other = fig.data
    groups, labels = (list(part) for part in deep.y)
    assert labels == ["Own field", "Other fields", "Senior to you", "Peers", "Junior to you",
                      "Outside your organisation", "My team", "My organisation", "Another organisation",
                      "Senior to me", "My level", "Junior to me", "Outside any hierarchy"]
    assert groups == ["Segment"] * 6 + ["Organisation"] * 3 + ["Level"] * 4
    assert list(deep.x) == [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0]
    assert list(other.x) == [0, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0]
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
