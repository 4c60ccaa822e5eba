"""Every hostile text through each Streamlit element that shows people's text, via md_escape."""

import streamlit as st

from tests.people_text_samples import HOSTILE_TEXTS
from ui.result_view import md_escape

for n, text in enumerate(HOSTILE_TEXTS):
    with st.container(key=f"sample-{n}"):
        st.markdown(md_escape(text))
        st.caption(md_escape(text))
        st.title(md_escape(text), anchor=False)
        st.page_link("https://example.org/fixed", label=md_escape(text))
