"""The app's pages, in menu order: app.py builds st.navigation from this, links are built from it."""

from __future__ import annotations

from typing import NamedTuple


class PageSpec(NamedTuple):
    script: str
    title: str
    icon: str
    url_path: str
    hidden: bool = False


PAGES = (
    PageSpec("pages/home.py", "Home", ":material/home:", "home"),
    PageSpec("pages/questionnaire.py", "Questionnaire", ":material/edit_note:", "questionnaire"),
    PageSpec("pages/results.py", "Results", ":material/insights:", "results"),
    PageSpec("pages/method.py", "Method", ":material/menu_book:", "method"),
    PageSpec("pages/network.py", "Network map", ":material/hub:", "network"),
    PageSpec("pages/join.py", "Join a workshop", ":material/qr_code_2:", "join"),
    PageSpec("pages/workshop.py", "Run a workshop", ":material/groups:", "workshop"),
    PageSpec("pages/projector.py", "Projector", ":material/tv:", "projector", hidden=True),
)
URL_PATHS = frozenset(p.url_path for p in PAGES)
