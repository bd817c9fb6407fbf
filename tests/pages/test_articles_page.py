"""The Articles page: list with dates, one article's text, removed furniture, adding articles."""

from streamlit.testing.v1 import AppTest

from tests.pages.conftest import APP


def open_corpus_page(app, **params):
    for key, value in params.items():
        app.query_params[key] = value
    app.switch_page("pages/articles.py")
    app.run()
    assert not app.exception
    return app


def test_lists_all_five_articles_with_their_dates(app):
    open_corpus_page(app)
    table = app.dataframe[0].value
    assert len(table) == 5
    published = dict(zip(table["File"], table["Published"]))
    assert published["002_f09298817ccba4f1.txt"] == "20 Jun 2024 (day)"
    assert published["003_acf3f096cf1d3bac.txt"] == "26 Oct 2024 (day)"
    assert published["004_8ccb0b7b50ae83bd.txt"] == "16 Nov 2024 (day)"
    for name in ("000_23855ce6f6a14ab7.txt", "001_3fe3a61bf119b289.txt"):
        assert "inferred" in published[name] or "unknown" in published[name]


def test_article_link_opens_it_with_the_sentence_highlighted(app):
    open_corpus_page(app, article="004_8ccb0b7b50ae83bd.txt", sentence="0")
    assert app.header[0].value == "Japan's minister visits Kyiv to stress mutual concern over N Korean troops"
    highlighted = [m.value for m in app.markdown if "orange-background" in m.value]
    assert len(highlighted) == 1
    assert "arrived in Kyiv" in highlighted[0]


def test_removed_furniture_is_listed_with_reasons(app):
    open_corpus_page(app, article="002_f09298817ccba4f1.txt")
    removed = app.dataframe[1].value
    assert {"Kind", "Why", "Text"} <= set(removed.columns)
    assert (removed["Kind"] == "comment").any()
    assert removed["Why"].str.len().min() > 0
    body = " ".join(m.value for m in app.markdown)
    assert "how embarrassing" not in body


def test_unknown_article_in_link_falls_back_to_the_first(app):
    open_corpus_page(app, article="../../etc/passwd")
    assert app.header[0].value


def test_pasted_article_is_added_and_listed(app_env, tmp_path, monkeypatch):
    monkeypatch.setenv("STORYLENS_DATA", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("pages/articles.py")
    at.run()
    at.text_area[0].input(
        "Seoul says more troops moved\n\nSouth Korea's spy agency said on Friday that North Korea had "
        "sent another 1,500 soldiers to Russia's Far East, bringing the total to about 3,000.\n\n"
        "Officials in Tokyo said they were watching the deployment closely."
    )
    at.text_input[0].input("seoul-troops.txt")
    at.button[0].click()  # the form's submit button
    at.run()
    assert not at.exception
    assert any("Added" in s.value for s in at.success)
    at.run()
    assert "seoul-troops.txt" in list(at.dataframe[0].value["File"])


def test_empty_paste_explains_itself(app):
    app.switch_page("pages/articles.py")
    app.run()
    app.button[0].click()
    app.run()
    assert any("Nothing to add" in w.value for w in app.warning)


def test_bad_paste_shows_one_line_error(app_env, tmp_path, monkeypatch):
    monkeypatch.setenv("STORYLENS_DATA", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("pages/articles.py")
    at.run()
    at.text_area[0].input("Home\nNews\nSport\nWeather\nContact us\nAbout us\nLog in")
    at.button[0].click()
    at.run()
    assert not at.exception
    assert any("no article text" in e.value for e in at.error)


def test_added_article_can_be_removed_but_bundled_ones_cannot(app_env, tmp_path, monkeypatch):
    import shutil

    shutil.copytree(app_env / "articles", tmp_path / "articles")
    monkeypatch.setenv("STORYLENS_DATA", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("pages/articles.py")
    at.query_params["article"] = "002_f09298817ccba4f1.txt"
    at.run()
    assert not [b for b in at.button if b.label == "Remove this article"]
    at.text_area[0].input(
        "Drone plant expands\n\nA drone factory in Tatarstan has hired more foreign workers this year, "
        "according to a regional official quoted by local media on Monday."
    )
    at.text_input[0].input("drone-plant.txt")
    at.button[0].click()
    at.run()
    assert any("Added" in s.value for s in at.success)
    at.query_params["article"] = "drone-plant.txt"
    at.run()
    remove = [b for b in at.button if b.label == "Remove this article"]
    assert remove
    remove[0].click()
    at.run()
    assert not at.exception
    assert "drone-plant.txt" not in list(at.dataframe[0].value["File"])
    assert len(at.dataframe[0].value) == 5
