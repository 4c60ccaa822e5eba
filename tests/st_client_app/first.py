import streamlit as st

colour = st.radio("Colour", ["red", "green", "blue"], key="colour")
name = st.text_input("Name", key="name")
if st.button("Save", key="save"):
    st.session_state["saved"] = f"{name or 'Someone'} likes {colour}"
st.markdown(f"Saved: {st.session_state.get('saved', 'nothing yet')}")
st.markdown(f"Query: {st.query_params.get('code', '-')}")
if st.button("Next page", key="next"):
    st.switch_page("second.py")
