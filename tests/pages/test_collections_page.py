"""AppTest of stories (collections): the link names the story, the sidebar switches it, a bad link is explained."""

import pytest

from lib.core.collections import create_collection
from lib.core.settings import load_settings

pytestmark = pytest.mark.slow


@pytest.fixture
def stories(app_env, tmp_path, monkeypatch):
    monkeypatch.setenv("STORYLENS_COLLECTIONS", str(tmp_path / "stories"))
    return create_collection("Quake test", load_settings())


def sidebar_counts(at):
    return {metric.label: metric.value for metric in at.sidebar.metric}


def test_a_link_to_a_new_story_opens_it_empty(app, stories):
    app.query_params["collection"] = stories.slug
    app.run()
    assert not app.exception
    assert sidebar_counts(app)["Articles"] == "0"
    assert any("no articles yet" in info.value for info in app.info)
    assert app.sidebar.selectbox[0].value == stories.slug
    assert app.query_params["collection"] == stories.slug


@pytest.mark.parametrize("slug, said", [("no-such-story", "There is no story 'no-such-story'"),
                                        ("../../etc", "is not a story name")])
def test_a_bad_story_in_a_link_is_explained_and_the_bundled_story_shown(app, stories, slug, said):
    app.query_params["collection"] = slug
    app.run()
    assert not app.exception
    assert any(said in warning.value for warning in app.warning), [w.value for w in app.warning]
    assert sidebar_counts(app)["Articles"] == "5"
    assert "collection" not in app.query_params


def test_the_sidebar_switches_stories_and_the_link_follows(app, stories):
    app.run()
    assert sidebar_counts(app)["Articles"] == "5" and "collection" not in app.query_params
    picker = app.sidebar.selectbox[0]
    assert picker.options[0] == "Bundled story" and "Quake test" in picker.options
    picker.set_value(stories.slug).run()
    assert not app.exception
    assert sidebar_counts(app)["Articles"] == "0"
    assert app.query_params["collection"] == stories.slug
    app.sidebar.selectbox[0].set_value("bundled").run()
    assert sidebar_counts(app)["Articles"] == "5" and "collection" not in app.query_params


def test_the_story_survives_a_move_to_another_page(app, stories):
    app.query_params["collection"] = stories.slug
    app.run()
    app.switch_page("pages/articles.py")
    app.run()  # switching pages starts from a clean URL, as in the browser
    assert not app.exception
    assert app.query_params["collection"] == stories.slug
    assert any("no articles yet" in info.value for info in app.info)
