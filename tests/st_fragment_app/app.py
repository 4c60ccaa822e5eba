"""A throwaway page for tests/test_st_fragments.py: a counter outside a fragment and one in
an auto-rerunning fragment, both counted in session state."""

import streamlit as st

st.session_state.setdefault("full_runs", 0)
st.session_state.setdefault("fragment_runs", 0)
st.session_state.full_runs += 1
st.markdown(f"Full runs: {st.session_state.full_runs}")


@st.fragment(run_every="10s")
def live() -> None:
    st.session_state.fragment_runs += 1
    st.markdown(f"Fragment runs: {st.session_state.fragment_runs}")


live()
