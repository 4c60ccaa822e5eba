"""Join a workshop: by the link in its QR code (?code=…) or by typing the code shown on screen."""

import streamlit as st

from assessment import links
from assessment.storage.errors import StorageUnavailable
from ui import join_view, place_view
from ui.text import t

links.blank_overlong_params(st.query_params)  # before anything reads them
st.title(t("workshop.join.title"), anchor=False)
join_view.current_workshop()
place_view.offer_place_in_room()  # after the reveal: your own dot among the room's, here only
linked = join_view.prefill_from_link()
message = st.empty()
try:
    if join_view.join_form():
        join_view.join_from_form(message)
    elif linked:
        join_view.preview(message, linked)
except StorageUnavailable:
    message.error(t("workshop.unavailable"))
