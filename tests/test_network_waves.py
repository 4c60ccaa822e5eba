"""A second wave of the map says who is new, gone, moved ring or stage, and which deep ties cool;
the map file carries the people and pairs out and back."""

import json
from datetime import datetime, timezone

import pytest

from assessment.exchange import ImportRefused
from assessment.network.map_file import export_map, read_map
from assessment.network.waves import WaveChange, compare_waves
from tests.network_samples import CONTENT, DEEP, WEAK, make_roster, row

# Tie strength = 0.35 stage + 0.30 favour + 0.20 giving + 0.15 last contact (content/network.yaml):
#   DEEP     1.0   + 0.3 + 0.2 + 0.15 -> 0.35 + 0.30 + 0.20 + 0.15 = 1.0    -> ring 0 (>= 0.7)
#   DEEP, last contact "year": 0.85 + 0.15 x 0.3 = 0.895                    -> ring 0, and stale
#   DEFAULT  0.35x0.65 + 0.30x0.5 + 0.20x0.5 + 0.15x0.6 = 0.5675            -> ring 1 (credibility)
#   WEAK     0.35x0.3 + 0 + 0 + 0.15x0.1 = 0.12                             -> ring 2 (visibility)
BEFORE = make_roster(row("Ana", **DEEP), row("Ben"), row("Cy", **WEAK), row("Dee"))
AFTER = make_roster(row("Ana", **{**DEEP, "last_contact": "year"}), row("Ben", **DEEP), row(" dee ", **WEAK),
                    row("Eve"))


def test_compare_waves__second_wave__every_change_in_plan_order():
    assert compare_waves(BEFORE, AFTER, CONTENT).changes == (
        WaveChange("cooling", "Ana"),
        WaveChange("ring_out", "dee", "1", "2"),
        WaveChange("stage_down", "dee", "credibility", "visibility"),
        WaveChange("gone", "Cy"),
        WaveChange("new", "Eve"),
        WaveChange("ring_in", "Ben", "1", "0"),
        WaveChange("stage_up", "Ben", "credibility", "profitability"),
    )


def test_compare_waves__same_map__unchanged():
    assert compare_waves(BEFORE, BEFORE, CONTENT).unchanged


def test_compare_waves__stale_tie_that_was_not_deep__is_not_cooling():
    # Ben: ring 1 last time (0.5675); contact now "over_year": 0.5675 - 0.15 x 0.5 = 0.4925, still ring 1
    diff = compare_waves(BEFORE, make_roster(row("Ben", last_contact="over_year")), CONTENT)
    assert diff.of("cooling") == ()


def test_compare_waves__empty_map_before__everyone_is_new():
    diff = compare_waves(make_roster(), AFTER, CONTENT)
    assert [c.name for c in diff.of("new")] == ["Ana", "Ben", "dee", "Eve"]


def test_export_map__rows_and_pairs__round_trip_with_names():
    rows = [row("Ana", **DEEP), {"name": None, "segment": None}, row("Ben")]
    text = export_map(rows, [["Ana", "Ben"]], now=datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc))
    document = json.loads(text)
    assert (document["format"], document["saved_at"], len(document["rows"])) == (
        "wide-and-deep/network-map", "2026-12-01T09:00:00+00:00", 2)  # the blank row is left out
    loaded = read_map(text, CONTENT)
    assert (loaded.rows, loaded.ties, loaded.saved_at) == (
        (row("Ana", **DEEP), row("Ben")), (("Ana", "Ben"),), "2026-12-01T09:00:00+00:00")


@pytest.mark.parametrize(("text", "code"), [
    ("{", "unreadable"),
    ('{"format": "wide-and-deep/result", "format_version": 1}', "not_ours"),
    ('{"format": "wide-and-deep/network-map", "format_version": 9, "rows": [], "ties": []}', "format_version"),
    ('{"format": "wide-and-deep/network-map", "format_version": 1, "rows": {}, "ties": []}', "roster_lists"),
    ('{"format": "wide-and-deep/network-map", "format_version": 1, "rows": [{"name": 3}], "ties": []}', "roster_people"),
    ('{"format": "wide-and-deep/network-map", "format_version": 1, "rows": [], "ties": [["a"]]}', "roster_pairs"),
])
def test_read_map__damaged_or_foreign_file__refused_with_its_reason(text, code):
    with pytest.raises(ImportRefused) as refused:
        read_map(text, CONTENT)
    assert refused.value.code == code


def test_read_map__more_people_than_a_map_holds__refused_before_any_work():
    rows = [row(f"P{i}") for i in range(26)]  # 26 > 25 people
    with pytest.raises(ImportRefused) as refused:
        read_map(export_map(rows, []), CONTENT)
    assert (refused.value.code, refused.value.params) == ("roster_too_large", {"people": 26, "pairs": 0, "most": 25})
