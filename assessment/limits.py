"""Limits on what one session or one client address may do in a while: far above what a real
person does, low enough that guessing join codes, creating workshops in a loop or stuffing a
room's results goes nowhere.

    quota = Quota(per_session=Rate(10, 60), per_address=Rate(300, 60))
    if not quota.allow("session-token", "203.0.113.7"):   # records the attempt when allowed
        ...  # refuse, with a message

A sliding window (the attempts of the last ``Rate.seconds``) per key, in memory, one per
server process: limits are per process (two servers behind a load balancer each allow the
full rate). Memory is bounded: at most ``max_keys`` keys per window, the least recently
used forgotten first, and at most ``Rate.count`` times kept per key. Thread-safe: every
session of a Streamlit server shares one ``Quota``.

The address is what the server sees (``st.context.ip_address``): behind a reverse proxy that
is the proxy's, shared by everyone, so address limits are set for a whole room behind one
address, and the proxy should add its own per-client limits (docs/deploying.md).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass

DEFAULT_MAX_KEYS = 10_000


@dataclass(frozen=True, slots=True)
class Rate:
    """At most ``count`` attempts in any ``seconds``."""

    count: int
    seconds: float

    def __post_init__(self) -> None:
        if self.count < 1 or self.seconds <= 0:
            raise ValueError(f"Rate({self.count}, {self.seconds}): count must be 1 or more and seconds above 0.")


# Our own choices, each far above one real person (a room of ~300 people may share one address):
JOIN_ATTEMPTS = (Rate(10, 60), Rate(300, 60))        # codes tried: a person types one, maybe twice
WORKSHOPS_CREATED = (Rate(5, 3600), Rate(30, 3600))   # a facilitator makes one per session
RESULTS_INTO_A_ROOM = (Rate(5, 3600), Rate(1000, 3600))  # one each, a retake or a retry after an outage


class _Window:
    """The recent attempt times of each key (no lock of its own: ``Quota`` holds one)."""

    __slots__ = ("_max_keys", "_rate", "_times")

    def __init__(self, rate: Rate, max_keys: int) -> None:
        self._rate = rate
        self._max_keys = max_keys
        self._times: OrderedDict[str, deque[float]] = OrderedDict()

    def has_room(self, key: str, now: float) -> bool:
        times = self._times.get(key)
        if times is None:
            return True
        while times and times[0] <= now - self._rate.seconds:
            times.popleft()
        return len(times) < self._rate.count

    def record(self, key: str, now: float) -> None:
        times = self._times.get(key)
        if times is None:
            times = self._times[key] = deque(maxlen=self._rate.count)
            if len(self._times) > self._max_keys:
                self._times.popitem(last=False)
        self._times.move_to_end(key)
        times.append(now)

    def __len__(self) -> int:
        return len(self._times)


class Quota:
    """A per-session rate and, optionally, a per-address one; an attempt is allowed only when
    both have room, and then counts in both. Refused attempts do not count."""

    def __init__(
        self, per_session: Rate, per_address: Rate | None = None, *,
        max_keys: int = DEFAULT_MAX_KEYS, clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._sessions = _Window(per_session, max_keys)
        self._addresses = _Window(per_address, max_keys) if per_address is not None else None
        self._clock = clock
        self._lock = threading.Lock()

    def allow(self, session: str, address: str | None = None) -> bool:
        """True, and the attempt counted, if ``session`` and ``address`` (None: unknown, as on
        localhost) are both under their rates; False, and nothing counted, otherwise."""
        with self._lock:
            now = self._clock()
            by_address = self._addresses is not None and address is not None
            if not self._sessions.has_room(session, now):
                return False
            if by_address and not self._addresses.has_room(address, now):
                return False
            self._sessions.record(session, now)
            if by_address:
                self._addresses.record(address, now)
            return True

    def keys_kept(self) -> tuple[int, int]:
        """How many sessions and addresses are remembered now (bounded by ``max_keys`` each)."""
        with self._lock:
            return len(self._sessions), len(self._addresses) if self._addresses is not None else 0


def quota_of(rates: tuple[Rate, Rate], **options) -> Quota:
    """A ``Quota`` from one of the (per session, per address) pairs above."""
    per_session, per_address = rates
    return Quota(per_session, per_address, **options)


__all__ = ["JOIN_ATTEMPTS", "RESULTS_INTO_A_ROOM", "WORKSHOPS_CREATED", "Quota", "Rate", "quota_of"]
