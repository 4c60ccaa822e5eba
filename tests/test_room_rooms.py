"""Several rooms side by side (assessment/room/rooms.py) and their combined export
(assessment/room/export.py ``build_rooms_csv``): each room under its own minimum and batches."""

from __future__ import annotations

import csv
import io

from assessment.room.export import ExportRoom, ExportRow, build_room_csv, build_rooms_csv
from assessment.room.rooms import SegmentCell, compare_rooms, room_labels
from assessment.room.summary import MetricSummary, RoomPoint, summarise_room

PROMPTS = {"wide_and_deep": "", "starting": ""}


def summary(people: int, width: float, *, minimum: int = 3):
    metrics = {"width": MetricSummary(width, people), "depth": MetricSummary(40.4, people),
               "dim:reach": MetricSummary(61.5, people), "seg:peers:depth": MetricSummary(55.2, people, 1)}
    return summarise_room([RoomPoint(width, 40, "starting")] * people, metrics, profile_prompts=PROMPTS,
                          dimension_ids=["reach"], segment_ids=["peers"], min_responses=minimum)


def test_room_labels__same_title_twice__numbered_in_order():
    assert room_labels(["Lab", "Lab", "Day 2", "Lab"]) == ("Lab", "Lab (2)", "Day 2", "Lab (3)")
    assert room_labels([]) == ()


def test_compare_rooms__one_room_under_its_minimum__its_column_empty_the_other_whole_numbers():
    compared = compare_rooms([("Mon", summary(4, 62.6)), ("Tue", summary(2, 80))], ["reach"], ["peers"])
    assert [(r.label, r.responses, r.suppressed) for r in compared.rooms] == [("Mon", 4, False), ("Tue", 2, True)]
    assert [(a.figure, a.about, a.values) for a in compared.averages] == [
        ("width", "", (63.0, None)), ("depth", "", (40.0, None)), ("dimension", "reach", (62.0, None))]
    assert compared.segments[0].cells == (SegmentCell(55.0, 1, 4), None)


def test_compare_rooms__each_room_its_own_minimum__a_raised_one_hides_only_that_room():
    compared = compare_rooms([("Mon", summary(4, 50)), ("Tue", summary(4, 50, minimum=5))], [], [])
    assert compared.averages[0].values == (50.0, None)


def test_compare_rooms__no_rooms__empty_rows():
    compared = compare_rooms([], ["reach"], ["peers"])
    assert compared.rooms == () and compared.averages[0].values == () and compared.segments[0].cells == ()


def row(width: float, **extra) -> ExportRow:
    return ExportRow(width=width, depth=50.4, profile_id="starting", metrics={"dim:reach": width}, **extra)


def test_build_rooms_csv__two_rooms__room_column_first_each_room_its_own_batches():
    monday = ExportRoom("Mon", tuple(row(w) for w in (10, 20, 30, 40)), 3)      # 4 rows, batch 3: the first 3
    tuesday = ExportRoom("Tue", (row(70), row(80)), 3)                         # 2 rows: under the minimum
    text = build_rooms_csv([monday, tuesday], metric_names=["dim:reach"])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["room", "response", "nickname", "width", "depth", "profile", "reach"]
    assert [r[:4] for r in rows[1:]] == [["Mon", "1", "", "10"], ["Mon", "2", "", "20"], ["Mon", "3", "", "30"]]
    assert rows[1][4] == "50"  # whole numbers


def test_build_rooms_csv__one_room__same_rows_as_its_own_file_after_the_room_column():
    rows = tuple(row(w, nickname="Kim", share_nickname=w == 20) for w in (30, 10, 20))
    alone = list(csv.reader(io.StringIO(build_room_csv(rows, min_responses=3, metric_names=["dim:reach"]))))
    together = list(csv.reader(io.StringIO(build_rooms_csv([ExportRoom("Lab", rows, 3)], metric_names=["dim:reach"]))))
    assert [r[1:] for r in together] == alone


def test_build_rooms_csv__hostile_room_title__guarded_after_any_delimiter_and_no_control_bytes():
    hostile = "x;=cmd|'/C calc'!A0;\x00\t@SUM(1)"
    text = build_rooms_csv([ExportRoom(hostile, tuple(row(w) for w in (1, 2, 3)), 3),
                            ExportRoom("=HYPERLINK(1)", tuple(row(w) for w in (1, 2, 3)), 3)])
    assert "\x00" not in text
    for separator in (",", ";", "\t"):
        for line in text.splitlines()[1:]:
            assert not any(p.strip().strip('"').startswith(("=", "+", "@")) for p in line.split(separator)), line
    assert list(csv.reader(io.StringIO(text)))[4][0] == "'=HYPERLINK(1)"


def test_build_rooms_csv__one_more_person_in_a_room__two_downloads_differ_by_no_one():
    # The differencing attack on the combined file: a newcomer in either room changes nothing.
    before = [ExportRoom("Mon", tuple(row(w) for w in (10, 20, 30)), 3), ExportRoom("Tue", (row(70),), 3)]
    after = [ExportRoom("Mon", tuple(row(w) for w in (10, 20, 30, 44)), 3), ExportRoom("Tue", (row(70), row(71)), 3)]
    assert build_rooms_csv(before) == build_rooms_csv(after)


def test_rooms_map__a_room_under_its_minimum__no_point_others_labelled_at_their_averages():
    import plotly.graph_objects as go

    from assessment import load_questionnaire
    from assessment.room.rooms_chart import RoomsChartTexts, room_averages, rooms_map

    q = load_questionnaire("en")
    compared = compare_rooms([("<b>Mon</b>", summary(4, 62.6)), ("Tue", summary(2, 80)), ("Wed", summary(3, 20))],
                             [], [])
    assert room_averages(compared) == (("<b>Mon</b>", 63.0, 40.0), ("Wed", 20.0, 40.0))
    fig = rooms_map(compared, q.profiles, wide_cut=q.thresholds.wide, deep_cut=q.thresholds.deep,
                    texts=RoomsChartTexts("Width →", "Depth →"))
    go.Figure(fig.to_dict())  # valid in full
    assert [(list(d.x), list(d.y), d.text[0]) for d in fig.data] == [
        ([63.0], [40.0], "&lt;b&gt;Mon&lt;/b&gt;"), ([20.0], [40.0], "Wed")]
    assert fig.data[0].marker.symbol != fig.data[1].marker.symbol  # told apart by shape, not colour alone
