"""STORYLENS_STORE / STORYLENS_DATABASE_URL: SQLite unless asked, and a clear message for what cannot work."""

import os
import subprocess
import sys

import pytest

from lib.core.errors import SettingsError
from lib.core.settings import REPO_ROOT, load_settings

SECRET_URL = "postgresql://analyst:s3cret-pw@db.example:5432/storylens"


def test_the_store_is_sqlite_unless_set(monkeypatch, tmp_path):
    monkeypatch.delenv("STORYLENS_STORE", raising=False)
    monkeypatch.delenv("STORYLENS_DATABASE_URL", raising=False)
    settings = load_settings(tmp_path)
    assert (settings.store_backend, settings.database_url) == ("sqlite", None)


def test_postgres_takes_the_database_url(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYLENS_STORE", " PostgreS ")
    monkeypatch.setenv("STORYLENS_DATABASE_URL", f" {SECRET_URL} ")
    settings = load_settings(tmp_path)
    assert (settings.store_backend, settings.database_url) == ("postgres", SECRET_URL)


def test_the_database_password_never_shows_in_the_settings_repr(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYLENS_STORE", "postgres")
    monkeypatch.setenv("STORYLENS_DATABASE_URL", SECRET_URL)
    assert "s3cret-pw" not in repr(load_settings(tmp_path))


def test_an_unknown_store_lists_the_backends(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYLENS_STORE", "mysql")
    with pytest.raises(SettingsError, match="STORYLENS_STORE='mysql'.*one of sqlite, postgres.*remove it"):
        load_settings(tmp_path)


@pytest.mark.parametrize("url", [None, "", "   "])
def test_postgres_without_a_database_url_says_what_to_set(monkeypatch, tmp_path, url):
    monkeypatch.setenv("STORYLENS_STORE", "postgres")
    if url is None:
        monkeypatch.delenv("STORYLENS_DATABASE_URL", raising=False)
    else:
        monkeypatch.setenv("STORYLENS_DATABASE_URL", url)
    with pytest.raises(SettingsError, match="needs STORYLENS_DATABASE_URL.*postgresql://"):
        load_settings(tmp_path)


def test_a_database_url_without_postgres_is_ignored(monkeypatch, tmp_path):
    monkeypatch.delenv("STORYLENS_STORE", raising=False)
    monkeypatch.setenv("STORYLENS_DATABASE_URL", "not even a url")
    assert load_settings(tmp_path).store_backend == "sqlite"


def test_the_cli_prints_one_line_for_postgres_without_a_url(tmp_path):
    env = dict(os.environ, STORYLENS_STORE="postgres", PYTHONPATH=str(REPO_ROOT))
    env.pop("STORYLENS_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "lib.cli", "articles", "--data", str(tmp_path)],
        cwd=REPO_ROOT, capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: The setting STORYLENS_STORE='postgres' needs STORYLENS_DATABASE_URL")
    assert "Traceback" not in result.stderr
