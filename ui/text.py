"""The one way the UI gets words: ``t(key, **params)`` in the session's language.

    st.button(t("home.start"))
    st.info(t("results.answered", answered=12, total=43))

Keys and placeholders are checked against ``content/en/ui/*.yaml`` by tests/test_texts.py (every
``t("…")`` in ui/ and pages/ names a key that exists, with exactly its placeholders).
"""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path
from typing import Any

from assessment.content.load import CONTENT_DIR
from assessment.text import FALLBACK, Catalogue, load_catalogue

_LOG = logging.getLogger(__name__)


def language() -> str:
    """The language this session reads (English until a second language is added)."""
    return FALLBACK


def content_dir() -> Path:
    """content/, or the folder named by WIDE_DEEP_CONTENT (tests)."""
    return Path(os.environ.get("WIDE_DEEP_CONTENT") or CONTENT_DIR)


def catalogue(lang: str | None = None) -> Catalogue:
    return _catalogue(lang or language(), str(content_dir()))


@functools.lru_cache(maxsize=8)
def _catalogue(lang: str, folder: str) -> Catalogue:
    """Loaded once per process and language; problems are logged (the tests fail on them)."""
    found, issues = load_catalogue(lang, Path(folder))
    for issue in issues:
        _LOG.warning("%s", issue)
    return found


def t(key: str, /, **params: Any) -> str:
    """The text of ``key`` in the session's language, with ``params`` filled in."""
    return catalogue().text(key, **params)


def number(value: float, digits: int = 0) -> str:
    """A number written the session's language's way (1,234.5 or 1.234,5)."""
    return catalogue().number(value, digits)
