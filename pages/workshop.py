"""Run a workshop: create one, or, from the facilitator link (?w=…&k=…), its links and controls."""

import streamlit as st

from assessment import links
from assessment.storage.errors import StorageUnavailable
from ui import facilitator_view, workshops

links.blank_overlong_params(st.query_params)  # before anything reads them
try:
    opened = workshops.from_link()
except StorageUnavailable:
    st.error(workshops.MESSAGES["unavailable"])
    st.stop()
if opened is not None:
    facilitator_view.facilitator_page(*opened)
else:
    st.title("Run a workshop", anchor=False)
    facilitator_view.show_notice()
    if "w" in st.query_params or "k" in st.query_params:
        st.error(workshops.MESSAGES["facilitator_link"])
    facilitator_view.create_form()
    facilitator_view.created_here()
