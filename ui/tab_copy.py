"""The network map kept in this browser tab too, so a session that starts afresh finds it again.

The map's names live in the server's session only (never in the database). A session that starts
afresh under the same tab, after a server restart or after the tab was away longer than the session
waits (``server.disconnectedSessionTTL``), used to show an empty map. So the tab keeps its own copy
in ``sessionStorage``: the map file's text (``map_file.export_map``, unstamped), on this device, in
this tab only, gone when the tab is closed. A fresh session asks the tab once; a copy that comes back
is read like a downloaded map file (``map_file.read_map``: its size, nesting and roster limits, as for
any file a client sends) and fills the map only if it is still empty. Names never reach the database.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import streamlit as st

from assessment.exchange import ImportRefused
from assessment.network.content import NetworkContent
from assessment.network.map_file import export_map, read_map
from assessment.network.roster import filled_rows

from .session import current

KEY = "network-tab-copy"
_JS = """// # not-text: a script, no words for people
export default function ({ data, setStateValue }) {
  const KEY = 'wide-deep.network-map';
  let store;
  try { store = window.sessionStorage; store.length; } catch (e) { return; }  // storage blocked: nothing kept
  if (data.ask) { setStateValue('kept', {ask: data.ask, map: store.getItem(KEY) || ''}); return; }
  try {
    if (data.map) store.setItem(KEY, data.map); else store.removeItem(KEY);
  } catch (e) { /* full or blocked: the map stays in the session only */ }
}
"""


@functools.cache
def _component() -> Any:
    return st.components.v2.component("wide_deep.network_tab_copy", js=_JS)


def keep_in_tab(rows: list[Mapping[str, Any]], ties: list[Any], content: NetworkContent) -> None:
    """Ask this tab for its copy (once per session), or give it the map as it is now."""
    session = current()
    if not session.tab_copy_read and _answer() is not None and _kept(content):
        st.rerun()  # answered, the callback not called (a session's first run), and the map came back: draw it
    if session.tab_copy_read:
        filled = filled_rows(rows)
        data = {"map": export_map(filled, ties, stamped=False) if filled else ""}
    else:
        data = {"ask": session.tab_copy_ask}
    with st.container(key="page-script-tab-copy"):  # nothing to see (app.py's CSS)
        _component()(key=KEY, data=data, height=0, on_kept_change=functools.partial(_kept, content))


def _answer() -> str | None:
    """The tab's answer to this session's question (its copy, or "" for none); None before it comes, and
    for an answer to another session's question (a tab's state outlives a session that starts afresh)."""
    sent = (st.session_state.get(KEY) or {}).get("kept")
    if isinstance(sent, dict) and sent.get("ask") == current().tab_copy_ask and isinstance(sent.get("map"), str):
        return sent["map"]
    return None


def _kept(content: NetworkContent) -> bool:
    """The tab's answer: its copy fills the map if the map is still empty (True then); anything
    unreadable is ignored."""
    session = current()
    kept = _answer()
    if kept is None:
        return False
    session.mark_tab_copy_read()
    if not kept or filled_rows(session.roster_rows):
        return False
    try:
        loaded = read_map(kept, content)  # the same limits as a file: a client can send anything
    except ImportRefused:
        return False
    session.set_network_map(loaded.rows, loaded.ties)
    return True
