"""A link a person can pass on: the address in full, a copy button, and the phone's own share sheet.

One small component (st.components.v2: no iframe, mounted in the page, so the buttons sit in the
page's tab order) replaces ``st.code`` for links. ``st.code`` cut long links off on a phone, had
no copy button on touch screens, and made the browser load a 1.56 MB syntax highlighter on the
results page (issue 13 §3, §5).

- The address sits in a read-only text field labelled for screen readers, wrapping instead of
  overflowing, so it can also be selected by hand.
- "Copy link" writes it to the clipboard (navigator.clipboard; a selected field and
  ``execCommand("copy")`` where the clipboard API is refused) and says so in a polite live region.
- "Share…" opens the system share sheet (Web Share API, ``navigator.share``), shown only where
  the browser has one: phones mostly. Elsewhere copying is the way.

Every text arrives as data and is set with ``textContent`` / ``value``: nothing a person or a
link holds is ever parsed as HTML.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from .text import t

ASSETS = Path(__file__).parent / "assets"  # the component's HTML, CSS (theme variables: light and dark) and script
COMPONENT = "wide_deep.link_box"
_component = st.components.v2.component(
    COMPONENT, **{part: (ASSETS / f"link_box.{ext}").read_text(encoding="utf-8")
                  for part, ext in (("html", "html"), ("css", "css"), ("js", "js"))})


def link_box(url: str, *, label: str, key: str) -> None:
    """Show ``url`` with a copy button and, where the browser has one, a share button.

    ``label`` names the field for screen readers (e.g. "Your share link"); ``key`` is unique per page.
    """
    _component(key=key, data={"url": url, "label": label, "title": t("common.app_title"),
                               "copy": t("common.link_box.copy"), "copied": t("common.link_box.copied"),
                               "failed": t("common.link_box.failed"), "share": t("common.link_box.share"),
                               "copy_named": t("common.link_box.copy_named", link=label),
                               "share_named": t("common.link_box.share_named", link=label)})
