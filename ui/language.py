"""The language switch on every page, and the page's ``<html lang>`` kept in step with it.

app.py calls ``switch()`` once per run, before the page draws. The session's language itself is
decided in ui/text.py (``?lang=``, then the choice made here, then the browser's language).

Links: a link the app hands to someone else (share, compare, join, the QR code) carries no
language, so it opens in the reader's own; the projector link carries the facilitator's
(ui/workshops.projector_link), since the projector shows the room in the language of whoever
runs it. Each participant answers in their own.
"""

from __future__ import annotations

import json

import streamlit as st

from ui import reconnect, streamlit_words
from ui.text import LANG_PARAM, SESSION_KEY, language, languages, t

# Each language by its own name, the same in every language (so never translated).
NAMES = {"en": "English", "pt-BR": "Português"}  # not-text
SWITCH_KEY = "language-switch"


def switch(*, shown: bool = True) -> None:
    """A small switch at the top right of the page; choosing a language reruns the page in it.
    ``shown=False`` (the projector) keeps only the page's ``<html lang>``."""
    current = language()
    choices = languages()
    if shown and len(choices) > 1:
        with st.container(key=SWITCH_KEY, horizontal_alignment="right"):
            key = f"{SWITCH_KEY}-{current}"  # a new widget per language, so a ?lang= link shows as chosen
            st.segmented_control(t("common.language.label"), choices, default=current, required=True,
                                 format_func=lambda code: NAMES.get(code, code), key=key,
                                 label_visibility="collapsed", on_change=_chosen, args=(key,))
    html_lang(current)


def _chosen(key: str) -> None:
    chosen = st.session_state.get(key)
    if chosen in languages():
        st.session_state[SESSION_KEY] = chosen
        st.query_params[LANG_PARAM] = chosen  # so a reload, or this address copied, keeps it


def html_lang(code: str) -> None:
    """Set ``<html lang>`` to the page's language: Streamlit writes ``en`` whatever the page says,
    and screen readers choose their voice by it; Streamlit's own words in it (ui/streamlit_words.py); and a
    run as soon as a tab reconnects (ui/reconnect.py).
    A script in the page (no iframe, no space taken)."""
    st.html(f"<script>document.documentElement.lang = {json.dumps(code)};"  # not-text
            f"{streamlit_words.script(code)}{reconnect.SCRIPT}</script>{SWITCH_STYLE}",
            unsafe_allow_javascript=True)


# The chosen language as dark text on a pale blue in every theme (about 12:1): Streamlit's blue on its
# tinted background is below 4.5:1 in the dark theme, and the projector paints its own white page
# (axe, tests/browser/test_accessibility.py).
SWITCH_STYLE = (f"<style>.st-key-{SWITCH_KEY} button[data-selected='true'] {{background: #E6F1F8 !important;}} "  # not-text
                f".st-key-{SWITCH_KEY} button[data-selected='true'], .st-key-{SWITCH_KEY} button[data-selected='true'] * "
                "{color: #0B2E45 !important; font-weight: 600;}</style>")
