"""Text a person typed: cleaned once where it enters storage, and shown as text wherever it is shown.

    clean_text("Sam\\x00 \\u202eevil", 30)      # -> "Sam evil"   (stored the same on SQLite and PostgreSQL)
    as_markdown_text("www.evil.example")      # -> inert Markdown: shown as typed, never a link

Why cleaning: PostgreSQL refuses a NUL in text (``DataError``) where SQLite stores it, so
the same name must be cleaned the same way before either sees it. Invisible characters go
too: right-to-left overrides and other bidi controls, zero-width spaces and joiners (Unicode
category Cf) can make one name look like another ("Unicode Security Considerations",
UTS #39 and Unicode TR #36 §2: "bidirectional text spoofing", "invisible characters").

Why the Markdown part: Streamlit renders labels, titles and captions as GitHub-flavoured
Markdown with extras of its own. Escaping CommonMark's specials is not enough: the GFM
autolink literals (``www.x.y``, ``http://…``, e-mail addresses), emoji shortcodes
(``:smile:``), Material icons (``:material/verified:``) and colour directives
(``:red[…]``) are found in the *text* after escapes are resolved, so a backslash before the
``.`` or ``:`` does not stop them. A WORD JOINER (U+2060: invisible, zero-width, not a line
break) after every ``:`` and before every ``.`` and ``@`` breaks each of those patterns.
"""

from __future__ import annotations

import re
import unicodedata

# Unicode categories removed: Cc controls (C0, DEL, C1, including NUL), Cf format characters
# (bidi embeddings/overrides/isolates, ZWSP/ZWNJ/ZWJ, soft hyphen, BOM, tag characters), Cs
# lone surrogates (no encoding can store them), Co private use (no meaning to anyone else).
_REMOVED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co"})
_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x85")
_SPACES = re.compile(r"[^\S\n]+")  # any run of whitespace other than a newline
_MANY_BLANK_LINES = re.compile(r"\n{3,}")

# The longest text a person can type in each field (the forms' max_chars); storage cuts to these.
MAX_DISPLAY_NAME = 60
MAX_NICKNAME = 30
MAX_WORKSHOP_TITLE = 80
MAX_WORKSHOP_NOTE = 280

WORD_JOINER = "\u2060"
_ASCII_PUNCTUATION = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
# After backslash escapes: a word joiner after every ':' (shortcodes, icons, directives, and the
# "://" of every protocol) and before '.' and '@' (www. literals, e-mail addresses).
_JOIN_AFTER = re.compile(r"(\\:)")
_JOIN_BEFORE = re.compile(r"(\\[.@])")


def clean_text(value: object, max_chars: int, *, multiline: bool = False) -> str:
    """``value`` as text fit to store: no control, format or private-use characters, whitespace
    runs made one space (newlines kept, at most one blank line, when ``multiline``), trimmed,
    then cut to ``max_chars`` characters. ``None`` becomes ``""``.

    Tabs and line breaks become spaces in single-line text (a name); in ``multiline`` text
    (a note) every kind of line break becomes ``\\n``. Text is NFC-normalised first, so the
    same name typed on two keyboards is stored the same.
    """
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n")
    kept = []
    for char in text:
        if char in _LINE_BREAKS:
            kept.append("\n" if multiline else " ")
        elif char == "\t":
            kept.append(" ")
        elif unicodedata.category(char) not in _REMOVED_CATEGORIES:
            kept.append(char)
    cleaned = _SPACES.sub(" ", "".join(kept))
    if multiline:
        cleaned = "\n".join(line.strip() for line in cleaned.split("\n"))
        cleaned = _MANY_BLANK_LINES.sub("\n\n", cleaned)
    return cleaned.strip()[:max_chars].strip()


def clean_optional_text(value: object, max_chars: int) -> str | None:
    """``clean_text`` for a field that may be absent: ``None`` when nothing is left."""
    return clean_text(value, max_chars) or None


def as_markdown_text(value: object) -> str:
    """``value`` as Markdown that Streamlit shows exactly as the characters typed.

    Nothing in it is interpreted: no emphasis, heading (ATX or setext), list, quote, table,
    code (fenced or four-space indent), HTML, link, autolink, image, ``$`` math, emoji
    shortcode, Material icon or colour directive. Invisible characters are dropped as in
    ``clean_text``; each line's leading spaces are dropped (an indent would start a code
    block) and lines are joined with Markdown hard breaks, so a note keeps its lines.
    """
    text = clean_text(value, max_chars=1_000_000, multiline=True)
    lines = []
    for line in text.split("\n"):
        escaped = _ASCII_PUNCTUATION.sub(r"\\\1", line)
        escaped = _JOIN_AFTER.sub(r"\1" + WORD_JOINER, escaped)
        lines.append(_JOIN_BEFORE.sub(WORD_JOINER + r"\1", escaped))
    return "  \n".join(lines)


__all__ = [
    "MAX_DISPLAY_NAME", "MAX_NICKNAME", "MAX_WORKSHOP_NOTE", "MAX_WORKSHOP_TITLE", "WORD_JOINER", "as_markdown_text", "clean_optional_text", "clean_text",
]
