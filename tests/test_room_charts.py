"""Projector figures of a workshop room (assessment/room/charts.py), tested on their data."""

from __future__ import annotations

import random
from dataclasses import replace

import plotly.graph_objects as go
import pytest

from assessment.chart_style import PALETTE
from assessment.questionnaire import Dimension, Profile
from assessment.room.summary import summarise_room
from assessment.room.charts import (
    Frame,
    RoomChartTexts,
    TICK_PX,
    TITLE_PX,
    WEBGL_FROM,
    room_dimension_bars,
    room_map,
    room_reach_chart,
    room_segment_bars,
)

PROFILES = (
    Profile("wide_and_deep", True, True, "Wide and deep", "", "", "P1"),
    Profile("wide_shallow", True, False, "Wide & shallow", "", "", "P2"),
    Profile("deep_narrow", False, True, "Deep, narrow", "", "", "P3"),
    Profile("starting", False, False, "Starting", "", "", "P4"),
)
PROMPTS = {p.id: p.prompt for p in PROFILES}
DIMENSIONS = (Dimension("reach", "width", 1, "Reach", ""), Dimension("trust", "depth", 1.5, "Trust", ""))
SEGMENTS = {"peers": "Peers", "senior": "Senior to you"}
POINTS = [(70, 60, "wide_and_deep"), (80, 40, "wide_shallow"), (60, 30, "wide_shallow"), (20, 70, "deep_narrow")]
METRICS = {
    "dim:reach": (62.5, 4, 0), "dim:trust": (40.0, 4, 0),
    "seg:peers:breadth": (65.0, 4, 2), "seg:peers:depth": (47.5, 4, 2),
    "seg:senior:breadth": (30.0, 4, 0), "seg:senior:depth": (12.5, 4, 0),
}
OKABE_ITO = {c.lower() for c in PALETTE.values()}
# The words come from the UI (ui/room_feed.chart_texts); here, plain stand-ins that show where each goes.
TEXTS = RoomChartTexts(
    map_title="Map", width_axis="W →", depth_axis="D →", dimensions_title="Dimensions",
    segments_title="Segments", reach_title="Reach", reach_axis="deep people", width="W", depth="D",
    nobody_yet="nobody", suppressed="Too few answers",
    answers=lambda n: f"{n} answers", people=lambda n: f"{n} people",
    deep_count=lambda count, share: f"{count} of them ({share})", score=lambda score: f"{score:.0f}",
)


def _room(points=POINTS, metrics=METRICS):
    return summarise_room(points, metrics, profile_prompts=PROMPTS, min_responses=3)


def _map(room, texts=TEXTS):
    return room_map(room, PROFILES, wide_cut=55, deep_cut=55, texts=texts)


def _all_figures(room):
    return (_map(room), room_dimension_bars(room, DIMENSIONS, texts=TEXTS), room_segment_bars(room, SEGMENTS, texts=TEXTS),
            room_reach_chart(room, SEGMENTS, texts=TEXTS))


@pytest.mark.parametrize("index", range(4))
def test_every_figure__projector_sizes__ticks_24_titles_32(index):
    fig = _all_figures(_room())[index]
    assert fig.layout.title.font.size == TITLE_PX == 32
    for axis in (fig.layout.xaxis, fig.layout.yaxis):
        assert axis.tickfont.size is None or axis.tickfont.size >= 22
    assert TICK_PX >= 22 and fig.layout.font.size >= 22


def test_room_map__few_points__svg_scatter_with_every_dot():
    fig = _map(_room())
    (dots,) = fig.data
    assert isinstance(dots, go.Scatter)
    # shown at the centre of their 10-point squares, in score order (summary.coarse_point)
    assert list(dots.x) == [25, 65, 75, 85] and list(dots.y) == [75, 35, 65, 45]
    assert dots.hoverinfo == "skip"  # anonymous: nothing to point at


def test_room_map__quadrants__four_shaded_rects_named_with_counts():
    fig = _map(_room())
    assert len(fig.layout.shapes) == 4
    texts = [a.text for a in fig.layout.annotations]
    assert texts == [
        "<b>Wide and deep</b><br>1 people",  # the words are the UI's: its plural rules, not ours
        "<b>Wide &amp; shallow</b><br>2 people",  # content text is escaped too
        "<b>Deep, narrow</b><br>1 people",
        "<b>Starting</b><br>0 people",
    ]
    assert fig.layout.title.text == "Map · 4 answers"
    assert (fig.layout.xaxis.title.text, fig.layout.yaxis.title.text) == ("W →", "D →")


def test_room_map__ten_thousand_points__webgl_and_compact():
    # how long it takes is measured in bench/workshop_load.py, never asserted here
    rng = random.Random(7)
    points = [(rng.uniform(0, 100), rng.uniform(0, 100), "starting") for _ in range(10_000)]
    fig = _map(_room(points, {}))
    payload = fig.to_json()
    assert isinstance(fig.data[0], go.Scattergl) and WEBGL_FROM <= 10_000
    assert len(fig.data[0].x) == 10_000
    assert len(payload) < 300_000  # float32, base64: ~8 bytes a dot, not ~40 as JSON numbers


