"""Rules of assessment/limits.py: sliding windows per session and per address, bounded memory."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from assessment.limits import JOIN_ATTEMPTS, Quota, Rate, quota_of


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_quota__under_the_rate__allowed_then_refused_at_the_limit():
    quota = Quota(Rate(3, 60), clock=Clock())

    assert [quota.allow("s") for _ in range(5)] == [True, True, True, False, False]


def test_quota__window_slides__an_attempt_allowed_again_once_the_oldest_is_older_than_the_window():
    clock = Clock()
    quota = Quota(Rate(2, 60), clock=clock)
    quota.allow("s")            # t=1000
    clock.now = 1030
    quota.allow("s")            # t=1030
    clock.now = 1059.9
    assert quota.allow("s") is False   # both still within the last 60 s
    clock.now = 1060.0
    assert quota.allow("s") is True    # the one at 1000 is 60 s old: out of the window
    assert quota.allow("s") is False   # 1030 and 1060 are in it


def test_quota__refused_attempts__do_not_count():
    clock = Clock()
    quota = Quota(Rate(1, 60), clock=clock)
    quota.allow("s")
    for _ in range(100):
        clock.now += 0.5
        quota.allow("s")       # refused: must not push the window on
    clock.now = 1060
    assert quota.allow("s") is True


def test_quota__sessions__counted_apart():
    quota = Quota(Rate(1, 60), clock=Clock())

    assert (quota.allow("a"), quota.allow("b"), quota.allow("a")) == (True, True, False)


def test_quota__address_full__refused_for_a_new_session_too_and_nothing_counted_for_it():
    quota = Quota(Rate(5, 60), Rate(2, 60), clock=Clock())
    quota.allow("a", "203.0.113.7")
    quota.allow("b", "203.0.113.7")

    assert quota.allow("c", "203.0.113.7") is False
    assert quota.allow("c", "198.51.100.1") is True   # "c" was not counted by the refusal above
    assert quota.keys_kept() == (3, 2)


def test_quota__session_full__address_not_counted():
    quota = Quota(Rate(1, 60), Rate(2, 60), clock=Clock())
    quota.allow("a", "203.0.113.7")

    assert quota.allow("a", "203.0.113.7") is False   # session full: the address keeps its room
    assert quota.allow("b", "203.0.113.7") is True
    assert quota.allow("c", "203.0.113.7") is False   # now the address is full (a, b)


def test_quota__unknown_address__only_the_session_rate_applies():
    quota = Quota(Rate(2, 60), Rate(1, 60), clock=Clock())

    assert [quota.allow("a", None) for _ in range(3)] == [True, True, False]


def test_quota__more_keys_than_the_cap__least_recently_used_forgotten():
    quota = Quota(Rate(1, 60), Rate(1, 60), max_keys=3, clock=Clock())
    for n in range(10):
        quota.allow(f"s{n}", f"a{n}")

    assert quota.keys_kept() == (3, 3)
    assert quota.allow("s9") is False      # kept: still limited
    assert quota.allow("s0") is True       # forgotten: a fresh start (the price of the cap)


def test_quota__many_threads_at_once__exactly_the_rate_allowed():
    quota = Quota(Rate(50, 60), Rate(1000, 60))
    start = threading.Barrier(16)

    def attempts(_n: int) -> int:
        start.wait()
        return sum(quota.allow("one session", "203.0.113.7") for _ in range(100))

    with ThreadPoolExecutor(16) as pool:
        assert sum(pool.map(attempts, range(16))) == 50


@pytest.mark.parametrize("count, seconds", [(0, 60), (1, 0), (-1, 10)])
def test_rate__not_positive__value_error(count, seconds):
    with pytest.raises(ValueError) as error:
        Rate(count, seconds)
    assert str(error.value) == f"Rate({count}, {seconds}): count must be 1 or more and seconds above 0."


def test_quota_of__join_attempts__ten_a_minute_per_session():
    quota = quota_of(JOIN_ATTEMPTS, clock=Clock())

    assert sum(quota.allow("s", "203.0.113.7") for _ in range(61)) == 10
