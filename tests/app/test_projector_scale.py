"""The projector's scale from its window (ui/projector_view.scale_for): laid out for 1280×720."""

from __future__ import annotations

import pytest

from ui.projector_view import scale_for


@pytest.mark.parametrize(("viewport", "scale"), [
    ([1920, 1080], 1.5), ([1280, 720], 1.0), ([1366, 768], 1.0), ([2560, 1440], 2.0), ([1600, 900], 1.25),
    ([1920, 1200], 1.5), ([1024, 768], 0.75), ([800, 600], 0.75), ([3840, 2160], 2.5),
    (None, 1.0), ("1920x1080", 1.0), ([1, "x"], 1.0), ([1920], 1.0),
])
def test_scale_for__window_size__largest_scale_that_fits_and_junk_reads_as_one(viewport, scale):
    assert scale_for(viewport) == scale
