"""Anonymous CSV export of a workshop (assessment/room/export.py)."""

from __future__ import annotations

import csv
import io

import pytest

from assessment.room.export import ExportRow, build_room_csv, guard_cell

ROWS = [
    {"width": 80, "depth": 40.04, "profile_id": "wide_shallow", "nickname": "Ada", "share_nickname": False,
     "metrics": {"dim:reach": 70, "seg:peers:depth": 35.0}},
    {"width": 70, "depth": 60, "profile_id": "wide_and_deep", "nickname": "Bo", "share_nickname": True,
     "metrics": {"seg:peers:depth": 65.0, "dim:reach": 60}},
    {"width": 20, "depth": 70, "profile_id": "deep_narrow", "nickname": None,
     "metrics": {"dim:reach": 10}},
]


def _parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_build_room_csv__rows__header_then_rows_sorted_by_profile_not_submission():
    assert _parse(build_room_csv(ROWS)) == [
        ["response", "nickname", "width", "depth", "profile", "dim:reach", "seg:peers:depth"],
        ["1", "", "20.0", "70.0", "deep_narrow", "10", ""],
        ["2", "Bo", "70.0", "60.0", "wide_and_deep", "60", "65.0"],
        ["3", "", "80.0", "40.0", "wide_shallow", "70", "35.0"],  # 40.04 -> 40.0
    ]


def test_build_room_csv__nickname_without_opt_in__never_written():
    text = build_room_csv(ROWS)
    assert "Ada" not in text  # Ada did not opt in
    assert "Bo" in text


def test_build_room_csv__no_rows__header_only():
    assert build_room_csv([], metric_names=["dim:reach"]) == "response,nickname,width,depth,profile,dim:reach\r\n"


def test_build_room_csv__metric_names__fix_columns_and_order():
    rows = _parse(build_room_csv(ROWS, metric_names=["seg:peers:depth"]))
    assert rows[0][5:] == ["seg:peers:depth"] and rows[2][5:] == ["65.0"]


def test_build_room_csv__metric_columns__dimensions_before_segments():
    rows = [{"width": 1, "depth": 1, "profile_id": "starting", "metrics": {"seg:a:depth": 1, "dim:b": 2, "dim:c": 3}}]
    assert _parse(build_room_csv(rows))[0][5:] == ["dim:b", "dim:c", "seg:a:depth"]


@pytest.mark.parametrize("nickname", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_build_room_csv__formula_like_nickname__gets_leading_apostrophe(nickname):
    rows = [{"width": 50, "depth": 50, "profile_id": "starting", "nickname": nickname, "share_nickname": True}]
    assert _parse(build_room_csv(rows))[1][1] == "'" + nickname


def test_guard_cell__numbers_and_plain_text__unchanged():
    assert guard_cell(-12.5) == -12.5  # a negative number is a number, not a formula
    assert guard_cell(3) == 3
    assert guard_cell("Ada") == "Ada"
    assert guard_cell(None) == ""
    assert guard_cell("-") == "'-"


def test_export_row__from_mapping__defaults_hide_nickname():
    row = ExportRow.from_mapping({"width": 1, "depth": 2, "profile_id": "starting", "nickname": "Cy"})
    assert (row.nickname, row.share_nickname, dict(row.metrics)) == ("Cy", False, {})
