"""Rules of assessment/people_text.py: text cleaned for storing, and shown as text in Markdown.

The Markdown rules are checked in the real renderer by tests/browser/test_people_text.py;
these pin the pure function's output.
"""

from __future__ import annotations

import pytest

from assessment.people_text import WORD_JOINER as WJ
from assessment.people_text import as_markdown_text, clean_optional_text, clean_text
from tests.people_text_samples import HOSTILE_TEXTS


@pytest.mark.parametrize("typed, stored", [
    ("Sam\x00", "Sam"),                                   # NUL: PostgreSQL refuses it in text
    ("A\x01B\x1fC\x7fD\x85E\x9fF", "ABCD EF"),     # C0, DEL, C1 (U+0085 is a line break: a space)
    ("Ada\u202eevil\u202c", "Adaevil"),                  # right-to-left override and its pop
    ("ad\u200bmin\u200c\u200d\u2060\ufeff", "admin"),    # zero-width space, non-joiner, joiner, word joiner, BOM
    ("\u2066Sam\u2069 \u200fx\u200e", "Sam x"),          # bidi isolates and marks
    ("  two\t\tspaces \n next  ", "two spaces next"),     # a name is one line, one space at a time
    ("Cafe\u0301", "Café"),                               # NFC: e + combining acute is é
    ("\ue000private", "private"),                         # private-use character
    ("\ud800lone", "lone"),                               # lone surrogate: no encoding can store it
])
def test_clean_text__controls_and_invisibles__removed(typed, stored):
    assert clean_text(typed, 80) == stored


def test_clean_text__multiline_note__lines_kept_trimmed_one_blank_line_at_most():
    typed = "Room 2\r\n  14:00\x00 \n\n\n\nbring\ta pen\u2028end"

    assert clean_text(typed, 280, multiline=True) == "Room 2\n14:00\n\nbring a pen\nend"


def test_clean_text__longer_than_the_cap__cut_after_cleaning_and_trimmed():
    # 5 NULs do not count towards the cap; the cut leaves "abc " whose space is trimmed
    assert clean_text("\x00" * 5 + "abc defg", 4) == "abc"


def test_clean_text__none__empty():
    assert clean_text(None, 10) == ""


def test_clean_optional_text__only_invisibles__none():
    assert clean_optional_text("\u200b\x00 ", 30) is None
    assert clean_optional_text(None, 30) is None
    assert clean_optional_text(" Ada ", 30) == "Ada"


def test_as_markdown_text__www_autolink__dots_escaped_and_joined():
    assert as_markdown_text("www.evil.example") == f"www{WJ}\\.evil{WJ}\\.example"


def test_as_markdown_text__email__at_sign_joined():
    assert as_markdown_text("a@b.c") == f"a{WJ}\\@b{WJ}\\.c"


def test_as_markdown_text__icon_and_directive__colon_followed_by_a_word_joiner():
    assert as_markdown_text(":material/verified:") == f"\\:{WJ}material\\/verified\\:{WJ}"
    assert as_markdown_text(":red[x]") == f"\\:{WJ}red\\[x\\]"


def test_as_markdown_text__setext_heading_and_indent__lines_trimmed_hard_breaks():
    assert as_markdown_text("Heading\n===") == "Heading  \n\\=\\=\\="
    assert as_markdown_text("    code") == "code"


def test_as_markdown_text__every_ascii_punctuation__backslash_escaped():
    punctuation = "!\"#$%&'()*+,-/;<=>?[\\]^_`{|}~"

    assert as_markdown_text(punctuation) == "".join("\\" + c for c in punctuation)


def test_as_markdown_text__plain_words__unchanged():
    assert as_markdown_text("Ada Lovelace") == "Ada Lovelace"


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_as_markdown_text__hostile_samples__no_unescaped_markup_left(text):
    shown = as_markdown_text(text)
    bare = shown.replace("\\\\", "")  # an escaped backslash is plain text

    for i, char in enumerate(bare):
        if char in "!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~":
            assert bare[i - 1] == "\\", (text, shown, i)
    assert "www." not in shown.replace("\\", "") and "://" not in shown.replace("\\", "")
