"""Run a workshop: create one, or, from the facilitator link (?w=…&k=…), its links and controls."""

import streamlit as st

from assessment import links
from assessment.storage.errors import StorageUnavailable
from ui import facilitator_view, rooms_view, workshops
from ui.links import Param
from ui.text import t

links.blank_overlong_params(st.query_params)  # before anything reads them
try:
    opened = workshops.from_link(remember=True)  # the rooms side by side include it from now on
except StorageUnavailable:
    st.error(t("workshop.unavailable"))
    st.stop()
if opened is not None:
    facilitator_view.facilitator_page(*opened)
    rooms_view.rooms_side_by_side()
else:
    st.title(t("workshop.create.title"), anchor=False)
    facilitator_view.show_notice()
    if Param.WORKSHOP in st.query_params or Param.KEY in st.query_params:
        st.error(t("workshop.facilitator_link"))
    facilitator_view.create_form()
    facilitator_view.created_here()
    rooms_view.rooms_side_by_side()
