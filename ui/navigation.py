"""The app's pages, in menu order: app.py builds st.navigation from this, links are built from it."""

from __future__ import annotations

from typing import NamedTuple


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
