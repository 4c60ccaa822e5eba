"""The widget <-> answers mirror: answers live in the session, each radio only mirrors one.

Widget values are dropped when their widget is not drawn (another step, another page), so the
session's answers are the truth and a step's widgets are seeded from them and collected back.
This module is the only one that knows widget keys are ``w.<answer key>``.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from typing import Any

import streamlit as st

PREFIX = "w."


def widget_key(answer_key: str) -> str:
    return PREFIX + answer_key


def seed(answer_key: str, answers: MutableMapping[str, str]) -> str:
    """The widget key of ``answer_key``, its value set from ``answers`` the first time it is drawn."""
    key = widget_key(answer_key)
    if key not in st.session_state:
        st.session_state[key] = answers.get(answer_key)
    return key


def collect(answer_keys: Iterable[str], answers: MutableMapping[str, str]) -> None:
    """Copy the widgets' values of ``answer_keys`` into ``answers`` (an unset widget clears its answer)."""
    for answer_key in answer_keys:
        value: Any = st.session_state.get(widget_key(answer_key))
        if value is None:
            answers.pop(answer_key, None)
        else:
            answers[answer_key] = value


def forget() -> None:
    """Drop every widget value, so the next drawing seeds them from the answers again (a restored draft)."""
    for key in [k for k in st.session_state.keys() if str(k).startswith(PREFIX)]:
        del st.session_state[key]
