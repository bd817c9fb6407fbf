"""The router and shared sidebar."""

import pytest

from lib.core.settings import REPO_ROOT


def test_app_opens_on_search_with_collection_summary(app):
    app.run()
    assert not app.exception
    sidebar_text = " ".join(m.value for m in app.sidebar.caption)
    assert "5 articles" in sidebar_text
    metrics = {m.label: m.value for m in app.sidebar.metric}
    assert metrics["Articles"] == "5"


def test_every_page_renders_without_error(app):
    app.run()
    for page in ("pages/search.py", "pages/timeline.py", "pages/compare.py", "pages/articles.py"):
        app.switch_page(page)
        app.run()
        assert not app.exception, page
        assert app.title, page


def test_sidebar_offers_a_link_that_reproduces_the_view(app):
    # (AppTest drops sidebar elements after switch_page, so this checks the landing page.)
    app.query_params["q"] = "troops sent to Russia"
    app.run()
    link = app.sidebar.code[0].value
    assert "q=troops+sent+to+Russia" in link


@pytest.mark.parametrize(
    "variable, value, said",
    [
        ("STORYLENS_EMBED_BATCH", "abc", "STORYLENS_EMBED_BATCH='abc' is not usable"),
        ("STORYLENS_MAX_INPUT_MB", "-5", "STORYLENS_MAX_INPUT_MB='-5' is not usable"),
        ("STORYLENS_STORY_START", "last June", "STORYLENS_STORY_START='last June' is not a date"),
        ("STORYLENS_DATA", str(REPO_ROOT / "README.md"), "Cannot create the StoryLens store"),
    ],
)
def test_a_setting_the_app_cannot_use_is_explained_not_a_traceback(app, monkeypatch, variable, value, said):
    monkeypatch.setenv(variable, value)
    app.run()
    assert not app.exception
    assert any(said in error.value for error in app.error), [error.value for error in app.error]
