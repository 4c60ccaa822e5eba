"""Keyboard focus: on the new step's heading after a step changes (ui/assets/step_focus.js), and kept
where it is when a run only adds or drops a notice (``kept_place``).

Streamlit has no focus API: a click on Next reruns the script and the focus falls back to the top
of the page (or stays on a button that now belongs to another step). A tiny script, mounted in the
page (st.components.v2: no iframe), focuses the step's heading whenever the step shown changes.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

_ASSETS = Path(__file__).parent / "assets"
_step_focus = st.components.v2.component("wide_deep.step_focus",
                                        js=(_ASSETS / "step_focus.js").read_text(encoding="utf-8"))


def focus_step_heading(step: int) -> None:
    """Call once per questionnaire run, after the step's heading; ``step`` is the step shown."""
    with st.container(key="page-script-focus"):  # nothing to see (app.py's CSS)
        _step_focus(key="step-focus", data={"step": step})


def kept_place(name: str) -> DeltaGenerator:
    """A container drawn on every run, empty or not, so what follows it keeps its place in the page.

    Streamlit's browser matches elements by position. A notice or a script that appears (or goes)
    above the answers on one run shifts every element after it, and the browser draws them afresh:
    the radio that had the keyboard focus is replaced and the focus falls to the page. An empty place
    holds the position but the browser draws nothing for it: no room, no gap."""
    return st.container(key=f"place-{name}")
