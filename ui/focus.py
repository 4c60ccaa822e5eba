"""Keyboard focus after a step changes: on the new step's heading (ui/assets/step_focus.js).

Streamlit has no focus API: a click on Next reruns the script and the focus falls back to the top
of the page (or stays on a button that now belongs to another step). A tiny script, mounted in the
page (st.components.v2: no iframe), focuses the step's heading whenever the step shown changes.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

_ASSETS = Path(__file__).parent / "assets"
_step_focus = st.components.v2.component("wide_deep.step_focus",
                                        js=(_ASSETS / "step_focus.js").read_text(encoding="utf-8"))


def focus_step_heading(step: int) -> None:
    """Call once per questionnaire run, after the step's heading; ``step`` is the step shown."""
    with st.container(key="page-script-focus"):  # nothing to see (app.py's CSS)
        _step_focus(key="step-focus", data={"step": step})
