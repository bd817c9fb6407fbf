"""Plotly figures built from records/DataFrames; testable without streamlit."""
