"""AppTest fixtures: the app pointed at a throwaway copy of the bundled corpus."""

import pytest
from streamlit.testing.v1 import AppTest

from lib.core.settings import REPO_ROOT

APP = str(REPO_ROOT / "app.py")


@pytest.fixture
def app_env(bundled_data_dir, monkeypatch):
    monkeypatch.setenv("STORYLENS_DATA", str(bundled_data_dir))
    return bundled_data_dir


@pytest.fixture
def app(app_env):
    """A fresh AppTest of the whole app (router + sidebar) on the bundled corpus."""
    return AppTest.from_file(APP, default_timeout=120)
