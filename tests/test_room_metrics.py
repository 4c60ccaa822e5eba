"""Metric names, built and read in one place (assessment/room/metrics.py)."""

from __future__ import annotations

import pytest

from assessment.room.metrics import metric_ids, metric_kind, metric_name


@pytest.mark.parametrize(("parts", "name"), [
    (("width",), "width"),
    (("depth",), "depth"),
    (("dim", "reach"), "dim:reach"),
    (("seg", "peers", "depth"), "seg:peers:depth"),
])
def test_metric_name__parts__joined_with_colons(parts, name):
    assert metric_name(*parts) == name
    assert metric_kind(name) == parts[0]


@pytest.mark.parametrize("parts", [("dim",), ("seg", "peers"), ("width", "x"), ("dim", "reach", "depth")])
def test_metric_name__wrong_parts_for_the_kind__refused(parts):
    with pytest.raises(ValueError, match="takes an id"):
        metric_name(*parts)


def test_metric_ids__names_of_a_kind__ids_once_in_first_seen_order():
    names = ["width", "seg:peers:breadth", "dim:reach", "seg:senior:depth", "seg:peers:depth", "dim:trust"]
    assert metric_ids(names, "seg") == ("peers", "senior")
    assert metric_ids(names, "dim") == ("reach", "trust")
