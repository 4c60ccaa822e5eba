"""Join a workshop with a code."""
import streamlit as st
st.title("Join a workshop")
