"""Anonymous CSV export of a workshop and its data dictionary (assessment/room/export.py)."""

from __future__ import annotations

import csv
import io
from collections import Counter

import pytest

from assessment.room.export import (
    Column,
    ExportRow,
    build_dictionary_csv,
    build_room_csv,
    export_columns,
    guard_cell,
    released_rows,
)

ROWS = [  # in arrival order
    {"width": 80, "depth": 40.04, "profile_id": "wide_shallow", "nickname": "Ada", "share_nickname": False,
     "metrics": {"width": 80, "depth": 40.04, "dim:reach": 70, "seg:peers:depth": 35.0, "seg:peers:breadth": 45.6}},
    {"width": 70, "depth": 60, "profile_id": "wide_and_deep", "nickname": "Bo", "share_nickname": True,
     "metrics": {"seg:peers:depth": 65.0, "dim:reach": 60}},
    {"width": 20, "depth": 70, "profile_id": "deep_narrow", "nickname": None,
     "metrics": {"dim:reach": 10}},
]


def _parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_build_room_csv__rows__header_once_in_the_apps_words_then_rows_sorted_by_profile():
    assert _parse(build_room_csv(ROWS, min_responses=3)) == [
        # width and depth once (the stored width/depth metrics are not repeated); breadth -> width
        ["response", "nickname", "width", "depth", "profile", "reach", "peers_width", "peers_depth"],
        ["1", "", "20", "70", "deep_narrow", "10", "", ""],
        ["2", "Bo", "70", "60", "wide_and_deep", "60", "", "65"],
        ["3", "", "80", "40", "wide_shallow", "70", "46", "35"],  # 40.04 -> 40, 45.6 -> 46: whole numbers
    ]


def test_build_room_csv__nickname_without_opt_in__never_written():
    text = build_room_csv(ROWS, min_responses=3)
    assert "Ada" not in text  # Ada did not opt in
    assert "Bo" in text


def test_build_room_csv__below_the_minimum__header_only():
    assert build_room_csv(ROWS[:2], min_responses=3, metric_names=["dim:reach"]) == (
        '"response","nickname","width","depth","profile","reach"\r\n')


def test_released_rows__minimum_five__whole_batches_in_arrival_order():
    rows = [ExportRow(n, n, "starting") for n in range(13)]
    assert released_rows(rows[:4], 5) == ()
    assert [r.width for r in released_rows(rows, 5)] == list(range(10))  # 13 -> the first 10
    assert len(released_rows(rows, 1)) == 12  # a minimum below 3 is 3: 13 -> 12


def test_build_room_csv__metric_names__fix_columns_and_order():
    rows = _parse(build_room_csv(ROWS, min_responses=3, metric_names=["seg:peers:depth"]))
    assert rows[0][5:] == ["peers_depth"] and rows[2][5:] == ["65"]


def test_export_columns__found_metrics__dimensions_then_each_segments_measures_in_order():
    rows = [ExportRow(1, 1, "starting", {"seg:a:depth": 1, "dim:b": 2, "seg:a:breadth": 3, "dim:c": 3, "width": 1})]
    assert [c.header for c in export_columns(rows)][5:] == ["b", "c", "a_width", "a_depth"]


@pytest.mark.parametrize("nickname", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_build_room_csv__formula_like_nickname__gets_leading_apostrophe(nickname):
    rows = [{"width": 50, "depth": 50, "profile_id": "starting", "nickname": nickname, "share_nickname": True}] * 3
    assert _parse(build_room_csv(rows, min_responses=3))[1][1] == "'" + nickname


@pytest.mark.parametrize(("typed", "written"), [
    ("x;=cmd|'/C calc'!A0;", "x;'=cmd|'/C calc'!A0;"),  # a ';' list separator splits it: the 2nd piece is inert
    ("a, +1", "a, '+1"),
    ("a\t@SUM(A1)", "a\t'@SUM(A1)"),
    ("a|-2", "a|'-2"),
    ("a\x00b\x07c", "abc"),  # NUL and other control characters are never written
    ("Sam-Lee", "Sam-Lee"),  # a dash inside a word is not after a separator
])
def test_guard_cell__formula_after_any_separator__inert_and_no_control_characters(typed, written):
    assert guard_cell(typed) == written


def test_build_room_csv__semicolon_attack__no_piece_starts_a_formula_whatever_the_separator():
    rows = [{"width": 50, "depth": 50, "profile_id": "starting", "nickname": "x;=cmd|'/C calc'!A0;",
             "share_nickname": True}] * 3
    text = build_room_csv(rows, min_responses=3)
    assert "\x00" not in text
    for separator in (",", ";", "\t"):  # how spreadsheets in different locales may split the line
        for line in text.splitlines()[1:]:
            pieces = [p.strip().strip('"') for p in line.split(separator)]
            assert not any(p.startswith(("=", "+", "@")) for p in pieces), (separator, line)


def test_guard_cell__numbers_and_plain_text():
    assert guard_cell(-12.5) == -12  # a negative number is a number, not a formula (whole: half to even)
    assert guard_cell(3) == 3
    assert guard_cell("Ada") == "Ada"
    assert guard_cell(None) == ""
    assert guard_cell("-") == "'-"


def test_build_dictionary_csv__every_column__its_meaning():
    columns = export_columns((), ["dim:reach", "seg:peers:breadth"])
    text = build_dictionary_csv(columns, lambda c: f"{c.kind}:{c.about}", ("column", "meaning"))
    assert _parse(text) == [
        ["column", "meaning"], ["response", "fixed:"], ["nickname", "fixed:"], ["width", "fixed:"],
        ["depth", "fixed:"], ["profile", "fixed:"], ["reach", "dimension:reach"], ["peers_width", "width:peers"],
    ]
    assert columns[-1] == Column("peers_width", "seg:peers:breadth", "width", "peers")


def test_export_row__from_mapping__defaults_hide_nickname():
    row = ExportRow.from_mapping({"width": 1, "depth": 2, "profile_id": "starting", "nickname": "Cy"})
    assert (row.nickname, row.share_nickname, dict(row.metrics)) == ("Cy", False, {})


# -- the differencing attack on two consecutive downloads -------------------------------------

CROWD = [ExportRow(30 + n, 40 + (n * 7) % 20, "starting", {"dim:reach": 30.0 + n}) for n in range(9)]
TARGET = ExportRow(96.0, 97.0, "wide_and_deep", {"dim:reach": 98.0})  # the person who just pressed the button


def _rows_of(text: str) -> Counter:
    return Counter(tuple(r[2:]) for r in _parse(text)[1:])  # scores and profile, row numbers aside


@pytest.mark.parametrize("before", range(0, 10))
def test_export__download_before_and_after_one_person__does_not_give_their_scores(before):
    # The attacker downloads, watches one person submit, downloads again, and diffs the files.
    # Minimum 5: the files hold the first 0, 5 or 10 arrivals, so the diff is empty (nothing
    # learnt) or five whole rows; the attacker's best estimate of the newcomer, the mean of
    # the new rows, is then off by more than 10 points (the target stands out: 96/97/98).
    arrivals = CROWD[:before] + [TARGET]
    first = build_room_csv(CROWD[:before], min_responses=5, metric_names=["dim:reach"])
    second = build_room_csv(arrivals, min_responses=5, metric_names=["dim:reach"])
    new = list((_rows_of(second) - _rows_of(first)).elements())
    assert len(new) in (0, 5)
    if new:
        for column, true in ((0, TARGET.width), (1, TARGET.depth), (3, 98.0)):
            guess = sum(float(r[column]) for r in new) / len(new)
            assert abs(guess - true) > 10
