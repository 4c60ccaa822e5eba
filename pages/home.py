"""Home: what Wide & Deep measures, and the ways in."""

import streamlit as st

from assessment.pace import pace
from ui import resources
from ui.session import current
from ui.text import t

q = resources.questionnaire()
session = current()

st.title(t("common.app_title"))
st.markdown(t("home.tagline"))
st.write(q.intro)
whole = pace(q, {})
st.markdown(t("home.length", n=whole.total, minutes=whole.minutes_left))
st.caption(t("home.sources"))

answered, total = q.answered(session.answers), len(q.answer_keys())
if session.result:
    st.page_link("pages/results.py", label=t("home.see_results"), icon=":material/insights:")
if 0 < answered < total:
    st.info(t("home.progress", answered=answered, total=total))
    if st.button(t("home.continue"), type="primary", icon=":material/play_arrow:", key="home.continue"):
        st.switch_page("pages/questionnaire.py")
elif st.button(t("home.start"), type="primary", icon=":material/play_arrow:", key="home.start"):
    st.switch_page("pages/questionnaire.py")
st.page_link("pages/network.py", label=t("home.network"), icon=":material/hub:")

st.divider()
left, right = st.columns(2)
with left:
    st.markdown(t("home.workshop_title"))
    st.page_link("pages/join.py", label=t("home.join"), icon=":material/qr_code_2:")
with right:
    st.markdown(t("home.method_title"))
    st.page_link("pages/method.py", label=t("home.method"), icon=":material/menu_book:")
