"""A throwaway two-page app for tests/test_st_client.py: st.navigation, a radio, a text
input, a selectbox and a button, with answers kept in session state."""

import streamlit as st

pages = [
    st.Page("first.py", title="First", url_path="first", default=True),
    st.Page("second.py", title="Second", url_path="second"),
]
st.navigation(pages).run()
