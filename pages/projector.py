"""Projector: the room on the big screen, from the facilitator's projector link (?w=…&k=…)."""

import streamlit as st

from assessment import links
from assessment.storage.errors import StorageUnavailable
from ui import projector_view, workshops
from ui.text import t

links.blank_overlong_params(st.query_params)  # before anything reads them
st.set_page_config(page_title=t("projector.page_title"), layout="wide", initial_sidebar_state="collapsed")
projector_view.hide_chrome()

try:
    opened = workshops.from_link()
except StorageUnavailable:
    st.error(t("workshop.unavailable"))
    st.stop()
if opened is None:
    st.error(t("workshop.projector_link"))
    st.stop()
workshop, _key = opened
projector_view.keys(workshop.id)  # ← → step the room's screens; measures this screen
projector_view.live(workshop.id, workshops.join_link(workshop.code))
