"""Rules of assessment/room/place.py and place_chart.py: your place in the room, on your own phone
(issue 12 §4). Every sentence is chosen from sure counts, so it is true whatever exact scores sit
behind the room's square-centred dots; the property test below checks that against exact scores."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment import load_questionnaire
from assessment.room.place import PHRASES, AxisPlace, cell, place_in_room, place_on_axis, squares
from assessment.room.place_chart import PlaceChartTexts, place_map
from assessment.room.summary import RoomPoint, summarise_room
from assessment.text import placeholders
from tests.test_texts import CATALOGUE

Q = load_questionnaire("en")
PROMPTS = {p.id: p.prompt for p in Q.profiles}


def room(*points: tuple[float, float], minimum: int = 3):
    return summarise_room([RoomPoint(w, d, "starting") for w, d in points], {}, profile_prompts=PROMPTS,
                          dimension_ids=[], segment_ids=[], min_responses=minimum)


# -- squares: the same as the projector's dots -----------------------------------------------

@pytest.mark.parametrize(("score", "square"), [(0, 0), (9.99, 0), (10, 1), (69.99, 6), (70, 7), (99.9, 9), (100, 9)])
def test_cell__scores_on_and_near_edges__the_square_a_dot_is_drawn_in(score, square):
    assert cell(score) == square


# -- one axis: the phrase each case allows ---------------------------------------------------

@pytest.mark.parametrize(("own", "shown", "phrase", "counts"), [
    (50, [], "empty", (0, 0, 0)),                                   # 0 dots
    (50, [55], "all_same", (0, 1, 0)),                              # 1 dot, in your square (perhaps yours)
    (50, [55, 55, 55], "all_same", (0, 3, 0)),                      # all in your square: ties
    (50, [15, 25, 55], "top", (2, 1, 0)),                           # nobody clearly above
    (50, [55, 85, 95], "bottom", (0, 1, 2)),                        # nobody clearly below
    (50, [15, 25, 35, 85], "most_below", (3, 0, 1)),                # 3 of 4 below
    (50, [15, 65, 75, 85], "most_above", (1, 0, 3)),                # 3 of 4 above
    (50, [15, 25, 75, 85], "halves", (2, 0, 2)),                    # 2 below, 2 above
    (50, [15, 25, 55, 85], "half_below", (2, 1, 1)),                # exactly half below
    (50, [15, 55, 75, 85], "half_above", (1, 1, 2)),                # exactly half above
    (50, [15, 55, 55, 85], "middle", (1, 2, 1)),
    (100, [95, 95, 85], "top", (1, 2, 0)),                          # 100 sits in the top square, with 90-99
    (0, [5, 5, 15], "bottom", (0, 2, 1)),                           # 0 sits in the bottom square
    (70, [65, 75, 85], "middle", (1, 1, 1)),                        # on a square's edge: 70 is in 70-80
    (69.9, [65, 75, 85], "bottom", (0, 1, 2)),                      # just below it: in 60-70
])
def test_place_on_axis__room_of_dots__phrase_and_counts(own, shown, phrase, counts):
    place = place_on_axis(own, shown)
    assert (place.phrase, (place.below, place.same, place.above)) == (phrase, counts)


def test_counts__each_phrase__n_is_the_count_the_sentence_speaks_of():
    assert AxisPlace(2, 1, 0).counts()["n"] == 2   # top: "2 of the 3 are clearly less wide"
    assert AxisPlace(0, 1, 2).counts()["n"] == 2   # bottom: "2 of the 3 are clearly wider"
    assert AxisPlace(3, 0, 1).counts()["n"] == 3   # most_below
    assert AxisPlace(1, 0, 3).counts()["n"] == 3   # most_above
    assert AxisPlace(1, 2, 1).counts() == {"n": 4, "total": 4, "below": 1, "same": 2, "above": 1}  # middle


@settings(max_examples=400, deadline=None)
@given(own=st.floats(0, 100), others=st.lists(st.floats(0, 100), max_size=30))
def test_place_on_axis__any_exact_scores__every_phrase_true_of_them(own, others):
    shown = [RoomPoint(v, v, "x") for v in others]
    centres = [p.width for p in room(*((v, v) for v in others), minimum=3).points] if len(others) >= 3 else [
        cell(v) * 10 + 5 for v in others]
    assert sorted(centres) == sorted(cell(p.width) * 10 + 5 for p in shown)  # what a participant is shown
    place = place_on_axis(own, centres)
    below = sum(v < own for v in others)   # truly less wide than you (exact scores, never shown)
    above = sum(v > own for v in others)
    n = len(others)
    claims = {
        "empty": n == 0,
        "all_same": True,                          # claims only "nobody is clearly either side"
        "top": above <= place.same and below >= place.below > 0,
        "bottom": below <= place.same and above >= place.above > 0,
        "most_below": 2 * below > n,
        "most_above": 2 * above > n,
        "halves": below >= n / 2 and above >= n / 2,
        "half_below": below >= n / 2,
        "half_above": above >= n / 2,
        "middle": below >= place.below and above >= place.above,
    }
    assert claims[place.phrase], (own, others, place)
    assert place.below <= below and place.above <= above  # "clearly" is never wrong


# -- the room: nothing under the minimum, only what the projector may show ----------------------

def test_place_in_room__room_under_its_minimum__no_place_at_all():
    assert place_in_room(50, 50, room((10, 10), (90, 90))) is None  # 2 < 3: suppressed


def test_place_in_room__room_at_its_minimum__own_exact_dot_against_square_centres():
    place = place_in_room(72.4, 31, room((12, 12), (88, 88), (73, 33)))
    assert (place.width, place.depth, place.dots) == (72.4, 31, 3)
    assert (place.on_width.below, place.on_width.same, place.on_width.above) == (1, 1, 1)


def test_place_in_room__same_squares_different_exact_scores__same_place():
    # Nothing finer than the square reaches the sentence: two rooms that look alike read alike.
    one = place_in_room(50, 50, room((11, 12), (88, 81), (51, 59)))
    other = place_in_room(50, 50, room((19, 18), (82, 89), (58, 50)))
    assert one == other


def test_squares__room__counts_by_square_and_none_when_suppressed():
    assert [(s.width_from, s.depth_from, s.dots) for s in squares(room((12, 12), (18, 15), (88, 88)))] == [
        (10, 10, 2), (80, 80, 1)]
    assert squares(room((12, 12))) == ()


@pytest.mark.parametrize("axis", ["width", "depth"])
@pytest.mark.parametrize("phrase", PHRASES)
def test_sentences__every_phrase_on_each_axis__has_a_text_with_known_placeholders(axis, phrase):
    key = f"workshop.place.{axis}.{phrase}"
    assert CATALOGUE.has(key)
    entry = CATALOGUE.entries[key]
    for template in (entry,) if isinstance(entry, str) else entry.values():
        assert placeholders(template) <= AxisPlace(1, 1, 1).counts().keys()  # ui/place_view.py passes these


# -- the figure --------------------------------------------------------------------------------

TEXTS = PlaceChartTexts(width_axis="Width →", depth_axis="Depth →", you="<b>You</b>", room="$room",
                        dots=lambda n: f"{n} here")


def test_place_map__room_and_own_dot__one_marker_per_square_and_a_star_at_own_scores():
    summary = room((12, 12), (18, 15), (88, 88))
    place = place_in_room(72.4, 31, summary)
    fig = place_map(place, squares(summary), Q.profiles, wide_cut=Q.thresholds.wide, deep_cut=Q.thresholds.deep,
                    texts=TEXTS)
    go.Figure(fig.to_dict())  # valid in full
    room_trace, you = fig.data
    assert list(room_trace.x) == [15, 85] and list(room_trace.text) == ["2", ""]
    assert (list(you.x), list(you.y), you.marker.symbol) == ([72.4], [31], "star")
    assert "<b>You</b>" not in you.text[0] and "&lt;b&gt;You" in you.text[0]  # labels are escaped
    assert not room_trace.name.startswith("$")  # MathJax defused
