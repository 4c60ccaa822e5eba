"""Streamlit-only pieces shared by pages: state keys, cached resources, widgets, result display."""
