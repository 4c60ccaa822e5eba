"""Streamlit's own words on our pages: each one we replace is still what Streamlit writes, and each
language has words for it (ui/streamlit_words.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit

from ui import streamlit_words
from ui.text import catalogue, languages

SCRIPTS = Path(streamlit.__file__).parent / "static" / "static" / "js"


@pytest.fixture(scope="module")
def streamlits_script() -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in SCRIPTS.glob("*.js"))


@pytest.mark.parametrize("key", sorted(streamlit_words.ORIGINALS))
def test_each_replaced_text__is_written_by_this_streamlit__as_one_text(streamlits_script, key):
    original = streamlit_words.ORIGINALS[key]
    written = original.replace("Enter to apply", "Enter to ${").replace("Enter to submit form", "Enter to ${")
    if "Ctrl+" in original:  # `Press ${isMac ? "⌘" : "Ctrl"}+Enter to ${action}`, action "apply" or "submit form"
        assert "+Enter to ${" in streamlits_script and "`Ctrl`" in streamlits_script
        assert ("`apply`" if "apply" in original else "`submit form`") in streamlits_script
    elif written != original:  # `Press Enter to ${action}`
        assert "`Press Enter to ${" in streamlits_script
        assert ("`apply`" if "apply" in original else "`submit form`") in streamlits_script
    elif key == "page_missing_text":  # `${reason}. Running the app's main page.`
        assert "`The page that you have requested does not seem to exist`" in streamlits_script
        assert "}. Running the app's main page.`" in streamlits_script
    else:
        assert f"`{original}`" in streamlits_script, f"Streamlit no longer writes {original!r}: update ORIGINALS"


@pytest.mark.parametrize("code", languages())
def test_every_language__has_words_for_each_text(code):
    for key in streamlit_words.ORIGINALS:
        assert catalogue(code).text(f"common.streamlit.{key}").strip()


def test_portuguese__replaces_every_text__with_the_mac_key_too():
    words = streamlit_words.words("pt-BR")
    assert set(streamlit_words.ORIGINALS.values()) <= set(words)
    assert words["Press ⌘+Enter to apply"] == "Pressione ⌘+Enter para aplicar"


def test_english__keeps_streamlits_words__except_those_that_speak_of_a_streamlit_server_or_its_main_page():
    words = streamlit_words.words("en")
    assert "Press Enter to apply" not in words and "Upload" not in words
    assert all("Streamlit server" in original or "Connection" in original or original == "Error"
               or "main page" in original for original in words)
    assert not any("Streamlit" in shown for shown in words.values())


def clear_caches() -> None:
    """The words and the script are made once per language and folder: forget them around a changed ORIGINALS."""
    streamlit_words._words.cache_clear()
    streamlit_words._script.cache_clear()


def test_the_script__holds_the_pages_words__and_nothing_that_ends_its_script_tag(monkeypatch):
    clear_caches()
    monkeypatch.setitem(streamlit_words.ORIGINALS, "upload", "</script><b>Upload")
    try:
        script = streamlit_words.script("pt-BR")
    finally:
        clear_caches()
    assert "</script>" not in script and "{words}" not in script
    assert '"Escolher arquivo"' in script and "Pressione Enter para aplicar" in script
