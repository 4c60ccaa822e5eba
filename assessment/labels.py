"""Turning any text into a safe Plotly label.

Plotly renders a few HTML-like tags in labels and hover text, and strings that start with
'$' as MathJax; both have been used to inject links. Every label built from text a person
typed (names, nicknames, imported files) goes through ``plain_label``.
"""

from __future__ import annotations

import html

PALETTE = {
    # Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency.
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
    "grey": "#6B6B6B",
}
WIDTH_COLOUR = PALETTE["blue"]
DEPTH_COLOUR = PALETTE["vermillion"]


def plain_label(text: object, limit: int = 60) -> str:
    """Escape markup, defuse MathJax and cut to ``limit`` characters."""
    s = str(text).strip()
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    s = html.escape(s, quote=True)
    if s.startswith("$"):
        s = "\u200b" + s  # a zero-width space stops Plotly from reading it as MathJax
    return s


def wrap_words(text: str, width: int) -> list[str]:
    """Greedy word wrap into lines of at most ``width`` characters (a longer word keeps its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]
