"""Streamlit-only pieces shared by pages: state keys, cached resources, widgets, result display."""

from streamlit.runtime.pages_manager import PagesManager


def _leave_pages_directory_mode() -> None:
    """Make sure every run goes through app.py's st.navigation.

    Streamlit sees the pages/ folder next to app.py and, until some session has called
    st.navigation, runs a requested page file *directly* in its old file-based mode (no page
    config, a menu of raw file names). Our pages all import ``ui`` first, so the first such
    run lands here: switch the mode off and rerun, and app.py takes over from then on.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        import streamlit as st

        st.rerun()


_leave_pages_directory_mode()
