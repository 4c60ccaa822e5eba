"""The projector page's pure parts (ui/projector_view.py): its scale from the window, the presses to apply."""

from __future__ import annotations

import pytest

from ui.projector_view import new_moves, scale_for


@pytest.mark.parametrize(("viewport", "scale"), [
    ([1920, 1080], 1.5), ([1280, 720], 1.0), ([1366, 768], 1.0), ([2560, 1440], 2.0), ([1600, 900], 1.25),
    ([1920, 1200], 1.5), ([1024, 768], 0.75), ([800, 600], 0.75), ([3840, 2160], 2.5),
    (None, 1.0), ("1920x1080", 1.0), ([1, "x"], 1.0), ([1920], 1.0),
])
def test_scale_for__window_size__largest_scale_that_fits_and_junk_reads_as_one(viewport, scale):
    assert scale_for(viewport) == scale


def test_new_moves__two_presses_arrive_together__each_applied_once_in_order():
    sent = {"mount": "a", "list": [[1, 1], [2, 1], [3, -1]]}
    assert new_moves(sent, ("a", 1)) == (("a", 3), [1, -1])
    assert new_moves(sent, ("a", 3)) == (("a", 3), [])  # the same state again: nothing twice


def test_new_moves__a_new_page__numbering_starts_again():
    assert new_moves({"mount": "b", "list": [[1, -1]]}, ("a", 9)) == (("b", 1), [-1])


@pytest.mark.parametrize("sent", [None, "x", {"mount": 1, "list": []}, {"mount": "a"}, {"mount": "a", "list": "x"},
                                  {"mount": "a", "list": [[1, 5], [2, True], ["3", 1], [4], [0, 1], [2.0, 1]]}])
def test_new_moves__junk_from_a_client__nothing_applied(sent):
    assert new_moves(sent, ("a", 0))[1] == []


def test_presses__the_same_presses_delivered_again_in_a_new_session__applied_once():
    from ui.projector_view import _Presses

    ledger = _Presses()
    first = {"mount": "a", "list": [[1, 1]]}
    applied, steps = new_moves(first, ledger.applied(7, "a"))
    ledger.note(7, applied)
    assert steps == [1]
    # the connection came back as a new session: the page sends its last presses again, plus a new one
    again = {"mount": "a", "list": [[1, 1], [2, -1]]}
    assert new_moves(again, ledger.applied(7, "a"))[1] == [-1]
    assert ledger.applied(8, "a") is None  # another room's projector page is its own


def test_presses__many_pages__the_oldest_forgotten_first_and_memory_bounded():
    from ui.projector_view import PAGES_KEPT, _Presses

    ledger = _Presses()
    for n in range(PAGES_KEPT + 5):
        ledger.note(1, (f"m{n}", 1))
    assert ledger.applied(1, "m0") is None and ledger.applied(1, f"m{PAGES_KEPT + 4}") == (f"m{PAGES_KEPT + 4}", 1)
