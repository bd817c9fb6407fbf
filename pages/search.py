"""Placeholder: the search page is being built."""

import streamlit as st

st.title("Search")
st.info("This view is coming soon.")
