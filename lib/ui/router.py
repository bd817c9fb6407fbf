"""Make every page run inside the router (app.py), even on a freshly started server.

Streamlit sees the `pages/` folder (the layout our design card fixes) and,
until some session has called `st.navigation`, serves a deep link such as
/timeline by running pages/timeline.py on its own: no sidebar, no shared
state, a menu listing "app". Each page therefore starts with
`require_router()`: when the router did not start this run, the page runs
app.py itself (which calls st.navigation and then runs this page normally)
and stops. Hand-written because Streamlit has no switch to turn the legacy
pages-folder mode off.
"""

from __future__ import annotations

import runpy
import threading

import streamlit as st

from lib.core.settings import REPO_ROOT

_state = threading.local()  # each Streamlit session runs its script in its own thread


def router_started() -> None:
    """Called by app.py before it runs the page."""
    _state.active = True


def require_router() -> None:
    """Run the router instead when Streamlit started this page without it."""
    if getattr(_state, "active", False):
        return
    _state.active = True
    try:
        runpy.run_path(str(REPO_ROOT / "app.py"), run_name="__main__")
    finally:
        _state.active = False
    st.stop()
