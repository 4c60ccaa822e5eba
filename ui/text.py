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

from assessment.content.load import CONTENT_DIR, list_languages
from assessment.text import FALLBACK, Catalogue, load_catalogue, match_language

_LOG = logging.getLogger(__name__)
LANG_PARAM = "lang"  # ?lang=pt-BR in a link: the language that page opens in (ui/links.Param.LANG)
SESSION_KEY = "_language"  # the language chosen in this session, kept from page to page


def languages() -> tuple[str, ...]:
    """The languages a person can choose: one folder per language in content/ (``en``, ``pt-BR``)."""
    return _languages(content_folder())


@functools.lru_cache(maxsize=4)
def _languages(folder: str) -> tuple[str, ...]:
    found = list_languages(folder)
    return found if FALLBACK in found else (FALLBACK, *found)


def language() -> str:
    """The language this session reads, first found of: ``?lang=`` in the address (a known language
    only; anything else is ignored), the language chosen earlier in this session (the switch,
    ui/language.py), the browser's language (``st.context.locale``), English."""
    import streamlit as st
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    if get_script_run_ctx(suppress_warning=True) is None:
        return FALLBACK  # outside a Streamlit run (tests, scripts)
    known = languages()
    asked = match_language(st.query_params.get(LANG_PARAM), known, exact=True)
    chosen = st.session_state.get(SESSION_KEY)
    if asked is not None:
        if chosen != asked:  # written once, not at each of a page's texts
            st.session_state[SESSION_KEY] = asked
        return asked
    if chosen in known:
        return chosen
    found = match_language(_browser_locale(), known) or FALLBACK
    st.session_state[SESSION_KEY] = found
    return found


def _browser_locale() -> str | None:
    import streamlit as st

    try:
        return st.context.locale
    except Exception:  # no browser behind this run (AppTest): the default language
        return None


def content_folder() -> str:
    """content/, or the folder named by WIDE_DEEP_CONTENT (tests), as the key of what is loaded from it
    (a string: a page asks for its texts dozens of times a run, and builds no Path for each)."""
    return os.environ.get("WIDE_DEEP_CONTENT") or _CONTENT


_CONTENT = str(CONTENT_DIR)


def content_dir() -> Path:
    return Path(content_folder())


def catalogue(lang: str | None = None) -> Catalogue:
    return _catalogue(lang or language(), content_folder())


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
