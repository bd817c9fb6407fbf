"""Collections: a story is a data folder; names and links are validated in words, never a traceback."""

import json
import os
import subprocess
import sys

import pytest

from lib.core.collections import (
    BUNDLED_SLUG,
    CollectionError,
    create_collection,
    list_collections,
    resolve_collection,
    slug_for,
)
from lib.core.settings import REPO_ROOT, load_settings


@pytest.fixture
def settings(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYLENS_COLLECTIONS", str(tmp_path / "stories"))
    return load_settings(tmp_path / "bundled")


@pytest.mark.parametrize(
    "name, slug",
    [
        ("Myanmar quake, March 2025", "myanmar-quake-march-2025"),
        ("  Élections   françaises ", "elections-francaises"),
        ("Rice prices!!", "rice-prices"),
    ],
)
def test_slug_is_lower_case_ascii_words_joined_by_hyphens(name, slug):
    assert slug_for(name) == slug


def test_a_name_without_latin_letters_gets_a_stable_story_slug():
    assert slug_for("ミャンマー地震") == slug_for("ミャンマー地震")
    assert slug_for("ミャンマー地震").startswith("story-") and slug_for("ミャンマー地震") != slug_for("地震")


def test_the_collections_folder_comes_from_its_setting(settings, tmp_path):
    assert settings.collections_dir == (tmp_path / "stories").resolve()


def test_a_new_story_is_an_empty_data_folder_listed_after_the_bundled_one(settings):
    created = create_collection("Myanmar quake", settings)
    assert created.slug == "myanmar-quake" and created.name == "Myanmar quake"
    assert (created.data_dir / "articles").is_dir()
    assert json.loads((created.data_dir / "collection.json").read_text())["name"] == "Myanmar quake"
    listed = list_collections(settings)
    assert [c.slug for c in listed] == [BUNDLED_SLUG, "myanmar-quake"]
    assert listed[0].bundled and listed[0].data_dir == settings.data_dir
    assert resolve_collection("myanmar-quake", settings).data_dir == created.data_dir
    assert not any(path.name.startswith(".new-") for path in settings.collections_dir.iterdir())


@pytest.mark.parametrize("slug", [None, "", BUNDLED_SLUG])
def test_no_slug_or_bundled_opens_the_bundled_story(settings, slug):
    assert resolve_collection(slug, settings).bundled


@pytest.mark.parametrize(
    "name, said",
    [
        ("", "Give the new story a name"),
        ("   ", "Give the new story a name"),
        ("x" * 81, "keep it to 80"),
        ("!!!", "has no letters or digits"),
        ("bad\x00name", "control characters"),
        ("Bundled", "name of the bundled story"),
    ],
)
def test_an_unusable_name_is_refused_in_words(settings, name, said):
    with pytest.raises(CollectionError) as raised:
        create_collection(name, settings)
    assert said in str(raised.value)
    assert not settings.collections_dir.exists() or not any(settings.collections_dir.iterdir())


def test_a_name_already_taken_is_refused(settings):
    create_collection("Rice prices", settings)
    with pytest.raises(CollectionError, match="already exists"):
        create_collection("rice  PRICES", settings)


@pytest.mark.parametrize(
    "slug, said",
    [
        ("../etc", "is not a story name"),
        ("Myanmar Quake", "is not a story name"),
        ("no-such-story", "There is no story 'no-such-story'"),
    ],
)
def test_a_bad_or_unknown_slug_in_a_link_is_explained(settings, slug, said):
    with pytest.raises(CollectionError) as raised:
        resolve_collection(slug, settings)
    assert said in str(raised.value) and "bundled story instead" in str(raised.value)


def test_a_damaged_collection_file_is_listed_under_its_slug(settings):
    created = create_collection("Damaged", settings)
    (created.data_dir / "collection.json").write_text("{not json")
    assert [c.name for c in list_collections(settings)][1] == "damaged"


def test_a_folder_that_cannot_be_written_is_explained(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("STORYLENS_COLLECTIONS", str(blocker / "stories"))
    with pytest.raises(CollectionError, match="STORYLENS_COLLECTIONS"):
        create_collection("Anything", load_settings(tmp_path / "bundled"))


def _cli(*args, env):
    return subprocess.run([sys.executable, "-m", "lib.cli", *args], cwd=REPO_ROOT, capture_output=True, text=True,
                          env=dict(os.environ, HF_HUB_OFFLINE="1", **env), timeout=300)


def test_the_cli_creates_and_lists_the_stories_the_app_opens(tmp_path):
    env = {"STORYLENS_COLLECTIONS": str(tmp_path / "stories"), "STORYLENS_DATA": str(tmp_path / "bundled")}
    made = _cli("collections", "create", "Quake 2025", "--json", env=env)
    assert made.returncode == 0, made.stderr
    folder = json.loads(made.stdout)["data_dir"]
    listed = json.loads(_cli("collections", "list", "--json", env=env).stdout)
    assert [c["slug"] for c in listed] == ["bundled", "quake-2025"]
    # --data on the story's folder works on the same store: the new story starts empty
    articles = _cli("articles", "--json", "--data", folder, env=env)
    assert articles.returncode == 0 and json.loads(articles.stdout) == []


def test_the_cli_refuses_a_taken_name_in_one_line(tmp_path):
    env = {"STORYLENS_COLLECTIONS": str(tmp_path / "stories")}
    _cli("collections", "create", "Same", env=env)
    again = _cli("collections", "create", "Same", env=env)
    assert again.returncode == 2 and "already exists" in again.stderr and "Traceback" not in again.stderr
