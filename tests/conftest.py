"""Shared fixtures: the bundled corpus loaded into a throwaway data folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lib.core.settings import REPO_ROOT, load_settings
from lib.ingest.corpus import load_corpus
from lib.text.embed import embedder_for

BUNDLED = REPO_ROOT / "data" / "articles"


@pytest.fixture(scope="session")
def bundled_data_dir(tmp_path_factory) -> Path:
    """A data folder holding a copy of the bundled corpus (the repo's store is never touched)."""
    folder = tmp_path_factory.mktemp("bundled-data")
    shutil.copytree(BUNDLED, folder / "articles")
    return folder


@pytest.fixture(scope="session")
def corpus(bundled_data_dir):
    return load_corpus(load_settings(bundled_data_dir))


@pytest.fixture(scope="session")
def embedder(corpus):
    """The real embedding model, as the corpus's settings name it (loaded once per session)."""
    return embedder_for(corpus.settings)


@pytest.fixture(scope="session")
def articles_by_file(corpus):
    return {article.source_file: article for article in corpus.articles}


@pytest.fixture
def empty_settings(tmp_path):
    """Settings for a fresh, empty data folder."""
    return load_settings(tmp_path / "data")
