"""Placeholder: the timeline page is being built."""

import streamlit as st

st.title("Timeline")
st.info("This view is coming soon.")
