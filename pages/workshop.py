"""Placeholder until the workshop pages land."""
import streamlit as st

st.title("workshop")
