"""A test's view of an AppTest's session through ``ui/session.py``, the one owner of its keys.

    session_of(at).roster_rows = rows      # set up a state as the app would have it
    assert session_of(at).saved is not None
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

from streamlit.testing.v1 import AppTest

from ui.session import Session


class _AppTestState(MutableMapping):
    """AppTest's session state as the mapping ``Session`` wraps (it lacks ``pop``/``setdefault``)."""

    def __init__(self, at: AppTest) -> None:
        self._state = at.session_state

    def __getitem__(self, key: str) -> Any:
        return self._state[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._state[key] = value

    def __delitem__(self, key: str) -> None:
        del self._state[key]

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._state.keys()))

    def __len__(self) -> int:
        return len(list(self._state.keys()))


def session_of(at: AppTest) -> Session:
    return Session(_AppTestState(at))
