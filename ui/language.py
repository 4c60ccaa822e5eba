"""The language switch on every page, and the page's ``<html lang>`` kept in step with it.

app.py calls ``switch()`` once per run, before the page draws. The session's language itself is
decided in ui/text.py (``?lang=``, then the choice made here, then the browser's language).

Links: a link the app hands to someone else (share, compare, join, the QR code) carries no
language, so it opens in the reader's own; the projector link carries the facilitator's
(ui/workshops.projector_link), since the projector shows the room in the language of whoever
runs it. Each participant answers in their own.
"""

from __future__ import annotations

import functools
import json

import streamlit as st

from ui.text import LANG_PARAM, SESSION_KEY, catalogue, language, languages, t

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
    and screen readers choose their voice by it. A script in the page (no iframe, no space taken)."""
    words = json.dumps(streamlit_words(code), ensure_ascii=False).replace("<", "\\u003c")
    st.html(f"<script>document.documentElement.lang = {json.dumps(code)};"  # not-text
            f"{TRANSLATE_SCRIPT.replace('{words}', words)}</script>{SWITCH_STYLE}",
            unsafe_allow_javascript=True)


STREAMLIT_KEYS = ("enter_apply", "enter_submit", "ctrl_enter_apply", "ctrl_enter_submit", "drop_file", "upload",
                  "type_not_allowed")


@functools.cache
def streamlit_words(code: str) -> dict[str, str]:
    """Streamlit's own English inside its widgets (the text box's "Press Enter to apply", the file
    uploader's "Drag and drop a file here" and "Upload"), each with ``code``'s words for it; empty
    for English. Keyed by the English text exactly as Streamlit writes it (content/en/ui/common.yaml)."""
    if code == "en":
        return {}
    english, theirs = catalogue("en"), catalogue(code)
    words = {english.text(f"common.streamlit.{k}"): theirs.text(f"common.streamlit.{k}") for k in STREAMLIT_KEYS}
    ctrl, mac = "Ctrl", "⌘"  # not-text: a key's name; a Mac shows ⌘ where others show Ctrl
    for key in ("ctrl_enter_apply", "ctrl_enter_submit"):
        words[english.text(f"common.streamlit.{key}").replace(ctrl, mac)] = (
            theirs.text(f"common.streamlit.{key}").replace(ctrl, mac))
    return words


# Streamlit 1.67 writes its widgets' own words in English whatever the page's language, with no
# setting to change them. This puts the reader's words in their place, as text (read by a screen
# reader too), and again whenever Streamlit draws them anew. One observer per browser tab; each run
# hands it the current language's words, and a text it changed goes back to Streamlit's own when the
# language goes back to English.
TRANSLATE_SCRIPT = """// # not-text: a script, no words for people
(() => {
  window.wdStreamlitWords = {words};
  if (!window.wdStreamlitObserver && Object.keys(window.wdStreamlitWords).length === 0) return;  // English
  const put = (node) => {
    const original = node.wdOriginal ?? node.nodeValue;
    const shown = window.wdStreamlitWords[original.trim()];
    const wanted = shown === undefined ? original : shown;
    if (shown !== undefined || node.wdOriginal !== undefined) {
      node.wdOriginal = original;
      if (node.nodeValue !== wanted) node.nodeValue = wanted;
    }
  };
  const walk = (root) => {
    if (root.nodeType === Node.TEXT_NODE) { put(root); return; }
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) put(node);
  };
  if (!window.wdStreamlitObserver) {
    window.wdStreamlitObserver = new MutationObserver((changes) => {
      for (const change of changes) {
        if (change.type === 'characterData') {
          if (change.target.nodeValue !== window.wdStreamlitWords[(change.target.wdOriginal ?? '').trim()]) {
            change.target.wdOriginal = undefined;  // Streamlit wrote a new text of its own
          }
          put(change.target);
        } else change.addedNodes.forEach(walk);
      }
    });
    window.wdStreamlitObserver.observe(document.body, {childList: true, subtree: true, characterData: true});
  }
  walk(document.body);
})();
"""


# The chosen language as dark text on a pale blue in every theme (about 12:1): Streamlit's blue on its
# tinted background is below 4.5:1 in the dark theme, and the projector paints its own white page
# (axe, tests/browser/test_accessibility.py).
SWITCH_STYLE = (f"<style>.st-key-{SWITCH_KEY} button[data-selected='true'] {{background: #E6F1F8 !important;}} "  # not-text
                f".st-key-{SWITCH_KEY} button[data-selected='true'], .st-key-{SWITCH_KEY} button[data-selected='true'] * "
                "{color: #0B2E45 !important; font-weight: 600;}</style>")
