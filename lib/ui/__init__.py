"""Small Streamlit helpers shared by pages: the only part of lib/ that imports streamlit."""
