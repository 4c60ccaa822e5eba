"""Which words on a page read as English, for the Portuguese pages' check.

The English-only words are every word of the English content (content/en/) that the Portuguese
content (content/pt-BR/) never uses: "your", "network", "answers" are English-only, while names
the two share ("Wide & Deep", "BNI", "workshop", "link") are not. A short allow-list adds names that
appear only in English content.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WORD = re.compile(r"[A-Za-zÀ-ÿ]{3,}")
# Names and technical terms a Portuguese page may show as they are.
ALLOWED = {"wide", "deep", "misner", "ivan", "bni", "quantity", "quality", "king", "networking", "important",
           "while", "csv", "html", "json", "granovetter", "marsden", "campbell", "burt", "krackhardt", "stern",
           "blau", "tab", "enter", "axe", "core", "chromium", "streamlit", "plotly", "wcag"}


def _words(folder: Path) -> set[str]:
    return {w.lower() for p in folder.rglob("*.yaml") for w in WORD.findall(_values(p.read_text(encoding="utf-8")))}


def _values(text: str) -> str:
    """The YAML's text without its keys and comments (keys are identifiers, not words shown)."""
    lines = []
    for line in text.splitlines():
        line = line.split(" #", 1)[0] if not line.lstrip().startswith("#") else ""
        lines.append(line.split(":", 1)[1] if re.match(r"\s*[\w\"'-]+:", line) else line)
    return "\n".join(lines)


@functools.cache
def english_only() -> frozenset[str]:
    english, portuguese = _words(REPO / "content" / "en"), _words(REPO / "content" / "pt-BR")
    return frozenset(english - portuguese - ALLOWED)


def english_words(text: str) -> list[str]:
    """The words of ``text`` that only the English content uses, in order, each once."""
    found = [w for w in WORD.findall(text) if w.lower() in english_only()]
    return list(dict.fromkeys(found))
