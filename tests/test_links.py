"""What a link's query parameters may hold: lengths capped where they enter, and a workshop id."""

import pytest

from assessment.links import PARAM_LIMITS, blank_overlong_params, workshop_id


def test_blank_overlong_params__values_past_their_limit__blanked_the_rest_kept():
    params = {"r": "A" * 65, "m": "B" * 64, "code": "K7R WX3", "w": "1" * 19, "other": "x" * 1000}
    assert blank_overlong_params(params) == ("r", "w")
    assert params == {"r": "", "m": "B" * 64, "code": "K7R WX3", "w": "", "other": "x" * 1000}


def test_param_limits__every_parameter_the_app_reads__has_one():
    assert set(PARAM_LIMITS) == {"r", "m", "resume", "code", "w", "k"}


@pytest.mark.parametrize("text, expected", [
    ("1", 1), ("42", 42), ("9" * 18, int("9" * 18)),
    ("²", None), ("٣", None), ("9" * 19, None), ("9" * 5_000, None), ("", None), ("-1", None), (" 1", None),
    ("1.0", None), (None, None), (7, None),
])
def test_workshop_id__ascii_digits_that_fit_an_integer__else_none(text, expected):
    # 2**63 - 1 = 9223372036854775807 has 19 digits: any 18 digits fit
    assert workshop_id(text) == expected
