"""StoryLens: explore how one news story is covered across outlets.

The router: declares the pages and the shared sidebar, nothing else.
"""

import streamlit as st

from lib.core.errors import StoryLensError
from lib.ui.router import router_started
from lib.ui.sidebar import render_share_link, render_sidebar

st.set_page_config(page_title="StoryLens", page_icon="🔎", layout="wide")

pages = [
    st.Page("pages/search.py", title="Search", icon=":material/search:", default=True),
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page("pages/compare.py", title="Compare sources", icon=":material/compare_arrows:"),
    st.Page("pages/articles.py", title="Articles", icon=":material/newspaper:"),
]
navigation = st.navigation(pages)
router_started()
try:
    render_sidebar()  # opens the collection: a setting or folder it cannot use stops here, in words
except StoryLensError as error:
    st.error(str(error))
    st.stop()
navigation.run()
render_share_link()
