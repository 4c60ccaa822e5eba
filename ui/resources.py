"""Shared, cached resources: loaded content and the database store, built once per process."""

from __future__ import annotations

import os

import streamlit as st

from assessment import load_questionnaire
from assessment.questionnaire import Questionnaire


@st.cache_resource(show_spinner=False)
def questionnaire(language: str = "en") -> Questionnaire:
    """Loaded and validated once per process; ContentError propagates to ``show_content_error``."""
    return load_questionnaire(language)


def quadrant_names(q: Questionnaire) -> dict[tuple[bool, bool], str]:
    return {(p.wide, p.deep): p.name for p in q.profiles}


def database_url() -> str | None:
    """DATABASE_URL from the environment, else from Streamlit secrets, else None (SQLite file)."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    try:
        return st.secrets.get("DATABASE_URL")  # type: ignore[no-any-return]
    except Exception:  # no secrets.toml at all: that's the normal case
        return None
