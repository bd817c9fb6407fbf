"""Settings from environment variables: defaults, and a clear message for values StoryLens cannot use."""

import os
import subprocess
import sys

import pytest

from lib.core.errors import SettingsError
from lib.core.settings import DEFAULT_EMBED_BATCH, REPO_ROOT, load_settings


def test_defaults_when_nothing_is_set(monkeypatch, tmp_path):
    for name in ("STORYLENS_EMBED_BATCH", "STORYLENS_MAX_INPUT_MB", "STORYLENS_STORY_START"):
        monkeypatch.delenv(name, raising=False)
    settings = load_settings(tmp_path)
    assert (settings.embed_batch_size, settings.max_input_bytes, settings.story_start) == (DEFAULT_EMBED_BATCH, 20 * 1024 * 1024, "2024-06-01")


def test_values_that_are_set_are_used(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYLENS_EMBED_BATCH", " 16 ")
    monkeypatch.setenv("STORYLENS_MAX_INPUT_MB", "0.5")
    monkeypatch.setenv("STORYLENS_STORY_START", "2025-01-01")
    settings = load_settings(tmp_path)
    assert (settings.embed_batch_size, settings.max_input_bytes, settings.story_start) == (16, 512 * 1024, "2025-01-01")


def test_the_vector_index_is_exact_unless_set_and_takes_the_qdrant_locations(monkeypatch, tmp_path):
    for name in ("STORYLENS_VECTOR_INDEX", "STORYLENS_QDRANT_URL", "STORYLENS_QDRANT_PATH"):
        monkeypatch.delenv(name, raising=False)
    settings = load_settings(tmp_path)
    assert (settings.vector_index, settings.qdrant_url, settings.qdrant_path) == ("exact", None, None)
    monkeypatch.setenv("STORYLENS_VECTOR_INDEX", " Qdrant-Edge ")
    monkeypatch.setenv("STORYLENS_QDRANT_URL", " http://localhost:6333 ")
    monkeypatch.setenv("STORYLENS_QDRANT_PATH", str(tmp_path / "shards"))
    settings = load_settings(tmp_path)
    assert (settings.vector_index, settings.qdrant_url, settings.qdrant_path) == (
        "qdrant-edge", "http://localhost:6333", (tmp_path / "shards").resolve()
    )


def test_an_unusable_vector_index_lists_the_engines(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYLENS_VECTOR_INDEX", "faiss")
    with pytest.raises(SettingsError, match="one of exact, qdrant, qdrant-edge"):
        load_settings(tmp_path)


@pytest.mark.parametrize(
    "variable, value",
    [
        ("STORYLENS_EMBED_BATCH", "abc"),
        ("STORYLENS_EMBED_BATCH", "0"),
        ("STORYLENS_EMBED_BATCH", "8.5"),
        ("STORYLENS_MAX_INPUT_MB", "lots"),
        ("STORYLENS_MAX_INPUT_MB", "-1"),
        ("STORYLENS_MAX_INPUT_MB", "nan"),
        ("STORYLENS_STORY_START", "June 2024"),
        ("STORYLENS_STORY_START", "2024-13-01"),
        ("STORYLENS_VECTOR_INDEX", "faiss"),
        ("STORYLENS_VECTOR_INDEX", "qdrant edge"),
    ],
)
def test_an_unusable_value_names_the_variable_and_the_fix(monkeypatch, tmp_path, variable, value):
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as raised:
        load_settings(tmp_path)
    message = str(raised.value)
    assert variable in message and repr(value) in message
    assert "remove it" in message


def test_the_cli_prints_one_line_and_exits_2_for_an_unusable_setting(tmp_path):
    env = dict(os.environ, STORYLENS_EMBED_BATCH="many", PYTHONPATH=str(REPO_ROOT))
    result = subprocess.run(
        [sys.executable, "-m", "lib.cli", "articles", "--data", str(tmp_path)],
        cwd=REPO_ROOT, capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: The setting STORYLENS_EMBED_BATCH='many'")
    assert "Traceback" not in result.stderr
