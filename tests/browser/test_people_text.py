"""People's text through Streamlit's real Markdown renderer: shown as typed, nothing interpreted.

tests/browser/people_text_app.py shows every text of tests/people_text_samples.py through
``md_escape`` in st.markdown, st.caption, st.title and a st.page_link label. In the browser,
each sample's box must hold exactly one link (the page_link's own, fixed address), one
heading (the title's), none of the elements Markdown would make, and the text as typed.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from assessment.people_text import WORD_JOINER
from tests.browser.streamlit_app import wait_idle
from tests.people_text_samples import HOSTILE_TEXTS

# What Markdown would make of the samples if anything were interpreted.
INTERPRETED = (
    "img, code, pre, .katex, strong, em, del, blockquote, ul, ol, li, table, hr, h2, h3, h4, h5, h6, "
    "input, script, b, [data-testid='stIconMaterial'], [style*='color'], sup, section.footnotes"
)


def shown(text: str) -> str:
    return " ".join(text.replace(WORD_JOINER, "").split())


@pytest.fixture(scope="module")
def samples_page(browser, tmp_path_factory):
    from tests.browser.streamlit_app import REPO, start_streamlit, stop_streamlit

    tmp = tmp_path_factory.mktemp("people_text")
    app = start_streamlit(REPO / "tests/browser/people_text_app.py",
                          {"DATABASE_URL": f"sqlite:///{tmp / 'app.sqlite'}"}, tmp / "streamlit.log")
    page = browser.new_page()
    try:
        page.goto(app.base_url)
        wait_idle(page)
        page.wait_for_selector(f".st-key-sample-{len(HOSTILE_TEXTS) - 1}")
        yield page
    finally:
        page.close()
        stop_streamlit(app)


@pytest.mark.parametrize("n", range(len(HOSTILE_TEXTS)), ids=[repr(t)[:40] for t in HOSTILE_TEXTS])
def test_md_escape__hostile_text_in_real_markdown__shown_as_typed_nothing_interpreted(samples_page: Page, n):
    box = samples_page.locator(f".st-key-sample-{n}")
    links = box.locator("a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]

    assert hrefs == ["https://example.org/fixed"]
    assert box.locator("h1").count() == 1
    assert [e.evaluate("e => e.outerHTML")[:120] for e in box.locator(INTERPRETED).all()] == []
    texts = [shown(e.inner_text()) for e in box.locator("[data-testid='stMarkdownContainer']").all()]
    assert texts == [shown(HOSTILE_TEXTS[n])] * 3  # markdown, caption, title
    assert shown(links.first.inner_text()) == shown(HOSTILE_TEXTS[n])
