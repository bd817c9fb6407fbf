"""Placeholder: the compare page is being built."""

import streamlit as st

st.title("Compare")
st.info("This view is coming soon.")
