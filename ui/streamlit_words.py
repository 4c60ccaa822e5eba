"""Streamlit's own words on our pages, in the page's language.

Streamlit 1.67 writes the words inside its widgets and around the page in English, whatever the
page's language, with no setting to change them: a text box's "Press Enter to apply", the file
uploader's "Upload", the status "Connecting", the menu's "Light" and "Dark", and, when a phone
loses its connection, a "Connection error" box that speaks of a "Streamlit server". A small script
(``SCRIPT``, sent with the page's language by ui/language.html_lang) puts our words in their place,
as text (a screen reader reads them too), and again each time Streamlit draws them anew.

``ORIGINALS`` holds each text exactly as Streamlit writes it (tests/test_streamlit_words.py finds
each in Streamlit's own script, so an upgrade that rewords one fails there); our words for each are
``common.streamlit.<key>`` in content/<language>/ui/common.yaml. English keeps Streamlit's words
except where they name Streamlit to a person who never chose it.
"""

from __future__ import annotations

import functools
import json

from ui.text import catalogue, content_folder

ORIGINALS = {  # not-text: Streamlit's own English, found on the page to be replaced
    "enter_apply": "Press Enter to apply",  # not-text
    "enter_submit": "Press Enter to submit form",  # not-text
    "ctrl_enter_apply": "Press Ctrl+Enter to apply",  # not-text
    "ctrl_enter_submit": "Press Ctrl+Enter to submit form",  # not-text
    "drop_file": "Drag and drop a file here",  # not-text
    "upload": "Upload",  # not-text
    "type_not_allowed": "File type not allowed.",  # not-text
    "upload_connection_lost": "Connection lost. Please wait for the app to reconnect, then try again.",  # not-text
    "connecting": "Connecting",  # not-text
    "connecting_tip": "Connecting to Streamlit server",  # not-text
    "disconnected": "Error",  # not-text
    "disconnected_tip": "Unable to connect to Streamlit server",  # not-text
    "connection_error": "Connection error",  # not-text
    "not_responding": "Streamlit server is not responding. Are you connected to the internet?",  # not-text
    "menu_system": "System",  # not-text
    "menu_light": "Light",  # not-text
    "menu_dark": "Dark",  # not-text
    "menu_print": "Print",  # not-text
    "menu_record": "Record screen",  # not-text
    "made_with": "Made with Streamlit v",  # not-text
    "close": "Close",  # not-text: a dialog's close button, as a screen reader names it
    "running": "Running...",  # not-text: the status icon while the page works, as a screen reader names it
    "page_missing": "Page not found",  # not-text
    "page_missing_text": "The page that you have requested does not seem to exist. Running the app's main page.",  # not-text
}
CTRL, MAC = "Ctrl", "⌘"  # not-text: a key's name; on a Mac Streamlit writes ⌘ where others see Ctrl


def words(code: str) -> dict[str, str]:
    """Each Streamlit text that ``code``'s page shows differently, with the words it shows instead."""
    return _words(code, content_folder())


@functools.lru_cache(maxsize=8)
def _words(code: str, folder: str) -> dict[str, str]:  # per content folder too (tests use their own)
    ours = catalogue(code)
    found = {}
    for key, original in ORIGINALS.items():
        shown = ours.text(f"common.streamlit.{key}")
        if shown != original:
            found[original] = shown
            if CTRL in original:
                found[original.replace(CTRL, MAC)] = shown.replace(CTRL, MAC)
    return found


def script(code: str) -> str:
    """The script for a page in ``code``: its words as JSON that cannot end the ``<script>`` it sits in.
    Made once per language, not at every run of every page."""
    return _script(code, content_folder())


@functools.lru_cache(maxsize=8)
def _script(code: str, folder: str) -> str:
    return SCRIPT.replace("{words}", json.dumps(_words(code, folder), ensure_ascii=False).replace("<", "\\u003c"))


# One observer per browser tab. Each run hands it the current language's words; a text it changed
# goes back to Streamlit's own when the next language has no words for it (the switch to English).
# A page whose language changes nothing starts no observer.
SCRIPT = """// # not-text: a script, no words for people
(() => {
  window.wdStreamlitWords = {words};
  if (!window.wdStreamlitObserver && Object.keys(window.wdStreamlitWords).length === 0) return;
  const put = (node) => {
    const original = node.wdOriginal ?? node.nodeValue;
    const shown = window.wdStreamlitWords[original.trim()];
    if (shown === undefined && node.wdOriginal === undefined) return;
    const wanted = shown === undefined ? original : shown;
    node.wdOriginal = original;
    if (node.nodeValue !== wanted) node.nodeValue = wanted;
  };
  const label = (element) => {  // what a screen reader hears for a button or an icon ("Close")
    const original = element.wdOriginalLabel ?? element.getAttribute('aria-label');
    const shown = window.wdStreamlitWords[original];
    if (shown === undefined && element.wdOriginalLabel === undefined) return;
    element.wdOriginalLabel = original;
    element.setAttribute('aria-label', shown ?? original);
  };
  // Charts are drawn in SVG, hundreds of texts at a time, and Streamlit writes none of its words there.
  const inChart = (node) => (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement)?.closest('svg');
  const skipCharts = {acceptNode: (n) => n.nodeName === 'svg' ? NodeFilter.FILTER_REJECT
    : n.nodeType === Node.TEXT_NODE ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP};
  const walk = (root) => {
    if ((root.nodeType !== Node.TEXT_NODE && root.nodeType !== Node.ELEMENT_NODE) || inChart(root)) return;
    if (root.nodeType === Node.TEXT_NODE) { put(root); return; }
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, skipCharts);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) put(node);
    const named = [...root.querySelectorAll('button[aria-label], [role=img][aria-label]')];
    if (root.matches('button[aria-label], [role=img][aria-label]')) named.push(root);
    named.forEach(label);
  };
  if (!window.wdStreamlitObserver) {
    window.wdStreamlitObserver = new MutationObserver((changes) => {
      for (const change of changes) {
        if (change.type === 'characterData') {
          const target = change.target;
          if (inChart(target)) continue;
          if (target.wdOriginal !== undefined
              && target.nodeValue !== window.wdStreamlitWords[target.wdOriginal.trim()]
              && target.nodeValue !== target.wdOriginal) {
            target.wdOriginal = undefined;  // Streamlit wrote a new text of its own
          }
          put(target);
        } else change.addedNodes.forEach(walk);
      }
    });
    window.wdStreamlitObserver.observe(document.body, {childList: true, subtree: true, characterData: true});
  }
  walk(document.body);
})();
"""
