import streamlit as st

size = st.selectbox("Size", ["small", "medium", "large"], key="size")
st.markdown(f"Second page: {st.session_state.get('saved', 'nothing yet')}, size {size}")
