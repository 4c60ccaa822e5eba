"""The app's pages, in menu order: app.py builds st.navigation from this, links are built from it."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import streamlit as st


class PageSpec(NamedTuple):
    script: str
    title_key: str      # its menu title: t("common.pages.<url_path>")
    icon: str
    url_path: str
    hidden: bool = False


PAGES = (
    PageSpec("pages/home.py", "common.pages.home", ":material/home:", "home"),
    PageSpec("pages/questionnaire.py", "common.pages.questionnaire", ":material/edit_note:", "questionnaire"),
    PageSpec("pages/results.py", "common.pages.results", ":material/insights:", "results"),
    PageSpec("pages/method.py", "common.pages.method", ":material/menu_book:", "method"),
    PageSpec("pages/network.py", "common.pages.network", ":material/hub:", "network"),
    PageSpec("pages/join.py", "common.pages.join", ":material/qr_code_2:", "join"),
    PageSpec("pages/workshop.py", "common.pages.workshop", ":material/groups:", "workshop"),
    PageSpec("pages/projector.py", "common.pages.projector", ":material/tv:", "projector", hidden=True),
)
URL_PATHS = frozenset(p.url_path for p in PAGES)


_menu_closer = st.components.v2.component(
    "wide_deep.menu_closer", js=(Path(__file__).parent / "assets" / "menu_closer.js").read_text(encoding="utf-8"))


def close_menu_after_tap() -> None:
    """On a phone the top menu becomes a sidebar that stayed open over the new page: close it after a tap.

    Streamlit 1.67 closes its sidebar menu after a tap (streamlit#4841), but not the one the top menu
    turns into on a narrow screen (streamlit#12642 asks to improve that collapse); a script in the page does it.
    """
    with st.container(key="page-script-menu"):  # nothing to see (app.py's CSS)
        _menu_closer(key="menu-closer")
