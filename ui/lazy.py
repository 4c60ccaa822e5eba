"""A section built only while it is open: an expander whose content the page computes and sends
only after the person opens it (``st.expander(on_change="rerun")``: opening it reruns the page
with ``.open`` true).

    with opened_section(t("results.import.title"), key="results.import.open") as opened:
        if opened:
            ...  # uploaders, tables: nothing of this is built or drawn while it is closed

Used for the tools under a result (restore a file, compare two files): three file uploaders that
cost the results page about 125 ms in the browser on every arrival, for a section few open
(bench/browser_speed.py). What was in a closed section is gone when it closes: an uploaded file
is chosen again.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st


@contextmanager
def opened_section(label: str, *, key: str) -> Iterator[bool]:
    """An expander titled ``label``; yields whether it is open now (build its content only then)."""
    with st.expander(label, key=key, on_change="rerun") as box:
        yield bool(box.open)
