"""Shared, cached resources: loaded content and the database store, built once per process."""

from __future__ import annotations

import functools
import os

import streamlit as st

from assessment import load_questionnaire
from assessment.errors import ContentError
from assessment.content.load import load_network_content
from assessment.network.content import NetworkContent
from assessment.questionnaire import Questionnaire

from . import text
from .navigation import URL_PATHS


def questionnaire(language: str | None = None) -> Questionnaire:
    """The questionnaire from content/ (or the folder named by WIDE_DEEP_CONTENT), in the session's language."""
    return _questionnaire(language or text.language(), os.environ.get("WIDE_DEEP_CONTENT") or None)


@functools.lru_cache(maxsize=16)
def _questionnaire(language: str, content_dir: str | None) -> Questionnaire:
    """Loaded and validated once per process; a ContentError is not cached and reaches app.py's message.

    A plain ``lru_cache``, not ``st.cache_resource``: every rerun asks for the questionnaire
    twice (app.py, then the page), and Streamlit's cache spends about 0.3 ms a call hashing
    its arguments, which is a tenth of a bare page's whole rerun. The value is frozen, so
    sharing one across sessions and threads is safe.
    """
    return load_questionnaire(language) if content_dir is None else load_questionnaire(language, content_dir)


def network(language: str | None = None) -> NetworkContent:
    """The network map's content from the same folder as the questionnaire, in the session's language."""
    return _network(language or text.language(), os.environ.get("WIDE_DEEP_CONTENT") or None)


@functools.lru_cache(maxsize=16)
def _network(language: str, content_dir: str | None) -> NetworkContent:
    """Loaded and checked once per process, like ``_questionnaire``; a ContentError is not cached."""
    return load_network_content(language) if content_dir is None else load_network_content(language, content_dir)


def content_problems(language: str | None = None) -> tuple[str, ...]:
    """Every problem of the content the app runs on, each once (the network lists the questionnaire's too)."""
    problems: dict[str, None] = {}
    for load in (questionnaire, network):
        try:
            load(language)
        except ContentError as error:
            problems.update(dict.fromkeys(str(issue) for issue in error.issues))
    return tuple(problems)


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


def store():
    """The Store of the configured database."""
    return _store(database_url())


@st.cache_resource(show_spinner=False)
def _store(url: str | None):
    """One Store (engine + pool) per process and URL; StorageUnavailable is not cached, so a retry works."""
    from assessment.storage.results import open_store

    return open_store(url)


def app_url(path: str = "") -> str:
    """Absolute URL of a page of this app, from the address the browser used."""
    from urllib.parse import urlsplit

    current = st.context.url or ""
    parts = urlsplit(current)
    base_path = parts.path.rstrip("/")
    page = base_path.rsplit("/", 1)[-1]
    if page in URL_PATHS:
        base_path = base_path[: -len(page)].rstrip("/")
    return f"{parts.scheme}://{parts.netloc}{base_path}/{path.lstrip('/')}"