def test_room_map__title_with_markup__escaped_and_mathjax_defused():
    fig = _map(_room(), replace(TEXTS, map_title="$\\href{javascript:x}{hi}$ <b>"))
    title = fig.layout.title.text
    assert not title.startswith("$") and "<b>" not in title and "&lt;b&gt;" in title


def test_room_dimension_bars__means_per_axis_in_okabe_ito():
    fig = room_dimension_bars(_room(), DIMENSIONS, texts=TEXTS)
    width, depth = fig.data
    assert (width.name, depth.name, fig.layout.title.text) == ("W", "D", "Dimensions")
    assert (list(width.y), list(width.x), list(width.text)) == (["Reach"], [62.0], ["62"])  # 62.5 -> 62 (whole numbers, half to even)
    assert (list(depth.y), list(depth.x)) == (["Trust"], [40.0])
    assert {width.marker.color.lower(), depth.marker.color.lower()} <= OKABE_ITO
    assert depth.marker.pattern.shape == "/"  # told apart without colour


def test_room_segment_bars__width_and_depth_per_segment__same_legend_words_as_the_dimensions():
    fig = room_segment_bars(_room(), SEGMENTS, texts=TEXTS)
    breadth, depth = fig.data
    # one word for width across the app: the dimension bars' legend (TEXTS.width), not a "Breadth"
    assert (breadth.name, depth.name, fig.layout.title.text) == ("W", "D", "Segments")
    assert list(breadth.y) == ["Peers", "Senior to you"]
    assert list(breadth.x) == [65.0, 30.0] and list(depth.x) == [48.0, 12.0]  # 47.5 -> 48, 12.5 -> 12 (half to even)


def test_room_reach_chart__covered_green_and_nobody_written_out():
    fig = room_reach_chart(_room(), SEGMENTS, texts=TEXTS)
    (bars,) = fig.data
    assert list(bars.x) == [2, 0]
    assert list(bars.text) == ["2 of them (0.5)", "<b>nobody</b>"]  # 2 of 4 deep with peers
    assert fig.layout.xaxis.title.text == "deep people"
    assert list(bars.marker.color) == [PALETTE["green"], PALETTE["vermillion"]]


@pytest.mark.parametrize("build", [
    lambda room: room_dimension_bars(room, DIMENSIONS, texts=TEXTS),
    lambda room: room_segment_bars(room, SEGMENTS, texts=TEXTS),
    lambda room: room_reach_chart(room, SEGMENTS, texts=TEXTS),
])
def test_room_figures__under_three_responses__no_data_only_the_reason(build):
    fig = build(_room(POINTS[:2]))
    assert len(fig.data) == 0
    assert fig.layout.annotations[0].text == "Too few answers"


def test_room_map__under_three_responses__shows_no_dots():
    fig = _map(_room(POINTS[:2]))
    assert len(fig.data[0].x) == 0


def test_room_dimension_bars__depth_pattern__striped_over_the_bar_colour():
    # Streamlit's plotly.js draws the default fillmode ("replace") with white stripes on nothing
    depth = next(t for t in room_dimension_bars(_room(), DIMENSIONS, texts=TEXTS).data if t.name == "D")
    assert depth.marker.pattern.fillmode == "overlay"


def test_chart_texts__english__plurals_numbers_and_the_reason_for_an_empty_chart():
    from ui.room_feed import chart_texts

    texts = chart_texts(_room(POINTS[:2]))
    assert (texts.people(1), texts.people(0), texts.answers(1234)) == ("1 person", "0 people", "1,234 answers")
    assert (texts.deep_count(2, 0.5), texts.score(62.5), texts.nobody_yet) == ("2 (50%)", "62", "nobody yet")
    assert texts.suppressed == "Room figures appear once 3 people have answered (2 so far)."


def test_room_map__long_profile_names__wrapped_so_neighbours_do_not_run_together():
    long = tuple(replace(p, name="A deep but closed circle") for p in PROFILES)
    labels = [a["text"] for a in room_map(_room(), long, wide_cut=55, deep_cut=55, texts=TEXTS).layout.annotations]
    assert labels[0].startswith("<b>A deep but</b><br><b>closed circle</b><br>")  # 16 characters a line at most


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_every_figure__projector_screen_frame__ticks_24_or_more_no_title_given_height(scale):
    room, frame = _room(), Frame(scale=scale, height=int(505 * scale), titled=False)
    figures = (room_map(room, PROFILES, wide_cut=55, deep_cut=55, texts=TEXTS, frame=frame),
               room_dimension_bars(room, DIMENSIONS, texts=TEXTS, frame=frame),
               room_segment_bars(room, SEGMENTS, texts=TEXTS, frame=frame), room_reach_chart(room, SEGMENTS, texts=TEXTS, frame=frame))
    for fig in figures:
        go.Figure(fig.to_dict())  # valid in full
        assert fig.layout.title.text is None  # the screen's heading says it, larger
        assert fig.layout.height == int(505 * scale)
        assert fig.layout.xaxis.tickfont.size == fig.layout.yaxis.tickfont.size == 24 * scale
        assert fig.layout.xaxis.automargin and fig.layout.yaxis.automargin  # labels push the plot in, never cut
