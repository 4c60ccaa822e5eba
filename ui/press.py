"""Buttons whose action runs once per press, even when the press reaches a session that never drew them.

Streamlit calls a button's ``on_click`` only when the session drew that button on an earlier run.
A tab that reconnects to a new session (the server restarted, or the session was let go) keeps
showing its old page; ui/reconnect.py asks for a run at once, but a tap in the first moments
after the connection comes back reaches the new session before that run has drawn the button. The
``on_click`` is skipped and "Next" does nothing (tapped within 0.3 s of reconnecting: 4 taps of 4
lost on an idle machine; the window is longer under load). The button's value still says it was
pressed, so ``action_button`` keeps the action and reruns, and app.py calls ``run_pending`` before
any page draws, where Streamlit would have called the ``on_click`` (an action may set the value of
a widget, which Streamlit allows only before that widget is drawn). Either Streamlit or
``run_pending`` runs it, never both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

_RAN = "press.ran."        # not-text: + the button's key, set by its on_click for the script to see
_PENDING = "press.pending"  # not-text: (action, args) of a press whose on_click Streamlit skipped


def action_button(where: DeltaGenerator, label: str, *, key: str, on_click: Callable[..., None],
                  args: tuple[Any, ...] = (), form: bool = False, **kwargs: Any) -> bool:
    """``where.button`` (``where.form_submit_button`` with ``form``) whose ``on_click`` runs exactly
    once per press; True on the run after a press."""
    draw = where.form_submit_button if form else where.button
    pressed = draw(label, key=key, on_click=_ran, args=(key, on_click, *args), **kwargs)
    ran = st.session_state.pop(_RAN + key, False)
    if pressed and not ran:  # the press came before this session drew the button
        st.session_state[_PENDING] = (on_click, args)
        st.rerun()
    return pressed


def run_pending() -> None:
    """Run the action of a press Streamlit did not call back; app.py calls it before any page draws."""
    pending = st.session_state.pop(_PENDING, None)
    if pending is not None:
        action, args = pending
        action(*args)


def _ran(key: str, action: Callable[..., None], *args: Any) -> None:
    st.session_state[_RAN + key] = True
    action(*args)
