"""Join a workshop: by the link in its QR code (?code=…) or by typing the code shown on screen."""

import streamlit as st

from assessment import links
from assessment.storage.errors import StorageUnavailable
from ui import join_view, workshops

links.blank_overlong_params(st.query_params)  # before anything reads them
st.title("Join a workshop", anchor=False)
join_view.current_workshop()
linked = join_view.prefill_from_link()
message = st.empty()
try:
    if join_view.join_form():
        try:
            workshop = workshops.find_for_joining(st.session_state.get(join_view.CODE, ""))
        except workshops.JoinRefused as refused:
            message.error(str(refused))
        else:
            workshops.enter(workshop, st.session_state.get(join_view.NICKNAME, ""),
                            st.session_state.get(join_view.PUBLIC, False))
            st.switch_page("pages/questionnaire.py")
    elif linked:
        join_view.preview(message, linked)
except StorageUnavailable:
    message.error(workshops.MESSAGES["unavailable"])
