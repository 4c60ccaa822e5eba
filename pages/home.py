"""Home: what Wide & Deep measures, and the ways in."""

import streamlit as st

from ui import resources, state

q = resources.questionnaire()

st.title("Wide & Deep")
st.markdown("**See where your professional network is wide, where it is deep, and what to do next.**")
st.write(q.intro)

answered = len(state.answers())
total = len(q.answer_keys())
if state.get(state.RESULT):
    st.page_link("pages/results.py", label="See your results", icon=":material/insights:")
if 0 < answered < total:
    st.info(f"You have answered {answered} of {total} questions.")
    if st.button("Continue where you left off", type="primary", icon=":material/play_arrow:", key="home.continue"):
        st.switch_page("pages/questionnaire.py")
elif st.button("Start the assessment", type="primary", icon=":material/play_arrow:", key="home.start"):
    st.switch_page("pages/questionnaire.py")
st.page_link("pages/network.py", label="Or map your network: the people who matter, wide and deep", icon=":material/hub:")

st.divider()
left, right = st.columns(2)
with left:
    st.markdown("**In a workshop?**")
    st.page_link("pages/join.py", label="Join with a code", icon=":material/qr_code_2:")
with right:
    st.markdown("**How it works**")
    st.page_link("pages/method.py", label="The method behind the scores", icon=":material/menu_book:")
